"""Implicit targets (newsevents/extract/implicit.py): whom an event without
a named target is addressed to, on events built by hand and through the
coder."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsevents.extract.implicit import implicit_targets
from newsevents.kb.cameo import lookup
from newsevents.models import Actor, CodedArticle, Event

Coder = Callable[..., CodedArticle]  # the session fixture `coder`


def _actor(code: str) -> Actor:
    return Actor(code=code, country=code[:3], roles=(code[3:],) if code[3:] else (),
                 name=code)  # fmt: skip


def _event(source: str, code: str, target: str | None = None) -> Event:
    return Event(
        source=_actor(source),
        target=_actor(target) if target else None,
        **lookup(code).event_fields(),  # type: ignore[arg-type]
        pattern="active",
    )


def _rows(events: list[Event]) -> list[tuple[str, str, str | None, str]]:
    return [
        (e.source.code if e.source else "", e.code,
         e.target.code if e.target else None, e.pattern)
        for e in events
    ]  # fmt: skip


def test_implicit_claims_of_civil_actors_go_to_their_government() -> None:
    events = [_event("FRAOPP", "111"), _event("FRALAB", "100"), _event("FRAOPP", "120")]
    assert _rows(implicit_targets(events, "FRA")) == [
        ("FRAOPP", "111", "FRAGOV", "active+implicit-government"),
        ("FRALAB", "100", "FRAGOV", "active+implicit-government"),
        ("FRAOPP", "120", "FRAGOV", "active+implicit-government"),
    ]


@pytest.mark.parametrize(
    ("event", "home"),
    [
        (_event("DEUOPP", "111"), "FRA"),  # not the article's country
        (_event("FRAGOV", "111"), "FRA"),  # the government itself
        (_event("FRAOPP", "111", "FRACOP"), "FRA"),  # a target is named
        (_event("FRAOPP", "141"), "FRA"),  # a protest needs none
        (_event("FRAOPP", "111"), None),  # no home country
    ],
)
def test_implicit_leaves_alone(event: Event, home: str | None) -> None:
    assert implicit_targets([event], home) == [event]


def test_implicit_answers_and_repression_go_to_the_last_protesters() -> None:
    events = [
        _event("FRACOP", "175"),  # before the protest: its protesters
        _event("FRAOPP", "141"),
        _event("FRAGOV", "0832"),
        _event("FRAGOV", "030"),
        _event("FRACOP", "175"),
        _event("FRACOP", "173"),  # an arrest needs its own target
        _event("DEUGOV", "030"),  # another country's government
    ]
    assert [e.target.code if e.target else None for e in implicit_targets(events, "FRA")] == [
        "FRAOPP", None, "FRAOPP", "FRAOPP", "FRAOPP", None, None,
    ]  # fmt: skip


def test_implicit_criticism_by_the_authorities_goes_to_the_protesters() -> None:
    events = [
        _event("FRAGOV", "111"),  # before the protest: its protesters
        _event("FRAOPP", "141"),
        _event("FRAGOV", "111"),
        _event("FRACOP", "120"),
        _event("FRAGOV", "130"),  # a bare threat of no one stays no event
        _event("FRAGOV", "111", "FRALEG"),  # a target is named
        _event("FRALAB", "111"),  # a union's goes to the government
    ]
    assert _rows(implicit_targets(events, "FRA")) == [
        ("FRAGOV", "111", "FRAOPP", "active+implicit-protesters"),
        ("FRAOPP", "141", None, "active"),
        ("FRAGOV", "111", "FRAOPP", "active+implicit-protesters"),
        ("FRACOP", "120", "FRAOPP", "active+implicit-protesters"),
        ("FRAGOV", "111", "FRALEG", "active"),
        ("FRALAB", "111", "FRAGOV", "active+implicit-government"),
    ]


def test_implicit_criticism_by_the_authorities_goes_to_the_opposition() -> None:
    # With no protest told, the first opposition actor of the home country
    # in the article's events, else among the actors it names.
    events = [
        _event("FRAGOV", "111"),
        _event("FRACOP", "120"),
        _event("FRAGOV", "030"),  # a promise is no criticism
        _event("DEUGOV", "111"),  # another country's government
        _event("CHNGOV", "175", "CHNOPP"),  # another country's opposition
    ]
    assert _rows(implicit_targets(events, "FRA", [_actor("FRAOPP")]))[:4] == [
        ("FRAGOV", "111", "FRAOPP", "active+implicit-opposition"),
        ("FRACOP", "120", "FRAOPP", "active+implicit-opposition"),
        ("FRAGOV", "030", None, "active"),
        ("DEUGOV", "111", None, "active"),
    ]
    # No opposition of the home country, in the events or named: no target.
    assert implicit_targets(events, "FRA")[0].target is None
    in_events = [*events, _event("FRAOPP", "030")]
    assert implicit_targets(in_events, "FRA")[0].target == _actor("FRAOPP")
    # A protest's own protesters come first.
    protest = _event("FRAOPP", "141")
    first = implicit_targets([protest, _event("FRAGOV", "111")], "FRA")[1]
    assert first.pattern == "active+implicit-protesters"


def test_implicit_people_arrested_at_a_protest_are_its_protesters() -> None:
    people = Actor(code="FRACVL", country="FRA", roles=("CVL",), name="FRA (CVL)")
    named = Actor(code="FRACVL", country="FRA", roles=("CVL",), name="Jean Dupont")
    events = [
        _event("FRAOPP", "141"),
        _event("FRACOP", "173").model_copy(update={"target": people}),
        _event("FRACOP", "173").model_copy(update={"target": named}),  # a named one
        _event("FRACOP", "111").model_copy(update={"target": people}),  # no arrest
    ]
    assert [e.target.code if e.target else None for e in implicit_targets(events, "FRA")] == [
        None, "FRAOPP", "FRACVL", "FRACVL",
    ]  # fmt: skip
    # Without a protest of that country, people arrested stay civilians.
    alone = implicit_targets(events[1:2], "FRA")
    assert alone[0].target == people


def test_implicit_people_making_claims_at_a_protest_are_its_protesters() -> None:
    people = Actor(code="FRACVL", country="FRA", roles=("CVL",), name="FRA (CVL)")
    events = [
        _event("FRAOPP", "141"),
        _event("FRAOPP", "100").model_copy(update={"source": people}),
        _event("FRAOPP", "051").model_copy(update={"source": people}),  # praise
    ]
    assert [e.source.code for e in implicit_targets(events, "FRA") if e.source] == [
        "FRAOPP", "FRAOPP", "FRACVL",
    ]  # fmt: skip
    # No protest of that country: civilians stay civilians.
    assert implicit_targets(events[1:2], "FRA")[0].source == people


def test_implicit_needs_a_protest_of_that_country() -> None:
    events = [_event("FRACOP", "175"), _event("DEUOPP", "141")]
    assert [e.target for e in implicit_targets(events, "FRA")] == [None, None]


def test_implicit_through_the_coder(coder: Coder) -> None:
    coded = coder(
        "BORDEAUX (AFP) - Des milliers de gilets jaunes ont manifesté samedi. "
        "Le gouvernement a renoncé à la hausse des taxes. "
        "Les syndicats ont dénoncé la réforme.",
        "fr",
    )
    rows = [(e.source.code, e.code[:2], e.target.code if e.target else None)
            for e in coded.events if e.source]  # fmt: skip
    assert ("FRALAB", "11", "FRAGOV") in rows
    assert all(e.pattern.endswith("implicit-government") for e in coded.events
               if e.code.startswith("11"))  # fmt: skip
