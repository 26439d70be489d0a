"""Helpers shared by the command modules: dates, one-line errors."""

from __future__ import annotations

import sys
from datetime import date
from typing import Annotated

import typer

from ..errors import InputError, NewsEventsError

app = typer.Typer(
    help="newsevents: turn French and English news into structured event data.",
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from .. import __version__

        sys.stdout.write(f"newsevents {__version__}\n")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            "-V",
            callback=_version,
            is_eager=True,
            help="Print the version and exit.",
        ),
    ] = False,
) -> None:
    """newsevents: turn French and English news into structured event data."""


DB_OPTION = typer.Option(
    "--db", help="The event database: a DuckDB file or a postgresql:// URL."
)
# store.schema.DEFAULT_DB, without importing DuckDB for --help.
DEFAULT_DB = "newsevents.duckdb"


def parse_published(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise InputError(f"--published {value!r}: want a date as YYYY-MM-DD") from exc


def guard(func):  # type: ignore[no-untyped-def]
    try:
        return func()
    except NewsEventsError as exc:
        fail(str(exc))


def error(message: str) -> None:
    """One line on standard error, never wrapped."""
    sys.stderr.write(f"error: {' '.join(message.split())}\n")


def fail(message: str) -> None:
    error(message)
    raise typer.Exit(1)
