"""Exports of the event database: GDELT 2.0, PLOVER, CSV, Parquet, GeoJSON."""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb

from ..errors import StoreError

FORMATS = ("gdelt", "plover", "csv", "parquet", "geojson")


def export(conn: duckdb.DuckDBPyConnection, fmt: str, out: Path | None = None) -> int:
    """Write the database's events in ``fmt`` to ``out`` (standard output
    when None); return the number of records. Raises StoreError for an
    unknown format."""
    from .gdelt import write_gdelt
    from .plover import write_plover
    from .tabular import write_csv, write_geojson, write_parquet

    if fmt not in FORMATS:
        raise StoreError(f"--format {fmt!r}: want one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        return write_parquet(conn, out or Path("-"))
    writers = {
        "gdelt": write_gdelt,
        "plover": write_plover,
        "csv": write_csv,
        "geojson": write_geojson,
    }
    if out is None:
        return writers[fmt](conn, sys.stdout)
    newline = "" if fmt == "csv" else None
    with out.open("w", encoding="utf-8", newline=newline) as handle:
        return writers[fmt](conn, handle)
