"""One actor's profile (issue 15 item 5) on both backends: names seen,
people with their terms of office, events as source and as target, and
partners whose counts are their dyads'."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsevents.errors import NotFound
from newsevents.models import Actor
from newsevents.store.actors import actor_profile
from newsevents.store.filters import EventFilter
from newsevents.store.rows import to_rows
from newsevents.store.schema import connect
from newsevents.store.views import count_events
from newsevents.store.writer import Writer
from tests.store._data import FRA, RUS, UKR, USA, coded, event, rows

# The coder resolves Macron in the knowledge base: his Wikidata id is kept.
MACRON = FRA.model_copy(update={"wikidata": "Q3052772"})


@pytest.fixture
def conn(new_db: Callable[[], str]):  # type: ignore[no-untyped-def]
    conn = connect(new_db())
    Writer(conn).write(
        [
            _with_wikidata("Macron a rencontré Biden.",
                           [event(MACRON, USA), event(USA, MACRON)]),
            rows("Macron a reçu Biden.", [event(MACRON, USA, "043")]),
            rows("Macron condamne la Russie.", [event(MACRON, RUS, "112", quad=3)]),
            rows("Russian troops attacked Ukraine.",
                 [event(RUS, UKR, "190", quad=4, goldstein=-10.0)], language="en"),
        ]
    )  # fmt: skip
    return conn


def _with_wikidata(text: str, events: list) -> object:  # type: ignore[type-arg]
    article = coded(text, events)
    mention = article.mentions[0].model_copy(update={"actor": MACRON})
    return to_rows(article.model_copy(update={"mentions": (mention,)}), "t", None)


def test_actors_profile_counts_and_partners(conn) -> None:  # type: ignore[no-untyped-def]
    p = actor_profile(conn, "FRAGOV")
    assert (p.as_source, p.as_target) == (3, 1)
    assert (p.name, p.kind, p.roles) == ("France", "actor", ("government",))
    assert [(o.code, o.sent, o.received, o.events) for o in p.partners] == [
        ("USAGOV", 2, 1, 3), ("RUSMIL", 1, 0, 1)]  # fmt: skip
    assert p.partners[0].name == "Joe Biden"
    # Each partner's count is its dyad's (exact codes, either direction).
    for partner in p.partners:
        dyad = EventFilter(actor="FRAGOV", target=partner.code, match="exact",
                           undirected=True)  # fmt: skip
        assert count_events(conn, dyad) == partner.events


def test_actors_profile_names_people_and_terms(conn) -> None:  # type: ignore[no-untyped-def]
    p = actor_profile(conn, "FRAGOV")
    # The test articles' mention is their first 7 characters, under FRAGOV.
    assert [(n.name, n.mentions) for n in p.names] == [("Macron ", 3), ("Russian", 1)]
    # Once with the Wikidata id the coder found, three times by name alone.
    assert [(x.name, x.wikidata, x.mentions) for x in p.people] == [
        ("Emmanuel Macron", None, 3), ("Emmanuel Macron", "Q3052772", 1)]  # fmt: skip
    president = [o for o in p.offices if o.position == "head_of_state"]
    assert president and president[0].wikidata == "Q3052772"
    assert president[0].holds and president[0].end is None
    assert "Elysee" in p.bodies


def test_actors_profile_of_an_organisation_and_unknown(conn) -> None:  # type: ignore[no-untyped-def]
    nato = actor_profile(conn, "IGONAT")
    assert (nato.name, nato.kind, nato.wikidata) == ("NATO", "organisation", "Q7184")
    assert nato.as_source == nato.as_target == 0
    with pytest.raises(NotFound, match="no actor 'QQQXYZ'"):
        actor_profile(conn, "QQQXYZ")


def test_actors_person_found_by_name_without_wikidata(conn) -> None:  # type: ignore[no-untyped-def]
    Writer(conn).write([rows("Poutine a parlé.", [event(
        Actor(code="RUSGOV", country="RUS", roles=("GOV",), name="Vladimir Putin"),
        UKR, "010")])])  # fmt: skip
    p = actor_profile(conn, "RUSGOV")
    assert p.as_source == 1 and p.partners[0].code == "UKR"
