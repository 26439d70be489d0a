"""URLs as inputs: a feed's new items, each followed to its article page, or
a single page; the same raw items (and failure rows) the file readers
yield. An item whose page cannot be fetched is coded from the feed's title
and summary, marked ``summary_only``, and its page is fetched again on the
next pass: nothing is lost. What was read is recorded by ``commit`` once
the articles are written."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace

import duckdb

from ..errors import FetchError, ForbiddenURL, InputError, MalformedInput
from ..ingest import feeds
from ..ingest._dates import date_from_url
from ..ingest.files import RawItem, failure
from ..ingest.pages import extract_page
from ..models import Failure, content_id
from ..store import feeds as state
from .fetch import Fetched, Fetcher

_FEED_TYPES = ("xml", "rss", "atom", "rdf")


def is_url(path: str) -> bool:
    """Whether an input names a web resource rather than a file."""
    return path.lower().startswith(("http://", "https://"))


@dataclass(frozen=True)
class FeedSpec:
    """A URL to read, with the outlet name and language to give its items."""

    url: str
    source: str | None = None
    language: str | None = None


@dataclass
class Poll:
    """What one URL gave on this pass."""

    url: str
    fetched: Fetched | None = None
    error: str | None = None
    new_items: int = 0
    pages: int = 0
    page_errors: int = 0
    retry_after: float | None = None  # seconds the server asked us to wait


@dataclass
class WebSource:
    """Reads URLs against what the database knows; ``commit`` records what
    was read. ``specs`` gives outlet names and languages by URL, and
    ``validators`` the ETag / Last-Modified to send for a feed."""

    fetcher: Fetcher
    coded: set[str] = field(default_factory=set)
    pending: dict[str, state.Pending] = field(default_factory=dict)
    seen: dict[str, set[str]] = field(default_factory=dict)
    specs: dict[str, FeedSpec] = field(default_factory=dict)
    validators: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    polls: list[Poll] = field(default_factory=list)
    _new_seen: list[tuple[str, str]] = field(default_factory=list)
    _fixed: list[tuple[str, str | None]] = field(default_factory=list)

    def load(self, conn: duckdb.DuckDBPyConnection) -> WebSource:
        """Read what the database knows (pages coded, pages pending)."""
        self.coded = state.coded_urls(conn)
        self.pending = {p.url: p for p in state.pending(conn)}
        self.seen = state.seen_items(conn)
        return self

    def commit(self, conn: duckdb.DuckDBPyConnection) -> None:
        """Record the items read and drop the failure rows of pages now
        coded; run it after the articles are written."""
        state.mark_seen(conn, self._new_seen)
        state.clear_failures(conn, self._fixed)
        self._new_seen.clear()
        self._fixed.clear()

    def read(self, url: str) -> Iterator[RawItem | Failure]:
        """The new items of the feed at ``url`` (its page when it is not a
        feed), then the pages of its summary-only items."""
        spec = self.specs.get(url) or FeedSpec(url)
        poll = Poll(url)
        self.polls.append(poll)
        etag, modified = self.validators.get(url, (None, None))
        try:
            fetched = self.fetcher.get(url, etag, modified)
            poll.fetched = fetched
            if fetched.not_modified:
                yield from self._retry(spec, poll, handled=set())
                return
            text = fetched.text()
        except InputError as exc:
            poll.error = str(exc)
            if isinstance(exc, FetchError):
                poll.retry_after = exc.retry_after
            yield _failure(url, None, exc)
            return
        kind = fetched.content_type.split(";")[0].strip().lower()
        head = text[:4096].lstrip().lower()
        if any(t in kind for t in _FEED_TYPES) or feeds.is_feed(head[:2048].encode()):
            yield from self._feed(spec, text, poll)
        else:
            yield from self._single_page(spec, fetched, text, poll)

    def _feed(
        self, spec: FeedSpec, text: str, poll: Poll
    ) -> Iterator[RawItem | Failure]:
        url = spec.url
        try:
            feed = feeds.read_feed(text, url)
        except MalformedInput as exc:
            poll.error = str(exc)
            yield _failure(url, None, exc)
            return
        if feed.error:
            poll.error = feed.error
            yield Failure(
                file=url,
                reason="malformed",
                message=f"{url}: {feed.error}; {len(feed.items)} item(s) recovered "
                "by the tolerant reader",
            )
        seen = self.seen.setdefault(url, set())
        handled: set[str] = set()
        source = spec.source or feed.title
        declared = (feed.language or "").split("-")[0].lower()
        language = spec.language or (declared if declared in ("fr", "en") else None)
        for entry in feed.items:
            key = entry.guid or entry.url or content_id(entry.text)
            link = entry.url
            if link and link in self.pending:
                handled.add(link)
                yield from self._retry_one(self.pending[link], poll)
                continue
            if key in seen or (link and link in self.coded):
                continue
            seen.add(key)
            self._new_seen.append((url, key))
            poll.new_items += 1
            summary = RawItem(
                file=url,
                item=key,
                text=entry.text,
                title=entry.title,
                published=entry.published or date_from_url(link),
                url=link,
                source=source,
                language=language,
            )
            if not link:
                yield summary
                continue
            try:
                yield self._page(link, summary)
                poll.pages += 1
            except InputError as exc:
                poll.page_errors += 1
                yield _failure(url, key, exc, "; coded from the feed's summary, "
                               "page fetched again on the next pass")  # fmt: skip
                yield replace(summary, summary_only=True)
        yield from self._retry(spec, poll, handled)

    def _retry(
        self, spec: FeedSpec, poll: Poll, handled: set[str]
    ) -> Iterator[RawItem | Failure]:
        """Pages of this feed's summary-only items not in the feed now."""
        for pending in list(self.pending.values()):
            if pending.file == spec.url and pending.url not in handled:
                yield from self._retry_one(pending, poll)

    def _retry_one(
        self, pending: state.Pending, poll: Poll
    ) -> Iterator[RawItem | Failure]:
        summary = RawItem(
            file=pending.file or pending.url,
            item=pending.item,
            text="",
            title=pending.title,
            published=pending.published,
            url=pending.url,
            source=pending.source,
            language=pending.language,
        )
        try:
            item = self._page(pending.url, summary)
        except InputError:
            poll.page_errors += 1
            return  # still summary-only: tried again next pass
        poll.pages += 1
        self.pending.pop(pending.url, None)
        self._fixed.append((summary.file, summary.item))
        yield item

    def _page(self, link: str, summary: RawItem) -> RawItem:
        """The item with the text of its page. Raises InputError."""
        fetched = self.fetcher.get(link)
        page = extract_page(fetched.text(), fetched.url)
        if not page.text.strip():
            raise MalformedInput(f"{link}: no article text in the page")
        body = page.text
        title = page.title or summary.title
        if title and not body.startswith(title):
            body = f"{title}\n{body}"
        language = page.language if page.language in ("fr", "en") else None
        return RawItem(
            file=summary.file,
            item=summary.item,
            text=body,
            title=title,
            published=summary.published or page.published,
            url=link,
            source=summary.source or page.site,
            language=summary.language or language,
        )

    def _single_page(
        self, spec: FeedSpec, fetched: Fetched, text: str, poll: Poll
    ) -> Iterator[RawItem | Failure]:
        page = extract_page(text, fetched.url)
        if not page.text.strip():
            exc = MalformedInput(f"{spec.url}: no article text in the page")
            poll.error = str(exc)
            yield _failure(spec.url, None, exc)
            return
        poll.pages += 1
        body = page.text
        if page.title and not body.startswith(page.title):
            body = f"{page.title}\n{body}"
        yield RawItem(
            file=spec.url,
            item=None,
            text=body,
            title=page.title,
            published=page.published or date_from_url(spec.url),
            url=spec.url,
            source=spec.source or page.site,
            language=spec.language
            or (page.language if page.language in ("fr", "en") else None),
        )


def _failure(file: str, item: str | None, exc: InputError, note: str = "") -> Failure:
    if isinstance(exc, ForbiddenURL):
        reason = "forbidden"
    elif isinstance(exc, FetchError):
        reason = "fetch"
    else:
        reason = failure(file, item, exc).reason
    return Failure(file=file, item=item, reason=reason, message=f"{exc}{note}")  # type: ignore[arg-type]
