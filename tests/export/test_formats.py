"""PLOVER, CSV, Parquet and GeoJSON exports, through ``export``."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import duckdb
import pytest

from newsevents.errors import StoreError
from newsevents.export import export
from newsevents.models import Article, CodedArticle
from newsevents.store.rows import to_rows
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


_AWKWARD = {
    "url": 'https://example.org/a?x=1,2&q="y"',
    "title": 'He said "no",\nthen left',
    "outlet": '=HYPERLINK("http://x","y")',
    "source_name": "+cmd|' /C calc'!A0",
    "target_name": "@SUM(1+1)",
}


@pytest.fixture
def awkward(tmp_path: Path) -> Path:
    """A one-event CSV whose cells hold commas, quotes, a newline and
    formula-like text."""
    conn = connect(":memory:")
    source = FRA.model_copy(update={"name": _AWKWARD["source_name"]})
    target = USA.model_copy(update={"name": _AWKWARD["target_name"]})
    article = Article.from_text(
        'Macron a rencontré Biden, puis "Poutine".\nFin.',
        "fr",
        published=date(2024, 6, 19),
        url=_AWKWARD["url"],
        source=_AWKWARD["outlet"],
        title=_AWKWARD["title"],
    )
    coded = CodedArticle(article=article, events=(event(source, target),))
    Writer(conn).write([to_rows(coded, "awkward.txt", None)])
    out = tmp_path / "events.csv"
    assert export(conn, "csv", out) == 1
    return out


def test_export_csv_round_trips_commas_quotes_newlines(awkward: Path) -> None:
    with awkward.open(encoding="utf-8", newline="") as handle:
        [record] = list(csv.DictReader(handle))
    # with intended_code, coder_version, lexicon_version and the date's period
    assert len(record) == 33 and None not in record
    # The formula-like cells are neutralised (the test below).
    plain = ("url", "title")
    assert {key: record[key] for key in plain} == {k: _AWKWARD[k] for k in plain}
    assert (record["code"], record["place_name"], record["lat"]) == (
        "042", "Paris", "48.85",
    )  # fmt: skip


@pytest.mark.issue
def test_export_csv_neutralises_formula_cells(awkward: Path) -> None:
    """OWASP CSV injection: a cell starting with = + - @ (or tab, CR) is
    prefixed with a quote so that a spreadsheet shows it as text."""
    with awkward.open(encoding="utf-8", newline="") as handle:
        [record] = list(csv.DictReader(handle))
    assert record["outlet"] == "'" + _AWKWARD["outlet"]
    assert record["source_name"] == "'" + _AWKWARD["source_name"]
    assert record["target_name"] == "'" + _AWKWARD["target_name"]


def test_export_intended_code(tmp_path: Path) -> None:
    # "Russia threatened to cut ties with Ukraine": 1313, intended 161.
    threat = event(RUS, UKR, "1313", quad=3).model_copy(update={"intended_code": "161"})
    conn = connect(":memory:")
    Writer(conn).write(
        [rows("Russia threatened to cut ties.", [threat, event(FRA, USA)])]
    )
    out = tmp_path / "events.csv"
    assert export(conn, "csv", out) == 2
    records = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [(r["code"], r["intended_code"]) for r in records] == [
        ("1313", "161"),
        ("042", ""),
    ]
    plover = tmp_path / "events.jsonl"
    export(conn, "plover", plover)
    lines = [json.loads(line) for line in plover.read_text().splitlines()]
    assert [(p["cameo"], p["intended_cameo"]) for p in lines] == [
        ("1313", "161"),
        ("042", None),
    ]


def test_export_coder_and_lexicon_versions(conn, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Issue 15 item 8: every exported event names the newsevents version
    and the trigger lexicon (a hash of the language's files) that coded it."""
    from newsevents import __version__
    from newsevents.lang import get

    lexicon = get("fr").lexicon_version
    assert len(lexicon) == 12 and lexicon != get("en").lexicon_version
    out = tmp_path / "events.csv"
    export(conn, "csv", out)
    records = list(csv.DictReader(out.open(encoding="utf-8")))
    assert {(r["coder_version"], r["lexicon_version"]) for r in records} == {
        (__version__, lexicon)
    }
    plover = tmp_path / "events.jsonl"
    export(conn, "plover", plover)
    first = json.loads(plover.read_text().splitlines()[0])
    assert (first["coder_version"], first["lexicon_version"]) == (__version__, lexicon)
    parquet = tmp_path / "events.parquet"
    export(conn, "parquet", parquet)
    back = duckdb.execute(
        "SELECT DISTINCT coder_version, lexicon_version FROM read_parquet(?)",
        [str(parquet)],
    ).fetchall()
    assert back == [(__version__, lexicon)]


@pytest.mark.issue
def test_issue_12_date_periods_stored_and_exported(
    new_db: Callable[[], str], tmp_path: Path
) -> None:
    from newsevents.models import DateRef

    period = DateRef(
        text="du 3", value="2024-05-03", precision="day", relation="range",
        until="2024-05-05",
    )  # fmt: skip
    since = DateRef(
        text="depuis 2019", value="2019", precision="year", relation="since"
    )
    conn = connect(new_db())
    Writer(conn).write(
        [
            rows(
                "Grève du 3 au 5 mai.",
                [
                    event(FRA, USA).model_copy(update={"date": period}),
                    event(RUS, UKR, "190", quad=4).model_copy(update={"date": since}),
                    event(FRA, UKR),
                ],
            )
        ]
    )
    stored = conn.execute(
        "SELECT date_value, date_relation, date_until FROM events ORDER BY idx"
    ).fetchall()
    assert stored == [
        ("2024-05-03", "range", "2024-05-05"),
        ("2019", "since", None),
        ("2024-06-19", None, None),
    ]
    plover = tmp_path / "events.jsonl"
    assert export(conn, "plover", plover) == 3
    records = [json.loads(line) for line in plover.read_text().splitlines()]
    assert [(r["date_relation"], r["date_until"]) for r in records] == [
        ("range", "2024-05-05"), ("since", None), (None, None),
    ]  # fmt: skip
    table = tmp_path / "events.csv"
    assert export(conn, "csv", table) == 3
    found = list(csv.DictReader(table.open(encoding="utf-8")))
    assert [(r["date_relation"], r["date_until"]) for r in found] == [
        ("range", "2024-05-05"), ("since", ""), ("", ""),
    ]  # fmt: skip
