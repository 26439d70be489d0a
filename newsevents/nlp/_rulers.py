"""The models' attribute ruler, remembering what it does to each kind of
token.

The French model ends with an ``AttributeRuler`` whose patterns each match
one token ("POS NOUN" gets the tag NOUN): what it sets on a token
then depends only on that token's values of the attributes its patterns read
and of those it sets. Running its matcher and setting the attributes of
each match one token at a time costs more than the rest of our pipeline's
own components; ``MemoAttributeRuler`` reads those values off the token
arrays, looks each row up among the rows already seen and writes the
remembered results back in one array. A Doc with a row not seen yet goes
through the ruler itself, which teaches the memo its rows. A ruler with a
pattern of several tokens (or of an operator), such as the English
model's, is always run itself.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy
from spacy.attrs import IDS
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.vocab import Vocab

from ._rows import row_keys

__all__ = ["MemoAttributeRuler", "memoize_attribute_ruler"]

_NAME = "attribute_ruler"
_FACTORY = "ne_attribute_ruler"
#: Rows remembered at most (then forgotten, and learnt again).
_MEMO_SIZE = 200_000
# Pattern keys that are not a token attribute of the arrays.
_ALIASES = {"TEXT": "ORTH"}


class MemoAttributeRuler(AttributeRuler):
    """An ``AttributeRuler`` that remembers its effect on each row of token
    attributes (see the module docstring). Same results as the ruler."""

    def __init__(self, vocab: Vocab, name: str = _NAME, *, validate: bool = False):
        super().__init__(vocab, name, validate=validate)
        self._forget()

    def add(self, patterns: Iterable[list[dict]], attrs: dict, index: int = 0) -> None:  # type: ignore[override]
        super().add(patterns, attrs, index)  # type: ignore[arg-type]
        self._forget()

    def clear(self) -> None:
        super().clear()
        self._forget()

    def _forget(self) -> None:
        self._plan: tuple[list[int], int] | None | bool = False  # not derived
        self._memo: dict[bytes, bytes] = {}

    def __call__(self, doc: Doc) -> Doc:
        plan = self._derived_plan()
        if plan is None or not len(doc):
            return super().__call__(doc)
        columns, outputs = plan
        rows = doc.to_array(columns)
        keys = row_keys(rows)
        known = list(map(self._memo.get, keys))
        if None in known:
            return self._learn(doc, keys, columns[:outputs])
        joined = b"".join(known)  # type: ignore[arg-type]
        after = numpy.frombuffer(joined, dtype=rows.dtype).reshape(len(doc), outputs)
        changed = [c for c in range(outputs) if (after[:, c] != rows[:, c]).any()]
        if changed:
            doc.from_array([columns[c] for c in changed], after[:, changed])
        return doc

    def _learn(self, doc: Doc, keys: list[bytes], outputs: list[int]) -> Doc:
        """Run the ruler itself on ``doc`` and remember what it gave each
        row."""
        doc = super().__call__(doc)
        if len(self._memo) > _MEMO_SIZE:
            self._memo = {}
        for key, row in zip(keys, row_keys(doc.to_array(outputs)), strict=True):
            self._memo.setdefault(key, row)
        return doc

    def _derived_plan(self) -> tuple[list[int], int] | None:
        """The attribute ids to read (those the ruler sets first, then those
        its patterns read) and how many it sets; None when a pattern spans
        more than one token or reads what the arrays do not hold."""
        if self._plan is False:
            self._plan = _plan(self)
        return self._plan  # type: ignore[return-value]


def _plan(ruler: AttributeRuler) -> tuple[list[int], int] | None:
    outputs: list[int] = []
    for attrs in ruler.attrs:
        outputs.extend(a for a in attrs if a not in outputs)
    inputs: list[int] = []
    for entry in ruler.patterns:
        for pattern in entry["patterns"]:
            if len(pattern) != 1 or entry["index"] not in (0, -1):
                return None
            for name in pattern[0]:
                attr = _attr_id(name)
                if attr is None:
                    return None
                if attr not in outputs and attr not in inputs:
                    inputs.append(attr)
    if not outputs or not all(isinstance(a, int) for a in outputs):
        return None
    return outputs + inputs, len(outputs)


def _attr_id(name: object) -> int | None:
    """The id of the token attribute a pattern key reads (None for "OP",
    "_" and other keys that are no attribute of the arrays)."""
    if not isinstance(name, str) or name.upper() == "OP":
        return None
    return IDS.get(_ALIASES.get(name.upper(), name.upper()))


@Language.factory(_FACTORY, default_config={"validate": False})
def _make_ruler(nlp: Language, name: str, validate: bool) -> MemoAttributeRuler:
    return MemoAttributeRuler(nlp.vocab, name, validate=validate)


def memoize_attribute_ruler(nlp: Language) -> Language:
    """Put a ``MemoAttributeRuler`` with the same patterns in place of the
    pipeline's attribute ruler (none: nothing to do)."""
    if _NAME not in nlp.pipe_names:
        return nlp  # none, or disabled
    ruler = nlp.get_pipe(_NAME)
    if type(ruler) is not AttributeRuler:
        return nlp  # already ours, or someone else's
    # Its patterns only: the vocabulary is the pipeline's own already (read
    # back, its vectors would be a read-only copy).
    data = ruler.to_bytes(exclude=["vocab"])
    memo = nlp.replace_pipe(_NAME, _FACTORY, config={"validate": ruler.validate})
    memo.from_bytes(data, exclude=["vocab"])
    return nlp
