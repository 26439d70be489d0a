"""Tests for newsevents.extract._doc: a Doc's text read once."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from newsevents.extract._doc import doc_text, sentence_starts, tokens_where


def test_doc_text_is_the_docs_text_and_follows_a_retokenization() -> None:
    nlp = spacy.blank("fr")
    doc = nlp("Kim Jong Un est arrivé à Moscou.")
    assert doc_text(doc) == doc.text
    assert doc_text(doc) is doc_text(doc)  # joined once
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[0:3])
    assert doc_text(doc) == doc.text == "Kim Jong Un est arrivé à Moscou."
    assert doc.user_data["ne_text"][0] == len(doc) == 6


def test_sentence_starts_are_the_docs_and_follow_a_retokenization() -> None:
    nlp = spacy.blank("fr")
    words = ["Kim", "Jong", "Un", "arrive", ".", "Il", "part", "."]
    starts = [True, False, False, False, False, True, False, False]
    doc = Doc(nlp.vocab, words=words, sent_starts=starts)
    assert sentence_starts(doc) == [s.start for s in doc.sents] == [0, 5]
    sentence_starts(doc).append(9)  # a copy: the one remembered is kept
    assert sentence_starts(doc) == [0, 5]
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[0:3])
    assert sentence_starts(doc) == [s.start for s in doc.sents] == [0, 3]


def test_tokens_where_asks_each_row_once() -> None:
    nlp = spacy.blank("fr")
    doc = nlp("la police et la police et la gendarmerie")
    asked: list[tuple[str, ...]] = []

    def police(row: tuple[str, ...]) -> bool:
        asked.append(row)
        return row[0].startswith(("police", "gendarmerie"))

    memo: dict[bytes, bool] = {}
    assert tokens_where(doc, ("LOWER", "ORTH"), memo, police) == [1, 4, 7]
    assert sorted(row[0] for row in asked) == ["et", "gendarmerie", "la", "police"]
    assert tokens_where(doc, ("LOWER", "ORTH"), memo, police) == [1, 4, 7]
    assert len(asked) == 4  # all remembered


def test_tokens_where_reads_the_rows_once_per_doc_and_attributes() -> None:
    nlp = spacy.blank("fr")
    doc = nlp("Kim Jong Un et la police")
    attrs = ("LOWER", "ORTH")
    assert tokens_where(doc, attrs, {}, lambda row: row[0] == "police") == [5]
    array = doc.user_data["ne_token_rows"][1]
    assert tokens_where(doc, attrs, {}, lambda row: row[0] == "et") == [3]
    assert doc.user_data["ne_token_rows"][1] is array  # read once
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[0:3])
    assert tokens_where(doc, attrs, {}, lambda row: row[0] == "police") == [3]
