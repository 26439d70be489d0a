"""Language identification among the languages of the registry, with lingua.

A text whose words are function words of our languages often enough (each
language lists its own) is one of ours: lingua, loaded with our languages
only, tells which. Any other text (short, or with few function words, as a
headline and a sentence can be) goes to lingua's low-accuracy models of
every spoken language, which judge its lower-case words (names say nothing
of a language): it is rejected, naming the language it looks like, when
another language is clearly the likeliest; else it is ours.
"""

from __future__ import annotations

import re
from functools import cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from .. import lang
from ..errors import UnsupportedLanguage

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_MIN_WORDS = 12  # below this, the share of function words says little
_MIN_SHARE = 0.08
_MIN_SHARE_SHORT = 0.15
_RIVAL_CONFIDENCE = 0.8  # another language is near 1.0 on a real sentence
_MIN_EVIDENCE = 4  # fewer lower-case words than this cannot tell a language


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


@cache
def _rivals() -> LanguageDetector:
    """Every spoken language, trigram models only: small and fast, loaded
    only for the texts that need them."""
    return (
        LanguageDetectorBuilder.from_all_spoken_languages()
        .with_low_accuracy_mode()
        .build()
    )


def detect(text: str, name: str = "<input>") -> str:
    """Return the code of the language of ``text`` (``"fr"``, ``"en"``...).

    Raises UnsupportedLanguage when the text is in another language.
    """
    sample = text[:5000]
    words = [w.lower() for w in _WORD.findall(sample)]
    if not words:
        raise UnsupportedLanguage(f"{name}: no words, cannot tell the language")
    function_words = _function_words()
    share = sum(w in function_words for w in words) / len(words)
    # A headline and a sentence may hold few words, but a real one holds a
    # function word or two; a share that low needs lingua's word.
    needed = _MIN_SHARE if len(words) >= _MIN_WORDS else _MIN_SHARE_SHORT
    # Names (capitalised words) say nothing of the language, and lingua's
    # trigrams take "Kim Jong Un" for Tagalog: lingua judges the others.
    evidence = [w for w in _WORD.findall(sample) if w[0].islower()]
    if share < needed and len(evidence) >= _MIN_EVIDENCE:
        confidences = _rivals().compute_language_confidence_values(" ".join(evidence))
        likeliest = confidences[0] if confidences else None
        # The text is ours unless another language is clearly likelier.
        if (
            likeliest is not None
            and likeliest.language not in _codes()
            and likeliest.value >= _RIVAL_CONFIDENCE
        ):
            raise UnsupportedLanguage(
                f"{name}: the text is neither French nor English (it looks like "
                f"{likeliest.language.name.title()}; {share:.0%} French/English "
                f"function words). Available: {', '.join(lang.available())}; "
                "force one with --lang."
            )
    language = _detector().detect_language_of(sample)
    if language is None:
        raise UnsupportedLanguage(f"{name}: cannot tell the language of the text")
    return _codes()[language]


def check_language(code: str) -> str:
    """Return ``code`` if it is a supported language, else raise
    UnsupportedLanguage (see ``newsevents.lang.check``)."""
    return lang.check(code)
