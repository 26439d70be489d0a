"""Tests for newsevents.kb.outlets: outlets' home countries."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.errors import DataError
from newsevents.kb.outlets import load_outlets, outlet_country


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Le Monde", "FRA"),
        ("lemonde.fr", "FRA"),
        ("https://www.bbc.co.uk", "GBR"),
        ("LaLibre.xml", "BEL"),
        ("The Washington Post", "USA"),
        ("Unknown Gazette", None),
    ],
)
def test_outlets_country(source: str, expected: str | None) -> None:
    assert outlet_country(source) == expected


def test_outlets_bad_country(tmp_path: Path) -> None:
    path = tmp_path / "outlets.tsv"
    path.write_text("outlet\tcountry\nLe Monde\tFRANCE\n", encoding="utf-8")
    with pytest.raises(DataError, match="outlets.tsv:2"):
        load_outlets(path)
