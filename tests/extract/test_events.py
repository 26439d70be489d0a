"""Events (newsevents/extract/events.py): the whole Event model of one
sentence, and how date, place, attribution and symmetry attach."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from newsevents.models import CodedArticle

Coder = Callable[..., CodedArticle]  # the session fixture `coder`

MODI_VISIT: dict[str, Any] = {
    "source": {"code": "INDGOV", "country": "IND", "roles": ["GOV"], "org": None,
               "name": "Narendra Modi", "wikidata": "Q1058"},
    "target": {"code": "JPN", "country": "JPN", "roles": [], "org": None,
               "name": "Japan", "wikidata": None},
    "code": "042", "root": "04", "quad_class": 1, "goldstein": 1.9,
    "label": "Make a visit", "plover_type": "CONSULT", "plover_mode": "visit",
    "modality": "asserted", "attribution": None,
    "date": {"text": "on Monday", "value": "2024-06-17", "precision": "day",
             "start": 28, "end": 37, "relation": None, "until": None},
    # Japan named as a whole sits at its capital (no reviewed centre).
    "place": {"name": "Japan", "geonameid": 1861060, "lat": 35.6895,
              "lon": 139.69171, "country": "JPN", "kind": "country", "start": 22,
              "end": 27, "text": "Japan", "precision": "country",
              "why": "a country name"},
    "evidence": [{"start": 0, "end": 27, "text": "Narendra Modi visited Japan",
                  "sentence": 0}],
    "confidence": 0.9, "trigger": "en.visit", "pattern": "active", "symmetric": False,
    "intended_code": None,
}  # fmt: skip


def test_events_whole_model(coder: Coder) -> None:
    [event] = coder("Narendra Modi visited Japan on Monday.", "en").events
    got = event.model_dump(mode="json")
    assert got["place"]["lat"] == pytest.approx(MODI_VISIT["place"]["lat"])
    got["place"]["lat"] = MODI_VISIT["place"]["lat"]
    assert got == MODI_VISIT


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # The stated date, or the publication date when none is stated.
        ("en", "Narendra Modi phoned Olaf Scholz on Friday.",
         [("INDGOV", "041", "DEUGOV", "2024-06-14", "day"),
          ("DEUGOV", "041", "INDGOV", "2024-06-14", "day")]),
        ("fr", "Narendra Modi s'est rendu au Japon lundi.",
         [("INDGOV", "042", "JPN", "2024-06-17", "day")]),
        ("en", "Russia's invasion of Georgia began in August 2008.",
         [("RUSGOV", "192", "GEO", "2008-08", "month")]),
        ("en", "Brazil criticized Argentina.",
         [("BRAGOV", "111", "ARGGOV", "2024-06-19", "publication")]),
    ],
)  # fmt: skip
def test_events_dates(
    coder: Coder, language: str, text: str, expected: list[tuple[str, ...]]
) -> None:
    coded = coder(text, language)
    assert [
        (e.source.code, e.code, e.target.code, e.date.value, e.date.precision)
        for e in coded.events
        if e.source and e.target and e.date
    ] == expected


def test_events_attribution(coder: Coder) -> None:
    for language, text, agency in [
        ("en", "According to Reuters, Kenya condemned Uganda.", "GBRMED"),
        ("fr", "Selon l'AFP, le Kenya a condamné l'Ouganda.", "FRAMED"),
    ]:
        [event] = coder(text, language).events
        assert (event.code, event.attribution and event.attribution.code) == (
            "111", agency,
        )  # fmt: skip


def test_events_symmetric_codes_both_directions(coder: Coder) -> None:
    coded = coder("Narendra Modi phoned Olaf Scholz on Friday.", "en")
    assert [(e.source and e.source.code, e.target and e.target.code, e.symmetric)
            for e in coded.events] == [
        ("INDGOV", "DEUGOV", True), ("DEUGOV", "INDGOV", True),
    ]  # fmt: skip


def test_events_without_publication_date_have_no_date(coder: Coder) -> None:
    [event] = coder("Brazil criticized Argentina.", "en", None).events
    assert event.date is None
