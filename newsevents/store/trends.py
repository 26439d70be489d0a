"""Events over time, for any filter: a trend (counts per quad class and the
mean Goldstein score per period, beside the articles published in it) and
a dyad (the same, in both directions between two actors). Both count with
``filters.event_where``, as the lists do, and put every period on the
axis, zero-filled, from the filter's first day (else the first event) to
its last day (else the last event)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from datetime import date, timedelta
from typing import Literal, get_args

from ..errors import BadQuery
from .backend import Connection, dialect
from .filters import EventFilter, article_conditions, event_where, undated_filter

__all__ = [
    "PERIODS",
    "DyadRow",
    "Period",
    "Trend",
    "TrendRow",
    "dyad",
    "dyad_undated",
    "period_start",
    "periods",
    "trend",
]

Period = Literal["day", "week", "month"]
PERIODS: tuple[str, ...] = get_args(Period)
# A time axis longer than this is a mistake (days over centuries).
MAX_PERIODS = 5000
_QUADS = """count(*) FILTER (WHERE e.quad_class = 1),
    count(*) FILTER (WHERE e.quad_class = 2),
    count(*) FILTER (WHERE e.quad_class = 3),
    count(*) FILTER (WHERE e.quad_class = 4),
    avg(e.goldstein)"""


@dataclass(frozen=True)
class TrendRow:
    """The matching events of one period: how many, per quad class, their
    mean Goldstein score (None without events); and the articles published
    in the period (of the filter's languages and outlets), to normalise by:
    ``per_article`` is events per article (None without articles)."""

    period: date
    events: int
    verbal_cooperation: int
    material_cooperation: int
    verbal_conflict: int
    material_conflict: int
    goldstein_mean: float | None
    articles: int
    per_article: float | None

    def to_json(self) -> dict[str, object]:
        out = asdict(self)
        out["period"] = self.period.isoformat()
        return out


@dataclass(frozen=True)
class Trend:
    """A trend: its period, its rows and how many matching events have no
    date (and so are on no axis)."""

    by: str
    items: list[TrendRow]
    undated: int


@dataclass(frozen=True)
class DyadRow:
    """Events between two actors in one period and one direction: how many,
    per quad class, and their mean Goldstein score (None without events)."""

    period: date
    source: str
    target: str
    events: int
    verbal_cooperation: int
    material_cooperation: int
    verbal_conflict: int
    material_conflict: int
    goldstein_mean: float | None

    def to_json(self) -> dict[str, object]:
        out = asdict(self)
        out["period"] = self.period.isoformat()
        return out


def _check(by: str) -> None:
    if by not in PERIODS:
        raise BadQuery(f"by={by!r} (--by): want day, week or month")


def period_start(day: date, by: Period) -> date:
    """The first day of the period holding ``day`` (weeks start on Monday,
    as date_trunc has them)."""
    if by == "week":
        return day - timedelta(days=day.weekday())
    if by == "month":
        return day.replace(day=1)
    return day


def _next(start: date, by: Period) -> date:
    if by == "day":
        return start + timedelta(days=1)
    if by == "week":
        return start + timedelta(days=7)
    if start.month == 12:
        return start.replace(year=start.year + 1, month=1)
    return start.replace(month=start.month + 1)


def periods(first: date, last: date, by: Period) -> list[date]:
    """Every period start from the period of ``first`` to that of ``last``.
    Raises BadQuery for more than MAX_PERIODS periods."""
    out = []
    current, end = period_start(first, by), period_start(last, by)
    while current <= end:
        out.append(current)
        if len(out) > MAX_PERIODS:
            raise BadQuery(
                f"{first} to {last} by {by} is over {MAX_PERIODS} periods; "
                "narrow since/until or count by week or month"
            )
        try:
            current = _next(current, by)
        except (OverflowError, ValueError):  # past year 9999
            break
    return out


def _axis(found: list[date], filters: EventFilter) -> tuple[date, date] | None:
    """The first and last day of the time axis: the filter's window where it
    gives one, the events' otherwise (None when there is nothing to show)."""
    first = filters.since or (min(found) if found else None)
    last = filters.until or (max(found) if found else None)
    if first is None or last is None:
        return None
    return first, max(first, last)


def _mean(value: object) -> float | None:
    return round(float(value), 2) if value is not None else None  # type: ignore[arg-type]


def trend(conn: Connection, filters: EventFilter, by: Period = "month") -> Trend:
    """The events matching ``filters`` per period, zero-filled, with the
    articles published per period beside them. Raises BadQuery for an
    unknown period or too long an axis."""
    _check(by)
    sql = dialect(conn)
    where, params = event_where(filters, sql)
    dated = f"{where} AND e.event_date IS NOT NULL" if where else (
        " WHERE e.event_date IS NOT NULL")  # fmt: skip
    rows = conn.execute(
        f"SELECT date_trunc(?, e.event_date)::DATE, count(*), {_QUADS} "
        f"FROM events e{dated} GROUP BY 1",
        [by, *params],
    ).fetchall()
    found = {r[0]: r for r in rows}
    axis = _axis(list(found), filters)
    undated = _undated(conn, filters)
    if axis is None:
        return Trend(by, [], undated)
    starts = periods(axis[0], axis[1], by)
    end = _next(starts[-1], by) - timedelta(days=1) if starts[-1].year < 9999 else (
        date.max)  # fmt: skip
    article_params: list[object] = [by, starts[0], end]
    conditions = article_conditions(filters, sql, article_params)
    extra = "".join(" AND " + c for c in conditions)
    published = dict(
        conn.execute(
            "SELECT date_trunc(?, a.published)::DATE, count(*) FROM articles a "
            f"WHERE a.published BETWEEN ? AND ?{extra} GROUP BY 1",
            article_params,
        ).fetchall()
    )
    items = []
    for start in starts:
        r = found.get(start) or (start, 0, 0, 0, 0, 0, None)
        n, articles = int(r[1]), int(published.get(start, 0))
        items.append(
            TrendRow(
                period=start, events=n, verbal_cooperation=int(r[2]),
                material_cooperation=int(r[3]), verbal_conflict=int(r[4]),
                material_conflict=int(r[5]), goldstein_mean=_mean(r[6]),
                articles=articles,
                per_article=round(n / articles, 3) if articles else None,
            )
        )  # fmt: skip
    return Trend(by, items, undated)


def _undated(conn: Connection, filters: EventFilter) -> int:
    where, params = event_where(undated_filter(filters), dialect(conn))
    clause = f"{where} AND e.event_date IS NULL" if where else (
        " WHERE e.event_date IS NULL")  # fmt: skip
    row = conn.execute(f"SELECT count(*) FROM events e{clause}", params).fetchone()
    return int(row[0]) if row else 0


def _pair(a: str, b: str, filters: EventFilter | None) -> EventFilter:
    return replace(filters or EventFilter(), actor=a.upper(), target=b.upper(),
                   undirected=True)  # fmt: skip


def dyad(
    conn: Connection,
    a: str,
    b: str,
    by: Period = "month",
    filters: EventFilter | None = None,
) -> list[DyadRow]:
    """The dated events between actors ``a`` and ``b`` (any case; prefixes
    unless ``filters.match`` is exact) in both directions, per period,
    zero-filled in both directions; with the other conditions of
    ``filters``. Each row gives the count per quad class and the mean
    Goldstein score. Raises BadQuery for an unknown period."""
    _check(by)
    pair = _pair(a, b, filters)
    a, b = pair.actor or "", pair.target or ""
    where, params = event_where(pair, dialect(conn))
    forward = "e.source_code = ?" if pair.match == "exact" else (
        "starts_with(e.source_code, ?)")  # fmt: skip
    rows = conn.execute(
        f"""SELECT date_trunc(?, e.event_date)::DATE AS period,
            CASE WHEN {forward} THEN ? ELSE ? END AS src, count(*), {_QUADS}
        FROM events e{where} AND e.event_date IS NOT NULL
        GROUP BY 1, 2""",
        [by, a, a, b, *params],
    ).fetchall()
    found = {(r[0], r[1]): r for r in rows}
    axis = _axis([r[0] for r in rows], pair)
    if axis is None:
        return []
    out = []
    for period in periods(axis[0], axis[1], by):
        for source, target in ((a, b), (b, a)):
            r = found.get((period, source))
            if r is None:
                out.append(DyadRow(period, source, target, 0, 0, 0, 0, 0, None))
            else:
                out.append(
                    DyadRow(period, source, target, int(r[2]), int(r[3]), int(r[4]),
                            int(r[5]), int(r[6]), _mean(r[7]))
                )  # fmt: skip
    return out


def dyad_undated(
    conn: Connection, a: str, b: str, filters: EventFilter | None = None
) -> int:
    """How many events between ``a`` and ``b`` (both directions) have no
    date, and so are on no time axis."""
    return _undated(conn, _pair(a, b, filters))
