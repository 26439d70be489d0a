"""GDELT 2.0: our clusters as 61-column rows, and a real GDELT export
imported and written back unchanged."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest

from newsevents.errors import DataError
from newsevents.export.gdelt import COLUMNS, import_gdelt, read_gdelt, write_gdelt
from newsevents.store.schema import connect
from newsevents.store.writer import Writer
from tests.store._data import FRA, USA, event, rows

GDELT = Path("../shared/data/gdelt/20191024143000.export.CSV")
LABELS = Path(
    "../shared/data/gdelt/GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv"
)


def test_gdelt_columns_match_the_published_list() -> None:
    if not LABELS.exists():
        pytest.skip(f"{LABELS} not found (third-party reference data)")
    names = [line.split(",")[0] for line in LABELS.read_text().splitlines()[1:]]
    assert tuple(names) == COLUMNS and len(COLUMNS) == 61


def test_gdelt_round_trip_of_a_real_export(new_db: Callable[[], str]) -> None:
    if not GDELT.exists():
        pytest.skip(f"{GDELT} not found (third-party reference data)")
    conn = connect(new_db())
    assert import_gdelt(conn, [GDELT]) == 2111
    out = io.StringIO()
    assert write_gdelt(conn, out) == 2111
    original = GDELT.read_text(encoding="utf-8").splitlines()
    written = out.getvalue().splitlines()
    for number, (a, b) in enumerate(zip(original, written, strict=True), start=1):
        for name, x, y in zip(COLUMNS, a.split("\t"), b.split("\t"), strict=True):
            assert x == y, f"line {number} column {name}"
    # Importing the same file again replaces it.
    assert import_gdelt(conn, [GDELT]) == 2111
    assert conn.execute("SELECT count(*) FROM gdelt_events").fetchone() == (2111,)


def test_gdelt_bad_row_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.CSV"
    path.write_text("1\t2\t3\n")
    with pytest.raises(DataError, match=r"bad.CSV:1: 3 columns, want 61"):
        list(read_gdelt(path))


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
