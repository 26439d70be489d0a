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

__version__ = "0.1.0"

# The models load pydantic and the coder spaCy: both are imported on first
# use, so that ``newsevents --help`` and ``import newsevents`` stay fast.
_LAZY = {
    "Actor": "models",
    "Article": "models",
    "CodedArticle": "models",
    "DateRef": "models",
    "Event": "models",
    "Evidence": "models",
    "Mention": "models",
    "Place": "models",
    "code": "service",
    "code_article": "service",
    "code_articles": "service",
    "make_article": "service",
}


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'newsevents' has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f"{__name__}.{module}"), name)


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


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
