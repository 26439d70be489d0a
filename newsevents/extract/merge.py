"""Merge the events of one article that report the same thing (the headline
and the body telling the same signing give one event with both evidences)."""

from __future__ import annotations

from collections.abc import Sequence

from ..models import Event

_RANK = {"day": 0, "month": 1, "year": 2, "publication": 3, None: 4}


def _key(event: Event) -> tuple[str | None, str | None, str, str]:
    return (
        event.source.code if event.source else None,
        event.target.code if event.target else None,
        event.code[:3],
        event.modality,
    )


def merge_events(events: Sequence[Event], text: str) -> list[Event]:
    """One event per (source, target, code, modality), first seen first,
    keeping every evidence span and the most precise date and a place."""
    merged: dict[tuple[str | None, str | None, str, str], Event] = {}
    for event in events:
        event = event.model_copy(
            update={"evidence": tuple(e.model_copy(update={"text": text[e.start : e.end]}) for e in event.evidence)}
        )
        key = _key(event)
        kept = merged.get(key)
        if kept is None:
            merged[key] = event
            continue
        update: dict[str, object] = {
            "evidence": kept.evidence + tuple(e for e in event.evidence if e not in kept.evidence),
            "confidence": max(kept.confidence, event.confidence),
        }
        kept_rank = _RANK[kept.date.precision if kept.date else None]
        new_rank = _RANK[event.date.precision if event.date else None]
        if new_rank < kept_rank:
            update["date"] = event.date
        if kept.place is None and event.place is not None:
            update["place"] = event.place
        merged[key] = kept.model_copy(update=update)
    return list(merged.values())
