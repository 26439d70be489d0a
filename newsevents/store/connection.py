"""Sharing the database file between processes (``serve`` reading while
``ingest`` or ``watch`` writes). DuckDB lets one process write a file, or
several read it, never both at once: so each side holds the file only while
it uses it. Readers open it read-only per request; writers open it for one
transaction at a time. Whoever finds the file locked waits and tries again,
briefly."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from pathlib import Path

import duckdb

from ..errors import StoreError
from ..models import Failure
from .rows import ArticleRows
from .writer import Writer, WriteResult

DEFAULT_WAIT = 30.0  # seconds to wait for another process's lock


def is_locked(exc: duckdb.Error) -> bool:
    """Whether DuckDB refused the file because another process holds it."""
    return "could not set lock" in str(exc).lower()


def open_file(
    path: str | Path, read_only: bool = False, wait: float = DEFAULT_WAIT
) -> duckdb.DuckDBPyConnection:
    """Open a DuckDB file, retrying while another process holds its lock.
    Raises StoreError when it is still locked after ``wait`` seconds."""
    deadline = time.monotonic() + wait
    delay = 0.01
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.Error as exc:
            if not is_locked(exc) or time.monotonic() + delay > deadline:
                raise StoreError(
                    f"{path}: cannot open the database ({exc})"
                    + ("; another process held it too long" if is_locked(exc) else "")
                ) from exc
        time.sleep(delay)
        delay = min(delay * 2, 0.25)


def stamp(path: str | Path) -> tuple[int, ...]:
    """Changes whenever the file or its write-ahead log is written: caches
    of query results are kept under it."""
    parts: list[int] = []
    for name in (str(path), f"{path}.wal"):
        try:
            info = os.stat(name)
        except OSError:
            parts.extend((0, 0))
            continue
        parts.extend((info.st_mtime_ns, info.st_size))
    return tuple(parts)


class Database:
    """A database file opened only while used, so that other processes can
    read or write it in between. ``open`` is a context manager."""

    def __init__(self, path: str | Path, wait: float = DEFAULT_WAIT) -> None:
        from .schema import migrate

        self.path = str(path)
        self.wait = wait
        with self.open() as conn:
            migrate(conn)

    @contextmanager
    def open(self, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        conn = open_file(self.path, read_only=read_only, wait=self.wait)
        try:
            yield conn
        finally:
            conn.close()


@contextmanager
def using(
    conn: duckdb.DuckDBPyConnection | Database,
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection: ``conn`` itself, or ``conn`` opened for the block."""
    if isinstance(conn, Database):
        with conn.open() as opened:
            yield opened
    else:
        yield conn


class BriefWriter:
    """A Writer that holds the file only while it writes: each batch opens
    the database, reloads what the writer must know (another process may
    have written since) and closes it on commit."""

    def __init__(self, db: Database, window_days: int) -> None:
        self.db = db
        self.window_days = window_days
        with db.open() as conn:
            self.ids = Writer(conn, window_days).ids

    def write(self, batch: Sequence[ArticleRows | Failure]) -> WriteResult:
        with self.db.open() as conn:
            writer = Writer(conn, self.window_days)
            result = writer.write(batch)
        self.ids |= writer.ids
        return result


def writer_for(
    conn: duckdb.DuckDBPyConnection | Database, window_days: int
) -> Writer | BriefWriter:
    """The writer for an open connection, or a brief one for a Database."""
    if isinstance(conn, Database):
        return BriefWriter(conn, window_days)
    return Writer(conn, window_days)


class SharedFile:
    """A database a server reads while other processes may write it: each
    request opens it read-only (``cursor``) and closes it after, so a writer
    gets the file between requests and every request sees the last commit.
    ``changed`` tells when cached query results must go."""

    def __init__(self, path: str | Path, wait: float = DEFAULT_WAIT) -> None:
        from .schema import LATEST, version

        self.path = str(path)
        self.wait = wait
        if not Path(self.path).exists():
            raise StoreError(
                f"{self.path}: no such database; create it with `newsevents ingest`"
            )
        with closing(self.cursor()) as conn:
            found = version(conn)
        if found != LATEST:
            raise StoreError(
                f"{self.path}: schema version {found}, want {LATEST}; "
                "run `newsevents ingest` on it once to migrate"
            )
        self._stamp = stamp(self.path)

    def cursor(self) -> duckdb.DuckDBPyConnection:
        return open_file(self.path, read_only=True, wait=self.wait)

    def changed(self) -> bool:
        """Whether the file was written since the last call."""
        now = stamp(self.path)
        if now == self._stamp:
            return False
        self._stamp = now
        return True

    def close(self) -> None:
        """Nothing stays open between requests."""
