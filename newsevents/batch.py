"""The batch pipeline behind ``newsevents ingest``: read every input (the
``ingest`` readers), code the new articles on all cores (the service) and
write them to the database through one writer (the store), a batch of whole
articles per transaction. Every input ends coded, skipped as a duplicate or
as a row in ``failures``."""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from datetime import date
from typing import BinaryIO, Protocol

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from .errors import InputError
from .ingest.files import RawItem, failure, read_inputs
from .models import Failure, content_id
from .store.backend import Connection
from .store.clusters import DEFAULT_WINDOW_DAYS
from .store.connection import BriefWriter, Database, using, writer_for
from .store.rows import ArticleRows, to_rows
from .store.writer import Writer, WriteResult

__all__ = [
    "IngestOptions",
    "IngestSummary",
    "code_chunk",
    "flush",
    "ingest",
    "open_web",
    "read_sources",
    "select_new",
]


class UrlReader(Protocol):
    """Reads http(s) inputs (``newsevents.web.source.WebSource``): loads
    what the database knows first, records what it read once written."""

    def load(self, conn: Connection) -> UrlReader: ...

    def read(self, url: str) -> Iterator[RawItem | Failure]: ...

    def commit(self, conn: Connection) -> None: ...


@dataclass(frozen=True)
class IngestOptions:
    """How to ingest. ``processes`` 0 means one per core."""

    processes: int = 0
    language: str | None = None
    source: str | None = None
    batch_size: int = 64
    chunk_size: int = 16
    window_days: int = DEFAULT_WINDOW_DAYS
    progress: bool | None = None
    log: Callable[[str], None] | None = None
    published: date | None = None  # for the items that carry no date
    web: UrlReader | None = None  # reads http(s) inputs (newsevents.web)


@dataclass
class IngestSummary:
    """What an ingest run did."""

    coded: int = 0
    duplicates: int = 0
    replaced: int = 0
    failed: int = 0
    events: int = 0
    seconds: float = 0.0
    failures: Counter[str] = field(default_factory=Counter)
    undated: int = 0  # new articles with no publication date

    @property
    def articles_per_s(self) -> float:
        return self.coded / self.seconds if self.seconds else 0.0


def code_chunk(
    items: Sequence[RawItem], language: str | None = None
) -> list[ArticleRows | Failure]:
    """Code a share of the inputs: the rows of each article, or a failure
    naming the input. Runs in a worker process; loads the pipeline once."""
    from .service import code_each, coding_error, make_article

    articles, origins, out = [], [], []
    for item in items:
        try:
            article = make_article(
                item.text,
                language or item.language,
                item.published,
                title=item.title,
                source=item.source,
                url=item.url,
                name=item.name,
            )
        except InputError as exc:
            out.append(failure(item.file, item.item, exc))
            continue
        articles.append(article)
        origins.append(item)
    # Language runs keep spaCy batches full: French first, then English.
    order = sorted(range(len(articles)), key=lambda i: articles[i].language)
    coded = code_each([articles[i] for i in order])
    for index, result in zip(order, coded, strict=True):
        origin = origins[index]
        try:
            if isinstance(result, Exception):
                raise result
            rows = to_rows(result, origin.file, origin.item)
        except Exception as exc:  # one article's failure row
            error = coding_error(exc, origin.name)
            out.append(failure(origin.file, origin.item, error))
            continue
        out.append(replace(rows, summary_only=True) if origin.summary_only else rows)
    return out


def ingest(
    conn: Connection | Database,
    paths: Iterable[str],
    options: IngestOptions | None = None,
    stdin: BinaryIO | None = None,
) -> IngestSummary:
    """Ingest files, folders, URLs and ``-`` (standard input) into the
    database. Given a ``Database`` rather than a connection, the file is
    opened only for each batch written, so that a server can read it in
    between."""
    options = options or IngestOptions()
    start = time.perf_counter()
    summary = IngestSummary()
    writer = writer_for(conn, options.window_days)
    pending: list[ArticleRows | Failure] = []
    todo: list[RawItem] = []
    paths = list(paths)
    web = open_web(conn, paths, options)
    entries = read_sources(paths, stdin, web)
    for entry in select_new(entries, writer, options, summary):
        if isinstance(entry, Failure):
            pending.append(entry)
        else:
            todo.append(entry)
    chunks = [
        todo[i : i + options.chunk_size]
        for i in range(0, len(todo), options.chunk_size)
    ]
    with IngestProgress(len(todo), options.progress) as progress:
        for results in _code(chunks, options):
            pending.extend(results)
            progress.advance(len(results))
            if sum(isinstance(p, ArticleRows) for p in pending) >= options.batch_size:
                flush(writer, pending, summary, options)
        flush(writer, pending, summary, options)
    if web is not None:
        with using(conn) as opened:
            web.commit(opened)
    summary.seconds = time.perf_counter() - start
    return summary


def select_new(
    entries: Iterable[RawItem | Failure],
    writer: Writer | BriefWriter,
    options: IngestOptions,
    summary: IngestSummary,
) -> Iterator[RawItem | Failure]:
    """The inputs to code (not stored yet, not seen before in this run) and
    the failures to record, in input order; counts the duplicates skipped.
    Both the local and the distributed ingest select their inputs here."""
    seen: set[str] = set()
    for entry in entries:
        if isinstance(entry, Failure):
            yield entry
            continue
        if options.source:
            entry = replace(entry, source=options.source)
        if entry.published is None and options.published is not None:
            entry = replace(entry, published=options.published)
        if not entry.text.strip():
            # Empty texts all share one hash: fail each one here, by name.
            message = f"{entry.name}: empty input, nothing to code"
            yield Failure(
                file=entry.file, item=entry.item, reason="empty", message=message
            )
            continue
        key = content_id(entry.text)
        if key in writer.ids or key in seen:
            summary.duplicates += 1
            continue
        seen.add(key)
        summary.undated += entry.published is None
        yield entry


# Hook for URLs: options.web reads a feed's items or a page, as files are read.
def _is_url(path: str) -> bool:
    return path.lower().startswith(("http://", "https://"))


def open_web(
    conn: Connection | Database,
    paths: list[str],
    options: IngestOptions,
) -> UrlReader | None:
    """The reader of the URLs among ``paths``, loaded with what the database
    knows of them (None when there is no URL or no reader); the caller
    commits it once the rows are written."""
    if options.web is None or not any(_is_url(path) for path in paths):
        return None
    with using(conn) as opened:
        return options.web.load(opened)


def read_sources(
    paths: list[str], stdin: BinaryIO | None, web: UrlReader | None
) -> Iterator[RawItem | Failure]:
    """Every item of every input in order: files, folders and ``-`` by the
    ``ingest`` readers, URLs by ``web`` (a failure row when it is None)."""
    for path in paths:
        if _is_url(path):
            if web is not None:
                yield from web.read(path)
                continue
            yield Failure(
                file=path,
                reason="unreadable",
                message=f"{path}: a URL, and no web reader was given "
                "(IngestOptions.web: newsevents.web.source.WebSource)",
            )
        else:
            yield from read_inputs([path], stdin)


def _code(
    chunks: list[list[RawItem]],
    options: IngestOptions,
    work: Callable[[Chunk], list[ArticleRows | Failure]] | None = None,
) -> Iterator[list[ArticleRows | Failure]]:
    """The results of every chunk, in order. ``work`` codes one chunk in a
    worker process (``code_chunk`` by default)."""
    processes = options.processes or os.cpu_count() or 1
    processes = min(processes, max(1, len(chunks)))
    work = work or _code_star
    if processes <= 1:
        for chunk in chunks:
            yield work((chunk, options.language))
        return
    yield from _Pool(chunks, options.language, processes, work).results()


Chunk = tuple[list[RawItem], str | None]


def _code_star(args: Chunk) -> list[ArticleRows | Failure]:
    return code_chunk(*args)


class _Pool:
    """Chunks coded by a pool of spawned worker processes, yielded in order.

    A worker that dies (kill -9, the OOM killer) breaks the pool: the chunks
    it held are then coded again one at a time in a fresh pool, and a chunk
    whose worker dies again becomes failure rows. The ingest goes on."""

    def __init__(
        self,
        chunks: list[list[RawItem]],
        language: str | None,
        processes: int,
        work: Callable[[Chunk], list[ArticleRows | Failure]],
    ) -> None:
        self.chunks = chunks
        self.language = language
        self.processes = processes
        self.work = work
        self.queue = deque(range(len(chunks)))
        self.suspects: deque[int] = deque()  # held by a worker that died
        self.tried: set[int] = set()  # coded again after a death
        self.done: dict[int, list[ArticleRows | Failure]] = {}

    def results(self) -> Iterator[list[ArticleRows | Failure]]:
        following = 0
        # Spawned workers: the parent holds an open DuckDB connection, which
        # a forked child must not inherit.
        context = multiprocessing.get_context("spawn")
        while self.queue or self.suspects:
            with ProcessPoolExecutor(self.processes, mp_context=context) as pool:
                for _ in self._run(pool):
                    while following in self.done:
                        yield self.done.pop(following)
                        following += 1
        while following in self.done:
            yield self.done.pop(following)
            following += 1

    def _run(self, pool: ProcessPoolExecutor) -> Iterator[None]:
        """Code chunks in ``pool`` until all are done or the pool breaks;
        yields after each finished chunk."""
        running: dict[Future[list[ArticleRows | Failure]], int] = {}
        while True:
            # Suspects go one at a time, so a chunk that kills its worker
            # again is known for sure; others keep every worker busy.
            if self.suspects:
                if not running:
                    index = self.suspects.popleft()
                    running[pool.submit(self.work, self._args(index))] = index
            else:
                while self.queue and len(running) < 2 * self.processes:
                    index = self.queue.popleft()
                    running[pool.submit(self.work, self._args(index))] = index
            if not running:
                return
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            broken = False
            for future in finished:
                index = running.pop(future)
                try:
                    self.done[index] = future.result()
                except BrokenProcessPool:
                    broken = True
                    self._died(index, alone=len(running) == 0 and len(finished) == 1)
                except Exception as exc:  # the chunk fails, not the ingest
                    self.done[index] = self._failed(index, "coding_error", exc)
            if broken:
                # Every chunk still running went down with the pool.
                for index in running.values():
                    self._died(index, alone=False)
                return
            yield None

    def _args(self, index: int) -> Chunk:
        return (self.chunks[index], self.language)

    def _died(self, index: int, alone: bool) -> None:
        if alone and index in self.tried:
            self.done[index] = self._failed(index, "worker_died", None)
        else:
            self.tried.add(index)
            self.suspects.append(index)

    def _failed(
        self, index: int, why: str, exc: Exception | None
    ) -> list[ArticleRows | Failure]:
        if why == "worker_died":
            message = (
                "the worker process coding it died (killed, or out of memory) "
                "twice; run ingest again to retry"
            )
        else:
            message = f"coding its chunk failed ({type(exc).__name__}: {exc})"
        return [
            Failure(
                file=item.file,
                item=item.item,
                reason=why,  # type: ignore[arg-type]
                message=f"{item.name}: {message}",
            )
            for item in self.chunks[index]
        ]


def flush(
    writer: Writer | BriefWriter,
    pending: list[ArticleRows | Failure],
    summary: IngestSummary,
    options: IngestOptions,
) -> None:
    """Write the pending rows in one transaction, add to the summary."""
    if not pending:
        return
    try:
        result = writer.write(pending)
    except Exception:  # one entry failed the transaction: found below
        result = _write_one_by_one(writer, pending)
    for entry in pending:
        if isinstance(entry, Failure):
            summary.failures[entry.reason] += 1
    summary.coded += result.coded
    summary.duplicates += result.duplicates
    summary.replaced += result.replaced
    summary.failed += result.failures
    summary.events += result.events
    if options.log:
        options.log(
            f"committed {result.coded} article(s), {result.failures} failure(s); "
            f"{summary.coded} coded so far"
        )
    pending.clear()


def _write_one_by_one(
    writer: Writer | BriefWriter, pending: list[ArticleRows | Failure]
) -> WriteResult:
    """Write a batch entry by entry after its transaction failed: an article
    the store cannot take (a date out of range, say) becomes its failure
    row, and the others are written."""
    from .service import coding_error

    writer.reload()
    total = WriteResult()
    for index, entry in enumerate(pending):
        try:
            result = writer.write([entry])
        except Exception as exc:  # this entry's failure row, not the batch's
            if isinstance(entry, Failure):
                raise
            writer.reload()
            file, item = str(entry.article[6]), entry.article[7]
            name = f"{file} [{item}]" if item else file
            row = failure(file, item, coding_error(exc, name))  # type: ignore[arg-type]
            pending[index] = row
            result = writer.write([row])
        for name in ("coded", "duplicates", "replaced", "failures", "events"):
            setattr(total, name, getattr(total, name) + getattr(result, name))
    return total


class IngestProgress:
    """A rich progress bar on standard error when it is a terminal (and not
    in CI): done/total, articles/s and the time left. Nothing otherwise.
    ``total`` None: the total is not known in advance."""

    def __init__(self, total: int | None, enabled: bool | None) -> None:
        if enabled is None:
            enabled = sys.stderr.isatty() and not os.environ.get("CI")
        self.bar: Progress | None = None
        if enabled and total != 0:
            self.bar = Progress(
                TextColumn("coding"),
                BarColumn(),
                MofNCompleteColumn(),
                _SpeedColumn(),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self.task = self.bar.add_task("coding", total=total)

    def __enter__(self) -> IngestProgress:
        if self.bar is not None:
            self.bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()

    def advance(self, n: int) -> None:
        if self.bar is not None:
            self.bar.advance(self.task, n)


class _SpeedColumn(ProgressColumn):
    """Articles per second."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} articles/s" if speed else "- articles/s")
