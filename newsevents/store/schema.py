"""The event database schema: numbered migrations and a ``schema_version``
table, one definition for DuckDB and PostgreSQL (``backend.Dialect.ddl``
spells the types; PostgreSQL adds indexes, which a row store needs and
DuckDB's column scans do not). ``connect`` opens (or creates) a DuckDB file
or a PostgreSQL database and brings it up to date; each migration runs in
its own transaction."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb

from ..errors import StoreError
from .backend import Connection, Dialect, dialect, is_postgres

DEFAULT_DB = "newsevents.duckdb"

# A statement of a migration: DDL written for DuckDB (``Dialect.ddl`` spells
# its types for PostgreSQL), or written by a function of the dialect.
Statement = str | Callable[[Dialect], str]

_V1 = [
    """CREATE TABLE articles (
        id VARCHAR NOT NULL, url VARCHAR, title VARCHAR, language VARCHAR NOT NULL,
        published DATE, source VARCHAR, file VARCHAR, item VARCHAR,
        text VARCHAR NOT NULL, places JSON, dates JSON,
        n_mentions INTEGER NOT NULL, n_events INTEGER NOT NULL,
        ingested_at TIMESTAMP NOT NULL)""",
    """CREATE TABLE mentions (
        article_id VARCHAR NOT NULL, idx INTEGER NOT NULL,
        start_char INTEGER NOT NULL, end_char INTEGER NOT NULL, text VARCHAR,
        kind VARCHAR NOT NULL, actor_code VARCHAR, actor_country VARCHAR,
        actor_name VARCHAR, actor JSON, sentence INTEGER)""",
    """CREATE TABLE events (
        id BIGINT NOT NULL, article_id VARCHAR NOT NULL, idx INTEGER NOT NULL,
        cluster_id BIGINT,
        source_code VARCHAR, source_country VARCHAR, source_name VARCHAR,
        target_code VARCHAR, target_country VARCHAR, target_name VARCHAR,
        code VARCHAR NOT NULL, base_code VARCHAR NOT NULL, root_code VARCHAR NOT NULL,
        quad_class INTEGER NOT NULL, goldstein DOUBLE NOT NULL, label VARCHAR,
        plover_type VARCHAR, plover_mode VARCHAR, modality VARCHAR NOT NULL,
        attribution_code VARCHAR, date_text VARCHAR, date_value VARCHAR,
        date_precision VARCHAR, event_date DATE,
        place_name VARCHAR, place_country VARCHAR, place_kind VARCHAR,
        geonameid BIGINT, lat DOUBLE, lon DOUBLE,
        sentence INTEGER, evidence_start INTEGER, evidence_end INTEGER,
        evidence_text VARCHAR, n_evidence INTEGER NOT NULL,
        confidence DOUBLE NOT NULL, is_symmetric BOOLEAN NOT NULL,
        event JSON NOT NULL)""",
    """CREATE TABLE clusters (
        id BIGINT NOT NULL, source_code VARCHAR, target_code VARCHAR,
        root_code VARCHAR NOT NULL, code VARCHAR NOT NULL, modality VARCHAR NOT NULL,
        is_symmetric BOOLEAN NOT NULL, date_value VARCHAR, date_precision VARCHAR,
        event_date DATE, first_seen DATE, last_seen DATE,
        num_mentions INTEGER NOT NULL DEFAULT 0,
        num_sources INTEGER NOT NULL DEFAULT 0,
        num_articles INTEGER NOT NULL DEFAULT 0)""",
    """CREATE TABLE failures (
        file VARCHAR NOT NULL, item VARCHAR, reason VARCHAR NOT NULL,
        message VARCHAR NOT NULL, failed_at TIMESTAMP NOT NULL)""",
]

# GDELT 2.0 event records imported beside ours, one column per GDELT column.
_V2 = [
    """CREATE TABLE gdelt_events (
        GLOBALEVENTID BIGINT, SQLDATE INTEGER, MonthYear INTEGER, Year INTEGER,
        FractionDate DOUBLE,
        Actor1Code VARCHAR, Actor1Name VARCHAR, Actor1CountryCode VARCHAR,
        Actor1KnownGroupCode VARCHAR, Actor1EthnicCode VARCHAR,
        Actor1Religion1Code VARCHAR, Actor1Religion2Code VARCHAR,
        Actor1Type1Code VARCHAR, Actor1Type2Code VARCHAR, Actor1Type3Code VARCHAR,
        Actor2Code VARCHAR, Actor2Name VARCHAR, Actor2CountryCode VARCHAR,
        Actor2KnownGroupCode VARCHAR, Actor2EthnicCode VARCHAR,
        Actor2Religion1Code VARCHAR, Actor2Religion2Code VARCHAR,
        Actor2Type1Code VARCHAR, Actor2Type2Code VARCHAR, Actor2Type3Code VARCHAR,
        IsRootEvent INTEGER, EventCode VARCHAR, EventBaseCode VARCHAR,
        EventRootCode VARCHAR, QuadClass INTEGER, GoldsteinScale DOUBLE,
        NumMentions INTEGER, NumSources INTEGER, NumArticles INTEGER,
        AvgTone DOUBLE,
        Actor1Geo_Type INTEGER, Actor1Geo_FullName VARCHAR,
        Actor1Geo_CountryCode VARCHAR, Actor1Geo_ADM1Code VARCHAR,
        Actor1Geo_ADM2Code VARCHAR, Actor1Geo_Lat DOUBLE, Actor1Geo_Long DOUBLE,
        Actor1Geo_FeatureID VARCHAR,
        Actor2Geo_Type INTEGER, Actor2Geo_FullName VARCHAR,
        Actor2Geo_CountryCode VARCHAR, Actor2Geo_ADM1Code VARCHAR,
        Actor2Geo_ADM2Code VARCHAR, Actor2Geo_Lat DOUBLE, Actor2Geo_Long DOUBLE,
        Actor2Geo_FeatureID VARCHAR,
        ActionGeo_Type INTEGER, ActionGeo_FullName VARCHAR,
        ActionGeo_CountryCode VARCHAR, ActionGeo_ADM1Code VARCHAR,
        ActionGeo_ADM2Code VARCHAR, ActionGeo_Lat DOUBLE, ActionGeo_Long DOUBLE,
        ActionGeo_FeatureID VARCHAR,
        DATEADDED BIGINT, SOURCEURL VARCHAR,
        imported_from VARCHAR, line INTEGER)""",
]

# Following feeds (newsevents.web): articles coded from a feed's title and
# summary because their page could not be fetched (fetched again on the next
# pass), the items of each feed already read, and each watched feed's state
# for conditional GET.
_V3 = [
    "ALTER TABLE articles ADD COLUMN summary_only BOOLEAN NOT NULL DEFAULT false",
    """CREATE TABLE feed_items (
        feed VARCHAR NOT NULL, item VARCHAR NOT NULL, seen_at TIMESTAMP NOT NULL,
        PRIMARY KEY (feed, item))""",
    """CREATE TABLE feed_state (
        url VARCHAR PRIMARY KEY, etag VARCHAR, last_modified VARCHAR,
        checked_at TIMESTAMP, ok_at TIMESTAMP, new_items INTEGER, error VARCHAR)""",
]

# The action a threat, promise, demand, appeal or refusal is about.
_V4 = ["ALTER TABLE events ADD COLUMN intended_code VARCHAR"]

# A counter every write transaction increments first: it orders concurrent
# writers (the row lock) and tells a writer whether another one wrote since.
_V5 = [
    "CREATE TABLE writes (n BIGINT NOT NULL)",
    "INSERT INTO writes VALUES (0)",
]

# Reproducibility: the newsevents version that coded each event and a hash
# of its language's trigger lexicon (``LangResources.lexicon_version``), so
# that a dataset can be cited and coded again by the same coder.
_V6 = [
    "ALTER TABLE events ADD COLUMN coder_version VARCHAR",
    "ALTER TABLE events ADD COLUMN lexicon_version VARCHAR",
]

# The period an event's date opens or closes ("depuis 2019": since; "until
# Friday": until) or the range it starts ("du 3 au 5 mai": range, until
# 2024-05-05), as ``DateRef.relation`` and ``DateRef.until``; events stored
# before keep them in their JSON, copied into the new columns.
_V7: list[Statement] = [
    "ALTER TABLE events ADD COLUMN date_relation VARCHAR",
    "ALTER TABLE events ADD COLUMN date_until VARCHAR",
    lambda sql: (
        "UPDATE events SET "
        f"date_relation = {sql.json_path_text('event', 'date', 'relation')}, "
        f"date_until = {sql.json_path_text('event', 'date', 'until')}"
    ),
]

# PostgreSQL only: the lookups of the writer and the filters of the queries.
_INDEXES: dict[int, list[str]] = {
    5: [
        "CREATE INDEX IF NOT EXISTS articles_id ON articles (id)",
        "CREATE INDEX IF NOT EXISTS articles_url ON articles (url)",
        "CREATE INDEX IF NOT EXISTS mentions_article ON mentions (article_id)",
        "CREATE INDEX IF NOT EXISTS events_id ON events (id)",
        "CREATE INDEX IF NOT EXISTS events_article ON events (article_id)",
        "CREATE INDEX IF NOT EXISTS events_cluster ON events (cluster_id)",
        "CREATE INDEX IF NOT EXISTS events_date ON events (event_date)",
        "CREATE INDEX IF NOT EXISTS events_source "
        "ON events (source_code text_pattern_ops)",
        "CREATE INDEX IF NOT EXISTS events_target "
        "ON events (target_code text_pattern_ops)",
        "CREATE INDEX IF NOT EXISTS clusters_id ON clusters (id)",
        "CREATE INDEX IF NOT EXISTS gdelt_file ON gdelt_events (imported_from)",
    ]
}

MIGRATIONS: list[tuple[int, list[Statement]]] = [
    (1, _V1),
    (2, _V2),
    (3, _V3),
    (4, _V4),
    (5, _V5),
    (6, _V6),
    (7, _V7),
]
# An arbitrary key for PostgreSQL's advisory lock around migrations.
_MIGRATION_LOCK = 7_140_014
LATEST = MIGRATIONS[-1][0]


def connect(path: str | Path = DEFAULT_DB, read_only: bool = False) -> Connection:
    """Open the database at ``path``: a DuckDB file (``:memory:`` for a
    throwaway one) or a ``postgresql://`` URL; migrate it unless
    ``read_only``. Raises StoreError when it cannot be opened or is newer
    than this version of newsevents."""
    target = str(path)
    if is_postgres(target):
        from .postgres import PgConnection

        return _checked(PgConnection(target, read_only=read_only), read_only)
    if read_only and target != ":memory:" and not Path(target).exists():
        raise StoreError(
            f"{target}: no such database; create it with `newsevents ingest`"
        )
    try:
        conn = duckdb.connect(target, read_only=read_only)
    except duckdb.Error as exc:
        raise StoreError(f"{target}: cannot open the database ({exc})") from exc
    return _checked(conn, read_only)


def _checked(conn: Connection, read_only: bool) -> Connection:
    if not read_only:
        migrate(conn)
    elif version(conn) != LATEST:
        conn.close()
        raise StoreError(
            f"schema version {version(conn)}, want {LATEST}; "
            "run `newsevents ingest` on the database once to migrate"
        )
    return conn


def database_files(conn: Connection) -> list[Path]:
    """The files of the databases attached to ``conn`` (none in memory, nor
    on a PostgreSQL server)."""
    if dialect(conn).shared:
        return []
    rows = conn.execute(
        "SELECT path FROM duckdb_databases() WHERE path IS NOT NULL"
    ).fetchall()
    return [Path(row[0]) for row in rows]


def version(conn: Connection) -> int:
    """The schema version of the database, 0 for an empty one."""
    exists = conn.execute(
        "SELECT count(*) FROM information_schema.tables "
        "WHERE table_name = 'schema_version' AND table_schema = current_schema()"
    ).fetchone()
    if not exists or not exists[0]:
        return 0
    row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def migrate(conn: Connection) -> int:
    """Apply the migrations the database lacks, each in one transaction;
    return the version reached. Raises StoreError for a newer schema."""
    sql = dialect(conn)
    if sql.shared:
        # Two ingests starting at once on a new database migrate it once.
        conn.execute("SELECT pg_advisory_lock(?)", [_MIGRATION_LOCK])
        try:
            return _migrate(conn)
        finally:
            conn.execute("SELECT pg_advisory_unlock(?)", [_MIGRATION_LOCK])
    return _migrate(conn)


def _migrate(conn: Connection) -> int:
    sql = dialect(conn)
    current = version(conn)
    if current > LATEST:
        raise StoreError(
            f"database schema version {current} is newer than this newsevents "
            f"({LATEST}); upgrade newsevents"
        )
    if current == 0:
        conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_version ("
            "version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL)"
        )
    for number, statements in MIGRATIONS:
        if number <= current:
            continue
        if sql.shared:
            statements = [*statements, *_INDEXES.get(number, [])]
        conn.execute("BEGIN TRANSACTION")
        try:
            for statement in statements:
                if callable(statement):
                    conn.execute(statement(sql))
                else:
                    conn.execute(sql.ddl(statement))
            conn.execute(
                "INSERT INTO schema_version VALUES (?, current_timestamp)", [number]
            )
            conn.execute("COMMIT")
        except (duckdb.Error, _pg_error()) as exc:
            conn.execute("ROLLBACK")
            raise StoreError(f"migration {number} failed: {exc}") from exc
        current = number
    return current


def _pg_error() -> type[Exception]:
    """psycopg's base error when it is installed (a class nothing raises
    otherwise)."""
    try:
        from psycopg import Error
    except ImportError:
        return duckdb.Error
    return Error
