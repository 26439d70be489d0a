"""Where an event sits in its text: its date, its place, its evidence span
and who reports it. Dates and places come from the article (character
offsets); each is attached to the trigger or verb that governs it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span, Token

from ..lang import LangResources
from ..models import Actor, DateRef, Evidence, Place
from ._arguments import Arguments, subject
from .actors import ActorRef
from .modality import reporter

_MAX_EVIDENCE_TOKENS = 40


@dataclass(frozen=True)
class Anchors:
    """Article-level dates and places, with article character offsets."""

    published: date | None
    dates: tuple[DateRef, ...] = ()
    places: tuple[Place, ...] = ()
    home: str | None = None  # the article's home country
    # Countries named by a demonym ("un village syrien"): an event's place
    # only when nothing else places it.
    demonyms: tuple[Place, ...] = ()


def evidence(
    token: Token, source: ActorRef, target: ActorRef | None, offset: int, sentence: int
) -> Evidence:
    doc = token.doc
    sent = token.sent
    indices = [token.i, source.start, source.end - 1]
    if target is not None:
        indices += [target.start, target.end - 1]
    inside = [i for i in indices if sent.start <= i < sent.end]
    start, end = min(inside), max(inside) + 1
    if end - start > _MAX_EVIDENCE_TOKENS:
        start, end = max(sent.start, token.i - 10), min(sent.end, token.i + 10)
    span: Span = doc[start:end]
    return Evidence(
        start=offset + span.start_char,
        end=offset + span.end_char,
        text=span.text,
        sentence=sentence,
    )


def _attached(token: Token, triggers: set[int]) -> Token:
    """The trigger or verb that a word (a date, a place) belongs to."""
    current = token
    for _ in range(12):
        if current.i in triggers and current.i != token.i:
            return current
        if current.pos_ == "VERB" and current.i != token.i:
            return current
        if current.head.i == current.i:
            return current
        current = current.head
    return current


def _tokens_at(doc: Doc, start: int, end: int, offset: int) -> Token | None:
    span = doc.char_span(start - offset, end - offset, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _attach(
    token: Token,
    spans: Sequence[DateRef] | Sequence[Place],
    triggers: set[int],
    offset: int,
    depth: int,
    avoid: Sequence[ActorRef] = (),
) -> DateRef | Place | None:
    """The date or place attached to the clause of ``token``, else to the
    nearest clause governing it (up to ``depth`` heads up)."""
    doc = token.doc
    attached: dict[int, DateRef | Place] = {}
    # The document's length without building doc.text, which costs time in
    # proportion to the paragraph and ran once per candidate event: a 240 KB
    # one-line article took many minutes. Only spans that overlap the
    # token's sentence can have their root in it: the others are skipped
    # before char_span.
    last = doc[-1]
    end = offset + last.idx + len(last.text_with_ws)
    sentence = token.sent
    sent_start, sent_end = offset + sentence.start_char, offset + sentence.end_char
    for item in spans:
        if item.start is None or item.end is None:
            continue
        if not (offset <= item.start < end):
            continue
        if item.end <= sent_start or item.start >= sent_end:
            continue
        root = _tokens_at(doc, item.start, item.end, offset)
        if root is None or root.sent != token.sent:
            continue
        if any(ref.start <= root.i < ref.end for ref in avoid):
            continue  # "Pyongyang accuse Séoul": an actor, not a place
        attached.setdefault(_attached(root, triggers).i, item)
    current = token
    for _ in range(depth):
        if current.i in attached:
            return attached[current.i]
        if current.head.i == current.i:
            break
        current = current.head
    return None


def event_date(
    token: Token, anchors: Anchors, triggers: set[int], offset: int
) -> DateRef | None:
    """The event's own date, else its governing clause's, else the
    publication date with precision "publication"."""
    dated = [d for d in anchors.dates if d.value is not None]
    found = _attach(token, dated, triggers, offset, depth=6)
    if isinstance(found, DateRef):
        return found
    if anchors.published is None:
        return None
    return DateRef(
        text="", value=anchors.published.isoformat(), precision="publication"
    )


def event_place(
    token: Token,
    anchors: Anchors,
    triggers: set[int],
    offset: int,
    avoid: Sequence[ActorRef] = (),
    depth: int = 4,
) -> Place | None:
    """The place attached to the event's clause (``depth`` 1: to the trigger
    itself), never one of its actors; a demonym's country ("dans un village
    syrien") only when the paragraph has no place."""
    found = _attach(token, anchors.places, triggers, offset, depth, avoid=avoid)
    if found is None and not anchors.places:
        found = _attach(token, anchors.demonyms, triggers, offset, depth, avoid=avoid)
    return found if isinstance(found, Place) else None


def attribution(
    token: Token,
    args: Arguments,
    res: LangResources,
    event_actors: Callable[[ActorRef], list[Actor]],
) -> Actor | None:
    """Who reports the event: "selon l'agence KCNA", "X a annoncé que"."""
    verb = reporter(token)
    if verb is not None:
        marker = res.markers.get((verb.lemma_.lower(), verb.pos_))
        if marker is not None and marker.kind == "report":
            subj, _ = subject(verb)
            if subj is not None:
                refs = args.group(subj)
                if refs:
                    return next(iter(event_actors(refs[0])), None)
    for word in token.sent:
        if word.lower_ in res.attribution_preps:
            holder = word.head if word.dep_ in ("case", "prep") else word
            if word.dep_ == "prep":
                holder = next(
                    (
                        g
                        for c in word.children
                        for g in [c, *c.children]
                        if g.dep_ == "pobj"
                    ),
                    word,
                )
            ref = args.resolve(holder)
            if ref is not None:
                return next(iter(event_actors(ref)), None)
    return None
