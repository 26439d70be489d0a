"""Tests of newsevents.kb.petrarch: reading PETRARCH dictionaries."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from newsevents.errors import DataError
from newsevents.kb.organisations import NamedActor
from newsevents.kb.petrarch import load_petrarch_actors, load_petrarch_agents

ACTORS = "data/peers/petrarch/PETR.Validate.actors.txt"
AGENTS = "data/peers/petrarch/PETR.Validate.agents.txt"


@pytest.fixture(scope="module")
def actors(shared_file: Callable[[str], Path]) -> dict[str, NamedActor]:
    index: dict[str, NamedActor] = {}
    for entry in load_petrarch_actors(shared_file(ACTORS)):
        for name in entry.names["en"]:
            # PALESTINIAN is listed twice (PSE, then PAL); keep the first.
            index.setdefault(name, entry)
    return index


@pytest.fixture(scope="module")
def agents(shared_file: Callable[[str], Path]) -> dict[str, tuple[str, ...]]:
    return load_petrarch_agents(shared_file(AGENTS))


@pytest.mark.parametrize(
    ("name", "code", "country", "roles"),
    [
        ("ARNOR", "ARN", "ARN", ()),
        ("GONDOR", "GON", "GON", ()),
        ("MINAS TIRITH", "GON", "GON", ()),
        ("ANORIEN", "GON", "GON", ()),
        ("MORDOR", "MOR", "MOR", ()),
        ("BARAD-DUR", "MOR", "MOR", ()),
        ("AUSTRALIAN", "AUS", "AUS", ()),
        ("ZEALAND", "DNK", "DNK", ()),
        ("THE HERMIT KINGDOM", "PRK", "PRK", ()),
        ("PALESTINIAN", "PSE", "PSE", ()),
        ("ENT", "ENT", "ENT", ()),
        ("HAMAS", "PSEREBHMS", "PSE", ("REB", "HMS")),
        ("ISRAELI TROOPS", "ISRMIL", "ISR", ("MIL",)),
        ("HAMAS WING", "PSEHMSBRD", "PSE", ("HMS", "BRD")),
        ("INTERPOL", "IGOCOPITP", "IGO", ("COP", "ITP")),
        ("EUROPEAN UNION", "IGOEEU", "IGO", ("EEU",)),
        ("QUIBBLER", "HGWGOVMED", "HGW", ("GOV", "MED")),
        ("THE SHIRE", "FRO", "FRO", ()),
        ("U.N.", "UNO", "UNO", ()),
        ("WHITE HOUSE", "USAGOV", "USA", ("GOV",)),
        ("PRINCE OF DOL AMROTH", "DOL", "DOL", ()),
        ("ZIMBABWE", "ZBW", "ZBW", ()),
        ("GOLLUM", "HOBREB", "HOB", ("REB",)),
        ("ONODOHER", "ONO", "ONO", ()),
        ("BOROMIR", "---", None, ()),
    ],
)
def test_petrarch_actor_lookup(
    actors: dict[str, NamedActor],
    name: str,
    code: str,
    country: str | None,
    roles: tuple[str, ...],
) -> None:
    actor = actors[name].actor
    assert (actor.code, actor.country, actor.roles) == (code, country, roles)


def test_petrarch_actors_count_and_comments(
    actors: dict[str, NamedActor], shared_file: Callable[[str], Path]
) -> None:
    assert len(load_petrarch_actors(shared_file(ACTORS))) == 128
    # NASGUL is commented out; the multi-line <!-- ... --> header adds nothing.
    assert "NASGUL" not in actors
    assert not any(name.startswith(("<", "#")) for name in actors)
    assert actors["ARNOR"].kind == "country"
    assert actors["HAMAS"].kind == "organisation"
    assert actors["GOLLUM"].names["en"] == ("GOLLUM", "SMEAGOL", "SLINKER", "STINKER")


@pytest.mark.parametrize(
    ("name", "day", "code"),
    [
        ("GOLLUM", date(1990, 1, 1), "HOB"),
        ("GOLLUM", date(1997, 6, 1), "HOBGOV"),
        ("GOLLUM", date(2005, 1, 1), "HOBREB"),
        ("SAM GAMGEE", date(2005, 1, 1), "HOBCIV"),
        ("SAM GAMGEE", date(2010, 1, 10), "ORCHOB"),
        ("SAM GAMGEE", date(2011, 1, 1), "HOBMIL"),
        ("SAM GAMGEE", date(2013, 1, 1), "HOBGOV"),
        ("SAM GAMGEE", date(2014, 1, 1), "HOBELI"),
        ("HAMFAST GAMGEE", date(2013, 1, 1), "HOBGOV"),
        ("HAMFAST GAMGEE", date(2015, 1, 1), "HOB"),
        ("ZIMBABWE", date(1975, 1, 1), "RHO"),
        ("ZIMBABWE", date(1985, 1, 1), "ZBW"),
        ("U.S.S.R", date(1985, 1, 1), "USR"),
    ],
)
def test_petrarch_actor_dated_codes(
    actors: dict[str, NamedActor], name: str, day: date, code: str
) -> None:
    assert actors[name].code_on(day) == code


@pytest.mark.parametrize(
    ("phrase", "roles"),
    [
        ("ambassador", ("GOV",)),
        ("ambassadors", ("GOV",)),
        ("foreign minister", ("GOV", "FRM")),
        ("foreign ministers", ("GOV", "FRM")),
        ("attorneys general", ("GOV",)),
        ("golden geese", ("GGS",)),
        ("congresses", ("LEG",)),
        ("congressmen", ("LEG",)),
        ("congresswoman", ("LEG",)),
        ("ministries of silly walks", ("GOV",)),
        ("minister of silly walks", ("GOV",)),
        ("police", ("COP",)),
        ("troops", ("MIL",)),
        ("authorities", ("GOV",)),
        ("human rights body", ("NGO",)),
        ("human rights organizations", ("NGO",)),
        ("largest opposition movement", ("REB", "MBR")),
    ],
)
def test_petrarch_agent_lookup(
    agents: dict[str, tuple[str, ...]], phrase: str, roles: tuple[str, ...]
) -> None:
    assert agents[phrase] == roles


@pytest.mark.parametrize(
    "absent",
    ["polices", "troopses", "medias", "congress!person!", "journalists' union"],
)
def test_petrarch_agent_no_plural_or_comment(
    agents: dict[str, tuple[str, ...]], absent: str
) -> None:
    assert absent not in agents


def test_petrarch_agents_count(agents: dict[str, tuple[str, ...]]) -> None:
    assert len(agents) == 165


def test_petrarch_actors_small_file(tmp_path: Path) -> None:
    path = tmp_path / "x.actors"
    path.write_text(
        "<!-- header\n# still a comment\n-->\n"
        "NEW_ATLANTIS_ [NAT] # comment\n+ATLANTEAN\n"
        "OLD KINGDOM <!-- inline --> \n\t[OKG <010101]\n\t[OKGGOV]\n",
        encoding="utf-8",
    )
    first, second = load_petrarch_actors(path, lang="fr")
    assert first.names == {"fr": ("NEW ATLANTIS", "ATLANTEAN")}
    assert first.actor.code == "NAT"
    assert second.actor.code == "OKGGOV"
    assert second.code_on(date(1999, 1, 1)) == "OKG"
    assert second.code_on(date(2001, 1, 1)) == "OKGGOV"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("A [AAA]\nB [BBB\n", 2, "missing ']'"),
        ("+SYNONYM\nA [AAA]\n", 1, "before any actor"),
        ("[AAA]\n", 1, "before any actor"),
        ("A [AAA]\nB\nC [CCC]\n", 2, "has no \\[code\\]"),
        ("A [AAA]\nB [BBB <20131340]\n", 2, "bad date"),
        ("A [AAA]\nB [BBB 2013]\n", 2, "bad date"),
        ("A [AAA]\nB [BBB ~20130101]\n", 2, "bad date restriction"),
        ("A [AAA]\nB [BBB 20130101-20120101]\n", 2, "ends before"),
        ("A [AAA]\nB\n  [B$B]\n", 3, "bad actor code"),
        ("A [AAA]\nB []\n", 2, "empty code"),
        ("A [AAA] junk\n", 1, "after ']'"),
    ],
)
def test_petrarch_bad_actor_names_line(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    path = tmp_path / "bad.actors"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match=message) as info:
        load_petrarch_actors(path)
    assert info.value.line == line
    assert info.value.path == str(path)


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("SOLDIER [~MIL]\nGENERAL\n", 2, "has no \\[code\\]"),
        ("SOLDIER [~MIL]\nGENERAL [~]\n", 2, "bad agent code"),
        ("SOLDIER [~MIL]\nGENERAL [~M~L]\n", 2, "bad agent code"),
        ("SOLDIER [~MIL]\n!X!_OF_WAR [~GOV]\n", 2, "undefined marker"),
        ("!X! = A, , B\n", 1, "empty item"),
        ("SOLDIER {SOLDIERS [~MIL]\n", 1, "missing '}'"),
        ("SOLDIER [~MIL\n", 1, "missing ']'"),
    ],
)
def test_petrarch_bad_agent_names_line(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    path = tmp_path / "bad.agents"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match=message) as info:
        load_petrarch_agents(path)
    assert info.value.line == line


def test_petrarch_agents_plural_rules(tmp_path: Path) -> None:
    path = tmp_path / "x.agents"
    path.write_text(
        "ATTORNEY [~JUD]\nDEPUTY [~LEG]\nBOSS [~BUS]\nSTAFF {} [~GOV]\n"
        "MOUSE {MICE} [~CVL]\n",
        encoding="utf-8",
    )
    assert load_petrarch_agents(path) == {
        "attorney": ("JUD",),
        "attorneys": ("JUD",),
        "deputy": ("LEG",),
        "deputies": ("LEG",),
        "boss": ("BUS",),
        "bosses": ("BUS",),
        "staff": ("GOV",),
        "mouse": ("CVL",),
        "mice": ("CVL",),
    }
