from __future__ import annotations

import pytest

from newsevents.errors import UnsupportedLanguage
from newsevents.nlp.language import check_language, detect


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Le président russe a signé un accord avec la Corée du Nord.", "fr"),
        ("The Russian president signed an agreement with North Korea.", "en"),
        ("Les manifestants ont protesté samedi à Dakar contre le report.", "fr"),
        ("Poutine et Kim", "fr"),
    ],
)
def test_language_detect(text: str, expected: str) -> None:
    assert detect(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Der russische Präsident hat am Mittwoch in der Hauptstadt ein Abkommen über "
        "die strategische Partnerschaft mit Nordkorea unterzeichnet, teilte der Kreml mit.",
        "El presidente ruso firmó el miércoles un acuerdo de asociación estratégica con "
        "Corea del Norte durante una cumbre en la capital, según el Kremlin.",
    ],
)
def test_language_detect_rejects_others(text: str) -> None:
    with pytest.raises(UnsupportedLanguage, match="neither French nor English"):
        detect(text, "x.txt")


def test_language_check_lists_available() -> None:
    with pytest.raises(UnsupportedLanguage, match="Available: en, fr"):
        check_language("de")
