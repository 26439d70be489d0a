"""French TimeBank: our date normaliser on each TIMEX3, with the document
creation time (DCT) as the reference date.

A TIMEX3 is scored when its type is DATE or TIME and its value (date part,
before any ``T``) is ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; durations,
sets and values such as ``PRESENT_REF`` or ``1999-W20`` are counted as
unscorable. We run ``find_dates`` on the document text (tags removed) and a
TIMEX3 is right when the first date we find overlapping its span has its
value exactly.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ...errors import InputError
from ...models import DateRef
from ._common import ratio

__all__ = ["Timex", "TimebankDoc", "TimebankScore", "read_tml", "run", "score"]

_SCORABLE = re.compile(r"^\d{4}(-\d\d(-\d\d)?)?$")
_TYPES = ("DATE", "TIME")


@dataclass(frozen=True)
class Timex:
    """A TIMEX3 of the text: its span in the tag-free text, type and value."""

    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True)
class TimebankDoc:
    """One .tml document: tag-free text, creation date and TIMEX3s."""

    id: str
    text: str
    dct: date | None
    timexes: tuple[Timex, ...]


@dataclass(frozen=True)
class TimebankScore:
    """Exact value accuracy over scorable TIMEX3, overall and by type."""

    documents: int
    timex_total: int
    timex_correct: int
    timex_unscorable: int
    value_accuracy: float | None
    by_type: dict[str, dict[str, Any]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The scores as a JSON-ready dict."""
        return asdict(self)


def _flatten(text_el: ET.Element) -> tuple[str, list[Timex]]:
    """The text inside ``<TEXT>`` with tags removed, and the TIMEX3 spans."""
    parts: list[str] = []
    timexes: list[Timex] = []
    offset = 0

    def add(piece: str | None) -> None:
        nonlocal offset
        if piece:
            parts.append(piece)
            offset += len(piece)

    def walk(node: ET.Element) -> None:
        if node.tag == "TIMEX3":
            start = offset
            add("".join(node.itertext()))
            timexes.append(
                Timex(
                    start=start,
                    end=offset,
                    text="".join(node.itertext()),
                    type=node.get("type", ""),
                    value=node.get("value", ""),
                )
            )
        else:
            add(node.text)
            for child in node:
                walk(child)
        if node is not text_el:
            add(node.tail)

    walk(text_el)
    return "".join(parts), timexes


def read_tml(path: Path) -> TimebankDoc:
    """Read a TimeML file. Raises InputError when it is not TimeML."""
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as exc:
        raise InputError(f"{path}: not a TimeML file ({exc})") from exc
    text_el = root.find("TEXT")
    if text_el is None:
        raise InputError(f"{path}: no <TEXT> element")
    dct_el = root.find("DCT/TIMEX3")
    dct: date | None = None
    if dct_el is not None:
        try:
            dct = date.fromisoformat(dct_el.get("value", "")[:10])
        except ValueError:
            dct = None
    text, timexes = _flatten(text_el)
    return TimebankDoc(
        id=root.findtext("DOCID") or path.stem,
        text=text,
        dct=dct,
        timexes=tuple(timexes),
    )


def score(
    docs_and_dates: Sequence[tuple[TimebankDoc, Sequence[DateRef]]],
) -> TimebankScore:
    """Score the dates found in each document against its TIMEX3s."""
    total: Counter[str] = Counter()
    right: Counter[str] = Counter()
    unscorable: Counter[str] = Counter()
    for doc, found in docs_and_dates:
        for timex in doc.timexes:
            if timex.type not in _TYPES:
                continue
            gold = timex.value.split("T")[0]
            if not _SCORABLE.match(gold):
                unscorable[timex.type] += 1
                continue
            total[timex.type] += 1
            over = [
                d
                for d in found
                if d.start is not None
                and d.end is not None
                and d.start < timex.end
                and d.end > timex.start
            ]
            if over and over[0].value == gold:
                right[timex.type] += 1
    by_type = {
        kind: {
            "timex_total": total[kind],
            "timex_correct": right[kind],
            "value_accuracy": ratio(right[kind], total[kind]),
            "unscorable": unscorable[kind],
        }
        for kind in _TYPES
    }
    return TimebankScore(
        documents=len(docs_and_dates),
        timex_total=sum(total.values()),
        timex_correct=sum(right.values()),
        timex_unscorable=sum(unscorable.values()),
        value_accuracy=ratio(sum(right.values()), sum(total.values())),
        by_type=by_type,
    )


def run(paths: Sequence[Path]) -> TimebankScore:
    """Read the .tml files and score ``find_dates`` (French) on them."""
    from ...extract.dates import find_dates

    pairs = []
    for path in paths:
        doc = read_tml(path)
        pairs.append((doc, find_dates(doc.text, "fr", doc.dct)))
    return score(pairs)
