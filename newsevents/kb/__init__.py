"""The actor knowledge base (countries, people with their terms, organisations,
agent words, PETRARCH dictionaries) and the gazetteer of places, for every
language of the registry (``newsevents.lang``)."""

from __future__ import annotations

from .base import Entry, KnowledgeBase, default_kb, key, load_kb
from .gazetteer import Candidate, Gazetteer

__all__ = [
    "Candidate",
    "Entry",
    "Gazetteer",
    "KnowledgeBase",
    "default_kb",
    "key",
    "load_kb",
]
