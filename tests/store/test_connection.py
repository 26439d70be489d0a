"""Sharing the database file between a reading server and a writer in
another process."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsevents.errors import StoreError
from newsevents.store.connection import Database, SharedFile, open_file, writer_waiting
from tests.conftest import subprocess_env

HOLD = """
import sys, time, duckdb
conn = duckdb.connect(sys.argv[1])
print("held", flush=True)
time.sleep(float(sys.argv[2]))
conn.close()
"""


def _hold(path: Path, seconds: float) -> subprocess.Popen[str]:
    """Another process that holds the file for writing for ``seconds``."""
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path), str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None and process.stdout.readline() == "held\n"
    return process


def test_connection_waits_for_another_writer(tmp_path: Path) -> None:
    path = tmp_path / "x.duckdb"
    Database(path)
    holder = _hold(path, 1.0)
    start = time.monotonic()
    conn = open_file(path, wait=20)
    waited = time.monotonic() - start
    conn.close()
    holder.wait()
    assert 0.3 < waited < 20


def test_connection_gives_up_with_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "x.duckdb"
    Database(path)
    holder = _hold(path, 5.0)
    with pytest.raises(StoreError, match="another process held it too long"):
        open_file(path, wait=0.3)
    holder.kill()
    holder.wait()


def test_connection_server_lets_go_for_a_writer(tmp_path: Path) -> None:
    path = tmp_path / "x.duckdb"
    Database(path)
    shared = SharedFile(path)
    with shared.request() as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone() == (0,)
    assert not shared.changed()
    # A writer in another process: it leaves its marker, the idle server
    # closes its connection, the write goes through.
    script = (
        "import sys; from newsevents.store.connection import Database\n"
        "db = Database(sys.argv[1])\n"
        'with db.open() as c: c.execute("INSERT INTO failures VALUES '
        "('f', NULL, 'fetch', 'm', current_timestamp)\")\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)], capture_output=True, text=True,
        timeout=60, env=subprocess_env(),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert not writer_waiting(path)  # the marker went with the writer
    assert shared.changed()
    with shared.request() as conn:
        assert conn.execute("SELECT count(*) FROM failures").fetchone() == (1,)
    shared.close()


@pytest.mark.slow
@pytest.mark.issue
def test_issue_13_ingest_while_serving(tmp_path: Path) -> None:
    """`ingest` used to fail with DuckDB's lock error while `serve` held the
    database, and the server saw nothing new until restarted."""
    import socket

    import httpx
    from typer.testing import CliRunner

    from newsevents.cli import app

    path = tmp_path / "x.duckdb"
    Database(path)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    serve = subprocess.Popen(
        [sys.executable, "-m", "newsevents.cli", "serve", "--db", str(path),
         "--port", str(port)],
        env=subprocess_env(),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                before = httpx.get(f"{base}/api/articles", timeout=2).json()
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "serve did not start"
                time.sleep(0.2)
        article = tmp_path / "2024-06-19-a.txt"
        article.write_text("La Russie a attaqué l'Ukraine samedi près de Kharkiv.")
        result = CliRunner().invoke(
            app, ["ingest", str(article), "--db", str(path), "--processes", "1"]
        )
        assert result.exit_code == 0, result.output
        after = httpx.get(f"{base}/api/articles", timeout=10).json()
        events = httpx.get(f"{base}/api/events", timeout=10).json()
    finally:
        serve.terminate()
        serve.wait(timeout=30)
    assert (before["total"], after["total"]) == (0, 1)
    assert [e["code"] for e in events["items"]] == ["190"]
