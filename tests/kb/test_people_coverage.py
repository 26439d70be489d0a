"""Coverage of the reviewed people file: heads of state and government of the
EU members and of the countries most in the news, interior and justice
ministers, the main figures of French politics."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newsevents.errors import DataError
from newsevents.kb.base import default_kb
from newsevents.kb.people import Person, load_people

EU = (
    "AUT BEL BGR HRV CYP CZE DNK EST FIN FRA DEU GRC HUN IRL ITA LVA LTU LUX MLT "
    "NLD POL PRT ROU SVK SVN ESP SWE"
).split()
IN_THE_NEWS = (
    "UKR ISR IRN SYR IRQ AFG PAK PRK VEN NGA KEN ETH EGY DZA MAR TUN LBN PSE"
).split()


@pytest.fixture(scope="module")
def people() -> tuple[Person, ...]:
    return load_people()


@pytest.mark.parametrize("country", EU + IN_THE_NEWS)
def test_people_coverage_leader_in_office(
    people: tuple[Person, ...], country: str
) -> None:
    day = date(2025, 6, 1)
    leaders = [
        person.name
        for person in people
        for term in person.terms
        if term.country == country
        and term.position in ("head_of_state", "head_of_government")
        and term.covers(day)
    ]
    assert leaders, f"no head of state or government of {country} on {day}"


@pytest.mark.parametrize(
    ("lang", "name", "day", "code"),
    [
        ("fr", "Gérald Darmanin", "2022-01-10", "FRAGOV"),
        ("fr", "Gérald Darmanin", "2025-03-01", "FRAGOV"),
        ("fr", "Christophe Castaner", "2019-01-05", "FRAGOV"),
        ("fr", "Christophe Castaner", "2021-01-05", "FRA"),
        ("fr", "Nicole Belloubet", "2019-01-05", "FRAGOV"),
        ("fr", "Laurent Nuñez", "2023-05-01", "FRACOP"),
        ("fr", "Marine Le Pen", "2019-01-05", "FRAOPP"),
        ("fr", "Jean-Luc Mélenchon", "2019-01-05", "FRAOPP"),
        ("fr", "Anne Hidalgo", "2019-01-05", "FRAGOV"),
        ("en", "Priti Patel", "2020-05-01", "GBRGOV"),
        ("en", "Nancy Faeser", "2023-05-01", "DEUGOV"),
        ("en", "Merrick Garland", "2023-05-01", "USAGOV"),
        ("en", "Merrick Garland", "2025-05-01", "USA"),
        ("en", "Pedro Sánchez", "2019-05-01", "ESPGOV"),
        ("en", "Bashar al-Assad", "2019-05-01", "SYRGOV"),
        ("en", "Bashar al-Assad", "2025-05-01", "SYR"),
        ("en", "Ahmed al-Sharaa", "2020-05-01", "SYRREB"),
        ("en", "Ahmed al-Sharaa", "2025-05-01", "SYRGOV"),
        ("fr", "Abdelmadjid Tebboune", "2021-05-01", "DZAGOV"),
        ("en", "Yahya Sinwar", "2023-10-07", "PSEREB"),
    ],
)
def test_people_coverage_roles_at_date(
    lang: str, name: str, day: str, code: str
) -> None:
    entries = [e for e in default_kb().lookup(lang, name) if e.person]
    assert entries, name
    actor = entries[0].actor_at(date.fromisoformat(day))
    assert actor is not None and actor.code == code


def test_people_coverage_interior_and_justice_positions(
    people: tuple[Person, ...],
) -> None:
    positions = [term.position for person in people for term in person.terms]
    assert positions.count("interior_minister") >= 60
    assert positions.count("justice_minister") >= 50


def test_people_coverage_party_role_then_ministry(people: tuple[Person, ...]) -> None:
    # Retailleau led the LR senators (OPP), then was interior minister (GOV).
    retailleau = next(p for p in people if p.name == "Bruno Retailleau")
    assert retailleau.actor_at(date(2024, 9, 21)).code == "FRAGOV"
    assert retailleau.actor_at(date(2020, 1, 1)).code == "FRAOPP"


def test_people_coverage_no_name_for_two_people(people: tuple[Person, ...]) -> None:
    owners: dict[str, set[int]] = {}
    for index, person in enumerate(people):
        for names in person.names.values():
            for name in names:
                owners.setdefault(name.casefold(), set()).add(index)
    assert [name for name, who in owners.items() if len(who) > 1] == []


def test_people_coverage_bad_position_is_named(tmp_path: Path) -> None:
    path = tmp_path / "people.tsv"
    path.write_text(
        "wikidata\tname\tcountry\troles\torg\tposition\tstart\tend\taliases_fr"
        "\taliases_en\nQ1\tX\tFRA\tGOV\t\tpolice_minister\t2020\t\t\t\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError, match="interior_minister") as info:
        load_people(path)
    assert info.value.line == 2
