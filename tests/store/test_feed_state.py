"""The feed state (store.feeds) on both backends: items read once, each
feed's validators kept across polls, summary-only articles pending."""

from __future__ import annotations

from collections.abc import Callable

from newsevents.store import feeds
from newsevents.store.schema import connect


def test_feeds_items_are_marked_seen_once(new_db: Callable[[], str]) -> None:
    conn = connect(new_db())
    feeds.mark_seen(conn, [("https://a.fr/rss", "1"), ("https://a.fr/rss", "2")])
    feeds.mark_seen(conn, [("https://a.fr/rss", "2"), ("https://b.fr/rss", "1")])
    assert feeds.seen_items(conn) == {
        "https://a.fr/rss": {"1", "2"},
        "https://b.fr/rss": {"1"},
    }


def test_feeds_state_keeps_validators_across_polls(new_db: Callable[[], str]) -> None:
    conn = connect(new_db())
    url = "https://a.fr/rss"
    assert feeds.load_state(conn, url) == feeds.FeedState(url)
    feeds.save_state(conn, feeds.FeedState(url, etag='"x"', last_modified="Mon"), 3)
    feeds.save_state(conn, feeds.FeedState(url, error="HTTP 503"), 0)
    assert feeds.load_state(conn, url) == feeds.FeedState(
        url, etag='"x"', last_modified="Mon", error="HTTP 503"
    )
    row = conn.execute("SELECT ok_at IS NOT NULL, new_items FROM feed_state").fetchone()
    assert row == (True, 0)


def test_feeds_nothing_pending_in_a_new_database(new_db: Callable[[], str]) -> None:
    conn = connect(new_db())
    assert feeds.pending(conn) == [] and feeds.coded_urls(conn) == set()


def test_feeds_through_a_database_opened_per_use(new_db: Callable[[], str]) -> None:
    # What `watch` and `ingest` hold: a DuckDB file or a PostgreSQL URL.
    from newsevents.store.connection import Database

    db = Database(new_db())
    with db.open() as conn:
        feeds.mark_seen(conn, [("https://a.fr/rss", "1")])
    with db.open(read_only=True) as conn:
        assert feeds.seen_items(conn) == {"https://a.fr/rss": {"1"}}
