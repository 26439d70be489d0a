"""Triggers from a PETRARCH/TABARI verb dictionary: the verb's block, the
longest of its patterns whose words are found around the verb in its
sentence, and the code that pattern (or else the verb) gives.

The source and target are then found in the parse like those of any trigger
of our lexicon: the dictionary's ``$`` and ``+`` marks are not needed there.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..lang._lexicon import Trigger
from ..lang.verbs import Chunk, VerbDictionary, VerbEntry, VerbPattern

# Where the target of a verb of a user's dictionary is (the dictionary says
# nothing of prepositions): its object, else the first actor after it.
_TARGETS = ("obj", "iobj", "after")
_MIN_STEM = 4


def dictionary_triggers(token: Token, verbs: VerbDictionary) -> list[Trigger]:
    """The trigger a dictionary gives a verb token, or none."""
    if token.pos_ not in ("VERB", "AUX"):
        return []
    entries = verbs.lookup(token.text.upper(), token.lemma_.upper())
    words = [t for t in token.sent]
    at = token.i - token.sent.start
    for entry in entries:
        if not _compound_matches(entry, words, at):
            continue
        code, line = entry.code, entry.line
        for pattern in entry.patterns:
            if _pattern_matches(pattern, words, at):
                code, line = pattern.code, pattern.line
                break
        if code is None:
            continue
        return [
            Trigger(
                id=f"verbs.{entry.block.lower()}.{line}",
                lemma=token.lemma_.lower(),
                pos="VERB",
                code=code,
                objects=(),
                targets=_TARGETS,
                # PETRARCH codes "X and Y renewed ties" as X to Y and Y to X.
                flags=frozenset({"mutual"}),
                particle=None,
                example="",
            )
        ]
    return []


def _word_matches(word: str, token: Token) -> bool:
    text = token.text.upper()
    if word == text or word == token.lemma_.upper():
        return True
    return len(word) >= _MIN_STEM and text.startswith(word)


def _compound_matches(entry: VerbEntry, words: list[Token], at: int) -> bool:
    before = words[max(0, at - len(entry.prefix)) : at]
    after = words[at + 1 : at + 1 + len(entry.suffix)]
    return (
        len(before) == len(entry.prefix)
        and all(_word_matches(w, t) for w, t in zip(entry.prefix, before, strict=True))
        and len(after) == len(entry.suffix)
        and all(_word_matches(w, t) for w, t in zip(entry.suffix, after, strict=True))
    )


def _chunk_at(chunk: Chunk, words: list[Token], start: int) -> int | None:
    """The index after ``chunk`` matched from ``start``, or None."""
    if not chunk:
        return start
    for alternative in chunk[0]:
        end = start + len(alternative)
        if end > len(words):
            continue
        pairs = zip(alternative, words[start:end], strict=True)
        if all(_word_matches(w, t) for w, t in pairs):
            rest = _chunk_at(chunk[1:], words, end)
            if rest is not None:
                return rest
    return None


def _after(
    chunks: tuple[Chunk, ...], words: list[Token], start: int, joined: bool
) -> bool:
    """Whether the chunks follow each other, in order, from ``start``."""
    position = start
    for n, chunk in enumerate(chunks):
        starts = [position] if joined and n == 0 else range(position, len(words))
        for begin in starts:
            end = _chunk_at(chunk, words, begin)
            if end is not None:
                position = end
                break
        else:
            return False
    return True


def _pattern_matches(pattern: VerbPattern, words: list[Token], at: int) -> bool:
    if not _after(pattern.after, words, at + 1, pattern.joined_after):
        return False
    if not pattern.before:
        return True
    # The words before the verb, read backwards from the verb.
    backwards = list(reversed(words[:at]))
    chunks = tuple(tuple(reversed(c)) for c in reversed(pattern.before))
    chunks = tuple(
        tuple(tuple(tuple(reversed(a)) for a in element) for element in chunk)
        for chunk in chunks
    )
    return _after(chunks, backwards, 0, pattern.joined_before)
