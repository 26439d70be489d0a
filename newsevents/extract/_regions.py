"""Admin-1 regions ("Donetsk oblast", "Benue state", "GLASGOW, Ky."),
landmarks and streets ("Trafalgar Square", "12 rue de Rivoli")."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..kb.gazetteer import to_place
from ..lang import Grammar
from ..models import Place
from ._doc import doc_text
from ._gates import may_hold
from ._place_finder import Finder, strip_article

__all__ = ["landmark_places", "region_places", "regions_first"]


def regions_first(finder: Finder) -> list[Place]:
    """Remember the admin-1 regions the paragraph names before resolving its
    towns ("Paris, Texas", "GLASGOW, Ky."); return the abbreviated ones."""
    regions = finder.memory.regions
    for ent in finder.ents:
        if ent.label_ in ("GPE", "LOC"):
            text, _ = strip_article(ent.text, finder.grammar)
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
    found: list[tuple[Token, str]] = []
    if "," not in doc_text(doc):
        return found
    # Only the tokens after a comma are visited (found in the array of words,
    # as a list: numpy costs more on a paragraph's few tokens).
    comma = doc.vocab.strings[","]
    words = doc.to_array("ORTH").tolist()
    for index in [i + 1 for i, word in enumerate(words[:-1]) if word == comma]:
        token = doc[index]
        if not token.text[:1].isupper():
            continue
        if "." in token.text:
            found.append((token, token.text[: token.text.rindex(".") + 1]))
        elif token.i + 1 < len(doc) and doc[token.i + 1].text == ".":
            found.append((token, token.text + "."))
    return found


def region_places(finder: Finder) -> list[Place]:
    """ "Donetsk oblast", "Idlib province", "région de Kherson": the admin-1
    region of the town the name is (when the gazetteer has no such region
    name of its own)."""
    doc, grammar, found = finder.doc, finder.grammar, []
    if not may_hold(doc_text(doc), grammar.region_nouns):
        return found  # most paragraphs name no region: no token visited
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


_LANDMARK_WORDS: dict[frozenset[str], re.Pattern[str]] = {}


def _landmark_tokens(doc: Doc, grammar: Grammar) -> list[Token]:
    """The tokens holding a landmark noun, found in the text (most
    paragraphs name no street: their tokens are never visited)."""
    pattern = _LANDMARK_WORDS.get(grammar.landmarks)
    if pattern is None:
        words = "|".join(sorted(map(re.escape, grammar.landmarks)))
        pattern = re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE)
        _LANDMARK_WORDS[grammar.landmarks] = pattern
    tokens: list[Token] = []
    for match in pattern.finditer(doc_text(doc)):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is not None and (not tokens or tokens[-1].i != span[0].i):
            tokens.append(span[0])
    return tokens


def landmark_places(finder: Finder) -> list[Place]:
    """Landmarks and streets, placed in the town named just after them, else
    in the article's last town (else in no town)."""
    doc, gazetteer, found = finder.doc, finder.gazetteer, []
    for token in _landmark_tokens(doc, finder.grammar):
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
