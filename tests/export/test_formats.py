"""PLOVER, CSV, Parquet and GeoJSON exports, through ``export``."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from newsevents.errors import StoreError
from newsevents.export import export
from newsevents.store.schema import connect
from newsevents.store.writer import Writer
from tests.store._data import FRA, RUS, UKR, USA, event, rows


@pytest.fixture
def conn(new_db: Callable[[], str]):  # type: ignore[no-untyped-def]
    conn = connect(new_db())
    Writer(conn).write(
        [
            rows("Macron a rencontré Biden.", [event(FRA, USA)], url="https://a.fr/1"),
            rows("Russia attacked.", [event(RUS, UKR, "190", quad=4, place=None)]),
        ]
    )
    return conn


def test_export_plover_records(conn, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "events.jsonl"
    assert export(conn, "plover", out) == 2
    first = json.loads(out.read_text().splitlines()[0])
    assert (first["actor"], first["recipient"], first["event_type"], first["mode"]) == (
        "FRAGOV", "USAGOV", "CONSULT", "visit",
    )  # fmt: skip
    assert first["date"] == "2024-06-19" and first["location"]["name"] == "Paris"
    assert first["text"] == [
        {"start": 0, "end": 20, "text": "Macron a rencontré", "sentence": 0}
    ]
    assert (
        first["cite"]["url"] == "https://a.fr/1" and first["cite"]["language"] == "fr"
    )


def test_export_csv(conn, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "events.csv"
    assert export(conn, "csv", out) == 2
    records = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [(r["source_code"], r["code"], r["target_code"]) for r in records] == [
        ("FRAGOV", "042", "USAGOV"),
        ("RUSMIL", "190", "UKR"),
    ]


def test_export_parquet(conn, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "events.parquet"
    assert export(conn, "parquet", out) == 2
    back = duckdb.execute(
        "SELECT code, goldstein FROM read_parquet(?) ORDER BY id", [str(out)]
    ).fetchall()
    assert back == [("042", 1.9), ("190", 1.9)]


def test_export_geojson_only_placed_events(conn, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "events.geojson"
    assert export(conn, "geojson", out) == 1
    collection = json.loads(out.read_text())
    feature = collection["features"][0]
    assert feature["geometry"] == {"type": "Point", "coordinates": [2.35, 48.85]}
    assert feature["properties"]["code"] == "042"


def test_export_rejects_unknown_format(conn) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(StoreError, match="gdelt, plover"):
        export(conn, "xml")
