"""Helpers shared by the command modules: reading inputs, one-line errors."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import typer

from ..errors import InputError, NewsEventsError
from ..nlp.text import decode

app = typer.Typer(
    help="newsevents: turn French and English news into structured event data.",
    no_args_is_help=True,
    add_completion=False,
)
DB_OPTION = typer.Option(
    "--db", help="The event database: a DuckDB file or a postgresql:// URL."
)
_MAX_BYTES = 50_000_000


def read_input(path: str) -> tuple[str, str]:
    """Read a file (or ``-`` for standard input) as text: (name, text)."""
    if path == "-":
        data = sys.stdin.buffer.read()
        name = "<stdin>"
    else:
        file = Path(path)
        if not file.is_file():
            raise InputError(f"{path}: no such file")
        if file.stat().st_size > _MAX_BYTES:
            raise InputError(f"{path}: larger than {_MAX_BYTES // 1_000_000} MB")
        data = file.read_bytes()
        name = path
    return name, decode(data, name)


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
