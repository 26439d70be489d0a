"""Query functions on a small hand-built database."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from newsevents.errors import StoreError
from newsevents.store.queries import (
    EventFilter,
    cluster_mentions,
    dyad,
    get_article,
    list_events,
    top_actors,
)
from newsevents.store.schema import connect
from newsevents.store.writer import Writer
from tests.store._data import FRA, RUS, UKR, USA, coded, event, rows


@pytest.fixture
def conn(new_db: Callable[[], str]):  # type: ignore[no-untyped-def]
    conn = connect(new_db())
    Writer(conn).write(
        [
            rows("Macron a rencontré Biden.", [event(FRA, USA)]),
            rows(
                "Russian troops attacked Ukraine.",
                [
                    event(
                        RUS,
                        UKR,
                        "190",
                        day="2024-06-20",
                        quad=4,
                        goldstein=-10.0,
                        place=None,
                    )
                ],
                published=date(2024, 6, 20),
                language="en",
                source="Reuters",
            ),
            rows(
                "Biden denied meeting Macron.",
                [event(USA, FRA, "042", day="2024-07-02", modality="negated")],
                published=date(2024, 7, 2),
            ),
        ]
    )
    return conn


@pytest.mark.parametrize(
    "filters,codes",
    [
        (EventFilter(), ["042", "190", "042"]),
        (EventFilter(actor="FRA"), ["042"]),
        (EventFilter(actor="USA", target="FRA"), ["042"]),
        (EventFilter(code="19"), ["190"]),
        (EventFilter(since=date(2024, 6, 20)), ["042", "190"]),
        (EventFilter(until=date(2024, 6, 19)), ["042"]),
        (EventFilter(place="paris"), ["042", "042"]),
        (EventFilter(place="FRA"), ["042", "042"]),
        (EventFilter(modality="negated"), ["042"]),
        (EventFilter(limit=1, offset=1), ["190"]),
    ],
)
def test_queries_list_events_filters(
    conn, filters: EventFilter, codes: list[str]
) -> None:  # type: ignore[no-untyped-def]
    assert [e.code for e in list_events(conn, filters)] == codes


def test_queries_dyad_both_directions(conn) -> None:  # type: ignore[no-untyped-def]
    by_month = dyad(conn, "FRA", "USA", "month")
    # Every period for both directions, zero-filled (issue 13, item 15).
    assert [(r.period, r.source, r.target, r.verbal_cooperation) for r in by_month] == [
        (date(2024, 6, 1), "FRA", "USA", 1),
        (date(2024, 6, 1), "USA", "FRA", 0),
        (date(2024, 7, 1), "FRA", "USA", 0),
        (date(2024, 7, 1), "USA", "FRA", 1),
    ]
    conflict = dyad(conn, "RUS", "UKR", "week")
    assert conflict[0].material_conflict == 1 and conflict[0].goldstein_mean == -10.0
    assert conflict[0].period == date(2024, 6, 17)  # the Monday of that week


def test_queries_dyad_rejects_unknown_period(conn) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(StoreError, match="day, week or month"):
        dyad(conn, "FRA", "USA", "year")  # type: ignore[arg-type]


def test_queries_top_actors(conn) -> None:  # type: ignore[no-untyped-def]
    actors = top_actors(conn, 2)
    assert [(a.code, a.as_source, a.as_target, a.events) for a in actors] == [
        ("FRAGOV", 1, 1, 2),
        ("USAGOV", 1, 1, 2),
    ]


def test_queries_get_article_round_trip(conn) -> None:  # type: ignore[no-untyped-def]
    original = coded("Macron a rencontré Biden.", [event(FRA, USA)])
    stored = get_article(conn, original.article.id[:8])
    assert stored == original


def test_queries_get_article_unknown(conn) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(StoreError, match="no article"):
        get_article(conn, "ffffffffffff")


def test_queries_cluster_mentions(conn) -> None:  # type: ignore[no-untyped-def]
    cluster_id = conn.execute(
        "SELECT cluster_id FROM events WHERE code = '190'"
    ).fetchone()[0]
    mentions = cluster_mentions(conn, cluster_id)
    assert [(m.language, m.outlet, m.evidence) for m in mentions] == [
        ("en", "Reuters", "Macron a rencontré")
    ]
