"""Language resources, one package per language with the same file names.

``get_resources(code)`` returns a ``LangResources`` bundle: the trigger
lexicon (``triggers.tsv``), modality markers (``modality.tsv``) and grammar
words (``grammar.py``). Languages are imported lazily.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from ..errors import UnsupportedLanguage
from ._lexicon import Marker, Trigger, load_lexicon, load_markers

AVAILABLE = ("en", "fr")


@dataclass(frozen=True)
class LangResources:
    """Everything language-specific that extraction needs."""

    code: str
    triggers: tuple[Trigger, ...]
    markers: dict[tuple[str, str], Marker]
    negations: frozenset[str]
    conditional_alleged: bool
    prepositions: dict[str, str] = field(default_factory=dict)
    attribution_preps: frozenset[str] = frozenset()
    pair_words: frozenset[str] = frozenset()
    index: dict[tuple[str, str], list[Trigger]] = field(default_factory=dict)

    def triggers_for(self, lemma: str, pos: str) -> list[Trigger]:
        return self.index.get((lemma, pos), [])


def _index(triggers: tuple[Trigger, ...]) -> dict[tuple[str, str], list[Trigger]]:
    index: dict[tuple[str, str], list[Trigger]] = {}
    for trigger in triggers:
        index.setdefault((trigger.lemma, trigger.pos), []).append(trigger)
    # Entries that need a particular object are tried first, reviewed ones
    # before derived ones.
    for entries in index.values():
        entries.sort(
            key=lambda t: (not t.objects, t.particle is None, t.status != "reviewed")
        )
    return index


@cache
def get_resources(code: str) -> LangResources:
    """The resources of language ``code``.

    Raises UnsupportedLanguage listing the available codes.
    """
    if code not in AVAILABLE:
        raise UnsupportedLanguage(
            f"Unknown language {code!r}. Available: {', '.join(AVAILABLE)}."
        )
    module = importlib.import_module(f"{__name__}.{code}.grammar")
    folder = Path(module.__file__).parent  # type: ignore[arg-type]
    triggers = load_lexicon(folder)
    return LangResources(
        code=code,
        triggers=triggers,
        index=_index(triggers),
        markers=load_markers(folder / "modality.tsv"),
        negations=module.NEGATIONS,
        conditional_alleged=module.CONDITIONAL_ALLEGED,
        prepositions=module.PREPOSITIONS,
        attribution_preps=module.ATTRIBUTION_PREPS,
        pair_words=module.PAIR_WORDS,
    )
