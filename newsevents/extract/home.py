"""The article's home country, and headlines in ordinary casing.

The home country is the country an article is about: unqualified national
agents and institutions ("le gouvernement", "la police", "the House") take
it. It comes, in this order, from a headline prefix ("Nigeria: ..."), the
dateline ("PARIS (AFP) -"), the outlet's country when the text does not
contradict it, else the country the text mentions most, else the language's
own (``LangResources.home``: French news that names no country). Pure: the knowledge
base and the gazetteer are passed in.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Hashable
from dataclasses import dataclass
from itertools import compress

from ..kb.base import KnowledgeBase, key
from ..kb.gazetteer import Gazetteer
from ..kb.outlets import outlet_country
from ..lang import LangResources
from ..lang import get as get_language
from ._doc import memo_for

__all__ = ["Home", "home_country", "recase_headlines"]

HomeSource = str  # "headline", "dateline", "outlet", "most mentioned", "language"

_HEAD_CHARS = 400
# "PARIS (AFP) -", "LONDRES, 12 mars (Reuters) -", "WASHINGTON -".
_DATELINE = re.compile(
    r"^\s*([A-ZÀ-Ý][A-ZÀ-Ý'.\- ]{2,40}?)\s*(?:,[^\n()]{0,30})?"
    r"\s*(?:\([A-Za-z ]{2,20}\))?\s*[-:]\s",
    re.MULTILINE,
)
# "Nigeria: ...", "Ukraine : ..." at the start of the headline.
_PREFIX = re.compile(r"^\s*([^\W\d][\w' .-]{1,40}?)\s?:\s")
_WORD = re.compile(r"[^\W\d_][\w'-]*")
_MAX_NAME_WORDS = 3
_DEMONYM_WEIGHT = 0.5
_MIN_TITLE_WORDS = 3
_TITLE_SHARE = 0.75
_LARGE_CITY = 200_000
_MIN_CITY_CHARS = 4


@dataclass(frozen=True)
class Home:
    """The article's home country (ISO alpha-3) and where it came from."""

    country: str
    source: HomeSource


def home_country(
    text: str,
    lang: str,
    kb: KnowledgeBase,
    gazetteer: Gazetteer,
    outlet: str | None = None,
) -> Home | None:
    """The country the article is about, or None when nothing says."""
    first = text.lstrip().split("\n", 1)[0]
    prefix = _PREFIX.match(first)
    if prefix is not None:
        country = _country_named(prefix.group(1), lang, kb, None)
        if country is not None:
            return Home(country, "headline")
    for line in text[:_HEAD_CHARS].split("\n")[:3]:
        match = _DATELINE.match(line)
        if match is None or not match.group(1).strip().isupper():
            continue
        country = _country_named(match.group(1).strip().title(), lang, kb, gazetteer)
        if country is not None:
            return Home(country, "dateline")
    # Counted only now: a dateline spares reading the whole text.
    actors: Counter[str] = Counter()
    counts = _mentioned(text, lang, kb, gazetteer, actors)
    # A region ("les élections européennes": EUR) is no home country.
    for code in [c for c in counts if c not in kb.countries]:
        del counts[code]
    # Ties go to the country whose people and institutions the text names
    # most: the one where its actors are, not the one it talks about.
    top = max(counts, key=lambda c: (counts[c], actors[c]), default=None)
    country = outlet_country(outlet) if outlet else None
    if (
        country is not None
        and top is not None
        and counts[country]
        and 2 * counts[country] >= counts[top]
    ):
        # The outlet's country when the text names it, unless the text is
        # about another one; a Belgian paper's story of French protests that
        # names no country stays French (the language's home, below).
        return Home(country, "outlet")
    if top is None:
        default = get_language(lang).home
        return Home(default, "language") if default else None
    return Home(top, "most mentioned")


def _country_named(
    name: str, lang: str, kb: KnowledgeBase, gazetteer: Gazetteer | None
) -> str | None:
    for entry in kb.lookup(lang, name):
        if entry.kind in ("country", "place") and entry.actor is not None:
            country = entry.actor.country
            if country and len(country) == 3 and country != "IGO":
                return country
    if gazetteer is not None:
        place = gazetteer.resolve(name, (), lang)
        if place is not None and place.country:
            return place.country
    return None


def _mentioned(
    text: str,
    lang: str,
    kb: KnowledgeBase,
    gazetteer: Gazetteer,
    actors: Counter[str] | None = None,
) -> Counter[str]:
    """How often the text names each country: its names and capitals, and
    half as much for its demonyms and home words; its large cities
    ("Bordeaux") only when nothing else names a country (they cost gazetteer
    look-ups). ``actors`` counts, for each country, the names of its people
    and institutions among them."""
    counts: Counter[str] = Counter()
    # Home words ("MPs", "bourgmestre") count as demonyms do.
    demonyms = kb.country_words(lang)
    words = _WORD.findall(text)
    others: list[str] = []
    after = 0  # the first word not taken by a name
    # Only capitalised words and demonyms count: the others are skipped
    # in one pass rather than visited one by one.
    for index in compress(range(len(words)), _counted(words, demonyms)):
        if index < after:
            continue
        word = words[index]
        word_key = key(word)
        if word[:1].isupper():
            size, country = _name_at(words, word_key, index, lang, kb)
            if country is not None:
                counts[country] += 1
                if actors is not None and _is_actor(words, index, size, lang, kb):
                    actors[country] += 1
                after = index + size
                continue
            if not demonyms.get(word_key):
                others.append(word)
                continue
        iso3 = demonyms.get(word_key)
        if iso3:
            counts[iso3] += _DEMONYM_WEIGHT  # type: ignore[assignment]
    if not counts:
        for word in others:
            iso3 = _city_country(word, gazetteer)
            if iso3:
                counts[iso3] += _DEMONYM_WEIGHT  # type: ignore[assignment]
    return counts


# Whether each word may count (``_counted``), for each table of country
# words (kept with it).
_COUNTED: dict[Hashable, tuple[tuple[object, ...], dict[str, bool]]] = {}


def _counted(words: list[str], demonyms: dict[str, str]) -> list[bool]:
    """Whether each of ``words`` may count towards a country: capitalised,
    or a demonym or home word. Each word is asked once (a memo kept with
    the table of ``demonyms``): asking every word of every text costs more
    than the rest of the counting."""
    memo: dict[str, bool] = memo_for(_COUNTED, id(demonyms), (demonyms,))
    found = list(map(memo.get, words))
    if None in found:  # words not asked yet
        for index, word in enumerate(words):
            if found[index] is None:
                found[index] = memo[word] = word[:1].isupper() or key(word) in demonyms
    return found  # type: ignore[return-value]


def _name_at(
    words: list[str], word_key: str, index: int, lang: str, kb: KnowledgeBase
) -> tuple[int, str | None]:
    """The number of words and the country of the longest name of a country
    that starts at ``words[index]`` (whose key is ``word_key``; 1 and None
    without one)."""
    # Only a word that starts a name of several words may begin one.
    if kb.starts_name(lang, words[index]):
        for size in range(_MAX_NAME_WORDS, 1, -1):
            name = " ".join(words[index : index + size])
            country = _country_of_name(name, lang, kb)
            if country is not None:
                return size, country
    if word_key not in kb.names[lang]:
        return 1, None  # no entry: spares the look-up
    return 1, _country_of_name(words[index], lang, kb)


def _is_actor(
    words: list[str], index: int, size: int, lang: str, kb: KnowledgeBase
) -> bool:
    """Whether the name at ``words[index]`` is a person's or a state
    institution's ("Downing Street"), not a country's, a capital's or a
    company's (Amazon is everywhere)."""
    name = " ".join(words[index : index + size])
    return any(
        e.kind == "person"
        or (e.actor is not None and bool(_STATE_ROLES.intersection(e.actor.roles)))
        for e in kb.lookup(lang, name)
    )


_STATE_ROLES = frozenset({"GOV", "LEG", "JUD", "MIL", "COP"})


def _city_country(word: str, gazetteer: Gazetteer) -> str | None:
    """The country of a large city of that name, the largest of its
    namesakes."""
    if len(word) < _MIN_CITY_CHARS or word.isupper():
        return None
    found = gazetteer.candidates(word)
    if not found:
        return None
    city = max(found, key=lambda c: c.population)
    if city.kind != "city" or city.population < _LARGE_CITY:
        return None
    return city.country or None


def _country_of_name(name: str, lang: str, kb: KnowledgeBase) -> str | None:
    """The country a name stands for: a country, its capital, or the
    country of a person or national institution the knowledge base knows
    ("Blair", "Bundestag")."""
    for entry in kb.lookup(lang, name):
        if entry.kind == "place" and not entry.capital:
            continue
        actor = entry.actor_at(None)
        country = actor.country if actor else None
        if country and len(country) == 3 and country != "IGO":
            return country
    return None


def recase_headlines(text: str, res: LangResources, kb: KnowledgeBase) -> str:
    """Title Case lines ("Trump Threatens to Block New Tariffs") with their
    common words in lower case, so that the parser reads verbs as verbs.
    Names the knowledge base knows, demonyms and acronyms keep their
    capitals; the text keeps its length (offsets are unchanged)."""
    lines = text.split("\n")
    if not any(_title_case(line) for line in lines):
        return text
    body = {word for word in _WORD.findall(text) if word[:1].islower()}
    common = _Common(_lexicon_words(res), body)
    out = []
    for line in lines:
        out.append(_recase(line, common, res.code, kb) if _title_case(line) else line)
    return "\n".join(out)


@dataclass(frozen=True)
class _Common:
    """The common words of a text: the language's (``_lexicon_words``)
    and the text's own lower-case words, asked in turn rather than joined
    into one set for each text (the language's are thousands)."""

    language: frozenset[str]
    text: set[str]

    def __contains__(self, word: object) -> bool:
        return word in self.language or word in self.text


# The common words of each language's resources (``_lexicon_words``).
_LEXICON_WORDS: dict[int, tuple[LangResources, object, frozenset[str]]] = {}


def _lexicon_words(res: LangResources) -> frozenset[str]:
    """The function words of a language and the lemmas of its trigger
    lexicon, derived once for each resources and lexicon index."""
    cached = _LEXICON_WORDS.get(id(res))
    if cached is None or cached[0] is not res or cached[1] is not res.index:
        words = res.function_words | {lemma for lemma, _ in res.index}
        cached = (res, res.index, words)
        _LEXICON_WORDS[id(res)] = cached
    return cached[2]


def _title_case(line: str) -> bool:
    if line.rstrip().endswith("."):
        return False  # a sentence (asked first: it spares reading the words)
    words = _WORD.findall(line)[1:]
    long = [w for w in words if len(w) >= 4 and not w.isupper()]
    if len(long) < _MIN_TITLE_WORDS:
        return False
    return sum(w[:1].isupper() for w in long) >= _TITLE_SHARE * len(long)


def _recase(line: str, common: _Common, lang: str, kb: KnowledgeBase) -> str:
    chars = list(line)
    matches = list(_WORD.finditer(line))
    demonyms = kb.demonyms.get(lang, {})
    for n, match in enumerate(matches):
        word = match.group()
        if n == 0 or not word[:1].isupper() or word.isupper():
            continue
        if kb.lookup(lang, word) or kb.starts_name(lang, word):
            continue
        if key(word) in demonyms:
            continue
        lower = word.lower()
        if any(stem in common for stem in _stems(lower)):
            chars[match.start()] = lower[0]
    return "".join(chars)


def _stems(word: str) -> tuple[str, ...]:
    """The word and the base forms it may inflect ("threatens", "blocked")."""
    forms = [word]
    for suffix, repl in (
        ("ies", "y"),
        ("es", ""),
        ("s", ""),
        ("ed", ""),
        ("ed", "e"),
        ("ing", ""),
        ("ing", "e"),
        ("d", ""),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            forms.append(word[: -len(suffix)] + repl)
    return tuple(forms)
