"""Find and geocode the places (toponyms) of a parsed paragraph.

Toponyms are: named locations the model tags (GPE, LOC, FAC; a name it tags
ORG or PERSON counts when a locative preposition governs it, "in Boise"),
capitals and countries of the knowledge base, admin-1 regions ("Donetsk
oblast", "région de Kherson"), and landmarks and streets ("Trafalgar
Square", "la place Kim Il-sung à Pyongyang", "12 rue de Rivoli"), placed in
the town named just after them, else in the article's last town.

A country or capital that is an actor ("Russia accused Ukraine") is a
toponym too (metonymy), but only a place governed by a locative preposition
("à Pyongyang", "en Corée du Nord") or not an actor at all can be where an
event happens: those are ``Found.located``.

Each name is resolved by the gazetteer with what the article says so far:
the countries it names, the admin-1 regions it names and the towns it
placed (``PlaceMemory``); regions of the paragraph are found first, so that
"Paris, Texas" is in Texas.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..kb.base import KnowledgeBase, key
from ..kb.gazetteer import Candidate, Gazetteer, Resolution, to_place
from ..lang import Grammar
from ..lang import get as get_language
from ..models import Place
from .actors import ActorRef

__all__ = ["Found", "PlaceMemory", "find_places"]

_NAMED = ("GPE", "LOC", "FAC")
_MISTAGGED = ("ORG", "PERSON", "NORP")
# The fewest people of a town named only where a preposition or a list
# suggests a place ("from Cirencester"), not a locative ("in Boise").
_WEAK_LEAST = 10_000


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


@dataclass(frozen=True)
class Found:
    """A paragraph's toponyms, those that can be where an event is, and
    the countries demonyms name (where an event is when nothing else says)."""

    toponyms: list[Place]
    located: list[Place]
    demonyms: list[Place] = field(default_factory=list)


@dataclass
class _Finder:
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
        text, start = _strip_article(name, self.grammar)
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
    finder = _Finder(
        doc, gazetteer, lang, offset, context_countries,
        PlaceMemory() if memory is None else memory, grammar, kb,
    )  # fmt: skip
    by_token = {i: ref for ref in refs for i in range(ref.start, ref.end)}
    # "British Columbia", "Western Australia": one name, not its country
    named = [e for e in doc.ents if e.label_ in _NAMED]
    for place in _regions_first(finder):
        finder.add(place, located=False)
    deferred = []
    for ref in refs:
        span = doc[ref.start : ref.end]
        if _within(span, named) and (ref.kind in ("country", "group") or ref.capital):
            deferred.append(ref)  # the longer name first, if it is a place
            continue
        _actor_places(finder, ref, kb, named)
    for place in _regions(finder):
        finder.add(place, located=True)
    for place in _landmarks(finder):
        finder.add(place, located=True)
    names = finder.memory.names
    names.update(e.text for e in doc.ents if e.label_ in ("GPE", "LOC"))
    unplaced: list[tuple[Span, bool]] = []
    for ent in doc.ents:
        actors = {by_token[i].start: by_token[i] for i in range(ent.start, ent.end)
                  if i in by_token}  # fmt: skip
        if any(_named_actor(ref) for ref in actors.values()):
            # actors: handled above, but for a place inside an actor's name
            # ("the Mayor of Dubai") or an organisation's ("the Boston Police")
            inside = all(
                r.start < ent.start or r.end > ent.end for r in actors.values()
            )
            if ent.label_ in ("GPE", "LOC") and inside:
                finder.add(finder.resolve(ent, ("city", "admin1")), located=False)
            elif ent.label_ in _NAMED and all(
                _within(doc[r.start : r.end], (ent,)) for r in actors.values()
            ):
                located = _locative(ent.root, grammar)
                finder.add(finder.resolve(ent), located=located)
            elif ent.label_ == "ORG" and all(
                r.kind == "organisation" for r in actors.values()
            ):
                finder.add(_embedded(finder, ent), located=False)
            continue
        if ent.label_ in _NAMED:
            finder.add(finder.resolve(ent), located=True)
        elif ent.label_ in _MISTAGGED:
            # "written to the Centre": a common noun's capital, not a town
            common = ent.text not in names and _determined(ent)
            if ent.text in names or (not common and _locative(ent.root, grammar)):
                finder.add(finder.resolve(ent, ("city", "admin1")), located=True)
            elif not common and _governed(ent, grammar.toponym_preps):
                # "travelling from Cirencester": a toponym, not where events
                # are; a town of some size ("a letter from Smith" is no town)
                place = finder.resolve(ent, ("city", "admin1"), _WEAK_LEAST)
                finder.add(place, located=False)
            elif ent.label_ == "ORG" and not any(
                r.kind == "person" for r in actors.values()
            ):
                finder.add(_embedded(finder, ent), located=False)
            unplaced.append((ent, common))
    for ent, common in unplaced:
        if ent.root.dep_ == "compound" and _big_place(finder, ent.text):
            finder.add(finder.resolve(ent), located=False)  # "a Durban court"
        elif common:
            continue
        elif _listed(finder, ent):  # "Hamburg, Brasoc and Mannheim"
            place = finder.resolve(ent, ("city", "admin1"), _WEAK_LEAST)
            finder.add(place, located=False)
        else:  # "Tamil Nadu said": a region's name is no one's
            finder.add(finder.resolve(ent, ("admin1",)), located=False)
    for place in _datelines(finder, by_token):  # when not a place already
        finder.add(place, located=False)
    for ref in deferred:
        _actor_places(finder, ref, kb, named)
    ordered = [finder.places[k] for k in sorted(finder.places)]
    return Found(
        toponyms=[p for p, _ in ordered],
        located=[p for p, ok in ordered if ok],
        demonyms=[finder.places[k][0] for k in sorted(finder.demonyms)],
    )


def _actor_places(
    finder: _Finder, ref: ActorRef, kb: KnowledgeBase | None, named: list[Span]
) -> None:
    """The toponyms of an actor's mention: a country or a capital (a place
    where a locative governs it), a demonym, a regional group's continent,
    the countries and the town named inside other mentions."""
    span = finder.doc[ref.start : ref.end]
    if ref.kind == "country" and span.root.pos_ == "ADJ":
        # "the Russian army": a demonym, a toponym but never a place
        place = _country(finder, span, ref, "a demonym of")
        finder.add(place, located=False, demonym=True)
    elif ref.kind == "country" or ref.capital:
        if _locative(span.root, finder.grammar):
            place = finder.resolve(span) or _country(finder, span, ref)
            finder.add(place, located=True)
        else:  # metonymy: an actor, and a toponym
            want = ("country",) if ref.kind == "country" else ("city",)
            place = finder.resolve(span, want)
            if place is None and ref.kind == "country":
                place = _country(finder, span, ref)
            finder.add(place, located=False)
    elif ref.kind == "group":
        finder.add(_continent(finder, span, ref), located=False)
    elif kb is not None:
        for place in _inside(finder, span, kb, named):
            # "le président tunisien": a nationality, never where events are
            finder.add(place, located=False)
    if ref.kind == "organisation":  # "The Washington Post"
        finder.add(_embedded(finder, span), located=False)


def _within(words: Span | Token, names: Sequence[Span]) -> bool:
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


def _named_actor(ref: ActorRef) -> bool:
    """Whether a mention names a known actor, not a name the model took for
    a person or an organisation (which may yet be a town)."""
    return bool(ref.coded) or ref.kind in ("country", "place", "group")


def _country(
    finder: _Finder, span: Span, ref: ActorRef, what: str = "a name of"
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


def _continent(finder: _Finder, span: Span, ref: ActorRef) -> Place | None:
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


def _inside(
    finder: _Finder, span: Span, kb: KnowledgeBase, named: Sequence[Span]
) -> list[Place]:
    """The countries named inside another actor's mention: "the Tunisian
    authorities", "Russia's embassy", "Pakistan Army engineers"."""
    demonyms = kb.demonyms.get(finder.lang, {})
    found = []
    for token in span:
        if token.pos_ not in ("ADJ", "NOUN", "PROPN") or _within(token, named):
            continue
        if _starts_place(finder, token):  # "British Columbia's minister"
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


def _datelines(finder: _Finder, by_token: dict[int, ActorRef]) -> list[Place]:
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


def _starts_place(finder: _Finder, token: Token) -> bool:
    """Whether a word and the next make a place's name ("British Columbia")."""
    after = token.i + 1
    if after >= len(finder.doc) or not finder.doc[after].text[:1].isupper():
        return False
    name = finder.doc[token.i : after + 1].text
    found = finder.gazetteer.resolve(name, finder.countries, finder.lang)
    return found is not None and found.name.lower() == name.lower()


def _governed(name: Span, preps: frozenset[str]) -> bool:
    """Whether one of ``preps`` governs a name, or just precedes it when the
    parse went astray ("from Cirencester")."""
    if name.start > 0 and name.doc[name.start - 1].lower_ in preps:
        return True
    token = name.root
    if token.dep_ == "pobj" and token.head.lower_ in preps:
        return True
    return any(c.dep_ in ("case", "prep") and c.lower_ in preps for c in token.children)


def _listed(finder: _Finder, ent: Span) -> bool:
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


def _embedded(finder: _Finder, span: Span) -> Place | None:
    """A place that starts an organisation's name ("the Boston Police
    Department", "The Washington Post", merged into one token or not): a
    toponym, never an event's place. Only a country, a region or a big town
    (see ``_big_place``)."""
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
        if _big_place(finder, name):
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


def _big_place(finder: _Finder, name: str) -> bool:
    """Whether ``name`` is a country, a region, a town of 100,000+ of that
    main name or a city of a million (a name safe to take for a place inside
    another name: "New York" is New York City)."""
    found = finder.gazetteer.resolve(name, finder.countries, finder.lang)
    if found is None or found.population >= 1_000_000:
        return found is not None
    if found.name != name:
        return False
    return found.kind in ("country", "admin1") or found.population >= 100_000


def _strip_article(text: str, grammar: Grammar) -> tuple[str, int]:
    for prefix in grammar.place_articles:
        if text.lower().startswith(prefix):
            return text[len(prefix) :], len(prefix)
    return text, 0


def _regions_first(finder: _Finder) -> list[Place]:
    """Remember the admin-1 regions the paragraph names before resolving its
    towns ("Paris, Texas", "GLASGOW, Ky."); return the abbreviated ones."""
    regions = finder.memory.regions
    for ent in finder.doc.ents:
        if ent.label_ in ("GPE", "LOC"):
            text, _ = _strip_article(ent.text, finder.grammar)
            found = finder.gazetteer.resolve(text, finder.countries, finder.lang)
            if found is not None and found.kind == "admin1":
                if found.region not in regions:
                    regions.append(found.region)
    places = []
    for token, text in _abbreviations(finder.doc):
        region = finder.gazetteer.abbreviation(text)
        if region is None:
            continue
        if region.region not in regions:
            regions.append(region.region)
        at = finder.offset + token.idx
        places.append(
            to_place(
                region,
                start=at,
                end=at + len(text),
                text=text,
                why="an abbreviation of its name",
            )
        )
    return places


def _abbreviations(doc: Doc) -> list[tuple[Token, str]]:
    """The words after a comma that may abbreviate a region ("Ky.", "Man"
    then ".", "Calif.--"), with the text that would."""
    found = []
    for comma in doc[:-1]:
        if comma.text != ",":
            continue
        token = doc[comma.i + 1]
        if not token.text[:1].isupper():
            continue
        if "." in token.text:
            found.append((token, token.text[: token.text.rindex(".") + 1]))
        elif token.i + 1 < len(doc) and doc[token.i + 1].text == ".":
            found.append((token, token.text + "."))
    return found


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


def _regions(finder: _Finder) -> list[Place]:
    """ "Donetsk oblast", "Idlib province", "région de Kherson": the admin-1
    region of the town the name is (when the gazetteer has no such region
    name of its own)."""
    doc, grammar, found = finder.doc, finder.grammar, []
    for token in doc:
        if token.lower_ not in grammar.region_nouns:
            continue
        if grammar.landmark_name_first:
            name = doc[token.i - 1 : token.i] if token.i else None
            span = doc[token.i - 1 : token.i + 1] if token.i else None
        else:
            after = token.i + 1
            if after < len(doc) and doc[after].lower_ in ("de", "d'", "du"):
                after += 1
            name = doc[after : after + 1] if after < len(doc) else None
            span = doc[token.i : after + 1]
        if name is None or span is None or not name.text[:1].isupper():
            continue
        whole = finder.gazetteer.resolve(span.text, finder.countries, finder.lang)
        town = finder.gazetteer.resolve(name.text, finder.countries, finder.lang)
        region = whole if whole is not None and whole.kind == "admin1" else None
        if region is None and town is not None and town.kind == "admin1":
            region = town  # "Benue state": the region of that name
        elif region is None and town is not None and town.kind == "city":
            region = finder.gazetteer.region_of(town)
        if region is None:
            continue
        if region.region not in finder.memory.regions:
            finder.memory.regions.append(region.region)
        found.append(
            to_place(
                region,
                start=finder.offset + span.start_char,
                end=finder.offset + span.end_char,
                text=span.text,
                why=f"the admin-1 region of {name.text}",
            )
        )
    return found


def _landmark_span(doc: Doc, token: Token, grammar: Grammar) -> Span | None:
    """The name a landmark noun belongs to, or None: "Trafalgar Square" (the
    capitalised words before an English noun, never past it), "place de la
    Concorde" (the capitalised words and links after a French one)."""
    if grammar.landmark_name_first:
        if not token.text[:1].isupper():
            return None
        start = token.i
        while start > token.sent.start and (
            doc[start - 1].text[:1].isupper() and doc[start - 1].is_alpha
        ):
            start -= 1
        number = start > token.sent.start and doc[start - 1].like_num
        named = start < token.i or " " in token.text  # "Downing Street" merged
        if not named and not number:
            return None
        return doc[start - 1 if number else start : token.i + 1]
    end = token.i + 1
    while end < len(doc) and end < token.sent.end:
        word = doc[end]
        # pieces glued by hyphens ("Kim Il-sung")
        glued = not doc[end - 1].whitespace_ and (word.is_alpha or word.text == "-")
        if word.text[:1].isupper() and (word.is_alpha or "-" in word.text):
            end += 1
        elif glued or (
            word.lower_ in grammar.landmark_links
            and end + 1 < len(doc)
            and (doc[end + 1].text[:1].isupper() or doc[end + 1].lower_ in ("la",))
        ):
            end += 1
        else:
            break
    while end > token.i + 1 and doc[end - 1].lower_ in grammar.landmark_links:
        end -= 1
    if end == token.i + 1:
        return None
    start = token.i
    if start > token.sent.start and doc[start - 1].like_num:  # "12 rue de Rivoli"
        start -= 1
    return doc[start:end]


def _landmarks(finder: _Finder) -> list[Place]:
    """Landmarks and streets, placed in the town named just after them, else
    in the article's last town (else in no town)."""
    doc, gazetteer, found = finder.doc, finder.gazetteer, []
    for token in doc:
        words = token.lower_.split()  # a merged name ("Downing Street")
        if not words:  # a space or a line break
            continue
        noun = words[-1] if finder.grammar.landmark_name_first else words[0]
        if noun not in finder.grammar.landmarks:
            continue
        span = _landmark_span(doc, token, finder.grammar)
        if span is None:
            continue
        city, why = None, "no town named"
        for after in doc[span.end : min(len(doc), span.end + 4)]:
            if after.pos_ == "PROPN" and after.text[:1].isupper():
                city = gazetteer.resolve(after.text, finder.countries, finder.lang)
                if city is not None and city.kind == "city":
                    why = f"in {city.name}, named after it"
                    break
                city = None
        town = None if city is None else to_place(city)
        if town is None and finder.memory.last_town is not None:
            town = finder.memory.last_town
            why = f"in {town.name}, the town the article placed last"
        found.append(
            Place(
                name=span.text,
                kind="landmark",
                country=town.country if town else None,
                lat=town.lat if town else None,
                lon=town.lon if town else None,
                start=finder.offset + span.start_char,
                end=finder.offset + span.end_char,
                text=span.text,
                precision="landmark",
                why=why,
            )
        )
    return found
