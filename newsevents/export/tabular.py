"""Records as CSV, JSON or GeoJSON, and the whole event table through them
(and as Parquet, DuckDB's own writer)."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path
from typing import TextIO

import duckdb

from ..errors import BadParameter, StoreError
from ..store.exports import event_table, event_table_to_parquet
from ..store.filters import EventFilter
from ..store.records import Records

# Cells a spreadsheet would run as a formula (OWASP "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """A text cell that a spreadsheet would read as a formula, with a
    single quote in front (the OWASP rule); any other value unchanged.
    Numbers stay numbers: -2.0 is a Goldstein score, not a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_csv_records(records: Records, out: TextIO) -> int:
    """Records as CSV with a header; returns how many rows. Text cells that
    start like a formula are neutralised (``neutralise``)."""
    writer = csv.writer(out)
    writer.writerow([neutralise(name) for name in records.columns])
    count = 0
    for row in records.rows:
        writer.writerow([neutralise(value) for value in row])
        count += 1
    return count


def _plain(value: object) -> object:
    return value.isoformat() if isinstance(value, date) else value


def write_json_records(records: Records, out: TextIO) -> int:
    """Records as a JSON array of objects (dates as ISO strings), one key
    a line; returns how many."""
    items = [
        {name: _plain(value) for name, value in zip(records.columns, row, strict=True)}
        for row in records.rows
    ]
    out.write(json.dumps(items, ensure_ascii=False, indent=1) + "\n")
    return len(items)


def write_geojson_records(records: Records, out: TextIO) -> int:
    """Records with ``lat`` and ``lon`` as a GeoJSON FeatureCollection of
    points (rows without coordinates left out). Raises BadParameter when the
    records have no coordinates."""
    if "lat" not in records.columns or "lon" not in records.columns:
        raise BadParameter("geojson: these records have no lat and lon; want csv")
    features = []
    for row in records.rows:
        props = {n: _plain(v) for n, v in zip(records.columns, row, strict=True)}
        lon, lat = props.pop("lon"), props.pop("lat")
        if lon is None or lat is None:
            continue
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": props,
            }
        )
    json.dump(
        {"type": "FeatureCollection", "features": features}, out, ensure_ascii=False
    )
    out.write("\n")
    return len(features)


def write_csv(
    conn: duckdb.DuckDBPyConnection, out: TextIO, filters: EventFilter | None = None
) -> int:
    """Every event (matching ``filters``) as one CSV row with a header;
    returns how many."""
    return write_csv_records(event_table(conn, filters=filters), out)


def write_geojson(
    conn: duckdb.DuckDBPyConnection, out: TextIO, filters: EventFilter | None = None
) -> int:
    """Events with coordinates (matching ``filters``) as a GeoJSON
    FeatureCollection of points."""
    return write_geojson_records(event_table(conn, located=True, filters=filters), out)


def write_parquet(
    conn: duckdb.DuckDBPyConnection, path: Path, filters: EventFilter | None = None
) -> int:
    """Every event (matching ``filters``) into a Parquet file; returns how
    many."""
    if str(path) == "-":
        raise StoreError("parquet is a binary format: give a file with --out")
    return event_table_to_parquet(conn, path, filters)
