"""The distributed ingest behind ``newsevents ingest --dask``: the client
reads the inputs as a stream and cuts them into partitions (never holding a
whole corpus: at most a few partitions per worker are in flight), Dask
workers code the partitions and write each one's rows as a Parquet shard
(``store.shards``), and the client loads the shards into the store in input
order, one transaction and bulk inserts (COPY on PostgreSQL) per shard,
clustering the new events as it loads them. The result is the same
database as a local ``ingest --processes N`` of the same inputs.

Nothing waits that need not: the cluster starts (and connects) in a
thread while the client opens the store's writer and starts reading; each
worker process loads the knowledge base, the gazetteer and the spaCy
pipelines once, in a thread that a worker plugin starts (so registering it
returns at once), while the client partitions and submits; a task waits
for that thread, then codes. URLs are fetched on the client, as the local
ingest fetches them (one polite fetcher, robots.txt and the address guard
in one place; the workers need no network). A shard is named by a hash of
its inputs and of the coding options, so a re-run after a crash reuses the
shards already written, and a lost worker costs only the partitions it
held, which Dask runs again (tasks are pure)."""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, BinaryIO

from .. import __version__
from ..batch import (
    IngestOptions,
    IngestProgress,
    IngestSummary,
    flush,
    open_web,
    read_sources,
    select_new,
)
from ..errors import InputError
from ..ingest.files import RawItem
from ..models import Failure
from ..store.backend import Connection
from ..store.connection import BriefWriter, Database, using, writer_for
from ..store.rows import ArticleRows
from ..store.shards import join, read_shard
from ..store.writer import Writer
from ._worker import Warm, code_partition, start_warming

__all__ = [
    "DaskOptions",
    "code_partition",
    "dashboard",
    "ingest_dask",
    "partitions",
    "start_warming",
]

_RETRIES = 3

# Defaults of Dask's that cost the coding CPU, for our own LocalCluster (a
# remote cluster keeps its own settings; docs/scaling.md gives them).
# Measured on 160 articles: workers start with MALLOC_TRIM_THRESHOLD_=65536
# (glibc hands freed memory back at once, and spaCy allocates and frees
# large arrays for every batch: 8 to 10% more CPU; None unsets it, the
# environment's own value is kept), and each samples its task's stack every
# 10 ms for the dashboard's profile (deep spaCy stacks: 6 to 8%). Measured
# with two workers busy: the event loops of the scheduler, nannies, workers
# and client burn 75 to 80 ms of CPU a second, 18 with the intervals below
# (the loop health check every 20 ms, the host's CPU, memory, network and
# disk every 500 ms, each worker's memory every 100 ms): a task codes for 4
# to 6 s, and memory grows with the partition, not in bursts.
_LOCAL_CONFIG: dict[str, object] = {
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "10s",
    "distributed.worker.memory.monitor-interval": "1s",
}


class DaskOptions:
    """Where to run: ``address`` is ``tcp://host:8786`` (a running
    scheduler) or ``local:N`` (a LocalCluster of N worker processes);
    ``shards`` a folder or fsspec URL for the Parquet shards (a temporary
    folder when None, which only a local cluster can share). ``timings``
    receives the seconds from the start of each phase of the last run
    (``cluster``, ``first_submit``, ``first_shard``, ``last_shard``,
    ``loaded``, ``closed``)."""

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
        self.timings: dict[str, float] = {}


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


def _client(address: str, language: str | None) -> tuple[Any, Any]:
    """A client on the scheduler with the warm-up plugin registered, and
    the LocalCluster it started (None for a remote scheduler)."""
    import dask
    from distributed import Client, LocalCluster

    workers = _local_workers(address)
    if not workers:
        try:
            client = Client(address, timeout="30s")
        except OSError as exc:
            raise InputError(
                f"--dask {address}: no Dask scheduler answers there ({exc})"
            ) from exc
        _register(client, language, fast_exit=False)
        return client, None
    with dask.config.set(_LOCAL_CONFIG):
        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",
            silence_logs=logging.ERROR,
        )
    try:
        client = Client(cluster)
        _register(client, language, fast_exit=True)
    except BaseException:
        cluster.close()
        raise
    return client, cluster


def _register(client: Any, language: str | None, fast_exit: bool) -> None:
    from distributed.diagnostics.plugin import WorkerPlugin

    plugin = type("WarmPlugin", (Warm, WorkerPlugin), {})(language, fast_exit)
    client.register_plugin(plugin, name=Warm.name)


def dashboard(client: Any) -> str:
    """The dashboard's address, or why there is none: the scheduler serves
    it only when bokeh is installed where it runs."""
    link = str(client.dashboard_link)
    has_bokeh = client.run_on_scheduler(_has_bokeh)
    if has_bokeh:
        return link
    return (
        f"unavailable: bokeh is not installed on the scheduler (pip install "
        f"'bokeh>=3.1' there to serve it at {link})"
    )


def _has_bokeh() -> bool:
    return importlib.util.find_spec("bokeh") is not None


class _Cluster:
    """The client and cluster, started in a thread while the caller goes on;
    ``get`` waits for them (and raises what starting raised)."""

    def __init__(self, address: str, language: str | None) -> None:
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="newsevents-dask")
        self._starting: Future[tuple[Any, Any]] = self._pool.submit(
            _client, address, language
        )

    def get(self) -> Any:
        return self._starting.result()[0]

    def close(self) -> None:
        try:
            client, cluster = self._starting.result()
        except Exception:  # starting failed: nothing to close, and the error
            client = cluster = None  # was raised by get() or the caller's own
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()
        self._pool.shutdown()


def ingest_dask(
    conn: Connection | Database,
    paths: Iterable[str],
    options: IngestOptions,
    dask: DaskOptions,
    stdin: BinaryIO | None = None,
) -> IngestSummary:
    """Ingest files, folders, URLs and ``-`` on a Dask cluster into the
    database. Raises InputError when the scheduler cannot be reached."""
    start = time.perf_counter()
    dask.timings.clear()
    summary = IngestSummary()
    paths = list(paths)
    cluster = _Cluster(dask.address, options.language)
    try:
        # While the cluster starts: the writer reads the stored ids and the
        # cluster index (seconds on a large database), the web reader what
        # the database knows of the URLs.
        writer = writer_for(conn, options.window_days)
        web = open_web(conn, paths, options)
        with tempfile.TemporaryDirectory(prefix="newsevents-shards-") as tmp:
            run = _Run(cluster, writer, options, dask, summary, start)
            run.run(dask.shards or tmp, read_sources(paths, stdin, web))
        if web is not None:
            with using(conn) as opened:
                web.commit(opened)
    finally:
        cluster.close()
    dask.timings["closed"] = time.perf_counter() - start
    summary.seconds = time.perf_counter() - start
    return summary


class _Run:
    """Partitions submitted as the inputs are read (at most 2 x workers + 1
    in flight), their shards loaded in input order."""

    def __init__(
        self,
        cluster: _Cluster,
        writer: Writer | BriefWriter,
        options: IngestOptions,
        dask: DaskOptions,
        summary: IngestSummary,
        start: float,
    ) -> None:
        self.cluster = cluster
        self.writer = writer
        self.options = options
        self.dask = dask
        self.summary = summary
        self.start = start
        self.pending: list[ArticleRows | Failure] = []
        self._client: Any = None
        self.limit = 3

    def _mark(self, phase: str) -> None:
        self.dask.timings.setdefault(phase, time.perf_counter() - self.start)

    def client(self) -> Any:
        if self._client is None:
            self._client = self.cluster.get()
            self._mark("cluster")
            if self.dask.log:
                self.dask.log(f"dask dashboard: {dashboard(self._client)}")
            workers = len(self._client.scheduler_info().get("workers", {}))
            self.limit = 2 * max(1, workers) + 1
        return self._client

    def run(self, folder: str, entries: Iterable[RawItem | Failure]) -> None:
        options, dask = self.options, self.dask
        new = select_new(entries, self.writer, options, self.summary)
        in_flight: deque[Any] = deque()
        with IngestProgress(None, options.progress) as progress:
            for part in partitions(new, dask.partition_size):
                if isinstance(part, Failure):
                    self.pending.append(part)
                    continue
                name = shard_name(part, options.language)
                in_flight.append(
                    self.client().submit(
                        code_partition, part, options.language,
                        join(folder, name), options.chunk_size,
                        key=f"newsevents-{name}", retries=_RETRIES, pure=False,
                    )
                )  # fmt: skip
                self._mark("first_submit")
                while len(in_flight) >= self.limit:
                    progress.advance(self._load(in_flight.popleft()))
            while in_flight:
                progress.advance(self._load(in_flight.popleft()))
            self.client()  # nothing new to code: still tell a dead scheduler
            flush(self.writer, self.pending, self.summary, options)
        self._mark("loaded")

    def _load(self, future: Any) -> int:
        target, count = future.result()
        self._mark("first_shard")
        self.dask.timings["last_shard"] = time.perf_counter() - self.start
        self.pending.extend(read_shard(target))
        flush(self.writer, self.pending, self.summary, self.options)
        return int(count)
