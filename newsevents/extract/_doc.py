"""What extraction reads of a whole Doc more than once."""

from __future__ import annotations

from collections.abc import Callable, Hashable, MutableMapping, Sequence
from itertools import compress
from typing import TypeVar

import numpy
from spacy.tokens import Doc

__all__ = [
    "doc_text",
    "memo_for",
    "remember_text",
    "sentence_starts",
    "tokens_where",
]

_TEXT = "ne_text"  # the key of the text in ``Doc.user_data``
_SENTENCES = "ne_sentence_starts"  # the key of the sentence starts there
_ROWS = "ne_token_rows"  # and of the last rows of ``tokens_where``


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined from its tokens once per Doc: spaCy joins them
    again at every call, which costs more than most of what reads it. A
    Doc retokenized since (another number of tokens) is joined again."""
    cached = doc.user_data.get(_TEXT)
    if cached is not None and cached[0] == len(doc):
        return str(cached[1])
    text = doc.text
    doc.user_data[_TEXT] = (len(doc), text)
    return text


def remember_text(doc: Doc, text: str) -> None:
    """Tell ``doc_text`` the text ``doc`` was made from, sparing the join:
    spaCy's tokenizer keeps every character of it, and merging tokens
    changes none."""
    doc.user_data[_TEXT] = (len(doc), text)


def sentence_starts(doc: Doc) -> list[int]:
    """The index of the first token of each sentence of ``doc``, found once
    per Doc (``Doc.sents`` builds a span for each sentence at every call).
    A Doc retokenized since (another number of tokens) is read again."""
    cached = doc.user_data.get(_SENTENCES)
    if cached is not None and cached[0] == len(doc):
        return list(cached[1])
    starts = [sent.start for sent in doc.sents]
    doc.user_data[_SENTENCES] = (len(doc), tuple(starts))
    return starts


#: Answers for rows of token attributes (the bytes of their ids in, yes or
#: no out).
RowMemo = dict[bytes, bool]
#: Answers remembered at most by one memo (then forgotten).
_MEMO_SIZE = 500_000


#: What a memo is asked about: rows of token attributes, words.
_Asked = TypeVar("_Asked", bytes, str)


def memo_for(
    store: MutableMapping[Hashable, tuple[tuple[object, ...], dict[_Asked, bool]]],
    slot: Hashable,
    inputs: tuple[object, ...],
) -> dict[_Asked, bool]:
    """The memo kept in ``store`` under ``slot`` for answers computed from
    ``inputs``: a new one when any input is no longer the same object (a
    user's lexicon or knowledge base) or the memo outgrew its bound."""
    cached = store.get(slot)
    if (
        cached is None
        or any(old is not new for old, new in zip(cached[0], inputs, strict=True))
        or len(cached[1]) > _MEMO_SIZE
    ):
        cached = (inputs, {})
        store[slot] = cached
    return cached[1]


def tokens_where(
    doc: Doc,
    attrs: Sequence[str],
    memo: RowMemo,
    answer: Callable[[tuple[str, ...]], bool],
) -> list[int]:
    """The indices of the tokens whose attributes ``attrs`` (as strings)
    ``answer`` says yes to. Read off the token arrays, with the answer for
    each row of attributes remembered in ``memo``: visiting every token
    costs more than most of what is then done with the few kept."""
    array, rows = _token_rows(doc, tuple(attrs))
    known = list(map(memo.get, rows))
    if None in known:  # rows not asked yet
        strings = doc.vocab.strings
        for index, row in enumerate(rows):
            if known[index] is None:
                answered = memo.get(row)
                if answered is None:
                    ids = array[index].tolist()
                    answered = memo[row] = answer(tuple(strings[n] for n in ids))
                known[index] = answered
    return list(compress(range(len(rows)), known))


def _token_rows(doc: Doc, attrs: tuple[str, ...]) -> tuple[numpy.ndarray, list[bytes]]:
    """The array of ``attrs`` of ``doc`` and its rows (``_rows``), read once
    per Doc for the last attributes asked (the finders of actors and of
    event words ask the same). A Doc retokenized since is read again."""
    cached = doc.user_data.get(_ROWS)
    if cached is not None and cached[0] == (attrs, len(doc)):
        return cached[1], cached[2]
    array = doc.to_array(list(attrs))
    rows = _rows(array)
    doc.user_data[_ROWS] = ((attrs, len(doc)), array, rows)
    return array, rows


def _rows(array: numpy.ndarray) -> list[bytes]:
    """Each row of a token array as the bytes of its ids: one object per
    token, where a list of the ids makes one per id (64-bit hashes, each a
    Python integer to allocate). A fixed width keeps them distinct, the
    trailing zero bytes that numpy drops included."""
    width = array.shape[1] * array.itemsize
    return array.view(f"S{width}").ravel().tolist()
