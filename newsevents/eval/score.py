"""Score extracted events against gold events (rule of ``newsevents-gold/1``).

An extracted event matches a gold event of the same document when its source
has the gold source's country (and role / org where the gold gives one), its
target likewise (either way round when the gold is ``symmetric``; a gold
event without target matches any target), and its code starts with one of
the gold's ``accept`` prefixes (default: the gold code's root).

Choices this module makes where the rule leaves room:

- Duplicates: extracted events of one document with the same (source code,
  target code, root, date value) form one unit, counted once; for events
  flagged ``symmetric`` the (source, target) pair is unordered, so both
  directions of "A and B signed" are one unit. The unit
  matches a gold event when any of its members does; the Match names the
  member that matches, preferring the exact gold code.
- One-to-one: a maximum bipartite matching between units and gold events,
  first over required gold events (so recall is never under-counted), then
  extended to optional ones. Among equal choices, exact-code candidates are
  tried first.
- Precision: a unit is correct when it is in the matching, or when it is
  unmatched but would match an optional gold event (finding an optional
  event is never a false positive). An unmatched unit that only matches
  already-matched required gold events is a false positive.
- Zero denominators: recall is None without required gold events, precision
  None without extracted events, each accuracy None with nothing to count.
  F1 is 0.0 when recall or precision is 0.0, None when either is None.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..models import Actor, Event
from .gold import GoldActor, GoldDocument, GoldEvent

__all__ = ["DocScore", "Match", "Score", "event_matches", "score", "score_document"]


@dataclass(frozen=True)
class Match:
    """A gold event and the extracted event matched to it."""

    gold: GoldEvent
    event: Event
    doc_id: str


@dataclass(frozen=True)
class DocScore:
    """The score of one document, with the counts behind it."""

    doc_id: str
    matches: tuple[Match, ...]
    missed: tuple[GoldEvent, ...]
    false_positives: tuple[Event, ...]
    gold_required: int
    matched_required: int
    extracted: int
    correct: int
    code_correct: int
    date_total: int
    date_correct: int
    place_total: int
    place_correct: int
    modality_total: int
    modality_correct: int


@dataclass(frozen=True)
class Score:
    """Micro-averaged scores over documents, with per-document detail."""

    recall: float | None
    precision: float | None
    f1: float | None
    events_gold_required: int
    events_extracted: int
    documents: int
    code_accuracy: float | None
    date_accuracy: float | None
    place_accuracy: float | None
    modality_accuracy: float | None
    by_doc: tuple[DocScore, ...] = ()
    by_root: dict[str, dict[str, Any]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """Return the score as JSON-ready data (summaries, not whole events)."""
        return {
            "recall": self.recall,
            "precision": self.precision,
            "f1": self.f1,
            "events_gold_required": self.events_gold_required,
            "events_extracted": self.events_extracted,
            "documents": self.documents,
            "code_accuracy": self.code_accuracy,
            "date_accuracy": self.date_accuracy,
            "place_accuracy": self.place_accuracy,
            "modality_accuracy": self.modality_accuracy,
            "by_root": self.by_root,
            "by_doc": [_doc_json(doc) for doc in self.by_doc],
        }


def _event_json(event: Event) -> dict[str, Any]:
    return {
        "source": event.source.code if event.source else None,
        "target": event.target.code if event.target else None,
        "code": event.code,
        "date": event.date.value if event.date else None,
    }


def _doc_json(doc: DocScore) -> dict[str, Any]:
    return {
        "doc_id": doc.doc_id,
        "gold_required": doc.gold_required,
        "matched_required": doc.matched_required,
        "extracted": doc.extracted,
        "correct": doc.correct,
        "matches": [{"gold": m.gold.id, **_event_json(m.event)} for m in doc.matches],
        "missed": [gold.id for gold in doc.missed],
        "false_positives": [_event_json(event) for event in doc.false_positives],
    }


# --- the matching rule -------------------------------------------------------


def _actor_matches(gold: GoldActor, actor: Actor | None) -> bool:
    if actor is None or actor.country is None:
        return False
    if actor.country.upper() != gold.country.upper():
        return False
    if gold.role is not None and gold.role.upper() not in {
        role.upper() for role in actor.roles
    }:
        return False
    if gold.org is not None and not (
        actor.org is not None and actor.org.upper().startswith(gold.org.upper())
    ):
        return False
    return True


def _actors_match(gold: GoldEvent, event: Event) -> bool:
    def straight(source: Actor | None, target: Actor | None) -> bool:
        if not _actor_matches(gold.source, source):
            return False
        return gold.target is None or _actor_matches(gold.target, target)

    if straight(event.source, event.target):
        return True
    return gold.symmetric and straight(event.target, event.source)


def event_matches(gold: GoldEvent, event: Event) -> bool:
    """Whether an extracted event matches a gold event under the gold rule."""
    if not event.code.startswith(gold.prefixes):
        return False
    return _actors_match(gold, event)


# --- attribute checks over matched pairs ------------------------------------


def _date_correct(gold: GoldEvent, event: Event) -> bool:
    value = event.date.value if event.date is not None else None
    if value is None:
        return False
    wanted = (gold.date, *gold.date_accept) if gold.date else gold.date_accept
    # Compare at each gold value's own precision: "2023-09" accepts "2023-09-14".
    return any(len(value) >= len(w) and value[: len(w)] == w for w in wanted)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join(
        "".join(ch for ch in decomposed if not unicodedata.combining(ch)).split()
    )


def _place_correct(gold: GoldEvent, event: Event) -> bool:
    location, place = gold.location, event.place
    if location is None or place is None:
        return False
    if location.country is not None and place.country != location.country:
        return False
    if location.place is not None:
        # The extracted place may carry a GeoNames name and the article's wording.
        names = {_fold(name) for name in (place.name, place.text) if name}
        if _fold(location.place) not in names:
            return False
    return True


# --- one document ----------------------------------------------------------------


def _units(events: Sequence[Event]) -> list[list[Event]]:
    """Group duplicate events: same source, target, root and date value."""
    groups: dict[tuple[str | None, ...], list[Event]] = {}
    for event in events:
        source = event.source.code if event.source else None
        target = event.target.code if event.target else None
        if event.symmetric and source is not None and target is not None:
            # A symmetric event emitted in both directions, as GDELT does
            # ("A and B signed"), is one event: the pair is unordered.
            source, target = sorted((source, target))
        key = (
            source,
            target,
            event.root or event.code[:2],
            event.date.value if event.date else None,
        )
        groups.setdefault(key, []).append(event)
    return list(groups.values())


def _member_for(gold: GoldEvent, unit: list[Event]) -> Event | None:
    members = [event for event in unit if event_matches(gold, event)]
    if not members:
        return None
    exact = [event for event in members if event.code == gold.code]
    return (exact or members)[0]


def _candidates(gold: GoldEvent, row: list[Event | None]) -> list[int]:
    """Units matching a gold event; ties favour the exact code, then the
    right date (so two meetings of the same pair are not matched crosswise)."""
    matching = [(u, event) for u, event in enumerate(row) if event is not None]
    matching.sort(
        key=lambda item: (item[1].code != gold.code, not _date_correct(gold, item[1]))
    )
    return [u for u, _ in matching]


def _augment(
    gold_index: int,
    candidates: list[list[int]],
    unit_owner: dict[int, int],
    visited: set[int],
) -> bool:
    for unit in candidates[gold_index]:
        if unit in visited:
            continue
        visited.add(unit)
        owner = unit_owner.get(unit)
        if owner is None or _augment(owner, candidates, unit_owner, visited):
            unit_owner[unit] = gold_index
            return True
    return False


def _max_matching(
    golds: Sequence[GoldEvent], candidates: list[list[int]]
) -> dict[int, int]:
    """Maximum bipartite matching, required gold first; returns unit -> gold."""
    unit_owner: dict[int, int] = {}
    # Augmenting paths never unmatch a matched gold event, so matching the
    # required ones first keeps their count maximal when optional ones join.
    order = [i for i, g in enumerate(golds) if g.required]
    order += [i for i, g in enumerate(golds) if not g.required]
    for gold_index in order:
        _augment(gold_index, candidates, unit_owner, set())
    return unit_owner


def score_document(doc: GoldDocument, events: Sequence[Event]) -> DocScore:
    """Score the events extracted from one gold document."""
    golds = doc.events
    units = _units(events)
    members = [[_member_for(gold, unit) for unit in units] for gold in golds]
    candidates = [
        _candidates(gold, row) for gold, row in zip(golds, members, strict=True)
    ]
    unit_owner = _max_matching(golds, candidates)

    matches: list[Match] = []
    for unit, gold_index in sorted(unit_owner.items(), key=lambda item: item[1]):
        event = members[gold_index][unit]
        assert event is not None
        matches.append(Match(gold=golds[gold_index], event=event, doc_id=doc.id))
    matched_gold = set(unit_owner.values())
    false_positives: list[Event] = []
    correct = len(unit_owner)
    for unit_index, unit in enumerate(units):
        if unit_index in unit_owner:
            continue
        if any(
            not golds[g].required and members[g][unit_index] is not None
            for g in range(len(golds))
        ):
            correct += 1
        else:
            false_positives.append(unit[0])

    dated = [m for m in matches if m.gold.date is not None or m.gold.date_accept]
    placed = [m for m in matches if m.gold.location is not None]
    moded = [m for m in matches if m.gold.modality is not None]
    return DocScore(
        doc_id=doc.id,
        matches=tuple(matches),
        missed=tuple(
            gold
            for index, gold in enumerate(golds)
            if gold.required and index not in matched_gold
        ),
        false_positives=tuple(false_positives),
        gold_required=sum(1 for gold in golds if gold.required),
        matched_required=sum(1 for m in matches if m.gold.required),
        extracted=len(units),
        correct=correct,
        code_correct=sum(1 for m in matches if m.event.code == m.gold.code),
        date_total=len(dated),
        date_correct=sum(1 for m in dated if _date_correct(m.gold, m.event)),
        place_total=len(placed),
        place_correct=sum(1 for m in placed if _place_correct(m.gold, m.event)),
        modality_total=len(moded),
        modality_correct=sum(1 for m in moded if m.event.modality == m.gold.modality),
    )


# --- many documents ----------------------------------------------------------


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


def _f1(recall: float | None, precision: float | None) -> float | None:
    if recall == 0.0 or precision == 0.0:
        return 0.0
    if recall is None or precision is None:
        return None
    return 2 * recall * precision / (recall + precision)


def _by_root(
    docs: Sequence[DocScore], golds: Sequence[GoldDocument]
) -> dict[str, dict[str, Any]]:
    table: dict[str, dict[str, int]] = {}

    def row(root: str) -> dict[str, int]:
        return table.setdefault(
            root, {"gold_required": 0, "matched_required": 0, "matches": 0}
        )

    for gold_doc in golds:
        for gold in gold_doc.required_events:
            row(gold.root)["gold_required"] += 1
    for doc in docs:
        for match in doc.matches:
            row(match.gold.root)["matches"] += 1
            if match.gold.required:
                row(match.gold.root)["matched_required"] += 1
    result: dict[str, dict[str, Any]] = {}
    for root in sorted(table):
        counts = table[root]
        result[root] = {
            **counts,
            "recall": _ratio(counts["matched_required"], counts["gold_required"]),
        }
    return result


def score(docs_and_events: Sequence[tuple[GoldDocument, Sequence[Event]]]) -> Score:
    """Score extracted events of many gold documents, micro-averaged.

    ``by_root`` gives, for each gold root code, required gold events, those
    matched, all matches (optional ones too) and the recall.
    """
    docs = [score_document(doc, events) for doc, events in docs_and_events]

    def total(name: str) -> int:
        return sum(getattr(doc, name) for doc in docs)

    recall = _ratio(total("matched_required"), total("gold_required"))
    precision = _ratio(total("correct"), total("extracted"))
    matched = sum(len(doc.matches) for doc in docs)
    return Score(
        recall=recall,
        precision=precision,
        f1=_f1(recall, precision),
        events_gold_required=total("gold_required"),
        events_extracted=total("extracted"),
        documents=len(docs),
        code_accuracy=_ratio(total("code_correct"), matched),
        date_accuracy=_ratio(total("date_correct"), total("date_total")),
        place_accuracy=_ratio(total("place_correct"), total("place_total")),
        modality_accuracy=_ratio(total("modality_correct"), total("modality_total")),
        by_doc=tuple(docs),
        by_root=_by_root(docs, [doc for doc, _ in docs_and_events]),
    )
