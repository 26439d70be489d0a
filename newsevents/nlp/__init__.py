"""The spaCy side: the pipeline of each language with our components before
the parser, language identification and text handling before spaCy.

The ``newsevents`` component (``newsevents.nlp.component``) is not imported
here: spaCy loads it through the package's ``spacy_factories`` entry point.
"""

from __future__ import annotations

from .language import check_language, detect
from .pipeline import add_components, load_bare, load_pipeline
from .text import Paragraph, decode, normalise, paragraphs

__all__ = [
    "Paragraph",
    "add_components",
    "check_language",
    "decode",
    "detect",
    "load_bare",
    "load_pipeline",
    "normalise",
    "paragraphs",
]
