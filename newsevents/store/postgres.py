"""PostgreSQL behind the face of a DuckDB connection (psycopg 3).

``PgConnection.execute`` takes the store's SQL with ``?`` parameters and
returns a cursor with ``fetchone``, ``fetchall``, ``fetchmany`` and
``description``, as DuckDB does; ``copy_rows`` bulk-loads with ``COPY``.
Connections run in autocommit mode, so the store's explicit ``BEGIN
TRANSACTION`` / ``COMMIT`` delimit its transactions on both databases.
``cursor()`` hands out another connection from a small pool, one per
request of the API's threads."""

from __future__ import annotations

import queue
from collections.abc import Sequence
from datetime import datetime
from functools import lru_cache
from typing import Any

from ..errors import StoreError
from .backend import POSTGRES, Dialect

__all__ = ["PgConnection", "translate"]


@lru_cache(maxsize=512)
def translate(sql: str) -> str:
    """The store's SQL in psycopg's placeholder style: ``?`` outside string
    literals becomes ``%s`` and every ``%`` is doubled."""
    out: list[str] = []
    quoted = False
    for char in sql:
        if char == "'":
            quoted = not quoted
        if char == "%":
            out.append("%%")
        elif char == "?" and not quoted:
            out.append("%s")
        else:
            out.append(char)
    return "".join(out)


class PgCursor:
    """The rows of one executed statement."""

    def __init__(self, cursor: Any) -> None:
        self._cursor = cursor

    @property
    def description(self) -> Any:
        return self._cursor.description

    def fetchone(self) -> Any:
        return self._cursor.fetchone() if self._cursor.description else None

    def fetchall(self) -> list[Any]:
        return self._cursor.fetchall() if self._cursor.description else []

    def fetchmany(self, size: int = 1) -> list[Any]:
        return self._cursor.fetchmany(size) if self._cursor.description else []


class PgConnection:
    """A PostgreSQL connection with the DuckDB connection API the store
    uses. Raises StoreError when the server cannot be reached."""

    dialect: Dialect = POSTGRES

    def __init__(
        self,
        url: str,
        read_only: bool = False,
        pool: queue.SimpleQueue[PgConnection] | None = None,
    ) -> None:
        import psycopg
        from psycopg.types.string import TextLoader

        self.url = url
        self.read_only = read_only
        options = "-c default_transaction_read_only=on" if read_only else ""
        try:
            self.raw = psycopg.connect(url, autocommit=True, options=options)
        except psycopg.Error as exc:
            raise StoreError(
                f"{_safe(url)}: cannot connect to PostgreSQL ({exc}); "
                "check that the server runs and the URL names a database"
            ) from exc
        # JSON columns come back as text, as DuckDB returns them.
        for name in ("json", "jsonb"):
            self.raw.adapters.register_loader(name, TextLoader)
        self._pool = pool
        self._idle: queue.SimpleQueue[PgConnection] = queue.SimpleQueue()

    def execute(self, query: str, parameters: Sequence[object] | None = None) -> Any:
        cursor = self.raw.cursor()
        if parameters:
            cursor.execute(translate(query), list(parameters))
        else:
            cursor.execute(query)
        return PgCursor(cursor)

    def executemany(self, query: str, parameters: Sequence[Sequence[object]]) -> None:
        with self.raw.cursor() as cursor:
            cursor.executemany(translate(query), [list(p) for p in parameters])

    def copy_rows(
        self,
        table: str,
        columns: Sequence[str],
        rows: Sequence[Sequence[object]],
        now: bool = False,
    ) -> None:
        """Bulk-load ``rows`` with COPY; ``now`` adds the server's current
        time as the last column (``ingested_at``, ``failed_at``)."""
        stamp: tuple[object, ...] = ()
        if now:
            row = self.raw.execute("SELECT localtimestamp").fetchone()
            stamp = (row[0] if row else datetime.now(),)
        with self.raw.cursor() as cursor:
            names = ", ".join(columns)
            with cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for values in rows:
                    copy.write_row((*values, *stamp))

    def cursor(self) -> PgConnection:
        """Another connection to the same database, from the pool: ``close``
        gives it back."""
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            return PgConnection(self.url, self.read_only, pool=self._idle)

    def close(self) -> None:
        if self._pool is not None and not self.raw.closed:
            self._pool.put(self)
            return
        while True:
            try:
                self._idle.get_nowait().raw.close()
            except queue.Empty:
                break
        self.raw.close()


def _safe(url: str) -> str:
    """A URL without its password, for messages."""
    if "@" not in url:
        return url
    scheme, rest = url.split("://", 1)
    credentials, host = rest.rsplit("@", 1)
    user = credentials.split(":", 1)[0]
    return f"{scheme}://{user}@{host}"
