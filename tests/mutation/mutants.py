"""Mutation check: apply small deliberate breakages to the code one at a
time, run the fast tests (``-m "not slow"``), restore the code, and print
which test caught each breakage. A breakage no test catches is a hole in
the suite: the run exits 1 and names it.

    python tests/mutation/mutants.py            # all of them (make mutants)
    python tests/mutation/mutants.py --list     # names only
    python tests/mutation/mutants.py --only dates-fr-dimanche export-csv-quote-none

Not part of the default test run (no ``test_`` prefix). It edits files in
place, so run it in a clean tree; every file is restored, even on Ctrl-C.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Mutant:
    name: str
    area: str
    what: str
    path: str
    old: str
    new: str


MUTANTS = (
    Mutant("dates-fr-dimanche", "dates", 'French "dimanche" is a Saturday',
           "newsevents/lang/fr/dates.py", '"dimanche": 6,', '"dimanche": 5,'),
    Mutant("dates-en-yesterday", "dates", '"yesterday" is two days back',
           "newsevents/lang/en/dates.py", '"yesterday": -1,', '"yesterday": -2,'),
    Mutant("dates-last-weekday", "dates", '"mercredi dernier" on a Wednesday is today',
           "newsevents/extract/dates.py",
           "    if rel is not None and rel < 0 and back == 0:\n        back = 7\n",
           "    if rel is not None and rel < 0 and back == 0:\n        back = 0\n"),
    Mutant("modality-negation", "modality", "negation is never seen",
           "newsevents/extract/modality.py",
           "    if _negated(token, res):\n", "    if False:\n"),
    Mutant("modality-future", "modality", 'future auxiliaries ("will", "va") ignored',
           "newsevents/extract/modality.py",
           '        if kind in ("planned", "future"):\n',
           '        if kind == "planned":\n'),
    Mutant("modality-conditional-alleged", "modality",
           "the French conditional of hearsay (aurait livré) is asserted",
           "newsevents/extract/modality.py",
           "    if res.conditional_alleged and _conditional(token):\n",
           "    if False:\n"),
    Mutant("patterns-passive", "patterns", "passive voice read as active",
           "newsevents/extract/_patterns.py",
           "    subj, passive = subject(verb)\n    pattern =",
           "    subj, passive = subject(verb)[0], False\n    pattern ="),
    Mutant("patterns-symmetric", "patterns", "symmetric events coded one way only",
           "newsevents/extract/events.py",
           "                    pairs.append((b, a, rb, ra))\n",
           "                    pass\n"),
    Mutant("scorer-symmetric", "scorer", "a reversed event matches a directed gold event",
           "newsevents/eval/score.py",
           "    return gold.symmetric and straight(event.target, event.source)\n",
           "    return straight(event.target, event.source)\n"),
    Mutant("scorer-f1", "scorer", "F1 is the arithmetic mean",
           "newsevents/eval/score.py",
           "    return 2 * recall * precision / (recall + precision)\n",
           "    return (recall + precision) / 2\n"),
    Mutant("export-gdelt-basecode", "exports", "GDELT EventBaseCode written empty",
           "newsevents/export/gdelt.py",
           "                r[7][:3],\n", "                None,\n"),
    Mutant("export-gdelt-actiongeo-lat", "exports", "GDELT ActionGeo_Lat written empty",
           "newsevents/export/gdelt.py",
           "                *geo,\n", "                *geo[:5],\n                None,\n                *geo[6:],\n"),
    Mutant("export-csv-quote-none", "exports", "CSV written with QUOTE_NONE",
           "newsevents/export/tabular.py",
           "    writer = csv.writer(out)\n",
           '    writer = csv.writer(out, quoting=csv.QUOTE_NONE, escapechar="\\\\")\n'),
    Mutant("escaping-articles-title", "escaping", "the articles list marks the title safe (unescaped)",
           "newsevents/api/templates/articles.html",
           "{{ r.title or r.id }}", "{{ (r.title or r.id)|safe }}"),
    Mutant("idempotency-writer", "idempotency", "an article stored already is stored again",
           "newsevents/store/writer.py",
           "            if entry.id in self.ids:\n", "            if False:\n"),
)  # fmt: skip

# "FAILED tests/x.py::test_y[a b] - message": ids may hold spaces.
_FAILED = re.compile(r"^(?:FAILED|ERROR) (.+?)(?: - .*)?$", re.MULTILINE)


def run_tests(paths: list[str]) -> tuple[str | None, float]:
    """The first failing test of a fast run (None when all pass), and the
    run's duration in seconds."""
    command = [
        sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider",
        "-m", "not slow", "--tb=no", "-rfE", *paths,
    ]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.monotonic()
    done = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    found = _FAILED.search(done.stdout)
    if done.returncode not in (0, 1) and found is None:
        return f"(pytest exit {done.returncode}: {done.stdout[-300:]!r})", 0.0
    return (found.group(1) if found else None), time.monotonic() - start


def apply(mutant: Mutant) -> str:
    """Apply a mutant; returns the original text of its file."""
    path = ROOT / mutant.path
    original = path.read_text(encoding="utf-8")
    count = original.count(mutant.old)
    if count != 1:
        raise SystemExit(
            f"{mutant.name}: {mutant.path} holds its target {count} times, want 1; "
            "update the mutant to the current code"
        )
    path.write_text(original.replace(mutant.old, mutant.new), encoding="utf-8")
    return original


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="*", default=None, help="mutant names")
    parser.add_argument("--list", action="store_true", help="list the mutants")
    parser.add_argument(
        "paths", nargs="*", default=["tests"], help="test paths (default: tests)"
    )
    args = parser.parse_args(argv)
    if args.list:
        for m in MUTANTS:
            print(f"{m.name:30} {m.area:12} {m.what}")
        return 0
    chosen = [m for m in MUTANTS if args.only is None or m.name in args.only]
    print("| # | area | breakage | caught by | seconds |")
    print("|---|---|---|---|---|")
    survivors = []
    for number, mutant in enumerate(chosen, start=1):
        original = apply(mutant)
        try:
            caught, seconds = run_tests(args.paths)
        finally:
            (ROOT / mutant.path).write_text(original, encoding="utf-8")
        if caught is None:
            survivors.append(mutant.name)
        print(
            f"| {number} | {mutant.area} | {mutant.what} (`{mutant.name}`) | "
            f"{f'`{caught}`' if caught else '**not caught**'} | {seconds:.0f} |",
            flush=True,
        )
    if survivors:
        print(f"\n{len(survivors)} not caught: {', '.join(survivors)}")
        return 1
    print(f"\nall {len(chosen)} caught")
    return 0


if __name__ == "__main__":
    sys.exit(main())
