"""File formats, in one registry of renderers: each writes records (an API
page, a CLI listing: ``write``) and/or exports the whole event database
(``export``). The CLI's ``--format``, ``newsevents export`` and the API's
``format=`` and downloads all pick their renderer here.

Add a format: write its functions in a module of this package and
``register`` a ``Renderer`` below."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import duckdb

from ..errors import OutputError, StoreError
from ..store.filters import EventFilter
from ..store.records import Records
from ..store.schema import database_files
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
    "check_output",
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
    # (connection, stream or path, filters=EventFilter | None) -> count
    export: Callable[..., int] | None = None
    export_file: Callable[..., int] | None = None


RENDERERS: dict[str, Renderer] = {}


def register(renderer: Renderer) -> Renderer:
    """Add (or replace) a format in the registry."""
    RENDERERS[renderer.name] = renderer
    return renderer


register(Renderer("gdelt", "text/tab-separated-values", "tsv", export=write_gdelt))
register(Renderer("plover", "application/jsonl", "jsonl", export=write_plover))
register(Renderer("csv", "text/csv", "csv", write=write_csv_records, export=write_csv))
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
FORMATS = tuple(name for name, r in RENDERERS.items() if r.export or r.export_file)


def record_formats() -> tuple[str, ...]:
    """The formats that render records (lists of rows)."""
    return tuple(name for name, r in RENDERERS.items() if r.write)


def export(
    conn: duckdb.DuckDBPyConnection,
    fmt: str,
    out: Path | None = None,
    force: bool = False,
    filters: EventFilter | None = None,
) -> int:
    """Write the database's events (those matching ``filters``, when given)
    in ``fmt`` to ``out`` (standard output when None); return the number of
    records. The file is written beside
    ``out`` under a temporary name, then renamed: an export that fails
    leaves no half-written file. Raises StoreError for an unknown format,
    OutputError when ``out`` is a folder, in no folder, the open database,
    or an existing file and ``force`` is not set."""
    renderer = RENDERERS.get(fmt)
    if renderer is None or fmt not in FORMATS:
        raise StoreError(f"--format {fmt!r}: want one of {', '.join(FORMATS)}")
    if out is None:
        if renderer.export_file is not None:
            return renderer.export_file(conn, Path("-"), filters=filters)
        assert renderer.export is not None
        return renderer.export(conn, sys.stdout, filters=filters)
    check_output(conn, out, force)
    handle, name = tempfile.mkstemp(
        prefix=f".{out.name}.", suffix=".part", dir=out.parent
    )
    os.close(handle)
    temporary = Path(name)
    try:
        if renderer.export_file is not None:
            temporary.unlink()  # DuckDB's COPY writes the file itself
            count = renderer.export_file(conn, temporary, filters=filters)
        else:
            assert renderer.export is not None
            newline = "" if fmt == "csv" else None
            with temporary.open("w", encoding="utf-8", newline=newline) as stream:
                count = renderer.export(conn, stream, filters=filters)
        os.replace(temporary, out)
    finally:
        temporary.unlink(missing_ok=True)
    return count


def check_output(conn: duckdb.DuckDBPyConnection, out: Path, force: bool) -> None:
    """Raise OutputError unless ``out`` may be written: never the open
    database (or its write-ahead log), never a folder, an existing file only
    with ``force``."""
    if out.is_dir():
        raise OutputError(f"--out {out}: is a folder; give a file name")
    if not out.parent.is_dir():
        raise OutputError(f"--out {out}: no such folder {out.parent}")
    target = out.resolve()
    for db in database_files(conn):
        db = db.resolve()
        if target in (db, db.with_name(db.name + ".wal")):
            raise OutputError(
                f"--out {out}: is the event database itself; give another file"
            )
    if out.exists() and not force:
        raise OutputError(f"--out {out}: exists; give --force to overwrite it")
