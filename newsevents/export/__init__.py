"""File formats, in one registry of renderers: each writes records (an API
page, a CLI listing: ``write``) and/or exports the whole event database
(``export``). The CLI's ``--format``, ``newsevents export`` and the API's
``format=`` and downloads all pick their renderer here.

Add a format: write its functions in a module of this package and
``register`` a ``Renderer`` below."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import duckdb

from ..errors import StoreError
from ..store.records import Records
from .gdelt import write_gdelt
from .plover import write_plover
from .tabular import (
    write_csv,
    write_csv_records,
    write_geojson,
    write_geojson_records,
    write_json_records,
    write_parquet,
)

__all__ = [
    "FORMATS",
    "RENDERERS",
    "Renderer",
    "export",
    "record_formats",
    "register",
]


@dataclass(frozen=True)
class Renderer:
    """A file format: its name, media type and file extension; ``write``
    renders records, ``export`` writes the whole database to a text stream,
    ``export_file`` to a file (binary formats). Each returns a count."""

    name: str
    media_type: str
    extension: str
    write: Callable[[Records, TextIO], int] | None = None
    export: Callable[[duckdb.DuckDBPyConnection, TextIO], int] | None = None
    export_file: Callable[[duckdb.DuckDBPyConnection, Path], int] | None = None


RENDERERS: dict[str, Renderer] = {}


def register(renderer: Renderer) -> Renderer:
    """Add (or replace) a format in the registry."""
    RENDERERS[renderer.name] = renderer
    return renderer


register(Renderer("gdelt", "text/tab-separated-values", "tsv", export=write_gdelt))
register(Renderer("plover", "application/jsonl", "jsonl", export=write_plover))
register(
    Renderer("csv", "text/csv", "csv", write=write_csv_records, export=write_csv)
)
register(
    Renderer(
        "parquet", "application/vnd.apache.parquet", "parquet",
        export_file=write_parquet,
    )
)  # fmt: skip
register(
    Renderer(
        "geojson", "application/geo+json", "geojson",
        write=write_geojson_records, export=write_geojson,
    )
)  # fmt: skip
register(Renderer("json", "application/json", "json", write=write_json_records))

# The formats of ``newsevents export``, in the order its help lists them.
FORMATS = tuple(
    name for name, r in RENDERERS.items() if r.export or r.export_file
)


def record_formats() -> tuple[str, ...]:
    """The formats that render records (lists of rows)."""
    return tuple(name for name, r in RENDERERS.items() if r.write)


def export(conn: duckdb.DuckDBPyConnection, fmt: str, out: Path | None = None) -> int:
    """Write the database's events in ``fmt`` to ``out`` (standard output
    when None); return the number of records. Raises StoreError for an
    unknown format."""
    renderer = RENDERERS.get(fmt)
    if renderer is None or fmt not in FORMATS:
        raise StoreError(f"--format {fmt!r}: want one of {', '.join(FORMATS)}")
    if renderer.export_file is not None:
        return renderer.export_file(conn, out or Path("-"))
    assert renderer.export is not None
    if out is None:
        return renderer.export(conn, sys.stdout)
    newline = "" if fmt == "csv" else None
    with out.open("w", encoding="utf-8", newline=newline) as handle:
        return renderer.export(conn, handle)
