"""Places (newsevents/extract/places.py): geocoded with their GeoNames id,
countries only where a locative says so (or as a visit's destination),
never a recipient."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsevents.models import CodedArticle

Coder = Callable[..., CodedArticle]  # the session fixture `coder`

PlaceRow = tuple[str | None, str | None, int | None, str | None]


def _places(coded: CodedArticle) -> list[PlaceRow]:
    return [(p.text, p.country, p.geonameid, p.kind) for p in coded.places]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "Olaf Scholz was received by Joe Biden in Washington.",
         [("Washington", "USA", 4140963, "city")]),
        ("fr", "Olaf Scholz a été reçu par Joe Biden à Washington.",
         [("Washington", "USA", 4140963, "city")]),
        ("en", "The Turkish defence minister met his Greek counterpart in Athens.",
         [("Athens", "GRC", 264371, "city")]),
        ("fr", "Le ministre turc de la Défense a rencontré son homologue grec à Athènes.",
         [("Athènes", "GRC", 264371, "city")]),
        ("en", "It rained in Lisbon on Tuesday.", [("Lisbon", "PRT", 2267057, "city")]),
        ("fr", "Il a plu mardi à Lisbonne.", [("Lisbonne", "PRT", 2267057, "city")]),
        # A country is a place as a visit's destination ...
        ("en", "Narendra Modi visited Japan on Monday.",
         [("Japan", "JPN", 1861060, "country")]),
        ("fr", "Narendra Modi s'est rendu au Japon lundi.",
         [("Japon", "JPN", 1861060, "country")]),
        ("en", "Narendra Modi will visit Japan.", [("Japan", "JPN", 1861060, "country")]),
        # ... not as an actor or a recipient.
        ("en", "Brazil criticized Argentina.", []),
        ("fr", "Le Canada a envoyé des chars à l'armée polonaise.", []),
        ("fr", "La Russie a livré des drones à l'Iran.", []),
    ],
)  # fmt: skip
def test_places_found(
    coder: Coder, language: str, text: str, expected: list[PlaceRow]
) -> None:
    assert _places(coder(text, language)) == expected


def test_places_event_place_is_where_it_happened(coder: Coder) -> None:
    coded = coder(
        "Olaf Scholz, who met Joe Biden in Washington, criticized China.", "en"
    )
    assert [(e.code, e.place.name if e.place else None) for e in coded.events] == [
        ("040", "Washington"),
        ("040", "Washington"),
        ("111", None),
    ]
