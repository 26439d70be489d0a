"""The queries behind the exports: every event with its article (CSV,
GeoJSON, Parquet, PLOVER), one row per cluster described by its first event
(GDELT), and the GDELT records imported beside ours."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from .backend import Connection, dialect
from .filters import EventFilter, event_where
from .records import Records, from_cursor
from .writer import insert_rows

__all__ = [
    "cluster_rows",
    "event_table",
    "event_table_to_parquet",
    "events_with_articles",
    "imported_gdelt",
    "replace_gdelt_file",
]

_COLUMNS = (
    "e.id, e.article_id, e.cluster_id, e.event_date, e.source_code, e.source_name, "
    "e.code, e.label, e.target_code, e.target_name, e.quad_class, e.goldstein, "
    "e.modality, e.plover_type, e.plover_mode, e.date_value, e.date_precision, "
    "e.date_relation, e.date_until, "
    "e.place_name, e.place_country, e.lat, e.lon, e.evidence_text, e.confidence, "
    "e.intended_code, e.coder_version, e.lexicon_version, "
    "a.language, a.source AS outlet, a.url, a.title, a.published"
)
_JOIN = "FROM events e JOIN articles a ON a.id = e.article_id"


def _where(
    conn: Connection, filters: EventFilter | None, *extra: str
) -> tuple[str, list[object]]:
    """The WHERE clause of an export: the filter's (none: every event) and
    ``extra`` conditions on ``e``."""
    where, params = event_where(filters or EventFilter(), dialect(conn))
    conditions = [where.removeprefix(" WHERE ")] if where else []
    conditions += extra
    return (" WHERE " + " AND ".join(conditions) if conditions else ""), params


def event_table(
    conn: Connection, located: bool = False, filters: EventFilter | None = None
) -> Records:
    """Every event matching ``filters`` (only those with coordinates when
    ``located``) with its article's language, outlet, URL, title and
    publication date, by id."""
    located_only = ("e.lat IS NOT NULL AND e.lon IS NOT NULL",) if located else ()
    where, params = _where(conn, filters, *located_only)
    return from_cursor(
        conn.execute(f"SELECT {_COLUMNS} {_JOIN}{where} ORDER BY e.id", params)
    )


def event_table_to_parquet(
    conn: Connection, path: Path, filters: EventFilter | None = None
) -> int:
    """Write ``event_table`` to a Parquet file (DuckDB's own writer); return
    the number of events."""
    target = str(path).replace("'", "''")
    where, params = _where(conn, filters)
    if dialect(conn).shared:
        return _parquet_through_duckdb(conn, target, where, params)
    conn.execute(
        f"COPY (SELECT {_COLUMNS} {_JOIN}{where} ORDER BY e.id) TO '{target}' "
        "(FORMAT parquet)",
        params,
    )
    row = conn.execute(f"SELECT count(*) FROM events e{where}", params).fetchone()
    return int(row[0]) if row else 0


def _parquet_through_duckdb(
    conn: Connection, target: str, where: str, params: list[object]
) -> int:
    """The Parquet export of a PostgreSQL database: its rows go through an
    in-memory DuckDB table typed by the same schema, then DuckDB's writer."""
    import duckdb

    from .schema import migrate

    local = duckdb.connect(":memory:")
    migrate(local)
    local.execute(f"CREATE TABLE export AS SELECT {_COLUMNS} {_JOIN} LIMIT 0")
    names = ", ".join(column.split(" AS ")[-1].split(".")[-1]
                      for column in _COLUMNS.split(", "))  # fmt: skip
    cursor = conn.execute(f"SELECT {_COLUMNS} {_JOIN}{where} ORDER BY e.id", params)
    count = 0
    while batch := cursor.fetchmany(10_000):
        insert_rows(local, "export", names, batch)
        count += len(batch)
    local.execute(f"COPY (SELECT * FROM export) TO '{target}' (FORMAT parquet)")
    local.close()
    return count


def events_with_articles(
    conn: Connection, filters: EventFilter | None = None
) -> Iterator[tuple[Any, ...]]:
    """(event id, event JSON, cluster id, article id, URL, title, source,
    published, language, coder version, lexicon version) for every event
    matching ``filters``, by id."""
    where, params = _where(conn, filters)
    cursor = conn.execute(
        "SELECT e.id, e.event, e.cluster_id, a.id, a.url, a.title, a.source, "
        "a.published, a.language, e.coder_version, e.lexicon_version "
        f"{_JOIN}{where} ORDER BY e.id",
        params,
    )
    while batch := cursor.fetchmany(10_000):
        yield from batch


def cluster_rows(
    conn: Connection, filters: EventFilter | None = None
) -> Iterator[tuple[Any, ...]]:
    """One row per cluster with an event matching ``filters``, described by
    its first such event: id, day, mention, source and article counts,
    first seen, event JSON, code, quad class, Goldstein, URL, place name,
    country, kind, lat, lon and GeoNames id."""
    where, params = _where(conn, filters)
    cursor = conn.execute(
        f"""SELECT c.id, coalesce(c.event_date, c.first_seen), c.num_mentions,
            c.num_sources, c.num_articles, c.first_seen, e.event, e.code,
            e.quad_class, e.goldstein, a.url, e.place_name, e.place_country,
            e.place_kind, e.lat, e.lon, e.geonameid
        FROM clusters c
        JOIN (SELECT *, row_number() OVER (PARTITION BY cluster_id ORDER BY id) AS n
              FROM events e{where}) e ON e.cluster_id = c.id AND e.n = 1
        JOIN articles a ON a.id = e.article_id
        ORDER BY c.id""",
        params,
    )
    while batch := cursor.fetchmany(10_000):
        yield from batch


def imported_gdelt(
    conn: Connection, columns: Sequence[str]
) -> Iterator[tuple[Any, ...]]:
    """The imported GDELT rows, file by file in line order."""
    cursor = conn.execute(
        f"SELECT {', '.join(columns)} FROM gdelt_events ORDER BY imported_from, line"
    )
    while batch := cursor.fetchmany(10_000):
        yield from batch


def replace_gdelt_file(
    conn: Connection,
    name: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[object]],
) -> None:
    """Store the rows of one GDELT file (``columns`` then its name and line
    number), replacing an earlier import of it, in one transaction."""
    conn.execute("BEGIN TRANSACTION")
    try:
        conn.execute("DELETE FROM gdelt_events WHERE imported_from = ?", [name])
        names = ", ".join((*columns, "imported_from", "line"))
        insert_rows(conn, "gdelt_events", names, rows)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
