"""Renderers of the HTTP service: a view's data as JSON (validated against
the view's model, as FastAPI would), as an HTML page (a Jinja template,
autoescaped) or in any record format of ``newsevents.export`` (CSV,
GeoJSON...); and errors, as JSON or as a page.

The format is the request's ``format`` parameter when given, else JSON
under ``/api/`` and HTML elsewhere: ``/events?format=json`` is
``/api/events``, ``/api/events?format=csv`` a CSV download."""

from __future__ import annotations

from functools import cache
from io import StringIO
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import TypeAdapter
from starlette.exceptions import HTTPException

from ..errors import BadParameter, NewsEventsError
from ..export import RENDERERS, record_formats
from .params import wanted
from .views import View


@cache
def _adapter(model: Any) -> TypeAdapter[Any]:
    return TypeAdapter(model)


def render(request: Request, view: View) -> Response:
    """The response to a request for ``view`` in the format it asks for.
    Raises BadParameter for a format the view has no renderer for."""
    fmt = wanted(request)
    if fmt == "json":
        # As FastAPI serialises a response model: validated from attributes
        # (the store's dataclasses), then written by pydantic in one pass.
        adapter = _adapter(view.model)
        value = adapter.validate_python(view.data, from_attributes=True)
        return Response(
            adapter.dump_json(value, by_alias=True), media_type="application/json"
        )
    if fmt == "html" and view.template is not None and view.page is not None:
        return page(request, view.template, view.page())
    renderer = RENDERERS.get(fmt) if fmt != "html" else None
    if renderer is None or renderer.write is None or view.records is None:
        known = ["json"] + (["html"] if view.template else [])
        if view.records is not None:
            known += record_formats()
        raise BadParameter(
            f"format={fmt!r}: {request.url.path} renders as "
            f"{', '.join(dict.fromkeys(known))}"
        )
    out = StringIO()
    renderer.write(view.records(), out)
    filename = f"{view.name}.{renderer.extension}"
    return Response(
        out.getvalue(),
        media_type=renderer.media_type,
        headers={"content-disposition": f'attachment; filename="{filename}"'},
    )


def page(request: Request, template: str, context: dict[str, object]) -> HTMLResponse:
    """A template rendered with ``context``."""
    html = request.app.state.templates.get_template(template).render(
        request=request, **context
    )
    return HTMLResponse(html)


def _message(exc: Exception, html: bool) -> tuple[int, str]:
    if isinstance(exc, NewsEventsError):
        return exc.status, str(exc)
    if isinstance(exc, HTTPException):
        return exc.status_code, str(exc.detail)
    if isinstance(exc, RequestValidationError):
        parts = []
        for error in exc.errors():
            where = ".".join(str(p) for p in error.get("loc", ()) if p != "query")
            parts.append(f"{where}: {error.get('msg', 'invalid')}")
        # FastAPI's 422 stays in the JSON API (its OpenAPI documents it); a
        # page answers every bad parameter with a plain 400.
        return 400 if html else 422, "; ".join(parts) or "invalid request"
    return 500, "internal error"  # pragma: no cover


async def error(request: Request, exc: Exception) -> Response:
    """One handler for our errors, HTTP errors and bad parameters: an HTML
    page when the request asked for a page, JSON otherwise."""
    html = wanted(request) == "html"
    status, message = _message(exc, html)
    if not html:
        return JSONResponse({"error": message, "status": status}, status_code=status)
    response = page(
        request, "error.html",
        {"status": status, "message": message, "title": f"Error {status}"},
    )  # fmt: skip
    response.status_code = status
    return response
