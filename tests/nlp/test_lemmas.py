"""Tests for newsevents.nlp._lemmas: the lemmatizer with the lemma of each
row remembered gives the lemmatizer's own lemmas."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.tokens import Doc

from newsevents.nlp._lemmas import MemoLemmas, memoize_lemmatizer

LOOKUP = {"grèves": "grève", "annoncent": "annoncer", "syndicats": "syndicat"}


def _nlp(memo: bool) -> Language:
    nlp = spacy.blank("fr")
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    lookups = Lookups()
    lookups.add_table("lemma_lookup", LOOKUP)
    lemmatizer.initialize(lookups=lookups)
    return memoize_lemmatizer(nlp) if memo else nlp


def _lemmas(nlp: Language, text: str, lemma: str | None = None) -> list[str]:
    words = text.split()
    lemmas = [lemma or "" for _ in words] if lemma else None
    doc = Doc(nlp.vocab, words=words, lemmas=lemmas)
    return [t.lemma_ for t in nlp.get_pipe("lemmatizer")(doc)]


def test_memo_lemmas_wrap_the_lemmatizer() -> None:
    nlp = _nlp(memo=True)
    memo = nlp.get_pipe("lemmatizer")
    assert isinstance(memo, MemoLemmas)
    assert memo.lemmatizer is not None and memo.lemmatizer.mode == "lookup"


@pytest.mark.parametrize(
    "texts",
    [
        ["les syndicats annoncent des grèves"] * 2,  # learnt, then remembered
        ["les syndicats annoncent", "des syndicats et des grèves"],  # some new
    ],
)
def test_memo_lemmas_are_the_lemmatizers(texts: list[str]) -> None:
    memo, plain = _nlp(memo=True), _nlp(memo=False)
    for text in texts:
        assert _lemmas(memo, text) == _lemmas(plain, text)
    assert _lemmas(memo, texts[-1])[-1] == "grève"


def test_memo_lemmas_keep_a_lemma_already_set() -> None:
    memo, plain = _nlp(memo=True), _nlp(memo=False)
    for _ in range(2):
        assert _lemmas(memo, "les grèves", "x") == _lemmas(plain, "les grèves", "x")
        assert _lemmas(memo, "les grèves", "x") == ["x", "x"]


def test_memo_lemmas_ask_only_rows_not_seen(monkeypatch: pytest.MonkeyPatch) -> None:
    nlp = _nlp(memo=True)
    _lemmas(nlp, "les syndicats annoncent des grèves")
    asked: list[str] = []
    lemmatizer = nlp.get_pipe("lemmatizer").lemmatizer
    lookup = lemmatizer.lemmatize
    monkeypatch.setattr(
        lemmatizer, "lemmatize", lambda t: asked.append(t.text) or lookup(t)
    )
    assert _lemmas(nlp, "des grèves et des syndicats") == [
        "des", "grève", "et", "des", "syndicat",
    ]  # fmt: skip
    assert asked == ["et"]


@pytest.mark.slow
def test_french_pipeline_lemmas_match_the_models(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    memo = nlp_fr.get_pipe("lemmatizer")
    assert isinstance(memo, MemoLemmas)
    texts = ["Les syndicats ont annoncé mardi une grève.  Ils manifestent."] * 2
    with nlp_fr.select_pipes(disable=["lemmatizer", "ner"]):
        docs = list(nlp_fr.pipe(texts))
    for doc in docs:
        copy = Doc(doc.vocab).from_bytes(doc.to_bytes())
        assert [t.lemma_ for t in memo(doc)] == [
            t.lemma_ for t in memo.lemmatizer(copy)
        ]
