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
        # demonyms name their country (issue 12)
        ("en", "The Turkish defence minister met his Greek counterpart in Athens.",
         [("Turkish", "TUR", 298795, "country"), ("Greek", "GRC", 390903, "country"),
          ("Athens", "GRC", 264371, "city")]),
        ("fr", "Le ministre turc de la Défense a rencontré son homologue grec à Athènes.",
         [("turc", "TUR", 298795, "country"), ("grec", "GRC", 390903, "country"),
          ("Athènes", "GRC", 264371, "city")]),
        ("en", "It rained in Lisbon on Tuesday.", [("Lisbon", "PRT", 2267057, "city")]),
        ("fr", "Il a plu mardi à Lisbonne.", [("Lisbonne", "PRT", 2267057, "city")]),
        # A country is a place as a visit's destination ...
        ("en", "Narendra Modi visited Japan on Monday.",
         [("Japan", "JPN", 1861060, "country")]),
        ("fr", "Narendra Modi s'est rendu au Japon lundi.",
         [("Japon", "JPN", 1861060, "country")]),
        ("en", "Narendra Modi will visit Japan.", [("Japan", "JPN", 1861060, "country")]),
        # ... as an actor or a recipient, a toponym but no event's place
        # (see test_places_actors_are_toponyms_not_event_places).
        ("en", "Brazil criticized Argentina.",
         [("Brazil", "BRA", 3469034, "country"),
          ("Argentina", "ARG", 3865483, "country")]),
        ("fr", "Le Canada a envoyé des chars à l'armée polonaise.",
         [("Canada", "CAN", 6251999, "country"),
          ("polonaise", "POL", 798544, "country")]),
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


def test_places_actors_are_toponyms_not_event_places(coder: Coder) -> None:
    coded = coder("Brazil criticized Argentina.", "en")
    assert [p.precision for p in coded.places] == ["country", "country"]
    assert [(e.code, e.place) for e in coded.events] == [("111", None)]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # a landmark's name ends at its noun: never a fragment after it
        ("en", 'Thousands marched to Trafalgar Square." But Mr Straw said no.',
         [("Trafalgar Square", "landmark")]),
        # a street address, in the town named after it
        ("fr", "Ils se sont rassemblés au 12 rue de Rivoli à Paris.",
         [("12 rue de Rivoli", "landmark"), ("Paris", "city")]),
        ("en", "Police searched a house at 10 Downing Street in London.",
         [("10 Downing Street", "landmark"), ("London", "city")]),
        # admin-1 regions
        ("fr", "Des affrontements ont éclaté en Bretagne.", [("Bretagne", "admin1")]),
        ("en", "Shelling hit villages in Kherson province.",
         [("Kherson province", "admin1")]),
        ("en", "Victims in Benue state are mostly women.",
         [("Benue state", "admin1")]),
    ],
)  # fmt: skip
def test_places_precision(
    coder: Coder, language: str, text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(p.text, p.precision) for p in coder(text, language).places] == expected


def test_places_street_in_its_town(coder: Coder) -> None:
    coded = coder("Ils se sont rassemblés au 12 rue de Rivoli à Paris.", "fr")
    street = coded.places[0]
    assert (street.country, round(street.lat or 0, 2)) == ("FRA", 48.85)
    assert street.why == "in Paris, named after it"


def test_places_paris_texas_only_when_the_text_says_texas(coder: Coder) -> None:
    texas = coder("A tornado destroyed homes in Paris, Texas, on Tuesday.", "en")
    alone = coder("A tornado destroyed homes in Paris on Tuesday.", "en")
    assert [(p.text, p.country) for p in texas.places][0] == ("Paris", "USA")
    assert [(p.text, p.country) for p in alone.places] == [("Paris", "FRA")]


def test_places_no_region_from_state_media_and_spaces(coder: Coder) -> None:
    coded = coder("Syrian state TV said on Thursday that\n\n forces advanced.", "en")
    assert [(p.text, p.precision) for p in coded.places] == [("Syrian", "country")]


@pytest.mark.issue
@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # a country named by a code too short for the gazetteer
        ("en", "The US and the UK expelled diplomats.",
         [("US", "USA"), ("UK", "GBR")]),
        # countries inside other actors' mentions
        ("en", "Tunisian authorities questioned Russia's ambassador.",
         [("Tunisian", "TUN"), ("Russia", "RUS")]),
        ("fr", "Les autorités tunisiennes ont convoqué l'ambassadeur russe.",
         [("tunisiennes", "TUN"), ("russe", "RUS")]),
        # a regional group is its continent
        ("en", "Europe and the African Union met in Addis Ababa.",
         [("Europe", None), ("Addis Ababa", "ETH")]),
        # a name taken for a person, but where people travel from
        ("en", "Drivers travelling from Cirencester faced delays.",
         [("Cirencester", "GBR")]),
        # a dateline, its region abbreviated: Glasgow, Kentucky
        ("en", "GLASGOW, Ky. (WBKO) -- One woman has died.",
         [("GLASGOW", "USA"), ("Ky.", "USA")]),
        # a town starting an outlet's name merged into one token
        ("en", "The Washington Post reported the fire.", [("Washington", "USA")]),
        # a region's name, not its demonym's country
        ("en", "The house will be seized under British Columbia's law.",
         [("British Columbia", "CAN")]),
        # a person's first name is no town, even a merged one
        ("en", "Vladimir Putin hosted the Chinese president.", [("Chinese", "CHN")]),
        ("fr", "La Maison-Blanche a critiqué la Chine.", [("Chine", "CHN")]),
    ],
)  # fmt: skip
def test_issue_12_toponyms(
    coder: Coder, language: str, text: str, expected: list[tuple[str, str | None]]
) -> None:
    coded = coder(text, language)
    assert [(p.text, p.country) for p in coded.places] == expected


@pytest.mark.issue
def test_issue_12_demonyms_are_toponyms_not_event_places(coder: Coder) -> None:
    coded = coder("Les autorités françaises ont condamné l'attaque.", "fr")
    assert [(p.text, p.precision) for p in coded.places] == [("françaises", "country")]
    assert [e.place for e in coded.events] == [None]


@pytest.mark.issue
@pytest.mark.parametrize(
    "text",
    [
        "The letter came from Smith, the lawyer.",  # a hamlet's name: no town
        "Talks between Kim and Moon ended.",  # "between" people
        "Vladimir Putin met the press.",
    ],
)
def test_issue_12_people_are_not_towns(coder: Coder, text: str) -> None:
    assert [p.text for p in coder(text, "en").places] == []


@pytest.mark.issue
@pytest.mark.parametrize(
    ("language", "text", "place"),
    [
        # a demonym places an event when nothing else does ...
        ("en", "Russian forces attacked a Syrian village.", ("Syrian", "country")),
        ("fr", "L'armée russe a bombardé un village syrien.", ("syrien", "country")),
        # ... never before a town, nor from the event's own actors
        ("en", "Russian forces attacked a Syrian village near Aleppo.",
         ("Aleppo", "city")),
        ("fr", "Les autorités françaises ont condamné l'attaque.", None),
    ],
)  # fmt: skip
def test_issue_12_demonym_places_an_event_only_alone(
    coder: Coder, language: str, text: str, place: tuple[str, str] | None
) -> None:
    events = coder(text, language).events
    assert events
    assert {(e.place.text, e.place.precision) if e.place else None for e in events} == {
        place
    }
