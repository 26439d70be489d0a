"""Tests of newsevents.eval.score, the gold-event scorer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from newsevents.eval.gold import GoldDocument, GoldEvent, read_gold
from newsevents.eval.score import event_matches, score, score_document
from newsevents.models import Actor, DateRef, Event, Modality, Place

SEED = "eval/gold/seed-fr.json"


def _actor(code: str, org: str | None = None) -> Actor:
    """An actor from a CAMEO code: three letters of country, then roles."""
    roles = tuple(code[i : i + 3] for i in range(3, len(code), 3))
    return Actor(code=code, country=code[:3], roles=roles, org=org, name=code)


def _event(
    source: str | Actor | None,
    code: str,
    target: str | Actor | None = None,
    date: str | None = None,
    place: Place | None = None,
    modality: Modality = "asserted",
) -> Event:
    def actor(value: str | Actor | None) -> Actor | None:
        return _actor(value) if isinstance(value, str) else value

    return Event(
        source=actor(source),
        target=actor(target),
        code=code,
        root=code[:2],
        quad_class=1,
        goldstein=0.0,
        date=DateRef(text=date, value=date) if date else None,
        place=place,
        modality=modality,
    )


def _gold(id: str = "g1", **fields: Any) -> GoldEvent:
    data: dict[str, Any] = {
        "id": id,
        "source": {"country": "RUS"},
        "code": "042",
        "target": {"country": "PRK"},
    }
    data.update(fields)
    return GoldEvent.model_validate({k: v for k, v in data.items() if v is not None})


def _doc(*events: GoldEvent, id: str = "d1") -> GoldDocument:
    return GoldDocument(id=id, language="fr", text="text", events=events)


def test_score_exact_match_scores_one() -> None:
    result = score([(_doc(_gold()), [_event("RUSGOV", "042", "PRKGOV")])])
    assert (result.recall, result.precision, result.f1) == (1.0, 1.0, 1.0)
    assert result.code_accuracy == 1.0
    assert result.by_doc[0].matches[0].gold.id == "g1"
    assert result.by_doc[0].matches[0].doc_id == "d1"


@pytest.mark.parametrize(
    ("symmetric", "source", "target", "expected"),
    [
        (False, "RUS", "PRK", True),
        (False, "PRK", "RUS", False),
        (True, "PRK", "RUS", True),
        (True, "RUS", "PRK", True),
        (True, "PRK", "PRK", False),
    ],
)
def test_score_symmetric_events_match_swapped_actors(
    symmetric: bool, source: str, target: str, expected: bool
) -> None:
    gold = _gold(symmetric=symmetric)
    assert event_matches(gold, _event(source, "042", target)) is expected


@pytest.mark.parametrize(
    ("accept", "code", "expected"),
    [
        (["042", "043"], "043", True),
        (["042", "043"], "0421", True),
        (["042", "043"], "040", False),
        (["04"], "046", True),
        (None, "040", True),  # default: the root of the gold code
        (None, "04", True),
        (None, "057", False),
        (["036", "04"], "036", True),
    ],
)
def test_score_code_must_start_with_an_accept_prefix(
    accept: list[str] | None, code: str, expected: bool
) -> None:
    gold = _gold(accept=accept)
    assert event_matches(gold, _event("RUS", code, "PRK")) is expected


@pytest.mark.parametrize(
    ("gold_actor", "actor", "expected"),
    [
        ({"country": "IGO", "org": "UN"}, _actor("IGO", org="UNSC"), True),
        ({"country": "IGO", "org": "UN"}, _actor("IGO", org="UN"), True),
        ({"country": "IGO", "org": "NATO"}, _actor("IGO", org="UNSC"), False),
        ({"country": "IGO", "org": "UN"}, _actor("IGO"), False),
        ({"country": "IGO"}, _actor("IGO", org="EU"), True),
        ({"country": "PRK", "role": "GOV"}, _actor("PRK"), False),
        ({"country": "PRK", "role": "GOV"}, _actor("PRKMIL"), False),
        ({"country": "PRK", "role": "GOV"}, _actor("PRKGOVMIL"), True),
        ({"country": "PRK"}, _actor("PRKGOV"), True),
        ({"country": "PRK"}, _actor("KORGOV"), False),
        ({"country": "WST"}, _actor("WST"), True),
        (
            {"country": "PRK"},
            Actor(code="PRK", country=None, name="unknown country"),
            False,
        ),
    ],
)
def test_score_target_role_and_org_matching(
    gold_actor: dict[str, str], actor: Actor, expected: bool
) -> None:
    gold = _gold(target=gold_actor)
    assert event_matches(gold, _event("RUS", "042", actor)) is expected
    # The same rule applies to the source.
    gold = _gold(source=gold_actor, target=None)
    assert event_matches(gold, _event(actor, "042", "FRA")) is expected


@pytest.mark.parametrize("target", ["FRA", "PRKGOV", None])
def test_score_gold_without_target_matches_any_target(target: str | None) -> None:
    gold = _gold(target=None)
    assert event_matches(gold, _event("RUSGOV", "042", target))


def test_score_gold_with_target_needs_a_target() -> None:
    assert not event_matches(_gold(), _event("RUSGOV", "042", None))


def test_score_optional_gold_is_neither_required_nor_false_positive() -> None:
    required = _gold("r1", code="057")
    optional = _gold("o1", code="042", required=False)
    doc = _doc(required, optional)
    found_optional = score_document(doc, [_event("RUS", "042", "PRK")])
    assert found_optional.gold_required == 1
    assert found_optional.matched_required == 0
    assert [gold.id for gold in found_optional.missed] == ["r1"]
    assert found_optional.false_positives == ()
    assert found_optional.correct == 1
    result = score([(doc, [_event("RUS", "057", "PRK")])])
    assert (result.recall, result.precision) == (1.0, 1.0)
    assert result.events_gold_required == 1


def test_score_duplicate_predictions_count_once() -> None:
    doc = _doc(_gold(accept=["04"]))
    events = [
        _event("RUSGOV", "040", "PRKGOV", date="2024-06-19"),
        _event("RUSGOV", "042", "PRKGOV", date="2024-06-19"),
        _event("RUSGOV", "043", "PRKGOV", date="2024-06-19"),
    ]
    result = score([(doc, events)])
    assert result.events_extracted == 1
    assert (result.recall, result.precision) == (1.0, 1.0)
    # The unit's member with the exact gold code stands for it.
    assert result.by_doc[0].matches[0].event.code == "042"
    assert result.code_accuracy == 1.0


def test_score_duplicate_key_uses_full_actor_code_and_date() -> None:
    doc = _doc(_gold(accept=["04"]))
    events = [
        _event("RUSGOV", "042", "PRKGOV", date="2024-06-19"),
        _event("RUSGOV", "042", "PRKGOV", date="2024-06-18"),
        _event("RUSMIL", "042", "PRKGOV", date="2024-06-19"),
    ]
    result = score_document(doc, events)
    assert result.extracted == 3
    assert result.correct == 1
    assert len(result.false_positives) == 2


def test_score_extra_match_of_required_gold_is_false_positive() -> None:
    doc = _doc(_gold())
    events = [_event("RUS", "042", "PRK", "2024-06-19"), _event("RUS", "042", "PRK")]
    result = score([(doc, events)])
    assert result.precision == 0.5
    assert result.recall == 1.0
    assert result.f1 == pytest.approx(2 / 3)


def test_score_extra_match_of_optional_gold_is_not_false_positive() -> None:
    doc = _doc(_gold(required=False))
    events = [_event("RUS", "042", "PRK", "2024-06-19"), _event("RUS", "042", "PRK")]
    result = score([(doc, events)])
    assert result.precision == 1.0
    assert result.recall is None
    assert result.f1 is None


def test_score_unmatched_event_is_false_positive() -> None:
    doc = _doc(_gold())
    result = score([(doc, [_event("USA", "112", "RUS")])])
    assert (result.recall, result.precision, result.f1) == (0.0, 0.0, 0.0)
    assert result.by_doc[0].false_positives[0].code == "112"
    assert [gold.id for gold in result.by_doc[0].missed] == ["g1"]


def test_score_maximum_matching_beats_first_come() -> None:
    # g1 accepts any 04 code, g2 only 043. Extracted 043 comes first: a
    # first-come matcher gives it to g1 and leaves g2 (and 040) unmatched.
    doc = _doc(
        _gold("g1", code="040", accept=["04"]),
        _gold("g2", code="043", accept=["043"]),
    )
    events = [
        _event("RUS", "043", "PRK", date="2024-06-18"),
        _event("RUS", "041", "PRK", date="2024-06-19"),
    ]
    result = score([(doc, events)])
    assert result.recall == 1.0
    assert result.precision == 1.0
    pairs = {(m.gold.id, m.event.code) for m in result.by_doc[0].matches}
    assert pairs == {("g1", "041"), ("g2", "043")}


def test_score_required_gold_wins_a_contested_event() -> None:
    doc = _doc(_gold("o1", required=False), _gold("r1"))
    result = score([(doc, [_event("RUS", "042", "PRK")])])
    assert result.recall == 1.0
    assert [m.gold.id for m in result.by_doc[0].matches] == ["r1"]


@pytest.mark.parametrize(
    ("gold_date", "accept", "extracted", "correct"),
    [
        ("2023-09", [], "2023-09-14", True),
        ("2023-09", [], "2023-10-01", False),
        ("2023-09", [], "2023-09", True),
        ("2023", [], "2023-09-14", True),
        ("2024-06-19", [], "2024-06-19", True),
        ("2024-06-19", [], "2024-06", False),
        ("2024-06-19", ["2024-06-18"], "2024-06-18", True),
        ("2024-06-19", ["2024-06-18"], "2024-06-17", False),
        ("2024-06-19", [], None, False),
    ],
)
def test_score_date_accuracy_at_gold_precision(
    gold_date: str, accept: list[str], extracted: str | None, correct: bool
) -> None:
    doc = _doc(_gold(date=gold_date, date_accept=accept))
    result = score([(doc, [_event("RUS", "042", "PRK", date=extracted)])])
    assert result.recall == 1.0
    assert result.date_accuracy == (1.0 if correct else 0.0)


def test_score_gold_without_date_place_modality_is_not_counted() -> None:
    doc = _doc(_gold())
    result = score([(doc, [_event("RUS", "042", "PRK", date="2024-06-19")])])
    assert result.date_accuracy is None
    assert result.place_accuracy is None
    assert result.modality_accuracy is None
    assert result.code_accuracy == 1.0


@pytest.mark.parametrize(
    ("location", "place", "correct"),
    [
        (
            {"place": "Pyongyang", "country": "PRK"},
            Place(name="Pyongyang", country="PRK"),
            True,
        ),
        ({"place": "pyongyang"}, Place(name="PYONGYANG", country="PRK"), True),
        (
            {"place": "Séoul", "country": "KOR"},
            Place(name="Seoul", country="KOR"),
            True,
        ),
        (
            {"place": "Moscou", "country": "RUS"},
            Place(name="Moscow", country="RUS", text="Moscou"),
            True,
        ),
        (
            {"place": "Pyongyang", "country": "PRK"},
            Place(name="Wonsan", country="PRK"),
            False,
        ),
        ({"country": "PRK"}, Place(name="Wonsan", country="PRK"), True),
        ({"country": "PRK"}, Place(name="Seoul", country="KOR"), False),
        ({"country": "PRK"}, None, False),
    ],
)
def test_score_place_accuracy(
    location: dict[str, str], place: Place | None, correct: bool
) -> None:
    doc = _doc(_gold(location=location))
    result = score([(doc, [_event("RUS", "042", "PRK", place=place)])])
    assert result.place_accuracy == (1.0 if correct else 0.0)


@pytest.mark.parametrize(
    ("gold_modality", "extracted", "correct"),
    [
        ("planned", "planned", True),
        ("planned", "asserted", False),
        ("alleged", "alleged", True),
    ],
)
def test_score_modality_accuracy(
    gold_modality: Modality, extracted: Modality, correct: bool
) -> None:
    doc = _doc(_gold(modality=gold_modality))
    result = score([(doc, [_event("RUS", "042", "PRK", modality=extracted)])])
    assert result.modality_accuracy == (1.0 if correct else 0.0)


def test_score_code_accuracy_over_matched_pairs() -> None:
    doc = _doc(
        _gold("g1", code="042"), _gold("g2", code="057", target={"country": "FRA"})
    )
    events = [_event("RUS", "043", "PRK"), _event("RUS", "057", "FRA")]
    result = score([(doc, events)])
    assert result.recall == 1.0
    assert result.code_accuracy == 0.5


def test_score_micro_averages_and_keeps_documents_apart() -> None:
    one = _doc(_gold("a"), id="one")
    two = _doc(_gold("b"), _gold("c", code="057"), _gold("d", code="112"), id="two")
    # The event of document one would match document two's gold "b".
    result = score([(one, [_event("RUS", "042", "PRK")]), (two, [])])
    assert result.documents == 2
    assert result.events_gold_required == 4
    assert result.recall == 0.25
    assert result.precision == 1.0
    assert [doc.doc_id for doc in result.by_doc] == ["one", "two"]
    assert result.by_root["04"]["gold_required"] == 2
    assert result.by_root["04"]["matched_required"] == 1
    assert result.by_root["04"]["recall"] == 0.5


def test_score_to_json_top_level() -> None:
    result = score([(_doc(_gold()), [_event("RUS", "042", "PRK")])])
    data = result.to_json()
    for key in (
        "recall",
        "precision",
        "f1",
        "events_gold_required",
        "events_extracted",
        "documents",
    ):
        assert key in data
    assert data["events_extracted"] == 1
    assert data["by_doc"][0]["matches"] == [
        {"gold": "g1", "source": "RUS", "target": "PRK", "code": "042", "date": None}
    ]


def test_score_empty_input() -> None:
    result = score([])
    assert result.recall is None
    assert result.precision is None
    assert result.documents == 0


def _perfect(gold: GoldEvent) -> Event:
    """An extracted event that reproduces a gold event exactly."""

    def actor(value: Any) -> Actor | None:
        if value is None:
            return None
        roles = (value.role,) if value.role else ()
        code = value.country + "".join(roles)
        return Actor(
            code=code, country=value.country, roles=roles, org=value.org, name=code
        )

    place = None
    if gold.location is not None:
        name = gold.location.place or "somewhere"
        place = Place(name=name, country=gold.location.country)
    return Event(
        source=actor(gold.source),
        target=actor(gold.target),
        code=gold.code,
        root=gold.code[:2],
        quad_class=1,
        goldstein=0.0,
        date=DateRef(text="d", value=gold.date) if gold.date else None,
        place=place,
        modality=gold.modality or "asserted",
    )


def test_score_seed_file_perfect_extraction(shared_file: Callable[[str], Path]) -> None:
    [doc] = read_gold(shared_file(SEED))
    assert len(doc.events) == 20
    assert len(doc.required_events) == 15
    assert "Pyongyang" in doc.text
    events = [_perfect(gold) for gold in doc.events]
    result = score([(doc, events)])
    assert result.events_gold_required == 15
    assert result.events_extracted == 20
    assert (result.recall, result.precision) == (1.0, 1.0)
    assert result.code_accuracy == 1.0
    assert result.date_accuracy == 1.0
    assert result.place_accuracy == 1.0
    assert result.modality_accuracy == 1.0
    # Only the optional events: no false positives, and the host visit e5
    # (PRK hosts RUS, 043) also fits the symmetric required talks e4, which
    # takes it, since required gold events are matched first.
    optional = [_perfect(gold) for gold in doc.events if not gold.required]
    partial = score([(doc, optional)])
    assert partial.precision == 1.0
    matched = [m.gold.id for m in partial.by_doc[0].matches]
    assert matched == ["e4", "e9", "e13", "e15", "e20"]
    assert partial.recall == pytest.approx(1 / 15)
