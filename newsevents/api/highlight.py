"""An article's text cut into segments, each with the highlights over it
(actors, places, dates, event evidence). Templates print the segments with
autoescaping, so the article's text stays inert whatever it holds."""

from __future__ import annotations

from dataclasses import dataclass

from ..models import CodedArticle


@dataclass(frozen=True)
class Segment:
    """A run of text under the same highlights. ``classes`` come from a
    fixed set (``m-person``, ``place``, ``date``, ``evidence``...);
    ``events`` are the 1-based numbers of the events it is evidence for."""

    text: str
    classes: tuple[str, ...] = ()
    title: str = ""
    events: tuple[int, ...] = ()


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    cls: str
    label: str
    event: int | None = None


def _spans(coded: CodedArticle, size: int) -> list[_Span]:
    spans: list[_Span] = []
    for m in coded.mentions:
        actor = m.actor
        label = f"{m.kind}: {actor.code} ({actor.name})" if actor else m.kind
        spans.append(_Span(m.start, m.end, f"m-{m.kind}", label))
    for p in coded.places:
        if p.start is not None and p.end is not None:
            where = f"{p.name}, {p.country}" if p.country else p.name
            spans.append(_Span(p.start, p.end, "place", f"place: {where}"))
    for d in coded.dates:
        if d.start is not None and d.end is not None:
            spans.append(_Span(d.start, d.end, "date", f"date: {d.value or '?'}"))
    for number, event in enumerate(coded.events, start=1):
        for ev in event.evidence:
            label = f"event #{number}: {event.code} {event.label}".strip()
            spans.append(_Span(ev.start, ev.end, "evidence", label, number))
    out = []
    for s in spans:
        start, end = max(0, s.start), min(size, s.end)
        if start < end:
            out.append(_Span(start, end, s.cls, s.label, s.event))
    return out


def segments(coded: CodedArticle) -> list[Segment]:
    """The article's text as consecutive segments covering all of it."""
    text = coded.article.text
    spans = _spans(coded, len(text))
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    starting: dict[int, list[_Span]] = {}
    for s in spans:
        starting.setdefault(s.start, []).append(s)
    active: list[_Span] = []
    out: list[Segment] = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        active = [s for s in active if s.end > left] + starting.get(left, [])
        if not active:
            out.append(Segment(text[left:right]))
            continue
        classes = tuple(sorted({s.cls for s in active}))
        title = "; ".join(dict.fromkeys(s.label for s in active))
        events = tuple(sorted({s.event for s in active if s.event is not None}))
        out.append(Segment(text[left:right], classes, title, events))
    return out
