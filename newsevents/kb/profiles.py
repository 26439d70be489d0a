"""What the knowledge base knows of one actor code: the country, group or
organisation it names (with its Wikidata id where known) and the terms of
office of the people seen under it, for the actor pages. The terms are all
of each person's (roles over time), each with the code it gives them."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from .countries import load_countries
from .organisations import load_organisations
from .people import Person, Term, load_people

__all__ = ["KnownActor", "Office", "known_actor", "term_code"]

# CAMEO role codes as words, for the page's description of a code.
ROLE_NAMES: dict[str, str] = {
    "GOV": "government", "MIL": "military", "OPP": "opposition",
    "REB": "rebels", "COP": "police", "JUD": "judiciary", "LEG": "legislature",
    "BUS": "business", "MED": "media", "CVL": "civilians", "EDU": "education",
    "HLH": "health", "LAB": "labour", "REF": "refugees", "SPY": "intelligence",
    "CRM": "criminals", "IGO": "intergovernmental", "NGO": "non-governmental",
    "ELI": "elites", "AGR": "agriculture", "REL": "religious", "INS": "insurgents",
    "PTY": "political party", "UAF": "armed forces (unaffiliated)",
}  # fmt: skip


@dataclass(frozen=True)
class Office:
    """One term of office of a known person, and the actor code it gives
    them (``holds``: the code of the page)."""

    person: str
    wikidata: str | None
    position: str
    title: str | None
    country: str
    org: str | None
    code: str
    start: date
    end: date | None
    holds: bool


@dataclass(frozen=True)
class KnownActor:
    """The knowledge base's description of an actor code: its name, kind
    (country, actor of a country, organisation, group) and Wikidata id
    when known; the roles its code spells; the terms of office of the
    people seen under it; the named bodies it codes so."""

    code: str
    name: str | None = None
    kind: str | None = None
    wikidata: str | None = None
    roles: tuple[str, ...] = ()
    offices: tuple[Office, ...] = ()
    bodies: tuple[str, ...] = ()  # organisations coded so: Elysee, Matignon


def term_code(term: Term) -> str:
    """The CAMEO actor code a term of office gives its holder."""
    return (
        Person(name="", wikidata=None, names={}, terms=(term,))
        .actor_at(term.start)
        .code
    )


@functools.cache
def _people() -> tuple[dict[str, Person], dict[str, Person]]:
    people = load_people()
    by_qid = {p.wikidata: p for p in people if p.wikidata}
    by_name: dict[str, Person] = {}
    for person in people:
        by_name.setdefault(person.name, person)
    return by_qid, by_name


@functools.cache
def _organisations() -> dict[str, list[tuple[str, str, str | None]]]:
    out: dict[str, list[tuple[str, str, str | None]]] = {}
    for named in load_organisations():
        actor = named.actor
        out.setdefault(actor.code, []).append((actor.name, named.kind, actor.wikidata))
    return out


def known_actor(code: str, people: Iterable[tuple[str, str | None]] = ()) -> KnownActor:
    """What the knowledge base knows of ``code`` and of the ``people``
    (name, Wikidata id) seen under it: a person is found by Wikidata id,
    else by name; people it does not know are left out. A code that starts
    with a country is named after it (``RUSGOV``: Russia, government), the
    bodies the knowledge base codes so (Elysee, Matignon) listed apart; a
    group or an international organisation by its first entry."""
    bodies = _organisations().get(code, [])
    countries = load_countries()
    country = countries.get(code[:3])
    name: str | None = None
    kind: str | None = None
    wikidata: str | None = None
    if country is not None:
        name, kind = country.name_en, "country" if code == code[:3] else "actor"
    elif bodies:
        name, kind, wikidata = bodies[0]
        bodies = bodies[1:]
    roles = tuple(
        ROLE_NAMES.get(code[i : i + 3], code[i : i + 3])
        for i in range(3, len(code), 3)
        if country is not None
    )
    by_qid, by_name = _people()
    seen: dict[str, Person] = {}
    for person_name, qid in people:
        person = (by_qid.get(qid) if qid else None) or by_name.get(person_name)
        if person is not None:
            seen.setdefault(person.wikidata or person.name, person)
    offices = tuple(
        Office(
            person=p.name,
            wikidata=p.wikidata,
            position=t.position,
            title=t.title,
            country=t.country,
            org=t.org,
            code=term_code(t),
            start=t.start,
            end=t.end,
            holds=term_code(t) == code,
        )  # fmt: skip
        for p in seen.values()
        for t in p.terms
    )
    return KnownActor(code, name, kind, wikidata, roles, offices,
                      tuple(dict.fromkeys(b[0] for b in bodies)))  # fmt: skip
