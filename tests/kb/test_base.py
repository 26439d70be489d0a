from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from newsevents.kb.base import default_kb, key, load_kb


def test_base_key_normalises() -> None:
    assert key("Côte d’Ivoire ") == "côte d'ivoire"


@pytest.mark.parametrize(
    "lang,name,kind,code",
    [
        ("fr", "Vladimir Poutine", "person", "RUSGOV"),
        ("fr", "Corée du Nord", "country", "PRK"),
        ("fr", "Pyongyang", "place", "PRK"),
        ("fr", "Kremlin", "organisation", "RUSGOV"),
        ("fr", "Occidentaux", "group", "WST"),
        ("en", "Pentagon", "organisation", "USAMIL"),
        ("en", "North Korea", "country", "PRK"),
        ("en", "Kyiv", "place", "UKR"),
    ],
)
def test_base_lookup(lang: str, name: str, kind: str, code: str) -> None:
    entries = default_kb().lookup(lang, name)
    assert entries, name
    entry = entries[0]
    assert entry.kind == kind
    actor = entry.actor_at(date(2024, 6, 19))
    assert actor is not None and actor.code == code


def test_base_roles_follow_terms() -> None:
    kuleba = default_kb().lookup("en", "Dmytro Kuleba")[0]
    assert kuleba.actor_at(date(2023, 5, 1)).code == "UKRGOV"  # type: ignore[union-attr]
    assert kuleba.actor_at(date(2025, 5, 1)).code == "UKR"  # type: ignore[union-attr]


def test_base_multiword_names_for_the_merger() -> None:
    names = default_kb().multiword_names("fr")
    assert "Kim Jong Un" in names and "Corée du Nord" in names
    assert "North Korean" in default_kb().multiword_demonyms("en")


def test_base_demonyms_all_forms() -> None:
    demonyms = default_kb().demonyms["fr"]
    for form in ("nord-coréen", "nord-coréenne", "nord-coréens", "nord-coréennes"):
        assert demonyms[form] == "PRK"


def test_base_petrarch_dictionaries(shared_file: Callable[[str], Path]) -> None:
    folder = shared_file("data/peers/petrarch")
    kb = load_kb(
        folder / "PETR.Validate.actors.txt", folder / "PETR.Validate.agents.txt"
    )
    arnor = kb.lookup("en", "Arnor")
    assert arnor and arnor[0].actor is not None
    assert arnor[0].actor.code == "ARN"
    # PETRARCH's FOREIGN_MINISTER [~GOVFRM] replaces the bundled ("GOV",).
    assert kb.agents["en"]["foreign minister"] == ("GOV", "FRM")
    # The bundled knowledge base is still there.
    assert kb.lookup("en", "North Korea")


def test_base_mention_keys_cover_names_agents_demonyms_and_grow() -> None:
    from newsevents.kb.base import Entry, KnowledgeBase
    from newsevents.models import Actor

    kb = KnowledgeBase()
    kb.add(
        "fr",
        "Corée du Nord",
        Entry(kind="country", actor=Actor(code="PRK", name="North Korea")),
    )
    kb.add_agents(
        "fr", {"ministre des affaires étrangères": ("GOV",), "armée": ("MIL",)}
    )
    kb.demonyms["fr"] = {"nord-coréen": "PRK"}
    keys = kb.mention_keys("fr")
    for word in ("corée du nord", "corée", "ministre", "armée", "nord-coréen"):
        assert word in keys
    assert "du" not in keys and "étrangères" not in keys
    kb.add(
        "fr",
        "Kim Jong Un",
        Entry(kind="person", actor=Actor(code="PRKGOV", name="Kim")),
    )
    assert {"kim jong un", "kim"} <= kb.mention_keys("fr")
