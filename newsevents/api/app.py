"""The FastAPI application: JSON routes under ``/api/``, pages elsewhere,
our static files and the JavaScript libraries and map data installed from
npm. The DuckDB connection and the coder are dependencies, so tests can
swap them (``app.dependency_overrides``)."""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from starlette.exceptions import HTTPException

from ..errors import NewsEventsError
from ..models import CodedArticle
from ..store.connection import SharedFile
from .security import DEFAULT_MAX_BODY, BodyLimit, SecurityHeaders

HERE = Path(__file__).resolve().parent
NODE_MODULES_ENV = "NEWSEVENTS_NODE_MODULES"
# The only files served from node_modules: name in the URL -> path inside.
VENDOR = {
    "chart.umd.min.js": "chart.js/dist/chart.umd.min.js",
    "cytoscape.min.js": "cytoscape/dist/cytoscape.min.js",
    "leaflet.js": "leaflet/dist/leaflet.js",
    "leaflet.css": "leaflet/dist/leaflet.css",
    "topojson-client.min.js": "topojson-client/dist/topojson-client.min.js",
    "countries-110m.json": "world-atlas/countries-110m.json",
}
Coder = Callable[[str, str | None, date | None, str | None], CodedArticle]


class ResultCache:
    """Query results by key, at most ``size`` of them, least recently used
    dropped first; safe across the server's threads. Emptied by ``get_conn``
    whenever another process has written the database."""

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


def node_modules() -> Path:
    """Where npm installed the UI's libraries: $NEWSEVENTS_NODE_MODULES or
    the node_modules folder of the source tree."""
    given = os.environ.get(NODE_MODULES_ENV)
    return Path(given) if given else HERE.parent.parent / "node_modules"


def templates() -> Jinja2Templates:
    """The page templates. Autoescaping is on for every template: article
    text and titles are untrusted and must render inert."""
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return Jinja2Templates(env=env)


def get_conn(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    """A cursor on the app's read-only database for one request."""
    base: duckdb.DuckDBPyConnection | SharedFile | None = request.app.state.db
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


def create_app(
    db_path: str | Path | None,
    token: str | None = None,
    max_body: int = DEFAULT_MAX_BODY,
) -> FastAPI:
    """The service on the database at ``db_path``, opened read-only for each
    request (None for none: tests then override ``get_conn``). With ``token``, coding
    endpoints require it. Raises StoreError when the database cannot be
    opened."""
    from . import pages, routes

    app = FastAPI(
        title="newsevents",
        version="0.1.0",
        description=(
            "Political events coded from French and English news (CAMEO actors "
            "and event codes). List endpoints return "
            '`{"items": [...], "total": N, "next": URL or null}`.'
        ),
    )
    app.state.db = None
    if db_path is not None:
        # Let go of between requests when `ingest` or `watch` want to write.
        app.state.db = SharedFile(db_path)
    app.state.token = token
    app.state.code_lock = threading.Lock()
    app.state.counts = ResultCache()
    app.state.pages = ResultCache(size=2_000)
    app.state.templates = templates()
    app.add_middleware(BodyLimit, max_bytes=max_body)
    app.add_middleware(SecurityHeaders)
    app.include_router(routes.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.add_api_route(
        "/vendor/{name}", _vendor, methods=["GET"], include_in_schema=False
    )
    app.add_exception_handler(NewsEventsError, _error)  # type: ignore[arg-type]
    app.add_exception_handler(HTTPException, _error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _error)  # type: ignore[arg-type]
    return app


def _vendor(name: str) -> Response:
    relative = VENDOR.get(name)
    if relative is None:
        raise HTTPException(404, f"no library file {name!r}")
    path = node_modules() / relative
    if not path.is_file():
        raise HTTPException(
            404, f"{relative} is not installed; run `npm ci` (or `make demo`)"
        )
    return FileResponse(path, headers={"cache-control": "public, max-age=86400"})


def _message(exc: Exception) -> tuple[int, str]:
    if isinstance(exc, NewsEventsError):
        return exc.status, str(exc)
    if isinstance(exc, HTTPException):
        return exc.status_code, str(exc.detail)
    if isinstance(exc, RequestValidationError):
        parts = []
        for error in exc.errors():
            where = ".".join(str(p) for p in error.get("loc", ()) if p != "query")
            parts.append(f"{where}: {error.get('msg', 'invalid')}")
        return 422, "; ".join(parts) or "invalid request"
    return 500, "internal error"  # pragma: no cover


async def _error(request: Request, exc: Exception) -> Response:
    """One handler for our errors, HTTP errors and bad parameters: JSON
    under /api/, an HTML page elsewhere."""
    status, message = _message(exc)
    if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
        return JSONResponse({"error": message, "status": status}, status_code=status)
    html = request.app.state.templates.get_template("error.html").render(
        request=request, status=status, message=message, title=f"Error {status}"
    )
    return HTMLResponse(html, status_code=status)
