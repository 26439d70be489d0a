"""The one event filter (issue 15 item 2) and the one count behind the
overview, the network, the dyad and the trend (issue 13 item 15), on both
backends."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from newsevents.errors import BadParameter, NewsEventsError
from newsevents.models import Actor
from newsevents.store.filters import FILTERS, EventFilter, parse_filters
from newsevents.store.queries import list_events
from newsevents.store.schema import connect
from newsevents.store.trends import dyad, dyad_undated, trend
from newsevents.store.views import count_events, network
from newsevents.store.writer import Writer
from tests.store._data import FRA, RUS, UKR, USA, event, rows

FRA_BARE = Actor(code="FRA", country="FRA", name="France")
USA_BARE = Actor(code="USA", country="USA", name="United States")
RUS_GOV = Actor(code="RUSGOV", country="RUS", roles=("GOV",), name="Kremlin")
UKR_GOV = Actor(code="UKRGOV", country="UKR", roles=("GOV",), name="Kyiv")


@pytest.fixture
def conn(new_db: Callable[[], str]):  # type: ignore[no-untyped-def]
    conn = connect(new_db())
    Writer(conn).write(
        [
            rows("Macron a rencontré Biden.", [
                event(FRA, USA, "042", day="2024-01-10", goldstein=1.9),
                event(FRA_BARE, USA_BARE, "043", day="2024-01-20", goldstein=2.8),
            ], published=date(2024, 1, 20)),
            rows("Russian troops attacked Ukraine.", [
                event(RUS, UKR, "190", day="2024-03-05", quad=4, goldstein=-10.0,
                      place=None),
                event(RUS_GOV, UKR_GOV, "141", day="2024-03-06", quad=3,
                      goldstein=-6.5, modality="alleged", place=None),
            ], published=date(2024, 3, 6), language="en", source="Reuters"),
            rows("Kyiv accused Moscow.", [
                event(UKR_GOV, RUS, "112", day="2024-03-20", quad=3, goldstein=-2.0,
                      place=None),
            ], published=date(2024, 3, 20), language="en",
                url="https://www.bbc.co.uk/news/1", source=None),
            rows("Macron et Biden, un jour.", [event(FRA, USA, day=None)],
                 published=None),
        ]
    )  # fmt: skip
    return conn


def _codes(conn, filters: EventFilter) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(r.code for r in list_events(conn, filters))


@pytest.mark.parametrize(
    ("query", "codes"),
    [
        ({}, ["042", "042", "043", "112", "141", "190"]),
        ({"actor": "fra"}, ["042", "042", "043"]),
        ({"actor": "FRA", "match": "exact"}, ["043"]),
        ({"actor": "RUS", "target": "UKR"}, ["141", "190"]),
        ({"actor": "RUS", "target": "UKR", "undirected": "1"}, ["112", "141", "190"]),
        ({"actor": "RUS", "undirected": "1"}, ["112", "141", "190"]),
        ({"actor_country": "rus"}, ["141", "190"]),
        ({"actor_country": "RUS", "actor_role": "MIL"}, ["190"]),
        ({"actor_role": "GOV"}, ["042", "042", "112", "141"]),
        ({"target_role": "MIL"}, ["112"]),
        ({"target_country": "UKR", "target_role": "GOV"}, ["141"]),
        ({"code": "14|18|19"}, ["141", "190"]),
        ({"code": "04"}, ["042", "042", "043"]),
        ({"quad": "3|4"}, ["112", "141", "190"]),
        ({"goldstein": "-10..-5"}, ["141", "190"]),
        ({"goldstein": "2.."}, ["043"]),
        ({"goldstein": "..-6.5"}, ["141", "190"]),
        ({"modality": "alleged|negated"}, ["141"]),
        ({"language": "en"}, ["112", "141", "190"]),
        ({"outlet": "reuters"}, ["141", "190"]),
        ({"outlet": "bbc.co.uk|Le Monde"}, ["042", "042", "043", "112"]),
        ({"place": "paris"}, ["042", "042", "043"]),
        ({"place_country": "fra"}, ["042", "042", "043"]),
        ({"since": "2024-03-01", "until": "2024-03-10"}, ["141", "190"]),
        ({"q": "accused"}, ["112"]),  # the article's text
        ({"q": "MACRON A"}, ["042", "042", "043", "112", "141", "190"]),  # evidence
        ({"quad": "3|4", "language": "en", "actor": "UKR"}, ["112"]),
    ],
)
def test_filters_select(conn, query: dict[str, str], codes: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert _codes(conn, parse_filters(query)) == codes


def test_filters_cover_every_name() -> None:
    # Each filter of FILTERS is exercised above; a new one needs a case.
    cases = test_filters_select.pytestmark[0].args[1]  # type: ignore[attr-defined]
    named = {name for query, _ in cases for name in query}
    assert named == set(FILTERS)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"actr": "RUS"}, "unknown filter 'actr'"),
        ({"quad": "5"}, "quad '5': want 1, 2, 3 or 4"),
        ({"code": "14|x"}, "code 'x'"),
        ({"goldstein": "high"}, "goldstein 'high'"),
        ({"goldstein": "5..-5"}, "LOW is above HIGH"),
        ({"since": "2024-02-01", "until": "2024-01-01"}, "is after until"),
        ({"actor_role": "MILITARY"}, "actor_role 'MILITARY'"),
        ({"modality": "maybe"}, "modality 'maybe'"),
        ({"match": "fuzzy"}, "match 'fuzzy'"),
    ],
)
def test_filters_bad_values(query: dict[str, str], message: str) -> None:
    with pytest.raises(BadParameter, match=message):
        parse_filters(query)


def test_filters_query_round_trip() -> None:
    query = {"actor": "RUS", "target": "UKR", "undirected": "1", "code": "14|19",
             "quad": "3|4", "goldstein": "-10..-5", "language": "en"}  # fmt: skip
    filters = parse_filters(query)
    assert parse_filters(filters.query()) == filters
    assert filters.query() == query


def test_issue_13_one_count_for_overview_network_dyad_trend(conn) -> None:  # type: ignore[no-untyped-def]
    # The network (and the overview's busiest dyads, which are its edges)
    # counts exact code pairs; each edge links to the dyad with match=exact,
    # whose series plus undated events count the same events, as does the
    # trend of the same filter.
    net = network(conn)
    assert {(e.source, e.target, e.weight) for e in net.edges} >= {
        ("FRAGOV", "USAGOV", 2), ("FRA", "USA", 1)}  # fmt: skip
    for edge in net.edges:
        exact = EventFilter(actor=edge.source, target=edge.target, match="exact")
        assert count_events(conn, exact) == edge.weight
        series = dyad(conn, edge.source, edge.target, "month", exact)
        forward = sum(r.events for r in series if r.source == edge.source)
        backward = count_events(conn, EventFilter(
            actor=edge.target, target=edge.source, match="exact", since=date.min))  # fmt: skip
        undated = dyad_undated(conn, edge.source, edge.target, exact)
        assert forward + backward + undated == count_events(
            conn, EventFilter(actor=edge.source, target=edge.target,
                              match="exact", undirected=True))  # fmt: skip
        result = trend(conn, exact, "week")
        assert sum(r.events for r in result.items) + result.undated == edge.weight
    # Prefixes: FRA covers FRAGOV and FRA, both on the dyad and the trend.
    assert sum(r.events for r in dyad(conn, "FRA", "USA")) == 2
    assert dyad_undated(conn, "FRA", "USA") == 1


def test_trend_zero_filled_mean_and_articles(conn) -> None:  # type: ignore[no-untyped-def]
    result = trend(conn, parse_filters({"actor": "RUS", "undirected": "1"}), "month")
    assert [(r.period, r.events, r.goldstein_mean, r.articles) for r in result.items] == [
        (date(2024, 3, 1), 3, -6.17, 2),
    ]  # fmt: skip
    everything = trend(conn, EventFilter(), "month")
    assert [(r.period, r.events, r.articles) for r in everything.items] == [
        (date(2024, 1, 1), 2, 1), (date(2024, 2, 1), 0, 0), (date(2024, 3, 1), 3, 2),
    ]  # fmt: skip
    january = everything.items[0]
    assert january.goldstein_mean == 2.35 and january.verbal_cooperation == 2
    assert january.per_article == 2.0 and everything.items[1].per_article is None
    assert everything.undated == 1
    # The filter's window is the axis, even where no event falls.
    window = trend(conn, parse_filters({"code": "19", "since": "2024-02-20",
                                        "until": "2024-03-11"}), "week")  # fmt: skip
    assert [(r.period, r.events) for r in window.items] == [
        (date(2024, 2, 19), 0), (date(2024, 2, 26), 0), (date(2024, 3, 4), 1),
        (date(2024, 3, 11), 0),
    ]  # fmt: skip
    assert window.undated == 0
    assert trend(conn, parse_filters({"code": "20"}), "day").items == []


def test_trend_bad_period_and_too_long_axis(conn) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(NewsEventsError, match="day, week or month"):
        trend(conn, EventFilter(), "year")  # type: ignore[arg-type]
    with pytest.raises(NewsEventsError, match="narrow since/until"):
        trend(conn, parse_filters({"since": "1900-01-01", "until": "2024-01-01"}),
              "day")  # fmt: skip
