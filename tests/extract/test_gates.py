"""Tests for newsevents.extract._gates: the strings a regex match needs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsevents.extract import dates
from newsevents.extract._gates import Gate, alternatives, fold, gate, within_lines
from newsevents.lang import available
from newsevents.lang import get as get_language

GOLDEN = Path(__file__).resolve().parent.parent / "golden"


@pytest.mark.parametrize(
    ("pattern", "text", "passes"),
    [
        (r"(?i)(?<!\w)(?:mardi|mercredi)(?!\w)", "Il est arrivé MARDI.", True),
        (r"(?i)(?<!\w)(?:mardi|mercredi)(?!\w)", "Il est arrivé hier.", False),
        # the parser factors "mai|mars" into "ma(?:i|rs)": whole strings still
        (r"(?i)(?:mai|mars)", "la marche", False),
        (r"(?i)(?:mai|mars)", "en mars", True),
        # a sequence needs all its parts, an optional part none
        (r"(?i)\d+ (?:mai|juin)", "le 3 mai", True),
        (r"(?i)\d+ (?:mai|juin)", "en mai", False),
        (r"(?i)(?:le )?\d+ mai", "3 mai", True),
        # every Unicode digit is a digit; "ı" matches "i" ignoring case
        (r"\d\d", "٢٣", True),
        (r"\d\d", "twenty", False),
        (r"(?i)mardi", "MARDı", True),
        # alternatives: one of them
        (r"(?i)\d+ ?h|la nuit", "dans la nuit", True),
        (r"(?i)\d+ ?h|la nuit", "la veille", False),
        # nothing required: always passes
        (r"\w+", "", True),
    ],
)
def test_gates_pass_exactly_the_texts_that_may_match(
    pattern: str, text: str, passes: bool
) -> None:
    compiled = re.compile(pattern)
    assert gate(compiled).passes(fold(text)) is passes
    if compiled.search(text):
        assert passes  # a gate never rejects a text that matches


def test_gates_require_something_of_every_date_pattern() -> None:
    """Each date pattern's gate rejects some text (none is left open)."""
    for code in available():
        for kind, pattern in get_language(code).dates.PATTERNS:
            assert gate(pattern) != Gate(), (code, kind, pattern.pattern[:60])
            assert not gate(pattern).passes(fold("")), (code, kind)


def _golden_texts() -> list[tuple[str, str]]:
    return [(p.parent.name, p.read_text()) for p in sorted(GOLDEN.glob("*/*.txt"))]


def test_gates_never_reject_a_text_a_date_pattern_matches() -> None:
    texts = _golden_texts()
    assert texts
    for code, text in texts:
        folded = fold(text)
        for kind, pattern in get_language(code).dates.PATTERNS:
            for match in pattern.finditer(text):
                assert gate(pattern).passes(folded), (code, kind, match.group())
                # the match alone satisfies it too
                assert gate(pattern).passes(fold(match.group())), (kind, match)


def test_gates_leave_the_dates_found_unchanged(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from datetime import date

    texts = _golden_texts()
    published = date(2024, 6, 19)
    gated = [dates.find_dates(text, code, published) for code, text in texts]
    monkeypatch.setattr(Gate, "passes", lambda self, folded: True)
    assert gated == [dates.find_dates(text, code, published) for code, text in texts]
    assert any(gated)


@pytest.mark.parametrize(
    ("pattern", "within"),
    [
        (r"(?<![\w])a[^\S\n]+b(?![\w])", True),
        (r"\ba[-‐]?\d\b", True),
        (r"a\sb", False),  # \s holds the line break
        (r"a[^x]", False),
        (r"a.b", True),
        (r"(?s)a.b", False),
        (r"a$", False),  # an anchor that a line's end would move
        (r"a(?=\s)", False),  # a look-ahead that sees the break
        (r"[^\d]", False),
        (r"[^\w\n]", True),
    ],
)
def test_within_lines_promises_only_patterns_that_see_no_break(
    pattern: str, within: bool
) -> None:
    assert within_lines(re.compile(pattern)) is within


def test_date_patterns_match_line_by_line_as_on_the_whole_text() -> None:
    """The promise ``find_dates`` relies on to scan only some lines."""
    texts = _golden_texts()
    for code, text in [*texts, ("en", "at 3\n\npm on\nMonday\n9:30")]:
        for kind, pattern in get_language(code).dates.PATTERNS:
            assert within_lines(pattern), (code, kind)
            by_line, start = [], 0
            for line in text.split("\n"):
                end = start + len(line)
                by_line += [m.span() for m in pattern.finditer(text, start, end)]
                start = end + 1
            assert by_line == [m.span() for m in pattern.finditer(text)]


def test_alternatives_split_at_the_top_level_only() -> None:
    found = alternatives(re.compile(r"[|\]]x|a\|b|c(?:d|e)"))
    assert found is not None
    assert found.parts == ("[|\\]]x", r"a\|b", "c(?:d|e)")


@pytest.mark.parametrize(
    "pattern",
    [
        r"(a)|b",  # a group: the pruned pattern would number it otherwise
        r"(?:a|b)c",  # no alternation at the top level
        r"a|b",  # read as the class [ab]
        r"(?x)a  # b|c",  # verbose: a comment may hold a "|"
    ],
)
def test_alternatives_leave_some_patterns_whole(pattern: str) -> None:
    assert alternatives(re.compile(pattern)) is None


def test_alternatives_prune_only_what_cannot_match() -> None:
    # the global flag applies to every alternative, the first left out too
    pattern = re.compile(r"(?i)(?<!\w)\d+ ?h|la nuit|midi(?!\w)")
    found = alternatives(pattern)
    assert found is not None
    assert found.for_text(fold("la veille")) is None
    assert found.for_text(fold("à 10 h, midi")) is not pattern
    for text in ("à 10 h, midi", "la nuit à 10h", "MIDI", "dans la nuit"):
        pruned = found.for_text(fold(text))
        assert pruned is not None
        assert [m.span() for m in pruned.finditer(text)] == [
            m.span() for m in pattern.finditer(text)
        ]


def test_date_patterns_pruned_match_as_whole() -> None:
    """The promise ``find_dates`` relies on to scan with some alternatives
    of a pattern only."""
    texts = _golden_texts()
    pruned = 0
    for code, text in [*texts, ("fr", "Vers 15 h 30, hier, la nuit, à midi")]:
        for kind, pattern in get_language(code).dates.PATTERNS:
            found = alternatives(pattern)
            if found is None:
                continue
            scanned = found.for_text(fold(text))
            pruned += scanned is not pattern
            spans = [] if scanned is None else list(scanned.finditer(text))
            assert [m.span() for m in spans] == [
                m.span() for m in pattern.finditer(text)
            ], (code, kind)
    assert pruned
