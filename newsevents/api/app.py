"""The FastAPI application: the routes (each resource as JSON under
``/api/`` and as a page), our static files and the JavaScript libraries and
map data installed from npm. The database connection and the coder are
dependencies (``deps``), so tests can swap them
(``app.dependency_overrides``)."""

from __future__ import annotations

import os
import threading
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from ..errors import NewsEventsError
from ..store.backend import is_postgres
from ..store.connection import SharedFile
from ..store.schema import connect
from .deps import HERE, ResultCache, get_coder, get_conn, templates
from .render import error, page
from .routes import router
from .security import (
    DEFAULT_MAX_BODY,
    BodyLimit,
    HeadAsGet,
    HostCheck,
    SecurityHeaders,
)

__all__ = ["create_app", "get_coder", "get_conn", "node_modules"]

NODE_MODULES_ENV = "NEWSEVENTS_NODE_MODULES"
# The only files served from node_modules: name in the URL -> path inside.
VENDOR = {
    "chart.umd.min.js": "chart.js/dist/chart.umd.min.js",
    "cytoscape.min.js": "cytoscape/dist/cytoscape.min.js",
    "leaflet.js": "leaflet/dist/leaflet.js",
    "leaflet.css": "leaflet/dist/leaflet.css",
    "topojson-client.min.js": "topojson-client/dist/topojson-client.min.js",
    "countries-110m.json": "world-atlas/countries-110m.json",
    "swagger-ui-bundle.js": "swagger-ui-dist/swagger-ui-bundle.js",
    "swagger-ui.css": "swagger-ui-dist/swagger-ui.css",
}


def node_modules() -> Path:
    """Where npm installed the UI's libraries: $NEWSEVENTS_NODE_MODULES or
    the node_modules folder of the source tree."""
    given = os.environ.get(NODE_MODULES_ENV)
    return Path(given) if given else HERE.parent.parent / "node_modules"


def create_app(
    db_path: str | Path | None,
    token: str | None = None,
    max_body: int = DEFAULT_MAX_BODY,
    allowed_hosts: frozenset[str] | None = None,
) -> FastAPI:
    """The service on the database at ``db_path``, opened read-only (None
    for none: tests then override ``get_conn``). With ``token``, coding
    endpoints require it; with ``allowed_hosts`` (``security.allowed_hosts``),
    a request naming another host is refused. Raises StoreError when the
    database cannot be opened."""
    app = FastAPI(
        # FastAPI's own /docs and /redoc load their scripts from a CDN, which
        # our content security policy blocks: /docs is ours (``_docs``).
        docs_url=None,
        redoc_url=None,
        title="newsevents",
        version="0.1.0",
        description=(
            "Political events coded from French and English news (CAMEO actors "
            "and event codes). List endpoints return "
            '`{"items": [...], "total": N, "next": URL or null}`. Every GET '
            "endpoint takes `format=`: `json` (the default under /api/), `html` "
            "(the default of the pages) or, for lists, a record format such as "
            "`csv`."
        ),
    )
    app.state.db = None
    if db_path is not None and is_postgres(str(db_path)):
        # A pool of connections; caches keyed by the data version.
        app.state.db = connect(db_path, read_only=True)
    elif db_path is not None:
        # Let go of between requests when `ingest` or `watch` want to write;
        # the caches are emptied when the file changes (``get_conn``).
        app.state.db = SharedFile(db_path)
    app.state.token = token
    app.state.code_lock = threading.Lock()
    # Event pages are cached by data version (store.views.data_version), so
    # that on PostgreSQL new events show at once.
    app.state.counts = ResultCache()
    app.state.pages = ResultCache(size=2_000)
    app.state.templates = templates()
    app.add_middleware(BodyLimit, max_bytes=max_body)
    app.add_middleware(HeadAsGet)
    if allowed_hosts is not None:
        app.add_middleware(HostCheck, allowed=allowed_hosts)
    app.add_middleware(SecurityHeaders)
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.add_api_route(
        "/vendor/{name}", _vendor, methods=["GET"], include_in_schema=False
    )
    app.add_api_route("/docs", _docs, methods=["GET"], include_in_schema=False)
    app.add_exception_handler(NewsEventsError, error)  # type: ignore[arg-type]
    app.add_exception_handler(HTTPException, error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, error)  # type: ignore[arg-type]
    return app


def _docs(request: Request) -> Response:
    """Swagger UI on /openapi.json, its script and styles from node_modules."""
    return page(request, "docs.html", {})


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
