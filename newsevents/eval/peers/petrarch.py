"""PETRARCH's validation suite (``PETR.UnitTest.records.xml``), coded with
its own dictionaries.

Each ``<Sentence>`` record has a date, a category, a text and either the
events PETRARCH must produce (``<EventCoding sourcecode targetcode
eventcode>``), ``noevents``, or an ``error`` PETRARCH must raise (dateline,
discarded sentence...). Error records are left out of the scores.

How we score, where the suite leaves room:

- A triple is (source actor code, target actor code, event code); a root
  triple keeps the event code's first two digits. Gold and extracted
  triples of a record are matched one to one (multisets).
- PETRARCH only codes dyadic events (``require_dyad``), so precision counts
  our events with both a source and a target; ``noevent_false_positives``
  counts ``noevents`` records where we emit any event at all.
- Gold actors PETRARCH writes as quoted text (``'"INJURY TOLL"'``) are
  names missing from its dictionaries: such triples are left out of the
  gold and counted in ``gold_triples_uncodable``.
- ``record_accuracy`` is the share of scored records whose triples we
  reproduce exactly; the file states that PETRARCH codes every record
  correctly ("ALL OF THE UNIT TESTS WERE CODED CORRECTLY"), i.e. 1.0.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ...errors import InputError
from ...models import Event
from ._common import ratio

__all__ = ["PetrarchRecord", "PetrarchScore", "read_records", "run", "score"]

Triple = tuple[str, str, str]
_STATED = (
    "the file's FINAL-RECORD: PETRARCH 0.5.0b1 codes every unit test record correctly"
)


@dataclass(frozen=True)
class PetrarchRecord:
    """One validation sentence and what PETRARCH must code from it."""

    id: str
    category: str
    date: date | None
    text: str
    triples: tuple[Triple, ...] = ()
    noevents: bool = False
    error: str | None = None
    uncodable: int = 0


@dataclass(frozen=True)
class PetrarchScore:
    """Scores on the suite, overall and by record category."""

    records: int
    records_skipped: int
    gold_triples: int
    gold_triples_uncodable: int
    events_extracted: int
    triple_recall: float | None
    triple_precision: float | None
    root_recall: float | None
    root_precision: float | None
    record_accuracy: float | None
    noevent_records: int
    noevent_false_positives: int
    by_category: dict[str, dict[str, Any]] = field(default_factory=dict)
    petrarch_record_accuracy: float = 1.0
    petrarch_stated: str = _STATED

    def to_json(self) -> dict[str, Any]:
        """The scores as a JSON-ready dict."""
        return asdict(self)


def _date(value: str | None) -> date | None:
    if not value or len(value.strip()) != 8:
        return None
    text = value.strip()
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        return None


def _quoted(code: str) -> bool:
    return code.startswith('"')


def _record(node: ET.Element) -> PetrarchRecord:
    triples: list[Triple] = []
    noevents = False
    error: str | None = None
    uncodable = 0
    for coding in node.iter("EventCoding"):
        attrs = {k.strip(): v.strip() for k, v in coding.attrib.items()}
        if attrs.get("noevents", "").lower() == "true":
            noevents = True
        elif "error" in attrs:
            error = attrs["error"]
        elif "eventcode" in attrs:
            triple = (
                attrs.get("sourcecode", ""),
                attrs.get("targetcode", ""),
                attrs["eventcode"],
            )
            if _quoted(triple[0]) or _quoted(triple[1]):
                uncodable += 1
            else:
                triples.append(triple)
    attrs = {k.strip(): v.strip() for k, v in node.attrib.items()}
    return PetrarchRecord(
        id=attrs.get("id", ""),
        category=attrs.get("category", ""),
        date=_date(attrs.get("date")),
        text=" ".join((node.findtext("Text") or "").split()),
        triples=tuple(triples),
        noevents=noevents,
        error=error,
        uncodable=uncodable,
    )


def read_records(path: Path) -> list[PetrarchRecord]:
    """Every ``<Sentence>`` record of a PETRARCH validation file.

    Raises InputError when the file is not well-formed XML.
    """
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as exc:
        raise InputError(f"{path}: not a PETRARCH records file ({exc})") from exc
    return [_record(node) for node in root.iter("Sentence")]


def dictionaries(path: Path) -> tuple[Path | None, Path | None]:
    """The actor and agent dictionaries a records file names in its
    ``<Environment>``, next to it; None where absent."""
    root = ET.parse(path).getroot()
    found: list[Path | None] = []
    for tag in ("Actorfile", "Agentfile"):
        name = (root.findtext(f"Environment/{tag}") or "").strip()
        candidate = path.parent / name if name else None
        found.append(candidate if candidate and candidate.is_file() else None)
    return found[0], found[1]


def verb_file(path: Path) -> Path | None:
    """The verb dictionary a records file names in its ``<Environment>``
    (``<Verbfile>``), next to it; None where absent."""
    root = ET.parse(path).getroot()
    name = (root.findtext("Environment/Verbfile") or "").strip()
    candidate = path.parent / name if name else None
    return candidate if candidate and candidate.is_file() else None


def _triples(events: Sequence[Event], digits: int | None) -> Counter[Triple]:
    return Counter(
        (e.source.code, e.target.code, e.code[:digits] if digits else e.code)
        for e in events
        if e.source is not None and e.target is not None
    )


def _roots(triples: Sequence[Triple]) -> Counter[Triple]:
    return Counter((s, t, c[:2]) for s, t, c in triples)


def score(
    records: Sequence[PetrarchRecord], events: Sequence[Sequence[Event]]
) -> PetrarchScore:
    """Score our events (one sequence per record, in order) on the records."""
    total: Counter[str] = Counter()
    cats: dict[str, Counter[str]] = {}
    for record, found in zip(records, events, strict=True):
        if record.error is not None:
            total["skipped"] += 1
            continue
        gold = Counter(record.triples)
        ours = _triples(found, None)
        roots_gold, roots_ours = _roots(record.triples), _triples(found, 2)
        row = {
            "records": 1,
            "gold": sum(gold.values()),
            "extracted": sum(ours.values()),
            "triple_matched": sum((gold & ours).values()),
            "root_matched": sum((roots_gold & roots_ours).values()),
            "exact": int(gold == ours),
            "noevent_records": int(record.noevents),
            "noevent_fp": int(record.noevents and len(found) > 0),
            "uncodable": record.uncodable,
        }
        total.update(row)
        cats.setdefault(record.category, Counter()).update(row)
    by_category = {
        name: {
            "records": c["records"],
            "gold_triples": c["gold"],
            "triple_recall": ratio(c["triple_matched"], c["gold"]),
            "root_recall": ratio(c["root_matched"], c["gold"]),
            "record_accuracy": ratio(c["exact"], c["records"]),
            "noevent_false_positives": c["noevent_fp"],
        }
        for name, c in sorted(cats.items())
    }
    return PetrarchScore(
        records=total["records"],
        records_skipped=total["skipped"],
        gold_triples=total["gold"],
        gold_triples_uncodable=total["uncodable"],
        events_extracted=total["extracted"],
        triple_recall=ratio(total["triple_matched"], total["gold"]),
        triple_precision=ratio(total["triple_matched"], total["extracted"]),
        root_recall=ratio(total["root_matched"], total["gold"]),
        root_precision=ratio(total["root_matched"], total["extracted"]),
        record_accuracy=ratio(total["exact"], total["records"]),
        noevent_records=total["noevent_records"],
        noevent_false_positives=total["noevent_fp"],
        by_category=by_category,
    )


def run(
    path: Path,
    actors: Path | None = None,
    agents: Path | None = None,
    verbs: Path | None = None,
) -> PetrarchScore:
    """Code every record of ``path`` as English with the PETRARCH dictionaries
    (by default those its ``<Environment>`` names: actors, agents and verbs)
    and score it."""
    from ...kb.base import load_kb
    from ...lang.verbs import load_verbs
    from ...models import Article
    from ...service import code_articles

    records = read_records(path)
    named_actors, named_agents = dictionaries(path)
    verbs = verbs or verb_file(path)
    dictionary = load_verbs(verbs) if verbs is not None else None
    kb = load_kb(
        petrarch_actors=actors or named_actors, petrarch_agents=agents or named_agents
    )
    articles = [
        Article.from_text(r.text or "-", "en", published=r.date) for r in records
    ]
    coded = [c.events for c in code_articles(articles, kb=kb, verbs=dictionary)]
    return score(records, coded)
