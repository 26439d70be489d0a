"""CASE 2021 task 2: fine-grained event classification of news snippets.

Each snippet has one event type (ACLED subtypes plus a few non-political
ones). We map each type to CAMEO roots (``eval/data/case2021_cameo.tsv``,
our own mapping) and count a snippet as recalled when we extract at least
one event whose root is among its type's roots. Types mapped to no root are
left out. ``recall`` is the micro average over the mapped snippets.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ...errors import DataError, InputError
from ...kb._tsv import read_tsv
from ...models import Event
from ._common import ratio

__all__ = ["MAPPING_PATH", "Case2021Score", "Snippet", "load_mapping", "read_snippets"]

MAPPING_PATH = Path(__file__).resolve().parent.parent / "data" / "case2021_cameo.tsv"
_ROOT = re.compile(r"^(0[1-9]|1[0-9]|20)$")


@dataclass(frozen=True)
class Snippet:
    """One CASE 2021 snippet and its gold event type."""

    id: str
    text: str
    type: str


@dataclass(frozen=True)
class Case2021Score:
    """Per-type and overall recall of an event of a mapped root."""

    snippets: int
    snippets_scored: int
    recall: float | None
    recall_by_type: dict[str, float | None] = field(default_factory=dict)
    counts_by_type: dict[str, dict[str, int]] = field(default_factory=dict)
    unmapped_types: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The scores as a JSON-ready dict."""
        return asdict(self)


def load_mapping(path: Path = MAPPING_PATH) -> dict[str, tuple[str, ...]]:
    """Event type -> CAMEO roots (empty for unmapped types).

    Raises DataError naming file and line for a root that is not 01-20.
    """
    mapping: dict[str, tuple[str, ...]] = {}
    for line, row in read_tsv(path, ("type", "roots")):
        roots = tuple(r.strip() for r in row["roots"].split(",") if r.strip() != "-")
        for root in roots:
            if not _ROOT.match(root):
                raise DataError(path, line, f"root {root!r}: want 01 to 20")
        mapping[row["type"].strip()] = roots
    return mapping


def read_snippets(path: Path) -> list[Snippet]:
    """The snippets of a CASE 2021 task 2 TSV (``id``, ``EventSnippet``,
    ``SubType``). Raises InputError when the columns are missing."""
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        wanted = {"id", "EventSnippet", "SubType"}
        if reader.fieldnames is None or not wanted <= set(reader.fieldnames):
            raise InputError(f"{path}: want columns {', '.join(sorted(wanted))}")
        return [
            Snippet(row["id"], row["EventSnippet"] or "", row["SubType"].strip())
            for row in reader
        ]


def score(
    snippets_and_events: Sequence[tuple[Snippet, Sequence[Event]]],
    mapping: Mapping[str, tuple[str, ...]],
) -> Case2021Score:
    """Score events found in each snippet against its type's roots."""
    total: Counter[str] = Counter()
    hits: Counter[str] = Counter()
    unmapped: set[str] = set()
    for snippet, events in snippets_and_events:
        roots = mapping.get(snippet.type, ())
        if not roots:
            unmapped.add(snippet.type)
            continue
        total[snippet.type] += 1
        hits[snippet.type] += any(e.root in roots for e in events)
    return Case2021Score(
        snippets=len(snippets_and_events),
        snippets_scored=sum(total.values()),
        recall=ratio(sum(hits.values()), sum(total.values())),
        recall_by_type={t: ratio(hits[t], total[t]) for t in sorted(total)},
        counts_by_type={
            t: {"snippets": total[t], "recalled": hits[t]} for t in sorted(total)
        },
        unmapped_types=tuple(sorted(unmapped)),
    )


def run(paths: Sequence[Path], mapping_path: Path = MAPPING_PATH) -> Case2021Score:
    """Code every snippet as English and score it."""
    from ...models import Article
    from ...service import code_articles

    mapping = load_mapping(mapping_path)
    snippets = [s for path in paths for s in read_snippets(path)]
    articles = [Article.from_text(s.text or "-", "en") for s in snippets]
    events = [c.events for c in code_articles(articles)]
    return score(list(zip(snippets, events, strict=True)), mapping)
