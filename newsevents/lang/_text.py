"""The one typography table and the one name key of newsevents.

Every name lookup (knowledge base, countries, agent words, organisations,
date words, gazetteer) and the text normalisation before spaCy use these, so
that "Côte d’Ivoire" and "Côte d'Ivoire" always meet.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["APOSTROPHES", "TYPOGRAPHY", "name_key", "normalise"]

# Characters written for an apostrophe: typographic (the French one is
# U+2019), modifier letters, and the accents and primes of careless typing.
APOSTROPHES: dict[str, str] = {
    ch: "'" for ch in "\u2019\u2018\u02bc\u02bb`\u00b4\u02b9\u2032"
}

# One character for one character, so every offset stays valid.
TYPOGRAPHY = str.maketrans(
    APOSTROPHES
    | {
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u00a0": " ",  # no-break spaces, frequent around French quotes
        "\u202f": " ",
        "\u2009": " ",
        "\u2010": "-",
        "\u2013": "-",
        "\u2011": "-",
    }
)


# Any character of the table.
_TYPOGRAPHIC = re.compile("[" + re.escape("".join(map(chr, TYPOGRAPHY))) + "]")


def normalise(text: str) -> str:
    """Replace typographic quotes, apostrophes, dashes and spaces by plain ones.

    The result has exactly the same length as ``text``: offsets computed on
    it are offsets into the original.
    """
    if text.isascii():
        return text.translate(TYPOGRAPHY)  # str.translate's fast path
    # Accented text: translate looks each character up in the table, while
    # a search finds the few that are in it ten times faster.
    return _TYPOGRAPHIC.sub(_typography, text)


def _typography(match: re.Match[str]) -> str:
    return TYPOGRAPHY[ord(match.group())]


@lru_cache(maxsize=200_000)
def name_key(name: str) -> str:
    """The lookup key of a name: NFC, typography normalised, lower case, one
    space between words."""
    return " ".join(normalise(unicodedata.normalize("NFC", name)).lower().split())
