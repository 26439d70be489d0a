"""Tests for newsevents.extract._doc: a Doc's text read once."""

from __future__ import annotations

import spacy

from newsevents.extract._doc import doc_text


def test_doc_text_is_the_docs_text_and_follows_a_retokenization() -> None:
    nlp = spacy.blank("fr")
    doc = nlp("Kim Jong Un est arrivé à Moscou.")
    assert doc_text(doc) == doc.text
    assert doc_text(doc) is doc_text(doc)  # joined once
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[0:3])
    assert doc_text(doc) == doc.text == "Kim Jong Un est arrivé à Moscou."
    assert doc.user_data["ne_text"][0] == len(doc) == 6
