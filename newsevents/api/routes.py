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
from fastapi.dependencies.models import Dependant
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, Response
from fastapi.routing import APIRoute
from pydantic import ValidationError
from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool

from ..errors import BadParameter
from ..export import FORMATS, RENDERERS, export
from ..models import CodedArticle
from ..store.actors import ActorProfile
from ..store.filters import FILTERS
from ..store.views import EventDetail
from . import analysis, views
from .deps import Coder, get_coder
from .params import day, output_format
from .render import render
from .schemas import (
    ActorPage,
    ArticlePage,
    CodebookPage,
    CodeRequest,
    DyadSeries,
    EventPage,
    NetworkOut,
    Overview,
    PlacePage,
    QualityOut,
    TrendOut,
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
    (analysis.actor, "/api/actors/{code}", ActorProfile, "/actors/{code}"),
    (views.dyads, "/api/dyads/{a}/{b}", DyadSeries, "/dyads/{a}/{b}"),
    (analysis.trends, "/api/trends", TrendOut, "/trends"),
    (analysis.quality, "/api/quality", QualityOut, "/quality"),
    (analysis.codebook, "/api/codebook", CodebookPage, "/codebook"),
    (views.places, "/api/places", PlacePage, None),
    (views.map_view, None, None, "/map"),
    (views.network, "/api/network", NetworkOut, "/network"),
    (views.code_form, None, None, "/code"),
]  # fmt: skip


# Every route takes these besides its own parameters.
_ALWAYS = frozenset({"format"})


def _endpoint(view: Callable[..., views.View]) -> Callable[..., Response]:
    """The view as a FastAPI endpoint (same parameters) that renders what
    it builds. A query parameter the route does not take is an error (400),
    never ignored: a misspelt filter would silently count everything."""
    known: set[str] = set()

    @functools.wraps(view)
    def endpoint(request: Request, **params: object) -> Response:
        unknown = sorted(set(request.query_params) - known - _ALWAYS)
        if unknown:
            raise BadParameter(
                f"unknown parameter {unknown[0]!r}: {request.url.path} takes "
                f"{', '.join(sorted(known | _ALWAYS))}"
            )
        return render(request, view(request, **params))

    endpoint.known = known  # type: ignore[attr-defined]
    return endpoint


def _add(path: str, view: Callable[..., views.View], **options: Any) -> None:
    endpoint = _endpoint(view)
    router.add_api_route(path, endpoint, methods=["GET"], **options)
    route = router.routes[-1]
    assert isinstance(route, APIRoute)
    endpoint.known.update(_query_names(route.dependant))  # type: ignore[attr-defined]


def _query_names(dependant: Dependant) -> set[str]:
    """The query parameters of a route and of all its dependencies."""
    names = {p.alias for p in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


for _view, _api, _model, _page in RESOURCES:
    if _api is not None:
        _add(_api, _view, response_model=_model, tags=["api"],
             dependencies=[Depends(output_format)])  # fmt: skip
    if _page is not None:
        _add(_page, _view, response_model=None, include_in_schema=False)


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
def download(
    name: str, conn: views.Conn, filters: views.ChartFilters, request: Request
) -> FileResponse:
    """The events matching the filters (all of them without) as a file:
    gdelt, plover, csv, parquet or geojson (the formats of ``newsevents
    export``, which takes the same filters)."""
    unknown = sorted(set(request.query_params) - set(FILTERS))
    if unknown:
        raise BadParameter(
            f"unknown parameter {unknown[0]!r}: the export takes the filters "
            f"{', '.join(FILTERS)}"
        )
    if name not in FORMATS:
        raise BadParameter(f"export {name!r}: want one of {', '.join(FORMATS)}")
    renderer = RENDERERS[name]
    handle, path = tempfile.mkstemp(suffix="." + renderer.extension)
    os.close(handle)
    export(conn, name, Path(path), force=True,
           filters=filters if filters.query() else None)  # fmt: skip
    return FileResponse(
        path,
        media_type=renderer.media_type,
        filename=f"events.{renderer.extension}",
        background=BackgroundTask(os.unlink, path),
    )
