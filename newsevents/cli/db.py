"""Commands on the event database: ingest, query, export."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from ._filters import with_filters
from ._util import DB_OPTION, DEFAULT_DB, app, fail, guard
from .code import print_coded
from .watch import DELAY_HELP

if TYPE_CHECKING:
    from ..store.filters import EventFilter
    from ..store.records import Records


def _connect(db: str, read_only: bool = False):  # type: ignore[no-untyped-def]
    from ..store.schema import connect

    return guard(lambda: connect(db, read_only=read_only))


@app.command("ingest")
def ingest_command(
    paths: Annotated[
        list[str], typer.Argument(help="Files, folders, feeds, tables, or - for stdin.")
    ],
    db: Annotated[str, DB_OPTION] = DEFAULT_DB,
    processes: Annotated[
        int, typer.Option("--processes", help="Worker processes (0: one per core).")
    ] = 0,
    lang: Annotated[str, typer.Option("--lang", help="auto, fr or en.")] = "auto",
    source: Annotated[
        str | None, typer.Option("--source", help="Outlet name for every input.")
    ] = None,
    batch_size: Annotated[
        int, typer.Option("--batch-size", help="Articles per transaction.")
    ] = 64,
    window: Annotated[
        int, typer.Option("--window", help="Days within which reports merge.")
    ] = 7,
    verbose: Annotated[
        bool, typer.Option("--verbose", help="A line per committed batch.")
    ] = False,
    dask: Annotated[
        str | None,
        typer.Option(
            "--dask",
            help="Code on a Dask cluster: tcp://HOST:8786 (a scheduler) or "
            "local:N (N worker processes here).",
        ),
    ] = None,
    shards: Annotated[
        str | None,
        typer.Option(
            "--shards",
            help="With --dask: folder or fsspec URL (s3://...) for the Parquet "
            "shards, one per partition (default: a temporary folder).",
        ),
    ] = None,
    partition: Annotated[
        int, typer.Option("--partition", help="With --dask: articles per partition.")
    ] = 16,
    published: Annotated[
        str | None,
        typer.Option(
            "--published",
            help="Publication date (YYYY-MM-DD) of the inputs that carry none.",
        ),
    ] = None,
    allow_private: Annotated[
        bool,
        typer.Option(
            "--allow-private",
            help="Follow feed links to private, loopback, link-local addresses.",
        ),
    ] = False,
    delay: Annotated[float, typer.Option("--delay", help=DELAY_HELP)] = 1.0,
) -> None:
    """Code inputs into the event database: idempotent and crash-safe.

    Inputs may be http(s) URLs of feeds (each item followed to its page) or
    pages. The database is held only while writing, so `serve` can run.
    Prints a summary, and a warning when articles have no publication date
    (their events stay undated and out of the charts). Exits 1 only when
    nothing could be coded.
    """
    from ..batch import IngestOptions, ingest
    from ..nlp.language import check_language
    from ..store.backend import is_postgres
    from ..store.connection import Database
    from .watch import web_ok, web_source

    if dask is None and shards is not None:
        fail("--shards needs --dask")

    language = None if lang == "auto" else guard(lambda: check_language(lang))
    # A DuckDB file is held only while writing, so that `serve` can read it;
    # PostgreSQL takes concurrent readers and writers on one connection.
    conn = _connect(db) if is_postgres(db) else guard(lambda: Database(db))
    options = IngestOptions(
        processes=processes,
        language=language,
        source=source,
        batch_size=max(1, batch_size),
        chunk_size=max(1, min(16, batch_size)),
        window_days=window,
        log=(lambda line: sys.stderr.write(line + "\n")) if verbose else None,
        published=_day(published, "--published"),
        web=web_source(paths, allow_private, max(0.0, delay)),
    )
    if dask is not None:
        from ..dask_ingest import DaskOptions, ingest_dask

        where = guard(lambda: DaskOptions(dask, shards, partition, log=_stderr_line))
        summary = guard(lambda: ingest_dask(conn, paths, options, where))
    else:
        summary = guard(lambda: ingest(conn, paths, options))
    if not isinstance(conn, Database):
        conn.close()
    reasons = ", ".join(f"{k}: {v}" for k, v in sorted(summary.failures.items()))
    sys.stdout.write(
        f"coded {summary.coded}, skipped as duplicate {summary.duplicates}, "
        f"failed {summary.failed}" + (f" ({reasons})" if reasons else "") + "; "
        f"{summary.events} events, {summary.replaced} replaced, "
        f"{summary.articles_per_s:.1f} articles/s\n"
    )
    if summary.undated:
        sys.stderr.write(
            f"warning: {summary.undated} of the new articles have no publication "
            "date: events they do not date themselves stay undated, and undated "
            "events are left out of the charts and dyads. Give the date with "
            "--published YYYY-MM-DD (or name the files YYYY-MM-DD-...).\n"
        )
    if summary.coded == 0 and summary.duplicates == 0 and not web_ok(options.web):
        raise typer.Exit(1)


def _stderr_line(line: str) -> None:
    sys.stderr.write(line + "\n")


def _day(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f"{option} {value!r}: want a date as YYYY-MM-DD")
    return None


def _emit(
    records: Records,
    fmt: str,
    title: str,
    columns: tuple[str, ...] | None = None,
) -> None:
    """Records as a table (``columns`` only) or in a record format of the
    renderer registry (json, csv...)."""
    from ..export import RENDERERS, record_formats

    if fmt == "table":
        names = columns or records.columns
        table = Table(*names, title=title)
        index = [records.columns.index(n) for n in names]
        for row in records.rows:
            table.add_row(*("" if row[i] is None else str(row[i]) for i in index))
        Console().print(table)
        return
    renderer = RENDERERS.get(fmt)
    if renderer is None or renderer.write is None:
        *others, last = ("table", *record_formats())
        fail(f"--format {fmt!r}: want {', '.join(others)} or {last}")
        return
    guard(lambda: renderer.write(records, sys.stdout))  # type: ignore[misc]


@app.command("events")
@with_filters
def events_command(
    db: Annotated[str, DB_OPTION] = DEFAULT_DB,
    limit: Annotated[int, typer.Option("--limit", help="Events per page.")] = 50,
    offset: Annotated[int, typer.Option("--offset", help="Events to skip.")] = 0,
    fmt: Annotated[str, typer.Option("--format", help="table, json or csv.")] = "table",
    filters: EventFilter | None = None,
) -> None:
    """List coded events, newest first, filtered (the filters of the web
    pages and the API, under the same names)."""
    from dataclasses import replace

    from ..store.queries import EventRow, list_events
    from ..store.records import from_dataclasses

    assert filters is not None
    page = replace(filters, limit=limit, offset=offset)
    conn = _connect(db, read_only=True)
    columns = ("id", "date", "source", "code", "target", "modality", "place")
    rows = guard(lambda: list_events(conn, page))
    _emit(from_dataclasses(EventRow, rows), fmt, "Events", columns)


@app.command("dyad")
@with_filters
def dyad_command(
    a: Annotated[str, typer.Argument(help="First actor (code prefix).")],
    b: Annotated[str, typer.Argument(help="Second actor (code prefix).")],
    db: Annotated[str, DB_OPTION] = DEFAULT_DB,
    by: Annotated[str, typer.Option("--by", help="day, week or month.")] = "month",
    fmt: Annotated[str, typer.Option("--format", help="table, json or csv.")] = "table",
    filters: EventFilter | None = None,
) -> None:
    """Events between two actors over time, both directions, every period
    from the first to the last: counts per quad class and the mean
    Goldstein score (the other filters narrow the events)."""
    from ..store.queries import DyadRow, dyad
    from ..store.records import from_dataclasses

    conn = _connect(db, read_only=True)
    rows = guard(lambda: dyad(conn, a, b, by, filters))  # type: ignore[arg-type]
    _emit(from_dataclasses(DyadRow, rows), fmt, f"{a} / {b} by {by}")


@app.command("actors")
def actors_command(
    db: Annotated[str, DB_OPTION] = DEFAULT_DB,
    limit: Annotated[int, typer.Option("--limit", help="How many.")] = 20,
    fmt: Annotated[str, typer.Option("--format", help="table, json or csv.")] = "table",
) -> None:
    """The most active actors."""
    from ..store.queries import ActorRow, top_actors
    from ..store.records import from_dataclasses

    conn = _connect(db, read_only=True)
    rows = guard(lambda: top_actors(conn, limit))
    _emit(from_dataclasses(ActorRow, rows), fmt, "Actors")


@app.command("article")
def article_command(
    article_id: Annotated[str, typer.Argument(help="Article id (or a prefix).")],
    db: Annotated[str, DB_OPTION] = DEFAULT_DB,
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
) -> None:
    """One stored article with its mentions and events."""
    from ..store.queries import get_article

    conn = _connect(db, read_only=True)
    coded = guard(lambda: get_article(conn, article_id))
    if fmt == "json":
        sys.stdout.write(coded.model_dump_json(indent=2) + "\n")
    else:
        print_coded(coded, coded.article.url or coded.article.id, False)


@app.command("export")
@with_filters
def export_command(
    fmt: Annotated[
        str, typer.Option("--format", help="gdelt, plover, csv, parquet or geojson.")
    ] = "csv",
    out: Annotated[Path | None, typer.Option("--out", help="Output file.")] = None,
    db: Annotated[str, DB_OPTION] = DEFAULT_DB,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite an existing --out file.")
    ] = False,
    filters: EventFilter | None = None,
) -> None:
    """Export the events: GDELT 2.0 (one row per event cluster), PLOVER JSON
    Lines, CSV, Parquet or GeoJSON; only those matching the filters."""
    from ..export import export

    conn = _connect(db, read_only=True)
    count = guard(lambda: export(conn, fmt, out, force, filters))
    if out is not None:
        sys.stderr.write(f"{count} records written to {out}\n")


@app.command("import-gdelt")
def import_gdelt_command(
    files: Annotated[list[Path], typer.Argument(help="GDELT 2.0 export files.")],
    db: Annotated[str, DB_OPTION] = DEFAULT_DB,
) -> None:
    """Load GDELT 2.0 event exports beside our coded events."""
    from ..export.gdelt import import_gdelt

    for file in files:
        if not file.is_file():
            fail(f"{file}: no such file")
    conn = _connect(db)
    count = guard(lambda: import_gdelt(conn, files))
    sys.stdout.write(f"imported {count} GDELT events\n")


@app.command("recluster")
def recluster_command(
    window: Annotated[
        int, typer.Option("--window", help="Days within which reports merge.")
    ] = 7,
    db: Annotated[str, DB_OPTION] = DEFAULT_DB,
) -> None:
    """Merge the stored events across articles afresh, with a new window."""
    from ..store.writer import Writer

    conn = _connect(db)
    count = guard(lambda: Writer(conn, window).recluster())
    sys.stdout.write(f"{count} event clusters\n")


def _figures(result: dict[str, object]) -> None:
    """A benchmark's figures, one ``name: value`` a line."""
    for key, value in result.items():
        sys.stdout.write(f"{key:<22}: {value}\n")


@app.command("bench-ingest")
def bench_ingest_command(
    corpus: Annotated[
        Path, typer.Option("--corpus", help="Corpus file or folder.")
    ] = Path("../shared/data/corpora/fr/gilets-jaunes"),
    processes: Annotated[int, typer.Option("--processes", help="Workers.")] = 2,
    n: Annotated[int, typer.Option("--n", help="At most this many articles.")] = 0,
    db: Annotated[
        str | None, typer.Option("--db", help="Keep the database here.")
    ] = None,
    dask: Annotated[
        str | None,
        typer.Option("--dask", help="Compare with this Dask cluster (local:N)."),
    ] = None,
) -> None:
    """Ingest articles/s next to bare spaCy nlp.pipe(n_process=P) on the
    same texts, in the same run; with --dask, next to the Dask ingest."""
    from ..bench.ingest import bench_ingest

    if not corpus.exists():
        fail(f"corpus {corpus} not found; give one with --corpus")
    result = guard(lambda: bench_ingest(corpus, processes, n, db, dask))
    _figures(result)


@app.command("bench-places")
def bench_places_command(
    n: Annotated[int, typer.Option("--n", help="Number of town names.")] = 5000,
    lang: Annotated[str, typer.Option("--lang", help="Language of the names.")] = "en",
) -> None:
    """Gazetteer lookups/s: the names of the most populous towns, each
    resolved once cold and once warm."""
    from ..bench.places import bench_places, town_names

    result = guard(lambda: bench_places(town_names(n), lang))
    _figures(result.to_json())


@app.command("bench-db")
def bench_db_command(
    events: Annotated[
        int, typer.Option("--events", help="Events to generate.")
    ] = 1_000_000,
    db: Annotated[
        str | None, typer.Option("--db", help="Keep the database here.")
    ] = None,
) -> None:
    """Time `dyad` by week, a filtered `events` page, a weekly `trend` per
    kind of filter and a text search on a generated database (median of 5
    runs each)."""
    from ..bench.store import bench_db

    result = guard(lambda: bench_db(events, db))
    _figures(result)


@app.command("bench-scaling")
def bench_scaling_command(
    sizes: Annotated[
        str, typer.Option("--sizes", help="Database sizes in events, comma-separated.")
    ] = "10000,100000,1000000",
    db: Annotated[
        str | None,
        typer.Option("--db", help="An empty PostgreSQL database (default: DuckDB)."),
    ] = None,
    articles: Annotated[
        int, typer.Option("--articles", help="Articles in the loaded shard.")
    ] = 100,
) -> None:
    """The store's scaling: writer start, bulk load of one shard with its
    clustering, and clustering every event afresh, as the database grows."""
    from ..bench.scaling import bench_scaling

    try:
        counts = tuple(int(s) for s in sizes.split(","))
    except ValueError:
        fail(f"--sizes {sizes!r}: want numbers separated by commas")
        return
    for size in counts:
        for line in guard(lambda: bench_scaling((size,), db, articles)):  # noqa: B023
            _figures(line)
            sys.stdout.write("\n")
            sys.stdout.flush()
