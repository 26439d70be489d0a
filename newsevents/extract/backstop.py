"""The learned backstop: an event for a sentence that no rule coded.

Where a sentence names two actors and no trigger gave an event, the
classifier (``newsevents.classify``) proposes an event type for the whole
sentence. The rules still decide everything else: the actors (the first one
named is the source, the next other one the target), the modality, date and
place, read from the sentence's main verb. The event's pattern says
"classifier, p=0.83" and its confidence is p. A sentence whose main verb is
about sport ("a battu l'Allemagne en demi-finale") is left alone, as the
rules leave it. Pure: the classifier is passed in, and it only runs on
sentences where it can add an event.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from ..classify import NONE, Prediction
from ..kb.cameo import lookup
from ..lang import LangResources
from ..models import Actor, Event, Evidence
from ._anchors import Anchors, event_date, event_place
from ._patterns import about_sport
from .actors import ActorRef
from .events import FORCE_ROOTS, event_actors
from .modality import modality

TRIGGER = "classifier"


class Classifier(Protocol):
    """What the hook needs of a classifier: a label per sentence, and the
    least probability worth an event."""

    threshold: float

    def predict(self, sentences: Sequence[str]) -> list[Prediction]: ...


@dataclass(frozen=True)
class _Candidate:
    sent: Span
    number: int
    source: tuple[Actor, ActorRef]
    target: tuple[Actor, ActorRef]


def propose(
    doc: Doc,
    refs: list[ActorRef],
    events: Sequence[Event],
    classifier: Classifier,
    res: LangResources,
    anchors: Anchors,
    offset: int = 0,
    sentence_base: int = 0,
) -> list[Event]:
    """Events the classifier proposes for the sentences of a parsed
    paragraph that name two actors and have no event from the rules."""
    coded = {ev.sentence for e in events for ev in e.evidence}
    candidates = [
        c
        for n, sent in enumerate(doc.sents)
        if sentence_base + n not in coded
        and not about_sport(_main_verb(sent), res)
        and (c := _candidate(sent, sentence_base + n, refs)) is not None
    ]
    if not candidates:
        return []
    predictions = classifier.predict([c.sent.text for c in candidates])
    return [
        _event(c, p, res, anchors, offset)
        for c, p in zip(candidates, predictions, strict=True)
        if p.label != NONE and p.p >= classifier.threshold
    ]


def _candidate(sent: Span, number: int, refs: list[ActorRef]) -> _Candidate | None:
    """The sentence's first actor and the next different one, if any."""
    named: list[tuple[Actor, ActorRef]] = []
    for ref in sorted(refs, key=lambda r: r.start):
        if not sent.start <= ref.head < sent.end or not ref.actors:
            continue
        # A place named in passing is where, not who: only a capital that
        # is the subject acts (metonymy, "Paris a protesté").
        if ref.kind == "place" and not (
            ref.capital and sent.doc[ref.head].dep_.startswith("nsubj")
        ):
            continue
        named.extend((actor, ref) for actor in event_actors(ref))
    if not named:
        return None
    first = named[0]
    for other in named[1:]:
        if other[0].code != first[0].code and other[1] is not first[1]:
            return _Candidate(sent, number, first, other)
    return None


def _event(
    candidate: _Candidate,
    prediction: Prediction,
    res: LangResources,
    anchors: Anchors,
    offset: int,
) -> Event:
    code = lookup(prediction.label)
    verb = _main_verb(candidate.sent)
    source, ref_s = candidate.source
    target, ref_t = candidate.target
    if prediction.label[:3] == "042" or prediction.label[:2] in FORCE_ROOTS:
        # A country one travels to or attacks is a place, not its government.
        target = next(iter(event_actors(ref_t, as_place=True)), target)
    sent = candidate.sent
    return Event(
        source=source,
        target=target,
        **code.event_fields(),  # type: ignore[arg-type]
        modality=modality(verb, res),
        date=event_date(verb, anchors, set(), offset),
        place=event_place(verb, anchors, set(), offset, avoid=[ref_s, ref_t]),
        evidence=(
            Evidence(
                start=offset + sent.start_char,
                end=offset + sent.end_char,
                text=sent.text,
                sentence=candidate.number,
            ),
        ),
        confidence=round(prediction.p, 2),
        trigger=TRIGGER,
        pattern=f"classifier, p={prediction.p:.2f}",
    )


def _main_verb(sent: Span) -> Token:
    root = sent.root
    if root.pos_ in ("VERB", "AUX"):
        return root
    verbs = [t for t in sent if t.pos_ == "VERB"]
    return verbs[0] if verbs else root


__all__ = ["Classifier", "TRIGGER", "propose"]
