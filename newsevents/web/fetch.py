"""Fetch a URL politely and safely: a clear user agent, robots.txt
respected (``protego``), a per-host rate limit, timeouts, retries with
backoff (and a server's Retry-After), redirects followed one by one with a
limit and each hop checked against the address guard, gzip and deflate
decompressed by us under a size limit (no gzip bomb gets through), and the
charset taken from the headers and the content.

The ``httpx.Client`` is passed in (or made here), so tests can point it
anywhere; every request goes through ``Fetcher.get``."""

from __future__ import annotations

import re
import time
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime

import httpx
from protego import Protego

from .. import __version__
from ..errors import FetchError, ForbiddenURL, InputError
from ..nlp.text import decode
from .safety import Resolver, check_url, origin, resolve

USER_AGENT = f"newsevents/{__version__} (+https://pypi.org/project/newsevents/)"
_RETRY_STATUS = {429, 500, 502, 503, 504}
_REDIRECT_STATUS = {301, 302, 303, 307, 308}
_CHARSET = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]*encoding=["']([A-Za-z0-9_.:-]+)""")
_ROBOTS_TTL = 24 * 3600.0


@dataclass(frozen=True)
class FetchOptions:
    """How to fetch. Sizes are bytes, times seconds."""

    timeout: float = 20.0
    retries: int = 2
    backoff: float = 1.0
    max_retry_after: float = 120.0
    max_redirects: int = 5
    max_bytes: int = 10_000_000
    max_decoded: int = 30_000_000
    host_interval: float = 1.0
    user_agent: str = USER_AGENT
    allow_private: bool = False
    robots: bool = True


@dataclass(frozen=True)
class Fetched:
    """A response: the final URL (after redirects), 200 or 304, the body."""

    url: str
    status: int
    content: bytes
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    def text(self) -> str:
        """The body as text. Raises InputError for binary or empty bodies."""
        return decode_body(self.content, self.content_type, self.url)


@dataclass
class _Robots:
    rules: Protego | None  # None: everything allowed
    expires: float
    disallow_all: bool = False


@dataclass
class Fetcher:
    """Fetches URLs under ``options``. ``trusted`` origins
    (``scheme://host:port``) are those the user named: they may be private
    addresses; links found in fetched content are checked every time."""

    options: FetchOptions = field(default_factory=FetchOptions)
    client: httpx.Client | None = None
    trusted: set[str] = field(default_factory=set)
    resolver: Resolver = resolve
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic
    requests: int = 0
    _next: dict[str, float] = field(default_factory=dict)
    _robots: dict[str, _Robots] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.client is None:
            self.client = httpx.Client(
                timeout=self.options.timeout,
                follow_redirects=False,
                trust_env=False,
            )

    def close(self) -> None:
        if self.client is not None:
            self.client.close()

    def trust(self, urls: Iterable[str]) -> None:
        """Trust the origins of URLs the user gave (a command line, a feeds
        file): they may be on private addresses."""
        for url in urls:
            self.trusted.add(origin(url))

    def get(
        self, url: str, etag: str | None = None, last_modified: str | None = None
    ) -> Fetched:
        """Fetch ``url``, conditionally when ``etag`` or ``last_modified``
        is given (a 304 then comes back with an empty body). Raises
        FetchError (ForbiddenURL for a refused URL)."""
        headers = {}
        if etag:
            headers["if-none-match"] = etag
        if last_modified:
            headers["if-modified-since"] = last_modified
        return self._follow(url, headers, robots=self.options.robots)

    def _check(self, url: str) -> httpx.URL:
        return check_url(
            url,
            allow_private=self.options.allow_private,
            trusted=self.trusted,
            resolver=self.resolver,
        )

    def _follow(self, url: str, headers: dict[str, str], robots: bool) -> Fetched:
        seen: list[str] = []
        current = url
        while True:
            parsed = self._check(current)
            if robots and not self._allowed(parsed):
                raise ForbiddenURL(current, "robots", "disallowed by robots.txt")
            seen.append(str(parsed))
            response = self._request(parsed, headers)
            if response.status not in _REDIRECT_STATUS:
                return response
            target = str(parsed.join(response.url))
            if target in seen:
                raise FetchError(url, "redirect_loop", f"redirect loop at {target}")
            if len(seen) > self.options.max_redirects:
                raise FetchError(
                    url,
                    "too_many_redirects",
                    f"more than {self.options.max_redirects} redirects",
                )
            current = target

    def _request(self, url: httpx.URL, headers: dict[str, str]) -> Fetched:
        """One URL, with retries; a redirect comes back as its status with
        the Location in ``url``."""
        options = self.options
        for attempt in range(options.retries + 1):
            self._wait(url)
            try:
                return self._once(url, headers)
            except _Retry as retry:
                delay = retry.after
                if delay is None:
                    delay = options.backoff * 2**attempt
                last = attempt == options.retries
                if last or delay > options.max_retry_after:
                    raise FetchError(
                        str(url), retry.reason, retry.message, retry.after
                    ) from None
                self.sleep(delay)
        raise AssertionError("unreachable")  # pragma: no cover

    def _once(self, url: httpx.URL, headers: dict[str, str]) -> Fetched:
        assert self.client is not None
        request_headers = {
            "user-agent": self.options.user_agent,
            "accept-encoding": "gzip, deflate",
            **headers,
        }
        self.requests += 1
        try:
            with self.client.stream(
                "GET", url, headers=request_headers, timeout=self.options.timeout
            ) as response:
                status = response.status_code
                if status in _REDIRECT_STATUS:
                    location = response.headers.get("location")
                    if not location:
                        raise FetchError(
                            str(url), "bad_redirect", f"HTTP {status} without Location"
                        )
                    return Fetched(url=location, status=status, content=b"")
                if status in _RETRY_STATUS:
                    raise _Retry(
                        f"http_{status}",
                        f"HTTP {status}",
                        _retry_after(response.headers.get("retry-after")),
                    )
                if status == 304:
                    return _fetched(url, response, b"")
                if status >= 400 or status < 200:
                    raise FetchError(str(url), f"http_{status}", f"HTTP {status}")
                return _fetched(url, response, self._body(url, response))
        except httpx.TimeoutException as exc:
            raise _Retry("timeout", f"timed out ({type(exc).__name__})") from exc
        except httpx.TransportError as exc:
            raise _Retry("network", f"network error ({exc})") from exc

    def _body(self, url: httpx.URL, response: httpx.Response) -> bytes:
        """The body, decompressed, within both size limits."""
        options = self.options
        length = response.headers.get("content-length", "")
        if length.isdigit() and int(length) > options.max_bytes:
            raise FetchError(
                str(url), "too_large",
                f"{length} bytes, over the {options.max_bytes} byte limit",
            )  # fmt: skip
        encoding = response.headers.get("content-encoding", "identity").lower()
        inflater = _inflater(encoding)
        received = 0
        out = bytearray()
        # The timeout bounds each read; this bounds the whole body, against a
        # server that drips bytes.
        deadline = self.clock() + 3 * options.timeout
        for chunk in response.iter_raw():
            if self.clock() > deadline:
                raise _Retry("timeout", f"body not received in {3 * options.timeout} s")
            received += len(chunk)
            if received > options.max_bytes:
                raise FetchError(
                    str(url), "too_large",
                    f"over the {options.max_bytes} byte limit",
                )  # fmt: skip
            if inflater is None:
                out += chunk
            else:
                _inflate(inflater, chunk, out, options.max_decoded, str(url))
            if len(out) > options.max_decoded:
                raise FetchError(
                    str(url), "too_large",
                    f"decompresses to over {options.max_decoded} bytes",
                )  # fmt: skip
        return bytes(out)

    def _wait(self, url: httpx.URL) -> None:
        """Keep ``host_interval`` (or the robots.txt crawl delay) between two
        requests to one host."""
        host = url.host
        now = self.clock()
        ready = self._next.get(host, now)
        if ready > now:
            self.sleep(ready - now)
            now = ready
        interval = self.options.host_interval
        robots = self._robots.get(origin(url))
        if robots and robots.rules is not None:
            delay = robots.rules.crawl_delay(self.options.user_agent)
            interval = max(interval, float(delay or 0))
        self._next[host] = now + interval

    def _allowed(self, url: httpx.URL) -> bool:
        key = origin(url)
        robots = self._robots.get(key)
        if robots is None or robots.expires < self.clock():
            robots = self._load_robots(url)
            self._robots[key] = robots
        if robots.disallow_all:
            return False
        if robots.rules is None:
            return True
        return bool(robots.rules.can_fetch(str(url), self.options.user_agent))

    def _load_robots(self, url: httpx.URL) -> _Robots:
        """robots.txt of the URL's origin (RFC 9309): a 4xx allows all, a
        server error or no answer disallows all until the next try."""
        where = f"{origin(url)}/robots.txt"
        expires = self.clock() + _ROBOTS_TTL
        try:
            fetched = self._follow(where, {}, robots=False)
        except FetchError as exc:
            if exc.reason.startswith("http_4"):
                return _Robots(None, expires)
            return _Robots(None, self.clock() + 600.0, disallow_all=True)
        try:
            text = fetched.text()
        except InputError:
            return _Robots(None, expires)
        return _Robots(Protego.parse(text), expires)


class _Retry(Exception):
    """A failure worth another try."""

    def __init__(self, reason: str, message: str, after: float | None = None) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message
        self.after = after


def _fetched(url: httpx.URL, response: httpx.Response, content: bytes) -> Fetched:
    return Fetched(
        url=str(url),
        status=response.status_code,
        content=content,
        content_type=response.headers.get("content-type", ""),
        etag=response.headers.get("etag"),
        last_modified=response.headers.get("last-modified"),
    )


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header: a number or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _inflater(encoding: str) -> zlib._Decompress | None:
    if encoding in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if encoding == "deflate":
        return zlib.decompressobj()
    return None


def _inflate(
    inflater: zlib._Decompress, chunk: bytes, out: bytearray, limit: int, url: str
) -> None:
    """Decompress a chunk into ``out`` a bounded piece at a time, so that a
    bomb never expands past ``limit`` in memory."""
    data = chunk
    while data:
        try:
            piece = inflater.decompress(data, limit + 1 - len(out))
        except zlib.error as exc:
            raise FetchError(
                url, "bad_encoding", f"corrupt compressed body ({exc})"
            ) from exc
        out += piece
        if len(out) > limit:
            raise FetchError(url, "too_large", f"decompresses to over {limit} bytes")
        data = inflater.unconsumed_tail


def decode_body(content: bytes, content_type: str, name: str) -> str:
    """Text from a body: valid UTF-8 is UTF-8 whatever the headers claim
    (servers often mislabel it); else the charset of the headers, then of
    the content (``<meta charset>``, the XML declaration), then our own
    guess. Raises InputError for an empty or binary body."""
    if content.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode(content, name)
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        pass
    head = content[:2048]
    candidates = []
    declared = _CHARSET.search(content_type.encode("latin-1", "replace"))
    if declared:
        candidates.append(declared.group(1))
    for pattern in (_CHARSET, _XML_ENCODING):
        found = pattern.search(head)
        if found:
            candidates.append(found.group(1))
    for charset in candidates:
        name_ = charset.decode("ascii", "replace").lower()
        if name_ in ("utf-8", "utf8"):
            continue
        try:
            return content.decode(name_)
        except (LookupError, UnicodeDecodeError):
            continue
    return decode(content, name)
