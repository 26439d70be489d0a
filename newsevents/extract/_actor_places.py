"""The toponyms of actors' mentions: countries and capitals (metonymy),
demonyms, the continents of regional groups, the countries named inside
other mentions ("the Tunisian authorities") and the towns that start
organisations' names ("The Washington Post")."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from ..kb.base import KnowledgeBase, key
from ..kb.gazetteer import to_place
from ..models import Place
from ._place_finder import Finder, locative
from .actors import ActorRef

__all__ = ["actor_places", "big_place", "embedded", "named_actor", "within"]


def actor_places(
    finder: Finder, ref: ActorRef, kb: KnowledgeBase | None, named: list[Span]
) -> None:
    """The toponyms of an actor's mention: a country or a capital (a place
    where a locative governs it), a demonym, a regional group's continent,
    the countries and the town named inside other mentions."""
    span = finder.doc[ref.start : ref.end]
    if ref.kind == "country" and span.root.pos_ == "ADJ":
        # "un village syrien": a demonym, a toponym, where an event is only
        # when nothing else in its paragraph is (Found.demonyms)
        place = country_place(finder, span, ref, "a demonym of")
        finder.add(place, located=False, demonym=True)
    elif ref.kind == "country" or ref.capital:
        if locative(span.root, finder.grammar):
            place = finder.resolve(span) or country_place(finder, span, ref)
            finder.add(place, located=True)
        else:  # metonymy: an actor, and a toponym
            want = ("country",) if ref.kind == "country" else ("city",)
            place = finder.resolve(span, want)
            if place is None and ref.kind == "country":
                place = country_place(finder, span, ref)
            finder.add(place, located=False)
    elif ref.kind == "group":
        finder.add(continent_place(finder, span, ref), located=False)
    elif kb is not None:
        for place in inside_places(finder, span, kb, named):
            # "le président tunisien": a nationality, never where events are
            finder.add(place, located=False)
    if ref.kind == "organisation":  # "The Washington Post"
        finder.add(embedded(finder, span), located=False)


def within(words: Span | Token, names: Sequence[Span]) -> bool:
    """Whether words lie inside a longer name ("British" in "British
    Columbia")."""
    start = words.i if isinstance(words, Token) else words.start
    end = start + 1 if isinstance(words, Token) else words.end
    for name in names:
        first = name.start
        while first < name.end and name.doc[first].pos_ == "DET":
            first += 1  # "la Maison-Blanche" is no longer than "Maison-Blanche"
        if first <= start and end <= name.end and name.end - first > end - start:
            return True
    return False


def named_actor(ref: ActorRef) -> bool:
    """Whether a mention names a known actor, not a name the model took for
    a person or an organisation (which may yet be a town)."""
    return bool(ref.coded) or ref.kind in ("country", "place", "group")


def country_place(
    finder: Finder, span: Span, ref: ActorRef, what: str = "a name of"
) -> Place | None:
    """The country of a country's mention, by its code ("US", "Syrian")."""
    iso3 = ref.actors[0].country if len(ref.actors) == 1 else None
    found = None if not iso3 else finder.gazetteer.country(iso3)
    if found is None:
        return None
    return to_place(
        found,
        start=finder.offset + span.start_char,
        end=finder.offset + span.end_char,
        text=span.text,
        why=f"{what} {found.name}",
    )


def continent_place(finder: Finder, span: Span, ref: ActorRef) -> Place | None:
    """The continent a regional group stands for ("Europe", "African")."""
    if len(ref.actors) != 1 or not ref.actors[0].name:
        return None
    found = finder.gazetteer.resolve(ref.actors[0].name)
    if found is None or found.kind != "continent":
        return None
    return to_place(
        found,
        start=finder.offset + span.start_char,
        end=finder.offset + span.end_char,
        text=span.text,
        why=f"the continent of {span.text}",
    )


def inside_places(
    finder: Finder, span: Span, kb: KnowledgeBase, named: Sequence[Span]
) -> list[Place]:
    """The countries named inside another actor's mention: "the Tunisian
    authorities", "Russia's embassy", "Pakistan Army engineers"."""
    demonyms = kb.demonyms.get(finder.lang, {})
    found = []
    for token in span:
        if token.pos_ not in ("ADJ", "NOUN", "PROPN") or within(token, named):
            continue
        if starts_place(finder, token):  # "British Columbia's minister"
            continue
        iso3, what = demonyms.get(key(token.text)), "a demonym of"
        if iso3 is None:
            what = "a name of"
            iso3 = next(
                (
                    e.actor.country
                    for e in kb.lookup(finder.lang, token.text)
                    if e.kind == "country" and e.actor is not None
                ),
                None,
            )
        country = None if iso3 is None else finder.gazetteer.country(iso3)
        if country is not None:
            found.append(
                to_place(
                    country,
                    start=finder.offset + token.idx,
                    end=finder.offset + token.idx + len(token.text),
                    text=token.text,
                    why=f"{what} {country.name}",
                )
            )
    return found


def starts_place(finder: Finder, token: Token) -> bool:
    """Whether a word and the next make a place's name ("British Columbia")."""
    after = token.i + 1
    if after >= len(finder.doc) or not finder.doc[after].text[:1].isupper():
        return False
    name = finder.doc[token.i : after + 1].text
    found = finder.gazetteer.resolve(name, finder.countries, finder.lang)
    return found is not None and found.name.lower() == name.lower()


def embedded(finder: Finder, span: Span) -> Place | None:
    """A place that starts an organisation's name ("the Boston Police
    Department", "The Washington Post", merged into one token or not): a
    toponym, never an event's place. Only a country, a region or a big town
    (see ``big_place``)."""
    vocab = finder.doc.vocab
    words = [
        (token, at, word)
        for token in span
        if not token.is_punct and (token.pos_ == "PROPN" or " " in token.text)
        for at, word in _pieces(token.text)
        if not vocab[word].is_stop and word[:1].isupper()
    ]
    for size in (2, 1):
        if len(words) <= size:
            continue
        (first, at, _), (last, end, word) = words[0], words[size - 1]
        end += len(word)
        if first is last:
            name = first.text[at:end]
        elif at == 0 and end == len(last.text):
            name = finder.doc[first.i : last.i + 1].text
        else:
            continue
        if big_place(finder, name):
            return finder.resolve_at(first.idx + at, name)
    return None


def _pieces(text: str) -> list[tuple[int, str]]:
    """The words of a token (several in a merged name), with their offsets."""
    out, at = [], 0
    for word in text.split(" "):
        if word:
            out.append((at, word))
        at += len(word) + 1
    return out


def big_place(finder: Finder, name: str) -> bool:
    """Whether ``name`` is a country, a region, a town of 100,000+ of that
    main name or a city of a million (a name safe to take for a place inside
    another name: "New York" is New York City)."""
    found = finder.gazetteer.resolve(name, finder.countries, finder.lang)
    if found is None or found.population >= 1_000_000:
        return found is not None
    if found.name != name:
        return False
    return found.kind in ("country", "admin1") or found.population >= 100_000
