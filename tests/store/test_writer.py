"""The single writer: whole articles per transaction, idempotence by
content hash, replacement by URL, failures, clusters across articles."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from newsevents.models import Failure
from newsevents.store.schema import connect
from newsevents.store.writer import Writer
from tests.store._data import FRA, RUS, UKR, USA, event, rows


def _count(conn, table: str) -> int:  # type: ignore[no-untyped-def]
    return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_writer_idempotent_by_content(new_db: Callable[[], str]) -> None:
    conn = connect(new_db())
    batch = [rows("Macron a rencontré Biden.", [event(FRA, USA)])]
    first = Writer(conn).write(batch)
    again = Writer(conn).write(batch)
    assert (first.coded, first.events) == (1, 1)
    assert (again.coded, again.duplicates) == (0, 1)
    assert [_count(conn, t) for t in ("articles", "mentions", "events")] == [1, 1, 1]


def test_writer_changed_url_replaces_events(new_db: Callable[[], str]) -> None:
    conn = connect(new_db())
    url = "https://example.org/a"
    writer = Writer(conn)
    writer.write(
        [
            rows(
                "Version un.",
                [event(FRA, USA), event(RUS, UKR, "190", quad=4)],
                url=url,
            )
        ]
    )
    result = Writer(conn).write([rows("Version deux.", [event(FRA, USA)], url=url)])
    assert result.replaced == 1
    assert _count(conn, "articles") == 1
    assert conn.execute("SELECT code FROM events").fetchall() == [("042",)]
    # The cluster of the dropped event is gone, the other one counts one article.
    assert conn.execute("SELECT code, num_articles FROM clusters").fetchall() == [
        ("042", 1)
    ]


def test_writer_rolls_back_a_failed_batch(new_db: Callable[[], str]) -> None:
    conn = connect(new_db())
    good = rows("Un article complet.", [event(FRA, USA)])
    broken = rows("Un autre article.", [event(FRA, USA)])
    broken.events[0] = broken.events[0][:-1]  # one column short: the insert fails
    with pytest.raises(Exception):  # noqa: B017 - DuckDB's own error
        Writer(conn).write([good, broken])
    tables = ("articles", "mentions", "events", "clusters")
    assert [_count(conn, t) for t in tables] == [0, 0, 0, 0]


def test_writer_failures_replace_earlier_rows(new_db: Callable[[], str]) -> None:
    conn = connect(new_db())
    failure = Failure(
        file="a.xml", item="item 2", reason="empty", message="a.xml: empty"
    )
    Writer(conn).write([failure])
    Writer(conn).write([failure])
    assert conn.execute("SELECT file, item, reason FROM failures").fetchall() == [
        ("a.xml", "item 2", "empty")
    ]


def test_writer_clusters_across_articles(new_db: Callable[[], str]) -> None:
    conn = connect(new_db())
    Writer(conn).write(
        [
            rows("Macron a rencontré Biden.", [event(FRA, USA, symmetric=True)]),
            rows(
                "Biden met Macron.",
                [event(USA, FRA, "043", symmetric=True)],
                source="Reuters",
                language="en",
            ),
            rows(
                "Macron reçoit Biden en juin.",
                [event(FRA, USA, day="2024-06", precision="month")],
                source="AFP",
            ),
            # Same actors and code but a month later: another event.
            rows(
                "Macron revoit Biden.",
                [event(FRA, USA, day="2024-07-25")],
                published=date(2024, 7, 25),
            ),
        ]
    )
    clusters = conn.execute(
        "SELECT num_articles, num_sources, num_mentions, first_seen, last_seen "
        "FROM clusters ORDER BY id"
    ).fetchall()
    assert clusters == [
        (3, 3, 3, date(2024, 6, 19), date(2024, 6, 19)),
        (1, 1, 1, date(2024, 7, 25), date(2024, 7, 25)),
    ]


def test_writer_window_is_configurable(new_db: Callable[[], str]) -> None:
    conn = connect(new_db())
    batch = [
        rows(
            "Premier article.", [event(FRA, USA, day=None)], published=date(2024, 6, 1)
        ),
        rows(
            "Second article.", [event(FRA, USA, day=None)], published=date(2024, 6, 5)
        ),
    ]
    Writer(conn, window_days=1).write(batch)
    assert _count(conn, "clusters") == 2
    wide = connect(new_db())
    Writer(wide, window_days=7).write(batch)
    assert _count(wide, "clusters") == 1


def test_writer_undated_reports_do_not_merge(new_db: Callable[[], str]) -> None:
    conn = connect(new_db())
    Writer(conn).write(
        [
            rows("Premier.", [event(FRA, USA, day=None)], published=None),
            rows("Second.", [event(FRA, USA, day=None)], published=None),
            rows("Sans acteur.", [event(None, None)]),
            rows("Sans acteur non plus.", [event(None, None)]),
        ]
    )
    assert conn.execute(
        "SELECT max(num_articles), count(*) FROM clusters"
    ).fetchone() == (
        1,
        4,
    )


def test_writer_recluster_with_another_window(new_db: Callable[[], str]) -> None:
    conn = connect(new_db())
    writer = Writer(conn, window_days=7)
    writer.write(
        [
            rows(
                "Premier article.",
                [event(FRA, USA, day=None)],
                published=date(2024, 6, 1),
            ),
            rows(
                "Second article.",
                [event(FRA, USA, day=None)],
                published=date(2024, 6, 5),
            ),
        ]
    )
    assert _count(conn, "clusters") == 1
    assert writer.recluster(window_days=1) == 2
    assert conn.execute("SELECT count(DISTINCT cluster_id) FROM events").fetchone() == (
        2,
    )
    assert conn.execute("SELECT sum(num_articles) FROM clusters").fetchone() == (2,)
