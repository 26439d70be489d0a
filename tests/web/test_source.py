"""URLs as inputs: a feed's items followed to their pages, summary-only
items when a page cannot be fetched, no request to forbidden addresses."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from newsevents.ingest.files import RawItem
from newsevents.models import Failure
from newsevents.store.schema import connect
from newsevents.web.fetch import Fetcher, FetchOptions
from newsevents.web.source import FeedSpec, WebSource
from tests.web._feeds import page, rss
from tests.web._server import FaultServer

FAST = FetchOptions(timeout=1.0, retries=1, backoff=0.01, host_interval=0.0)
WHEN = "Wed, 19 Jun 2024 10:00:00 +0200"


@pytest.fixture
def canary():  # type: ignore[no-untyped-def]
    """Another local server that no test may reach: feed links point at it."""
    server = FaultServer().start()
    yield server
    server.stop()


def _no_dns(host: str, port: int) -> list[str]:
    """Every name resolves to a documentation address (TEST-NET-1): no
    lookup leaves the machine, and the guard refuses the address."""
    return ["192.0.2.1"]


def _source(server: FaultServer, conn: duckdb.DuckDBPyConnection) -> WebSource:
    fetcher = Fetcher(FAST, resolver=_no_dns)
    fetcher.trust([server.base])
    web = WebSource(fetcher, specs={server.url("/feed.xml"): FeedSpec(
        server.url("/feed.xml"), source="Le Test", language="fr")})  # fmt: skip
    return web.load(conn)


def test_source_feed_items_pages_and_faults(
    http_server: FaultServer, canary: FaultServer
) -> None:
    article = page(1)
    http_server.add("/robots.txt", "User-agent: *\nDisallow: /prive/\n", "text/plain")
    http_server.add("/a1.html", article.html)
    http_server.add("/a2.html", "panne", status=500)
    http_server.add("/prive/a3.html", page(3).html)
    items = [
        ("Un", http_server.url("/a1.html"), "Résumé un.", WHEN),
        ("Deux", http_server.url("/a2.html"), "Résumé deux.", WHEN),
        ("Trois", http_server.url("/prive/a3.html"), "Résumé trois.", WHEN),
        ("Quatre", canary.url("/a4.html"), "Résumé quatre.", WHEN),
        ("Cinq", "http://169.254.169.254/latest/meta-data/", "Résumé cinq.", WHEN),
        ("Six", "file:///etc/passwd", "Résumé six.", WHEN),
    ]
    http_server.add("/feed.xml", rss("Flux", items), "application/rss+xml")
    conn = connect(":memory:")
    web = _source(http_server, conn)
    out = list(web.read(http_server.url("/feed.xml")))
    raw = [i for i in out if isinstance(i, RawItem)]
    failures = [i for i in out if isinstance(i, Failure)]
    assert [(i.title, i.summary_only) for i in raw] == [
        (article.title, False), ("Deux", True), ("Trois", True), ("Quatre", True),
        ("Cinq", True), ("Six", True),
    ]  # fmt: skip
    first = raw[0]
    assert all(p in first.text for p in article.paragraphs)
    assert not any(b in first.text for b in article.boilerplate[:6])
    assert (first.source, first.language, first.url) == (
        "Le Test", "fr", http_server.url("/a1.html"),
    )  # fmt: skip
    assert raw[1].text == "Deux\nRésumé deux."
    assert [(f.item, f.reason) for f in failures] == [
        (http_server.url("/a2.html"), "fetch"),
        (http_server.url("/prive/a3.html"), "forbidden"),
        (canary.url("/a4.html"), "forbidden"),
        ("http://169.254.169.254/latest/meta-data/", "forbidden"),
        ("file://etc/passwd", "forbidden"),  # as feedparser writes it
    ]
    assert "HTTP 500" in failures[0].message and "robots.txt" in failures[1].message
    assert "summary" in failures[0].message
    # Nothing robots.txt forbids was fetched, no request left for the canary.
    assert "/prive/a3.html" not in http_server.paths()
    assert canary.requests == []
    assert http_server.paths().count("/a2.html") == 2  # one try, one retry
    poll = web.polls[0]
    assert (poll.new_items, poll.pages, poll.page_errors) == (6, 1, 5)


def test_source_second_read_adds_nothing_and_retries_pages(
    http_server: FaultServer,
) -> None:
    items = [("Un", http_server.url("/a1.html"), "Résumé un.", WHEN)]
    http_server.add("/feed.xml", rss("Flux", items), "application/rss+xml")
    http_server.add("/a1.html", "", status=503)
    conn = connect(":memory:")
    web = _source(http_server, conn)
    (fail, first) = list(web.read(http_server.url("/feed.xml")))
    assert isinstance(first, RawItem) and first.summary_only
    web.commit(conn)
    # Pretend the runner stored it, summary-only.
    conn.execute(
        "INSERT INTO articles (id, url, title, language, file, item, text, "
        "n_mentions, n_events, ingested_at, summary_only) VALUES "
        "('x', ?, 'Un', 'fr', ?, ?, 'Un', 0, 0, current_timestamp, true)",
        [first.url, first.file, first.item],
    )
    again = list(_source(http_server, conn).read(http_server.url("/feed.xml")))
    assert again == []  # the page still fails: nothing new
    article = page(5)
    http_server.add("/a1.html", article.html)
    third = list(_source(http_server, conn).read(http_server.url("/feed.xml")))
    assert [(i.item, i.summary_only) for i in third] == [(first.item, False)]  # type: ignore[union-attr]
    assert article.paragraphs[0] in third[0].text  # type: ignore[union-attr]


def test_source_bad_feeds_become_failure_rows(
    http_server: FaultServer, shared: Path
) -> None:
    malformed = (shared / "data/rss/fr/malformed.xml").read_bytes()
    http_server.add("/malformed.xml", malformed, "application/rss+xml")
    http_server.add("/binary.xml", bytes(range(256)) * 8, "application/rss+xml")
    http_server.add("/gone.xml", "", status=410)
    http_server.add("/page.html", "<html><body><div></div></body></html>")
    conn = connect(":memory:")
    web = _source(http_server, conn)
    failures = {}
    for path in ("/malformed.xml", "/binary.xml", "/gone.xml", "/page.html"):
        out = list(web.read(http_server.url(path)))
        failures[path] = [f.reason for f in out if isinstance(f, Failure)]
    assert failures == {
        "/malformed.xml": ["malformed", "forbidden"],  # its one item's link
        "/binary.xml": ["binary"],
        "/gone.xml": ["fetch"],
        "/page.html": ["malformed"],
    }
    assert [p.error is not None for p in web.polls] == [True] * 4


def test_source_single_page_url(http_server: FaultServer) -> None:
    article = page(7)
    http_server.add("/2024/06/19/sommet.html", article.html)
    web = _source(http_server, connect(":memory:"))
    (item,) = list(web.read(http_server.url("/2024/06/19/sommet.html")))
    assert isinstance(item, RawItem) and not item.summary_only
    assert item.title == article.title and item.published == article.published
    assert all(p in item.text for p in article.paragraphs)
    assert (item.file, item.item) == (http_server.url("/2024/06/19/sommet.html"), None)
