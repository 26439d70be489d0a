"""Acceptance on the seed article (../shared/eval): entities, places, dates
(issue 2) and events scored with the gold rule (issue 3)."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

from newsevents import CodedArticle, code
from newsevents.eval.gold import GoldDocument, read_gold
from newsevents.eval.score import score


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).replace("\u2019", "'").lower()


@pytest.fixture(scope="module")
def seed(shared_file: Callable[[str], Path]) -> tuple[GoldDocument, CodedArticle]:
    document = read_gold(shared_file("eval/gold/seed-fr.json"))[0]
    return document, code(document.text, document.language, document.published)


@pytest.mark.slow
def test_seed_entities(seed: tuple[GoldDocument, CodedArticle]) -> None:
    document, coded = seed
    for entity in document.entities:
        found = [m for m in coded.mentions if _fold(m.text) == _fold(entity["text"])]
        assert found, f"entity {entity['text']!r} not found"
        codes = {m.actor.code for m in found if m.actor}
        assert entity["actor"] in codes, (entity["text"], codes)
        if "wikidata" in entity:
            assert any(
                m.actor and m.actor.wikidata == entity["wikidata"] for m in found
            )


@pytest.mark.slow
def test_seed_places(seed: tuple[GoldDocument, CodedArticle]) -> None:
    document, coded = seed
    for gold in document.places:
        found = [p for p in coded.places if _fold(p.text or "") == _fold(gold["text"])]
        assert found, f"place {gold['text']!r} not found"
        assert all(p.country == gold["country"] for p in found)
        if "lat" in gold:
            assert abs(found[0].lat - gold["lat"]) < 0.2  # type: ignore[operator]
            assert abs(found[0].lon - gold["lon"]) < 0.2  # type: ignore[operator]


@pytest.mark.slow
def test_seed_dates(seed: tuple[GoldDocument, CodedArticle]) -> None:
    document, coded = seed
    for gold in document.dates:
        found = [d for d in coded.dates if _fold(d.text) == _fold(gold["text"])]
        assert found, f"date {gold['text']!r} not found"
        accepted = {gold["value"], *gold.get("accept", [])}
        assert found[0].value in accepted


@pytest.mark.slow
def test_seed_events_scores(seed: tuple[GoldDocument, CodedArticle]) -> None:
    document, coded = seed
    result = score([(document, coded.events)])
    assert result.recall is not None and result.recall >= 0.90
    assert result.precision is not None and result.precision >= 0.80
    assert result.modality_accuracy == 1.0
    assert result.date_accuracy == 1.0


@pytest.mark.slow
def test_seed_english_gold() -> None:
    """Our English telling of the story, hand-coded in eval/gold/seed-en.json."""
    gold = Path(__file__).resolve().parent.parent / "eval" / "gold" / "seed-en.json"
    document = read_gold(gold)[0]
    coded = code(document.text, document.language, document.published)
    result = score([(document, coded.events)])
    assert result.recall is not None and result.recall >= 0.90
    assert result.precision is not None and result.precision >= 0.80
    assert result.modality_accuracy == 1.0
