"""Keep a database current: poll a list of feeds every few minutes with
conditional GET, ingest only their new items, survive network errors and
bad feeds (a failure row each, the feed tried again next pass), and hold
the database file only while writing, so that ``serve`` shows new events
as they come.

A feeds file has one feed per line: its URL, then optionally ``|`` and the
outlet name, then ``|`` and the language (``fr`` or ``en``); ``#`` starts
a comment line::

    https://www.lemonde.fr/international/rss_full.xml | Le Monde | fr
    https://feeds.bbci.co.uk/news/world/rss.xml | BBC News | en
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..batch import IngestOptions, ingest
from ..errors import DataError, NewsEventsError
from ..store import feeds as state
from ..store.connection import Database
from .fetch import Fetcher, FetchOptions
from .source import FeedSpec, WebSource, is_url

_LANGUAGES = ("fr", "en")
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_every(value: str) -> float:
    """Seconds from ``90``, ``30s``, ``15m``, ``1h`` or ``1d``. Raises
    ValueError."""
    match = _DURATION.match(value.lower())
    if match is None or float(match.group(1)) <= 0:
        raise ValueError(f"--every {value!r}: want a duration such as 15m, 1h, 90s")
    return float(match.group(1)) * _UNITS[match.group(2)]


def read_feeds_file(path: str | Path) -> list[FeedSpec]:
    """The feeds of a feeds file. Raises DataError naming the line of a bad
    entry."""
    specs: list[FeedSpec] = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(path, 0, f"cannot read the feeds file ({exc})") from exc
    for number, line in enumerate(lines, start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = [part.strip() for part in line.split("|")]
        if len(parts) > 3 or not is_url(parts[0]):
            raise DataError(
                path, number,
                f"{line!r}: want 'URL [| outlet name [| fr or en]]' with an "
                "http(s) URL",
            )  # fmt: skip
        language = parts[2].lower() if len(parts) > 2 and parts[2] else None
        if language is not None and language not in _LANGUAGES:
            raise DataError(path, number, f"language {parts[2]!r}: want fr or en")
        source = parts[1] if len(parts) > 1 and parts[1] else None
        specs.append(FeedSpec(parts[0], source, language))
    if not specs:
        raise DataError(path, len(lines), "no feed in the file")
    return specs


@dataclass
class PassReport:
    """What one pass over the feeds did."""

    number: int = 0
    feeds: int = 0
    waiting: int = 0  # feeds not polled: their server asked for a pause
    unchanged: int = 0
    new_items: int = 0
    coded: int = 0
    events: int = 0
    errors: int = 0
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"pass {self.number}: {self.feeds} feed(s) polled "
            f"({self.unchanged} unchanged"
            + (f", {self.waiting} waiting on Retry-After" if self.waiting else "")
            + f"), {self.new_items} new item(s), "
            f"{self.coded} coded, {self.events} event(s), {self.errors} error(s) "
            f"in {self.seconds:.1f} s"
        )


@dataclass
class Watcher:
    """Polls ``specs`` into ``db``; one Fetcher for its whole life (robots.txt
    and the per-host rate limit carry over from pass to pass)."""

    db: Database
    specs: list[FeedSpec]
    fetch: FetchOptions = field(default_factory=FetchOptions)
    ingest: IngestOptions = field(default_factory=IngestOptions)
    fetcher: Fetcher | None = None
    passes: int = 0
    clock: Callable[[], float] = time.monotonic
    # Feeds whose server asked for a pause (429/503 Retry-After): when to ask
    # again.
    not_before: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.fetcher is None:
            self.fetcher = Fetcher(self.fetch)
        self.fetcher.trust(spec.url for spec in self.specs)  # the user's list

    def run_pass(self) -> PassReport:
        """Poll every feed once and ingest what is new. Raises
        NewsEventsError when the database cannot be used."""
        assert self.fetcher is not None
        start = time.perf_counter()
        self.passes += 1
        now = self.clock()
        due = [s for s in self.specs if self.not_before.get(s.url, 0.0) <= now]
        web = WebSource(self.fetcher, specs={s.url: s for s in due})
        with self.db.open() as conn:
            for spec in due:
                known = state.load_state(conn, spec.url)
                web.validators[spec.url] = (known.etag, known.last_modified)
        summary = ingest(
            self.db, [spec.url for spec in due], replace(self.ingest, web=web)
        )
        report = PassReport(
            number=self.passes,
            feeds=len(web.polls),
            waiting=len(self.specs) - len(due),
        )
        with self.db.open() as conn:
            for poll in web.polls:
                fetched = poll.fetched
                report.unchanged += bool(fetched and fetched.not_modified)
                report.new_items += poll.new_items
                if poll.error:
                    report.errors += 1
                    report.problems.append(poll.error)
                if poll.retry_after:
                    self.not_before[poll.url] = self.clock() + poll.retry_after
                state.save_state(
                    conn,
                    state.FeedState(
                        poll.url,
                        fetched.etag if fetched and not poll.error else None,
                        fetched.last_modified if fetched and not poll.error else None,
                        poll.error,
                    ),
                    poll.new_items,
                )
        report.coded = summary.coded
        report.events = summary.events
        report.seconds = time.perf_counter() - start
        return report

    def run(
        self,
        every: float,
        once: bool = False,
        stop: threading.Event | None = None,
        status: Callable[[str], None] | None = None,
    ) -> int:
        """Pass after pass, ``every`` seconds apart, until ``stop`` is set
        (or after one with ``once``); returns the number of passes. A pass
        that fails as a whole (the database locked too long) is reported
        and tried again at the next."""
        stop = stop or threading.Event()
        while not stop.is_set():
            try:
                report = self.run_pass()
                line = report.line()
            except NewsEventsError as exc:
                line = f"pass {self.passes}: failed ({exc}); trying again next pass"
            if status:
                status(line if once else f"{line}; next in {_human(every)}")
            if once or stop.wait(every):
                break
        return self.passes


def _human(seconds: float) -> str:
    for unit, size in (("h", 3600), ("m", 60)):
        if seconds >= size and seconds % size == 0:
            return f"{int(seconds // size)}{unit}"
    return f"{seconds:g}s"
