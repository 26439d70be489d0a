"""Golden-file tests: each ``tests/golden/<lang>/<case>.txt`` is coded and its
summary compared with the reviewed ``<case>.json`` next to it.

The JSON holds ``published`` (the input date, may be null) and ``expected``:
a compact, reviewable projection of the CodedArticle (mention actor codes,
place countries and GeoNames ids, date values, and each event's source,
code, target, modality, date, place country and attribution). Regenerate
with ``pytest tests/test_golden.py --update-golden`` and review the diff.

``expected`` is what is right, not what the coder does: a case the coder
gets wrong keeps the right answer and says why in ``known_miss``; it runs
as a strict xfail, which fails the run once the coder gets it right, so
that the field goes. ``--update-golden`` leaves known misses alone. A case
with ``"classifier": true`` is coded with the learned backstop on; the
others with it off.

A French case and its English twin (same name, or the ``twin`` field of the
English case) code the same events, places and dates, or say why they
differ in ``twin_note``.
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


def _stored(case: Path) -> dict[str, Any]:
    path = case.with_suffix(".json")
    return json.loads(path.read_text()) if path.exists() else {}


def _param(case: Path) -> Any:
    reason = _stored(case).get("known_miss")
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(case, marks=marks, id=f"{case.parent.name}/{case.stem}")


def summary(coded: CodedArticle) -> dict[str, Any]:
    """The reviewable projection of a coded article."""
    return {
        "mentions": [
            [m.text, m.kind, m.actor.code if m.actor else None] for m in coded.mentions
        ],
        "places": [[p.text or p.name, p.country, p.geonameid] for p in coded.places],
        # a date that opens or closes a period or starts a range says so
        "dates": [
            [
                d.text,
                d.value,
                d.precision,
                *([d.relation, d.until] if d.relation else []),
            ]
            for d in coded.dates
        ],
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


def resolution(coded: CodedArticle) -> list[list[str | None]]:
    """Each mention's text, actor name and the cascade step that resolved it."""
    return [
        [m.text, m.actor.name if m.actor else None, m.resolved_by]
        for m in coded.mentions
    ]


@pytest.mark.slow
@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_golden_case(case: Path, update_golden: bool) -> None:
    lang = case.parent.name
    stored_path = case.with_suffix(".json")
    stored = _stored(case)
    if stored.get("known_miss"):
        update_golden = False  # the stored answer is right; the coder is not
    published = stored.get("published")
    coded = code(
        case.read_text(encoding="utf-8"),
        language=lang,
        published=date.fromisoformat(published) if published else None,
        classifier=stored.get("classifier", False),
    )
    got = summary(coded)
    if update_golden or "expected" not in stored:
        stored["expected"] = got
        stored.setdefault("published", published)
        stored_path.write_text(json.dumps(stored, ensure_ascii=False, indent=1) + "\n")
        if not update_golden:
            pytest.fail(f"{stored_path} was missing: written, review it")
    assert got == stored["expected"]
    if "resolution" in stored:
        # Cases of the resolution cascade also state how each mention got
        # its actor (issue 10).
        assert resolution(coded) == stored["resolution"]


def test_golden_has_enough_cases() -> None:
    assert len(list(GOLDEN.glob("fr/*.txt"))) >= 20
    assert len(list(GOLDEN.glob("en/*.txt"))) >= 20


def _twins() -> list[tuple[Path, Path]]:
    pairs = []
    for english in sorted(GOLDEN.glob("en/*.json")):
        twin = json.loads(english.read_text()).get("twin", f"fr/{english.stem}")
        french = GOLDEN / f"{twin}.json"
        if french.exists():
            pairs.append((english, french))
    return pairs


def _comparable(stored: dict[str, Any]) -> dict[str, Any]:
    expected = stored["expected"]
    return {
        "events": expected["events"],
        "places": [place[1:] for place in expected["places"]],
        "dates": [date[1:] for date in expected["dates"]],
    }


@pytest.mark.parametrize(
    ("english", "french"),
    _twins(),
    ids=[f"{e.stem}~{f.stem}" for e, f in _twins()],
)
def test_golden_twins_agree_or_say_why(english: Path, french: Path) -> None:
    en, fr = json.loads(english.read_text()), json.loads(french.read_text())
    if en.get("twin_note") or fr.get("twin_note"):
        return
    assert _comparable(en) == _comparable(fr), (
        f"{english.name} and its French twin {french.name} differ: make them "
        "agree or explain why in a 'twin_note' field"
    )


def test_golden_has_twins() -> None:
    assert len(_twins()) >= 50
