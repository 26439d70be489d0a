"""Words tied to one country: party words and home words.

Party words (``kb/data/party_words.tsv``: ``lang word country org note``)
name a party's member or side without naming the party ("le député
socialiste X", "les communistes", "Conservative MP X"). A word stands for
the party of ``country`` and ``org`` (a row of ``organisations.tsv``) only
in an article whose home country is that country: the caller chooses
(``KnowledgeBase.party``).

Home words (``kb/data/home_words.tsv``: ``lang word country note``) are
words of one country's institutions ("MPs", "la bourgmestre") that count
towards an article's home country as a demonym does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..errors import DataError
from ._tsv import check_lang, read_tsv

__all__ = [
    "HOME_WORDS",
    "PARTY_WORDS",
    "HomeWord",
    "PartyWord",
    "load_home_words",
    "load_party_words",
]

_DATA = Path(__file__).resolve().parent / "data"
PARTY_WORDS = _DATA / "party_words.tsv"
HOME_WORDS = _DATA / "home_words.tsv"

_COUNTRY = re.compile(r"[A-Z]{3}")


@dataclass(frozen=True)
class PartyWord:
    """A word of ``lang`` that names the party ``org`` of ``country``."""

    lang: str
    word: str
    country: str
    org: str
    line: int = 0  # of the data file, for errors


@dataclass(frozen=True)
class HomeWord:
    """A word of ``lang`` that says an article is set in ``country``."""

    lang: str
    word: str
    country: str


def load_party_words(path: Path | None = None) -> tuple[PartyWord, ...]:
    """Load a party words file (ours by default, cached).

    Raises DataError naming the file and line for a bad language or country,
    an empty word or org.
    """
    if path is None:
        return _default_party_words()
    return _read_party_words(Path(path))


def load_home_words(path: Path | None = None) -> tuple[HomeWord, ...]:
    """Load a home words file (ours by default, cached).

    Raises DataError naming the file and line for a bad language or country,
    an empty word or a word of several.
    """
    if path is None:
        return _default_home_words()
    out = []
    for number, row in _rows(Path(path), ("lang", "word", "country")):
        if " " in row["word"]:
            raise DataError(path, number, f"{row['word']!r}: one word only")
        out.append(HomeWord(row["lang"], row["word"], row["country"]))
    return tuple(out)


@cache
def _default_party_words() -> tuple[PartyWord, ...]:
    return _read_party_words(PARTY_WORDS)


@cache
def _default_home_words() -> tuple[HomeWord, ...]:
    return load_home_words(HOME_WORDS)


def _read_party_words(path: Path) -> tuple[PartyWord, ...]:
    out = []
    for number, row in _rows(path, ("lang", "word", "country", "org")):
        if not row["org"]:
            raise DataError(path, number, "a party word needs an org")
        out.append(
            PartyWord(row["lang"], row["word"], row["country"], row["org"], number)
        )
    return tuple(out)


def _rows(
    path: Path, required: tuple[str, ...]
) -> Iterator[tuple[int, dict[str, str]]]:
    """The rows of a words file, their language, word and country checked."""
    for number, row in read_tsv(path, required):
        check_lang(path, number, row["lang"])
        if not _COUNTRY.fullmatch(row["country"]):
            raise DataError(
                path, number, f"bad country {row['country']!r}: want 3 letters"
            )
        if not row["word"]:
            raise DataError(path, number, "no word")
        yield number, row
