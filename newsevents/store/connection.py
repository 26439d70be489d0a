"""Sharing the database file between processes (``serve`` reading while
``ingest`` or ``watch`` writes). DuckDB lets one process write a file, or
several read it, never both at once: so writers open it for one batch at a
time, after leaving a marker file (``<db>.writer-<pid>``) that asks the
server to let go of its read-only connection; the server closes it between
requests and opens it again once the writer is done. Whoever finds the file
locked waits and tries again, briefly."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import duckdb

from ..errors import StoreError
from ..models import Failure
from .backend import Connection, is_postgres
from .rows import ArticleRows
from .writer import Writer, WriteResult

DEFAULT_WAIT = 30.0  # seconds to wait for another process's lock
_STALE = 2 * DEFAULT_WAIT  # an older writer marker was left by a crash


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
    read or write it in between. ``open`` is a context manager. Also takes
    a ``postgresql://`` URL: a connection is then opened per use."""

    def __init__(self, path: str | Path, wait: float = DEFAULT_WAIT) -> None:
        from .schema import migrate

        self.path = str(path)
        self.wait = wait
        with self.open() as conn:
            migrate(conn)

    @contextmanager
    def open(self, read_only: bool = False) -> Iterator[Connection]:
        if is_postgres(self.path):
            # A server takes concurrent readers and writers: no marker.
            from .postgres import PgConnection

            pg = PgConnection(self.path, read_only=read_only)
            try:
                yield pg
            finally:
                pg.close()
            return
        # The marker asks a server reading the file to let go of it.
        marker = Path(f"{os.path.abspath(self.path)}.writer-{os.getpid()}")
        marker.touch()
        try:
            conn = open_file(self.path, read_only=read_only, wait=self.wait)
            try:
                yield conn
            finally:
                conn.close()
        finally:
            marker.unlink(missing_ok=True)


@contextmanager
def using(conn: Connection | Database) -> Iterator[Connection]:
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

    def reload(self) -> None:
        """Nothing to do: each ``write`` reads the database afresh."""

    def write(self, batch: Sequence[ArticleRows | Failure]) -> WriteResult:
        with self.db.open() as conn:
            writer = Writer(conn, self.window_days)
            result = writer.write(batch)
        self.ids |= writer.ids
        return result


def writer_for(conn: Connection | Database, window_days: int) -> Writer | BriefWriter:
    """The writer for an open connection, or a brief one for a Database."""
    if isinstance(conn, Database):
        return BriefWriter(conn, window_days)
    return Writer(conn, window_days)


class SharedFile:
    """A database a server reads while other processes may write it. One
    read-only connection serves the requests (``request``) as long as no
    writer wants the file; when one does (its marker file is there), new
    requests wait, the connection closes as soon as the running ones end,
    and it opens again once the writer is done. ``changed`` tells when
    cached query results must go."""

    def __init__(self, path: str | Path, wait: float = DEFAULT_WAIT) -> None:
        from .schema import LATEST, version

        self.path = str(path)
        self.wait = wait
        self._conn: duckdb.DuckDBPyConnection | None = None
        self._users = 0
        self._lock = threading.Lock()
        self._closed = threading.Event()
        self._watcher: threading.Thread | None = None
        if not Path(self.path).exists():
            raise StoreError(
                f"{self.path}: no such database; create it with `newsevents ingest`"
            )
        with self.request() as conn:
            found = version(conn)
        if found != LATEST:
            self.close()
            raise StoreError(
                f"{self.path}: schema version {found}, want {LATEST}; "
                "run `newsevents ingest` on it once to migrate"
            )
        self._stamp = stamp(self.path)

    @contextmanager
    def request(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor for one request. Raises StoreError when the file stays
        locked longer than ``wait``."""
        conn = self._acquire()
        try:
            cursor = conn.cursor()
            try:
                yield cursor
            finally:
                cursor.close()
        finally:
            self._release()

    def changed(self) -> bool:
        """Whether the file was written since the last call."""
        now = stamp(self.path)
        if now == self._stamp:
            return False
        self._stamp = now
        return True

    def close(self) -> None:
        self._closed.set()
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def _acquire(self) -> duckdb.DuckDBPyConnection:
        deadline = time.monotonic() + self.wait
        while True:
            with self._lock:
                # A writer's marker left past the deadline is not obeyed: a
                # crashed writer must not stop the server.
                if not writer_waiting(self.path) or time.monotonic() > deadline:
                    if self._conn is None:
                        self._conn = open_file(self.path, True, self.wait)
                        self._watch()
                    self._users += 1
                    return self._conn
                self._close_if_idle()
            time.sleep(0.005)

    def _release(self) -> None:
        with self._lock:
            self._users -= 1
            if writer_waiting(self.path):
                self._close_if_idle()

    def _close_if_idle(self) -> None:
        if self._users == 0 and self._conn is not None:
            self._conn.close()
            self._conn = None

    def _watch(self) -> None:
        """Close the idle connection when a writer turns up between
        requests (a thread: an idle server gets no call to do it)."""
        if self._watcher is not None:
            return

        def loop() -> None:
            while not self._closed.wait(0.02):
                if writer_waiting(self.path):
                    with self._lock:
                        self._close_if_idle()

        self._watcher = threading.Thread(target=loop, daemon=True)
        self._watcher.start()


def writer_waiting(path: str | Path) -> bool:
    """Whether some process wants to write the file (a fresh marker)."""
    folder, name = os.path.split(os.path.abspath(path))
    prefix = f"{name}.writer-"
    now = time.time()
    try:
        entries = list(os.scandir(folder or "."))
    except OSError:
        return False
    for entry in entries:
        if entry.name.startswith(prefix):
            try:
                if now - entry.stat().st_mtime < _STALE:
                    return True
            except OSError:
                continue
    return False
