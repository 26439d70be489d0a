"""Several writers and a server on one PostgreSQL database: two ingests run
at once (as separate processes, through the CLI) while ``serve`` answers.
Nothing is lost, nothing is stored twice, and the API shows the new events
without a restart."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn

from newsevents.api.app import create_app
from newsevents.batch import IngestOptions, ingest
from newsevents.store.schema import connect

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parent.parent.parent

EXAMPLES = sorted((ROOT / "examples" / "fr").glob("*.txt")) + sorted(
    (ROOT / "examples" / "en").glob("*.txt")
)


@pytest.fixture
def server(postgres_db: str) -> Iterator[tuple[str, str]]:
    """A PostgreSQL database and the API serving it on a loopback port."""
    url = postgres_db
    connect(url).close()
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(url), log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, kwargs={"sockets": [sock]})
    thread.start()
    while not running.started:
        time.sleep(0.05)
    yield url, f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join()
    sock.close()


def _ingest(folder: Path, url: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-m", "newsevents.cli", "ingest", str(folder),
         "--db", url, "--processes", "1", "--batch-size", "1"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip


def test_concurrency_two_ingests_and_serve(
    server: tuple[str, str], tmp_path: Path
) -> None:
    url, base = server
    # Two input folders that share two articles.
    first, second = tmp_path / "first", tmp_path / "second"
    for folder, files in ((first, EXAMPLES[:4]), (second, EXAMPLES[2:])):
        folder.mkdir()
        for file in files:
            shutil.copy(file, folder / file.name)
    with httpx.Client(base_url=base) as http:
        assert http.get("/api/events").json()["total"] == 0
        jobs = [_ingest(first, url), _ingest(second, url)]
        seen: list[int] = []
        while any(job.poll() is None for job in jobs):
            response = http.get("/api/events", params={"limit": 1})
            assert response.status_code == 200
            seen.append(response.json()["total"])
            time.sleep(0.5)
        outputs = [job.communicate()[0] for job in jobs]
        assert [job.returncode for job in jobs] == [0, 0], outputs
        served = http.get("/api/events", params={"limit": 500}).json()
    conn = connect(url, read_only=True)
    articles = conn.execute("SELECT id FROM articles ORDER BY id").fetchall()
    assert len(articles) == len(EXAMPLES)  # nothing lost, nothing twice
    # The same events as one ingest of every file on its own (DuckDB).
    alone = connect(tmp_path / "alone.duckdb")
    ingest(
        alone, [str(f) for f in EXAMPLES], IngestOptions(processes=1, progress=False)
    )
    query = (
        "SELECT article_id, idx, code, source_code, target_code, event_date "
        "FROM events ORDER BY article_id, idx"
    )
    events = conn.execute(query).fetchall()
    assert events == alone.execute(query).fetchall()
    ids = [r[0] for r in conn.execute("SELECT id FROM events").fetchall()]
    assert len(ids) == len(set(ids))
    orphans = conn.execute(
        "SELECT count(*) FROM events WHERE cluster_id IS NULL "
        "OR cluster_id NOT IN (SELECT id FROM clusters)"
    ).fetchone()
    assert orphans == (0,)
    # The server saw the events arrive and shows them all, without a restart.
    assert served["total"] == len(events)
    assert sorted(e["id"] for e in served["items"]) == sorted(ids)
    assert seen == sorted(seen) and seen[-1] <= len(events)
