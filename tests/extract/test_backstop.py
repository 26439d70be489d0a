"""The learned backstop's hook (newsevents/extract/backstop.py): where it
runs, the event it builds, and the explain text."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pytest

from newsevents.classify import NONE, Prediction
from newsevents.extract import ArticleContext, extract_doc
from newsevents.kb.base import default_kb
from newsevents.kb.gazetteer import Gazetteer
from newsevents.models import Event
from newsevents.nlp.pipeline import load_pipeline

WEDNESDAY = date(2024, 6, 19)


class Fixed:
    """A classifier that gives every sentence the same label, and records
    the sentences it was asked about."""

    def __init__(self, label: str, p: float, threshold: float = 0.5) -> None:
        self.label = label
        self.p = p
        self.threshold = threshold
        self.asked: list[str] = []

    def predict(self, sentences: Sequence[str]) -> list[Prediction]:
        self.asked.extend(sentences)
        return [Prediction(self.label, self.p) for _ in sentences]


def run(text: str, lang: str, classifier: Fixed | None) -> list[Event]:
    context = ArticleContext(
        text, lang, WEDNESDAY, default_kb(), Gazetteer.load(), backstop=classifier
    )
    extract_doc(load_pipeline(lang)(context.norm), context)
    return list(context.finish().events)


@pytest.mark.parametrize(
    ("lang", "text", "source", "target"),
    [
        (
            "en",
            "Russian tanks rolled across the border into Ukraine on Monday.",
            "RUS",
            "UKR",
        ),
        (
            "fr",
            "Les chars russes ont franchi la frontière de l'Ukraine lundi.",
            "RUS",
            "UKR",
        ),
    ],
)
def test_backstop_proposes_where_no_trigger_fired(
    lang: str, text: str, source: str, target: str
) -> None:
    classifier = Fixed("190", 0.83)
    events = run(text, lang, classifier)
    assert classifier.asked == [text]
    assert [(e.source.code if e.source else None, e.code, e.root) for e in events] == [
        (source, "190", "19")
    ]
    event = events[0]
    assert event.target is not None and event.target.code == target
    assert event.pattern == "classifier, p=0.83"
    assert event.confidence == 0.83
    assert event.trigger == "classifier"
    assert event.label == "Use conventional military force"
    assert event.modality == "asserted"
    assert event.date is not None and event.date.value == "2024-06-17"
    assert event.evidence[0].text == text
    assert event.evidence[0].sentence == 0


def test_backstop_silent_where_a_trigger_fired() -> None:
    classifier = Fixed("040", 0.99)
    events = run("Russia attacked Ukraine on Monday.", "en", classifier)
    assert classifier.asked == []  # not even asked: speed
    assert [(e.code, e.pattern) for e in events] == [("190", "active")]


def test_backstop_only_asks_about_sentences_without_an_event() -> None:
    classifier = Fixed("190", 0.9)
    text = (
        "Russia attacked Ukraine on Monday. "
        "Russian tanks rolled across the border into Ukraine on Tuesday."
    )
    events = run(text, "en", classifier)
    assert classifier.asked == [
        "Russian tanks rolled across the border into Ukraine on Tuesday."
    ]
    assert sorted((e.pattern, e.date.value if e.date else None) for e in events) == [
        ("active", "2024-06-17"),
        ("classifier, p=0.90", "2024-06-18"),
    ]


@pytest.mark.parametrize(
    ("text", "label", "p"),
    [
        # one actor only: nothing to propose, the classifier is not asked
        ("Russian tanks rolled across the border on Monday.", "190", 0.9),
        # below the threshold, or "no event"
        ("Russian tanks rolled across the border into Ukraine.", "190", 0.4),
        ("Russian tanks rolled across the border into Ukraine.", NONE, 0.99),
    ],
)
def test_backstop_proposes_nothing(text: str, label: str, p: float) -> None:
    assert run(text, "en", Fixed(label, p)) == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "La France a battu l'Allemagne 2-1 en demi-finale à Munich mardi."),
        ("en", "France beat Germany 2-1 in the semi-final in Munich on Tuesday."),
    ],
)
def test_backstop_leaves_sport_alone(lang: str, text: str) -> None:
    # A sure classifier is not even asked about a match, as triggers in a
    # match are not events; the same sentence of politics is asked.
    classifier = Fixed("050", 0.99)
    assert run(text, lang, classifier) == []
    assert classifier.asked == []
    political = text.split(" 2-1 ")[0] + "."
    assert run(political, lang, classifier) != []


def test_backstop_off_by_default_in_context() -> None:
    text = "Russian tanks rolled across the border into Ukraine on Monday."
    assert run(text, "en", None) == []


def test_backstop_keeps_modality_from_the_rules() -> None:
    events = run(
        "Russian tanks did not cross the border into Ukraine on Monday.",
        "en",
        Fixed("190", 0.7),
    )
    assert [(e.code, e.modality) for e in events] == [("190", "negated")]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("flag", "expected"),
    [
        ("--classifier", "classifier, p=0.89; Goldstein -10.0"),
        ("--no-classifier", None),
    ],
)
def test_backstop_explain_text(flag: str, expected: str | None) -> None:
    from typer.testing import CliRunner

    from newsevents.cli import app

    result = CliRunner().invoke(
        app,
        ["code", "-", "--lang", "en", "--format", "table", "--explain", flag],
        input="Russian tanks rolled across the border into Ukraine on Monday.",
    )
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if line.startswith("#1 ")]
    if expected is None:
        assert lines == []
    else:
        assert lines == [
            f"#1 190: {expected}, quad class 4, PLOVER ASSAULT / -, confidence 0.89"
        ]
