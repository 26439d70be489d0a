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
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import BinaryIO

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
from .store.rows import ArticleRows, to_rows
from .store.writer import Writer

__all__ = [
    "IngestOptions",
    "IngestSummary",
    "code_chunk",
    "flush",
    "ingest",
    "select_new",
]


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

    @property
    def articles_per_s(self) -> float:
        return self.coded / self.seconds if self.seconds else 0.0


def code_chunk(
    items: Sequence[RawItem], language: str | None = None
) -> list[ArticleRows | Failure]:
    """Code a share of the inputs: the rows of each article, or a failure
    naming the input. Runs in a worker process; loads the pipeline once."""
    from .service import code_articles, make_article

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
    coded = code_articles(articles[i] for i in order)
    for index, result in zip(order, coded, strict=True):
        out.append(to_rows(result, origins[index].file, origins[index].item))
    return out


def ingest(
    conn: Connection,
    paths: Iterable[str],
    options: IngestOptions | None = None,
    stdin: BinaryIO | None = None,
) -> IngestSummary:
    """Ingest files, folders and ``-`` (standard input) into the database."""
    options = options or IngestOptions()
    start = time.perf_counter()
    summary = IngestSummary()
    writer = Writer(conn, options.window_days)
    pending: list[ArticleRows | Failure] = []
    todo: list[RawItem] = []
    for entry in select_new(read_inputs(paths, stdin), writer, options, summary):
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
    summary.seconds = time.perf_counter() - start
    return summary


def select_new(
    entries: Iterable[RawItem | Failure],
    writer: Writer,
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
            entry = _with_source(entry, options.source)
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
        yield entry


def _with_source(item: RawItem, source: str) -> RawItem:
    from dataclasses import replace

    return replace(item, source=source)


def _code(
    chunks: list[list[RawItem]], options: IngestOptions
) -> Iterator[list[ArticleRows | Failure]]:
    processes = options.processes or os.cpu_count() or 1
    processes = min(processes, max(1, len(chunks)))
    if processes <= 1:
        for chunk in chunks:
            yield code_chunk(chunk, options.language)
        return
    # Spawned workers: the parent holds an open DuckDB connection, which a
    # forked child must not inherit.
    context = multiprocessing.get_context("spawn")
    with context.Pool(processes) as pool:
        args = [(chunk, options.language) for chunk in chunks]
        yield from pool.imap(_code_star, args)


def _code_star(args: tuple[list[RawItem], str | None]) -> list[ArticleRows | Failure]:
    return code_chunk(*args)


def flush(
    writer: Writer,
    pending: list[ArticleRows | Failure],
    summary: IngestSummary,
    options: IngestOptions,
) -> None:
    """Write the pending rows in one transaction, add to the summary."""
    if not pending:
        return
    result = writer.write(pending)
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
