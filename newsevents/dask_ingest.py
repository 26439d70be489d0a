"""The distributed ingest behind ``newsevents ingest --dask``: the client
reads the inputs as a stream and cuts them into partitions (never holding a
whole corpus: at most a few partitions per worker are in flight), Dask
workers code the partitions and write each one's rows as a Parquet shard
(``store.shards``), and the client loads the shards into the store in input
order, one transaction and bulk inserts (COPY on PostgreSQL) per shard,
clustering the new events as it loads them. The result is the same
database as a local ``ingest --processes N`` of the same inputs.

Each worker process loads the knowledge base (and the spaCy pipeline of
``--lang``) once, in a worker plugin; other pipelines are cached per worker
process at their first article. A shard is named by a hash of its inputs
and of the coding options, so a re-run after a crash reuses the shards
already written, and a lost worker costs only the partitions it held, which
Dask runs again (tasks are pure)."""

from __future__ import annotations

import hashlib
import logging
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, BinaryIO

from . import __version__
from .batch import (
    IngestOptions,
    IngestProgress,
    IngestSummary,
    code_chunk,
    flush,
    select_new,
)
from .errors import InputError
from .ingest.files import RawItem, read_inputs
from .models import Failure
from .store.backend import Connection
from .store.connection import BriefWriter, Database, writer_for
from .store.rows import ArticleRows
from .store.shards import join, read_shard, shard_exists, write_shard
from .store.writer import Writer

__all__ = ["DaskOptions", "code_partition", "ingest_dask", "partitions"]

_RETRIES = 3


class DaskOptions:
    """Where to run: ``address`` is ``tcp://host:8786`` (a running
    scheduler) or ``local:N`` (a LocalCluster of N worker processes);
    ``shards`` a folder or fsspec URL for the Parquet shards (a temporary
    folder when None, which only a local cluster can share)."""

    def __init__(
        self,
        address: str,
        shards: str | None = None,
        partition_size: int = 16,
        log: Callable[[str], None] | None = None,
    ) -> None:
        if not (address.startswith(("tcp://", "tls://")) or _local_workers(address)):
            raise InputError(
                f"--dask {address!r}: want tcp://HOST:PORT (a scheduler) "
                "or local:N (N worker processes on this machine)"
            )
        if shards is None and not address.startswith("local:"):
            raise InputError(
                "--dask with a remote scheduler needs --shards: a folder or "
                "fsspec URL (s3://...) that the workers and this machine share"
            )
        self.address = address
        self.shards = shards
        self.partition_size = max(1, partition_size)
        self.log = log


def _local_workers(address: str) -> int:
    if not address.startswith("local:"):
        return 0
    try:
        return max(0, int(address.removeprefix("local:")))
    except ValueError:
        return 0


def partitions(
    entries: Iterable[RawItem | Failure], size: int
) -> Iterator[list[RawItem] | Failure]:
    """The inputs in partitions of ``size`` items, in order; failures pass
    through as they come."""
    part: list[RawItem] = []
    for entry in entries:
        if isinstance(entry, Failure):
            yield entry
            continue
        part.append(entry)
        if len(part) >= size:
            yield part
            part = []
    if part:
        yield part


def shard_name(items: list[RawItem], language: str | None) -> str:
    """The shard of a partition: a hash of its inputs, the coding options
    and the version of newsevents."""
    digest = hashlib.sha256(f"{__version__}|{language}".encode())
    for item in items:
        digest.update(repr(item).encode())
    return f"part-{digest.hexdigest()[:24]}.parquet"


def code_partition(
    items: list[RawItem], language: str | None, target: str, chunk_size: int = 16
) -> tuple[str, int]:
    """Code a partition and write its shard (unless a run before wrote it);
    return the shard and its number of rows. Runs on a worker. The
    partition is coded in chunks of ``chunk_size`` as the local ingest
    codes them, so that rows come out in the same order."""
    if not shard_exists(target):
        rows: list[ArticleRows | Failure] = []
        for start in range(0, len(items), max(1, chunk_size)):
            rows.extend(code_chunk(items[start : start + chunk_size], language))
        write_shard(target, rows)
    return target, len(items)


class _Warm:
    """A Dask worker plugin: load the knowledge base, the gazetteer and the
    pipeline of the given language once per worker, at its start."""

    name = "newsevents-warm"

    def __init__(self, language: str | None) -> None:
        self.language = language

    def setup(self, worker: Any) -> None:
        from .kb.base import default_kb
        from .kb.gazetteer import Gazetteer

        default_kb()
        Gazetteer.load()
        if self.language:
            from .nlp.pipeline import load_pipeline

            load_pipeline(self.language)

    def teardown(self, worker: Any) -> None:
        return None


def _client(address: str) -> tuple[Any, Any]:
    """A client on the scheduler, and the LocalCluster it started (None for
    a remote scheduler)."""
    from distributed import Client, LocalCluster

    workers = _local_workers(address)
    if not workers:
        try:
            return Client(address, timeout="30s"), None
        except OSError as exc:
            raise InputError(
                f"--dask {address}: no Dask scheduler answers there ({exc})"
            ) from exc
    cluster = LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address="127.0.0.1:0",
        silence_logs=logging.ERROR,
    )
    return Client(cluster), cluster


def ingest_dask(
    conn: Connection | Database,
    paths: Iterable[str],
    options: IngestOptions,
    dask: DaskOptions,
    stdin: BinaryIO | None = None,
) -> IngestSummary:
    """Ingest files, folders and ``-`` on a Dask cluster into the database.
    Raises InputError when the scheduler cannot be reached."""
    start = time.perf_counter()
    summary = IngestSummary()
    writer = writer_for(conn, options.window_days)
    client, cluster = _client(dask.address)
    try:
        with tempfile.TemporaryDirectory(prefix="newsevents-shards-") as tmp:
            folder = dask.shards or tmp
            if dask.log:
                dask.log(f"dask dashboard: {client.dashboard_link}")
            _register(client, options.language)
            workers = max(1, len(client.scheduler_info().get("workers", {})))
            _run(client, workers, folder, writer, paths, options, dask, summary, stdin)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    summary.seconds = time.perf_counter() - start
    return summary


def _register(client: Any, language: str | None) -> None:
    from distributed.diagnostics.plugin import WorkerPlugin

    plugin = type("WarmPlugin", (_Warm, WorkerPlugin), {})(language)
    client.register_plugin(plugin, name=_Warm.name)


def _run(
    client: Any,
    workers: int,
    folder: str,
    writer: Writer | BriefWriter,
    paths: Iterable[str],
    options: IngestOptions,
    dask: DaskOptions,
    summary: IngestSummary,
    stdin: BinaryIO | None,
) -> None:
    entries = select_new(read_inputs(paths, stdin), writer, options, summary)
    pending: list[ArticleRows | Failure] = []
    in_flight: deque[Any] = deque()
    limit = 2 * workers + 1
    with IngestProgress(None, options.progress) as progress:

        def load(future: Any) -> None:
            target, count = future.result()
            pending.extend(read_shard(target))
            flush(writer, pending, summary, options)
            progress.advance(count)

        for part in partitions(entries, dask.partition_size):
            if isinstance(part, Failure):
                pending.append(part)
                continue
            name = shard_name(part, options.language)
            in_flight.append(
                client.submit(
                    code_partition, part, options.language, join(folder, name),
                    options.chunk_size,
                    key=f"newsevents-{name}", retries=_RETRIES, pure=False,
                )
            )  # fmt: skip
            while len(in_flight) >= limit:
                load(in_flight.popleft())
        while in_flight:
            load(in_flight.popleft())
        flush(writer, pending, summary, options)

