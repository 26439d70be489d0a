"""The newsevents command line. Commands only parse arguments and call
library functions; a NewsEventsError becomes a one-line message and exit 1.

Commands live by theme: ``code`` (code, bench, eval), ``db`` (ingest,
queries, exports) and ``serve`` (the web UI and JSON API).
"""

from __future__ import annotations

from . import analysis, code, db, serve, watch  # noqa: F401  (registers them)
from ._util import app

__all__ = ["app", "main"]


def main() -> None:
    """Entry point of the ``newsevents`` script."""
    app()
