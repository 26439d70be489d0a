"""The store's side of the scaling law: as the database grows (10^4, 10^5,
10^6 generated events), how long the writer takes to start (it reads the
cluster index), to load one shard of new coded articles in bulk with their
clustering, and to cluster every stored event afresh. On DuckDB or on an
empty PostgreSQL database. Prints figures; not a test."""

from __future__ import annotations

import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from ..store.backend import Connection, dialect, is_postgres
from ..store.rows import ARTICLE_COLUMNS, EVENT_COLUMNS, ArticleRows
from ..store.schema import connect
from ..store.writer import Writer
from .store import _ACTORS, _CODES, fill

__all__ = ["bench_scaling", "synthetic_shard"]


def synthetic_shard(
    articles: int, events_per_article: int, seed: int = 0
) -> list[ArticleRows]:
    """Coded rows of made-up articles, shaped like the generated events:
    the same actors, codes and five years of dates."""
    rng = random.Random(seed)
    out = []
    for number in range(articles):
        published = date(2020, 1, 1) + timedelta(days=rng.randrange(1826))
        article_id = f"bench-{seed}-{number:08d}"
        values = dict.fromkeys(ARTICLE_COLUMNS)
        values.update(
            id=article_id, url=f"https://example.org/bench/{seed}/{number}",
            title="title", language="fr", published=published, text="text",
            places="[]", dates="[]", n_mentions=0, n_events=events_per_article,
        )  # fmt: skip
        events = []
        for index in range(events_per_article):
            code = rng.choice(_CODES)
            quad = 1 if code < "06" else 2 if code < "09" else 3 if code < "14" else 4
            day = published - timedelta(days=rng.randrange(3))
            row = dict.fromkeys(EVENT_COLUMNS)
            row.update(
                article_id=article_id, idx=index,
                source_code=rng.choice(_ACTORS), target_code=rng.choice(_ACTORS),
                code=code, base_code=code, root_code=code[:2], quad_class=quad,
                goldstein=rng.randrange(-100, 100) / 10, label="",
                modality="asserted", date_value=day.isoformat(),
                date_precision="day", event_date=day, n_evidence=1,
                confidence=1.0, is_symmetric=False, event="{}",
            )  # fmt: skip
            events.append(tuple(row[c] for c in EVENT_COLUMNS))
        out.append(ArticleRows(tuple(values[c] for c in ARTICLE_COLUMNS), [], events))
    return out


def _empty(conn: Connection) -> None:
    for table in ("events", "mentions", "articles", "clusters", "failures"):
        conn.execute(f"DELETE FROM {table}")


def _seconds(start: float) -> float:
    return round(time.perf_counter() - start, 2)


def bench_scaling(
    sizes: tuple[int, ...] = (10_000, 100_000, 1_000_000),
    db: str | None = None,
    shard_articles: int = 100,
    events_per_article: int = 10,
) -> list[dict[str, object]]:
    """One line of figures per database size. ``db`` a PostgreSQL URL (an
    empty database, emptied between sizes) or None for DuckDB files."""
    lines = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            target = db if db and is_postgres(db) else str(Path(tmp) / f"{size}.duckdb")
            conn = connect(target)
            _empty(conn)
            start = time.perf_counter()
            fill(conn, size)
            generated = _seconds(start)
            start = time.perf_counter()
            clusters = Writer(conn).recluster()
            reclustered = _seconds(start)
            start = time.perf_counter()
            writer = Writer(conn)
            opened = _seconds(start)
            shard = synthetic_shard(shard_articles, events_per_article, seed=size)
            start = time.perf_counter()
            result = writer.write(shard)
            loaded = time.perf_counter() - start
            lines.append({
                "store": dialect(conn).name,
                "events": size,
                "generate_s": generated,
                "recluster_all_s": reclustered,
                "clusters": clusters,
                "writer_start_s": opened,
                "shard_events": result.events,
                "shard_load_s": round(loaded, 2),
                "shard_events_per_s": round(result.events / loaded, 1),
            })  # fmt: skip
            conn.close()
    return lines
