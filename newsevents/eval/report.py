"""Write the evaluation report (``reports/eval.md``) from the JSON that
``newsevents eval --format ... --json`` and ``newsevents bench --json`` print.

Run as ``python -m newsevents.eval.report RESULTS_DIR [OUT]``: RESULTS_DIR
holds ``seed.json``, ``dev-{fr,en}-{report,tune}.json``, ``gold.json``,
``petrarch.json``, ``timebank.json``, ``geo.json``,
``case2021.json``, ``bench-fr.json`` and ``bench-en.json`` (any may be
missing or empty); OUT defaults to ``reports/eval.md``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

__all__ = ["SECTIONS", "render", "write_report"]

#: Report sections: (file stem, title, headline keys).
_GOLD_KEYS = (
    "documents", "events_gold_required", "events_extracted", "recall",
    "precision", "f1", "code_accuracy", "date_accuracy", "place_accuracy",
)  # fmt: skip

SECTIONS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("seed", "Seed articles (French seed gold, our English twin)", _GOLD_KEYS),
    ("dev-fr-report", "Development gold, French, report split (never read)",
     _GOLD_KEYS),
    ("dev-en-report", "Development gold, English, report split (never read)",
     _GOLD_KEYS),
    ("dev-fr-tune", "Development gold, French, tune split (read while developing)",
     _GOLD_KEYS),
    ("dev-en-tune", "Development gold, English, tune split (read while developing)",
     _GOLD_KEYS),
    ("gold", "Every gold event file together (../shared/eval/gold, eval/gold)",
     _GOLD_KEYS),
    (
        "petrarch",
        "PETRARCH unit-test records, PETRARCH dictionaries",
        ("records", "gold_triples", "events_extracted", "triple_recall",
         "triple_precision", "root_recall", "root_precision", "record_accuracy",
         "petrarch_record_accuracy", "noevent_records", "noevent_false_positives"),
    ),
    (
        "timebank",
        "French TimeBank: date normalisation (DCT as reference)",
        ("documents", "timex_total", "timex_correct", "value_accuracy"),
    ),
    (
        "geo",
        "Geoparsing: GeoWebNews + TR-News (English)",
        ("articles", "toponyms", "toponym_recall", "toponym_recall_mentions",
         "acc_161km", "country_accuracy", "resolver_acc_161km",
         "resolver_country_accuracy"),
    ),
    (
        "case2021",
        "CASE 2021 task 2: recall of an event of the mapped CAMEO root",
        ("snippets", "snippets_scored", "recall"),
    ),
    (
        "bench-fr",
        "Throughput, French (300 articles)",
        ("articles", "words", "words_per_s", "baseline_words_per_s", "ratio",
         "articles_per_s", "peak_rss_mb"),
    ),
    (
        "bench-en",
        "Throughput, English (300 articles)",
        ("articles", "words", "words_per_s", "baseline_words_per_s", "ratio",
         "articles_per_s", "peak_rss_mb"),
    ),
)  # fmt: skip
# Breakdowns printed as a table under their section: (stem, key).
_BREAKDOWNS = {
    **{
        f"dev-{lang}-{split}": "actors"
        for lang in ("fr", "en")
        for split in ("report", "tune")
    },
    "seed": "actors",
    "petrarch": "by_category",
    "timebank": "by_type",
    "geo": "by_corpus",
    "case2021": "recall_by_type",
}


def _cell(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.3f}" if abs(value) < 10 else f"{value:,.0f}"
    return str(value)


def _breakdown(table: dict[str, Any]) -> list[str]:
    rows = list(table.items())
    if not rows:
        return []
    if not isinstance(rows[0][1], dict):
        lines = ["| | value |", "|---|---|"]
        return lines + [f"| {name} | {_cell(value)} |" for name, value in rows]
    columns = [c for c in rows[0][1] if not isinstance(rows[0][1][c], dict)]
    lines = ["| | " + " | ".join(columns) + " |", "|---" * (len(columns) + 1) + "|"]
    for name, row in rows:
        cells = " | ".join(_cell(row.get(c)) for c in columns)
        lines.append(f"| {name} | {cells} |")
    return lines


def render(results: dict[str, dict[str, Any] | None], when: str, commit: str) -> str:
    """The markdown report of the results, keyed by file stem."""
    lines = [
        "# newsevents evaluation",
        "",
        f"Date: {when} — commit: `{commit}` — written by `make eval`.",
        "",
    ]
    for stem, title, keys in SECTIONS:
        lines += [f"## {title}", ""]
        result = results.get(stem)
        if not result:
            lines += ["Not run (data absent or the command failed).", ""]
            continue
        lines += ["| measure | value |", "|---|---|"]
        lines += [f"| {k} | {_cell(result.get(k))} |" for k in keys if k in result]
        lines.append("")
        breakdown = result.get(_BREAKDOWNS.get(stem, ""))
        if isinstance(breakdown, dict) and breakdown:
            lines += _breakdown(breakdown) + [""]
    return "\n".join(lines)


def _load(path: Path) -> dict[str, Any] | None:
    try:
        text = path.read_text(encoding="utf-8").strip()
        return json.loads(text) if text else None
    except (OSError, json.JSONDecodeError):
        return None


def _commit() -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return out.stdout.strip() or "unknown"


def write_report(results_dir: Path, out: Path) -> Path:
    """Read every result file of ``results_dir`` and write the report."""
    results = {stem: _load(results_dir / f"{stem}.json") for stem, _, _ in SECTIONS}
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(results, date.today().isoformat(), _commit()) + "\n")
    return out


def main(argv: list[str]) -> int:
    """``python -m newsevents.eval.report RESULTS_DIR [OUT]``."""
    if not argv:
        print("usage: python -m newsevents.eval.report RESULTS_DIR [OUT]")
        return 2
    out = Path(argv[1]) if len(argv) > 1 else Path("reports/eval.md")
    print(write_report(Path(argv[0]), out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
