"""Named organisations and groups of countries: the UN, NATO, the Kremlin, KCNA,
"the West"...

Each row of ``kb/data/organisations.tsv`` gives a CAMEO actor code with its
French and English names. The code choices are documented in the header of
that file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

from ..errors import DataError
from ..lang import available, normalise
from ..models import Actor
from ._tsv import read_tsv
from .agents import parse_roles

__all__ = ["DatedCode", "NamedActor", "load_organisations"]

DEFAULT_PATH = Path(__file__).resolve().parent / "data" / "organisations.tsv"

_KINDS = ("organisation", "group")
_CODE = re.compile(r"[A-Z0-9]{3,}")
_COUNTRY = re.compile(r"[A-Z]{3}")
_WIKIDATA = re.compile(r"Q[1-9][0-9]*")


@dataclass(frozen=True)
class DatedCode:
    """An actor code that holds only between two dates (both inclusive).

    ``start`` or ``end`` is None when the period is open on that side.
    """

    code: str
    start: date | None = None
    end: date | None = None

    def covers(self, day: date) -> bool:
        """Whether ``day`` falls in the period of this code."""
        if self.start is not None and day < self.start:
            return False
        return self.end is None or day <= self.end


@dataclass(frozen=True)
class NamedActor:
    """An actor with the names that refer to it, by language.

    ``kind`` is a ``models.MentionKind``; ``names`` maps language codes to
    names as written. ``dated`` holds codes restricted to a period (from
    PETRARCH dictionaries); ``actor.code`` is the code used when none applies.
    """

    actor: Actor
    kind: str
    names: dict[str, tuple[str, ...]]
    dated: tuple[DatedCode, ...] = field(default=())

    def code_on(self, day: date) -> str:
        """The actor code in force on ``day``: the first dated code covering it,
        otherwise ``actor.code``."""
        for dated in self.dated:
            if dated.covers(day):
                return dated.code
        return self.actor.code


def load_organisations(path: Path | None = None) -> tuple[NamedActor, ...]:
    """Load organisations and groups from a TSV file (ours by default, cached).

    Raises DataError naming the file and line for a malformed code, country,
    role, kind or Wikidata id, for a code that does not start with its country,
    or for a row without any name.
    """
    if path is None:
        return _load_default()
    return _read(path)


@cache
def _load_default() -> tuple[NamedActor, ...]:
    return _read(DEFAULT_PATH)


def _read(path: Path) -> tuple[NamedActor, ...]:
    rows = read_tsv(path, ("code", "kind"))
    return tuple(_row_actor(path, number, row) for number, row in rows)


def _row_actor(path: Path, number: int, row: dict[str, str]) -> NamedActor:
    # Name columns may be empty in a row, so read_tsv cannot require them; a
    # file without them at all is reported at its first row.
    missing = [name for name in ("names_fr", "names_en") if name not in row]
    if missing:
        raise DataError(path, number, f"missing column(s) {missing}")
    code = row["code"]
    if not _CODE.fullmatch(code):
        raise DataError(path, number, f"bad code {code!r}: want upper-case A-Z0-9")
    country = row.get("country") or None
    if country is not None:
        if not _COUNTRY.fullmatch(country):
            raise DataError(path, number, f"bad country {country!r}: want 3 letters")
        if not code.startswith(country):
            raise DataError(
                path, number, f"code {code!r} does not start with country {country!r}"
            )
    kind = row["kind"]
    if kind not in _KINDS:
        raise DataError(path, number, f"bad kind {kind!r}: want one of {_KINDS}")
    wikidata = row.get("wikidata") or None
    if wikidata is not None and not _WIKIDATA.fullmatch(wikidata):
        raise DataError(path, number, f"bad wikidata id {wikidata!r}: want Q123")
    # A language without a column in the file has no names there.
    names = {lang: _split_names(row.get(f"names_{lang}", "")) for lang in available()}
    if not any(names.values()):
        raise DataError(path, number, f"no name for {code!r}")
    first = next(iter(names["en"] or names["fr"] or sum(names.values(), ())))
    actor = Actor(
        code=code,
        country=country,
        roles=parse_roles(row.get("roles", ""), path, number),
        org=row.get("org") or None,
        name=first,
        wikidata=wikidata,
    )
    return NamedActor(actor=actor, kind=kind, names=names)


def _split_names(value: str) -> tuple[str, ...]:
    names = (" ".join(normalise(part).split()) for part in value.split("|"))
    return tuple(dict.fromkeys(name for name in names if name))
