"""Cheap gates before costly regular expressions.

A date pattern is tried at every position of a text, which costs more than
the rest of date finding on short dispatches, while most patterns cannot
match a given text at all (no weekday pattern matches a text without a
weekday's name). The gate of a pattern is read off the compiled pattern
itself, so it never falls out of step with it: the strings a match must
contain (case-folded), as an and/or tree of the pattern's sequences and
alternatives. A text that cannot satisfy the gate is not scanned.

A pattern that never sees a line break (``within_lines``) cannot match
across lines, so only the lines of a text that pass its gate need scanning.

A pattern whose top level is an alternation (``alternatives``) is scanned
in a text with only the alternatives whose gates it passes: trying the
others at every position costs more than the rest of the scan.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

__all__ = [
    "Alternatives",
    "Gate",
    "alternatives",
    "fold",
    "gate",
    "may_hold",
    "within_lines",
]

# A parsed item of ``re._parser``: an opcode and its argument.
_Item = tuple[Any, Any]
_MAX_CLASS = 24  # a wider character class is no useful requirement
# ``\d`` matches every Unicode digit: ``fold`` marks a text that holds one.
_DIGIT = "\x00digit"
_ANY_DIGIT = re.compile(r"\d")


def _casefold(text: str) -> str:
    """Case folding as the ignore-case matching of ``re`` sees it: it also
    takes the dotless "ı" for an "i", which case folding keeps apart."""
    return text.casefold().replace("ı", "i")


@dataclass(frozen=True)
class Gate:
    """Every match holds one of ``strings`` (when there are any), satisfies
    all of ``every`` and one of ``one_of`` (when there are any)."""

    strings: tuple[str, ...] = ()
    every: tuple[Gate, ...] = ()
    one_of: tuple[Gate, ...] = ()

    def passes(self, folded: str) -> bool:
        """Whether a text (as ``fold`` gives it) may hold a match."""
        return self._test(folded)

    @cached_property
    def _test(self) -> Callable[[str], bool]:
        """The gate as one expression of ``in`` tests, compiled once: on a
        short text, walking the tree of gates at each text costs more than
        its tests. The strings are written as literals (``repr``)."""
        return eval(f"lambda text: {self._expression()}")

    def _expression(self) -> str:
        """The gate in Python: its strings (one of them), every gate of
        ``every``, then one gate of ``one_of``, in that order."""
        parts = []
        if self.strings:
            parts.append(" or ".join(f"{s!r} in text" for s in self.strings))
        parts.extend(required._expression() for required in self.every)
        if self.one_of:
            parts.append(" or ".join(option._expression() for option in self.one_of))
        return " and ".join(f"({part})" for part in parts) or "True"


_OPEN = Gate()  # requires nothing


def fold(text: str) -> str:
    """``text`` as ``Gate.passes`` reads it: case-folded, marked when it
    holds a digit."""
    folded = _casefold(text)
    return folded + _DIGIT if _ANY_DIGIT.search(text) else folded


def may_hold(text: str, words: frozenset[str]) -> bool:
    """Whether a token of ``text`` may be one of ``words`` (in lower case):
    whether its lower case holds one. Cheaper than visiting its tokens."""
    lowered = text.lower()
    return any(map(lowered.__contains__, words))


def gate(pattern: re.Pattern[str]) -> Gate:
    """What every match of ``pattern`` contains (possibly nothing)."""
    return _all(_sequence(list(sre_parse.parse(pattern.pattern, pattern.flags))))


def _all(gates: list[Gate]) -> Gate:
    """All of ``gates``: nested conjunctions flattened, the rarest strings
    (the longest) tried first, as they fail soonest."""
    flat: list[Gate] = []
    for g in gates:
        if not g.strings and not g.one_of:
            flat.extend(g.every)  # a conjunction (or nothing)
        else:
            flat.append(g)
    flat = sorted(dict.fromkeys(flat), key=_rarity, reverse=True)
    if not flat:
        return _OPEN
    return flat[0] if len(flat) == 1 else Gate(every=tuple(flat))


def _rarity(g: Gate) -> tuple[int, int]:
    """How soon a requirement fails: plain strings before alternatives,
    long strings before short ones, a digit as a single character."""
    if not g.strings:
        return (0, 0)
    return (1, min(1 if s == _DIGIT else len(s) for s in g.strings))


def _strings(strings: set[str] | tuple[str, ...]) -> Gate:
    return Gate(strings=tuple(sorted(set(strings))))


def _sequence(items: list[_Item]) -> list[Gate]:
    """The requirements of a sequence of parsed items: those of each item
    it cannot skip, with each run of literal characters one string."""
    gates: list[Gate] = []
    run: list[str] = []
    for op, av in items:
        if op is sre.LITERAL:
            run.append(_casefold(chr(av)))
            continue
        if op is sre.BRANCH and run:
            # "ma(?:i|rs)" (as the parser factors "mai|mars"): the run goes
            # on into each branch.
            leads = [_lead(list(b)) for b in av[1]]
            if all(leads):
                gates.append(_strings({"".join(run) + lead for lead in leads}))
        if run:
            gates.append(_strings({"".join(run)}))
            run = []
        gates.extend(_item(op, av))
    if run:
        gates.append(_strings({"".join(run)}))
    return gates


def _lead(items: list[_Item]) -> str:
    """The literal characters a sequence starts with."""
    lead = []
    for op, av in items:
        if op is not sre.LITERAL:
            break
        lead.append(_casefold(chr(av)))
    return "".join(lead)


def _item(op: Any, av: Any) -> list[Gate]:
    """The requirements of one parsed item other than a literal character."""
    if op is sre.SUBPATTERN:
        return _sequence(list(av[3]))
    if op is sre.ATOMIC_GROUP:
        return _sequence(list(av))
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, _high, body = av
        return _sequence(list(body)) if low >= 1 else []
    if op is sre.BRANCH:
        branches = [_all(_sequence(list(b))) for b in av[1]]
        if any(b == _OPEN for b in branches):
            return []
        if all(b.strings and not b.every and not b.one_of for b in branches):
            return [_strings({s for b in branches for s in b.strings})]
        return [Gate(one_of=tuple(dict.fromkeys(branches)))]
    if op is sre.IN:
        chars = _class(av)
        return [_strings(chars)] if chars else []
    return []  # assertions, anchors, any character, back references


def _class(members: list[_Item]) -> set[str] | None:
    """The characters of a character class, None if it is wide or negated."""
    chars: set[str] = set()
    for op, av in members:
        if op is sre.LITERAL:
            chars.add(_casefold(chr(av)))
        elif op is sre.RANGE:
            low, high = av
            if high - low > _MAX_CLASS:
                return None
            chars.update(_casefold(chr(c)) for c in range(low, high + 1))
        elif op is sre.CATEGORY and av is sre.CATEGORY_DIGIT:
            chars.add(_DIGIT)
        else:
            return None
    return chars if 0 < len(chars) <= _MAX_CLASS else None


# The classes that hold a line break, and those that do not.
_BREAKING = {
    sre.CATEGORY_SPACE, sre.CATEGORY_NOT_DIGIT, sre.CATEGORY_NOT_WORD,
    sre.CATEGORY_LINEBREAK, sre.CATEGORY_LOC_NOT_WORD, sre.CATEGORY_UNI_SPACE,
    sre.CATEGORY_UNI_NOT_DIGIT, sre.CATEGORY_UNI_NOT_WORD,
    sre.CATEGORY_UNI_LINEBREAK,
}  # fmt: skip
_UNBROKEN = {
    sre.CATEGORY_NOT_SPACE, sre.CATEGORY_DIGIT, sre.CATEGORY_WORD,
    sre.CATEGORY_NOT_LINEBREAK, sre.CATEGORY_LOC_WORD, sre.CATEGORY_UNI_NOT_SPACE,
    sre.CATEGORY_UNI_DIGIT, sre.CATEGORY_UNI_WORD, sre.CATEGORY_UNI_NOT_LINEBREAK,
}  # fmt: skip
_BOUNDARIES = {sre.AT_BOUNDARY, sre.AT_NON_BOUNDARY}
_NEWLINE = ord("\n")


def within_lines(pattern: re.Pattern[str]) -> bool:
    """Whether no part of ``pattern`` (look-arounds included) can match a
    line break, and it has no anchor but word boundaries: then its matches
    in a text are those of ``finditer(text, start, end)`` on each line
    (a look-ahead at a line's end sees no character where the text has a
    line break, which it could not match either)."""
    items = list(sre_parse.parse(pattern.pattern, pattern.flags))
    return not _sees_break(items, pattern.flags)


def _sees_break(items: list[_Item], flags: int) -> bool:
    """Whether a parsed sequence may match a line break (or holds an
    item this does not know, or an anchor other than a word boundary)."""
    return any(_item_sees_break(op, av, flags) for op, av in items)


def _item_sees_break(op: Any, av: Any, flags: int) -> bool:
    if op is sre.LITERAL:
        return bool(av == _NEWLINE)
    if op is sre.NOT_LITERAL:
        return bool(av != _NEWLINE)
    if op is sre.ANY:
        return bool(flags & re.DOTALL)
    if op is sre.IN:
        return _class_breaks(av)
    if op is sre.AT:
        return av not in _BOUNDARIES
    if op is sre.GROUPREF:
        return False  # what the group matched
    if op is sre.SUBPATTERN:
        _group, add, remove, body = av
        return _sees_break(list(body), (flags | add) & ~remove)
    if op is sre.BRANCH:
        return any(_sees_break(list(b), flags) for b in av[1])
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        return _sees_break(list(av[2]), flags)
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        return _sees_break(list(av[1]), flags)
    if op is sre.ATOMIC_GROUP:
        return _sees_break(list(av), flags)
    return True  # not known: no promise


def _class_breaks(members: list[_Item]) -> bool:
    """Whether a character class holds the line break."""
    negated, held = False, False
    for op, av in members:
        if op is sre.NEGATE:
            negated = True
        elif op is sre.LITERAL:
            held = held or av == _NEWLINE
        elif op is sre.RANGE:
            held = held or av[0] <= _NEWLINE <= av[1]
        elif op is sre.CATEGORY and (av in _BREAKING or av in _UNBROKEN):
            held = held or av in _BREAKING
        else:
            return True  # not known: no promise
    return held != negated


@dataclass(frozen=True)
class Alternatives:
    """A pattern without groups whose top level is an alternation
    ("a|b|c"), the source of each alternative and its gate. In a text where
    an alternative's gate fails, that alternative matches nowhere: the
    pattern without it finds the same matches there (an alternation tries
    its alternatives in order at each position, and the one left out would
    have failed)."""

    pattern: re.Pattern[str]
    parts: tuple[str, ...]
    gates: tuple[Gate, ...]
    # The patterns of the subsets of alternatives met so far (at most one
    # for each subset: a bounded number of compilations).
    _pruned: dict[tuple[int, ...], re.Pattern[str]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def for_text(self, folded: str) -> re.Pattern[str] | None:
        """The pattern with the alternatives a text (as ``fold`` gives it)
        may hold, None when it may hold none."""
        kept = tuple(i for i, g in enumerate(self.gates) if g.passes(folded))
        if len(kept) == len(self.parts):
            return self.pattern
        if not kept:
            return None
        pruned = self._pruned.get(kept)
        if pruned is None:
            source = "|".join(self.parts[i] for i in kept)
            pruned = self._pruned[kept] = re.compile(source, self.pattern.flags)
        return pruned


def alternatives(pattern: re.Pattern[str]) -> Alternatives | None:
    """``pattern`` as ``Alternatives``, None when it has groups (a match
    of the pruned pattern would number them otherwise), is verbose (its
    comments are not cut) or has no alternation at its top level as the
    parser reads it ("a|b" is a class). Each alternative is compiled with
    the pattern's flags, global inline flags ("(?i)" before the first)
    included."""
    if pattern.groups or pattern.flags & re.VERBOSE:
        return None
    parts = _top_level(pattern.pattern)
    items = list(sre_parse.parse(pattern.pattern, pattern.flags))
    if (
        len(parts) < 2
        or len(items) != 1
        or items[0][0] is not sre.BRANCH
        or len(items[0][1][1]) != len(parts)
    ):
        return None
    gates = tuple(gate(re.compile(part, pattern.flags)) for part in parts)
    return Alternatives(pattern, tuple(parts), gates)


def _top_level(source: str) -> list[str]:
    """``source`` cut at each "|" outside groups, classes and escapes."""
    parts: list[str] = []
    start, depth, i = 0, 0, 0
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = _class_end(source, i)
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(source[start:i])
            start = i + 1
        i += 1
    parts.append(source[start:])
    return parts


def _class_end(source: str, i: int) -> int:
    """The index of the "]" that closes the character class opened at
    ``source[i]`` (a "]" first in the class is one of its members)."""
    i += 1
    if source[i : i + 1] == "^":
        i += 1
    if source[i : i + 1] == "]":
        i += 1
    while source[i] != "]":
        i += 2 if source[i] == "\\" else 1
    return i
