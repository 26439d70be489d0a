"""The reviewed files win over the converted (Phoenix) ones in the bundled KB."""

from __future__ import annotations

from datetime import date

from newsevents.kb.base import KnowledgeBase, default_kb, key
from newsevents.kb.organisations import PHOENIX_PATH as ORGS_PHOENIX
from newsevents.kb.organisations import load_organisations
from newsevents.kb.people import PHOENIX_PATH as PEOPLE_PHOENIX
from newsevents.kb.people import Person, Term, load_people


def _ident(person: Person) -> tuple[str, tuple[Term, ...]]:
    # The bundled KB may come from the on-disk cache: compare by value.
    return person.name, person.terms


def test_layers_reviewed_names_keep_their_reviewed_entry() -> None:
    kb = default_kb()
    reviewed = {_ident(person) for person in load_people()}
    wrong = []
    for person in load_people():
        for lang in kb.names:
            for name in person.names[lang]:
                people = [e.person for e in kb.lookup(lang, name) if e.person]
                if any(_ident(p) not in reviewed for p in people):
                    wrong.append((lang, name))
    assert wrong == []


def test_layers_reviewed_organisation_names_have_no_converted_entry() -> None:
    kb = default_kb()
    reviewed = {named.actor for named in load_organisations()}
    wrong = []
    for named in load_organisations():
        for lang, names in named.names.items():
            for name in names:
                actors = [e.actor for e in kb.lookup(lang, name) if e.person is None]
                if any(a not in reviewed for a in actors if a is not None):
                    wrong.append((lang, name))
    assert wrong == []


def test_layers_converted_alias_of_a_reviewed_person_is_that_person() -> None:
    # "President Barack Obama" is a Phoenix alias; Obama is reviewed (Q76).
    (entry,) = default_kb().lookup("en", "President Barack Obama")
    assert entry.person is not None and entry.person.wikidata == "Q76"
    # The reviewed terms apply, not Phoenix's (which end in January 2014).
    assert entry.actor_at(date(2016, 6, 1)).code == "USAGOV"  # type: ignore[union-attr]
    assert entry.actor_at(date(2018, 6, 1)).code == "USA"  # type: ignore[union-attr]


def test_layers_converted_person_resolves_with_its_dated_roles() -> None:
    (entry,) = default_kb().lookup("en", "Khalid bin Abdallah al Khalifa")
    assert entry.actor_at(date(2004, 6, 1)).code == "BHRGOV"  # type: ignore[union-attr]
    assert entry.actor_at(date(2007, 6, 1)).code == "BHR"  # type: ignore[union-attr]


def test_layers_converted_organisation_resolves() -> None:
    entries = default_kb().lookup("en", "Taiwan Association for Human Rights")
    assert [e.actor.code for e in entries if e.actor] == ["NGOTWNHRI"]


def test_layers_reviewed_row_wins_in_a_small_kb() -> None:
    """A converted person sharing a reviewed person's name adds only aliases."""
    kb = KnowledgeBase()
    reviewed = [p for p in load_people() if p.name == "Nicolas Sarkozy"]
    kb.add_people(reviewed)
    converted = [p for p in load_people(PEOPLE_PHOENIX) if "Sarkozy" in p.name]
    kb.add_converted(converted, ())
    entries = kb.lookup("fr", "Nicolas Sarkozy")
    assert len(entries) == 1 and entries[0].person is reviewed[0]
    # Reviewed: head of state from 2007-05-16; Phoenix alone would say GOV too,
    # but the reviewed terms are the ones used.
    assert entries[0].actor_at(date(2011, 1, 1)).code == "FRAGOV"  # type: ignore[union-attr]
    assert entries[0].actor_at(date(2013, 1, 1)).code == "FRA"  # type: ignore[union-attr]


def test_layers_converted_files_load_from_the_bundle() -> None:
    assert len(load_organisations(ORGS_PHOENIX, roles=None)) > 5_000
    kb = default_kb()
    assert len(kb.names["en"]) > 20_000
    assert key("Nicolas Sarkozy") in kb.names["fr"]


def test_layers_converted_names_are_not_merged_before_parsing() -> None:
    names = set(default_kb().multiword_names("en"))
    assert "Vladimir Putin" in names  # reviewed
    assert "Taiwan Association for Human Rights" not in names  # converted
    assert len(names) < 5_000


def test_layers_agent_phrases_have_no_converted_entry() -> None:
    # Phoenix gives "Secretary of State" to the United States; it is also a
    # British minister's title, so the agent phrase (GOV of the country the
    # text gives) wins, and "US Secretary of State" stays American.
    kb = default_kb()
    assert kb.lookup("en", "Secretary of State") == []
    assert key("secretary of state") in kb.agents["en"]
    (entry,) = kb.lookup("en", "United States Secretary of State")
    assert entry.actor is not None and entry.actor.code == "USAGOV"
