"""Party words: the adjectives and nouns that name a party's member or side
without naming the party ("le député socialiste X", "les communistes",
"Conservative MP X").

Rows of ``kb/data/party_words.tsv``: ``lang word country org note``. A word
stands for the party of ``country`` and ``org`` (a row of
``organisations.tsv``) only in an article whose home country is that
country: the caller chooses (``KnowledgeBase.party``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..errors import DataError
from ..lang import available
from ._tsv import read_tsv

__all__ = ["DEFAULT_PATH", "PartyWord", "load_party_words"]

DEFAULT_PATH = Path(__file__).resolve().parent / "data" / "party_words.tsv"

_COUNTRY = re.compile(r"[A-Z]{3}")


@dataclass(frozen=True)
class PartyWord:
    """A word of ``lang`` that names the party ``org`` of ``country``."""

    lang: str
    word: str
    country: str
    org: str
    line: int = 0  # of the data file, for errors


def load_party_words(path: Path | None = None) -> tuple[PartyWord, ...]:
    """Load the party words file (ours by default, cached).

    Raises DataError naming the file and line for a bad language or country,
    an empty word or org.
    """
    if path is None:
        return _load_default()
    return _read(Path(path))


@cache
def _load_default() -> tuple[PartyWord, ...]:
    return _read(DEFAULT_PATH)


def _read(path: Path) -> tuple[PartyWord, ...]:
    out: list[PartyWord] = []
    for number, row in read_tsv(path, ("lang", "word", "country", "org")):
        if row["lang"] not in available():
            raise DataError(
                path,
                number,
                f"bad lang {row['lang']!r}: want one of {', '.join(available())}",
            )
        if not _COUNTRY.fullmatch(row["country"]):
            raise DataError(
                path, number, f"bad country {row['country']!r}: want 3 letters"
            )
        if not row["word"] or not row["org"]:
            raise DataError(path, number, "a party word needs a word and an org")
        out.append(
            PartyWord(row["lang"], row["word"], row["country"], row["org"], number)
        )
    return tuple(out)
