"""Our English telling of the seed story codes to the same events as the
French seed article (issue 3)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from newsevents import Event, code

ROOT = Path(__file__).resolve().parent.parent
ENGLISH = ROOT / "examples" / "en" / "2024-06-19-putin-kim-pyongyang.txt"


def _key(event: Event) -> tuple[str | None, str, str | None, str]:
    return (
        event.source.country if event.source else None,
        event.root,
        event.target.country if event.target else None,
        event.modality,
    )


@pytest.mark.slow
def test_same_story_french_and_english(shared_file: Callable[[str], Path]) -> None:
    french = shared_file("eval/seed-article-fr.txt").read_text(encoding="utf-8")
    published = date(2024, 6, 19)
    fr = {_key(e) for e in code(french, "fr", published).events}
    en = {
        _key(e)
        for e in code(ENGLISH.read_text(encoding="utf-8"), "en", published).events
    }
    assert len(fr) >= 15
    assert len(fr & en) / len(fr | en) >= 0.8, (
        sorted(fr - en, key=str),
        sorted(en - fr, key=str),
    )
    # The core of the story is in both.
    for event in [
        ("RUS", "05", "PRK", "asserted"),
        ("PRK", "05", "RUS", "asserted"),
        ("RUS", "04", "VNM", "planned"),
        ("WST", "11", "PRK", "asserted"),
        ("PRK", "07", "RUS", "alleged"),
        ("RUS", "12", "IGO", "asserted"),
    ]:
        assert event in fr and event in en, event
