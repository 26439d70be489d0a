"""Query benchmark on a generated database: ``dyad`` by week, a filtered
``events`` page, a weekly ``trend`` for each kind of single filter and a
text search, median of 5 runs each. Prints figures; not a test (issue 15
asks for a trend under 300 ms and a search under 500 ms at 10^6 events)."""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import duckdb

from ..store.backend import Connection, dialect
from ..store.filters import parse_filters
from ..store.queries import EventFilter, dyad, list_events
from ..store.schema import connect
from ..store.writer import insert_rows

_ACTORS = [
    "FRA", "FRAGOV", "USA", "USAGOV", "RUS", "RUSGOV", "RUSMIL", "CHN", "CHNGOV",
    "DEU", "DEUGOV", "GBR", "GBRGOV", "UKR", "UKRGOV", "UKRMIL", "IRN", "ISR",
    "ISRMIL", "PSE", "IGOUNO", "IGOEUREEC", "IGONAT", "PRK", "PRKMIL", "KOR",
    "JPN", "IND", "PAK", "TUR", "SYR", "IRQ", "SAU", "EGY", "DZA", "MAR", "BEL",
    "CHE", "CAN", "FRAOPP", "FRACVL", "FRAPOL", "FRALAB", "ITA", "ESP", "POL",
    "BRA", "MEX", "ZAF", "NGA",
]  # fmt: skip
_CODES = [
    "010", "020", "036", "040", "042", "043", "051", "057", "061", "071",
    "111", "112", "120", "130", "141", "145", "163", "173", "190", "193",
]  # fmt: skip


def generate(conn: duckdb.DuckDBPyConnection, n: int) -> None:
    """Fill an empty database with ``n`` random events over five years
    (and one article per hundred events)."""
    actors = "[" + ", ".join(f"'{a}'" for a in _ACTORS) + "]"
    codes = "[" + ", ".join(f"'{c}'" for c in _CODES) + "]"
    conn.execute(
        """INSERT INTO articles (id, url, title, language, published, text,
            n_mentions, n_events, ingested_at)
        SELECT printf('%016x', i), 'https://example.org/' || i, 'title ' || i,
            'fr', DATE '2020-01-01' + (i % 1826)::INTEGER, 'text', 0, 100,
            current_timestamp
        FROM range(?) t(i)""",
        [max(1, n // 100)],
    )
    conn.execute(
        f"""INSERT INTO events (id, article_id, idx, cluster_id, source_code,
            target_code, code, base_code, root_code, quad_class, goldstein,
            label, modality, event_date, date_value, date_precision, n_evidence,
            confidence, is_symmetric, event, place_name, place_country)
        SELECT i + 1, printf('%016x', i // 100), i % 100, i + 1,
            {actors}[1 + (hash(i) % {len(_ACTORS)})::INTEGER],
            {actors}[1 + (hash(i + 7) % {len(_ACTORS)})::INTEGER],
            c, c[1:3], c[1:2],
            CASE WHEN c < '06' THEN 1 WHEN c < '09' THEN 2
                 WHEN c < '14' THEN 3 ELSE 4 END,
            (hash(i + 3) % 200)::DOUBLE / 10 - 10, '', 'asserted',
            DATE '2020-01-01' + (hash(i + 11) % 1826)::INTEGER, NULL, 'day', 1,
            1.0, false, '{{}}', 'Paris', 'FRA'
        FROM (SELECT i, {codes}[1 + (hash(i + 5) % {len(_CODES)})::INTEGER] AS c
              FROM range(?) t(i))""",
        [n],
    )


def fill(conn: Connection, n: int) -> None:
    """``generate`` on any store: on PostgreSQL, the rows are generated in
    an in-memory DuckDB, then copied over with COPY and analysed."""
    if not dialect(conn).shared:
        generate(conn, n)  # type: ignore[arg-type]
        return
    local = duckdb.connect(":memory:")
    local.execute("SET enable_progress_bar = false")
    from ..store.schema import migrate

    migrate(local)
    generate(local, n)
    for table in ("articles", "events"):
        cursor = local.execute(f"SELECT * FROM {table}")
        names = ", ".join(d[0] for d in cursor.description or ())
        while batch := cursor.fetchmany(50_000):
            insert_rows(conn, table, names, batch)
    local.close()
    conn.execute("ANALYZE")


def _median_ms(func: Callable[[], object], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 1)


# One trend per kind of filter, each alone (names as in a URL).
_TREND_FILTERS: list[dict[str, str]] = [
    {}, {"actor": "RUS"}, {"actor": "RUS", "target": "UKR", "undirected": "1"},
    {"code": "14|18|19"}, {"quad": "4"}, {"goldstein": "-10..-5"},
    {"actor_country": "RUS", "actor_role": "MIL"}, {"modality": "asserted"},
    {"language": "fr"}, {"place_country": "FRA"},
    {"since": "2022-01-01", "until": "2022-12-31"},
]  # fmt: skip


def _trends(conn: Connection) -> dict[str, object]:
    """The weekly trend's median time for each single filter, the slowest of
    them, and a text search (a page of events whose evidence or article
    holds a word)."""
    from ..store.trends import trend

    out: dict[str, object] = {}
    for query in _TREND_FILTERS:
        filters = parse_filters(query)
        name = "&".join(f"{k}={v}" for k, v in query.items()) or "all"
        out[f"trend_week_ms[{name}]"] = _median_ms(lambda: trend(conn, filters, "week"))  # noqa: B023
    out["trend_week_ms_slowest"] = max(v for v in out.values())  # type: ignore[type-var]
    search = parse_filters({"q": "title 4242"}, limit=50)
    out["search_ms"] = _median_ms(lambda: list_events(conn, search))
    return out


def bench_db(n: int = 1_000_000, db: str | None = None) -> dict[str, object]:
    """Generate ``n`` events (in ``db``: a DuckDB file or an empty
    PostgreSQL database) and time the two queries."""
    with tempfile.TemporaryDirectory() as tmp:
        conn = connect(db or str(Path(tmp) / "bench.duckdb"))
        start = time.perf_counter()
        fill(conn, n)
        generated = time.perf_counter() - start
        filters = EventFilter(
            actor="RUS", code="19", since=date(2022, 1, 1), until=date(2023, 12, 31),
            limit=50,
        )  # fmt: skip
        dyad_rows = dyad(conn, "RUS", "UKR", "week")
        page = list_events(conn, filters)
        result = {
            "store": dialect(conn).name,
            "events": n,
            "generate_seconds": round(generated, 1),
            "dyad_week_ms": _median_ms(lambda: dyad(conn, "RUS", "UKR", "week")),
            "dyad_week_rows": len(dyad_rows),
            "events_page_ms": _median_ms(lambda: list_events(conn, filters)),
            "events_page_rows": len(page),
        }
        result.update(_trends(conn))
        conn.close()
    return result
