"""Place names that stand for an organisation when they act: "Bruxelles" is the
EU ("Bruxelles exige des garanties"), while "à Bruxelles" is a place in
Belgium.

Rows of ``kb/data/metonyms.tsv``: ``lang name place code country roles org
note``. They sit beside the capitals (``capitals.tsv``), which stand for their
own country's government.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..errors import DataError
from ..models import Actor
from ._tsv import check_lang, read_tsv
from .agents import parse_roles

__all__ = ["DEFAULT_PATH", "Metonym", "load_metonyms"]

DEFAULT_PATH = Path(__file__).resolve().parent / "data" / "metonyms.tsv"


_CODE = re.compile(r"[A-Z0-9]{3,}")
_COUNTRY = re.compile(r"[A-Z]{3}")


@dataclass(frozen=True)
class Metonym:
    """A place name (in ``lang``) whose place is in ``place`` and which stands
    for ``actor`` when it acts."""

    lang: str
    name: str
    place: str
    actor: Actor


def load_metonyms(path: Path | None = None) -> tuple[Metonym, ...]:
    """Load the metonyms file (ours by default, cached).

    Raises DataError naming the file and line for a bad language, place,
    country, code or role, or a code that does not start with its country.
    """
    if path is None:
        return _load_default()
    return _read(Path(path))


@cache
def _load_default() -> tuple[Metonym, ...]:
    return _read(DEFAULT_PATH)


def _read(path: Path) -> tuple[Metonym, ...]:
    out: list[Metonym] = []
    required = ("lang", "name", "place", "code", "country")
    for number, row in read_tsv(path, required):
        check_lang(path, number, row["lang"])
        for column in ("place", "country"):
            if not _COUNTRY.fullmatch(row[column]):
                raise DataError(
                    path, number, f"bad {column} {row[column]!r}: want 3 letters"
                )
        code = row["code"]
        if not _CODE.fullmatch(code) or not code.startswith(row["country"]):
            raise DataError(
                path,
                number,
                f"bad code {code!r}: want upper-case A-Z0-9 starting with"
                f" {row['country']}",
            )
        actor = Actor(
            code=code,
            country=row["country"],
            roles=parse_roles(row.get("roles", ""), path, number),
            org=row.get("org") or None,
            name=row["name"],
        )
        out.append(Metonym(row["lang"], row["name"], row["place"], actor))
    return tuple(out)
