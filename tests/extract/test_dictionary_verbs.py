"""Coding with a PETRARCH/TABARI verb dictionary next to the lexicon."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents import code
from newsevents.lang.verbs import load_verbs

DICTIONARY = """--- RESTORE  [064]  ---
RESTORE
- NOT * RELATIONS  [112]
- * TIES  [064]

--- SNUB  [---]  ---
SNUB
- * ENVOY  [1244]
"""


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "France restored diplomatic ties with Germany.",
            [("FRAGOV", "064", "DEUGOV")],
        ),
        ("Japan snubbed the envoy of China.", [("JPNGOV", "1244", "CHNGOV")]),
        # [---] and no pattern: the verb codes nothing.
        ("Japan snubbed China.", []),
    ],
)
def test_verbs_dictionary_codes(
    tmp_path: Path, text: str, expected: list[tuple[str, str, str]]
) -> None:
    path = tmp_path / "verbs.txt"
    path.write_text(DICTIONARY, encoding="utf-8")
    coded = code(text, "en", verbs=load_verbs(path))
    got = [
        (
            e.source.code if e.source else None,
            e.code,
            e.target.code if e.target else None,
        )
        for e in coded.events
        if e.trigger.startswith("verbs.")
    ]
    assert got == expected
