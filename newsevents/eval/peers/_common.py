"""Helpers shared by the peer suites: default data paths and ratios."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ...errors import InputError

_SHARED = Path("../shared/data")

#: Where each suite's data is looked for when no path is given (relative to
#: the working directory, as ``make eval`` runs from the repository root).
DEFAULT_PATHS: dict[str, Path] = {
    "petrarch": _SHARED / "peers/petrarch/PETR.UnitTest.records.xml",
    "timebank": _SHARED / "temporal/fr-timebank/Data",
    "geo": _SHARED / "geoparsing",
    "case2021": _SHARED / "peers/case2021/task2_test_set_final_release_with_labels.tsv",
}
FORMATS = ("gold", *DEFAULT_PATHS)


def input_paths(fmt: str, given: Sequence[Path], pattern: str) -> list[Path]:
    """The data files of a suite: the given files, folders expanded with
    ``pattern``, or the default path when nothing is given.

    Raises InputError naming the missing path and how to give one.
    """
    roots = list(given) or [DEFAULT_PATHS[fmt]]
    files: list[Path] = []
    for root in roots:
        if root.is_dir():
            files.extend(sorted(root.glob(pattern)))
        elif root.is_file():
            files.append(root)
        else:
            raise InputError(
                f"{fmt} data {root} not found; give the files or folder as arguments"
            )
    if not files:
        raise InputError(f"{fmt}: no {pattern} files in {', '.join(map(str, roots))}")
    return files


def ratio(numerator: int, denominator: int) -> float | None:
    """``numerator / denominator`` rounded to 4 places, None over zero."""
    return round(numerator / denominator, 4) if denominator else None
