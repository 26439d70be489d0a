"""Per-stage actor scores over gold events: of the actors that gold events
name, how many the coder found, resolved to the right country, and to the
right role.

The gold format names actors by country, role and organisation, not by
span, so an actor is looked for in the sentence of its event's evidence:

- found: a mention in that sentence stands for an actor (coded or not);
- country: such a mention's actor has the gold country (and organisation);
- role: it has the gold country and, where the gold gives one, the role.

Gold events without evidence are not counted. The scores are an upper
bound on what the event stage can match, stage by stage.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..models import Actor, CodedArticle, Mention
from .gold import GoldActor, GoldDocument

__all__ = ["ActorStages", "actor_stages"]

_SENTENCE_END = re.compile(r"[.!?]\s|\n")


@dataclass(frozen=True)
class ActorStages:
    """Counts and shares of gold actors found and resolved."""

    gold: int
    found: int
    country: int
    role: int

    def to_json(self) -> dict[str, float | int | None]:
        def share(count: int) -> float | None:
            return count / self.gold if self.gold else None

        return {
            "gold_actors": self.gold,
            "found": share(self.found),
            "right_country": share(self.country),
            "right_role": share(self.role),
        }


def _sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    left = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    right = _SENTENCE_END.search(text, end)
    return left, right.end() if right else len(text)


def _same_country(gold: GoldActor, actor: Actor) -> bool:
    if actor.country is None or actor.country.upper() != gold.country.upper():
        return False
    return gold.org is None or (
        actor.org is not None and actor.org.upper().startswith(gold.org.upper())
    )


def _same_role(gold: GoldActor, actor: Actor) -> bool:
    return gold.role is None or gold.role.upper() in {r.upper() for r in actor.roles}


def _stages(gold: GoldActor, mentions: Sequence[Mention]) -> tuple[bool, bool, bool]:
    actors = [m.actor for m in mentions if m.actor is not None]
    country = [a for a in actors if _same_country(gold, a)]
    return bool(actors), bool(country), any(_same_role(gold, a) for a in country)


def actor_stages(pairs: Sequence[tuple[GoldDocument, CodedArticle]]) -> ActorStages:
    """Score the actors of every required gold event with evidence."""
    gold = found = country = role = 0
    for document, coded in pairs:
        for event in document.required_events:
            if event.evidence is None:
                continue
            at = document.text.find(event.evidence)
            left, right = _sentence_span(document.text, at, at + len(event.evidence))
            inside = [m for m in coded.mentions if left <= m.start < right]
            for actor in (event.source, event.target):
                if actor is None:
                    continue
                stages = _stages(actor, inside)
                gold += 1
                found += stages[0]
                country += stages[1]
                role += stages[2]
    return ActorStages(gold=gold, found=found, country=country, role=role)
