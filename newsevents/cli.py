"""The newsevents command line. Commands only parse arguments and call
library functions; a NewsEventsError becomes a one-line message and exit 1."""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from .errors import InputError, NewsEventsError
from .models import CodedArticle
from .nlp.text import decode

app = typer.Typer(
    help="newsevents: turn French and English news into structured event data.",
    no_args_is_help=True,
    add_completion=False,
)
_err = Console(stderr=True)
_MAX_BYTES = 50_000_000


def _read(path: str) -> tuple[str, str]:
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


_DATED_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})")


def _date_from_name(path: str) -> date | None:
    """ "2024-06-19-summit.txt" was published on 2024-06-19."""
    match = _DATED_NAME.match(Path(path).name)
    if match is None:
        return None
    try:
        return date.fromisoformat(match.group(1))
    except ValueError:
        return None


def _parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise InputError(f"--published {value!r}: want a date as YYYY-MM-DD") from exc


@app.command("code")
def code_command(
    files: Annotated[list[str], typer.Argument(help="Article files, or - for stdin.")],
    lang: Annotated[str, typer.Option("--lang", help="auto, fr or en.")] = "auto",
    published: Annotated[
        str | None, typer.Option("--published", help="Publication date, YYYY-MM-DD.")
    ] = None,
    output: Annotated[
        str | None,
        typer.Option("--format", help="json or table (default: table on a terminal)."),
    ] = None,
    explain: Annotated[
        bool,
        typer.Option(
            "--explain", help="Show the lexicon entry and pattern of each event."
        ),
    ] = False,
) -> None:
    """Code articles: actors, places, dates and events.

    Without --published, a file named like 2024-06-19-anything.txt is taken
    as published on that day.
    """
    from .service import code

    fmt = output or ("table" if sys.stdout.isatty() else "json")
    if fmt not in ("json", "table"):
        _fail(f"--format {fmt!r}: want json or table")
    when = _guard(lambda: _parse_date(published))
    coded_any = False
    for path in files:
        try:
            name, text = _read(path)
            published_on = when or _date_from_name(path)
            result = code(
                text, None if lang == "auto" else lang, published_on, name=name
            )
        except NewsEventsError as exc:
            _error(str(exc))
            continue
        coded_any = True
        if fmt == "json":
            sys.stdout.write(result.model_dump_json(indent=2) + "\n")
        else:
            _print_table(result, name, explain)
    if not coded_any:
        raise typer.Exit(1)


def _guard(func):  # type: ignore[no-untyped-def]
    try:
        return func()
    except NewsEventsError as exc:
        _fail(str(exc))


def _error(message: str) -> None:
    """One line on standard error, never wrapped."""
    sys.stderr.write(f"error: {' '.join(message.split())}\n")


def _fail(message: str) -> None:
    _error(message)
    raise typer.Exit(1)


def _print_table(result: CodedArticle, name: str, explain: bool) -> None:
    console = Console()
    article = result.article
    console.rule(f"{name}  [{article.language}]  {article.published or 'no date'}")
    if article.title:
        console.print(f"[bold]{article.title}[/bold]")
    actors = Table("mention", "kind", "actor", title="Actors")
    for m in result.mentions:
        actors.add_row(m.text, m.kind, m.actor.code if m.actor else "-")
    console.print(actors)
    places = Table("place", "country", "lat", "lon", "GeoNames", title="Places")
    for p in result.places:
        places.add_row(
            p.text or p.name,
            p.country or "-",
            f"{p.lat:.2f}" if p.lat is not None else "-",
            f"{p.lon:.2f}" if p.lon is not None else "-",
            str(p.geonameid or "-"),
        )
    console.print(places)
    dates = Table("date", "value", "precision", title="Dates")
    for d in result.dates:
        dates.add_row(d.text, d.value or "?", d.precision or "-")
    console.print(dates)
    columns = ["#", "source", "code", "target", "modality", "date", "place", "evidence"]
    events = Table(*columns, title="Events")
    for number, e in enumerate(result.events, start=1):
        when = "-"
        if e.date:
            when = (e.date.value or "?") + (
                " (pub.)" if e.date.precision == "publication" else ""
            )
        events.add_row(
            str(number),
            e.source.code if e.source else "-",
            f"{e.code} {e.label}",
            e.target.code if e.target else "-",
            e.modality + (f" (per {e.attribution.code})" if e.attribution else ""),
            when,
            e.place.name if e.place else "-",
            " / ".join(ev.text for ev in e.evidence),
        )
    console.print(events)
    if explain:
        for number, e in enumerate(result.events, start=1):
            console.print(
                f"#{number} {e.code}: lexicon entry {e.trigger}, pattern {e.pattern}; "
                f"Goldstein {e.goldstein}, quad class {e.quad_class}, "
                f"PLOVER {e.plover_type or '-'} / {e.plover_mode or '-'}, "
                f"confidence {e.confidence}",
                highlight=False,
                soft_wrap=True,
            )


@app.command("bench")
def bench_command(
    lang: Annotated[str, typer.Option("--lang", help="fr or en.")] = "fr",
    n: Annotated[int, typer.Option("--n", help="Number of articles.")] = 300,
    corpus: Annotated[
        Path | None, typer.Option("--corpus", help="Corpus file or folder.")
    ] = None,
    both: Annotated[
        bool, typer.Option("--both", help="Load both languages first (peak memory).")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Words/s of newsevents next to bare spaCy nlp.pipe on the same texts."""
    from .bench import DEFAULT_CORPORA, bench, load_texts
    from .nlp.pipeline import load_pipeline

    path = corpus or DEFAULT_CORPORA.get(lang)
    if path is None or not path.exists():
        _fail(f"corpus {path} not found; give one with --corpus")
    texts = load_texts(path, n)  # type: ignore[arg-type]
    if both:
        for code in ("fr", "en"):
            load_pipeline(code)
    result = bench(lang, texts)
    if as_json:
        sys.stdout.write(json.dumps(result.to_json()) + "\n")
        return
    console = Console()
    console.print(
        f"{result.articles} {lang} articles, {result.words} words\n"
        f"newsevents : {result.words_per_s:>9.0f} words/s "
        f"({result.articles_per_s:.1f} articles/s, {result.events} events)\n"
        f"bare spaCy : {result.baseline_words_per_s:>9.0f} words/s\n"
        f"ratio      : {result.ratio:.2f}\n"
        f"peak RSS   : {result.peak_rss_mb:.0f} MB"
    )


@app.command("eval")
def eval_command(
    inputs: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Gold files (newsevents-gold/1), or a peer suite's data files "
            "or folders (default: its path under ../shared)."
        ),
    ] = None,
    fmt: Annotated[
        str,
        typer.Option("--format", help="gold, petrarch, timebank, geo or case2021."),
    ] = "gold",
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    by_doc: Annotated[
        bool, typer.Option("--by-doc", help="Per-document detail (gold).")
    ] = False,
) -> None:
    """Score the coder on gold event files or on a peer evaluation suite."""
    from .eval.peers import FORMATS

    if fmt not in FORMATS:
        _fail(f"--format {fmt!r}: want one of {', '.join(FORMATS)}")
    if fmt != "gold":
        report = _guard(lambda: _run_peer(fmt, inputs or []))
        if as_json:
            sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=1) + "\n")
        else:
            _print_peer(fmt, report)
        return
    if not inputs:
        _fail("eval: give at least one gold file (or --format with a peer suite)")
    from .eval.gold import read_gold
    from .eval.score import score
    from .service import code

    pairs = []
    for path in inputs or []:
        for document in _guard(lambda p=path: read_gold(p)):
            coded = code(document.text, document.language, document.published)
            pairs.append((document, coded.events))
    result = score(pairs)
    report = result.to_json()
    if as_json:
        if not by_doc:
            report.pop("by_doc", None)
        sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=1) + "\n")
        return
    _print_score(report, by_doc)


_PATTERNS = {"petrarch": "*.xml", "timebank": "*.tml", "geo": "*.xml"}


def _run_peer(fmt: str, given: list[Path]) -> dict:  # type: ignore[type-arg]
    """Run one peer suite on its data files and return its JSON report."""
    from importlib import import_module

    from .eval.peers import input_paths

    paths = input_paths(fmt, given, _PATTERNS.get(fmt, "*.tsv"))
    suite = import_module(f".eval.peers.{fmt}", __package__)
    if fmt == "petrarch":
        results = [suite.run(path).to_json() for path in paths]
        return results[0] if len(results) == 1 else {"files": results}
    return suite.run(paths).to_json()  # type: ignore[no-any-return]


def _print_peer(fmt: str, report: dict) -> None:  # type: ignore[type-arg]
    console = Console()
    table = Table("measure", "value", title=f"{fmt} suite")
    for name, value in report.items():
        if isinstance(value, dict | list | tuple):
            continue
        table.add_row(name, f"{value:.3f}" if isinstance(value, float) else str(value))
    console.print(table)
    for name, value in report.items():
        if isinstance(value, dict) and value:
            console.print(f"[bold]{name}[/bold]")
            for key, item in value.items():
                console.print(f"  {key}: {item}", highlight=False)


def _print_score(report: dict, by_doc: bool) -> None:  # type: ignore[type-arg]
    console = Console()
    table = Table("measure", "value", title="Event coding on gold")
    for name in (
        "documents",
        "events_gold_required",
        "events_extracted",
        "recall",
        "precision",
        "f1",
        "code_accuracy",
        "date_accuracy",
        "place_accuracy",
        "modality_accuracy",
    ):
        value = report.get(name)
        table.add_row(name, f"{value:.3f}" if isinstance(value, float) else str(value))
    console.print(table)
    for doc in report.get("by_doc", []):
        if not by_doc:
            break
        console.rule(str(doc.get("doc_id")))
        for missed in doc.get("missed", []):
            console.print(f"[red]missed[/red] {missed}", highlight=False)
        for wrong in doc.get("false_positives", []):
            console.print(f"[yellow]false positive[/yellow] {wrong}", highlight=False)


_DB = typer.Option("--db", help="The event database (DuckDB file).")


def _connect(db: str, read_only: bool = False):  # type: ignore[no-untyped-def]
    from .store.schema import connect

    return _guard(lambda: connect(db, read_only=read_only))


@app.command("ingest")
def ingest_command(
    paths: Annotated[
        list[str], typer.Argument(help="Files, folders, feeds, tables, or - for stdin.")
    ],
    db: Annotated[str, _DB] = "newsevents.duckdb",
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
) -> None:
    """Code inputs into the event database: idempotent and crash-safe.

    Prints a summary; exits 1 only when nothing could be coded.
    """
    from .ingest.runner import IngestOptions, ingest
    from .nlp.language import check_language

    language = None if lang == "auto" else _guard(lambda: check_language(lang))
    conn = _connect(db)
    options = IngestOptions(
        processes=processes,
        language=language,
        source=source,
        batch_size=max(1, batch_size),
        chunk_size=max(1, min(16, batch_size)),
        window_days=window,
        log=(lambda line: sys.stderr.write(line + "\n")) if verbose else None,
    )
    summary = _guard(lambda: ingest(conn, paths, options))
    conn.close()
    reasons = ", ".join(f"{k}: {v}" for k, v in sorted(summary.failures.items()))
    sys.stdout.write(
        f"coded {summary.coded}, skipped as duplicate {summary.duplicates}, "
        f"failed {summary.failed}" + (f" ({reasons})" if reasons else "") + "; "
        f"{summary.events} events, {summary.replaced} replaced, "
        f"{summary.articles_per_s:.1f} articles/s\n"
    )
    if summary.coded == 0 and summary.duplicates == 0:
        raise typer.Exit(1)


def _day(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        _fail(f"{option} {value!r}: want a date as YYYY-MM-DD")
    return None


def _emit(
    rows: list,  # type: ignore[type-arg]
    fmt: str,
    title: str,
    columns: tuple[str, ...] | None = None,
) -> None:
    """Rows of dataclasses with ``to_json`` as a table (``columns`` only),
    JSON or CSV."""
    import csv

    records = [row.to_json() for row in rows]
    if fmt == "json":
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=1) + "\n")
    elif fmt == "csv":
        if records:
            writer = csv.DictWriter(sys.stdout, fieldnames=list(records[0]))
            writer.writeheader()
            writer.writerows(records)
    elif fmt == "table":
        names = columns or tuple(records[0] if records else ("(none)",))
        table = Table(*names, title=title)
        for record in records:
            table.add_row(*("" if record[n] is None else str(record[n]) for n in names))
        Console().print(table)
    else:
        _fail(f"--format {fmt!r}: want table, json or csv")


@app.command("events")
def events_command(
    db: Annotated[str, _DB] = "newsevents.duckdb",
    actor: Annotated[
        str | None, typer.Option("--actor", help="Source code prefix.")
    ] = None,
    target: Annotated[
        str | None, typer.Option("--target", help="Target code prefix.")
    ] = None,
    code: Annotated[
        str | None, typer.Option("--code", help="CAMEO code prefix.")
    ] = None,
    since: Annotated[str | None, typer.Option("--since", help="YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="YYYY-MM-DD.")] = None,
    place: Annotated[
        str | None, typer.Option("--place", help="Place or country.")
    ] = None,
    modality: Annotated[
        str | None, typer.Option("--modality", help="asserted, negated...")
    ] = None,
    limit: Annotated[int, typer.Option("--limit", help="Events per page.")] = 50,
    offset: Annotated[int, typer.Option("--offset", help="Events to skip.")] = 0,
    fmt: Annotated[str, typer.Option("--format", help="table, json or csv.")] = "table",
) -> None:
    """List coded events, newest first, filtered."""
    from .store.queries import EventFilter, list_events

    filters = EventFilter(
        actor=actor, target=target, code=code, since=_day(since, "--since"),
        until=_day(until, "--until"), place=place, modality=modality,
        limit=limit, offset=offset,
    )  # fmt: skip
    conn = _connect(db, read_only=True)
    columns = ("id", "date", "source", "code", "target", "modality", "place")
    _emit(_guard(lambda: list_events(conn, filters)), fmt, "Events", columns)


@app.command("dyad")
def dyad_command(
    a: Annotated[str, typer.Argument(help="First actor (code prefix).")],
    b: Annotated[str, typer.Argument(help="Second actor (code prefix).")],
    db: Annotated[str, _DB] = "newsevents.duckdb",
    by: Annotated[str, typer.Option("--by", help="day, week or month.")] = "month",
    fmt: Annotated[str, typer.Option("--format", help="table, json or csv.")] = "table",
) -> None:
    """Events between two actors over time, both directions: counts per
    quad class and the Goldstein sum."""
    from .store.queries import dyad

    conn = _connect(db, read_only=True)
    _emit(_guard(lambda: dyad(conn, a, b, by)), fmt, f"{a} / {b} by {by}")  # type: ignore[arg-type]


@app.command("actors")
def actors_command(
    db: Annotated[str, _DB] = "newsevents.duckdb",
    limit: Annotated[int, typer.Option("--limit", help="How many.")] = 20,
    fmt: Annotated[str, typer.Option("--format", help="table, json or csv.")] = "table",
) -> None:
    """The most active actors."""
    from .store.queries import top_actors

    conn = _connect(db, read_only=True)
    _emit(_guard(lambda: top_actors(conn, limit)), fmt, "Actors")


@app.command("article")
def article_command(
    article_id: Annotated[str, typer.Argument(help="Article id (or a prefix).")],
    db: Annotated[str, _DB] = "newsevents.duckdb",
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
) -> None:
    """One stored article with its mentions and events."""
    from .store.queries import get_article

    conn = _connect(db, read_only=True)
    coded = _guard(lambda: get_article(conn, article_id))
    if fmt == "json":
        sys.stdout.write(coded.model_dump_json(indent=2) + "\n")
    else:
        _print_table(coded, coded.article.url or coded.article.id, False)


@app.command("export")
def export_command(
    fmt: Annotated[
        str, typer.Option("--format", help="gdelt, plover, csv, parquet or geojson.")
    ] = "csv",
    out: Annotated[Path | None, typer.Option("--out", help="Output file.")] = None,
    db: Annotated[str, _DB] = "newsevents.duckdb",
) -> None:
    """Export the events: GDELT 2.0 (one row per event cluster), PLOVER JSON
    Lines, CSV, Parquet or GeoJSON."""
    from .export import export

    conn = _connect(db, read_only=True)
    count = _guard(lambda: export(conn, fmt, out))
    if out is not None:
        sys.stderr.write(f"{count} records written to {out}\n")


@app.command("import-gdelt")
def import_gdelt_command(
    files: Annotated[list[Path], typer.Argument(help="GDELT 2.0 export files.")],
    db: Annotated[str, _DB] = "newsevents.duckdb",
) -> None:
    """Load GDELT 2.0 event exports beside our coded events."""
    from .export.gdelt import import_gdelt

    for file in files:
        if not file.is_file():
            _fail(f"{file}: no such file")
    conn = _connect(db)
    count = _guard(lambda: import_gdelt(conn, files))
    sys.stdout.write(f"imported {count} GDELT events\n")


@app.command("recluster")
def recluster_command(
    window: Annotated[
        int, typer.Option("--window", help="Days within which reports merge.")
    ] = 7,
    db: Annotated[str, _DB] = "newsevents.duckdb",
) -> None:
    """Merge the stored events across articles afresh, with a new window."""
    from .store.writer import Writer

    conn = _connect(db)
    count = _guard(lambda: Writer(conn, window).recluster())
    sys.stdout.write(f"{count} event clusters\n")


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
) -> None:
    """Ingest articles/s next to bare spaCy nlp.pipe(n_process=P) on the
    same texts, in the same run."""
    from .ingest.bench import bench_ingest

    if not corpus.exists():
        _fail(f"corpus {corpus} not found; give one with --corpus")
    result = _guard(lambda: bench_ingest(corpus, processes, n, db))
    for key, value in result.items():
        sys.stdout.write(f"{key:<22}: {value}\n")


@app.command("bench-db")
def bench_db_command(
    events: Annotated[
        int, typer.Option("--events", help="Events to generate.")
    ] = 1_000_000,
    db: Annotated[
        str | None, typer.Option("--db", help="Keep the database here.")
    ] = None,
) -> None:
    """Time `dyad` by week and a filtered `events` page on a generated
    database (median of 5 runs)."""
    from .store.bench import bench_db

    result = _guard(lambda: bench_db(events, db))
    for key, value in result.items():
        sys.stdout.write(f"{key:<22}: {value}\n")


from .api.cli import serve_command  # noqa: E402  (needs `app` defined above)

app.command("serve")(serve_command)


def main() -> None:
    """Entry point of the ``newsevents`` script."""
    app()


if __name__ == "__main__":
    main()
