"""Highlight segments of an article."""

from __future__ import annotations

import pytest

from newsevents.api.highlight import segments
from tests.api._data import HOSTILE_TEXT, articles


@pytest.mark.parametrize("index", [0, 1, 2])
def test_highlight_segments_cover_the_text(index: int) -> None:
    coded = articles()[index]
    parts = segments(coded)
    assert "".join(p.text for p in parts) == coded.article.text
    assert all(p.text for p in parts)


def test_highlight_overlaps_split_segments() -> None:
    parts = segments(articles()[0])
    by_text = {p.text: p for p in parts}
    assert by_text["Macron"].classes == ("evidence", "m-person")
    assert by_text["Macron"].events == (1,)
    assert by_text[" a rencontré "].classes == ("evidence",)
    assert by_text["Paris"].classes == ("place",)
    assert by_text["19 juin 2024"].classes == ("date",)
    assert "FRAGOV" in by_text["Macron"].title


def test_highlight_keeps_markup_as_text() -> None:
    parts = segments(articles()[2])
    assert any("<script>" in p.text for p in parts)
    assert "".join(p.text for p in parts) == HOSTILE_TEXT
