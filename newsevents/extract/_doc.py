"""What extraction reads of a whole Doc more than once."""

from __future__ import annotations

from spacy.tokens import Doc

__all__ = ["doc_text", "remember_text"]

_TEXT = "ne_text"  # the key of the text in ``Doc.user_data``


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
