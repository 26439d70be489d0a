"""Pick the backstop's threshold on the TUNE split, out of fold.

Each weights file was trained without the tune documents it is asked about
(``train_backstop.py --holdout``); their events, coded with the classifier at
threshold 0, are scored at each threshold, and the F1 over all tune
documents (both languages pooled, and per language) is printed. The report
split is never read.

    python tools/tune_backstop.py --gold eval/gold/dev-fr.json eval/gold/dev-en.json \\
        --fold A.npz:id1,id2 --fold B.npz:id3,id4
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from collections.abc import Sequence
from pathlib import Path

import newsevents.classify as classify
from newsevents.classify import Backstop
from newsevents.eval.gold import GoldDocument, read_gold
from newsevents.eval.score import score
from newsevents.models import Event
from newsevents.service import code

THRESHOLDS = (0.0, 0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 1.01)


def coded_fold(
    weights: Path, docs: Sequence[GoldDocument]
) -> list[tuple[GoldDocument, list[Event]]]:
    model = dataclasses.replace(Backstop.load(weights), threshold=0.0)
    classify.default_backstop = lambda: model  # type: ignore[assignment]
    out = []
    for doc in docs:
        coded = code(doc.text, doc.language, doc.published, classifier=True)
        out.append((doc, list(coded.events)))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--gold", nargs="+", type=Path)
    parser.add_argument("--fold", action="append", default=[])
    args = parser.parse_args(argv)
    docs = {d.id: d for p in args.gold for d in read_gold(p) if d.split == "tune"}
    pairs: list[tuple[GoldDocument, list[Event]]] = []
    for fold in args.fold:
        path, _, ids = fold.partition(":")
        pairs += coded_fold(Path(path), [docs[i] for i in ids.split(",")])
    rows = {}
    for threshold in THRESHOLDS:
        kept = [
            (
                d,
                [
                    e
                    for e in events
                    if e.trigger != "classifier" or e.confidence >= threshold
                ],
            )
            for d, events in pairs
        ]
        row = {}
        for lang in ("all", "fr", "en"):
            part = [(d, e) for d, e in kept if lang in ("all", d.language)]
            s = score(part).to_json()
            row[lang] = {k: s[k] for k in ("recall", "precision", "f1")}
            row[lang]["extracted"] = s["events_extracted"]
        rows[threshold] = row
        print(threshold, json.dumps(row))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
