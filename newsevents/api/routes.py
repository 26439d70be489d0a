"""The URLs of the service. Each resource's view is served twice: under
``/api/`` (JSON by default, described in the OpenAPI schema) and at its
page's URL (HTML by default); ``format=`` picks another renderer. Coding a
text and downloading an export are the two routes of their own."""

from __future__ import annotations

import functools
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import parse_qs

from fastapi import APIRouter, Depends, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, Response
from pydantic import ValidationError
from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool

from ..errors import BadParameter
from ..export import FORMATS, RENDERERS, export
from ..models import CodedArticle
from ..store.views import EventDetail
from . import views
from .deps import Coder, get_coder
from .params import day, output_format
from .render import render
from .schemas import (
    ActorPage,
    ArticlePage,
    CodeRequest,
    DyadSeries,
    EventPage,
    NetworkOut,
    Overview,
    PlacePage,
)
from .security import check_token, require_token

router = APIRouter()

# view, its JSON URL and response model, its page's URL (None: no such URL).
RESOURCES: list[tuple[Callable[..., views.View], str | None, Any, str | None]] = [
    (views.overview, "/api/overview", Overview, "/"),
    (views.events, "/api/events", EventPage, "/events"),
    (views.event, "/api/events/{event_id}", EventDetail, "/events/{event_id}"),
    (views.articles, "/api/articles", ArticlePage, "/articles"),
    (views.article, "/api/articles/{article_id}", CodedArticle,
     "/articles/{article_id}"),
    (views.actors, "/api/actors", ActorPage, "/actors"),
    (views.dyads, "/api/dyads/{a}/{b}", DyadSeries, "/dyads/{a}/{b}"),
    (views.places, "/api/places", PlacePage, None),
    (views.map_view, None, None, "/map"),
    (views.network, "/api/network", NetworkOut, "/network"),
    (views.code_form, None, None, "/code"),
]  # fmt: skip


def _endpoint(view: Callable[..., views.View]) -> Callable[..., Response]:
    """The view as a FastAPI endpoint (same parameters) that renders what
    it builds."""

    @functools.wraps(view)
    def endpoint(request: Request, **params: object) -> Response:
        return render(request, view(request, **params))

    return endpoint


for _view, _api, _model, _page in RESOURCES:
    if _api is not None:
        router.add_api_route(
            _api, _endpoint(_view), methods=["GET"], response_model=_model,
            tags=["api"], dependencies=[Depends(output_format)],
        )  # fmt: skip
    if _page is not None:
        router.add_api_route(
            _page, _endpoint(_view), methods=["GET"], response_model=None,
            include_in_schema=False,
        )  # fmt: skip


@router.post(
    "/api/code",
    response_model=CodedArticle,
    tags=["api"],
    dependencies=[Depends(require_token)],
)
def code(
    request: Request, body: CodeRequest, coder: Annotated[Coder, Depends(get_coder)]
) -> Response:
    """Code a pasted text on the fly (nothing is stored). Requires the
    service token when the service has one."""
    return render(request, views.code(request, body, coder, {}))


@router.post("/code", include_in_schema=False)
async def code_submit(
    request: Request, coder: Annotated[Coder, Depends(get_coder)]
) -> Response:
    """Code the pasted text of the form and show it highlighted, with its
    events."""
    raw = (await request.body()).decode("utf-8", errors="replace")
    form = {k: v[0] for k, v in parse_qs(raw, keep_blank_values=True).items()}
    check_token(request, form.get("token"))
    try:
        body = CodeRequest(
            text=form.get("text", ""),
            language=form.get("language") or "auto",  # type: ignore[arg-type]
            published=day(form.get("published"), "published"),
        )
    except ValidationError as exc:
        raise RequestValidationError(exc.errors()) from exc
    built = await run_in_threadpool(views.code, request, body, coder, form)
    return render(request, built)


@router.get("/api/export/{name}", tags=["api"])
def download(name: str, conn: views.Conn) -> FileResponse:
    """The whole event database as a file: gdelt, plover, csv, parquet or
    geojson (the formats of ``newsevents export``)."""
    if name not in FORMATS:
        raise BadParameter(f"export {name!r}: want one of {', '.join(FORMATS)}")
    renderer = RENDERERS[name]
    handle, path = tempfile.mkstemp(suffix="." + renderer.extension)
    os.close(handle)
    export(conn, name, Path(path), force=True)
    return FileResponse(
        path,
        media_type=renderer.media_type,
        filename=f"events.{renderer.extension}",
        background=BackgroundTask(os.unlink, path),
    )
