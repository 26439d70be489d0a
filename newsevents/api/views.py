"""One view per resource, Datasette's way: a view checks its parameters
(``params``), builds its data once from the store's queries and returns a
``View``; ``render`` then writes it as JSON, as an HTML page or in a record
format (CSV...) as the request asks. ``routes`` serves each view at its
``/api/`` URL and at its page's URL."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Annotated, Any, Literal
from urllib.parse import quote, urlencode

import duckdb
from fastapi import Depends, Path, Query, Request
from fastapi.encoders import jsonable_encoder

from ..errors import InputError, NotFound, StoreError
from ..models import CodedArticle
from ..store import views as store
from ..store.filters import FILTERS, MODALITIES, EventFilter
from ..store.geo import numeric_codes
from ..store.queries import ActorRow, EventRow, get_article
from ..store.records import Records, from_dataclasses
from ..store.trends import DyadRow, dyad, dyad_undated
from .deps import Coder, ResultCache, get_conn
from .highlight import segments
from .params import (
    MAX_LIMIT,
    MAX_OFFSET,
    NetworkQuery,
    actor_code,
    article_id,
    article_query,
    chart_filter,
    event_filter,
    event_sort,
    network_query,
    next_url,
    page_url,
    wanted,
)
from .schemas import (
    ActorPage,
    ArticlePage,
    CodeRequest,
    DyadSeries,
    EventPage,
    MapOut,
    NetworkOut,
    Overview,
    PlacePage,
)

Conn = Annotated[duckdb.DuckDBPyConnection, Depends(get_conn)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Page size.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")]
EventId = Annotated[int, Path(ge=1, le=2**62, description="Event id.")]
Filters = Annotated[EventFilter, Depends(event_filter)]
ChartFilters = Annotated[EventFilter, Depends(chart_filter)]
Sort = Annotated[str, Depends(event_sort)]
Period = Annotated[Literal["day", "week", "month"], Query()]
PAGE_EDGES, API_EDGES, MAP_PLACES = 150, 200, 500
# The choices of the network page's "top N edges".
NETWORK_SIZES = (10, 25, 50, 100, 150, 300)
# The filters a form shows first; the others are under "More filters".
MAIN_FILTERS = ("actor", "target", "code", "quad", "since", "until", "q")


@dataclass(frozen=True)
class View:
    """What a view built. ``data`` is the JSON body, validated against
    ``model``; ``page`` gives the context of the HTML template (called only
    when a page is asked for); ``records`` the rows that record formats
    write (None for a resource that is not a list)."""

    name: str
    data: Any
    model: Any
    template: str | None = None
    page: Callable[[], dict[str, object]] | None = None
    records: Callable[[], Records] | None = None


def _list(
    request: Request, rows: list[Any], total: int, offset: int, limit: int
) -> dict[str, object]:
    """The body of a list: a page of items, the total and the next page."""
    return {
        "items": rows,
        "total": total,
        "next": next_url(request, offset, limit, total),
    }


def _pager(
    request: Request, offset: int, limit: int, total: int
) -> dict[str, str | None]:
    """The page's links to the previous and the next page, if any. Past
    the end, "previous" leads to the last page that has rows."""
    last_page = max(0, (total - 1) // limit * limit)
    return {
        "prev": page_url(request, offset=max(0, min(offset - limit, last_page)))
        if offset
        else None,
        "next": page_url(request, offset=offset + limit)
        if offset + limit < total
        else None,
    }


def cached_event_page(
    request: Request,
    conn: duckdb.DuckDBPyConnection,
    filters: EventFilter,
    sort: str,
) -> tuple[list[EventRow], int]:
    """``store.event_page`` through the app's caches: whole pages by
    (filter, sort), counts by filter alone, both for one version of the
    data (a database others write, PostgreSQL, changes version with every
    write; a DuckDB file open read-only never does)."""
    version = store.data_version(conn)
    pages: ResultCache = request.app.state.pages
    found = pages.get((version, filters, sort))
    if found is not None:
        return found  # type: ignore[no-any-return]
    counts: ResultCache = request.app.state.counts
    key = (version, replace(filters, limit=0, offset=0))
    rows, total = store.event_page(conn, filters, sort, counts.get(key))
    counts.put(key, total)
    pages.put((version, filters, sort), (rows, total))
    return rows, total


def overview(request: Request, conn: Conn) -> View:
    """How many articles, events, clusters, actors and failures (the page
    adds the busiest actors, the latest events and the strongest ties)."""
    counts = store.counts(conn)

    def page() -> dict[str, object]:
        actors, _ = store.list_actors(conn, None, 10, 0)
        recent, _ = cached_event_page(request, conn, EventFilter(limit=10), "-date")
        edges = store.network(conn, limit=10).edges
        return {"title": "Overview", "counts": counts, "actors": actors,
                "recent": recent, "edges": edges, "edge_url": edge_url}  # fmt: skip

    return View("overview", {"counts": counts}, Overview, "overview.html", page)


def events(request: Request, conn: Conn, filters: Filters, sort: Sort) -> View:
    """Events matching every filter, a page at a time, in the order asked."""
    rows, total = cached_event_page(request, conn, filters, sort)
    offset, limit = filters.offset, filters.limit
    data = _list(request, rows, total, offset, limit)

    def page() -> dict[str, object]:
        return {
            "title": "Events", "rows": rows, "total": total,
            **filter_form(request),
            "sorts": list(store.EVENT_SORTS),
            "sort": sort, "first": offset + 1,
            "last": offset + len(rows), **_pager(request, offset, limit, total),
            "sort_url": lambda key: page_url(request, sort=key, offset=None),
        }  # fmt: skip

    return View("events", data, EventPage, "events.html", page,
                lambda: from_dataclasses(EventRow, rows))  # fmt: skip


def event(request: Request, event_id: EventId, conn: Conn) -> View:
    """One event with its evidence spans, its article and every report of
    the same real-world event (its cluster)."""
    detail = store.get_event(conn, event_id)
    return View("event", detail, store.EventDetail, "event.html",
                lambda: {"title": f"Event {event_id}", "d": detail})  # fmt: skip


def articles(
    request: Request,
    conn: Conn,
    query: Annotated[tuple[str | None, str | None], Depends(article_query)],
    limit: Limit = 50,
    offset: Offset = 0,
) -> View:
    """Stored articles, newest first."""
    language, words = query
    rows, total = store.list_articles(conn, language, words, limit, offset)

    def page() -> dict[str, object]:
        return {"title": "Articles", "rows": rows, "total": total,
                "q": words or "", "language": language or "",
                "csv_url": page_url(request, format="csv", offset=None),
                **_pager(request, offset, limit, total)}  # fmt: skip

    return View("articles", _list(request, rows, total, offset, limit), ArticlePage,
                "articles.html", page,
                lambda: from_dataclasses(store.ArticleRow, rows))  # fmt: skip


def load_article(conn: duckdb.DuckDBPyConnection, given: str) -> CodedArticle:
    """A stored article by id (or unique prefix). Raises BadParameter or
    NotFound."""
    try:
        return get_article(conn, article_id(given))
    except StoreError as exc:
        raise NotFound(str(exc).replace("`events`", "/api/articles")) from exc


def article(request: Request, article_id: str, conn: Conn) -> View:
    """One article with its mentions, places, dates and events."""
    coded = load_article(conn, article_id)

    def page() -> dict[str, object]:
        return {
            "title": coded.article.title or coded.article.id, "coded": coded,
            "segments": segments(coded),
            "event_ids": store.article_event_ids(conn, coded.article.id),
        }  # fmt: skip

    return View("article", coded, CodedArticle, "article.html", page)


def actors(
    request: Request,
    conn: Conn,
    prefix: Annotated[str | None, Query(description="Code prefix.")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> View:
    """Actors by number of events, as source and as target."""
    rows, total = store.list_actors(conn, actor_code(prefix, "prefix"), limit, offset)

    def page() -> dict[str, object]:
        return {"title": "Actors", "rows": rows, "total": total,
                **_pager(request, offset, limit, total)}  # fmt: skip

    return View("actors", _list(request, rows, total, offset, limit), ActorPage,
                "actors.html", page,
                lambda: from_dataclasses(ActorRow, rows))  # fmt: skip


def dyads(
    request: Request,
    a: str,
    b: str,
    conn: Conn,
    filters: ChartFilters,
    by: Period = "month",
) -> View:
    """Counts per quad class and the mean Goldstein score between two
    actors (code prefixes; exact codes with ``match=exact``) per period, in
    both directions, every period from the first to the last, with any
    other filter; and how many of their events are undated."""
    first, second = actor_code(a, "a"), actor_code(b, "b")
    assert first is not None and second is not None
    rows = dyad(conn, first, second, by, filters)
    undated = dyad_undated(conn, first, second, filters)
    pair = replace(filters, actor=first, target=second, undirected=True)
    data = {"a": first, "b": second, "by": by, "items": rows, "total": len(rows),
            "next": None, "undated": undated}  # fmt: skip

    def page() -> dict[str, object]:
        return {
            "title": f"{first} / {second}", "a": first, "b": second, "by": by,
            "rows": rows, "undated": undated, "events_url": _events_url(pair),
            "match": filters.match, "data": jsonable_encoder(
                {"a": first, "b": second, "by": by, "items": rows}),
        }  # fmt: skip

    return View("dyad", data, DyadSeries, "dyad.html", page,
                lambda: from_dataclasses(DyadRow, rows))  # fmt: skip


def places(request: Request, conn: Conn, filters: Filters) -> View:
    """Events per place (with coordinates when known) and per country, for
    the events matching the filters."""
    rows, countries = store.places(conn, filters)
    total = filters.offset + len(rows) + (1 if len(rows) == filters.limit else 0)
    data = {
        "items": rows,
        "countries": countries,
        "total": total,
        "next": next_url(request, filters.offset, filters.limit, total),
    }
    return View("places", data, PlacePage,
                records=lambda: from_dataclasses(store.PlaceRow, rows))  # fmt: skip


def map_view(request: Request, conn: Conn, filters: Filters) -> View:
    """Events matching the filters on a map: countries shaded, places as
    circles by mentions (the 500 places with most events), each with how
    precisely it is located; a date slider over the database's dates."""
    places, countries = store.places(conn, replace(filters, limit=MAP_PLACES))
    data = {"places": places, "countries": countries, "numeric": numeric_codes()}

    def page() -> dict[str, object]:
        first, last = store.date_bounds(conn)
        return {"title": "Map", "places": places, "countries": countries,
                "data": jsonable_encoder({**data, "first": first, "last": last,
                                          "filters": filters.query()}),
                "place_url": lambda name: _events_url(replace(filters, place=name)),
                **filter_form(request)}  # fmt: skip

    return View("map", data, MapOut, "map.html", page,
                lambda: from_dataclasses(store.PlaceRow, places))  # fmt: skip


def network(
    request: Request,
    conn: Conn,
    filters: ChartFilters,
    query: Annotated[NetworkQuery, Depends(network_query)],
) -> View:
    """Actors and the directed edges between them (exact codes), weighted
    by cooperation (quad classes 1-2) and conflict (3-4), for the events
    matching the filters."""
    most = query.limit or (PAGE_EDGES if wanted(request) == "html" else API_EDGES)
    net = store.network(conn, filters, most, query.min_events)

    def page() -> dict[str, object]:
        context = filter_form(request)
        # The size of the network survives a new filter, and the reverse.
        context["hidden"] = {
            k: v
            for k, v in (("limit", query.limit), ("min_events", query.min_events))
            if v not in (None, 1)
        }
        names = {n.id: n.name for n in net.nodes}
        return {
            "title": "Network", "net": net, **context, "most": most,
            "sizes": NETWORK_SIZES, "min_events": query.min_events,
            "names": names, "data": jsonable_encoder(net),
            "edge_url": lambda e: edge_url(e, filters),
        }  # fmt: skip

    return View("network", net, NetworkOut, "network.html", page,
                lambda: from_dataclasses(store.Edge, net.edges))  # fmt: skip


def filter_form(request: Request) -> dict[str, object]:
    """What a page's filter form shows: each filter's value as asked, its
    help and example, and the link that downloads the list as CSV."""
    form = {k: request.query_params.get(k, "") for k in FILTERS}
    return {
        "form": form, "filters": FILTERS, "modalities": MODALITIES,
        "main": MAIN_FILTERS, "hidden": {},
        "more_open": any(v.strip() not in ("", "prefix") for k, v in form.items()
                         if k not in MAIN_FILTERS),
        "csv_url": page_url(request, format="csv", offset=None),
        "export_query": urlencode({k: v for k, v in form.items() if v.strip()}),
    }  # fmt: skip


def _events_url(filters: EventFilter) -> str:
    return "/events?" + urlencode(filters.query())


def edge_url(edge: store.Edge, filters: EventFilter | None = None) -> str:
    """The dyad page of a network edge: its two exact codes, the network's
    other filters; its counts are the edge's."""
    query = replace(filters or EventFilter(), actor=None, target=None,
                    undirected=False, match="exact").query()  # fmt: skip
    path = f"/dyads/{quote(edge.source)}/{quote(edge.target)}"
    return path + "?" + urlencode(query)


def _needs_token(request: Request) -> bool:
    return request.app.state.token is not None


def code_form(request: Request) -> View:
    """The form to paste a text and code it."""
    return View("code", {}, dict, "code.html",
                lambda: {"title": "Code a text", "form": {}, "coded": None,
                         "needs_token": _needs_token(request)})  # fmt: skip


def code(
    request: Request, body: CodeRequest, coder: Coder, form: dict[str, str]
) -> View:
    """Code a pasted text on the fly (nothing is stored); the page shows
    it highlighted, with its events."""
    if not body.text.strip():
        raise InputError("text: empty, paste an article to code")
    language = None if body.language == "auto" else body.language
    coded = coder(body.text, language, body.published, body.title)
    return View("code", coded, CodedArticle, "code.html",
                lambda: {"title": "Code a text", "form": form, "coded": coded,
                         "segments": segments(coded),
                         "needs_token": _needs_token(request)})  # fmt: skip
