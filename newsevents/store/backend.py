"""The two databases the store runs on, behind one connection interface.

DuckDB (a file, the default) is for one person on one machine: one writer at
a time. PostgreSQL (``postgresql://...``) is a server that several ingests
and several ``serve`` processes use at once. Every store module writes its
SQL once, with ``?`` parameters, against the subset of the DuckDB connection
API that ``Connection`` names; ``store.postgres`` gives a PostgreSQL
connection the same face. ``Dialect`` holds the few expressions and types
that the two dialects spell differently, and nothing else."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Protocol

__all__ = [
    "DUCKDB",
    "POSTGRES",
    "Connection",
    "Cursor",
    "Dialect",
    "dialect",
    "is_postgres",
]

_SCHEMES = ("postgresql://", "postgres://")


class Cursor(Protocol):
    """The result of ``Connection.execute``."""

    @property
    def description(self) -> Any: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def fetchmany(self, size: int = ...) -> list[Any]: ...


class Connection(Protocol):
    """What the store modules use of a database connection: a DuckDB
    connection as it is, or a ``store.postgres.PgConnection``."""

    def execute(self, query: str, parameters: Any = ...) -> Any: ...

    def executemany(self, query: str, parameters: Any = ...) -> Any: ...

    def cursor(self) -> Any: ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class Dialect:
    """Where the SQL of one database differs from the other's."""

    name: str
    # Several writers and readers may use the database at once: a server
    # must not cache results, a writer must look for the others' rows.
    shared: bool

    def mode(self, expr: str) -> str:
        """The most frequent value of ``expr`` in a group."""
        if self.name == "postgresql":
            return f"mode() WITHIN GROUP (ORDER BY {expr})"
        return f"mode({expr})"

    def host(self, url: str) -> str:
        """The host name of a URL column, without ``www.``."""
        pattern = r"'://(?:www\.)?([^/]+)'"
        if self.name == "postgresql":
            return f"substring({url} from {pattern})"
        return f"regexp_extract({url}, {pattern}, 1)"

    def json_text(self, column: str, key: str) -> str:
        """The text of the top-level ``key`` of a JSON column."""
        if self.name == "postgresql":
            return f"({column})::json->>'{key}'"
        return f"json_extract_string({column}, '$.{key}')"

    def json_path_text(self, column: str, *keys: str) -> str:
        """The text at a path of keys of a JSON column (NULL where absent)."""
        if self.name == "postgresql":
            path = "".join(f"->'{k}'" for k in keys[:-1])
            return f"({column})::json{path}->>'{keys[-1]}'"
        return f"json_extract_string({column}, '$.{'.'.join(keys)}')"

    def among(self, column: str, kind: str = "BIGINT") -> str:
        """``column`` is one of the values of a list parameter. PostgreSQL
        probes an index per value with ``= ANY``; its planner misjudges
        ``IN (SELECT unnest(...))`` on tables filled in the same
        transaction (a recluster) and rescans the list for every row."""
        if self.name == "postgresql":
            return f"{column} = ANY(?::{kind}[])"
        return f"{column} IN (SELECT unnest(?::{kind}[]))"

    def ddl(self, statement: str) -> str:
        """A CREATE statement written for DuckDB, in this dialect's types."""
        if self.name == "postgresql":
            return re.sub(r"\bDOUBLE\b", "DOUBLE PRECISION", statement)
        return statement


DUCKDB = Dialect("duckdb", shared=False)
POSTGRES = Dialect("postgresql", shared=True)


def is_postgres(target: object) -> bool:
    """Whether a ``--db`` value names a PostgreSQL database."""
    return isinstance(target, str) and target.startswith(_SCHEMES)


def dialect(conn: object) -> Dialect:
    """The dialect of a connection (DuckDB unless it says otherwise)."""
    found = getattr(conn, "dialect", None)
    return found if isinstance(found, Dialect) else DUCKDB
