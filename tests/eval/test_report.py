"""The evaluation report (newsevents/eval/report.py): the development gold
per language and split, with its per-stage actor scores, beside the peers."""

from __future__ import annotations

import json
from pathlib import Path

from newsevents.eval.report import render, write_report


def _gold(recall: float) -> dict[str, object]:
    return {
        "documents": 30,
        "recall": recall,
        "precision": 0.5,
        "actors": {"gold_actors": 99, "found": 0.9, "right_country": 0.8},
    }


def test_report_lists_each_dev_split_with_its_actor_stages() -> None:
    text = render(
        {"dev-fr-report": _gold(0.178), "dev-en-tune": _gold(0.362)},
        "2026-11-30",
        "abc1234",
    )
    report = text.split("## Development gold, French, report split")[1]
    assert "| recall | 0.178 |" in report.split("##")[0]
    assert "| right_country | 0.800 |" in report.split("##")[0]
    assert "| recall | 0.362 |" in text.split("English, tune split")[1]
    # A split that was not run says so rather than vanishing.
    assert "## Development gold, English, report split" in text
    english = text.split("## Development gold, English, report split")[1]
    assert "Not run" in english.split("##")[0]


def test_report_reads_the_result_files(tmp_path: Path) -> None:
    (tmp_path / "seed.json").write_text(json.dumps(_gold(0.933)), encoding="utf-8")
    (tmp_path / "petrarch.json").write_text("", encoding="utf-8")  # failed run
    out = write_report(tmp_path, tmp_path / "eval.md")
    text = out.read_text(encoding="utf-8")
    assert "| recall | 0.933 |" in text.split("## Seed articles")[1]
    assert "Not run" in text.split("## PETRARCH")[1].split("##")[0]
