"""The single writer of the event database. Each call to ``write`` is one
transaction holding whole articles (the article, its mentions and its
events, with their clusters) and failure rows: a crash at any point leaves
every article either entirely there or not at all."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from ..models import DateRef, Failure
from .backend import Connection, dialect
from .clusters import DEFAULT_WINDOW_DAYS, Cluster, ClusterIndex, cluster_key
from .rows import ARTICLE_COLUMNS, EVENT_COLUMNS, MENTION_COLUMNS, ArticleRows


@dataclass
class WriteResult:
    """What one transaction did."""

    coded: int = 0
    duplicates: int = 0
    replaced: int = 0
    failures: int = 0
    events: int = 0


class Writer:
    """Writes coded articles and failures; keeps the cluster index."""

    def __init__(
        self, conn: Connection, window_days: int = DEFAULT_WINDOW_DAYS
    ) -> None:
        self.conn = conn
        self.window_days = window_days
        self._load()

    def reload(self, window_days: int | None = None) -> None:
        """Read the ids, URLs and clusters afresh from the database: after a
        rolled-back ``write``, whose changes to them the database undid."""
        if window_days is not None:
            self.window_days = window_days
        self._load()

    def _load(self) -> None:
        """Read what the writer keeps in memory: the clusters, the next event
        id, the stored article ids and URLs, and the write counter."""
        conn = self.conn
        self.clusters = ClusterIndex.load(conn, self.window_days)
        row = conn.execute("SELECT coalesce(max(id), 0) FROM events").fetchone()
        self.next_event = int(row[0]) + 1 if row else 1
        self.ids: set[str] = {
            r[0] for r in conn.execute("SELECT id FROM articles").fetchall()
        }
        self.urls: dict[str, str] = dict(
            conn.execute(  # type: ignore[arg-type]
                "SELECT url, id FROM articles WHERE url IS NOT NULL"
            ).fetchall()
        )
        row = conn.execute("SELECT max(n) FROM writes").fetchone()
        self.seen_writes = int(row[0]) if row and row[0] is not None else 0

    def _begin(self) -> int:
        """Open a write transaction. Incrementing the counter first makes
        concurrent writers (PostgreSQL) wait for each other's commit; a
        count this writer did not expect means another one wrote since, so
        it reads the database afresh before writing."""
        self.conn.execute("BEGIN TRANSACTION")
        row = self.conn.execute("UPDATE writes SET n = n + 1 RETURNING n").fetchone()
        number = int(row[0]) if row else 0
        if number != self.seen_writes + 1:
            self._load()
        return number

    def write(self, batch: Sequence[ArticleRows | Failure]) -> WriteResult:
        """Write a batch in one transaction. An article whose content hash is
        stored already is skipped; one whose URL is stored with another
        content replaces that article and its events."""
        result = WriteResult()
        number = self._begin()
        try:
            self._write(batch, result)
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            self.seen_writes = -1  # what is in memory is not what is stored
            raise
        self.seen_writes = number
        return result

    def _write(
        self, batch: Sequence[ArticleRows | Failure], result: WriteResult
    ) -> None:
        articles: list[tuple[object, ...]] = []
        mentions: list[tuple[object, ...]] = []
        events: list[tuple[object, ...]] = []
        failures: list[tuple[object, ...]] = []
        touched: set[int] = set()
        rows = self.conn.execute("SELECT count(*) > 0 FROM failures").fetchall()
        stale_failures = bool(rows[0][0])
        for entry in batch:
            if isinstance(entry, Failure):
                self.conn.execute(
                    "DELETE FROM failures "
                    "WHERE file = ? AND item IS NOT DISTINCT FROM ?",
                    [entry.file, entry.item],
                )
                failures.append((entry.file, entry.item, entry.reason, entry.message))
                continue
            if stale_failures:
                # The input reads and codes now: its failure row is history.
                self.conn.execute(
                    "DELETE FROM failures "
                    "WHERE file = ? AND item IS NOT DISTINCT FROM ?",
                    [entry.article[6], entry.article[7]],
                ).fetchall()
            if entry.id in self.ids:
                result.duplicates += 1
                continue
            if entry.url and entry.url in self.urls:
                touched |= self._delete(self.urls[entry.url])
                result.replaced += 1
            self.ids.add(entry.id)
            if entry.url:
                self.urls[entry.url] = entry.id
            articles.append((*entry.article, entry.summary_only))
            mentions.extend(entry.mentions)
            for row in entry.events:
                cluster = self._cluster(entry, row)
                touched.add(cluster.id)
                events.append((self.next_event, cluster.id, *row))
                self.next_event += 1
            result.coded += 1
            result.events += len(entry.events)
        articles_sql = ", ".join((*ARTICLE_COLUMNS, "summary_only", "ingested_at"))
        insert_rows(
            self.conn, "articles", articles_sql, articles, extra="current_timestamp"
        )
        insert_rows(self.conn, "mentions", ", ".join(MENTION_COLUMNS), mentions)
        insert_rows(
            self.conn, "events", ", ".join(("id", "cluster_id", *EVENT_COLUMNS)), events
        )
        insert_rows(self.conn,
            "failures", "file, item, reason, message, failed_at", failures,
            extra="current_timestamp",
        )  # fmt: skip
        result.failures = len(failures)
        self._save_clusters(touched)

    def recluster(self, window_days: int | None = None) -> int:
        """Assign every stored event to clusters afresh (after changing the
        window, say), in one transaction; returns the number of clusters."""
        days = window_days if window_days is not None else self.clusters.window.days
        number = self._begin()
        self.clusters = ClusterIndex(window=timedelta(days=days))
        events = self.conn.execute(
            "SELECT e.id, e.source_code, e.target_code, e.root_code, e.modality, "
            "e.is_symmetric, e.code, e.date_value, e.date_precision, "
            "coalesce(a.published, e.event_date) "
            "FROM events e JOIN articles a ON a.id = e.article_id ORDER BY e.id"
        ).fetchall()
        pairs = []
        for row in events:
            ref = DateRef(text="", value=row[7], precision=row[8]) if row[7] else None
            key = cluster_key(row[1], row[2], row[3], row[4], row[5])
            pairs.append(
                (row[0], self.clusters.assign(key, row[6], row[5], ref, row[9]).id)
            )
        try:
            self.conn.execute("DELETE FROM clusters")
            self.conn.execute(
                "CREATE TEMP TABLE _assign (event_id BIGINT, cluster_id BIGINT)"
            )
            insert_rows(self.conn, "_assign", "event_id, cluster_id", pairs)
            self.conn.execute(
                "UPDATE events SET cluster_id = a.cluster_id FROM _assign a "
                "WHERE events.id = a.event_id"
            )
            self.conn.execute("DROP TABLE _assign")
            self._save_clusters({cluster_id for _, cluster_id in pairs})
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            self.seen_writes = -1
            raise
        self.seen_writes = number
        self.window_days = days
        return len(self.clusters.by_id)

    def _cluster(self, entry: ArticleRows, row: tuple[object, ...]) -> Cluster:
        field = entry.event_field
        value = field(row, "date_value")
        ref = (
            DateRef(text="", value=value, precision=field(row, "date_precision"))  # type: ignore[arg-type]
            if value
            else None
        )
        published = entry.article[ARTICLE_COLUMNS.index("published")]
        seen = published if isinstance(published, date) else field(row, "event_date")
        key = cluster_key(
            field(row, "source_code"),  # type: ignore[arg-type]
            field(row, "target_code"),  # type: ignore[arg-type]
            str(field(row, "root_code")),
            str(field(row, "modality")),
            bool(field(row, "is_symmetric")),
        )
        return self.clusters.assign(
            key,
            str(field(row, "code")),
            bool(field(row, "is_symmetric")),
            ref,
            seen,  # type: ignore[arg-type]
        )

    def _delete(self, article_id: str) -> set[int]:
        """Delete an article and what it holds; return its clusters."""
        touched = {
            r[0]
            for r in self.conn.execute(
                "SELECT DISTINCT cluster_id FROM events WHERE article_id = ?",
                [article_id],
            ).fetchall()
            if r[0] is not None
        }
        for table, column in (("events", "article_id"), ("mentions", "article_id")):
            self.conn.execute(f"DELETE FROM {table} WHERE {column} = ?", [article_id])
        self.conn.execute("DELETE FROM articles WHERE id = ?", [article_id])
        self.ids.discard(article_id)
        return touched

    def _save_clusters(self, touched: set[int]) -> None:
        """Insert new clusters, update changed ones, recount the touched ones
        GDELT's way and drop those left without events."""
        if not touched:
            return
        sql = dialect(self.conn)
        new, changed = [], []
        for cluster_id in touched:
            cluster = self.clusters.by_id.get(cluster_id)
            if cluster is None or not cluster.dirty:
                continue
            date_value = cluster.date.value if cluster.date else None
            precision = cluster.date.precision if cluster.date else None
            if cluster.new:
                new.append((
                    cluster.id, cluster.key[0], cluster.key[1], cluster.key[2],
                    cluster.code, cluster.key[3] or "asserted", cluster.symmetric,
                    date_value, precision, cluster.first_seen, cluster.last_seen,
                ))  # fmt: skip
            else:
                changed.append(
                    (date_value, precision, cluster.first_seen, cluster.last_seen,
                     cluster.id)
                )  # fmt: skip
            cluster.dirty = cluster.new = False
        insert_rows(
            self.conn,
            "clusters",
            "id, source_code, target_code, root_code, code, modality, is_symmetric, "
            "date_value, date_precision, first_seen, last_seen",
            new,
        )
        if len(new) > 10_000 and sql.shared:
            # Planner statistics for the rows this transaction added (a
            # recluster): without them PostgreSQL takes the table for empty.
            self.conn.execute("ANALYZE clusters")
        if changed:
            self.conn.executemany(
                "UPDATE clusters SET date_value = ?, date_precision = ?, "
                "first_seen = ?, last_seen = ? WHERE id = ?",
                changed,
            )
        ids = sorted(touched)
        host = sql.host("a.url")
        self.conn.execute(
            f"""UPDATE clusters SET
                num_mentions = s.mentions, num_articles = s.articles,
                num_sources = s.sources, event_date = s.event_date,
                first_seen = s.first_seen, last_seen = s.last_seen
            FROM (
                SELECT e.cluster_id,
                    sum(greatest(e.n_evidence, 1)) AS mentions,
                    count(DISTINCT e.article_id) AS articles,
                    count(DISTINCT coalesce(a.source,
                        {host},
                        a.file, a.id)) AS sources,
                    min(e.event_date) AS event_date,
                    min(coalesce(a.published, e.event_date)) AS first_seen,
                    max(coalesce(a.published, e.event_date)) AS last_seen
                FROM events e JOIN articles a ON a.id = e.article_id
                WHERE {sql.among("e.cluster_id")}
                GROUP BY e.cluster_id
            ) s
            WHERE clusters.id = s.cluster_id""",
            [ids],
        )
        for cluster_id, first, last in self.conn.execute(
            f"SELECT id, first_seen, last_seen FROM clusters WHERE {sql.among('id')}",
            [ids],
        ).fetchall():
            if cluster_id in self.clusters.by_id:
                self.clusters.by_id[cluster_id].first_seen = first
                self.clusters.by_id[cluster_id].last_seen = last
        # NOT EXISTS, not NOT IN: PostgreSQL runs NOT IN over a large
        # subquery row by row.
        empty = self.conn.execute(
            f"SELECT c.id FROM clusters c WHERE {sql.among('c.id')} "
            "AND NOT EXISTS (SELECT 1 FROM events e WHERE e.cluster_id = c.id)",
            [ids],
        ).fetchall()
        for (cluster_id,) in empty:
            self.clusters.forget(cluster_id)
        if empty:
            self.conn.execute(
                f"DELETE FROM clusters WHERE {sql.among('id')}",
                [[r[0] for r in empty]],
            )


def insert_rows(
    conn: Connection,
    table: str,
    columns: str,
    rows: Sequence[Sequence[object]],
    extra: str | None = None,
) -> None:
    """Insert rows in bulk: in DuckDB through a registered view of NumPy
    object columns (far faster than parameters per row), in PostgreSQL with
    COPY. ``extra`` is an SQL expression for one more column, such as
    ``current_timestamp``."""
    if not rows:
        return
    names = [name.strip() for name in columns.split(",")]
    if dialect(conn).shared:
        # PostgreSQL: COPY; ``extra`` is always the current time.
        conn.copy_rows(table, names, rows, now=extra is not None)  # type: ignore[attr-defined]
        return
    width = len(rows[0])
    data = {}
    for index in range(width):
        column = np.empty(len(rows), dtype=object)
        column[:] = [row[index] for row in rows]
        data[f"c{index}"] = column
    select = ", ".join(f"c{index}" for index in range(width))
    if extra:
        select += f", {extra}"
    view = f"_rows_{table}"
    conn.register(view, data)
    try:
        conn.execute(
            f"INSERT INTO {table} ({', '.join(names)}) SELECT {select} FROM {view}"
        )
    finally:
        conn.unregister(view)
