"""What the views depend on, as FastAPI dependencies so that tests can swap
them (``app.dependency_overrides``): a cursor on the read-only database,
the coder of pasted texts, the result caches and the page templates."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.exceptions import HTTPException

from .. import lang
from ..models import CodedArticle
from ..store.backend import Connection
from ..store.connection import SharedFile

HERE = Path(__file__).resolve().parent
Coder = Callable[[str, str | None, date | None, str | None], CodedArticle]


class ResultCache:
    """Query results by key, at most ``size`` of them, least recently used
    dropped first; safe across the server's threads. Emptied by ``get_conn``
    whenever another process has written a DuckDB file (``SharedFile``); on
    PostgreSQL, which others write while the server runs, keys hold the data
    version (``store.views.data_version``)."""

    def __init__(self, size: int = 10_000) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> Any | None:
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def put(self, key: Hashable, value: Any) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)


def templates() -> Jinja2Templates:
    """The page templates. Autoescaping is on for every template: article
    text and titles are untrusted and must render inert. A name the view
    did not pass is an error, never an empty loop."""
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["languages"] = [(c, lang.get(c).name) for c in lang.available()]
    return Jinja2Templates(env=env)


def get_conn(request: Request) -> Iterator[Connection]:
    """A cursor on the app's read-only database for one request: on a
    DuckDB file shared with writers (``SharedFile``), a cursor on its
    connection; on PostgreSQL, a connection from the app's pool."""
    base: Connection | SharedFile | None = request.app.state.db
    if base is None:
        raise HTTPException(503, "no database is open; start with --db FILE")
    if isinstance(base, SharedFile):
        if base.changed():
            # An ingest or watch wrote the file: cached results are stale.
            request.app.state.counts.clear()
            request.app.state.pages.clear()
        with base.request() as shared:
            yield shared
        return
    cursor = base.cursor()
    try:
        yield cursor
    finally:
        cursor.close()


def get_coder(request: Request) -> Coder:
    """The function that codes a pasted text. spaCy pipelines are not
    shared across threads, so one text is coded at a time."""
    lock: threading.Lock = request.app.state.code_lock

    def coder(
        text: str, language: str | None, published: date | None, title: str | None
    ) -> CodedArticle:
        from ..service import code

        with lock:
            return code(text, language, published, title=title)

    return coder
