"""The FastAPI application: the routes (each resource as JSON under
``/api/`` and as a page), our static files and the JavaScript libraries and
map data installed from npm. The DuckDB connection and the coder are
dependencies (``deps``), so tests can swap them
(``app.dependency_overrides``)."""

from __future__ import annotations

import os
import threading
from pathlib import Path

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from ..errors import NewsEventsError
from ..store.schema import connect
from .deps import HERE, ResultCache, get_coder, get_conn, templates
from .render import error
from .routes import router
from .security import DEFAULT_MAX_BODY, BodyLimit, SecurityHeaders

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
) -> FastAPI:
    """The service on the database at ``db_path``, opened read-only (None
    for none: tests then override ``get_conn``). With ``token``, coding
    endpoints require it. Raises StoreError when the database cannot be
    opened."""
    app = FastAPI(
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
    if db_path is not None:
        app.state.db = connect(db_path, read_only=True)
    app.state.token = token
    app.state.code_lock = threading.Lock()
    # Event pages are cached by data version (store.views.data_version), so
    # that on PostgreSQL new events show at once.
    app.state.counts = ResultCache()
    app.state.pages = ResultCache(size=2_000)
    app.state.templates = templates()
    app.add_middleware(BodyLimit, max_bytes=max_body)
    app.add_middleware(SecurityHeaders)
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.add_api_route(
        "/vendor/{name}", _vendor, methods=["GET"], include_in_schema=False
    )
    app.add_exception_handler(NewsEventsError, error)  # type: ignore[arg-type]
    app.add_exception_handler(HTTPException, error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, error)  # type: ignore[arg-type]
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
