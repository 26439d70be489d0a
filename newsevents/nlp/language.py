"""Language identification: French or English, with lingua.

Only lingua's French and English models are loaded. lingua then always picks
one of the two, so a text in another language is told apart by how few of
its words are French or English function words.
"""

from __future__ import annotations

import re
from functools import cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from ..errors import UnsupportedLanguage

SUPPORTED = ("en", "fr")
_CODES = {Language.FRENCH: "fr", Language.ENGLISH: "en"}

# Words frequent in French or English news and rare in other languages.
_FUNCTION_WORDS = frozenset(
    """les des du et est une dans pour qui sur au aux pas ne ont avec cette
    sont été leur plus mais ses nous vous ils elles lors selon après avait
    the of and to is was for on that with by as at from has have said it its
    are were be which this their after had not but they been will would""".split()
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_MIN_WORDS = 12  # below this, trust lingua alone
_MIN_SHARE = 0.08


@cache
def _detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*_CODES).build()


def detect(text: str, name: str = "<input>") -> str:
    """Return ``"fr"`` or ``"en"`` for ``text``.

    Raises UnsupportedLanguage when the text is in another language.
    """
    sample = text[:5000]
    words = [w.lower() for w in _WORD.findall(sample)]
    if not words:
        raise UnsupportedLanguage(f"{name}: no words, cannot tell the language")
    if len(words) >= _MIN_WORDS:
        share = sum(w in _FUNCTION_WORDS for w in words) / len(words)
        if share < _MIN_SHARE:
            raise UnsupportedLanguage(
                f"{name}: the text is neither French nor English "
                f"({share:.0%} French/English function words). Available: "
                f"{', '.join(SUPPORTED)}; force one with --lang."
            )
    language = _detector().detect_language_of(sample)
    if language is None:
        raise UnsupportedLanguage(f"{name}: cannot tell the language of the text")
    return _CODES[language]


def check_language(code: str) -> str:
    """Return ``code`` if it is a supported language, else raise."""
    if code not in SUPPORTED:
        raise UnsupportedLanguage(
            f"Unknown language {code!r}. Available: {', '.join(SUPPORTED)}."
        )
    return code
