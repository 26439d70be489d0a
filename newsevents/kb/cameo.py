"""The CAMEO event code book: label, Goldstein score, quad class and PLOVER type.

The data live in ``kb/data/cameo.tsv`` (written for newsevents). Quad classes
follow GDELT: 1 verbal cooperation (roots 01-05), 2 material cooperation
(06-09), 3 verbal conflict (10-14), 4 material conflict (15-20).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import DataError
from ._tsv import read_tsv

__all__ = ["CameoCode", "DEFAULT_PATH", "QUAD_CLASSES", "load_cameo", "lookup"]

DEFAULT_PATH = Path(__file__).parent / "data" / "cameo.tsv"

QUAD_CLASSES: dict[int, str] = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}

_COLUMNS = ("code", "label", "goldstein", "quad_class")
_CODE = re.compile(r"\d{2,4}")


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO event code with its label, Goldstein score and PLOVER type."""

    code: str
    label: str
    goldstein: float
    quad_class: int
    plover_event: str | None
    plover_mode: str | None

    @property
    def root(self) -> str:
        """The two-digit root code (``"05"`` for ``"057"``)."""
        return self.code[:2]

    def event_fields(self) -> dict[str, str | float | int | None]:
        """The fields of an ``Event`` that come from the code book."""
        return {
            "code": self.code,
            "root": self.root,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "label": self.label,
            "plover_type": self.plover_event,
            "plover_mode": self.plover_mode,
        }


def _quad_of_root(root: str) -> int:
    number = int(root)
    if number <= 5:
        return 1
    if number <= 9:
        return 2
    if number <= 14:
        return 3
    return 4


def _parse_row(path: Path, line: int, row: dict[str, str]) -> CameoCode:
    code = row["code"]
    if not _CODE.fullmatch(code) or not 1 <= int(code[:2]) <= 20:
        raise DataError(path, line, f"bad CAMEO code {code!r}: want 2-4 digits, 01-20")
    try:
        goldstein = float(row["goldstein"])
    except ValueError:
        raise DataError(
            path, line, f"Goldstein score {row['goldstein']!r} is not a number"
        ) from None
    if not math.isfinite(goldstein) or not -10.0 <= goldstein <= 10.0:
        raise DataError(path, line, f"Goldstein score {goldstein} is not in -10..10")
    try:
        quad = int(row["quad_class"])
    except ValueError:
        raise DataError(
            path, line, f"quad class {row['quad_class']!r} is not 1, 2, 3 or 4"
        ) from None
    expected = _quad_of_root(code[:2])
    if quad != expected:
        raise DataError(
            path,
            line,
            f"quad class {quad} for code {code}; root {code[:2]} is {expected}",
        )
    return CameoCode(
        code=code,
        label=row["label"],
        goldstein=goldstein,
        quad_class=quad,
        plover_event=row.get("plover_event") or None,
        plover_mode=row.get("plover_mode") or None,
    )


def _load(path: Path) -> dict[str, CameoCode]:
    codes: dict[str, CameoCode] = {}
    for line, row in read_tsv(path, _COLUMNS):
        entry = _parse_row(path, line, row)
        if entry.code in codes:
            raise DataError(path, line, f"duplicate CAMEO code {entry.code}")
        if len(entry.code) > 2 and entry.root not in codes:
            raise DataError(
                path, line, f"code {entry.code} comes before its root {entry.root}"
            )
        codes[entry.code] = entry
    return codes


@lru_cache(maxsize=1)
def _load_default() -> dict[str, CameoCode]:
    return _load(DEFAULT_PATH)


def load_cameo(path: Path | None = None) -> dict[str, CameoCode]:
    """Return the code book as a dict from code to CameoCode.

    The default file is read once and cached; the same dict is returned on
    each call, so do not mutate it. Raises DataError naming file and line for
    a bad row (bad code, Goldstein score or quad class, duplicate code, or a
    sub-code listed before its root).
    """
    if path is None:
        return _load_default()
    return _load(Path(path))


def lookup(code: str) -> CameoCode:
    """Return the entry of a CAMEO event code from the default code book.

    Raises ValueError for a code that is not in the code book.
    """
    codes = _load_default()
    try:
        return codes[code]
    except KeyError:
        raise ValueError(
            f"Unknown CAMEO event code {code!r}: want a code of the CAMEO "
            f"code book such as '057' or '1123' ({len(codes)} codes known)."
        ) from None
