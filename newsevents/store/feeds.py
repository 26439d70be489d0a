"""What the database knows of followed feeds: the items already read, the
articles coded from a summary only (their page still to fetch) and each
watched feed's state for conditional GET. Each write is one short
transaction."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from .backend import Connection


@dataclass(frozen=True)
class Pending:
    """An article coded from a feed's summary: fetch its page again."""

    url: str
    file: str | None
    item: str | None
    title: str | None
    published: date | None
    source: str | None
    language: str


@dataclass(frozen=True)
class FeedState:
    """A watched feed's validators and last outcome."""

    url: str
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None


def seen_items(conn: Connection) -> dict[str, set[str]]:
    """The keys (guid or link) of the items already read, by feed."""
    seen: dict[str, set[str]] = {}
    for feed, item in conn.execute("SELECT feed, item FROM feed_items").fetchall():
        seen.setdefault(feed, set()).add(item)
    return seen


def coded_urls(conn: Connection) -> set[str]:
    """URLs of the articles coded from their page."""
    rows = conn.execute(
        "SELECT url FROM articles WHERE url IS NOT NULL AND NOT summary_only"
    ).fetchall()
    return {row[0] for row in rows}


def pending(conn: Connection) -> list[Pending]:
    """Articles coded from a summary only, oldest first."""
    rows = conn.execute(
        "SELECT url, file, item, title, published, source, language FROM articles "
        "WHERE summary_only AND url IS NOT NULL ORDER BY ingested_at, id"
    ).fetchall()
    return [Pending(*row) for row in rows]


def mark_seen(conn: Connection, items: Iterable[tuple[str, str]]) -> None:
    """Record (feed, item key) pairs as read, in one transaction."""
    rows = sorted(set(items))
    if not rows:
        return
    conn.execute("BEGIN TRANSACTION")
    try:
        conn.executemany(
            "INSERT INTO feed_items VALUES (?, ?, current_timestamp) "
            "ON CONFLICT DO NOTHING",
            rows,
        )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def clear_failures(conn: Connection, entries: Iterable[tuple[str, str | None]]) -> None:
    """Drop the failure rows of (file, item) pairs now coded in full."""
    rows = sorted(set(entries), key=str)
    if rows:
        conn.executemany(
            "DELETE FROM failures WHERE file = ? AND item IS NOT DISTINCT FROM ?",
            rows,
        )


def load_state(conn: Connection, url: str) -> FeedState:
    """A feed's validators and last error (empty for a new feed)."""
    row = conn.execute(
        "SELECT url, etag, last_modified, error FROM feed_state WHERE url = ?", [url]
    ).fetchone()
    return FeedState(*row) if row else FeedState(url)


def save_state(conn: Connection, state: FeedState, new_items: int) -> None:
    """Record a poll of a feed: its validators, or the error it gave."""
    conn.execute(
        """INSERT INTO feed_state AS s
            VALUES (?, ?, ?, current_timestamp,
                    CASE WHEN CAST(? AS VARCHAR) IS NULL
                    THEN current_timestamp END, ?, ?)
        ON CONFLICT (url) DO UPDATE SET
            etag = coalesce(excluded.etag, s.etag),
            last_modified = coalesce(excluded.last_modified, s.last_modified),
            checked_at = excluded.checked_at,
            ok_at = coalesce(excluded.ok_at, s.ok_at),
            new_items = excluded.new_items, error = excluded.error""",
        [state.url, state.etag, state.last_modified, state.error, new_items,
         state.error],
    )  # fmt: skip
