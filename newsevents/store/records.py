"""Query results as records: column names and a stream of rows, the one
shape every renderer of ``newsevents.export`` writes (CSV, JSON, GeoJSON...),
whether the rows are a page of the API, a CLI listing or a whole table."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import fields
from typing import Any, NamedTuple

from .backend import Cursor

__all__ = ["Records", "from_cursor", "from_dataclasses"]


class Records(NamedTuple):
    """Column names and rows (sequences in column order), read once."""

    columns: tuple[str, ...]
    rows: Iterable[Sequence[object]]


def from_dataclasses(kind: Any, rows: Iterable[object]) -> Records:
    """Rows of the dataclass ``kind`` (``EventRow``, ``ActorRow``...) as
    records, one column per field."""
    names = tuple(f.name for f in fields(kind))
    return Records(names, (tuple(getattr(r, n) for n in names) for r in rows))


def from_cursor(cursor: Cursor, batch: int = 10_000) -> Records:
    """An executed query's rows as records, fetched ``batch`` at a time."""
    names = tuple(d[0] for d in cursor.description or ())

    def rows() -> Iterator[Sequence[object]]:
        while chunk := cursor.fetchmany(batch):
            yield from chunk

    return Records(names, rows())
