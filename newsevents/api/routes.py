"""The JSON API. Each route checks its parameters, calls one store or
service function and returns its result; the pages call the same ones."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Literal

import duckdb
from fastapi import APIRouter, Depends, Path, Query, Request

from ..errors import StoreError
from ..lang import available
from ..models import CodedArticle
from ..store import views
from ..store.queries import EventFilter, EventRow, dyad, get_article
from .app import Coder, ResultCache, get_coder, get_conn
from .params import (
    MAX_LIMIT,
    MAX_OFFSET,
    BadParameter,
    actor_code,
    blank,
    event_filter,
    event_sort,
    next_url,
    window,
)
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
from .security import require_token

router = APIRouter(prefix="/api", tags=["api"])
Conn = Annotated[duckdb.DuckDBPyConnection, Depends(get_conn)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Page size.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")]
EventId = Annotated[int, Path(ge=1, le=2**62, description="Event id.")]


@router.get("/overview", response_model=Overview)
def overview(conn: Conn) -> dict[str, object]:
    """How many articles, events, clusters, actors and failures."""
    return {"counts": views.counts(conn)}


@router.get("/events", response_model=EventPage)
def events(
    request: Request,
    conn: Conn,
    filters: Annotated[EventFilter, Depends(event_filter)],
    sort: Annotated[str, Depends(event_sort)],
) -> dict[str, object]:
    """Events matching every filter, a page at a time, in the order asked."""
    rows, total = cached_event_page(request, conn, filters, sort)
    return {
        "items": rows,
        "total": total,
        "next": next_url(request, filters.offset, filters.limit, total),
    }


def cached_event_page(
    request: Request,
    conn: duckdb.DuckDBPyConnection,
    filters: EventFilter,
    sort: str,
) -> tuple[list[EventRow], int]:
    """``views.event_page`` through the app's caches (the database is open
    read-only): whole pages by (filter, sort), counts by filter alone."""
    pages: ResultCache = request.app.state.pages
    found = pages.get((filters, sort))
    if found is not None:
        return found  # type: ignore[no-any-return]
    counts: ResultCache = request.app.state.counts
    key = replace(filters, limit=0, offset=0)
    rows, total = views.event_page(conn, filters, sort, counts.get(key))
    counts.put(key, total)
    pages.put((filters, sort), (rows, total))
    return rows, total


@router.get("/events/{event_id}", response_model=views.EventDetail)
def event(event_id: EventId, conn: Conn) -> views.EventDetail:
    """One event with its evidence spans, its article and every report of
    the same real-world event (its cluster)."""
    return views.get_event(conn, event_id)


@router.get("/articles", response_model=ArticlePage)
def articles(
    request: Request,
    conn: Conn,
    language: Annotated[
        str | None, Query(description=" or ".join(available()) + ".")
    ] = None,
    q: Annotated[str | None, Query(description="Words in the title.")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, object]:
    """Stored articles, newest first."""
    language = blank(language)
    if language is not None and language not in available():
        raise BadParameter(f"language={language!r}: want {', '.join(available())}")
    query = blank(q)
    if query is not None and len(query) > 200:
        raise BadParameter("q: longer than 200 characters")
    rows, total = views.list_articles(conn, language, query, limit, offset)
    return {
        "items": rows,
        "total": total,
        "next": next_url(request, offset, limit, total),
    }


def load_article(conn: duckdb.DuckDBPyConnection, article_id: str) -> CodedArticle:
    """A stored article by id (or unique prefix). Raises NotFound."""
    if not article_id.isalnum() or len(article_id) > 64:
        raise BadParameter(f"article id {article_id[:70]!r}: want hex digits")
    try:
        return get_article(conn, article_id)
    except StoreError as exc:
        raise views.NotFound(str(exc).replace("`events`", "/api/articles")) from exc


@router.get("/articles/{article_id}", response_model=CodedArticle)
def article(article_id: str, conn: Conn) -> CodedArticle:
    """One article with its mentions, places, dates and events."""
    return load_article(conn, article_id)


@router.get("/actors", response_model=ActorPage)
def actors(
    request: Request,
    conn: Conn,
    prefix: Annotated[str | None, Query(description="Code prefix.")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, object]:
    """Actors by number of events, as source and as target."""
    rows, total = views.list_actors(conn, actor_code(prefix, "prefix"), limit, offset)
    return {
        "items": rows,
        "total": total,
        "next": next_url(request, offset, limit, total),
    }


@router.get("/dyads/{a}/{b}", response_model=DyadSeries)
def dyads(
    a: str,
    b: str,
    conn: Conn,
    by: Annotated[Literal["day", "week", "month"], Query()] = "month",
) -> dict[str, object]:
    """Counts per quad class and the Goldstein sum between two actors
    (code prefixes) per period, in both directions."""
    first, second = actor_code(a, "a"), actor_code(b, "b")
    assert first is not None and second is not None
    rows = dyad(conn, first, second, by)
    return {"a": first, "b": second, "by": by, "items": rows, "total": len(rows),
            "next": None}  # fmt: skip


@router.get("/places", response_model=PlacePage)
def places(
    request: Request,
    conn: Conn,
    filters: Annotated[EventFilter, Depends(event_filter)],
) -> dict[str, object]:
    """Events per place (with coordinates when known) and per country, for
    the events matching the filters."""
    rows, countries = views.places(conn, filters)
    total = filters.offset + len(rows) + (1 if len(rows) == filters.limit else 0)
    return {
        "items": rows,
        "countries": countries,
        "total": total,
        "next": next_url(request, filters.offset, filters.limit, total),
    }


@router.get("/network", response_model=NetworkOut)
def network(
    conn: Conn,
    since: Annotated[str | None, Query(description="YYYY-MM-DD.")] = None,
    until: Annotated[str | None, Query(description="YYYY-MM-DD.")] = None,
    limit: Annotated[int, Query(ge=1, le=2000, description="Most edges.")] = 200,
    min_events: Annotated[int, Query(ge=1, description="Fewest events.")] = 1,
) -> views.Network:
    """Actors and the directed edges between them, weighted by cooperation
    (quad classes 1-2) and conflict (3-4), between two dates."""
    first, last = window(since, until)
    return views.network(conn, first, last, limit, min_events)


@router.post(
    "/code", response_model=CodedArticle, dependencies=[Depends(require_token)]
)
def code(
    body: CodeRequest, coder: Annotated[Coder, Depends(get_coder)]
) -> CodedArticle:
    """Code a pasted text on the fly (nothing is stored). Requires the
    service token when the service has one."""
    language = None if body.language == "auto" else body.language
    return coder(body.text, language, body.published, body.title)
