"""newsevents: French and English news into structured political event data."""

from __future__ import annotations

from .errors import (
    BinaryInput,
    DataError,
    EmptyInput,
    InputError,
    NewsEventsError,
    UndecodableInput,
    UnsupportedLanguage,
)
from .models import (
    Actor,
    Article,
    CodedArticle,
    DateRef,
    Event,
    Evidence,
    Mention,
    Place,
)
from .service import code, code_article, code_articles, make_article

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Article",
    "BinaryInput",
    "CodedArticle",
    "DataError",
    "DateRef",
    "EmptyInput",
    "Event",
    "Evidence",
    "InputError",
    "Mention",
    "NewsEventsError",
    "Place",
    "UndecodableInput",
    "UnsupportedLanguage",
    "code",
    "code_article",
    "code_articles",
    "make_article",
]
