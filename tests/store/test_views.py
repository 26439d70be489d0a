"""The API's queries (newsevents/store/views.py) on a small database."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from newsevents.store import views
from newsevents.store.backend import Connection
from newsevents.store.queries import EventFilter, list_events
from newsevents.store.schema import connect
from tests.api._data import build


@pytest.fixture
def conn(new_db: Callable[[], str]) -> Iterator[Connection]:
    path = build(new_db())  # type: ignore[arg-type]
    conn = connect(path, read_only=True)
    yield conn
    conn.close()


# The hand-built database (tests/api/_data.py): 1 FRAGOV 042 USAGOV Paris
# 2024-06-19; 2 RUSMIL 190 UKR Kyiv 2024-06-20; 3 PRKGOV 057 RUSMIL planned
# 2024-07-01; 4 FRAGOV 042 USAGOV Paris 2024-06-21 (the hostile article).
# Newest first.
@pytest.mark.parametrize(
    ("filters", "ids", "total"),
    [
        (EventFilter(), [3, 4, 2, 1], 4),
        (EventFilter(actor="FRA"), [4, 1], 2),
        (EventFilter(code="19", since=date(2024, 6, 1)), [2], 1),
        (EventFilter(place="paris", limit=1, offset=1), [1], 2),
        (EventFilter(modality="planned"), [3], 1),
    ],
)
def test_views_event_page_matches_list_events(
    conn: Connection, filters: EventFilter, ids: list[int], total: int
) -> None:
    rows, count = views.event_page(conn, filters)
    assert [r.id for r in rows] == ids and count == total
    assert rows == list_events(conn, filters)


def test_views_event_page_rejects_unknown_sort(conn: Connection) -> None:
    with pytest.raises(views.BadQuery, match="sort 'x; DROP'"):
        views.event_page(conn, EventFilter(), "x; DROP")


def test_views_get_event(conn: Connection) -> None:
    detail = views.get_event(conn, 1)
    assert detail.event.code == "042" and detail.language == "fr"
    assert detail.reports[0].event_id == 1
    with pytest.raises(views.NotFound):
        views.get_event(conn, 12345)


def test_views_articles_and_actors(conn: Connection) -> None:
    rows, total = views.list_articles(conn, q="100%")
    assert rows == [] and total == 0
    rows, total = views.list_articles(conn, language="fr", limit=1)
    assert total == 2 and len(rows) == 1
    actors, total = views.list_actors(conn, "US")
    assert [(a.code, a.as_target) for a in actors] == [("USAGOV", 2)] and total == 1


def test_views_places_and_network(conn: Connection) -> None:
    places, countries = views.places(conn, EventFilter(since=date(2024, 6, 20)))
    assert [(p.name, p.events) for p in places] == [("Kyiv", 1), ("Paris", 1)]
    assert {c.country for c in countries} == {"FRA", "UKR"}
    net = views.network(conn, min_events=2)
    assert [(e.source, e.target, e.weight) for e in net.edges] == [
        ("FRAGOV", "USAGOV", 2)
    ]
    assert [(n.id, n.name) for n in net.nodes] == [
        ("FRAGOV", "Emmanuel Macron"),
        ("USAGOV", "Joe Biden"),
    ]


def test_views_counts(conn: Connection, tmp_path: Path) -> None:
    counts = views.counts(conn)
    assert (counts.articles, counts.events, counts.actors) == (3, 4, 5)
