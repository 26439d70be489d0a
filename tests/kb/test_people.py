"""Tests of newsevents.kb.people: terms of office, aliases, data-file checks."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest

from newsevents.errors import DataError
from newsevents.kb._tsv import read_tsv
from newsevents.kb.people import DEFAULT_PATH, Person, Term, load_people

HEADER = (
    "wikidata\tname\tcountry\troles\torg\tposition\tstart\tend\taliases_fr\taliases_en"
)

REQUIRED_COUNTRIES = (
    "ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS SAU ZAF TUR GBR USA "
    "PRK UKR IRN ISR ARE QAT KWT BHR OMN IGO"
).split()


@pytest.fixture(scope="module")
def people() -> dict[str, Person]:
    return {person.name: person for person in load_people()}


def _write(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "people.tsv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("name", "when", "code", "roles"),
    [
        ("Vladimir Putin", "2024-06-19", "RUSGOV", ("GOV",)),
        ("Vladimir Putin", "2010-03-01", "RUSGOV", ("GOV",)),
        ("Vladimir Putin", "2004-01-01", "RUSGOV", ("GOV",)),
        ("Sergey Lavrov", "2024-06-19", "RUSGOV", ("GOV",)),
        ("Kim Jong Un", "2024-06-19", "PRKGOV", ("GOV",)),
        ("Dmytro Kuleba", "2022-03-01", "UKRGOV", ("GOV",)),
        ("Dmytro Kuleba", "2025-01-15", "UKR", ()),
        ("Dmytro Kuleba", "2010-01-01", "UKR", ()),
        ("Boris Johnson", "2023-01-01", "GBR", ()),
        ("Boris Johnson", "2020-01-01", "GBRGOV", ("GOV",)),
        ("Donald Trump", "2022-06-01", "USA", ()),
        ("Donald Trump", "2025-06-01", "USAGOV", ("GOV",)),
        ("António Guterres", "2024-06-19", "IGOUNO", ()),
        ("António Guterres", "2000-01-01", "PRTGOV", ("GOV",)),
        ("Jens Stoltenberg", "2020-01-01", "IGONAT", ()),
        ("Ursula von der Leyen", "2023-01-01", "IGOEUR", ()),
        ("Ursula von der Leyen", "2015-01-01", "DEUGOV", ("GOV",)),
    ],
)
def test_people_actor_at_date(
    people: dict[str, Person],
    name: str,
    when: str,
    code: str,
    roles: tuple[str, ...],
) -> None:
    actor = people[name].actor_at(date.fromisoformat(when))
    assert (actor.code, actor.roles, actor.name) == (code, roles, name)


def test_people_actor_carries_org_and_wikidata(people: dict[str, Person]) -> None:
    guterres = people["António Guterres"].actor_at(date(2024, 1, 1))
    assert (guterres.country, guterres.org) == ("IGO", "UN")
    putin = people["Vladimir Putin"].actor_at(date(2024, 1, 1))
    assert (putin.country, putin.org, putin.wikidata) == ("RUS", None, "Q7747")


def test_people_actor_at_none_uses_current_term(people: dict[str, Person]) -> None:
    assert people["Vladimir Putin"].actor_at(None).code == "RUSGOV"
    # A former office holder's last term is used when no date is given.
    assert people["Dmytro Kuleba"].actor_at(None).code == "UKRGOV"


def test_people_overlapping_terms_take_most_senior(people: dict[str, Person]) -> None:
    # 2012-05-07: Putin's last day as prime minister and first as president.
    putin = people["Vladimir Putin"]
    covering = [t for t in putin.terms if t.covers(date(2012, 5, 7))]
    assert {t.position for t in covering} == {"head_of_state", "head_of_government"}
    assert putin.actor_at(date(2012, 5, 7)).code == "RUSGOV"


@pytest.mark.parametrize(
    ("when", "code"),
    [("2019-06-01", "IGONAT"), ("2020-06-01", "ESPGOV"), ("2022-06-01", "ESP")],
)
def test_people_senior_term_wins_over_igo_post(
    tmp_path: Path, when: str, code: str
) -> None:
    path = _write(
        tmp_path,
        "\tA\tIGO\t\tNATO\tother: Secretary General\t2019\t2020-12\t\t",
        "\tA\tESP\tGOV\t\tforeign_minister\t2020-03\t2021\t\t",
    )
    (person,) = load_people(path)
    assert person.actor_at(date.fromisoformat(when)).code == code


def test_people_terms_of_putin(people: dict[str, Person]) -> None:
    terms = people["Vladimir Putin"].terms
    president = [t for t in terms if t.position == "head_of_state"]
    assert [(t.start, t.end) for t in president] == [
        (date(2000, 5, 7), date(2008, 5, 7)),
        (date(2012, 5, 7), None),
    ]
    pm = [t for t in terms if t.start == date(2008, 5, 8)]
    assert pm and pm[0].position == "head_of_government"
    assert pm[0].title == "Prime Minister"


@pytest.mark.parametrize(
    ("name", "lang", "alias"),
    [
        ("Vladimir Putin", "fr", "Vladimir Poutine"),
        ("Vladimir Putin", "fr", "Poutine"),
        ("Vladimir Putin", "en", "Putin"),
        ("Vladimir Putin", "en", "Vladimir Putin"),
        ("Sergey Lavrov", "fr", "Sergueï Lavrov"),
        ("Sergey Lavrov", "en", "Sergei Lavrov"),
        ("Volodymyr Zelenskyy", "fr", "Volodymyr Zelensky"),
        ("Volodymyr Zelenskyy", "en", "Zelenskyy"),
        ("Benjamin Netanyahu", "fr", "Benyamin Netanyahou"),
        ("Benjamin Netanyahu", "fr", "Netanyahou"),
        ("Benjamin Netanyahu", "en", "Netanyahu"),
        ("Recep Tayyip Erdoğan", "fr", "Recep Tayyip Erdogan"),
        ("Recep Tayyip Erdoğan", "en", "Erdogan"),
        ("Kim Jong Un", "fr", "Kim Jong-un"),
        ("Kim Jong Un", "en", "Kim Jong-un"),
        ("Choe Son Hui", "fr", "Choe Son-hui"),
        ("Xi Jinping", "fr", "Xi"),
        ("Emmanuel Macron", "fr", "Macron"),
        ("Narendra Modi", "fr", "Narendra Modi"),
        ("Dmytro Kuleba", "fr", "Dmytro Kouleba"),
    ],
)
def test_people_aliases(
    people: dict[str, Person], name: str, lang: str, alias: str
) -> None:
    assert alias in people[name].names[lang]


def test_people_names_are_deduplicated(people: dict[str, Person]) -> None:
    for person in people.values():
        for names in person.names.values():
            assert len(names) == len(set(names)), person.name
            assert names[0] == person.name


def test_people_bare_kim_is_not_an_alias(people: dict[str, Person]) -> None:
    for person in people.values():
        assert "Kim" not in person.names["fr"] + person.names["en"], person.name


def test_people_rows_of_a_person_are_merged(people: dict[str, Person]) -> None:
    assert len(people["Vladimir Putin"].terms) == 4
    assert len([p for p in load_people() if p.wikidata == "Q7747"]) == 1


def test_people_default_load_is_cached() -> None:
    assert load_people() is load_people()


def test_people_data_file_size_and_coverage() -> None:
    rows = list(read_tsv(DEFAULT_PATH, ("name", "country", "position", "start")))
    assert len(rows) >= 150
    countries = {t.country for person in load_people() for t in person.terms}
    assert not set(REQUIRED_COUNTRIES) - countries


def test_people_wikidata_ids_are_unique() -> None:
    names: dict[str, set[str]] = defaultdict(set)
    for _, row in read_tsv(DEFAULT_PATH, ("name",)):
        if row["wikidata"]:
            names[row["wikidata"]].add(row["name"])
    assert {qid: n for qid, n in names.items() if len(n) > 1} == {}
    assert names["Q7747"] == {"Vladimir Putin"}


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("\tX\tRUS\tGOV\t\tforeign_minister\t2024-13-01\t\t\t", "bad date"),
        ("\tX\tRUS\tGOV\t\tforeign_minister\t24/01/2020\t\t\t", "bad date"),
        ("\tX\tRUS\tGOV\t\tforeign_minister\t2020-01-01\t2019\t\t", "after end"),
        ("\tX\tRUS\tGOV\t\tminister\t2020-01-01\t\t\t", "unknown position"),
        ("\tX\tru\tGOV\t\tforeign_minister\t2020-01-01\t\t\t", "bad country"),
        ("\tX\tRUSSIA\tGOV\t\tforeign_minister\t2020\t\t\t", "bad country"),
        ("\tX\tIGO\t\tWHO\tother\t2020\t\t\t", "IGO row needs org"),
        ("\tX\tRUS\tgov\t\tother\t2020\t\t\t", "bad role"),
        ("7747\tX\tRUS\tGOV\t\tother\t2020\t\t\t", "bad Wikidata id"),
    ],
)
def test_people_bad_row_raises_data_error(
    tmp_path: Path, row: str, message: str
) -> None:
    good = "\tY\tFRA\tGOV\t\thead_of_state\t2017-05-14\t\t\t"
    path = _write(tmp_path, good, row)
    with pytest.raises(DataError, match=message) as info:
        load_people(path)
    assert info.value.line == 3
    assert str(path) in str(info.value)


def test_people_wikidata_on_two_names_raises(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "Q1\tA\tFRA\tGOV\t\tother\t2020\t\t\t",
        "Q1\tB\tFRA\tGOV\t\tother\t2020\t\t\t",
    )
    with pytest.raises(DataError, match="Q1") as info:
        load_people(path)
    assert info.value.line == 3


def test_people_partial_dates_widen(tmp_path: Path) -> None:
    path = _write(tmp_path, "\tA\tFRA\tGOV\t\tother: X\t2020-02\t2021\tA fr\tA en")
    (person,) = load_people(path)
    assert person.terms == (
        Term(
            country="FRA",
            roles=("GOV",),
            org=None,
            position="other",
            start=date(2020, 2, 1),
            end=date(2021, 12, 31),
            title="X",
        ),
    )
    assert person.names == {"fr": ("A", "A fr"), "en": ("A", "A en")}
    assert person.actor_at(date(2021, 12, 31)).code == "FRAGOV"
    assert person.actor_at(date(2022, 1, 1)).code == "FRA"
    assert person.actor_at(date(2020, 1, 31)).code == "FRA"
