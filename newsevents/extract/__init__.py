"""Extraction: from a parsed Doc to mentions, places, dates and events.

Pure and language-neutral: the words it reads come from the language
registry (``newsevents.lang``). ``extract_doc`` is the one entry point.
"""

from __future__ import annotations

from .article import ArticleContext, Extraction, extract_doc

__all__ = ["ArticleContext", "Extraction", "extract_doc"]
