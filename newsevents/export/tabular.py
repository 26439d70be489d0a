"""Events as CSV, Parquet (DuckDB's own writer) or GeoJSON."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import TextIO

import duckdb

from ..errors import StoreError

_COLUMNS = (
    "e.id, e.article_id, e.cluster_id, e.event_date, e.source_code, e.source_name, "
    "e.code, e.label, e.target_code, e.target_name, e.quad_class, e.goldstein, "
    "e.modality, e.plover_type, e.plover_mode, e.date_value, e.date_precision, "
    "e.place_name, e.place_country, e.lat, e.lon, e.evidence_text, e.confidence, "
    "a.language, a.source AS outlet, a.url, a.title, a.published"
)
_FROM = "FROM events e JOIN articles a ON a.id = e.article_id ORDER BY e.id"


def write_csv(conn: duckdb.DuckDBPyConnection, out: TextIO) -> int:
    """Every event as one CSV row with a header; returns how many."""
    cursor = conn.execute(f"SELECT {_COLUMNS} {_FROM}")
    writer = csv.writer(out)
    writer.writerow([d[0] for d in cursor.description])
    count = 0
    while batch := cursor.fetchmany(10_000):
        writer.writerows(batch)
        count += len(batch)
    return count


def write_parquet(conn: duckdb.DuckDBPyConnection, path: Path) -> int:
    """Every event into a Parquet file; returns how many."""
    if str(path) == "-":
        raise StoreError("parquet is a binary format: give a file with --out")
    target = str(path).replace("'", "''")
    conn.execute(f"COPY (SELECT {_COLUMNS} {_FROM}) TO '{target}' (FORMAT parquet)")
    row = conn.execute("SELECT count(*) FROM events").fetchone()
    return int(row[0]) if row else 0


def write_geojson(conn: duckdb.DuckDBPyConnection, out: TextIO) -> int:
    """Events with coordinates as a GeoJSON FeatureCollection of points."""
    cursor = conn.execute(
        f"SELECT {_COLUMNS} FROM events e JOIN articles a ON a.id = e.article_id "
        "WHERE e.lat IS NOT NULL AND e.lon IS NOT NULL ORDER BY e.id"
    )
    names = [d[0] for d in cursor.description]
    features = []
    while batch := cursor.fetchmany(10_000):
        for row in batch:
            props = dict(zip(names, row, strict=True))
            lon, lat = props.pop("lon"), props.pop("lat")
            for key in ("event_date", "published"):
                if props[key] is not None:
                    props[key] = props[key].isoformat()
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
