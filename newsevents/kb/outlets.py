"""News outlets and their home countries (``data/outlets.tsv``).

An unqualified national agent ("le gouvernement") in an article belongs to
the article's home country; the outlet's country is one clue to it.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import DataError
from ._tsv import read_tsv

__all__ = ["load_outlets", "outlet_country"]

_PATH = Path(__file__).parent / "data" / "outlets.tsv"
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def _outlet_key(name: str) -> str:
    """ "Le Monde", "lemonde.fr", "LeMonde.xml", "https://www.lemonde.fr/a/b"
    -> "lemonde"."""
    name = name.lower()
    if "://" in name:
        name = urlsplit(name).hostname or ""
    name = name.rsplit("/", 1)[-1]
    for suffix in (".xml", ".rss", ".txt", ".json"):
        name = name.removesuffix(suffix)
    name = name.removeprefix("www.")
    for tld in (".fr", ".com", ".co.uk", ".be", ".ch", ".ca", ".org", ".net"):
        name = name.removesuffix(tld)
    return _NOT_ALNUM.sub("", name)


@cache
def load_outlets(path: Path = _PATH) -> dict[str, str]:
    """Outlet key -> ISO alpha-3. Raises DataError naming the file and line
    of a bad country code."""
    table: dict[str, str] = {}
    for number, row in read_tsv(path, ("outlet", "country")):
        country = row["country"].upper()
        if len(country) != 3 or not country.isalpha():
            raise DataError(path, number, f"bad ISO alpha-3 code {country!r}")
        table[_outlet_key(row["outlet"])] = country
    return table


def outlet_country(source: str) -> str | None:
    """The home country of the outlet named by ``source`` (a name, a domain
    or a feed file), or None when it is not listed."""
    return load_outlets().get(_outlet_key(source))
