"""Golden-file tests: each ``tests/golden/<lang>/<case>.txt`` is coded and its
summary compared with the reviewed ``<case>.json`` next to it.

The JSON holds ``published`` (the input date, may be null) and ``expected``:
a compact, reviewable projection of the CodedArticle (mention actor codes,
place countries and GeoNames ids, date values, and each event's source,
code, target, modality, date, place country and attribution). Regenerate
with ``pytest tests/test_golden.py --update-golden`` and review the diff.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from newsevents import CodedArticle, code

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(GOLDEN.glob("*/*.txt"))


def summary(coded: CodedArticle) -> dict[str, Any]:
    """The reviewable projection of a coded article."""
    return {
        "mentions": [
            [m.text, m.kind, m.actor.code if m.actor else None] for m in coded.mentions
        ],
        "places": [[p.text or p.name, p.country, p.geonameid] for p in coded.places],
        "dates": [[d.text, d.value, d.precision] for d in coded.dates],
        "events": [
            {
                "source": e.source.code if e.source else None,
                "code": e.code,
                "target": e.target.code if e.target else None,
                "modality": e.modality,
                "date": e.date.value if e.date else None,
                "place": e.place.country if e.place else None,
                "attribution": e.attribution.code if e.attribution else None,
                # Only on threats, promises, demands, appeals and refusals.
                **({"intended": e.intended_code} if e.intended_code else {}),
            }
            for e in coded.events
        ],
    }


@pytest.mark.slow
@pytest.mark.parametrize(
    "case", CASES, ids=[f"{c.parent.name}/{c.stem}" for c in CASES]
)
def test_golden_case(case: Path, update_golden: bool) -> None:
    lang = case.parent.name
    stored_path = case.with_suffix(".json")
    stored = json.loads(stored_path.read_text()) if stored_path.exists() else {}
    published = stored.get("published")
    coded = code(
        case.read_text(encoding="utf-8"),
        language=lang,
        published=date.fromisoformat(published) if published else None,
    )
    got = summary(coded)
    if update_golden or "expected" not in stored:
        stored["expected"] = got
        stored.setdefault("published", published)
        stored_path.write_text(json.dumps(stored, ensure_ascii=False, indent=1) + "\n")
        if not update_golden:
            pytest.fail(f"{stored_path} was missing: written, review it")
    assert got == stored["expected"]


def test_golden_has_enough_cases() -> None:
    assert len(list(GOLDEN.glob("fr/*.txt"))) >= 20
    assert len(list(GOLDEN.glob("en/*.txt"))) >= 20
