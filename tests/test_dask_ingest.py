"""The distributed ingest (newsevents/dask_ingest.py): partitions, Parquet
shards, and a real Dask LocalCluster of 2 workers giving the same database
as the local ingest on 2 processes."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from newsevents.batch import IngestOptions, ingest
from newsevents.dask_ingest import DaskOptions, ingest_dask, partitions, shard_name
from newsevents.errors import InputError
from newsevents.ingest.files import RawItem, read_inputs
from newsevents.models import Failure
from newsevents.store.backend import Connection
from newsevents.store.schema import connect
from newsevents.store.shards import read_shard, write_shard
from tests.store._data import FRA, RUS, UKR, USA, event, rows


def _item(n: int) -> RawItem:
    return RawItem(file="f.jsonl", item=str(n), text=f"texte {n}")


def test_dask_ingest_partitions_keep_order_and_pass_failures() -> None:
    broken = Failure(file="bad.xml", item=None, reason="malformed", message="m")
    entries = [_item(1), _item(2), broken, _item(3), _item(4), _item(5)]
    parts = list(partitions(entries, 2))
    assert parts == [[_item(1), _item(2)], broken, [_item(3), _item(4)], [_item(5)]]


def test_dask_ingest_shard_names_follow_inputs_and_options() -> None:
    a = shard_name([_item(1), _item(2)], None)
    assert a == shard_name([_item(1), _item(2)], None)
    assert a != shard_name([_item(2), _item(1)], None)
    assert a != shard_name([_item(1), _item(2)], "fr")
    assert a.startswith("part-") and a.endswith(".parquet")


def test_dask_ingest_shard_round_trip(tmp_path: Path) -> None:
    entries = [
        rows("Macron a rencontré Biden.", [event(FRA, USA)]),
        Failure(file="x.txt", item=None, reason="empty", message="x.txt: empty"),
        rows(
            "Russian troops attacked Ukraine.",
            [
                event(RUS, UKR, "190", quad=4, goldstein=-10.0, place=None),
                event(UKR, RUS, "111", day=None),
            ],
            published=date(2024, 6, 20),
            language="en",
        ),  # fmt: skip
        # An item coded from its feed's summary keeps the flag.
        replace(
            rows("La France a condamné l'attaque.", [event(FRA, RUS)]),
            summary_only=True,
        ),  # fmt: skip
    ]
    assert entries[-1] != replace(entries[-1], summary_only=False)
    target = str(tmp_path / "shards" / "part-1.parquet")
    write_shard(target, entries)
    assert read_shard(target) == entries
    # Any fsspec URL: file:// here.
    write_shard("file://" + str(tmp_path / "url.parquet"), entries[:1])
    assert read_shard("file://" + str(tmp_path / "url.parquet")) == entries[:1]


def test_dask_ingest_shards_in_a_row_hold_only_their_own_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # One thread writes every shard through one scratch database: each shard
    # holds its partition's rows only, even after a write that failed.
    from newsevents.store import shards

    first = [rows("Macron a rencontré Biden.", [event(FRA, USA)])]
    second = [rows("Russian troops attacked Ukraine.", [event(RUS, UKR)],
                   language="en")]  # fmt: skip
    write_shard(str(tmp_path / "a.parquet"), first)
    write_shard(str(tmp_path / "b.parquet"), second)
    assert read_shard(str(tmp_path / "a.parquet")) == first
    assert read_shard(str(tmp_path / "b.parquet")) == second

    def fails(*args: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(shards, "_struct", fails)  # after the rows are inserted
    with pytest.raises(RuntimeError, match="disk full"):
        write_shard(str(tmp_path / "c.parquet"), first + second)
    monkeypatch.undo()
    assert not (tmp_path / "c.parquet").exists()
    write_shard(str(tmp_path / "d.parquet"), second)
    assert read_shard(str(tmp_path / "d.parquet")) == second


@pytest.mark.parametrize(
    "address,shards,message",
    [
        ("localhost:8786", None, "want tcp://HOST:PORT"),
        ("local:x", None, "want tcp://HOST:PORT"),
        ("tcp://10.0.0.1:8786", None, "needs --shards"),
    ],
)
def test_dask_ingest_rejects_bad_addresses(
    address: str, shards: str | None, message: str
) -> None:
    with pytest.raises(InputError, match=message):
        DaskOptions(address, shards)


def _subset(shared: Path, tmp_path: Path, n: int) -> str:
    """The first ``n`` articles of a gilets-jaunes corpus file as JSON Lines."""
    corpus = shared / "data" / "corpora" / "fr" / "gilets-jaunes" / "fr_CA_corpus.xml"
    if not corpus.is_file():
        pytest.skip(f"{corpus} is absent")
    items = [i for i in read_inputs([str(corpus)]) if isinstance(i, RawItem)][:n]
    path = tmp_path / "subset.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for item in items:
            record = {
                "text": item.text,
                "title": item.title,
                "url": item.url,
                "date": item.published.isoformat() if item.published else None,
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")  # fmt: skip
    return str(path)


def _content(conn: Connection) -> dict[str, list[tuple[object, ...]]]:
    """Every stored row but the ingest times."""
    return {
        "articles": conn.execute(
            "SELECT * EXCLUDE (ingested_at) FROM articles ORDER BY id"
        ).fetchall(),
        "mentions": conn.execute(
            "SELECT * FROM mentions ORDER BY article_id, idx"
        ).fetchall(),
        "events": conn.execute("SELECT * FROM events ORDER BY id").fetchall(),
        "clusters": conn.execute("SELECT * FROM clusters ORDER BY id").fetchall(),
    }


def _intervals(server: object) -> dict[str, object]:
    """A Dask server's periodic callbacks (milliseconds) and environment."""
    import os

    callbacks = server.periodic_callbacks  # type: ignore[attr-defined]
    found: dict[str, object] = {
        name: callbacks[name].callback_time if name in callbacks else None
        for name in ("tick", "monitor", "memory_monitor", "profile")
    }
    found["MALLOC_TRIM_THRESHOLD_"] = os.environ.get("MALLOC_TRIM_THRESHOLD_")
    return found


def _scheduler_intervals(dask_scheduler: object) -> dict[str, object]:
    return _intervals(dask_scheduler)


def _worker_intervals(dask_worker: object) -> dict[str, object]:
    return _intervals(dask_worker)


@pytest.mark.slow
def test_dask_ingest_local_cluster_quiets_dask_monitors(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Our LocalCluster's servers run with the settings that spare the
    # coding CPU (docs/scaling.md measures them): the loop's health check
    # every second, the system monitor every 10 s, the workers' memory
    # every second, no statistical profiler, glibc's default trimming.
    from newsevents import dask_ingest

    monkeypatch.delenv("MALLOC_TRIM_THRESHOLD_", raising=False)
    client, cluster = dask_ingest._client("local:1", None)
    try:
        scheduler = client.run_on_scheduler(_scheduler_intervals)
        workers = list(client.run(_worker_intervals).values())
        nannies = [_intervals(nanny) for nanny in cluster.workers.values()]
    finally:
        client.close()
        cluster.close()
    assert scheduler["tick"] == 1000 and scheduler["monitor"] == 10_000
    assert len(workers) == len(nannies) == 1
    assert workers[0] == {"tick": 1000, "monitor": 10_000, "memory_monitor": 1000,
                          "profile": None, "MALLOC_TRIM_THRESHOLD_": None}  # fmt: skip
    assert nannies[0]["tick"] == 1000 and nannies[0]["memory_monitor"] == 1000


@pytest.mark.slow
def test_dask_ingest_local_cluster_equals_processes(
    shared: Path, tmp_path: Path
) -> None:
    subset = _subset(shared, tmp_path, 40)
    local = connect(tmp_path / "processes.duckdb")
    summary = ingest(local, [subset], IngestOptions(processes=2, progress=False))
    assert summary.coded == 40
    lines: list[str] = []
    where = DaskOptions(
        "local:2", str(tmp_path / "shards"), partition_size=10, log=lines.append
    )
    dask = connect(tmp_path / "dask.duckdb")
    options = IngestOptions(progress=False)
    summary = ingest_dask(dask, [subset], options, where)
    assert (summary.coded, summary.duplicates, summary.failed) == (40, 0, 0)
    # The address, or why it is not served (bokeh absent): never a crash.
    assert lines[0].startswith("dask dashboard: ") and "http://127.0.0.1:" in lines[0]
    assert set(where.timings) >= {"cluster", "first_shard", "loaded", "closed"}
    assert len(list((tmp_path / "shards").glob("part-*.parquet"))) == 4
    expected, got = _content(local), _content(dask)
    assert len(got["events"]) >= 5 and len(got["clusters"]) >= 5
    for table in expected:
        assert got[table] == expected[table], table
    # Idempotent: the same inputs again add nothing and code nothing.
    again = ingest_dask(dask, [subset], options, where)
    assert (again.coded, again.duplicates) == (0, 40)
    assert _content(dask) == expected


@pytest.mark.slow
def test_dask_ingest_into_postgres(new_db: Callable[[], str], tmp_path: Path) -> None:
    texts = tmp_path / "in"
    texts.mkdir()
    examples = Path(__file__).resolve().parent.parent / "examples" / "fr"
    for file in sorted(examples.glob("*.txt"))[:2]:
        (texts / file.name).write_text(file.read_text(encoding="utf-8"))
    (texts / "empty.txt").write_text("  ")
    conn = connect(new_db())
    where = DaskOptions("local:2", partition_size=1)
    summary = ingest_dask(conn, [str(texts)], IngestOptions(progress=False), where)
    assert (summary.coded, summary.failed) == (2, 1)
    assert conn.execute("SELECT count(*) FROM articles").fetchone() == (2,)
    stored = conn.execute("SELECT count(*) FROM events").fetchone()
    assert stored == (summary.events,) and summary.events > 0
    assert conn.execute("SELECT reason FROM failures").fetchall() == [("empty",)]


def _kill_a_worker_when(shards: Path, killed: list[int]) -> None:
    """Wait for the first shard, then kill -9 one Dask worker process (a
    child of this process: LocalCluster's nannies run here and spawn the
    workers)."""
    import os
    import signal
    import time

    import psutil

    deadline = time.monotonic() + 600
    while not list(shards.glob("part-*.parquet")):
        if time.monotonic() > deadline:
            return
        time.sleep(0.2)
    workers = [
        child
        for child in psutil.Process().children()
        if "spawn_main" in " ".join(child.cmdline())
        and "resource_tracker" not in " ".join(child.cmdline())
    ]
    if workers:
        os.kill(workers[0].pid, signal.SIGKILL)
        killed.append(workers[0].pid)


@pytest.mark.slow
def test_dask_ingest_survives_a_killed_worker(tmp_path: Path) -> None:
    import threading

    root = Path(__file__).resolve().parent.parent / "examples"
    inputs = [str(root / "fr"), str(root / "en")]
    alone = connect(tmp_path / "alone.duckdb")
    # Chunks of one, as the partitions below (a chunk is coded language by
    # language, which orders its rows).
    ingest(alone, inputs, IngestOptions(processes=1, chunk_size=1, progress=False))
    shards = tmp_path / "shards"
    killed: list[int] = []
    killer = threading.Thread(target=_kill_a_worker_when, args=(shards, killed))
    killer.start()
    conn = connect(tmp_path / "dask.duckdb")
    where = DaskOptions("local:2", str(shards), partition_size=1)
    options = IngestOptions(chunk_size=1, progress=False)
    summary = ingest_dask(conn, inputs, options, where)
    killer.join()
    assert killed, "no worker was killed"
    assert (summary.coded, summary.failed) == (7, 0)
    assert _content(conn) == _content(alone)


def _examples(tmp_path: Path, n: int) -> Path:
    """A folder of the first ``n`` French example articles."""
    folder = tmp_path / "in"
    folder.mkdir()
    examples = Path(__file__).resolve().parent.parent / "examples" / "fr"
    for file in sorted(examples.glob("*.txt"))[:n]:
        (folder / file.name).write_text(file.read_text(encoding="utf-8"))
    return folder


@pytest.mark.slow
def test_dask_ingest_remote_scheduler(tmp_path: Path) -> None:
    """`ingest --dask tcp://...` on a real scheduler and two workers started
    here, as a remote cluster would be: the rows of a local ingest."""
    import logging

    from distributed import LocalCluster
    from typer.testing import CliRunner

    from newsevents.cli import app

    texts = str(_examples(tmp_path, 3))
    runner = CliRunner()
    local = str(tmp_path / "local.duckdb")
    args = ["ingest", texts, "--db", local, "--processes", "1", "--lang", "fr"]
    done = runner.invoke(app, args)
    assert done.exit_code == 0, done.output
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
        dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR,
    ) as cluster:  # fmt: skip
        address = cluster.scheduler_address
        assert address.startswith("tcp://127.0.0.1:")
        db = str(tmp_path / "dask.duckdb")
        args = ["ingest", texts, "--db", db, "--dask", address,
                "--shards", str(tmp_path / "shards"), "--lang", "fr"]  # fmt: skip
        done = runner.invoke(app, args)
        assert done.exit_code == 0, done.output
        assert done.stdout.startswith("coded 3, skipped as duplicate 0, failed 0")
        again = runner.invoke(app, args)
        assert again.stdout.startswith("coded 0, skipped as duplicate 3")
    assert len(list((tmp_path / "shards").glob("part-*.parquet"))) == 1
    expected, got = connect(local), connect(db)
    assert _content(got) == _content(expected)
    assert got.execute("SELECT count(*) FROM events").fetchone() != (0,)


class _FakeClient:
    dashboard_link = "http://127.0.0.1:8787/status"

    def __init__(self, bokeh: bool) -> None:
        self.bokeh = bokeh

    def run_on_scheduler(self, function: Callable[[], bool]) -> bool:
        assert function() in (True, False)  # runs here as on a scheduler
        return self.bokeh


@pytest.mark.parametrize("bokeh", [True, False])
def test_dask_ingest_dashboard_says_when_bokeh_is_missing(bokeh: bool) -> None:
    from newsevents.dask_ingest import dashboard

    line = dashboard(_FakeClient(bokeh))
    if bokeh:
        assert line == "http://127.0.0.1:8787/status"
    else:
        assert line.startswith("unavailable: bokeh is not installed")
        assert "pip install 'bokeh>=3.1'" in line and "127.0.0.1:8787" in line


def test_dask_ingest_warm_up_loads_then_reports_its_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from newsevents.dask_ingest import _worker
    from newsevents.errors import DataError

    monkeypatch.setattr(_worker, "_warming", None)
    monkeypatch.setattr(_worker, "_warm_error", [])
    _worker.start_warming(None)
    _worker._wait_warm()  # the knowledge base and the gazetteer: no error

    def broken(language: str | None) -> None:
        raise DataError("actors.tsv", 3, "a bad line")

    monkeypatch.setattr(_worker, "_warming", None)
    monkeypatch.setattr(_worker, "_load", broken)
    _worker.start_warming("fr")
    with pytest.raises(DataError, match="a bad line"):
        _worker._wait_warm()  # a task raises it, not a thread's traceback
