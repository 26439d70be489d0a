"""Merge the events of one article that report the same thing (the headline
and the body telling the same signing give one event with both evidences)."""

from __future__ import annotations

from collections.abc import Sequence

from ..keys import dates_compatible, more_precise_date
from ..models import Actor, Event, Place


def _same_actor(a: Actor | None, b: Actor | None) -> bool:
    """Equal actors, or a country named bare ("la Corée du Nord") and its
    government ("Pyongyang" acting): one state in one article."""
    if a is None or b is None:
        return a is b
    if a.code == b.code:
        return True
    bare, full = (a, b) if not a.roles else (b, a)
    return (
        not bare.roles
        and bare.org is None
        and full.roles == ("GOV",)
        and bare.country == full.country
    )


def _same(kept: Event, event: Event) -> bool:
    return (
        kept.code[:3] == event.code[:3]
        and kept.modality == event.modality
        and _same_actor(kept.source, event.source)
        and _same_actor(kept.target, event.target)
        and dates_compatible(kept.date, event.date)
    )


def _specific(a: Actor | None, b: Actor | None) -> Actor | None:
    if a is None or b is None:
        return a or b
    return a if len(a.roles) >= len(b.roles) else b


def merge_events(events: Sequence[Event], text: str) -> list[Event]:
    """One event per (source, target, code, modality) and compatible dates
    (a bare country and its government count as one actor),
    first seen first, keeping every evidence span, the most precise date and
    the most precise place."""
    merged: list[Event] = []
    for event in events:
        event = event.model_copy(
            update={
                "evidence": tuple(
                    e.model_copy(update={"text": text[e.start : e.end]})
                    for e in event.evidence
                )
            }
        )
        for index, kept in enumerate(merged):
            if _same(kept, event):
                merged[index] = _combine(kept, event)
                break
        else:
            merged.append(event)
    return merged


def _combine(kept: Event, event: Event) -> Event:
    update: dict[str, object] = {
        "source": _specific(kept.source, event.source),
        "target": _specific(kept.target, event.target),
        "evidence": kept.evidence
        + tuple(e for e in event.evidence if e not in kept.evidence),
        "confidence": max(kept.confidence, event.confidence),
    }
    if more_precise_date(event.date, kept.date):
        update["date"] = event.date
    if _more_precise(event.place, kept.place):
        update["place"] = event.place
    if kept.attribution is None and event.attribution is not None:
        update["attribution"] = event.attribution
    return kept.model_copy(update=update)


def _more_precise(new: Place | None, old: Place | None) -> bool:
    if new is None:
        return False
    if old is None:
        return True
    return old.kind == "country" and new.kind != "country"
