"""Query parameters shared by the JSON routes and the pages, checked once:
a bad value is a 400 naming the parameter, the value and what we want.
Empty values (a blank field of a page's form) count as absent."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Annotated
from urllib.parse import urlencode

from fastapi import Query, Request

from ..errors import BadParameter
from ..lang import available
from ..store.queries import EventFilter
from ..store.views import EVENT_SORTS, MODALITIES

MAX_LIMIT = 500
MAX_OFFSET = 10_000_000
_ACTOR = re.compile(r"^[A-Za-z0-9]{1,32}$")
_CODE = re.compile(r"^[0-9]{1,4}[A-Za-z]?$")


def blank(value: str | None) -> str | None:
    """None for a missing or blank value, else the value stripped."""
    if value is None or not value.strip():
        return None
    return value.strip()


def actor_code(value: str | None, name: str) -> str | None:
    """An actor code prefix in upper case. Raises BadParameter."""
    value = blank(value)
    if value is None:
        return None
    if not _ACTOR.match(value):
        raise BadParameter(
            f"{name}={value!r}: want a CAMEO actor code prefix such as RUS or FRAGOV"
        )
    return value.upper()


def day(value: str | None, name: str) -> date | None:
    """A date given as YYYY-MM-DD. Raises BadParameter."""
    value = blank(value)
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise BadParameter(f"{name}={value!r}: want a date as YYYY-MM-DD") from None


def window(since: str | None, until: str | None) -> tuple[date | None, date | None]:
    """A date range. Raises BadParameter when it is empty."""
    first, last = day(since, "since"), day(until, "until")
    if first and last and first > last:
        raise BadParameter(f"since={first} is after until={last}; swap them")
    return first, last


def event_filter(
    actor: Annotated[
        str | None, Query(description="Source actor code prefix (RUS, FRAGOV).")
    ] = None,
    target: Annotated[str | None, Query(description="Target actor prefix.")] = None,
    code: Annotated[
        str | None, Query(description="CAMEO event code prefix (04, 042).")
    ] = None,
    since: Annotated[str | None, Query(description="First day, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, Query(description="Last day, YYYY-MM-DD.")] = None,
    place: Annotated[
        str | None, Query(description="Place name or ISO alpha-3 country.")
    ] = None,
    modality: Annotated[
        str | None, Query(description="asserted, negated, planned...")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Page size.")] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Skip.")] = 0,
) -> EventFilter:
    """The event filter of a request. Raises BadParameter."""
    first, last = window(since, until)
    code = blank(code)
    if code is not None and not _CODE.match(code):
        raise BadParameter(f"code={code!r}: want a CAMEO event code prefix like 042")
    place = blank(place)
    if place is not None and len(place) > 100:
        raise BadParameter("place: longer than 100 characters")
    modality = blank(modality)
    if modality is not None and modality not in MODALITIES:
        raise BadParameter(
            f"modality={modality!r}: want one of {', '.join(MODALITIES)}"
        )
    return EventFilter(
        actor=actor_code(actor, "actor"), target=actor_code(target, "target"),
        code=code, since=first, until=last, place=place, modality=modality,
        limit=limit, offset=offset,
    )  # fmt: skip


def event_sort(
    sort: Annotated[
        str, Query(description=f"One of {', '.join(EVENT_SORTS)}; - is descending.")
    ] = "-date",
) -> str:
    """The sort key of an event list. Raises BadParameter."""
    sort = blank(sort) or "-date"
    if sort not in EVENT_SORTS:
        raise BadParameter(f"sort={sort!r}: want one of {', '.join(EVENT_SORTS)}")
    return sort


def page_url(request: Request, **changes: object) -> str:
    """This request's path and query with some parameters changed (None
    removes one): the ``next`` link of a list and the pager of a page."""
    params = dict(request.query_params)
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = str(value)
    query = urlencode({k: v for k, v in params.items() if v != ""})
    return request.url.path + ("?" + query if query else "")


def next_url(request: Request, offset: int, limit: int, total: int) -> str | None:
    """The URL of the next page, or None on the last one."""
    if offset + limit >= total:
        return None
    return page_url(request, offset=offset + limit, limit=limit)


def article_query(
    language: Annotated[
        str | None, Query(description=" or ".join(available()) + ".")
    ] = None,
    q: Annotated[str | None, Query(description="Words in the title.")] = None,
) -> tuple[str | None, str | None]:
    """The language and title words an article list is filtered by.
    Raises BadParameter."""
    language = blank(language)
    if language is not None and language not in available():
        raise BadParameter(f"language={language!r}: want {', '.join(available())}")
    query = blank(q)
    if query is not None and len(query) > 200:
        raise BadParameter("q: longer than 200 characters")
    return language, query


def article_id(value: str) -> str:
    """An article id or a prefix of one. Raises BadParameter."""
    if not value.isalnum() or len(value) > 64:
        raise BadParameter(f"article id {value[:70]!r}: want hex digits")
    return value


@dataclass(frozen=True)
class NetworkQuery:
    """The window and size of the actor network; ``limit`` None leaves the
    number of edges to the view (fewer on the page than in the API)."""

    since: date | None
    until: date | None
    limit: int | None
    min_events: int


def network_query(
    since: Annotated[str | None, Query(description="YYYY-MM-DD.")] = None,
    until: Annotated[str | None, Query(description="YYYY-MM-DD.")] = None,
    limit: Annotated[
        int | None,
        Query(ge=1, le=2000, description="Most edges (200; 150 on the page)."),
    ] = None,
    min_events: Annotated[
        int, Query(ge=1, le=MAX_OFFSET, description="Fewest events.")
    ] = 1,
) -> NetworkQuery:
    """The parameters of the network. Raises BadParameter."""
    first, last = window(since, until)
    return NetworkQuery(first, last, limit, min_events)


def output_format(
    format: Annotated[
        str | None,
        Query(
            description="json (the default under /api/), html (elsewhere), or a "
            "record format such as csv for lists.",
        ),
    ] = None,
) -> str | None:
    """Documents the ``format`` parameter; ``render.wanted`` reads it."""
    return format


def wanted(request: Request) -> str:
    """The format a request asks for: its ``format`` parameter, else json
    under ``/api/`` and html elsewhere."""
    given = blank(request.query_params.get("format"))
    if given is not None:
        return given.lower()
    path = request.url.path
    return "json" if path.startswith("/api/") or path == "/openapi.json" else "html"
