"""Evaluate newsevents against hand-checked gold files (``newsevents-gold/1``)."""

from __future__ import annotations

from .gold import (
    GoldActor,
    GoldDocument,
    GoldEvent,
    GoldLocation,
    read_gold,
)
from .score import DocScore, Match, Score, score, score_document

__all__ = [
    "DocScore",
    "GoldActor",
    "GoldDocument",
    "GoldEvent",
    "GoldLocation",
    "Match",
    "Score",
    "read_gold",
    "score",
    "score_document",
]
