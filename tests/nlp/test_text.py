from __future__ import annotations

import pytest

from newsevents.errors import BinaryInput, EmptyInput
from newsevents.nlp.text import decode, normalise, paragraphs


def test_text_normalise_keeps_offsets() -> None:
    text = "Kim a exprimé son “soutien total” à l’Ukraine « ici »"
    out = normalise(text)
    assert len(out) == len(text)
    assert "l'Ukraine" in out and '"soutien total"' in out
    assert out.index("Ukraine") == text.index("Ukraine")


@pytest.mark.parametrize(
    "data,expected",
    [
        ("Le président a signé.".encode(), "Le président a signé."),
        ("Le président a signé.".encode("latin-1"), "Le président a signé."),
        ("Le président a signé.".encode("cp1252"), "Le président a signé."),
        ("Le président a signé.".encode("utf-16"), "Le président a signé."),
        ("\ufeffThe president".encode(), "The president"),
    ],
)
def test_text_decode_encodings(data: bytes, expected: str) -> None:
    assert decode(data) == expected


def test_text_decode_empty_names_input() -> None:
    with pytest.raises(EmptyInput, match="a.txt"):
        decode(b"  \n", "a.txt")


def test_text_decode_binary() -> None:
    with pytest.raises(BinaryInput, match="img.png"):
        decode(bytes(range(256)) * 10, "img.png")


def test_text_paragraphs_offsets() -> None:
    text = "Titre du jour\n\n  Premier paragraphe.\nSecond."
    parts = list(paragraphs(text))
    assert [p.text for p in parts] == [
        "Titre du jour",
        "Premier paragraphe.",
        "Second.",
    ]
    for part in parts:
        assert text[part.start : part.start + len(part.text)] == part.text


def test_text_paragraphs_cut_long_lines() -> None:
    sentence = "Le ministre a parlé longuement de la situation. "
    text = sentence * 2000
    parts = list(paragraphs(text))
    assert len(parts) > 1
    assert all(len(p.text) <= 20_000 for p in parts)
    for part in parts:
        assert text[part.start : part.start + len(part.text)] == part.text


def test_text_paragraphs_join_lines_broken_inside_a_sentence() -> None:
    # A page whose links were removed: the sentence goes on after the break.
    text = (
        "Police clash with protesters\n"
        "French police detained more than \n200 people in Paris \n"
        "and fired tear gas.\nA new paragraph."
    )
    parts = list(paragraphs(text))
    assert [p.text.replace("\n", " ") for p in parts] == [
        "Police clash with protesters",
        "French police detained more than  200 people in Paris  and fired tear gas.",
        "A new paragraph.",
    ]
    for part in parts:
        assert part.text == text[part.start : part.start + len(part.text)].replace(
            "\n", " "
        )
