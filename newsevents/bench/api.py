"""Load test of the events endpoint: generate a database of random events,
start the server in its own process on loopback, and drive it with
concurrent clients for a fixed time. Prints figures; not a test."""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

# A mix of event list requests like the UI makes: pages, filters, sorts.
QUERIES = [
    {},
    {"offset": "50"},
    {"actor": "RUS"},
    {"actor": "RUS", "target": "UKR"},
    {"code": "19", "since": "2022-01-01", "until": "2023-12-31"},
    {"actor": "FRA", "sort": "-goldstein"},
    {"target": "PRK", "modality": "asserted"},
    {"place": "FRA", "since": "2024-01-01"},
    {"actor": "USAGOV", "offset": "100"},
    {"code": "04", "sort": "date"},
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def make_database(path: Path | str, events: int) -> float:
    """Generate ``events`` random events at ``path`` (a DuckDB file or an
    empty PostgreSQL database); return the seconds."""
    from ..store.schema import connect
    from .store import fill

    start = time.perf_counter()
    conn = connect(path)
    fill(conn, events)
    conn.close()
    return time.perf_counter() - start


def _holds_events(db: str) -> bool:
    """Whether the database ``db`` exists and holds events already."""
    from ..store.backend import is_postgres
    from ..store.schema import connect

    if not is_postgres(db):
        return Path(db).exists()
    conn = connect(db)
    row = conn.execute("SELECT count(*) FROM events").fetchone()
    conn.close()
    return bool(row and row[0])


async def _client(
    http: httpx.AsyncClient,
    number: int,
    stop: float,
    out: list[float],
    errors: list[str],
) -> None:
    index = number
    while time.perf_counter() < stop:
        params = {**QUERIES[index % len(QUERIES)], "limit": "50"}
        index += 1
        start = time.perf_counter()
        try:
            response = await http.get("/api/events", params=params)
            if response.status_code != 200:
                errors.append(f"{response.status_code} {response.text[:100]}")
                continue
        except httpx.HTTPError as exc:
            errors.append(repr(exc))
            continue
        out.append((time.perf_counter() - start) * 1000)


async def _drive(
    base: str, clients: int, seconds: float
) -> tuple[list[float], list[str]]:
    latencies: list[float] = []
    errors: list[str] = []
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as http:
        await http.get("/api/events")  # warm up
        stop = time.perf_counter() + seconds
        await asyncio.gather(
            *(_client(http, n, stop, latencies, errors) for n in range(clients))
        )
    return latencies, errors


# wrk (Debian's C load generator) leaves the cores to the server; this Lua
# script makes it rotate through the same QUERIES and print percentiles.
_WRK_SCRIPT = """
local paths = {%s}
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n %% #paths) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT %%d %%d %%d %%.1f %%.1f %%.1f\\n",
    summary.requests, summary.errors.status + summary.errors.connect
      + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.duration, latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
"""


def _drive_wrk(
    base: str, clients: int, seconds: float, folder: Path
) -> tuple[int, int, float, float, float, float]:
    """(requests, errors, seconds, p50, p95, p99 in ms) measured by wrk."""
    paths = []
    for query in QUERIES:
        params = httpx.QueryParams({**query, "limit": "50"})
        paths.append(f'"/api/events?{params}"')
    script = folder / "rotate.lua"
    script.write_text(_WRK_SCRIPT % ", ".join(paths), encoding="utf-8")
    out = subprocess.run(
        ["wrk", "-t2", f"-c{clients}", f"-d{int(seconds)}s", "-s", str(script), base],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    line = next(x for x in out.stdout.splitlines() if x.startswith("RESULT"))
    requests, errors, micros, p50, p95, p99 = line.split()[1:]
    return (
        int(requests),
        int(errors),
        int(micros) / 1e6,
        float(p50),
        float(p95),
        float(p99),
    )


def _wait(base: str, process: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with code {process.returncode}")
        try:
            # The endpoint under test (the overview's aggregates take
            # seconds on PostgreSQL at 10^6 events).
            probe = httpx.get(base + "/api/events?limit=1", timeout=30)
            if probe.status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise RuntimeError(f"the server did not answer within {timeout} s")


def bench_api(
    events: int = 1_000_000,
    clients: int = 20,
    seconds: float = 30,
    db: str | None = None,
) -> dict[str, object]:
    """Requests/s and latency percentiles of ``/api/events`` under
    ``clients`` concurrent clients for ``seconds``, on a generated database
    of ``events`` events (or the database ``db`` when it exists)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = db or str(Path(tmp) / "bench.duckdb")
        generated = 0.0 if _holds_events(path) else make_database(path, events)
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [sys.executable, "-m", "newsevents.cli", "serve", "--db", path,
             "--port", str(port)],
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )  # fmt: skip
        try:
            _wait(base, server)
            if shutil.which("wrk"):
                httpx.get(base + "/api/events")  # warm up
                requests, failed, took, p50, p95, p99 = _drive_wrk(
                    base, clients, seconds, Path(tmp)
                )
                driver = "wrk"
            else:
                latencies, errors = asyncio.run(_drive(base, clients, seconds))
                driver = "httpx"
        finally:
            server.terminate()
            server.wait(timeout=20)
    if driver == "wrk":
        return {
            "events": events if not db else "from " + str(db),
            "generate_seconds": round(generated, 1),
            "driver": driver,
            "clients": clients,
            "seconds": round(took, 1),
            "requests": requests,
            "requests_per_s": round(requests / took, 1),
            "p50_ms": p50,
            "p95_ms": p95,
            "p99_ms": p99,
            "errors": failed,
            "first_error": "",
        }
    cuts = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0] * 99
    return {
        "events": events if not db else "from " + str(db),
        "generate_seconds": round(generated, 1),
        "driver": driver,
        "clients": clients,
        "seconds": seconds,
        "requests": len(latencies),
        "requests_per_s": round(len(latencies) / seconds, 1),
        "p50_ms": round(cuts[49], 1),
        "p95_ms": round(cuts[94], 1),
        "p99_ms": round(cuts[98], 1),
        "errors": len(errors),
        "first_error": errors[0] if errors else "",
    }


def main() -> None:
    """``python -m newsevents.bench.api [EVENTS] [CLIENTS] [SECONDS] [DB]``:
    DB a DuckDB file or a PostgreSQL URL (generated when empty)."""
    args: list[object] = [int(a) for a in sys.argv[1:4]]
    result = bench_api(*args, *sys.argv[4:5])  # type: ignore[arg-type]
    for key, value in result.items():
        sys.stdout.write(f"{key:<17}: {value}\n")


if __name__ == "__main__":
    main()
