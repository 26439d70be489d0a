"""Tests of newsevents.kb.agents: agent words of each language."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.errors import DataError
from newsevents.kb.agents import ROLE_CODES, load_agents, normalise_phrase


@pytest.mark.parametrize(
    ("lang", "phrase", "roles"),
    [
        ("fr", "président", ("GOV",)),
        ("fr", "présidente", ("GOV",)),
        ("fr", "premier ministre", ("GOV",)),
        ("fr", "chef de l'état", ("GOV",)),
        ("fr", "chef de l’État", ("GOV",)),
        ("fr", "chef de la diplomatie", ("GOV",)),
        ("fr", "ministre des affaires étrangères", ("GOV",)),
        ("fr", "ministre de la défense", ("GOV", "MIL")),
        ("fr", "diplomates", ("GOV",)),
        ("fr", "autorités", ("GOV",)),
        ("fr", "dirigeantes", ("GOV",)),
        ("fr", "soldats", ("MIL",)),
        ("fr", "troupes", ("MIL",)),
        ("fr", "forces armées", ("MIL",)),
        ("fr", "état-major", ("MIL",)),
        ("fr", "policiers", ("COP",)),
        ("fr", "manifestants", ("OPP",)),
        ("fr", "opposants", ("OPP",)),
        ("fr", "rebelles", ("REB",)),
        ("fr", "séparatistes", ("SEP",)),
        ("fr", "djihadistes", ("REB", "RAD")),
        ("fr", "procureur", ("JUD",)),
        ("fr", "députés", ("LEG",)),
        ("fr", "services de renseignement", ("SPY",)),
        ("fr", "journalistes", ("MED",)),
        ("fr", "hommes d'affaires", ("BUS",)),
        ("fr", "syndicats", ("LAB",)),
        ("fr", "étudiants", ("EDU",)),
        ("fr", "civils", ("CVL",)),
        ("fr", "réfugiés", ("REF",)),
        ("fr", "ONG", ("NGO",)),
        ("fr", "Église", ("REL",)),
        ("en", "president", ("GOV",)),
        ("en", "Prime Minister", ("GOV",)),
        ("en", "head of state", ("GOV",)),
        ("en", "foreign minister", ("GOV",)),
        ("en", "defense minister", ("GOV", "MIL")),
        ("en", "defence minister", ("GOV", "MIL")),
        ("en", "officials", ("GOV",)),
        ("en", "leaders", ("GOV",)),
        ("en", "troops", ("MIL",)),
        ("en", "armed forces", ("MIL",)),
        ("en", "police", ("COP",)),
        ("en", "protesters", ("OPP",)),
        ("en", "demonstrators", ("OPP",)),
        ("en", "insurgents", ("REB",)),
        ("en", "separatists", ("SEP",)),
        ("en", "prosecutors", ("JUD",)),
        ("en", "lawmakers", ("LEG",)),
        ("en", "spies", ("SPY",)),
        ("en", "journalists", ("MED",)),
        ("en", "unions", ("LAB",)),
        ("en", "civilians", ("CVL",)),
        ("en", "refugees", ("REF",)),
    ],
)
def test_agents_lookup(lang: str, phrase: str, roles: tuple[str, ...]) -> None:
    assert load_agents(lang)[normalise_phrase(phrase)] == roles


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_agents_count_and_codes(lang: str) -> None:
    agents = load_agents(lang)
    assert len(agents) >= 120
    assert {role for roles in agents.values() for role in roles} <= ROLE_CODES
    assert all(phrase == normalise_phrase(phrase) for phrase in agents)


@pytest.mark.parametrize(
    ("lang", "singular", "plural"),
    [
        ("fr", "soldat", "soldats"),
        ("fr", "ministre", "ministres"),
        ("fr", "ambassadeur", "ambassadeurs"),
        ("fr", "rebelle", "rebelles"),
        ("en", "soldier", "soldiers"),
        ("en", "minister", "ministers"),
        ("en", "rebel", "rebels"),
        ("en", "judge", "judges"),
    ],
)
def test_agents_singular_and_plural(lang: str, singular: str, plural: str) -> None:
    agents = load_agents(lang)
    assert agents[singular] == agents[plural]


def test_agents_default_copy_is_not_shared() -> None:
    load_agents("en")["president"] = ("XXX",)
    assert load_agents("en")["president"] == ("GOV",)


def test_agents_unknown_language() -> None:
    with pytest.raises(FileNotFoundError):
        load_agents("xx")


def test_agents_normalise_phrase() -> None:
    assert normalise_phrase("  Chef  de l’État ") == "chef de l'état"


@pytest.mark.parametrize(
    ("rows", "line", "message"),
    [
        ("soldats\tMIL\t\nsoldats\tMIL\t\n", 4, "already listed on line 3"),
        ("soldats\tXYZ\t\n", 3, "unknown role"),
        ("\tMIL\t\n", 3, "empty required"),
        ("soldats\t\t\n", 3, "empty required"),
    ],
)
def test_agents_bad_row_names_line(
    tmp_path: Path, rows: str, line: int, message: str
) -> None:
    path = tmp_path / "agents.tsv"
    path.write_text("# agents\nphrase\troles\tnote\n" + rows, encoding="utf-8")
    with pytest.raises(DataError, match=message) as info:
        load_agents("fr", path)
    assert info.value.line == line


def test_agents_reads_a_given_file(tmp_path: Path) -> None:
    path = tmp_path / "agents.tsv"
    path.write_text(
        "phrase\troles\tnote\nChef d’état-major\tmil|gov\tx\n", encoding="utf-8"
    )
    assert load_agents("fr", path) == {"chef d'état-major": ("MIL", "GOV")}
