"""Find and geocode the places (toponyms) of a parsed paragraph.

Toponyms are: named locations the model tags (GPE, LOC, FAC; a name it tags
ORG or PERSON counts when a locative preposition governs it, "in Boise", and
a town of 10,000+ where another preposition or a list of places says so,
"from Cirencester", "Hamburg, Brasoc and Mannheim"; a region's name counts
alone, "Tamil Nadu said"), capitals and countries of the knowledge base,
their demonyms ("the Syrian army") and those inside other mentions ("the
Tunisian authorities"), the continents of regional groups ("Europe",
"African"), towns that start organisations' names ("The Washington Post"),
datelines ("GLASGOW, Ky. (WBKO) -"), admin-1 regions ("Donetsk oblast",
"région de Kherson", "Ky."), and landmarks and streets ("Trafalgar Square",
"la place Kim Il-sung à Pyongyang", "12 rue de Rivoli"), placed in the town
named just after them, else in the article's last town.

A country or capital that is an actor ("Russia accused Ukraine") is a
toponym too (metonymy), but only a place governed by a locative preposition
("à Pyongyang", "en Corée du Nord") or not an actor at all can be where an
event happens: those are ``Found.located``. A demonym's country is where an
event happens only when nothing else in the paragraph is (``Found.demonyms``,
see ``_anchors.event_place``).

Each name is resolved by the gazetteer with what the article says so far:
the countries it names, the admin-1 regions it names and the towns it
placed (``PlaceMemory``); regions of the paragraph are found first, so that
"Paris, Texas" is in Texas. The rules on actors' mentions are in
``_actor_places``, those on regions and landmarks in ``_regions``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from ..kb.base import KnowledgeBase
from ..kb.gazetteer import Gazetteer
from ..lang import get as get_language
from ..models import Place
from ._actor_places import actor_places, big_place, embedded, named_actor, within
from ._place_finder import Finder, PlaceMemory, locative
from ._regions import landmark_places, region_places, regions_first
from .actors import ActorRef

__all__ = ["Found", "PlaceMemory", "find_places"]

_NAMED = ("GPE", "LOC", "FAC")
_MISTAGGED = ("ORG", "PERSON", "NORP")
# The fewest people of a town named only where a preposition or a list
# suggests a place ("from Cirencester"), not a locative ("in Boise").
_WEAK_LEAST = 10_000


@dataclass(frozen=True)
class Found:
    """A paragraph's toponyms, those that can be where an event is, and
    the countries demonyms name (where an event is when nothing else says)."""

    toponyms: list[Place]
    located: list[Place]
    demonyms: list[Place] = field(default_factory=list)


def find_places(
    doc: Doc,
    refs: Sequence[ActorRef],
    gazetteer: Gazetteer,
    lang: str,
    offset: int,
    context_countries: Sequence[str],
    memory: PlaceMemory | None = None,
    kb: KnowledgeBase | None = None,
) -> Found:
    """Every geocoded toponym of ``doc``, with article offsets, in text order.

    With ``kb``, the countries named inside other actors' mentions ("the
    Tunisian authorities", "Russia's embassy") are toponyms too.
    """
    grammar = get_language(lang).grammar
    finder = Finder(
        doc, gazetteer, lang, offset, context_countries,
        PlaceMemory() if memory is None else memory, grammar, kb,
    )  # fmt: skip
    by_token = {i: ref for ref in refs for i in range(ref.start, ref.end)}
    # "British Columbia", "Western Australia": one name, not its country
    named = [e for e in finder.ents if e.label_ in _NAMED]
    for place in regions_first(finder):
        finder.add(place, located=False)
    deferred = []
    for ref in refs:
        span = doc[ref.start : ref.end]
        if within(span, named) and (ref.kind in ("country", "group") or ref.capital):
            deferred.append(ref)  # the longer name first, if it is a place
            continue
        actor_places(finder, ref, kb, named)
    for place in region_places(finder):
        finder.add(place, located=True)
    for place in landmark_places(finder):
        finder.add(place, located=True)
    names = finder.memory.names
    names.update(e.text for e in finder.ents if e.label_ in ("GPE", "LOC"))
    unplaced: list[tuple[Span, bool]] = []
    for ent in finder.ents:
        actors = {by_token[i].start: by_token[i] for i in range(ent.start, ent.end)
                  if i in by_token}  # fmt: skip
        if any(named_actor(ref) for ref in actors.values()):
            # actors: handled above, but for a place inside an actor's name
            # ("the Mayor of Dubai") or an organisation's ("the Boston Police")
            inside = all(
                r.start < ent.start or r.end > ent.end for r in actors.values()
            )
            if ent.label_ in ("GPE", "LOC") and inside:
                finder.add(finder.resolve(ent, ("city", "admin1")), located=False)
            elif ent.label_ in _NAMED and all(
                within(doc[r.start : r.end], (ent,)) for r in actors.values()
            ):
                located = locative(ent.root, grammar)
                finder.add(finder.resolve(ent), located=located)
            elif ent.label_ == "ORG" and all(
                r.kind == "organisation" for r in actors.values()
            ):
                finder.add(embedded(finder, ent), located=False)
            continue
        if ent.label_ in _NAMED:
            finder.add(finder.resolve(ent), located=True)
        elif ent.label_ in _MISTAGGED:
            # "written to the Centre": a common noun's capital, not a town
            common = ent.text not in names and _determined(ent)
            if ent.text in names or (not common and locative(ent.root, grammar)):
                finder.add(finder.resolve(ent, ("city", "admin1")), located=True)
            elif not common and _governed(ent, grammar.toponym_preps):
                # "travelling from Cirencester": a toponym, not where events
                # are; a town of some size ("a letter from Smith" is no town)
                town = finder.resolve(ent, ("city", "admin1"), _WEAK_LEAST)
                finder.add(town, located=False)
            elif ent.label_ == "ORG" and not any(
                r.kind == "person" for r in actors.values()
            ):
                finder.add(embedded(finder, ent), located=False)
            unplaced.append((ent, common))
    for ent, common in unplaced:
        if ent.root.dep_ == "compound" and big_place(finder, ent.text):
            finder.add(finder.resolve(ent), located=False)  # "a Durban court"
        elif common:
            continue
        elif _listed(finder, ent):  # "Hamburg, Brasoc and Mannheim"
            town = finder.resolve(ent, ("city", "admin1"), _WEAK_LEAST)
            finder.add(town, located=False)
        else:  # "Tamil Nadu said": a region's name is no one's
            finder.add(finder.resolve(ent, ("admin1",)), located=False)
    for place in _datelines(finder, by_token):  # when not a place already
        finder.add(place, located=False)
    for ref in deferred:
        actor_places(finder, ref, kb, named)
    ordered = [finder.places[k] for k in sorted(finder.places)]
    return Found(
        toponyms=[p for p, _ in ordered],
        located=[p for p, ok in ordered if ok],
        demonyms=[finder.places[k][0] for k in sorted(finder.demonyms)],
    )


def _datelines(finder: Finder, by_token: dict[int, ActorRef]) -> list[Place]:
    """The town of a dateline, a sentence that starts with its name in
    capitals ("ATLANTA (AP) -", "KOLKATA, India -"): a toponym, not
    where the story's events are."""
    doc, found = finder.doc, []
    for sent in doc.sents:
        end = sent.start
        while end < sent.end and doc[end].is_upper and doc[end].is_alpha:
            end += 1
        if end == sent.start or end >= len(doc) or doc[end].text[:1] not in ",(-–—&":
            continue
        if any(ref.coded for i in range(sent.start, end) if (ref := by_token.get(i))):
            continue  # "NATO (the alliance)": an actor
        span = doc[sent.start : end]
        if len(span.text) < 4:
            continue
        place = finder.resolve(span, ("city", "admin1", "country"))
        if place is not None:
            found.append(place)
    return found


def _determined(name: Span) -> bool:
    """Whether a determiner starts a name or comes just before it ("the
    Centre")."""
    first = name.doc[name.start - 1] if name.start > 0 else name[0]
    return first.pos_ == "DET" or name[0].pos_ == "DET"


def _governed(name: Span, preps: frozenset[str]) -> bool:
    """Whether one of ``preps`` governs a name, or just precedes it when the
    parse went astray ("from Cirencester")."""
    if name.start > 0 and name.doc[name.start - 1].lower_ in preps:
        return True
    token = name.root
    if token.dep_ == "pobj" and token.head.lower_ in preps:
        return True
    return any(c.dep_ in ("case", "prep") and c.lower_ in preps for c in token.children)


def _listed(finder: Finder, ent: Span) -> bool:
    """Whether a name is listed with a place found ("Hamburg, Brasoc and
    Mannheim", "Tamil Nadu, Karnataka and Kerala")."""
    root = ent.root
    linked = [c for c in root.children if c.dep_ == "conj"]
    if root.dep_ == "conj":
        linked.append(root.head)
    for token in linked:
        at = finder.offset + token.idx
        if any(s <= at < e for s, e in finder.places):
            return True
    return False
