"""The watch loop and `newsevents ingest URL` against a local server: new
items only, no duplicates, faults recorded, and a running `serve` that
shows the new events without a restart."""

from __future__ import annotations

import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import httpx
import pytest
from typer.testing import CliRunner

from newsevents.cli import app
from newsevents.errors import DataError
from newsevents.store.connection import Database
from newsevents.web.watch import parse_every, read_feeds_file
from tests.conftest import ROOT, subprocess_env
from tests.web._feeds import EVENTS_FR, news_page, rss
from tests.web._server import FaultServer

runner = CliRunner()
WHEN = "Wed, 19 Jun 2024 10:00:00 +0200"


@pytest.mark.parametrize(
    "value,seconds", [("15m", 900.0), ("90", 90.0), ("30s", 30.0), ("1h", 3600.0)]
)
def test_watch_every(value: str, seconds: float) -> None:
    assert parse_every(value) == seconds


def test_watch_every_rejects_nonsense() -> None:
    with pytest.raises(ValueError, match="want a duration"):
        parse_every("soon")


def test_watch_feeds_file(tmp_path: Path) -> None:
    path = tmp_path / "feeds.txt"
    path.write_text(
        "# outlets\n\nhttps://a.fr/rss.xml | Le Journal | fr\n"
        "https://b.com/feed\nhttps://c.com/feed | | EN\n"
    )
    specs = read_feeds_file(path)
    assert [(s.url, s.source, s.language) for s in specs] == [
        ("https://a.fr/rss.xml", "Le Journal", "fr"),
        ("https://b.com/feed", None, None),
        ("https://c.com/feed", None, "en"),
    ]
    path.write_text("https://a.fr/rss.xml\nfile:///etc/passwd\n")
    with pytest.raises(DataError, match=r"feeds.txt:2: "):
        read_feeds_file(path)


def test_watch_example_feeds_file_reads() -> None:
    specs = read_feeds_file(ROOT / "examples" / "feeds.txt")
    assert {s.language for s in specs} == {"fr", "en"}
    assert all(s.url.startswith("https://") and s.source for s in specs)


def _lemonde(server: FaultServer, shared: Path) -> list[str]:
    """Serve the real Le Monde feed with its links moved to the server; the
    pages of every other item exist, the rest are missing."""
    feed = (shared / "data/rss/fr/lemonde-2021.xml").read_text(encoding="utf-8")
    feed = feed.replace("https://www.lemonde.fr/", server.base + "/lemonde/")
    server.add("/lemonde-2021.xml", feed, "application/rss+xml")
    links = re.findall(r"<link>\s*(\S+_\d+_\d+\.html)\s*</link>", feed)
    for number, link in enumerate(links):
        if number % 2:
            title = f"Article {number}"
            page = news_page(title, [EVENTS_FR[number % len(EVENTS_FR)]], "2021-05-20")
            server.add(link[len(server.base) :], page)
    return links


@pytest.mark.slow
@pytest.mark.parametrize(
    "where", [["--processes", "1"], ["--dask", "local:2", "--lang", "fr"]]
)
def test_issue_16_ingest_feed_url(
    http_server: FaultServer, shared: Path, tmp_path: Path, where: list[str]
) -> None:
    """A feed URL, locally or on a Dask cluster (which fetches on the
    client): every item once, summaries where pages are missing."""
    links = _lemonde(http_server, shared)
    assert len(links) == 18
    db = str(tmp_path / "web.duckdb")
    url = http_server.url("/lemonde-2021.xml")
    args = ["ingest", url, "--db", db, *where, "--delay", "0"]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    assert first.stdout.startswith(
        "coded 18, skipped as duplicate 0, failed 9 (fetch: 9)"
    )
    conn = duckdb.connect(db, read_only=True)
    stored = conn.execute(
        "SELECT url, summary_only FROM articles ORDER BY url"
    ).fetchall()
    assert sorted(u for u, _ in stored) == sorted(links)  # every item, once
    summary_only = {u for u, only in stored if only}
    assert summary_only == {link for n, link in enumerate(links) if n % 2 == 0}
    conn.close()
    second = runner.invoke(app, args)
    assert second.exit_code == 0, second.output
    assert second.stdout.startswith("coded 0, skipped as duplicate 0, failed 0")
    conn = duckdb.connect(db, read_only=True)
    assert conn.execute("SELECT count(*) FROM articles").fetchone() == (18,)
    conn.close()
    # Every request went to this server and robots.txt was asked once a run.
    assert http_server.paths().count("/robots.txt") == 2


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _events(base: str) -> dict[str, object]:
    return httpx.get(f"{base}/api/events?limit=100", timeout=10).json()


@pytest.mark.slow
def test_issue_16_watch_three_passes_with_serve(
    http_server: FaultServer, tmp_path: Path
) -> None:
    canary = FaultServer().start()  # links to it must never be followed
    feed_gets: list[int] = []
    items = [
        (
            f"Titre {n}",
            http_server.url(f"/a{n}.html"),
            f"Résumé {n}. {EVENTS_FR[n]}",
            WHEN,
        )
        for n in range(6)
    ]
    versions = [items[:2], items[:4], items[:6]]

    def feed(headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        version = min(len(feed_gets), 2)
        etag = f'"v{version}"'
        feed_gets.append(version)
        if headers.get("if-none-match") == etag:
            return 304, {"etag": etag}, b""
        extra = [("Privé", canary.url("/x.html"), f"Résumé. {EVENTS_FR[2]}", WHEN)]
        body = rss("Journal de test", versions[version] + extra)
        return 200, {"content-type": "application/rss+xml", "etag": etag}, body.encode()

    http_server.route("/feed.xml", feed)
    http_server.add("/robots.txt", "User-agent: *\nDisallow: /a5.html\n", "text/plain")
    for n in range(6):
        page = news_page(f"Titre {n}", [EVENTS_FR[n]], "2024-06-19")
        http_server.add(f"/a{n}.html", page)
    served_500 = {"n": 0}

    def flaky(_: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        served_500["n"] += 1
        if served_500["n"] <= 3:  # the first pass: a try and two retries fail
            return 500, {}, b"panne"
        return 200, {"content-type": "text/html"}, news_page(
            "Titre 1", [EVENTS_FR[1]], "2024-06-19").encode()  # fmt: skip

    http_server.route("/a1.html", flaky)
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"{http_server.url('/feed.xml')} | Journal de test | fr\n")
    db = tmp_path / "watch.duckdb"
    Database(db)  # created and migrated, so that serve can open it
    env = subprocess_env()
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    serve = subprocess.Popen(
        [sys.executable, "-m", "newsevents.cli", "serve", "--db", str(db),
         "--port", str(port)],
        env=env, stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    watch = subprocess.Popen(
        [sys.executable, "-m", "newsevents.cli", "watch", str(feeds), "--db",
         str(db), "--every", "2s", "--delay", "0", "--processes", "1"],
        env=env, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        _wait_up(base)
        assert _events(base)["total"] == 0
        lines, seen = [], []
        assert watch.stderr is not None
        while len(lines) < 4:
            line = watch.stderr.readline()
            assert line, f"watch ended early: {lines}"
            if "pass " in line:
                lines.append(line)
                seen.append(_events(base)["total"])  # serve sees each pass
        watch.send_signal(signal.SIGTERM)
        rest = watch.stderr.read()
        assert watch.wait(timeout=60) == 0
    finally:
        for process in (watch, serve):
            if process.poll() is None:
                process.kill()
                process.wait()
        canary.stop()
    assert "stopped" in rest
    assert re.match(
        r"newsevents watch: pass 1: 1 feed\(s\) polled \(0 unchanged\), 3 new item\(s\)",
        lines[0],
    ), lines
    assert "2 new item(s)" in lines[1] and "2 new item(s)" in lines[2]
    assert "(1 unchanged), 0 new item(s)" in lines[3]
    assert seen[0] > 0 and seen[0] < seen[1] < seen[2] and seen[2] == seen[3]
    conn = duckdb.connect(str(db), read_only=True)
    articles = conn.execute(
        "SELECT url, summary_only FROM articles ORDER BY url"
    ).fetchall()
    # Every item once: a1 fetched in full on the second pass, a5 (robots)
    # and the private link coded from their summaries.
    assert articles == sorted(
        [(http_server.url(f"/a{n}.html"), n == 5) for n in range(6)]
        + [(canary.url("/x.html"), True)]
    )
    reasons = dict(
        conn.execute("SELECT reason, count(*) FROM failures GROUP BY reason").fetchall()
    )
    assert reasons == {"forbidden": 2}  # the private link, the robots one
    state = conn.execute("SELECT etag, error FROM feed_state").fetchall()
    assert state == [('"v2"', None)]
    conn.close()
    assert canary.requests == []
    assert "/a5.html" not in http_server.paths()


def _wait_up(base: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/api/events", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"serve did not answer within {timeout} s")


def test_watch_pass_records_failures_and_honours_retry_after(
    http_server: FaultServer, tmp_path: Path
) -> None:
    from newsevents.web.fetch import FetchOptions
    from newsevents.web.source import FeedSpec
    from newsevents.web.watch import Watcher

    http_server.add("/busy.xml", "", status=429, headers={"retry-after": "600"})
    http_server.add("/broken.xml", "<rss><channel><title>Cassé", "application/rss+xml")
    http_server.add("/empty.xml", rss("Vide", []), "application/rss+xml")
    specs = [
        FeedSpec(http_server.url(p)) for p in ("/busy.xml", "/broken.xml", "/empty.xml")
    ]
    clock = [1000.0]
    watcher = Watcher(
        Database(tmp_path / "w.duckdb"),
        specs,
        fetch=FetchOptions(retries=0, host_interval=0.0),
        clock=lambda: clock[0],
    )
    first = watcher.run_pass()
    assert (first.feeds, first.waiting, first.errors, first.new_items) == (3, 0, 2, 0)
    assert first.line().startswith("pass 1: 3 feed(s) polled (0 unchanged), 0 new")
    clock[0] += 60
    second = watcher.run_pass()
    assert (second.feeds, second.waiting) == (2, 1)
    assert "(0 unchanged, 1 waiting on Retry-After)" in second.line()
    assert http_server.paths().count("/busy.xml") == 1
    clock[0] += 600
    assert watcher.run_pass().waiting == 0
    assert http_server.paths().count("/busy.xml") == 2
    conn = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    failures = conn.execute(
        "SELECT file, reason FROM failures ORDER BY file"
    ).fetchall()
    state = conn.execute(
        "SELECT url, error IS NULL FROM feed_state ORDER BY url"
    ).fetchall()
    conn.close()
    assert failures == [
        (http_server.url("/broken.xml"), "malformed"),
        (http_server.url("/busy.xml"), "fetch"),
    ]
    assert state == [
        (http_server.url("/broken.xml"), False),
        (http_server.url("/busy.xml"), False),
        (http_server.url("/empty.xml"), True),
    ]
