"""The analyst's views: a trend of the events matching any filter, and the
quality of the data (failed inputs, undated and ungeocoded events, events
per article by outlet and language). Served like every view of ``views``."""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import Request
from fastapi.encoders import jsonable_encoder

from ..store import quality as store_quality
from ..store.records import from_dataclasses
from ..store.trends import TrendRow, trend
from .schemas import QualityOut, TrendOut
from .views import ChartFilters, Conn, Limit, Period, View, filter_form


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
