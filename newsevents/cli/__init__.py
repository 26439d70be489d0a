"""The newsevents command line. Commands only parse arguments and call
library functions; a NewsEventsError becomes a one-line message and exit 1.

Commands live by theme: ``code`` (code, bench, eval), ``db`` (ingest,
queries, exports) and the API's ``serve``.
"""

from __future__ import annotations

from ..api.cli import serve_command
from . import code, db, watch  # noqa: F401  (registers the commands)
from ._util import app

app.command("serve")(serve_command)

__all__ = ["app", "main"]


def main() -> None:
    """Entry point of the ``newsevents`` script."""
    app()
