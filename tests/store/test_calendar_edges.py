"""Dates at the edges of the calendar (year 1, year 9999) in the writer and
its clusters (issue 13, item 1: found by the fuzz test)."""

from __future__ import annotations

from datetime import date

import pytest

from newsevents.store.schema import connect
from newsevents.store.writer import Writer
from tests.store._data import FRA, USA, event, rows

pytestmark = pytest.mark.issue


@pytest.mark.parametrize("day", [date(1, 1, 1), date(9999, 12, 31)])
def test_issue_13_clusters_at_the_calendar_edges(day: date) -> None:
    conn = connect(":memory:")
    writer = Writer(conn)
    for n in range(2):
        writer.write(
            [rows(f"Macron a rencontré Biden ({n}).",
                  [event(FRA, USA, day=day.isoformat())], published=day)]
        )  # fmt: skip
    # Both reports of the one meeting are one cluster, seen that day.
    assert conn.execute(
        "SELECT count(DISTINCT cluster_id), min(event_date) FROM events"
    ).fetchall() == [(1, day)]
