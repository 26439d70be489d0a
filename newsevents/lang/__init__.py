"""The language registry, in the manner of spaCy's ``get_lang_class``.

Each language is one package ``lang/<iso>/`` with the same file names
(``__init__.py``, ``grammar.py``, ``dates.py``, ``triggers.tsv``,
``modality.tsv``, ``agents.tsv``); its ``__init__.py`` defines ``LANGUAGE``,
a ``LangResources`` with everything about it. ``get(code)`` returns it and
``available()`` lists the codes: the packages found on this package's path,
so adding a language is adding one folder. ``register()`` adds a language
built elsewhere (a plug-in).
"""

from __future__ import annotations

import importlib
import pkgutil

from ..errors import UnsupportedLanguage
from ._defaults import Grammar, LangResources
from ._lexicon import Marker, Trigger
from ._text import APOSTROPHES, TYPOGRAPHY, name_key, normalise

__all__ = [
    "APOSTROPHES",
    "TYPOGRAPHY",
    "Grammar",
    "LangResources",
    "Marker",
    "Trigger",
    "available",
    "check",
    "get",
    "get_resources",
    "name_key",
    "normalise",
    "register",
]

_REGISTRY: dict[str, LangResources] = {}


def register(language: LangResources) -> LangResources:
    """Add a language built outside ``lang/`` (returns it, for decorators)."""
    _REGISTRY[language.code] = language
    return language


def available() -> tuple[str, ...]:
    """The codes of every language, sorted: registered ones and the
    ``lang/<iso>/`` packages."""
    found = {
        info.name
        for info in pkgutil.iter_modules(__path__)
        if info.ispkg and not info.name.startswith("_")
    }
    return tuple(sorted(found | set(_REGISTRY)))


def get(code: str) -> LangResources:
    """The language ``code``: the registry first, then ``lang/<code>/``.

    Raises UnsupportedLanguage listing the available codes.
    """
    language = _REGISTRY.get(code)
    if language is not None:
        return language
    if code not in available():
        raise UnsupportedLanguage(
            f"Unknown language {code!r}. Available: {', '.join(available())}."
        )
    module = importlib.import_module(f"{__name__}.{code}")
    language = getattr(module, "LANGUAGE", None)
    if not isinstance(language, LangResources) or language.code != code:
        raise UnsupportedLanguage(
            f"Language package {module.__name__} defines no LANGUAGE for {code!r}."
        )
    return register(language)


def check(code: str) -> str:
    """Return ``code`` if it is an available language, else raise
    UnsupportedLanguage listing the available ones."""
    get(code)
    return code


# The name STYLE.md and older callers use.
get_resources = get
