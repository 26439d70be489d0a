"""Commands for the analyst: a trend of the events matching any filter,
the inputs that could not be coded, and one actor's profile."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from ._filters import with_filters
from ._util import DB_OPTION, DEFAULT_DB, app, guard
from .db import _connect, _emit

if TYPE_CHECKING:
    from ..store.filters import EventFilter


@app.command("trend")
@with_filters
def trend_command(
    db: Annotated[str, DB_OPTION] = DEFAULT_DB,
    by: Annotated[str, typer.Option("--by", help="day, week or month.")] = "month",
    fmt: Annotated[str, typer.Option("--format", help="table, json or csv.")] = "table",
    filters: EventFilter | None = None,
) -> None:
    """Events matching the filters per period, every period from the first
    to the last (or --since to --until), zero-filled: counts per quad
    class, the mean Goldstein score, and the articles published per period
    (to normalise by). Undated events are counted on standard error."""
    from ..store.records import from_dataclasses
    from ..store.trends import TrendRow, trend

    assert filters is not None
    conn = _connect(db, read_only=True)
    result = guard(lambda: trend(conn, filters, by))  # type: ignore[arg-type]
    _emit(from_dataclasses(TrendRow, result.items), fmt, f"Events by {by}")
    if result.undated:
        sys.stderr.write(
            f"{result.undated} matching events are undated and on no period\n"
        )


@app.command("failures")
def failures_command(
    db: Annotated[str, DB_OPTION] = DEFAULT_DB,
    reason: Annotated[
        str | None, typer.Option("--reason", help="Only this reason (empty...).")
    ] = None,
    limit: Annotated[int, typer.Option("--limit", help="How many, latest first.")] = 50,
    fmt: Annotated[str, typer.Option("--format", help="table, json or csv.")] = "table",
) -> None:
    """The inputs that could not be coded, latest first, with their reasons;
    on a terminal, a summary of the data's quality after them (failures by
    reason, undated and ungeocoded events)."""
    from ..store.quality import FailureRow, failures, quality
    from ..store.records import from_dataclasses

    conn = _connect(db, read_only=True)
    rows, total = guard(lambda: failures(conn, limit, reason))
    columns = ("failed_at", "file", "item", "reason", "message")
    _emit(from_dataclasses(FailureRow, rows), fmt, f"{total} failures", columns)
    if fmt != "table":
        return
    report = guard(lambda: quality(conn, 1))
    by_reason = ", ".join(f"{r.reason}: {r.count}" for r in report.reasons)
    sys.stdout.write(
        f"failures by reason: {by_reason or 'none'}\n"
        f"events: {report.events}; undated {report.undated} "
        f"({_percent(report.undated_share)}); not geocoded {report.ungeocoded} "
        f"({_percent(report.ungeocoded_share)})\n"
    )


def _percent(share: float | None) -> str:
    return "-" if share is None else f"{100 * share:.1f}%"


@app.command("actor")
def actor_command(
    code: Annotated[str, typer.Argument(help="Exact actor code (RUSGOV).")],
    db: Annotated[str, DB_OPTION] = DEFAULT_DB,
    fmt: Annotated[str, typer.Option("--format", help="table, json or csv.")] = "table",
) -> None:
    """One actor: its events as source and as target, its busiest partners
    (the table; csv lists them), the names and people seen under its code
    and their terms of office from the knowledge base (json has it all)."""
    import json
    from dataclasses import asdict

    from ..api.params import actor_code
    from ..store.actors import Partner, actor_profile
    from ..store.records import from_dataclasses

    given = guard(lambda: actor_code(code, "code"))
    conn = _connect(db, read_only=True)
    profile = guard(lambda: actor_profile(conn, given))
    if fmt == "json":
        sys.stdout.write(json.dumps(asdict(profile), default=str, indent=2) + "\n")
        return
    if fmt == "table":
        about = ", ".join(filter(None, (profile.name, profile.kind, profile.wikidata)))
        names = ", ".join(n.name for n in profile.names[:8])
        sys.stdout.write(
            f"{profile.code}{' (' + about + ')' if about else ''}: "
            f"{profile.as_source} events as source, {profile.as_target} as target"
            f"{f', {profile.first} to {profile.last}' if profile.first else ''}\n"
            + (f"names: {names}\n" if names else "")
        )
        for office in profile.offices:
            mark = "*" if office.holds else " "
            sys.stdout.write(
                f"{mark} {office.person}: {office.title or office.position} "
                f"{office.code} {office.start} to {office.end or 'now'}\n"
            )
    _emit(from_dataclasses(Partner, profile.partners), fmt, "Partners")
