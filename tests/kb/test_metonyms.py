"""Tests of newsevents.kb.metonyms: "Bruxelles" acting is the EU."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newsevents.errors import DataError
from newsevents.kb.base import default_kb
from newsevents.kb.metonyms import load_metonyms

HEADER = "lang\tname\tplace\tcode\tcountry\troles\torg\tnote\n"


@pytest.mark.parametrize(("lang", "name"), [("fr", "Bruxelles"), ("en", "Brussels")])
def test_metonyms_brussels_acts_as_the_eu(lang: str, name: str) -> None:
    (entry,) = default_kb().lookup(lang, name)
    assert entry.kind == "place" and entry.capital
    place = entry.actor_at(date(2019, 1, 1))
    acting = entry.acting_actor(date(2019, 1, 1))
    assert place is not None and place.code == "BEL"
    assert acting is not None
    assert (acting.code, acting.country, acting.org) == ("IGOEEC", "IGO", "EU")


@pytest.mark.parametrize(
    ("lang", "name", "code"),
    [("fr", "Moscou", "RUSGOV"), ("en", "Paris", "FRAGOV"), ("fr", "Kiev", "UKRGOV")],
)
def test_metonyms_capitals_act_as_their_government(
    lang: str, name: str, code: str
) -> None:
    entry = default_kb().lookup(lang, name)[0]
    acting = entry.acting_actor(date(2024, 6, 19))
    assert acting is not None and acting.code == code


def test_metonyms_bad_row_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "m.tsv"
    path.write_text(
        HEADER
        + "fr\tBruxelles\tBEL\tIGOEEC\tIGO\t\tEU\t\nde\tBrüssel\tBEL\tIGOEEC\tIGO\t\tEU\t\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError, match="bad lang") as info:
        load_metonyms(path)
    assert info.value.line == 3


def test_metonyms_code_must_start_with_country(tmp_path: Path) -> None:
    path = tmp_path / "m.tsv"
    path.write_text(
        HEADER + "en\tBrussels\tBEL\tEECIGO\tIGO\t\tEU\t\n", encoding="utf-8"
    )
    with pytest.raises(DataError, match="bad code"):
        load_metonyms(path)
