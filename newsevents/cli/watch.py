"""The ``watch`` command, and the web options of ``ingest``."""

from __future__ import annotations

import signal
import sys
import threading
from typing import Annotated

import typer

from ._util import DB_OPTION, DEFAULT_DB, app, fail, guard

DELAY_HELP = "Seconds between two requests to one host (robots.txt may ask more)."


def web_source(paths: list[str], allow_private: bool, delay: float = 1.0):  # type: ignore[no-untyped-def]
    """The reader of the http(s) inputs among ``paths`` (None when none):
    the URLs given are trusted, links found in them are checked."""
    from ..web.fetch import Fetcher, FetchOptions
    from ..web.source import WebSource, is_url

    urls = [path for path in paths if is_url(path)]
    if not urls:
        return None
    fetcher = Fetcher(FetchOptions(allow_private=allow_private, host_interval=delay))
    fetcher.trust(urls)
    return WebSource(fetcher)


@app.command("watch")
def watch_command(
    feeds: Annotated[
        str,
        typer.Argument(
            help="File of feed URLs, one a line: 'URL [| outlet [| fr or en]]'."
        ),
    ],
    db: Annotated[str, DB_OPTION] = DEFAULT_DB,
    every: Annotated[
        str, typer.Option("--every", help="Time between passes: 15m, 1h, 90s.")
    ] = "15m",
    once: Annotated[
        bool, typer.Option("--once", help="One pass, then exit (for cron).")
    ] = False,
    allow_private: Annotated[
        bool,
        typer.Option(
            "--allow-private",
            help="Follow links to private, loopback and link-local addresses.",
        ),
    ] = False,
    processes: Annotated[
        int, typer.Option("--processes", help="Worker processes (0: one per core).")
    ] = 0,
    delay: Annotated[float, typer.Option("--delay", help=DELAY_HELP)] = 1.0,
) -> None:
    """Poll feeds and ingest their new items, pass after pass.

    Conditional GET, robots.txt and a per-host rate limit; a failing feed
    becomes a failure row and is polled again next pass. Holds the database
    only while writing: run `serve` beside it. Ctrl-C or SIGTERM stops it
    between two transactions.
    """
    from ..batch import IngestOptions
    from ..store.connection import Database
    from ..web.fetch import FetchOptions
    from ..web.watch import Watcher, parse_every, read_feeds_file

    try:
        seconds = parse_every(every)
    except ValueError as exc:
        fail(str(exc))
        return
    specs = guard(lambda: read_feeds_file(feeds))
    database = guard(lambda: Database(db))
    watcher = Watcher(
        database,
        specs,
        fetch=FetchOptions(allow_private=allow_private, host_interval=max(0, delay)),
        ingest=IngestOptions(processes=processes, progress=False),
    )
    stop = threading.Event()
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        watcher.run(seconds, once=once, stop=stop, status=_status)
    except KeyboardInterrupt:
        # Every write is one transaction: an interrupted one rolled back.
        sys.stderr.write("newsevents watch: stopped\n")
    finally:
        signal.signal(signal.SIGTERM, previous)
        if watcher.fetcher is not None:
            watcher.fetcher.close()


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _status(line: str) -> None:
    sys.stderr.write(f"newsevents watch: {line}\n")
    sys.stderr.flush()


def web_ok(web: object) -> bool:
    """Whether some URL was read without error (nothing new is no failure)."""
    polls = getattr(web, "polls", [])
    return any(poll.error is None for poll in polls)
