"""Language identification among the languages of the registry, with lingua.

Only lingua's models of our languages are loaded. lingua then always picks
one of them, so a text in another language is told apart by how few of its
words are function words of our languages (each language lists its own).
"""

from __future__ import annotations

import re
from functools import cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from .. import lang
from ..errors import UnsupportedLanguage

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_MIN_WORDS = 12  # below this, trust lingua alone
_MIN_SHARE = 0.08


@cache
def _codes() -> dict[Language, str]:
    """lingua's language -> our code, for the languages lingua can detect."""
    languages = (lang.get(code) for code in lang.available())
    return {getattr(Language, x.lingua): x.code for x in languages if x.lingua}


@cache
def _function_words() -> frozenset[str]:
    return frozenset().union(*(lang.get(c).function_words for c in lang.available()))


@cache
def _detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*_codes()).build()


def detect(text: str, name: str = "<input>") -> str:
    """Return the code of the language of ``text`` (``"fr"``, ``"en"``...).

    Raises UnsupportedLanguage when the text is in another language.
    """
    sample = text[:5000]
    words = [w.lower() for w in _WORD.findall(sample)]
    if not words:
        raise UnsupportedLanguage(f"{name}: no words, cannot tell the language")
    if len(words) >= _MIN_WORDS:
        function_words = _function_words()
        share = sum(w in function_words for w in words) / len(words)
        if share < _MIN_SHARE:
            raise UnsupportedLanguage(
                f"{name}: the text is neither French nor English "
                f"({share:.0%} French/English function words). Available: "
                f"{', '.join(lang.available())}; force one with --lang."
            )
    language = _detector().detect_language_of(sample)
    if language is None:
        raise UnsupportedLanguage(f"{name}: cannot tell the language of the text")
    return _codes()[language]


def check_language(code: str) -> str:
    """Return ``code`` if it is a supported language, else raise
    UnsupportedLanguage (see ``newsevents.lang.check``)."""
    return lang.check(code)
