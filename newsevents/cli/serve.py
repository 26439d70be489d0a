"""The ``serve`` command: parse arguments, check the binding, run uvicorn
on the API's app."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from ..errors import NewsEventsError
from ._util import DB_OPTION, DEFAULT_DB, app

# api.security's TOKEN_ENV and DEFAULT_MAX_BODY, without importing the web
# stack for --help.
TOKEN_ENV = "NEWSEVENTS_TOKEN"
DEFAULT_MAX_BODY = 1_000_000


@app.command("serve")
def serve_command(
    db: Annotated[str, DB_OPTION] = DEFAULT_DB,
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            "--token",
            help=f"Token that coding endpoints require (or ${TOKEN_ENV}); "
            "needed to listen beyond 127.0.0.1.",
        ),
    ] = None,
    max_body: Annotated[
        int, typer.Option("--max-body", help="Largest request body, in bytes.")
    ] = DEFAULT_MAX_BODY,
    allowed_host: Annotated[
        list[str] | None,
        typer.Option(
            "--allowed-host",
            help="Another name the service answers to (a proxy's, say); "
            "repeat for several. Requests naming any other host get a 400.",
        ),
    ] = None,
) -> None:
    """Serve the web UI and the JSON API (OpenAPI at /docs) on a database."""
    import uvicorn

    from ..api.app import create_app
    from ..api.security import allowed_hosts, check_binding

    try:
        required = check_binding(host, token)
        hosts = allowed_hosts(host, allowed_host or ())
        app = create_app(db, token=required, max_body=max_body, allowed_hosts=hosts)
    except NewsEventsError as exc:
        sys.stderr.write(f"error: {exc}\n")
        raise typer.Exit(1) from exc
    shown = f"[{host}]" if ":" in host else host
    sys.stderr.write(f"newsevents: open http://{shown}:{port}/ (Ctrl-C stops)\n")
    uvicorn.run(app, host=host, port=port, log_level="warning")
