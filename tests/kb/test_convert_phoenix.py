"""Tests of newsevents.kb.convert_phoenix: Phoenix dictionaries -> our TSV files."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from newsevents.kb._tsv import read_tsv
from newsevents.kb.convert_phoenix import FILES, convert
from newsevents.kb.organisations import load_organisations
from newsevents.kb.people import PHOENIX_PATH, load_people

COUNTRIES = """\
# header comment
FRANCE_  [FRA]
+PARIS_
+MARSEILLE
# National institutions
DGSE
+GENERAL_DIRECTORATE_FOR_EXTERNAL_SECURITY
\t[FRASPY]
NICOLAS_SARKOZY_  # CountryInfo.txt
+SARKOZY
\t[FRAELI 730101-040401]
\t[FRAGOVMIL 030101-040331]
\t[FRAGOV 070516-20120515]
\t[FRAELI]
FRANCOIS_HOLLANDE
+PRESIDENT_HOLLANDE
\t[FRAGOV >120515]
\t[FRAELI]
OLD_PREMIER_
\t[FRAGOV 720705-740527]
\t[FRAELI 740527-890101]
BAD_DATE_PERSON
\t[FRAGOV 2004017-20061201]
"""
INTERNATIONAL = """\
SECRETARY-GENERAL_BAN_KI-MOON
+BAN_KI-MOON
\t[IGOUNO >20070101]
\t[KORGOV 20040117-20061201]
WORLD_NEIGHBORS_ [NGODEV]
"""
MILNONSTATE = """\
ANARCHIST_STREET_PATROL_ [GRCREB] #  kkl 21 Mar 13
"""


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    source = tmp_path_factory.mktemp("phoenix")
    for name, text in zip(FILES, (COUNTRIES, INTERNATIONAL, MILNONSTATE), strict=True):
        (source / name).write_text(text, encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    return out, dict(convert(source, out))


def _rows(path: Path) -> list[dict[str, str]]:
    return [row for _, row in read_tsv(path, ())]


def test_convert_phoenix_people_terms(converted: tuple[Path, dict[str, int]]) -> None:
    out, _ = converted
    rows = _rows(out / "phoenix_people.tsv")
    sarkozy = [
        (r["roles"], r["start"], r["end"]) for r in rows if "Sarkozy" in r["name"]
    ]
    # Dated codes become terms (ELI kept); the undated [FRAELI] is dropped.
    assert sarkozy == [
        ("ELI", "1973-01-01", "2004-04-01"),
        ("GOV,MIL", "2003-01-01", "2004-03-31"),
        ("GOV", "2007-05-16", "2012-05-15"),
    ]
    hollande = [r for r in rows if r["name"] == "Francois Hollande"]
    # An open-ended term ends on the date of the source.
    assert [(r["start"], r["end"]) for r in hollande] == [("2012-05-16", "2014-01-30")]
    assert hollande[0]["aliases_en"] == "President Hollande"
    assert all(r["position"] == "other" and r["source"] for r in rows)


def test_convert_phoenix_names_of_one_word_are_dropped(
    converted: tuple[Path, dict[str, int]],
) -> None:
    out, _ = converted
    rows = _rows(out / "phoenix_people.tsv")
    assert all(len(r["name"].split()) > 1 for r in rows)
    assert "Sarkozy" not in {r["aliases_en"] for r in rows}


def test_convert_phoenix_skips_countries_history_and_bad_entries(
    converted: tuple[Path, dict[str, int]],
) -> None:
    out, stats = converted
    names = {r["name"] for r in _rows(out / "phoenix_people.tsv")}
    assert "Old Premier" not in names  # out of office since 1974
    assert "Bad Date Person" not in names
    assert stats["skipped: country entry"] == 1
    assert stats["skipped: person whose every term ended before 1990"] == 1
    assert stats["skipped: malformed line"] == 1
    orgs = _rows(out / "phoenix_organisations.tsv")
    assert "Paris" not in {n for r in orgs for n in r["names_en"].split("|")}


def test_convert_phoenix_igo_officials(converted: tuple[Path, dict[str, int]]) -> None:
    out, _ = converted
    people = {p.name: p for p in load_people(out / "phoenix_people.tsv")}
    ban = people["Secretary-General Ban Ki-Moon"]
    assert ban.name == "Secretary-General Ban Ki-Moon"
    assert ban.actor_at(date(2010, 1, 1)).code == "IGOUNO"
    assert ban.actor_at(date(2005, 1, 1)).code == "KORGOV"
    assert "Ban Ki-Moon" in ban.names["en"]


def test_convert_phoenix_organisations(converted: tuple[Path, dict[str, int]]) -> None:
    out, _ = converted
    orgs = {
        named.actor.code: named
        for named in load_organisations(out / "phoenix_organisations.tsv")
    }
    assert set(orgs) == {"FRASPY", "NGODEV", "GRCREB"}
    # "DGSE" is one word: left out.
    assert orgs["FRASPY"].names["en"] == ("General Directorate for External Security",)
    assert orgs["GRCREB"].actor.roles == ("REB",)
    assert orgs["GRCREB"].actor.country == "GRC"
    assert orgs["NGODEV"].names["fr"] == ()


def test_convert_phoenix_missing_dictionary_is_named(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="Phoenix.Countries.actors.txt"):
        convert(tmp_path, tmp_path)


def test_convert_phoenix_bundled_output_is_marked_and_loads() -> None:
    head = PHOENIX_PATH.read_text(encoding="utf-8")[:400]
    assert "CONVERTED, NOT REVIEWED" in head and "MIT License" in head
    people = load_people(PHOENIX_PATH)
    assert len(people) > 15_000


def test_convert_phoenix_bundled_output_is_reproducible(
    shared_file: Callable[[str], Path], tmp_path: Path
) -> None:
    convert(shared_file("data/peers/petrarch2"), tmp_path)
    for name in ("phoenix_people.tsv", "phoenix_organisations.tsv"):
        bundled = PHOENIX_PATH.parent / name
        assert (tmp_path / name).read_bytes() == bundled.read_bytes(), name
