"""Tests for newsevents.nlp._rulers: the attribute ruler that remembers what
it does to each row of token attributes gives the ruler's own annotations."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from newsevents.nlp._rulers import MemoAttributeRuler, memoize_attribute_ruler

# As the French model's ruler: one token each, the tag from the class, and
# whitespace made SPACE.
PATTERNS = [
    {"patterns": [[{"POS": "NOUN"}]], "attrs": {"TAG": "NOUN"}},
    {"patterns": [[{"POS": "VERB"}]], "attrs": {"TAG": "VERB"}},
    {"patterns": [[{"POS": "PROPN"}]], "attrs": {"TAG": "PROPN"}},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "SPACE", "POS": "SPACE", "MORPH": "_"}},
]  # fmt: skip
WORDS = ["Le", "ministre", "a", "  ", "annoncé", "la", "grève", "à", "Paris"]
POS = ["DET", "NOUN", "AUX", "SPACE", "VERB", "DET", "NOUN", "ADP", "PROPN"]


def _nlp(ruler: str) -> Language:
    nlp = spacy.blank("fr")
    nlp.add_pipe(ruler, name="attribute_ruler").add_patterns(PATTERNS)
    return nlp


def _doc(nlp: Language, words: list[str] = WORDS, pos: list[str] = POS) -> Doc:
    return Doc(nlp.vocab, words=words, pos=pos)


def _annotations(doc: Doc) -> list[tuple[str, str, str]]:
    return [(t.tag_, t.pos_, str(t.morph)) for t in doc]


@pytest.fixture
def memo() -> Language:
    nlp = spacy.blank("fr")
    nlp.add_pipe("attribute_ruler").add_patterns(PATTERNS)
    return memoize_attribute_ruler(nlp)


def test_memo_ruler_replaces_the_ruler_with_its_patterns(memo: Language) -> None:
    ruler = memo.get_pipe("attribute_ruler")
    assert isinstance(ruler, MemoAttributeRuler)
    assert memo.pipe_names == ["attribute_ruler"]
    assert len(ruler.patterns) == len(PATTERNS)


def test_memo_ruler_gives_the_rulers_annotations_learnt_or_remembered(
    memo: Language,
) -> None:
    plain = _nlp("attribute_ruler")
    expected = _annotations(plain.get_pipe("attribute_ruler")(_doc(plain)))
    ruler = memo.get_pipe("attribute_ruler")
    learnt = _annotations(ruler(_doc(memo)))  # rows not seen: the ruler runs
    assert ruler._memo
    remembered = _annotations(ruler(_doc(memo)))  # every row remembered
    assert learnt == remembered == expected
    assert expected[3] == ("SPACE", "SPACE", "")
    assert expected[1][0] == "NOUN" and expected[0][0] == ""  # DET: no rule


def test_memo_ruler_remembers_rows_not_words(
    memo: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    ruler = memo.get_pipe("attribute_ruler")
    ruler(_doc(memo))
    # Other words of rows already seen: the ruler itself is not run.
    monkeypatch.setattr(AttributeRuler, "__call__", pytest.fail)
    doc = ruler(
        _doc(
            memo, ["La", "police", "arrête", "Marie"], ["DET", "NOUN", "VERB", "PROPN"]
        )
    )
    assert [t.tag_ for t in doc] == ["", "NOUN", "VERB", "PROPN"]


def test_memo_ruler_forgets_when_patterns_change(memo: Language) -> None:
    ruler = memo.get_pipe("attribute_ruler")
    ruler(_doc(memo))
    ruler.add([[{"POS": "DET"}]], {"TAG": "DET"})
    assert not ruler._memo
    assert ruler(_doc(memo))[0].tag_ == "DET"


def test_memo_ruler_runs_itself_with_patterns_of_several_tokens() -> None:
    nlp = _nlp("ne_attribute_ruler")
    ruler = nlp.get_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "la"}, {"POS": "NOUN"}]], {"TAG": "NOUN_DEF"}, index=1)
    assert ruler._derived_plan() is None
    plain = _nlp("attribute_ruler")
    plain.get_pipe("attribute_ruler").add(
        [[{"LOWER": "la"}, {"POS": "NOUN"}]], {"TAG": "NOUN_DEF"}, index=1
    )
    for _ in range(2):
        assert _annotations(ruler(_doc(nlp))) == _annotations(
            plain.get_pipe("attribute_ruler")(_doc(plain))
        )
    assert not ruler._memo


@pytest.mark.slow
def test_french_pipeline_ruler_matches_the_models(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    ruler = nlp_fr.get_pipe("attribute_ruler")
    assert isinstance(ruler, MemoAttributeRuler)
    assert ruler._derived_plan() is not None
    # Its patterns were copied without the vocabulary: the vectors are still
    # the model's (a vocabulary read back would make them read-only).
    assert nlp_fr.vocab.vectors.data.flags.writeable
    plain = AttributeRuler(nlp_fr.vocab)
    plain.from_bytes(ruler.to_bytes(exclude=["vocab"]), exclude=["vocab"])
    texts = ["Le président a annoncé mardi une réforme.  Les syndicats protestent."] * 2
    with nlp_fr.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        docs = list(nlp_fr.pipe(texts))
    for doc in docs:
        copy = Doc(doc.vocab).from_bytes(doc.to_bytes())
        assert _annotations(ruler(doc)) == _annotations(plain(copy))
