"""Implicit targets: whom an event without a named target is addressed to,
as a human coder reads it from the article.

An event CAMEO allows without a target ("les oppositions ont jugé injuste la
prime", "the government dropped the tax", "police fired tear gas") often
has an addressee the article makes plain without naming it in the sentence:

- appeals, demands, criticism, rejection, threats and warnings by
  non-state actors of the article's home country are addressed to its
  government;
- a government's promises and concessions, the authorities' criticism and
  rejections, police repression and bans on protest, in an article about a
  protest, are addressed to the protesters (the last named before, else the
  first the article names); unnamed people arrested there, or making claims
  (demands, criticism, rejection, threats), are its protesters;
- with no protest told, the authorities' criticism and rejections go to the
  first opposition actor of the home country in the article's events (or
  that it names, when its home country is certain).

Pure: events in, events out. Each filled target says so in the pattern
("+implicit-government", "+implicit-protesters", "+implicit-opposition").
"""

from __future__ import annotations

from collections.abc import Iterable

from ..kb.base import agent_actor
from ..models import Actor, Event
from ._refs import PROTEST_ROLES

__all__ = ["implicit_targets"]

#: Roots of what is said to or against a government: appeal, demand,
#: disapprove, reject, threaten.
_TO_GOVERNMENT = frozenset({"02", "05", "10", "11", "12", "13"})
#: Codes of warnings of what may happen (pessimistic comments), which are
#: said to the government too.
_WARNINGS = ("012",)
#: Roles of the actors whose untargeted claims go to the government: those
#: outside the state, and parliaments ("MPs said ministers should act").
_CLAIMANT_ROLES = frozenset({"OPP", "LAB", "CVL", "EDU", "NGO", "BUS", "REF", "LEG"})
#: Roots of a government's answer to protesters: intent, yield.
_TO_PROTESTERS = frozenset({"03", "08"})
#: Roots of the authorities' answer to protesters: disapprove, reject (a
#: bare threat of no one stays no event).
_AGAINST_PROTESTERS = frozenset({"11", "12"})
#: Roles of those who repress protests.
_FORCE_ROLES = frozenset({"COP", "MIL"})
#: Codes of bans on political activity (protests, gatherings).
_BANS = ("1721",)
#: Roles of those who ban them.
_BANNING_ROLES = frozenset({"GOV", "COP", "JUD"})


def implicit_targets(
    events: Iterable[Event], home: str | None, named: Iterable[Actor] = ()
) -> list[Event]:
    """``events`` (in article order) with the implicit targets filled in.

    Whom the authorities' criticism and rejections are aimed at when the
    article tells of no protest: the first opposition actor of the home
    country that acts or is acted upon in its events, else the first of
    ``named`` (the actors the article names, when its home country is
    certain)."""
    events = list(events)
    opposition = _first_opposition(events, home, named)
    # The protesters of the article, by country: the last protest's actor
    # so far, else the first the article names ("police fired tear gas ...
    # ahead of a third rally").
    protesters = _first_protesters(events)
    out: list[Event] = []
    for event in events:
        if event.root in _CLAIMS and _unnamed_civilians(event.source, protesters):
            # "They demanded the scrapping of the fuel tax" in an article
            # about a protest: the people who demand are its protesters.
            event = event.model_copy(
                update={
                    "source": _protesters_of(event.source),
                    "pattern": f"{event.pattern}+protesters",
                }
            )
        source = event.source
        protest = _protest(event)
        if protest is not None:
            protesters[protest[0]] = protest[1]
        if event.target is None and source is not None and source.country:
            target, why = _addressee(event, source, home, protesters, opposition)
            if target is not None and target.code != source.code:
                event = event.model_copy(
                    update={"target": target, "pattern": f"{event.pattern}+{why}"}
                )
        elif event.code.startswith("173") and _unnamed_civilians(
            event.target, protesters
        ):
            # "police detained more than 200 people" in an article about a
            # protest: the people arrested are its protesters.
            event = event.model_copy(
                update={
                    "target": _protesters_of(event.target),
                    "pattern": f"{event.pattern}+implicit-protesters",
                }
            )
        if (
            event.target is None
            and event.root == _SUPPORT
            and "policy" in event.pattern.split("+")
        ):
            # "the minister welcomed the plan": support of a policy is an
            # event only towards the government that makes it.
            continue
        if event.code == _THREAT and event.target is None:
            # "Russia can threaten to release ...", "if Trump threatens to
            # do something": a threat of nothing CAMEO names, with no one
            # the text or its context makes its target, is no event ("warned
            # that it would impose sanctions", 1312, is).
            continue
        out.append(event)
    return out


#: A threat of nothing more specific.
_THREAT = "130"
#: The root of support (of a policy, when nobody is addressed: no event).
_SUPPORT = "05"
#: Roots of the claims protesters make: demand, disapprove, reject, threaten.
_CLAIMS = frozenset({"10", "11", "12", "13"})


def _first_opposition(
    events: list[Event], home: str | None, named: Iterable[Actor]
) -> Actor | None:
    if home is None:
        return None
    actors = [a for event in events for a in (event.source, event.target)]
    for actor in (*actors, *named):
        if actor is not None and actor.country == home and "OPP" in actor.roles:
            return actor
    return None


def _unnamed_civilians(actor: Actor | None, protesters: dict[str, Actor]) -> bool:
    """Unnamed civilians ("FRA (CVL)") of a country whose protesters the
    article names."""
    return (
        actor is not None
        and actor.roles == ("CVL",)
        and actor.name == f"{actor.country} (CVL)"
        and actor.country in protesters
    )


def _protesters_of(actor: Actor | None) -> Actor:
    country = actor.country if actor is not None else None
    return agent_actor(country or "", ("OPP",))


def _protest(event: Event) -> tuple[str, Actor] | None:
    """(country, protesters) of a protest event, or None."""
    source = event.source
    if event.root != "14" or source is None or not source.country:
        return None
    if not set(source.roles) & PROTEST_ROLES:
        return None
    return source.country, source


def _first_protesters(events: list[Event]) -> dict[str, Actor]:
    first: dict[str, Actor] = {}
    for protest in filter(None, map(_protest, events)):
        first.setdefault(*protest)
    return first


def _addressee(
    event: Event,
    source: Actor,
    home: str | None,
    protesters: dict[str, Actor],
    opposition: Actor | None = None,
) -> tuple[Actor | None, str]:
    roles = set(source.roles)
    country = source.country or ""
    # "MPs said the bill was flawed": a policy is the government's, whoever
    # else at home judges it.
    policy = "policy" in event.pattern.split("+")
    if (
        (event.root in _TO_GOVERNMENT or event.code.startswith(_WARNINGS))
        and (roles & _CLAIMANT_ROLES or policy)
        and not roles & {"GOV"}
        and country == home
    ):
        return agent_actor(country, ("GOV",)), "implicit-government"
    protest = protesters.get(country)
    if (
        protest is None
        and opposition is not None
        and opposition.country == country
        and event.root in _AGAINST_PROTESTERS
        and roles & {"GOV", "COP"}
    ):
        # "Castaner a dénoncé une comédie", in a story of the opposition
        # and no protest: aimed at that opposition.
        return opposition, "implicit-opposition"
    if protest is None:
        return None, ""
    if event.root in _TO_PROTESTERS and "GOV" in roles:
        return protest, "implicit-protesters"
    if event.root in _AGAINST_PROTESTERS and roles & {"GOV", "COP"}:
        # "Violence insupportable", a dénoncé le ministre de l'Intérieur;
        # "the government refused to back down": in an article about a
        # protest, the authorities' criticism or rejection of no one named
        # is aimed at the protesters.
        return protest, "implicit-protesters"
    if event.code.startswith("175") and roles & _FORCE_ROLES:
        return protest, "implicit-protesters"
    if event.code.startswith(_BANS) and roles & _BANNING_ROLES:
        # "Les autorités ont interdit les manifestations": the ban is on
        # the article's protesters.
        return protest, "implicit-protesters"
    return None, ""
