"""Build the spaCy pipelines: the model of each language plus our components.

Two thin components run before the parser:
- ``ne_merge_names`` merges the multi-word names of the knowledge base into
  single proper-noun tokens (the French models split "Kim Jong Un" and read
  "Un" as a determiner, which breaks the sentence and the parse);
- ``ne_sentences`` fixes sentence starts from punctuation, which the parser
  then respects instead of cutting a long subject in two.
"""

from __future__ import annotations

from functools import cache

import numpy
import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.strings import StringStore
from spacy.tokens import Doc
from spacy.util import filter_spans

from ..extract.dateline import DASHES, DATELINE_TOKENS, dateline_end
from ..kb.base import KnowledgeBase, default_kb
from ..lang import get as get_language
from ._lemmas import memoize_lemmatizer
from ._rulers import memoize_attribute_ruler

_SENTENCE_END = frozenset({".", "!", "?", "…", "...", ";"})


class NameMerger:
    """Merge known multi-word names into one PROPN token."""

    def __init__(
        self,
        nlp: Language,
        names: list[str],
        adjectives: list[str] = (),  # type: ignore[assignment]
    ) -> None:
        self.tokenizer = nlp.tokenizer
        self.tags = get_language(str(nlp.lang)).tags
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.add_names(names)
        self.add_names(adjectives, label="ADJ")

    def add_names(self, names: list[str], label: str = "NAME") -> None:
        """Merge these names too (``label`` ADJ for demonyms)."""
        patterns = [doc for doc in self.tokenizer.pipe(names) if len(doc) > 1]
        if patterns:
            self.matcher.add(label, patterns)

    def __call__(self, doc: Doc) -> Doc:
        matches = self.matcher(doc)
        if not matches:
            return doc  # most paragraphs: no retokenizer to open
        spans = filter_spans([doc[start:end] for _, start, end in matches])
        adjectives = {
            (start, end)
            for match_id, start, end in matches
            if doc.vocab.strings[match_id] == "ADJ"
        }
        # The merge keeps the context vector of a name's last token ("Un" in
        # "Kim Jong Un", read as a determiner); the mean of all its tokens
        # gives the parser a better proper-noun representation (measured on
        # our golden cases: more French events found, none lost).
        rows = None
        if doc.tensor is not None and doc.tensor.size:
            rows = [doc.tensor[span.start : span.end].mean(axis=0) for span in spans]
        with doc.retokenize() as retokenizer:
            for span in spans:
                if (span.start, span.end) in adjectives:
                    attrs = {"POS": "ADJ", "TAG": self.tags["ADJ"]}
                else:
                    attrs = {"POS": "PROPN", "TAG": self.tags["PROPN"]}
                retokenizer.merge(span, attrs={**attrs, "MORPH": ""})
        if rows is not None:
            shift = 0
            for span, row in zip(spans, rows, strict=True):
                doc.tensor[span.start - shift] = row
                shift += len(span) - 1
        return doc


def mark_sentences(doc: Doc) -> Doc:
    """Start a sentence only after sentence-final punctuation."""
    if not len(doc):
        return doc
    starts = numpy.full((len(doc), 1), -1, dtype="int32")
    starts[0, 0] = 1
    # Only the tokens after a sentence-final mark are looked at (in the
    # array of words: visiting every token costs more than the rest of this
    # function, and so does numpy.isin on a paragraph's few tokens).
    ends = _end_ids(doc.vocab.strings)
    words = doc.to_array("ORTH").tolist()
    for index in range(1, len(words)):
        if words[index - 1] not in ends:
            continue
        first = doc[index].text[:1]
        if first.isupper() or first.isdigit() or first in "\"'(":
            starts[index, 0] = 1
    dashes = _ids(doc.vocab.strings, DASHES)
    opening = dateline_end(doc) if not dashes.isdisjoint(words[:DATELINE_TOKENS]) else 0
    if 0 < opening < len(doc):
        # "PARIS (AFP) - Des manifestants ont été interpellés": the dispatch
        # begins after its dateline, not as a complement of its city.
        starts[opening, 0] = 1
    # spaCy arrays are uint64; -1 ("not a sentence start") wraps around.
    doc.from_array([SENT_START], starts.astype("uint64"))
    return doc


_MARK_IDS: dict[tuple[int, frozenset[str]], tuple[StringStore, frozenset[int]]] = {}


def _end_ids(strings: StringStore) -> frozenset[int]:
    """The ids of the sentence-final marks in ``strings``."""
    return _ids(strings, _SENTENCE_END)


def _ids(strings: StringStore, marks: frozenset[str]) -> frozenset[int]:
    """The ids of ``marks`` in ``strings`` (remembered for each string store
    and set of marks; the store is kept with them so that its id stays its
    own)."""
    key = (id(strings), marks)
    cached = _MARK_IDS.get(key)
    if cached is None or cached[0] is not strings:
        cached = (strings, frozenset(strings.add(mark) for mark in marks))
        _MARK_IDS[key] = cached
    return cached[1]


@Language.factory("ne_merge_names", default_config={})
def _make_merger(nlp: Language, name: str) -> NameMerger:
    kb = default_kb()
    return NameMerger(
        nlp, kb.multiword_names(nlp.lang), kb.multiword_demonyms(nlp.lang)
    )


@Language.component("ne_sentences")
def _sentences(doc: Doc) -> Doc:
    return mark_sentences(doc)


def add_components(nlp: Language, kb: KnowledgeBase | None = None) -> Language:
    """Add our components to a model pipeline, before its parser."""
    before = "parser" if "parser" in nlp.pipe_names else None
    if "ne_merge_names" not in nlp.pipe_names:
        merger = nlp.add_pipe("ne_merge_names", before=before)
        if kb is not None and kb is not default_kb():
            merger.add_names(kb.multiword_names(nlp.lang))
    if "ne_sentences" not in nlp.pipe_names:
        nlp.add_pipe("ne_sentences", before=before)
    return nlp


@cache
def load_pipeline(lang: str) -> Language:
    """The model of ``lang`` with our components (loaded once per process),
    its attribute ruler and lemmatizer remembering what they do for each kind
    of token (``MemoAttributeRuler``, ``MemoLemmas``: the same annotations,
    faster)."""
    return memoize_lemmatizer(memoize_attribute_ruler(add_components(_model(lang))))


@cache
def load_bare(lang: str) -> Language:
    """The model of ``lang`` as shipped, for baselines."""
    return _model(lang)


def _model(lang: str) -> Language:
    """A fresh model of ``lang`` (the language's own ``make_nlp`` for a
    language without a trained model)."""
    language = get_language(lang)
    if language.make_nlp is not None:
        return language.make_nlp()
    return spacy.load(language.model)
