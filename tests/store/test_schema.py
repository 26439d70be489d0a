"""Schema migrations and the schema_version table, on DuckDB and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from newsevents.errors import StoreError
from newsevents.models import DateRef
from newsevents.store.backend import Connection, dialect
from newsevents.store.schema import LATEST, MIGRATIONS, connect, migrate, version
from newsevents.store.writer import Writer
from tests.store._data import FRA, RUS, UKR, USA, event, rows


def _tables(conn: Connection) -> set[str]:
    rows = conn.execute(
        "SELECT table_name FROM information_schema.tables "
        "WHERE table_schema = current_schema()"
    ).fetchall()
    return {r[0] for r in rows}


def test_schema_migrates_a_new_database(new_db: Callable[[], str]) -> None:
    conn = connect(new_db())
    assert version(conn) == LATEST
    tables = _tables(conn)
    assert {"articles", "mentions", "events", "clusters", "failures"} <= tables
    assert {"gdelt_events", "writes", "schema_version"} <= tables
    assert migrate(conn) == LATEST  # nothing left to apply
    assert conn.execute("SELECT count(*) FROM schema_version").fetchone() == (LATEST,)
    assert conn.execute("SELECT n FROM writes").fetchall() == [(0,)]


def test_schema_applies_only_missing_migrations(new_db: Callable[[], str]) -> None:
    target = new_db()
    conn = connect(target)
    conn.execute("DROP TABLE gdelt_events")
    conn.execute("DROP TABLE feed_items")
    conn.execute("DROP TABLE feed_state")
    conn.execute("ALTER TABLE articles DROP COLUMN summary_only")
    conn.execute("ALTER TABLE events DROP COLUMN intended_code")
    conn.execute("DROP TABLE writes")
    conn.execute("ALTER TABLE events DROP COLUMN coder_version")
    conn.execute("ALTER TABLE events DROP COLUMN lexicon_version")
    conn.execute("ALTER TABLE events DROP COLUMN date_relation")
    conn.execute("ALTER TABLE events DROP COLUMN date_until")
    conn.execute("DELETE FROM schema_version WHERE version > 1")
    assert version(conn) == 1
    assert migrate(conn) == LATEST
    assert {"gdelt_events", "feed_items", "feed_state", "writes"} <= _tables(conn)
    assert [r[0] for r in conn.execute(
        "SELECT version FROM schema_version ORDER BY version").fetchall()
    ] == [number for number, _ in MIGRATIONS]  # fmt: skip


def test_schema_intended_code_is_4_and_the_write_counter_is_5(
    new_db: Callable[[], str],
) -> None:
    # A database migrated by a newsevents with the feeds (version 3) and the
    # intended code (version 4) but without the write counter gets only the
    # counter (and, on PostgreSQL, the indexes).
    conn = connect(new_db())
    conn.execute("DROP TABLE writes")
    conn.execute("ALTER TABLE events DROP COLUMN coder_version")
    conn.execute("ALTER TABLE events DROP COLUMN lexicon_version")
    conn.execute("ALTER TABLE events DROP COLUMN date_relation")
    conn.execute("ALTER TABLE events DROP COLUMN date_until")
    conn.execute("DELETE FROM schema_version WHERE version > 4")
    assert version(conn) == 4
    assert {"feed_items", "feed_state"} <= _tables(conn)
    assert migrate(conn) >= 5
    assert conn.execute("SELECT n FROM writes").fetchall() == [(0,)]


def test_schema_versions_of_the_coder_are_6(new_db: Callable[[], str]) -> None:
    # A database of version 5 gets the coder and lexicon versions of its
    # events as two columns, its events stored before them left NULL.
    conn = connect(new_db())
    conn.execute("ALTER TABLE events DROP COLUMN coder_version")
    conn.execute("ALTER TABLE events DROP COLUMN lexicon_version")
    conn.execute("ALTER TABLE events DROP COLUMN date_relation")
    conn.execute("ALTER TABLE events DROP COLUMN date_until")
    conn.execute("DELETE FROM schema_version WHERE version > 5")
    assert version(conn) == 5
    assert migrate(conn) == LATEST
    columns = {r[0] for r in conn.execute(
        "SELECT column_name FROM information_schema.columns "
        "WHERE table_name = 'events'").fetchall()}  # fmt: skip
    assert {"coder_version", "lexicon_version"} <= columns


def test_schema_date_periods_are_7_and_copied_from_stored_events(
    new_db: Callable[[], str],
) -> None:
    # A database of version 6 gets the period of its events' dates as two
    # columns, filled from the JSON of the events it holds.
    conn = connect(new_db())
    period = DateRef(
        text="du 3", value="2024-05-03", precision="day", relation="range",
        until="2024-05-05",
    )  # fmt: skip
    Writer(conn).write(
        [rows("Grève du 3 au 5 mai.", [event(FRA, USA), event(RUS, UKR, day=None)])]
    )
    Writer(conn).write([rows("Grève jusqu'au 5.", [event(FRA, USA)])])
    conn.execute(
        "UPDATE events SET event = ? WHERE idx = 0",
        [event(FRA, USA).model_copy(update={"date": period}).model_dump_json()],
    )
    conn.execute("ALTER TABLE events DROP COLUMN date_relation")
    conn.execute("ALTER TABLE events DROP COLUMN date_until")
    conn.execute("DELETE FROM schema_version WHERE version > 6")
    assert version(conn) == 6
    assert migrate(conn) == LATEST >= 7
    found = conn.execute(
        "SELECT date_relation, date_until FROM events ORDER BY article_id, idx"
    ).fetchall()
    assert sorted(found, key=str) == sorted(
        [("range", "2024-05-05"), (None, None), ("range", "2024-05-05")], key=str
    )


def test_schema_postgres_spells_its_own_types(new_db: Callable[[], str]) -> None:
    conn = connect(new_db())
    row = conn.execute(
        "SELECT data_type FROM information_schema.columns "
        "WHERE table_name = 'events' AND column_name = 'goldstein'"
    ).fetchone()
    expected = "double precision" if dialect(conn).shared else "DOUBLE"
    assert row == (expected,)


def test_schema_refuses_a_newer_database(new_db: Callable[[], str]) -> None:
    conn = connect(new_db())
    conn.execute(
        "INSERT INTO schema_version VALUES (?, current_timestamp)", [LATEST + 1]
    )
    with pytest.raises(StoreError, match="newer"):
        migrate(conn)


def test_schema_read_only_needs_an_existing_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        connect(tmp_path / "missing.duckdb", read_only=True)


def test_schema_read_only_postgres_refuses_writes(new_db: Callable[[], str]) -> None:
    target = new_db()
    connect(target).close()
    reader = connect(target, read_only=True)
    assert version(reader) == LATEST
    with pytest.raises(Exception, match="read-only"):
        reader.execute("INSERT INTO failures VALUES ('f', NULL, 'r', 'm', now())")


def test_schema_unreachable_postgres_is_a_store_error() -> None:
    with pytest.raises(StoreError, match="cannot connect to PostgreSQL"):
        connect("postgresql://nobody:secret@/none?host=/nonexistent&port=1")
