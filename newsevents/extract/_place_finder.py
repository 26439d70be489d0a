"""The state of one paragraph's place finding: what the article's places
so far say (``PlaceMemory``) and the places found in the paragraph
(``Finder``), with the gazetteer lookups every place rule shares."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..kb.base import KnowledgeBase
from ..kb.gazetteer import Candidate, Gazetteer, Resolution, to_place
from ..lang import Grammar
from ..models import Place

__all__ = ["Finder", "PlaceMemory", "locative", "strip_article"]


@dataclass
class PlaceMemory:
    """What the article's places so far say about where it is."""

    regions: list[tuple[str, str]] = field(default_factory=list)
    points: list[tuple[float, float]] = field(default_factory=list)
    last_town: Place | None = None
    # Names the model tagged as places: a place wherever they recur, even
    # where it tags them ORG or PERSON (one sense per discourse).
    names: set[str] = field(default_factory=set)

    def remember(self, place: Place, candidate: Candidate | None) -> None:
        """Keep a region's code and a town's point as context for the next."""
        if candidate is None:
            return
        if candidate.kind == "admin1" and candidate.region not in self.regions:
            self.regions.append(candidate.region)
        if place.precision == "city" and place.lat is not None:
            self.points.append((place.lat, place.lon or 0.0))
            self.last_town = place


@dataclass
class Finder:
    doc: Doc
    gazetteer: Gazetteer
    lang: str
    offset: int
    countries: Sequence[str]
    memory: PlaceMemory
    grammar: Grammar
    kb: KnowledgeBase | None = None
    places: dict[tuple[int, int], tuple[Place, bool]] = field(default_factory=dict)
    demonyms: set[tuple[int, int]] = field(default_factory=set)
    ents: tuple[Span, ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        # Read once: spaCy builds the spans of ``doc.ents`` at every call.
        self.ents = self.doc.ents

    def add(self, place: Place | None, located: bool, demonym: bool = False) -> None:
        if place is None:
            return
        start, end = place.start or 0, place.end or 0
        if any(start < e and s < end for s, e in self.places):
            return
        self.places[(start, end)] = (place, located)
        if demonym:
            self.demonyms.add((start, end))

    def resolve(
        self, span: Span, kinds: tuple[str, ...] = (), least: int = 0
    ) -> Place | None:
        """The place a name means, its article's context given (of ``kinds``
        and at least ``least`` people, when given)."""
        return self.resolve_at(span.start_char, span.text, kinds, least)

    def resolve_at(
        self, at: int, name: str, kinds: tuple[str, ...] = (), least: int = 0
    ) -> Place | None:
        """The place ``name`` (at character ``at`` of the paragraph) means."""
        if name.endswith(("'s", "’s")):  # "British Columbia's"
            name = name[:-2]
        text, start = strip_article(name, self.grammar)
        found = self.gazetteer.explain(
            text, self.countries, self.lang,
            regions=self.memory.regions, near=self.memory.points,
        )  # fmt: skip
        if (
            found is None
            and self.kb is not None
            and "country" in (kinds or ("country",))
        ):
            found = self._country(text)  # "US": too short for the gazetteer
        if found is None or (kinds and found.candidate.kind not in kinds):
            return None
        if found.candidate.population < least:
            return None
        place = to_place(
            found.candidate,
            start=self.offset + at + start,
            end=self.offset + at + len(name),
            text=text,
            why=found.why,
        )
        self.memory.remember(place, found.candidate)
        return place

    def _country(self, text: str) -> Resolution | None:
        """The country the knowledge base knows by this name."""
        assert self.kb is not None
        for entry in self.kb.lookup(self.lang, text):
            if entry.kind == "country" and entry.actor and entry.actor.country:
                found = self.gazetteer.country(entry.actor.country)
                if found is not None:
                    return Resolution(found, "a country the knowledge base names")
        return None


def strip_article(text: str, grammar: Grammar) -> tuple[str, int]:
    for prefix in grammar.place_articles:
        if text.lower().startswith(prefix):
            return text[len(prefix) :], len(prefix)
    return text, 0


def locative(token: Token, grammar: Grammar) -> bool:
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
