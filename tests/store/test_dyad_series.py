"""The dyad series (issue 13, item 15): every period from the first to the
last, zero-filled in both directions; the mean Goldstein score, not a sum;
undated events counted apart; codes in any case."""

from __future__ import annotations

from datetime import date

import pytest

from newsevents.store.queries import dyad, dyad_undated
from newsevents.store.schema import connect
from newsevents.store.writer import Writer
from tests.store._data import FRA, USA, event, rows

pytestmark = pytest.mark.issue


@pytest.fixture
def conn():  # type: ignore[no-untyped-def]
    conn = connect(":memory:")
    Writer(conn).write(
        [
            rows("Macron a rencontré Biden.", [
                event(FRA, USA, day="2024-01-10", goldstein=1.9),
                event(FRA, USA, "043", day="2024-01-20", goldstein=1.3),
            ], published=date(2024, 1, 20)),
            rows("Biden a reçu Macron.", [event(USA, FRA, day="2024-03-05")],
                 published=date(2024, 3, 5)),
            rows("Macron et Biden, un jour.", [event(FRA, USA, day=None)],
                 published=None),
        ]
    )  # fmt: skip
    return conn


def test_issue_13_dyad_zero_filled_mean(conn) -> None:  # type: ignore[no-untyped-def]
    series = dyad(conn, "fra", "usa", "month")
    assert [(r.period, r.source, r.events, r.goldstein_mean) for r in series] == [
        (date(2024, 1, 1), "FRA", 2, 1.6),  # the mean, not 3.2000000000000001
        (date(2024, 1, 1), "USA", 0, None),
        (date(2024, 2, 1), "FRA", 0, None),  # February holds no event: still there
        (date(2024, 2, 1), "USA", 0, None),
        (date(2024, 3, 1), "FRA", 0, None),
        (date(2024, 3, 1), "USA", 1, 1.9),
    ]
    assert dyad_undated(conn, "FRA", "usa") == 1
    weeks = dyad(conn, "FRA", "USA", "week")
    assert len({r.period for r in weeks}) == 9  # 2024-01-08 to 2024-03-04


def test_issue_13_dyad_single_period(conn) -> None:  # type: ignore[no-untyped-def]
    series = dyad(conn, "USA", "FRA", "day")
    assert [(r.period, r.source, r.events) for r in series][:2] == [
        (date(2024, 1, 10), "USA", 0), (date(2024, 1, 10), "FRA", 1),
    ]  # fmt: skip
    assert series[-1].period == date(2024, 3, 5)
