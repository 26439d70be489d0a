from __future__ import annotations

import pytest
import spacy

from newsevents.nlp.pipeline import mark_sentences


def test_pipeline_mark_sentences_blank() -> None:
    nlp = spacy.blank("fr")
    doc = mark_sentences(
        nlp("Le président russe et le dirigeant nord-coréen ont signé. Ils partent.")
    )
    starts = [t.text for t in doc if t.is_sent_start]
    assert starts == ["Le", "Ils"]


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("PARIS (AFP) - De nombreux manifestants ont été interpellés.", "De"),
        ("LONDON, March 3 (Reuters) - Police arrested dozens.", "Police"),
        ("KYIV, Ukraine - Russia launched drones overnight.", "Russia"),
        # Not an ordinary first word, nor words that are no names.
        ("Paris - la ville a voté.", None),
        ("UN officials - most of them - left.", None),
        ("US-brokered talks between Israel and Hamas resumed.", None),
    ],
)
def test_pipeline_mark_sentences_after_a_dateline(text: str, first: str | None) -> None:
    doc = mark_sentences(spacy.blank("fr")(text))
    starts = [t.text for t in doc if t.is_sent_start]
    assert starts == ([doc[0].text, first] if first else [doc[0].text])


def test_pipeline_dispatch_verb_is_no_complement_of_its_city(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    # Parsed with its dateline, the verb hung on "PARIS" and the arrest
    # lost its patient (no event at all).
    doc = nlp_fr("PARIS (AFP) - De nombreux manifestants ont été interpellés à Paris.")
    verb = next(t for t in doc if t.text == "interpellés")
    assert verb.dep_ == "ROOT"
    assert [c.text for c in verb.children if c.dep_ == "nsubj:pass"] == ["manifestants"]


@pytest.mark.slow
def test_pipeline_merges_names_before_parser(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    doc = nlp_fr(
        "Le dirigeant nord-coréen Kim Jong Un et le président russe Vladimir Poutine "
        "ont signé mardi un accord de défense mutuelle dans la capitale."
    )
    texts = [t.text for t in doc]
    assert "Kim Jong Un" in texts and "Vladimir Poutine" in texts
    assert doc[texts.index("Kim Jong Un")].pos_ == "PROPN"
    assert len(list(doc.sents)) == 1
    signed = doc[texts.index("signé")]
    assert signed.dep_ == "ROOT"


@pytest.mark.slow
def test_pipeline_merges_english_demonyms(nlp_en) -> None:  # type: ignore[no-untyped-def]
    doc = nlp_en("An incursion by North Korean soldiers into South Korea was reported.")
    texts = [t.text for t in doc]
    assert "North Korean" in texts and "South Korea" in texts
    assert doc[texts.index("North Korean")].pos_ == "ADJ"
