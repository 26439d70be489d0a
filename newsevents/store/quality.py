"""The quality of the data: the inputs that could not be coded and why,
the share of events without a date or a place on the map, and events per
article by outlet and by language (a coder that misses an outlet's style
or a language shows there)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .backend import Connection, dialect
from .queries import check_page

__all__ = [
    "FailureRow",
    "GroupRow",
    "Quality",
    "ReasonCount",
    "events_per_code",
    "failures",
    "quality",
]


@dataclass(frozen=True)
class FailureRow:
    """An input that was not coded: its file (or URL), item, reason and
    message, and when."""

    file: str
    item: str | None
    reason: str
    message: str
    failed_at: datetime


@dataclass(frozen=True)
class ReasonCount:
    """How many inputs failed for one reason."""

    reason: str
    count: int


@dataclass(frozen=True)
class GroupRow:
    """The articles of one outlet or language: how many, their events,
    events per article, and the share of their events undated and
    ungeocoded (None without events)."""

    name: str
    articles: int
    events: int
    per_article: float
    undated_share: float | None
    ungeocoded_share: float | None


@dataclass(frozen=True)
class Quality:
    """The quality report of a database."""

    failures_total: int
    reasons: list[ReasonCount]
    failures: list[FailureRow]
    events: int
    undated: int
    undated_share: float | None
    ungeocoded: int
    ungeocoded_share: float | None
    by_outlet: list[GroupRow]
    by_language: list[GroupRow]


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def failures(
    conn: Connection, limit: int = 50, reason: str | None = None
) -> tuple[list[FailureRow], int]:
    """The latest failed inputs (of one ``reason`` when given) and how many
    there are. Raises BadQuery for a bad limit."""
    check_page(limit, 0)
    where, params = (" WHERE reason = ?", [reason]) if reason else ("", [])
    rows = conn.execute(
        f"SELECT file, item, reason, message, failed_at FROM failures{where} "
        "ORDER BY failed_at DESC, file, item LIMIT ?",
        [*params, limit],
    ).fetchall()
    total = conn.execute(f"SELECT count(*) FROM failures{where}", params).fetchone()
    return [FailureRow(*r) for r in rows], int(total[0]) if total else 0


def _groups(conn: Connection, key: str) -> list[GroupRow]:
    rows = conn.execute(
        f"""SELECT {key} AS name, count(DISTINCT a.id), count(e.id),
            count(e.id) FILTER (WHERE e.event_date IS NULL),
            count(e.id) FILTER (WHERE e.lat IS NULL)
        FROM articles a LEFT JOIN events e ON e.article_id = a.id
        GROUP BY 1 ORDER BY 2 DESC, 1"""
    ).fetchall()
    return [
        GroupRow(r[0] or "(unknown)", int(r[1]), int(r[2]),
                 round(int(r[2]) / int(r[1]), 2) if r[1] else 0.0,
                 _share(int(r[3]), int(r[2])), _share(int(r[4]), int(r[2])))
        for r in rows
    ]  # fmt: skip


def quality(conn: Connection, limit: int = 50) -> Quality:
    """The quality report, with the ``limit`` latest failures. Raises
    BadQuery for a bad limit."""
    latest, total = failures(conn, limit)
    reasons = conn.execute(
        "SELECT reason, count(*) FROM failures GROUP BY 1 ORDER BY 2 DESC, 1"
    ).fetchall()
    row = conn.execute(
        "SELECT count(*), count(*) FILTER (WHERE event_date IS NULL), "
        "count(*) FILTER (WHERE lat IS NULL) FROM events"
    ).fetchone()
    events, undated, ungeocoded = (int(v) for v in row) if row else (0, 0, 0)
    host = dialect(conn).host("a.url")
    return Quality(
        failures_total=total,
        reasons=[ReasonCount(r[0], int(r[1])) for r in reasons],
        failures=latest, events=events,
        undated=undated, undated_share=_share(undated, events),
        ungeocoded=ungeocoded, ungeocoded_share=_share(ungeocoded, events),
        by_outlet=_groups(conn, f"coalesce(a.source, {host})"),
        by_language=_groups(conn, "a.language"),
    )  # fmt: skip


def events_per_code(conn: Connection) -> dict[str, int]:
    """How many stored events carry each CAMEO event code."""
    rows = conn.execute("SELECT code, count(*) FROM events GROUP BY code").fetchall()
    return {r[0]: int(r[1]) for r in rows}
