"""Queries on the event database, as Python functions returning models or
small dataclasses. SQL takes its values as parameters only."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

from ..errors import BadQuery, StoreError
from ..models import CodedArticle
from .backend import Connection, dialect
from .filters import MODALITIES, EventFilter, event_where
from .rows import ARTICLE_COLUMNS, coded_from_rows
from .trends import DyadRow, Period, dyad, dyad_undated

__all__ = [
    "EVENT_SORTS",
    "MODALITIES",
    "ActorRow",
    "ClusterMention",
    "DyadRow",
    "EventFilter",
    "EventRow",
    "Period",
    "check_page",
    "cluster_mentions",
    "dyad",
    "dyad_undated",
    "event_where",
    "get_article",
    "like_prefix",
    "list_events",
    "top_actors",
]

# Sort keys a client may ask for; a leading "-" means descending.
EVENT_SORTS: dict[str, str] = {
    "-date": "e.event_date DESC NULLS LAST, e.id",
    "date": "e.event_date ASC NULLS LAST, e.id",
    "-goldstein": "e.goldstein DESC, e.id",
    "goldstein": "e.goldstein ASC, e.id",
    "code": "e.code, e.id",
    "-code": "e.code DESC, e.id",
    "id": "e.id",
    "-id": "e.id DESC",
}


_MAX_ROWS = 2**62  # DuckDB's LIMIT and OFFSET are signed 64-bit


def check_page(limit: int, offset: int) -> None:
    """Raise BadQuery unless ``limit`` is 1 or more and ``offset`` 0 or
    more (DuckDB would answer a negative one with a parser error)."""
    if not 1 <= limit <= _MAX_ROWS:
        raise BadQuery(f"limit {limit}: want a number of rows, 1 or more")
    if not 0 <= offset <= _MAX_ROWS:
        raise BadQuery(f"offset {offset}: want a number of rows to skip, 0 or more")


@dataclass(frozen=True)
class EventRow:
    """One coded event as listed."""

    id: int
    article_id: str
    cluster_id: int | None
    date: date | None
    source: str | None
    code: str
    target: str | None
    label: str
    quad_class: int
    goldstein: float
    modality: str
    place: str | None
    evidence: str | None
    url: str | None

    def to_json(self) -> dict[str, object]:
        out = asdict(self)
        out["date"] = self.date.isoformat() if self.date else None
        return out


@dataclass(frozen=True)
class ActorRow:
    """An actor and how often it acts and is acted on."""

    code: str
    name: str | None
    as_source: int
    as_target: int
    events: int

    def to_json(self) -> dict[str, object]:
        return asdict(self)


def like_prefix(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def list_events(
    conn: Connection, filters: EventFilter, sort: str = "-date"
) -> list[EventRow]:
    """A page of events matching every given filter, in the order ``sort``
    (a key of EVENT_SORTS; newest first by default). Raises BadQuery for an
    unknown sort."""
    order = EVENT_SORTS.get(sort)
    if order is None:
        raise BadQuery(f"sort {sort!r}: want one of {', '.join(sorted(EVENT_SORTS))}")
    check_page(filters.limit, filters.offset)
    where, params = event_where(filters, dialect(conn))
    # The top-N reads the listed columns of events alone; only the page is
    # joined to articles.
    sql = (
        "SELECT e.*, a.url FROM ("
        "SELECT e.id, e.article_id, e.cluster_id, e.event_date, e.source_code, "
        "e.code, e.target_code, e.label, e.quad_class, e.goldstein, e.modality, "
        "e.place_name, e.evidence_text FROM events e"
        + where
        + f" ORDER BY {order} LIMIT ? OFFSET ?"
        ") e LEFT JOIN articles a ON a.id = e.article_id ORDER BY " + order
    )
    rows = conn.execute(sql, [*params, filters.limit, filters.offset]).fetchall()
    return [EventRow(*row) for row in rows]


def top_actors(conn: Connection, limit: int = 20) -> list[ActorRow]:
    """The most active actors: events as source plus events as target.
    Raises BadQuery for a limit below 1."""
    check_page(limit, 0)
    rows = conn.execute(
        f"""WITH sides AS (
            SELECT source_code AS code, source_name AS name, 1 AS s, 0 AS t
            FROM events WHERE source_code IS NOT NULL
            UNION ALL
            SELECT target_code, target_name, 0, 1
            FROM events WHERE target_code IS NOT NULL)
        SELECT code, {dialect(conn).mode("name")}, sum(s), sum(t), count(*) AS n
        FROM sides GROUP BY code ORDER BY n DESC, code LIMIT ?""",
        [limit],
    ).fetchall()
    return [ActorRow(r[0], r[1], int(r[2]), int(r[3]), int(r[4])) for r in rows]


def get_article(conn: Connection, article_id: str) -> CodedArticle:
    """An article with its mentions, places, dates and events. ``article_id``
    may be a unique prefix of the id. Raises StoreError when none matches."""
    columns = ", ".join(ARTICLE_COLUMNS)
    rows = conn.execute(
        f"SELECT {columns} FROM articles WHERE id LIKE ? ESCAPE '\\' LIMIT 2",
        [like_prefix(article_id)],
    ).fetchall()
    if len(rows) != 1:
        problem = "no article" if not rows else "more than one article"
        raise StoreError(f"{problem} with id {article_id!r}; list them with `events`")
    row = rows[0]
    mentions = conn.execute(
        "SELECT * FROM mentions WHERE article_id = ? ORDER BY idx", [row[0]]
    ).fetchall()
    events = conn.execute(
        "SELECT event FROM events WHERE article_id = ? ORDER BY idx", [row[0]]
    ).fetchall()
    return coded_from_rows(row, mentions, [e[0] for e in events])


@dataclass(frozen=True)
class ClusterMention:
    """One report of a clustered event: which article, sentence and text."""

    event_id: int
    article_id: str
    sentence: int | None
    evidence: str | None
    language: str
    outlet: str | None
    url: str | None
    published: date | None


def cluster_mentions(conn: Connection, cluster_id: int) -> list[ClusterMention]:
    """Every mention of a cluster's event, in the order they were seen."""
    rows = conn.execute(
        f"""SELECT e.id, e.article_id, e.sentence, e.evidence_text, a.language,
            coalesce(a.source, {dialect(conn).host("a.url")}),
            a.url, a.published
        FROM events e JOIN articles a ON a.id = e.article_id
        WHERE e.cluster_id = ? ORDER BY a.published NULLS LAST, e.id""",
        [cluster_id],
    ).fetchall()
    return [ClusterMention(*r) for r in rows]
