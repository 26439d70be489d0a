"""The analyst's views: a trend of the events matching any filter, the
quality of the data (failed inputs, undated and ungeocoded events, events
per article by outlet and language), the CAMEO code book with the events
stored under each code, and one actor's page. Served like every view of ``views``."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote, urlencode

from fastapi import Path, Query, Request
from fastapi.encoders import jsonable_encoder

from ..errors import BadParameter
from ..kb.cameo import load_cameo
from ..store import quality as store_quality
from ..store.actors import ActorProfile, Partner, actor_profile
from ..store.quality import events_per_code
from ..store.records import from_dataclasses
from ..store.trends import TrendRow, trend
from .params import actor_code, blank
from .schemas import CodebookPage, CodebookRow, QualityOut, TrendOut
from .views import ChartFilters, Conn, Limit, Period, View, filter_form

ActorCode = Annotated[str, Path(description="Exact actor code (RUSGOV).")]


def trends(
    request: Request, conn: Conn, filters: ChartFilters, by: Period = "month"
) -> View:
    """Events matching the filters per period (day, week, month), every
    period from the first to the last (or from ``since`` to ``until``),
    zero-filled: counts per quad class, the mean Goldstein score, and the
    articles published per period beside them, to normalise by; and how
    many matching events are undated."""
    result = trend(conn, filters, by)
    data = {"by": by, "items": result.items, "total": len(result.items),
            "next": None, "undated": result.undated,
            "filters": filters.query()}  # fmt: skip

    def page() -> dict[str, object]:
        context = filter_form(request)
        context["hidden"] = {"by": by}
        return {"title": "Trends", "by": by, "rows": result.items,
                "undated": result.undated, "data": jsonable_encoder(data),
                "events_url": "/events?" + urlencode(filters.query()),
                **context}  # fmt: skip

    return View("trends", data, TrendOut, "trends.html", page,
                lambda: from_dataclasses(TrendRow, result.items))  # fmt: skip


def quality(request: Request, conn: Conn, limit: Limit = 50) -> View:
    """The quality of the data: the inputs that failed, by reason and the
    latest ones with their messages; the share of undated and ungeocoded
    events; events per article by outlet and by language."""
    report = store_quality.quality(conn, limit)
    return View("quality", report, QualityOut, "quality.html",
                lambda: {"title": "Data quality", "q": report},
                lambda: from_dataclasses(store_quality.FailureRow,
                                         report.failures))  # fmt: skip


def codebook(
    request: Request,
    conn: Conn,
    root: Annotated[
        str | None, Query(description="Only the codes under this root (14).")
    ] = None,
) -> View:
    """The CAMEO code book: every event code with its PLOVER type, quad
    class and Goldstein score, and the events stored under it."""
    given = blank(root)
    if given is not None and not (given.isdigit() and len(given) == 2):
        raise BadParameter(f"root {given!r}: want a two-digit CAMEO root like 14")
    counts = events_per_code(conn)
    rows = [
        CodebookRow(c.code, c.label, c.root, c.quad_class, c.goldstein,
                    c.plover_event, c.plover_mode, counts.get(c.code, 0))
        for c in load_cameo().values()
        if given is None or c.root == given
    ]  # fmt: skip
    data = {"items": rows, "total": len(rows), "next": None}
    return View("codebook", data, CodebookPage, "codebook.html",
                lambda: {"title": "CAMEO code book", "rows": rows,
                         "root": given or ""},
                lambda: from_dataclasses(CodebookRow, rows))  # fmt: skip


def actor(request: Request, code: ActorCode, conn: Conn) -> View:
    """One actor (exact code): the names it was written under, the people
    seen under it and their terms of office, its Wikidata id where known,
    its events as source and as target, and its busiest partners."""
    given = actor_code(code, "code")
    assert given is not None
    profile = actor_profile(conn, given)
    exact = {"match": "exact"}

    def events_url(**query: str) -> str:
        return "/events?" + urlencode({**query, **exact})

    def page() -> dict[str, object]:
        both = {"actor": given, "undirected": "1", **exact}
        return {
            "title": f"{given}" + (f" – {profile.name}" if profile.name else ""),
            "p": profile,
            "source_url": events_url(actor=given),
            "target_url": events_url(target=given),
            "trend_url": "/trends?" + urlencode(both),
            "network_url": "/network?" + urlencode(both),
            "partner_url": lambda partner: _dyad_url(given, partner),
        }  # fmt: skip

    return View("actor", profile, ActorProfile, "actor.html", page,
                lambda: from_dataclasses(Partner, profile.partners))  # fmt: skip


def _dyad_url(code: str, partner: Partner) -> str:
    return f"/dyads/{quote(code)}/{quote(partner.code)}?match=exact"
