"""Fetching against a local server with injected faults."""

from __future__ import annotations

import gzip
import zlib

import pytest

from newsevents.errors import FetchError, ForbiddenURL
from newsevents.web.fetch import Fetcher, FetchOptions, decode_body
from newsevents.web.safety import check_url
from tests.web._server import FaultServer, sequence, slow

FAST = FetchOptions(timeout=1.0, retries=2, backoff=0.01, host_interval=0.0)
PAGE = "<html><head><title>Été</title></head><body><p>Déjà vu à Noël.</p></body></html>"


def _fetcher(server: FaultServer, **options: object) -> Fetcher:
    fields = {**FAST.__dict__, **options}
    fetcher = Fetcher(FetchOptions(**fields))  # type: ignore[arg-type]
    fetcher.trust([server.base])
    return fetcher


def test_fetch_page_with_user_agent_and_gzip(http_server: FaultServer) -> None:
    http_server.add(
        "/a.html", gzip.compress(PAGE.encode()), headers={"content-encoding": "gzip"}
    )
    fetched = _fetcher(http_server).get(http_server.url("/a.html"))
    assert fetched.status == 200 and fetched.text() == PAGE
    seen = http_server.requests[-1]
    assert seen.headers["user-agent"].startswith("newsevents/0.1.0 (+")
    assert "gzip" in seen.headers["accept-encoding"]
    # robots.txt is asked first, once per origin.
    assert http_server.paths() == ["/robots.txt", "/a.html"]


def test_fetch_robots_txt_forbids(http_server: FaultServer) -> None:
    http_server.add("/robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain")
    http_server.add("/private/a.html", PAGE)
    http_server.add("/public.html", PAGE)
    fetcher = _fetcher(http_server)
    with pytest.raises(ForbiddenURL) as caught:
        fetcher.get(http_server.url("/private/a.html"))
    assert caught.value.reason == "robots"
    assert fetcher.get(http_server.url("/public.html")).status == 200
    assert "/private/a.html" not in http_server.paths()


def test_fetch_retries_500_then_succeeds(http_server: FaultServer) -> None:
    ok = (200, {"content-type": "text/html"}, PAGE.encode())
    http_server.route("/a.html", sequence((500, {}, b"oops"), (500, {}, b"oops"), ok))
    assert _fetcher(http_server).get(http_server.url("/a.html")).status == 200
    assert http_server.paths().count("/a.html") == 3


def test_fetch_gives_up_after_retries(http_server: FaultServer) -> None:
    http_server.add("/a.html", "down", status=500)
    with pytest.raises(FetchError) as caught:
        _fetcher(http_server).get(http_server.url("/a.html"))
    assert caught.value.reason == "http_500"
    assert http_server.paths().count("/a.html") == 3  # one try and two retries


def test_fetch_429_honours_retry_after(http_server: FaultServer) -> None:
    http_server.route(
        "/a.html",
        sequence(
            (429, {"retry-after": "7"}, b""),
            (200, {"content-type": "text/html"}, b"ok"),
        ),
    )
    waits: list[float] = []
    fetcher = _fetcher(http_server)
    fetcher.sleep = waits.append
    assert fetcher.get(http_server.url("/a.html")).content == b"ok"
    assert waits == [7.0]


def test_fetch_429_too_long_to_wait_is_a_failure(http_server: FaultServer) -> None:
    http_server.add("/a.html", "", status=429, headers={"retry-after": "3600"})
    with pytest.raises(FetchError) as caught:
        _fetcher(http_server).get(http_server.url("/a.html"))
    assert (caught.value.reason, caught.value.retry_after) == ("http_429", 3600.0)
    assert http_server.paths().count("/a.html") == 1


def test_fetch_timeout(http_server: FaultServer) -> None:
    http_server.route("/slow.html", slow(1.0, (200, {}, b"late")))
    with pytest.raises(FetchError) as caught:
        _fetcher(http_server, timeout=0.2, retries=1).get(http_server.url("/slow.html"))
    assert caught.value.reason == "timeout"


def test_fetch_redirect_loop_and_limit(http_server: FaultServer) -> None:
    http_server.add("/a", "", status=302, headers={"location": "/b"})
    http_server.add("/b", "", status=301, headers={"location": "/a"})
    for n in range(8):
        http_server.add(f"/r{n}", "", status=302, headers={"location": f"/r{n + 1}"})
    fetcher = _fetcher(http_server, max_redirects=5)
    with pytest.raises(FetchError) as loop:
        fetcher.get(http_server.url("/a"))
    with pytest.raises(FetchError) as chain:
        fetcher.get(http_server.url("/r0"))
    assert (loop.value.reason, chain.value.reason) == (
        "redirect_loop",
        "too_many_redirects",
    )
    assert "/r7" not in http_server.paths()


def test_fetch_redirect_to_a_private_address_refused(http_server: FaultServer) -> None:
    http_server.add("/a", "", status=302, headers={"location": "http://10.0.0.1/x"})
    with pytest.raises(ForbiddenURL) as caught:
        _fetcher(http_server).get(http_server.url("/a"))
    assert caught.value.reason == "private_address"


@pytest.mark.parametrize("encoding", ["gzip", "deflate"])
def test_fetch_compression_bomb_stopped(
    http_server: FaultServer, encoding: str
) -> None:
    zeros = b"\0" * 20_000_000
    bomb = gzip.compress(zeros, 9) if encoding == "gzip" else zlib.compress(zeros, 9)
    assert len(bomb) < 30_000  # 20 MB once inflated
    http_server.add("/bomb", bomb, headers={"content-encoding": encoding})
    with pytest.raises(FetchError) as caught:
        _fetcher(http_server, max_decoded=1_000_000).get(http_server.url("/bomb"))
    assert caught.value.reason == "too_large"
    assert "decompresses to over 1000000 bytes" in str(caught.value)


def test_fetch_response_over_size_limit(http_server: FaultServer) -> None:
    http_server.add("/big", b"x" * 200_000)
    with pytest.raises(FetchError) as caught:
        _fetcher(http_server, max_bytes=100_000).get(http_server.url("/big"))
    assert caught.value.reason == "too_large"


def test_fetch_conditional_get(http_server: FaultServer) -> None:
    def handler(headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        if headers.get("if-none-match") == '"v1"':
            return 304, {"etag": '"v1"'}, b""
        return (
            200,
            {"etag": '"v1"', "last-modified": "Wed, 19 Jun 2024 10:00:00 GMT"},
            b"feed",
        )

    http_server.route("/feed.xml", handler)
    fetcher = _fetcher(http_server)
    first = fetcher.get(http_server.url("/feed.xml"))
    assert (first.etag, first.last_modified) == (
        '"v1"',
        "Wed, 19 Jun 2024 10:00:00 GMT",
    )
    again = fetcher.get(http_server.url("/feed.xml"), etag=first.etag)
    assert again.not_modified and again.content == b""


@pytest.mark.parametrize(
    "content,content_type,expected",
    [
        # Header says Latin-1, body is UTF-8: the valid UTF-8 wins.
        ("Déjà".encode(), "text/html; charset=iso-8859-1", "Déjà"),
        # Header says UTF-8, body is Latin-1: the meta charset rescues it.
        (b'<meta charset="iso-8859-1"><p>D\xe9j\xe0</p>', "text/html; charset=utf-8",
         '<meta charset="iso-8859-1"><p>Déjà</p>'),
        # No charset anywhere, Windows-1252 quotes.
        (b"\x93Oui\x94, dit-il", "text/plain", "\u201cOui\u201d, dit-il"),
        # The XML declaration names the encoding.
        (b'<?xml version="1.0" encoding="ISO-8859-15"?><t>\xa4</t>', "application/xml",
         '<?xml version="1.0" encoding="ISO-8859-15"?><t>€</t>'),
    ],
)  # fmt: skip
def test_fetch_charsets(content: bytes, content_type: str, expected: str) -> None:
    assert decode_body(content, content_type, "u") == expected


@pytest.mark.parametrize(
    "url,reason",
    [
        ("file:///etc/passwd", "scheme"),
        ("ftp://example.org/x", "scheme"),
        ("http://127.0.0.1:9/x", "private_address"),
        ("http://localhost/x", "private_address"),
        ("http://10.1.2.3/x", "private_address"),
        ("http://192.168.0.1/x", "private_address"),
        ("http://169.254.169.254/latest/meta-data/", "private_address"),
        ("http://[::1]/x", "private_address"),
        ("http://[::ffff:127.0.0.1]/x", "private_address"),
        ("http://0.0.0.0/x", "private_address"),
    ],
)
def test_safety_refuses(url: str, reason: str) -> None:
    with pytest.raises(ForbiddenURL) as caught:
        check_url(url)
    assert caught.value.reason == reason


def test_safety_trusted_origin_only() -> None:
    trusted = {"http://127.0.0.1:8123"}
    assert check_url("http://127.0.0.1:8123/feed.xml", trusted=trusted).port == 8123
    with pytest.raises(ForbiddenURL):
        check_url("http://127.0.0.1:8124/feed.xml", trusted=trusted)
    assert check_url("http://10.0.0.1/", allow_private=True).host == "10.0.0.1"
    assert check_url("https://93.184.215.14/a").host == "93.184.215.14"


def test_fetch_served_with_a_wrong_charset(http_server: FaultServer) -> None:
    # The header claims UTF-8, the page is Latin-1 and says so in a meta tag.
    body = '<html><head><meta charset="iso-8859-1"></head><body>Déjà</body></html>'
    http_server.add("/latin.html", body.encode("latin-1"))
    assert "Déjà" in _fetcher(http_server).get(http_server.url("/latin.html")).text()
