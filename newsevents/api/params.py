"""Query parameters shared by the JSON routes and the pages, checked once:
a bad value is a 400 naming the parameter, the value and what we want.
Empty values (a blank field of a page's form) count as absent."""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import Query, Request

from ..errors import BadParameter
from ..lang import available
from ..store.filters import FILTERS, EventFilter, parse_filters
from ..store.views import EVENT_SORTS

MAX_LIMIT = 500
MAX_OFFSET = 10_000_000
_ACTOR = re.compile(r"^[A-Za-z0-9]{1,32}$")


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


def _filter_dependency(paged: bool) -> Callable[..., EventFilter]:
    """A FastAPI dependency taking every filter of ``store.filters.FILTERS``
    as a query parameter (and ``limit``, ``offset`` when ``paged``), so that
    the OpenAPI schema documents each one."""
    params = [
        inspect.Parameter(
            name, inspect.Parameter.KEYWORD_ONLY, default=None,
            annotation=Annotated[str | None, Query(description=help_text)],
        )
        for name, (help_text, _) in FILTERS.items()
    ]  # fmt: skip
    if paged:
        params += [
            inspect.Parameter(
                "limit", inspect.Parameter.KEYWORD_ONLY, default=50,
                annotation=Annotated[int, Query(ge=1, le=MAX_LIMIT,
                                                description="Page size.")],
            ),
            inspect.Parameter(
                "offset", inspect.Parameter.KEYWORD_ONLY, default=0,
                annotation=Annotated[int, Query(ge=0, le=MAX_OFFSET,
                                                description="Skip.")],
            ),
        ]  # fmt: skip

    def dependency(**values: Any) -> EventFilter:
        limit, offset = values.pop("limit", 50), values.pop("offset", 0)
        return parse_filters(values, limit, offset)

    dependency.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        params, return_annotation=EventFilter
    )
    dependency.__doc__ = "The event filter of a request. Raises BadParameter."
    return dependency


# The filter of a list (with its page) and of a chart (without).
event_filter = _filter_dependency(paged=True)
chart_filter = _filter_dependency(paged=False)


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
    q: Annotated[
        str | None, Query(description="Words in the title or the text.")
    ] = None,
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
    """The size of the actor network; ``limit`` None leaves the number of
    edges to the view (fewer on the page than in the API)."""

    limit: int | None
    min_events: int


def network_query(
    limit: Annotated[
        int | None,
        Query(ge=1, le=2000, description="Most edges (200; 150 on the page)."),
    ] = None,
    min_events: Annotated[
        int, Query(ge=1, le=MAX_OFFSET, description="Fewest events.")
    ] = 1,
) -> NetworkQuery:
    """The size of the network."""
    return NetworkQuery(limit, min_events)


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
