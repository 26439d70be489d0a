"""Schema migrations and the schema_version table."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from newsevents.errors import StoreError
from newsevents.store.schema import LATEST, connect, migrate, version


def test_schema_migrates_a_new_database(tmp_path: Path) -> None:
    path = tmp_path / "db.duckdb"
    conn = connect(path)
    assert version(conn) == LATEST
    tables = {r[0] for r in conn.execute("SHOW TABLES").fetchall()}
    assert {"articles", "mentions", "events", "clusters", "failures"} <= tables
    assert migrate(conn) == LATEST  # nothing left to apply
    assert conn.execute("SELECT count(*) FROM schema_version").fetchone() == (LATEST,)


def test_schema_applies_only_missing_migrations() -> None:
    conn = duckdb.connect(":memory:")
    conn.execute("CREATE TABLE schema_version (version INTEGER, applied_at TIMESTAMP)")
    from newsevents.store.schema import MIGRATIONS

    for statement in MIGRATIONS[0][1]:
        conn.execute(statement)
    conn.execute("INSERT INTO schema_version VALUES (1, current_timestamp)")
    assert migrate(conn) == LATEST
    tables = {r[0] for r in conn.execute("SHOW TABLES").fetchall()}
    assert "gdelt_events" in tables


def test_schema_refuses_a_newer_database() -> None:
    conn = connect(":memory:")
    conn.execute(
        "INSERT INTO schema_version VALUES (?, current_timestamp)", [LATEST + 1]
    )
    with pytest.raises(StoreError, match="newer"):
        migrate(conn)


def test_schema_read_only_needs_an_existing_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        connect(tmp_path / "missing.duckdb", read_only=True)
