"""Datelines: "PARIS (AFP) -", "LONDON, March 3 (Reuters) -", "KYIV,
Ukraine -" opening a dispatch. The sentence marker (nlp.pipeline) starts a
sentence after one, so that the parser does not hang the dispatch's first
verb on its city; the actor finder skips it (its city and agency are no
actors)."""

from __future__ import annotations

import re

from spacy.tokens import Doc

__all__ = ["DASHES", "DATELINE_TOKENS", "dateline_end"]

#: How far into a paragraph a dateline's dash may come.
DATELINE_TOKENS = 15
#: The dashes that end a dateline.
DASHES = frozenset({"-", "--", "\u2013", "\u2014"})
_ANY_DASH = re.compile("[-\u2013\u2014]")  # a character of every one of them


def dateline_end(doc: Doc, text: str | None = None) -> int:
    """The number of tokens of a dateline opening ``doc`` (0 if none): an
    upper-case first word, an agency in parentheses or only capitalised
    words ("WASHINGTON -", "KYIV, Ukraine -"), then a dash.
    ``text`` is ``doc.text`` when the caller has it. Needs no annotation."""
    if not len(doc):
        return 0
    last = doc[min(len(doc), DATELINE_TOKENS) - 1]
    text = doc.text if text is None else text
    if not _ANY_DASH.search(text, 0, last.idx + len(last)):
        return 0  # most paragraphs: no token visited
    for token in doc[:DATELINE_TOKENS]:
        if token.text in DASHES:
            if not (token.whitespace_ and token.i and doc[token.i - 1].whitespace_):
                return 0  # "US-brokered talks": a hyphen, no dateline
            head = doc[: token.i]
            words = [t for t in head if t.is_alpha]
            if (
                words
                and words[0].is_upper
                and len(words[0]) > 1
                and (
                    any(t.text == "(" for t in head)
                    or (len(words) <= 4 and all(w.text[:1].isupper() for w in words))
                )
            ):
                return token.i + 1
            return 0
    return 0
