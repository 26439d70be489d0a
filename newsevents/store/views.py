"""Queries behind the HTTP API and the web pages: event pages with totals
and a sort, one event with its reports, articles, actors, place aggregates
and the actor network. SQL takes its values as parameters only; sort orders
come from a fixed table, never from the request."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

from ..errors import BadQuery, NotFound
from ..models import Event
from .backend import Connection, dialect
from .filters import MODALITIES, EventFilter, event_where
from .queries import (
    EVENT_SORTS,
    ActorRow,
    ClusterMention,
    EventRow,
    check_page,
    cluster_mentions,
    like_prefix,
    list_events,
)

__all__ = [
    "EVENT_SORTS",
    "MODALITIES",
    "ArticleRow",
    "BadQuery",
    "CountryRow",
    "Counts",
    "Edge",
    "EventDetail",
    "Network",
    "Node",
    "NotFound",
    "PlaceRow",
    "actor_names",
    "article_event_ids",
    "count_events",
    "counts",
    "data_version",
    "date_bounds",
    "event_page",
    "get_event",
    "list_actors",
    "list_articles",
    "network",
    "places",
    "to_json",
]


@dataclass(frozen=True)
class Counts:
    """How much the database holds."""

    articles: int
    events: int
    clusters: int
    actors: int
    failures: int


@dataclass(frozen=True)
class EventDetail:
    """One stored event, its article and every report of its cluster."""

    id: int
    article_id: str
    article_title: str | None
    url: str | None
    published: date | None
    language: str
    cluster_id: int | None
    event: Event
    reports: list[ClusterMention]
    coder_version: str | None = None  # the newsevents that coded it
    lexicon_version: str | None = None  # hash of its trigger lexicon


@dataclass(frozen=True)
class ArticleRow:
    """One stored article as listed."""

    id: str
    title: str | None
    url: str | None
    language: str
    published: date | None
    source: str | None
    n_mentions: int
    n_events: int


@dataclass(frozen=True)
class PlaceRow:
    """Events at one place."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    events: int
    mentions: int
    # How precisely the place is located: its kind (country, admin,
    # region, city, landmark), the most frequent among its events.
    precision: str | None = None


@dataclass(frozen=True)
class CountryRow:
    """Events in one country (the place's country)."""

    country: str
    events: int
    mentions: int


@dataclass(frozen=True)
class Node:
    """An actor of the network."""

    id: str
    name: str | None
    events: int


@dataclass(frozen=True)
class Edge:
    """Events from one actor (exactly this code) to another: cooperation
    (quad classes 1-2) and conflict (3-4) counts, the Goldstein sum and
    mean. The events of an edge are those of the filter with
    ``actor=source``, ``target=target`` and ``match=exact``."""

    source: str
    target: str
    cooperation: int
    conflict: int
    goldstein: float
    goldstein_mean: float = 0.0

    @property
    def weight(self) -> int:
        return self.cooperation + self.conflict


@dataclass(frozen=True)
class Network:
    """The actor network: nodes and weighted edges."""

    nodes: list[Node]
    edges: list[Edge]


def count_events(conn: Connection, filters: EventFilter) -> int:
    """How many events match the filter (ignoring its limit and offset)."""
    where, params = event_where(filters, dialect(conn))
    row = conn.execute(f"SELECT count(*) FROM events e{where}", params).fetchone()
    return int(row[0]) if row else 0


def event_page(
    conn: Connection,
    filters: EventFilter,
    sort: str = "-date",
    total: int | None = None,
) -> tuple[list[EventRow], int]:
    """A page of events in the order ``sort`` (a key of EVENT_SORTS) and
    the number of events matching (counted unless ``total`` is given).
    Raises BadQuery for an unknown sort."""
    rows = list_events(conn, filters, sort)
    if total is None:
        total = count_events(conn, filters)
    return rows, total


def get_event(conn: Connection, event_id: int) -> EventDetail:
    """One event with its article and its cluster's reports. Raises
    NotFound when no event has that id."""
    row = conn.execute(
        "SELECT e.id, e.article_id, a.title, a.url, a.published, a.language, "
        "e.cluster_id, e.event, e.coder_version, e.lexicon_version FROM events e "
        "LEFT JOIN articles a ON a.id = e.article_id WHERE e.id = ?",
        [event_id],
    ).fetchone()
    if row is None:
        raise NotFound(f"no event with id {event_id}; list them at /api/events")
    reports = cluster_mentions(conn, row[6]) if row[6] is not None else []
    return EventDetail(
        id=row[0], article_id=row[1], article_title=row[2], url=row[3],
        published=row[4], language=row[5] or "", cluster_id=row[6],
        event=Event.model_validate_json(row[7]), reports=reports,
        coder_version=row[8], lexicon_version=row[9],
    )  # fmt: skip


def list_articles(
    conn: Connection,
    language: str | None = None,
    q: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[ArticleRow], int]:
    """Articles, newest first, optionally of one language or whose title
    or text holds ``q`` (in any case: a plain ILIKE, which DuckDB and
    PostgreSQL both answer without an extension); and how many match.
    Raises BadQuery for a bad page."""
    check_page(limit, offset)
    where, params = [], []
    if language:
        where.append("language = ?")
        params.append(language)
    if q:
        where.append("(title ILIKE ? ESCAPE '\\' OR text ILIKE ? ESCAPE '\\')")
        params.extend(["%" + like_prefix(q)] * 2)
    clause = " WHERE " + " AND ".join(where) if where else ""
    rows = conn.execute(
        "SELECT id, title, url, language, published, source, n_mentions, n_events "
        f"FROM articles{clause} ORDER BY published DESC NULLS LAST, id "
        "LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    total = conn.execute(f"SELECT count(*) FROM articles{clause}", params).fetchone()
    return [ArticleRow(*r) for r in rows], int(total[0]) if total else 0


def list_actors(
    conn: Connection,
    prefix: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[ActorRow], int]:
    """Actors by activity (events as source plus as target), optionally
    those whose code starts with ``prefix``; and how many there are.
    Raises BadQuery for a bad page."""
    check_page(limit, offset)
    like = like_prefix((prefix or "").upper())
    sides = """WITH sides AS (
        SELECT source_code AS code, source_name AS name, 1 AS s, 0 AS t
        FROM events WHERE source_code LIKE ? ESCAPE '\\'
        UNION ALL
        SELECT target_code, target_name, 0, 1
        FROM events WHERE target_code LIKE ? ESCAPE '\\')"""
    rows = conn.execute(
        sides
        + f"""SELECT code, {dialect(conn).mode("name")}, sum(s), sum(t),
            count(*) AS n
        FROM sides GROUP BY code ORDER BY n DESC, code LIMIT ? OFFSET ?""",
        [like, like, limit, offset],
    ).fetchall()
    total = conn.execute(
        sides + " SELECT count(DISTINCT code) FROM sides", [like, like]
    ).fetchone()
    actors = [ActorRow(r[0], r[1], int(r[2]), int(r[3]), int(r[4])) for r in rows]
    return actors, int(total[0]) if total else 0


def places(
    conn: Connection, filters: EventFilter
) -> tuple[list[PlaceRow], list[CountryRow]]:
    """Events per place (most first, at most ``filters.limit``) and per
    country, for the events matching the filter. Raises BadQuery for a
    bad page."""
    check_page(filters.limit, filters.offset)
    where, params = event_where(filters, dialect(conn))
    named = "e.place_name IS NOT NULL"
    clause = f"{where} AND {named}" if where else f" WHERE {named}"
    rows = conn.execute(
        "SELECT e.place_name, e.place_country, avg(e.lat), avg(e.lon), count(*), "
        f"sum(greatest(e.n_evidence, 1)), {dialect(conn).mode('e.place_kind')} "
        f"FROM events e{clause} "
        "GROUP BY e.place_name, e.place_country "
        "ORDER BY count(*) DESC, e.place_name LIMIT ? OFFSET ?",
        [*params, filters.limit, filters.offset],
    ).fetchall()
    has_country = "e.place_country IS NOT NULL"
    clause = f"{where} AND {has_country}" if where else f" WHERE {has_country}"
    countries = conn.execute(
        "SELECT e.place_country, count(*), sum(greatest(e.n_evidence, 1)) "
        f"FROM events e{clause} GROUP BY e.place_country ORDER BY 2 DESC, 1",
        params,
    ).fetchall()
    return (
        [PlaceRow(r[0], r[1], r[2], r[3], int(r[4]), int(r[5]), r[6]) for r in rows],
        [CountryRow(r[0], int(r[1]), int(r[2])) for r in countries],
    )


def network(
    conn: Connection,
    filters: EventFilter | None = None,
    limit: int = 200,
    min_events: int = 1,
) -> Network:
    """The ``limit`` heaviest directed edges between actors, by exact code
    (with at least ``min_events`` events), of the events matching
    ``filters``, and their nodes."""
    where, params = event_where(filters or EventFilter(), dialect(conn))
    both = "e.source_code IS NOT NULL AND e.target_code IS NOT NULL"
    clause = f"{where} AND {both}" if where else f" WHERE {both}"
    rows = conn.execute(
        "SELECT e.source_code, e.target_code, "
        "count(*) FILTER (WHERE e.quad_class <= 2), "
        "count(*) FILTER (WHERE e.quad_class >= 3), coalesce(sum(e.goldstein), 0), "
        "avg(e.goldstein) "
        f"FROM events e{clause} GROUP BY 1, 2 HAVING count(*) >= ? "
        "ORDER BY count(*) DESC, 1, 2 LIMIT ?",
        [*params, min_events, limit],
    ).fetchall()
    edges = [Edge(r[0], r[1], int(r[2]), int(r[3]), round(float(r[4]), 2),
                  round(float(r[5]), 2)) for r in rows]  # fmt: skip
    weight: dict[str, int] = {}
    for edge in edges:
        for code in (edge.source, edge.target):
            weight[code] = weight.get(code, 0) + edge.weight
    names = actor_names(conn, sorted(weight))
    nodes = [Node(code, names.get(code), n) for code, n in sorted(weight.items())]
    return Network(nodes=nodes, edges=edges)


def date_bounds(conn: Connection) -> tuple[date | None, date | None]:
    """The first and the last event date of the database."""
    row = conn.execute("SELECT min(event_date), max(event_date) FROM events").fetchone()
    return (row[0], row[1]) if row else (None, None)


def actor_names(conn: Connection, codes: list[str]) -> dict[str, str]:
    """The name each of the actor ``codes`` is most often given."""
    if not codes:
        return {}
    rows = conn.execute(
        f"SELECT code, {dialect(conn).mode('name')} FROM ("
        "SELECT source_code AS code, source_name AS name FROM events "
        f"WHERE {dialect(conn).among('source_code', 'VARCHAR')} "
        "UNION ALL SELECT target_code, target_name FROM events "
        f"WHERE {dialect(conn).among('target_code', 'VARCHAR')}) n GROUP BY code",
        [codes, codes],
    ).fetchall()
    return {r[0]: r[1] for r in rows if r[1]}


def counts(conn: Connection) -> Counts:
    """How many articles, events, clusters, actors and failures."""
    row = conn.execute(
        """SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events),
            (SELECT count(*) FROM clusters),
            (SELECT count(DISTINCT code) FROM (
                SELECT source_code AS code FROM events
                UNION SELECT target_code FROM events) c WHERE code IS NOT NULL),
            (SELECT count(*) FROM failures)"""
    ).fetchone()
    assert row is not None
    return Counts(*(int(v) for v in row))


def data_version(conn: Connection) -> int:
    """A number that changes whenever a writer commits, for caches: the
    write counter on a shared database (PostgreSQL), 0 on DuckDB, where a
    reader locks the writers out."""
    if not dialect(conn).shared:
        return 0
    row = conn.execute("SELECT max(n) FROM writes").fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def to_json(row: object) -> dict[str, object]:
    """A dataclass row as JSON-ready values (dates as ISO strings)."""
    out = asdict(row)  # type: ignore[call-overload]
    for key, value in out.items():
        if isinstance(value, date):
            out[key] = value.isoformat()
    return out


def article_event_ids(conn: Connection, article_id: str) -> list[int]:
    """The stored ids of an article's events, in the article's order."""
    rows = conn.execute(
        "SELECT id FROM events WHERE article_id = ? ORDER BY idx", [article_id]
    ).fetchall()
    return [r[0] for r in rows]
