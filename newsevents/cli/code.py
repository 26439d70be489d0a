"""Commands that code text and measure the coder: code, bench, eval."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from ..errors import NewsEventsError
from ..ingest._dates import date_from_name
from ..lang import available
from ._util import app, error, fail, guard, parse_published

if TYPE_CHECKING:
    from ..models import CodedArticle


# --classifier on `code` and `eval`.
ClassifierOption = Annotated[
    bool | None,
    typer.Option(
        "--classifier/--no-classifier",
        help="Let the learned classifier propose an event where two actors "
        "are named and no trigger fired (default: the NEWSEVENTS_CLASSIFIER "
        "setting).",
    ),
]


@app.command("code")
def code_command(
    files: Annotated[list[str], typer.Argument(help="Article files, or - for stdin.")],
    lang: Annotated[
        str, typer.Option("--lang", help=f"auto, {', '.join(available())}.")
    ] = "auto",
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
            "--explain",
            help="Show how each actor was resolved, and the lexicon entry and "
            "pattern of each event.",
        ),
    ] = False,
    verbs: Annotated[
        Path | None,
        typer.Option(
            "--verbs",
            help="A PETRARCH/TABARI verb dictionary to use next to the lexicon.",
        ),
    ] = None,
    classifier: ClassifierOption = None,
) -> None:
    """Code articles: actors, places, dates and events.

    Reads files as `ingest` does (HTML pages stripped to their text, feeds,
    tables and folders item by item). Without --published, a file named
    like 2024-06-19-anything.txt is taken as published on that day.
    """
    from ..ingest.files import read_inputs
    from ..models import Failure
    from ..service import code

    fmt = output or ("table" if sys.stdout.isatty() else "json")
    if fmt not in ("json", "table"):
        fail(f"--format {fmt!r}: want json or table")
    when = guard(lambda: parse_published(published))
    from ..lang.verbs import load_verbs

    dictionary = guard(lambda: load_verbs(verbs)) if verbs is not None else None
    coded_any = False
    for entry in read_inputs(files):
        if isinstance(entry, Failure):
            error(entry.message)
            continue
        try:
            result = code(
                entry.text,
                None if lang == "auto" else lang,
                when or entry.published or date_from_name(entry.file),
                name=entry.name,
                title=entry.title,
                source=entry.source,
                url=entry.url,
                verbs=dictionary,
                classifier=classifier,
            )
        except NewsEventsError as exc:
            error(str(exc))
            continue
        coded_any = True
        if fmt == "json":
            sys.stdout.write(result.model_dump_json(indent=2) + "\n")
        else:
            print_coded(result, entry.name, explain)
    if not coded_any:
        raise typer.Exit(1)


def print_coded(result: CodedArticle, name: str, explain: bool) -> None:
    console = Console()
    article = result.article
    console.rule(f"{name}  [{article.language}]  {article.published or 'no date'}")
    if article.title:
        console.print(f"[bold]{article.title}[/bold]")
    columns = ["mention", "kind", "actor"]
    if explain:
        columns += ["name", "resolved by"]
    actors = Table(*columns, title="Actors")
    for m in result.mentions:
        row = [m.text, m.kind, (m.actor.code if m.actor else "") or "-"]
        if explain:
            row += [m.actor.name if m.actor else "-", _resolution(m.resolved_by)]
        actors.add_row(*row)
    console.print(actors)
    places = Table(
        "place", "country", "precision", "lat", "lon", "GeoNames", title="Places"
    )
    for p in result.places:
        places.add_row(
            p.text or p.name,
            p.country or "-",
            p.precision or "-",
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
        for p in result.places:
            console.print(
                f"place {p.text or p.name!r}: {p.name} ({p.country or '-'}, "
                f"{p.precision or p.kind}): {p.why or 'no gazetteer choice'}",
                highlight=False,
                soft_wrap=True,
            )
        for number, e in enumerate(result.events, start=1):
            intended = f", intended action {e.intended_code}" if e.intended_code else ""
            # The learned backstop has no lexicon entry: its pattern says
            # "classifier, p=0.83".
            how = (
                e.pattern
                if e.trigger == "classifier"
                else f"lexicon entry {e.trigger}, pattern {e.pattern}"
            )
            console.print(
                f"#{number} {e.code}: {how}{intended}; "
                f"Goldstein {e.goldstein}, quad class {e.quad_class}, "
                f"PLOVER {e.plover_type or '-'} / {e.plover_mode or '-'}, "
                f"confidence {e.confidence}",
                highlight=False,
                soft_wrap=True,
            )


_RESOLUTIONS = {
    "kb": "knowledge base",
    "title": "title or function before the name",
    "apposition": "title or function in apposition",
    "adjective": "demonym adjective",
    "genitive": "genitive or possessive",
    "place": "the place it is in",
    "headline": "headline prefix",
    "domestic": "the article's home country (unqualified)",
    "sentence": "the country of the officials before it in its sentence",
    "coreference": "coreference (pronoun)",
    "unresolved": "not coded (name kept)",
}


def _resolution(step: str | None) -> str:
    return _RESOLUTIONS.get(step, step) if step else "-"


@app.command("bench")
def bench_command(
    lang: Annotated[
        str, typer.Option("--lang", help=f"{' or '.join(available())}.")
    ] = "fr",
    n: Annotated[int, typer.Option("--n", help="Number of articles.")] = 300,
    corpus: Annotated[
        Path | None, typer.Option("--corpus", help="Corpus file or folder.")
    ] = None,
    both: Annotated[
        bool, typer.Option("--both", help="Load both languages first (peak memory).")
    ] = False,
    processes: Annotated[
        int, typer.Option("--processes", help="Processes for both sides.")
    ] = 1,
    rounds: Annotated[
        int, typer.Option("--rounds", help="Alternating rounds (the median counts).")
    ] = 5,  # bench.coder.ROUNDS (not imported here: it loads spaCy)
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Words/s of newsevents next to bare spaCy nlp.pipe on the same texts."""
    from ..bench.coder import DEFAULT_CORPORA, bench, load_texts
    from ..nlp.pipeline import load_pipeline

    path = corpus or DEFAULT_CORPORA.get(lang)
    if path is None or not path.exists():
        fail(f"corpus {path} not found; give one with --corpus")
    texts = load_texts(path, n)  # type: ignore[arg-type]
    if both:
        for code in available():
            load_pipeline(code)
    result = bench(lang, texts, rounds=rounds, processes=processes)
    if as_json:
        sys.stdout.write(json.dumps(result.to_json()) + "\n")
        return
    console = Console()
    console.print(
        f"{result.articles} {lang} articles, {result.words} words\n"
        f"newsevents : {result.words_per_s:>9.0f} words/s "
        f"({result.articles_per_s:.1f} articles/s, {result.events} events)\n"
        f"bare spaCy : {result.baseline_words_per_s:>9.0f} words/s\n"
        f"ratio      : {result.ratio:.2f}"
        + (f" (CPU time: {result.cpu_ratio:.2f})" if result.cpu_ratio else "")
        + "\n"
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
    split: Annotated[
        str | None,
        typer.Option(
            "--split",
            help="Only gold documents of this split: 'tune' (read while "
            "developing the coder) or 'report' (only ever scored).",
        ),
    ] = None,
    classifier: ClassifierOption = None,
) -> None:
    """Score the coder on gold event files or on a peer evaluation suite."""
    from ..eval.peers import FORMATS

    if fmt not in FORMATS:
        fail(f"--format {fmt!r}: want one of {', '.join(FORMATS)}")
    if fmt != "gold":
        report = guard(lambda: _run_peer(fmt, inputs or []))
        if as_json:
            sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=1) + "\n")
        else:
            _print_peer(fmt, report)
        return
    if not inputs:
        fail("eval: give at least one gold file (or --format with a peer suite)")
    if split not in (None, "tune", "report"):
        fail(f"--split {split!r}: want 'tune' or 'report'")
    from ..eval.actors import actor_stages
    from ..eval.gold import read_gold
    from ..eval.score import score
    from ..service import code

    coded_pairs = []
    for path in inputs or []:
        for document in guard(lambda p=path: read_gold(p)):
            if split is not None and document.split != split:
                continue
            coded = code(
                document.text,
                document.language,
                document.published,
                classifier=classifier,
                source=document.outlet,
            )
            coded_pairs.append((document, coded))
    result = score([(document, coded.events) for document, coded in coded_pairs])
    report = result.to_json()
    report["actors"] = actor_stages(coded_pairs).to_json()
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

    from ..eval.peers import input_paths

    paths = input_paths(fmt, given, _PATTERNS.get(fmt, "*.tsv"))
    suite = import_module(f"newsevents.eval.peers.{fmt}")
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
    actors = report.get("actors") or {}
    if actors.get("gold_actors"):
        console.print(
            f"gold actors {actors['gold_actors']}: found {actors['found']:.3f}, "
            f"right country {actors['right_country']:.3f}, "
            f"right role {actors['right_role']:.3f} (in the evidence's sentence)"
        )
    for doc in report.get("by_doc", []):
        if not by_doc:
            break
        console.rule(str(doc.get("doc_id")))
        for missed in doc.get("missed", []):
            console.print(f"[red]missed[/red] {missed}", highlight=False)
        for wrong in doc.get("false_positives", []):
            console.print(f"[yellow]false positive[/yellow] {wrong}", highlight=False)
