"""Find and geocode the places of a parsed paragraph.

Places are: named locations the model tags (LOC, GPE), capitals and cities
of the knowledge base, countries governed by a locative preposition ("en
Corée du Nord", "au Vietnam", "in Kyiv"), and landmarks such as "la place
Kim Il-sung à Pyongyang", placed in the city that follows them.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from ..kb.gazetteer import Gazetteer, to_place
from ..lang import Grammar
from ..lang import get as get_language
from ..models import Place
from .actors import ActorRef


def find_places(
    doc: Doc,
    refs: Sequence[ActorRef],
    gazetteer: Gazetteer,
    lang: str,
    offset: int,
    context_countries: Sequence[str],
) -> list[Place]:
    """Every geocoded place of ``doc``, with article offsets, in text order."""
    grammar = get_language(lang).grammar
    places: dict[tuple[int, int], Place] = {}
    by_token = {i: ref for ref in refs for i in range(ref.start, ref.end)}
    for ref in refs:
        span = doc[ref.start : ref.end]
        # Capitals and countries are places where a locative preposition says
        # so ("à Pyongyang", "en Corée du Nord"), actors elsewhere.
        if (ref.capital or ref.kind == "country") and _locative(span.root, grammar):
            if ref.kind == "country" and span.root.pos_ == "ADJ":
                continue
            place = _resolve(span, gazetteer, lang, offset, context_countries, grammar)
            if place is not None:
                places[(place.start or 0, place.end or 0)] = place
    landmarks = _landmarks(doc, gazetteer, lang, offset, context_countries, grammar)
    for place in landmarks:
        if not _overlaps(place, places):
            places[(place.start or 0, place.end or 0)] = place
    for ent in doc.ents:
        if ent.label_ not in ("LOC", "GPE", "FAC"):
            continue
        overlapping = [
            ref for i in range(ent.start, ent.end) if (ref := by_token.get(i))
        ]
        if overlapping:
            # Actors are places only where a locative preposition says so;
            # those were handled above.
            continue
        place = _resolve(ent, gazetteer, lang, offset, context_countries, grammar)
        if place is not None and not _overlaps(place, places):
            places[(place.start or 0, place.end or 0)] = place
    return [places[k] for k in sorted(places)]


def _locative(token: Token, grammar: Grammar) -> bool:
    """Whether a name is governed by a locative preposition: "en Russie",
    "au Vietnam", "à Pyongyang", "in Kyiv". French "à la Russie" / "à l'Iran"
    (à + article + country) is a recipient, not a place."""
    for child in token.children:
        if child.dep_ in ("case", "prep") and child.lower_ in grammar.locative_preps:
            articles = [c for c in token.children if c.dep_ == "det"]
            return not (child.lower_ in grammar.recipient_preps and articles)
    if token.dep_ in ("dobj", "obj"):
        # "visited Russia": where the visit takes place
        return token.head.lemma_ in grammar.place_object_verbs
    return token.dep_ == "pobj" and token.head.lower_ in grammar.locative_preps


def _resolve(
    span: Span,
    gazetteer: Gazetteer,
    lang: str,
    offset: int,
    context: Sequence[str],
    grammar: Grammar,
) -> Place | None:
    text = span.text
    for prefix in grammar.place_articles:
        if text.lower().startswith(prefix):
            text = text[len(prefix) :]
    candidate = gazetteer.resolve(text, context, lang=lang)
    if candidate is None:
        return None
    return to_place(
        candidate,
        start=offset + span.end_char - len(text),
        end=offset + span.end_char,
        text=text,
    )


def _landmarks(
    doc: Doc,
    gazetteer: Gazetteer,
    lang: str,
    offset: int,
    context: Sequence[str],
    grammar: Grammar,
) -> list[Place]:
    """ "la place Kim Il-sung à Pyongyang": a landmark noun followed by a
    name, placed in the city named just after it (else in no city)."""
    found = []
    for token in doc[:-1]:
        if token.lower_ not in grammar.landmarks:
            continue
        end = token.i + 1
        # Capitalised words, and pieces glued by hyphens ("Kim Il-sung").
        while end < len(doc) and (
            doc[end].text[:1].isupper() or not doc[end - 1].whitespace_
        ):
            end += 1
        if end == token.i + 1:
            continue
        city = None
        for after in doc[end : min(len(doc), end + 4)]:
            if after.pos_ == "PROPN" and after.text[:1].isupper():
                city = gazetteer.resolve(after.text, context, lang=lang)
                if city is not None and city.kind == "city":
                    break
                city = None
        span = doc[token.i : end]
        found.append(
            Place(
                name=span.text,
                kind="landmark",
                country=city.country if city else None,
                lat=city.lat if city else None,
                lon=city.lon if city else None,
                start=offset + span.start_char,
                end=offset + span.end_char,
                text=span.text,
            )
        )
    return found


def _overlaps(place: Place, places: dict[tuple[int, int], Place]) -> bool:
    return any(
        (place.start or 0) < end and start < (place.end or 0) for start, end in places
    )
