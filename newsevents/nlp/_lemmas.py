"""The models' lemmatizer, its lemma of each kind of token remembered.

spaCy's rule and lookup lemmatizers (the French one included) give a token
a lemma from its word, class and morphology alone, and only when it has
none yet: one lemma for each row of (LEMMA, ORTH, POS, MORPH). Asking it
token by token costs a Python call, a cache look-up and a string for each;
``MemoLemmas`` reads the rows off the token arrays, takes the lemma of each
row seen before from its memo, asks the lemmatizer only for the others and
writes the column back in one array.
"""

from __future__ import annotations

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.lang.fr.lemmatizer import FrenchLemmatizer
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

from ._rows import row_keys

__all__ = ["MemoLemmas", "memoize_lemmatizer"]

_NAME = "lemmatizer"
_FACTORY = "ne_memo_lemmas"
_ROW = [LEMMA, ORTH, POS, MORPH]
#: Rows remembered at most (then forgotten, and learnt again).
_MEMO_SIZE = 500_000
# The lemmatizers whose lemma of a token depends on that row alone.
_ROW_LEMMATIZERS = (Lemmatizer, FrenchLemmatizer)


class MemoLemmas:
    """A spaCy lemmatizer (``lemmatizer``) with the lemma of each row
    remembered (see the module docstring). Same lemmas as the lemmatizer."""

    def __init__(self) -> None:
        self.lemmatizer: Lemmatizer | None = None
        self._memo: dict[bytes, int] = {}

    def __call__(self, doc: Doc) -> Doc:
        lemmatizer = self.lemmatizer
        if lemmatizer is None or not len(doc):
            return lemmatizer(doc) if lemmatizer is not None else doc
        rows = doc.to_array(_ROW)
        keys = row_keys(rows)
        lemmas = list(map(self._memo.get, keys))
        unknown = [i for i, lemma in enumerate(lemmas) if lemma is None]
        if len(unknown) == len(lemmas):
            return self._learn(lemmatizer(doc), keys)
        if len(self._memo) > _MEMO_SIZE:
            self._memo = {}
        for i in unknown:
            lemmas[i] = self._memo[keys[i]] = _lemma(lemmatizer, doc, i)
        column = numpy.array(lemmas, dtype=rows.dtype)
        if (column != rows[:, 0]).any():
            doc.from_array([LEMMA], column)
        return doc

    def _learn(self, doc: Doc, keys: list[bytes]) -> Doc:
        """Remember the lemmas the lemmatizer gave ``doc``."""
        if len(self._memo) > _MEMO_SIZE:
            self._memo = {}
        for key, lemma in zip(
            keys, doc.to_array([LEMMA]).ravel().tolist(), strict=True
        ):
            self._memo.setdefault(key, lemma)
        return doc


def _lemma(lemmatizer: Lemmatizer, doc: Doc, index: int) -> int:
    """The lemma the lemmatizer gives token ``index`` (as its ``__call__``
    does: a token with a lemma keeps it unless it overwrites)."""
    token = doc[index]
    if lemmatizer.overwrite or token.lemma == 0:
        return int(doc.vocab.strings.add(lemmatizer.lemmatize(token)[0]))
    return int(token.lemma)


@Language.factory(_FACTORY)
def _make_lemmas(nlp: Language, name: str) -> MemoLemmas:
    return MemoLemmas()


def memoize_lemmatizer(nlp: Language) -> Language:
    """Put ``MemoLemmas`` around the pipeline's lemmatizer when it is one of
    spaCy's rule or lookup lemmatizers (else leave it)."""
    if _NAME not in nlp.pipe_names:
        return nlp  # none, or disabled
    lemmatizer = nlp.get_pipe(_NAME)
    if type(lemmatizer) not in _ROW_LEMMATIZERS or lemmatizer.mode not in (
        "rule",
        "lookup",
    ):
        return nlp
    memo = nlp.replace_pipe(_NAME, _FACTORY)
    memo.lemmatizer = lemmatizer
    return nlp
