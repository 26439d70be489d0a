"""GDELT 2.0: our clusters as 61-column rows, and a real GDELT export
imported and written back unchanged."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest

from newsevents.errors import DataError
from newsevents.export.gdelt import (
    COLUMNS,
    geo_type,
    import_gdelt,
    read_gdelt,
    write_gdelt,
)
from newsevents.store.schema import connect
from newsevents.store.writer import Writer
from tests.store._data import FRA, USA, event, rows

GDELT = "data/gdelt/20191024143000.export.CSV"
LABELS = "data/gdelt/GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv"


def test_gdelt_columns_match_the_published_list(
    shared_file: Callable[[str], Path],
) -> None:
    labels = shared_file(LABELS).read_text().splitlines()[1:]
    names = [line.split(",")[0] for line in labels]
    assert tuple(names) == COLUMNS and len(COLUMNS) == 61


def test_gdelt_round_trip_of_a_real_export(
    shared_file: Callable[[str], Path], new_db: Callable[[], str]
) -> None:
    gdelt = shared_file(GDELT)
    conn = connect(new_db())
    assert import_gdelt(conn, [gdelt]) == 2111
    out = io.StringIO()
    assert write_gdelt(conn, out) == 2111
    original = gdelt.read_text(encoding="utf-8").splitlines()
    written = out.getvalue().splitlines()
    for number, (a, b) in enumerate(zip(original, written, strict=True), start=1):
        for name, x, y in zip(COLUMNS, a.split("\t"), b.split("\t"), strict=True):
            assert x == y, f"line {number} column {name}"
    # Importing the same file again replaces it.
    assert import_gdelt(conn, [gdelt]) == 2111
    assert conn.execute("SELECT count(*) FROM gdelt_events").fetchone() == (2111,)


def test_gdelt_bad_row_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.CSV"
    path.write_text("1\t2\t3\n")
    with pytest.raises(DataError, match=r"bad.CSV:1: 3 columns, want 61"):
        list(read_gdelt(path))


# One cluster (the same meeting reported by Le Monde and Reuters), written by
# hand from the GDELT 2.0 codebook: FractionDate is YEAR + ((MONTH - 1) * 30 +
# DAY) / 365 as in GDELT's own files (2019-10-24 is 2019.8055 there), geo type
# 4 is a world city, FR is the FIPS code of France, names are upper case.
EXPECTED_ROW = {
    "GLOBALEVENTID": "1", "SQLDATE": "20240619", "MonthYear": "202406",
    "Year": "2024", "FractionDate": "2024.463",
    "Actor1Code": "FRAGOV", "Actor1Name": "EMMANUEL MACRON",
    "Actor1CountryCode": "FRA", "Actor1KnownGroupCode": "", "Actor1EthnicCode": "",
    "Actor1Religion1Code": "", "Actor1Religion2Code": "", "Actor1Type1Code": "GOV",
    "Actor1Type2Code": "", "Actor1Type3Code": "",
    "Actor2Code": "USAGOV", "Actor2Name": "JOE BIDEN", "Actor2CountryCode": "USA",
    "Actor2KnownGroupCode": "", "Actor2EthnicCode": "", "Actor2Religion1Code": "",
    "Actor2Religion2Code": "", "Actor2Type1Code": "GOV", "Actor2Type2Code": "",
    "Actor2Type3Code": "",
    "IsRootEvent": "1", "EventCode": "042", "EventBaseCode": "042",
    "EventRootCode": "04", "QuadClass": "1", "GoldsteinScale": "1.9",
    "NumMentions": "2", "NumSources": "2", "NumArticles": "2", "AvgTone": "",
    "Actor1Geo_Type": "4", "Actor1Geo_FullName": "Paris",
    "Actor1Geo_CountryCode": "FR", "Actor1Geo_ADM1Code": "",
    "Actor1Geo_ADM2Code": "", "Actor1Geo_Lat": "48.85", "Actor1Geo_Long": "2.35",
    "Actor1Geo_FeatureID": "2988507",
    "Actor2Geo_Type": "4", "Actor2Geo_FullName": "Paris",
    "Actor2Geo_CountryCode": "FR", "Actor2Geo_ADM1Code": "",
    "Actor2Geo_ADM2Code": "", "Actor2Geo_Lat": "48.85", "Actor2Geo_Long": "2.35",
    "Actor2Geo_FeatureID": "2988507",
    "ActionGeo_Type": "4", "ActionGeo_FullName": "Paris",
    "ActionGeo_CountryCode": "FR", "ActionGeo_ADM1Code": "",
    "ActionGeo_ADM2Code": "", "ActionGeo_Lat": "48.85", "ActionGeo_Long": "2.35",
    "ActionGeo_FeatureID": "2988507",
    "DATEADDED": "20240619000000", "SOURCEURL": "https://a.fr/1",
}  # fmt: skip


def test_gdelt_our_cluster_is_the_hand_written_row() -> None:
    conn = connect(":memory:")
    Writer(conn).write(
        [
            rows("Macron a rencontré Biden.", [event(FRA, USA)], url="https://a.fr/1"),
            rows("Biden met Macron.", [event(FRA, USA)], source="Reuters"),
        ]
    )
    out = io.StringIO()
    assert write_gdelt(conn, out) == 1
    fields = out.getvalue().rstrip("\n").split("\t")
    assert len(fields) == 61 and list(EXPECTED_ROW) == list(COLUMNS)
    assert dict(zip(COLUMNS, fields, strict=True)) == EXPECTED_ROW


def test_gdelt_fraction_date_follows_gdelt() -> None:
    # GDELT's own export: 2019-10-24 -> 2019.8055, 2019-09-24 -> 2019.7233.
    conn = connect(":memory:")
    Writer(conn).write(
        [rows("Macron a rencontré Biden.", [event(FRA, USA, day="2019-10-24")])]
    )
    out = io.StringIO()
    write_gdelt(conn, out)
    assert out.getvalue().split("\t")[4] == "2019.8055"


def test_gdelt_our_clusters_as_rows(new_db: Callable[[], str]) -> None:
    conn = connect(new_db())
    Writer(conn).write(
        [
            rows("Macron a rencontré Biden.", [event(FRA, USA)], url="https://a.fr/1"),
            rows("Biden met Macron.", [event(FRA, USA)], source="Reuters"),
        ]
    )
    out = io.StringIO()
    assert write_gdelt(conn, out) == 1
    row = dict(zip(COLUMNS, out.getvalue().rstrip("\n").split("\t"), strict=True))
    assert row["SQLDATE"] == "20240619" and row["MonthYear"] == "202406"
    assert (row["Actor1Code"], row["Actor1CountryCode"], row["Actor1Type1Code"]) == (
        "FRAGOV", "FRA", "GOV",
    )  # fmt: skip
    assert (row["Actor2Code"], row["EventCode"], row["EventRootCode"]) == (
        "USAGOV", "042", "04",
    )  # fmt: skip
    assert (row["NumMentions"], row["NumSources"], row["NumArticles"]) == (
        "2",
        "2",
        "2",
    )
    assert row["GoldsteinScale"] == "1.9" and row["QuadClass"] == "1"
    assert row["ActionGeo_FullName"] == "Paris" and row["ActionGeo_CountryCode"] == "FR"
    assert row["SOURCEURL"] == "https://a.fr/1"
    assert row["DATEADDED"] == "20240619000000"


@pytest.mark.parametrize(
    ("kind", "country", "expected"),
    [
        ("country", "USA", 1),
        ("admin", "USA", 2),  # a US state
        ("city", "USA", 3),
        ("landmark", "USA", 3),  # a landmark is placed in its town
        ("city", "FRA", 4),
        ("landmark", "FRA", 4),
        ("admin", "FRA", 5),
        ("country", "FRA", 1),
    ],
)
def test_gdelt_action_geo_type(kind: str, country: str, expected: int) -> None:
    assert geo_type(kind, country) == expected
