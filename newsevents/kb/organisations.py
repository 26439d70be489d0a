"""Named organisations and groups of countries: the UN, NATO, the Kremlin, KCNA,
"the West", political parties, unions...

Each row of ``kb/data/organisations.tsv`` gives a CAMEO actor code with its
French and English names. The code choices are documented in the header of
that file.

Roles that change with the date live in ``kb/data/org_roles.tsv``, one row per
(organisation, period), like people's terms of office: a political party is
GOV while it governs and OPP otherwise (the French Parti socialiste is FRAOPP
in 2008 and FRAGOV in 2013). Rows are keyed by ``country`` and ``org`` and
apply to every organisation row with that country and org.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from pathlib import Path

from ..errors import DataError
from ..lang import available, normalise
from ..models import Actor
from ._dates import parse_date
from ._tsv import read_tsv
from .agents import parse_roles

__all__ = [
    "DatedCode",
    "NamedActor",
    "actor_on",
    "load_org_roles",
    "load_organisations",
]

DEFAULT_PATH = Path(__file__).resolve().parent / "data" / "organisations.tsv"
ROLES_PATH = Path(__file__).resolve().parent / "data" / "org_roles.tsv"
# Converted from PETRARCH2's Phoenix dictionaries: not reviewed, see base.py.
PHOENIX_PATH = Path(__file__).resolve().parent / "data" / "phoenix_organisations.tsv"

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
    roles: tuple[str, ...] | None = None

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

    def actor_on(self, day: date | None) -> Actor:
        """The actor on ``day``: ``actor`` with the code and roles of the dated
        code covering ``day`` (``actor`` itself when none does or ``day`` is
        None)."""
        return actor_on(self.actor, self.dated, day)


def actor_on(actor: Actor, dated: tuple[DatedCode, ...], day: date | None) -> Actor:
    """``actor`` with the code and roles of the first dated code covering ``day``.

    Roles come from the dated code, or else from its code after the country
    (``FRAGOV`` -> GOV).
    """
    if day is None:
        return actor
    for period in dated:
        if period.covers(day):
            if period.code == actor.code:
                return actor
            roles = period.roles
            if roles is None:
                rest = period.code
                if actor.country and rest.startswith(actor.country):
                    rest = rest[len(actor.country) :]
                roles = tuple(rest[i : i + 3] for i in range(0, len(rest), 3))
            return actor.model_copy(update={"code": period.code, "roles": roles})
    return actor


def load_organisations(
    path: Path | None = None, roles: Path | None = None
) -> tuple[NamedActor, ...]:
    """Load organisations and groups from a TSV file (ours by default, cached),
    with the dated roles of ``roles`` (ours by default; none for a given
    ``path`` unless ``roles`` is given too).

    Raises DataError naming the file and line for a malformed code, country,
    role, kind or Wikidata id, for a code that does not start with its country,
    or for a row without any name; and for a dated role with a bad date or
    role, a start after its end, an organisation that ``path`` lacks or two
    periods of one organisation that overlap.
    """
    if path is None and roles is None:
        return _load_default(available())
    actors = _read(DEFAULT_PATH if path is None else Path(path))
    if roles is None:
        return actors
    return _with_roles(actors, load_org_roles(Path(roles)), Path(roles))


@cache
def _load_default(languages: tuple[str, ...]) -> tuple[NamedActor, ...]:
    """Ours, once per set of languages (each row has names in each)."""
    actors = _read(DEFAULT_PATH)
    return _with_roles(actors, load_org_roles(ROLES_PATH), ROLES_PATH)


def _read(path: Path) -> tuple[NamedActor, ...]:
    rows = read_tsv(path, ("code", "kind"))
    return tuple(_row_actor(path, number, row) for number, row in rows)


def load_org_roles(path: Path) -> dict[tuple[str, str], tuple[DatedCode, ...]]:
    """Read a dated-roles file: ``(country, org)`` -> periods, in start order.

    Columns: ``country org roles start end note``; dates are YYYY, YYYY-MM or
    YYYY-MM-DD (widened to the period), an empty end means still so. Raises
    DataError naming the file and line of a bad row or of a period that
    overlaps an earlier one of the same organisation.
    """
    periods: dict[tuple[str, str], list[tuple[int, DatedCode]]] = {}
    for number, row in read_tsv(path, ("country", "org", "roles", "start")):
        country = row["country"]
        if not _COUNTRY.fullmatch(country):
            raise DataError(path, number, f"bad country {country!r}: want 3 letters")
        roles = parse_roles(row["roles"], path, number)
        start = parse_date(path, number, row["start"], last=False)
        end = parse_date(path, number, row["end"], last=True) if row["end"] else None
        if end is not None and end < start:
            raise DataError(
                path, number, f"start {row['start']} is after end {row['end']}"
            )
        code = country + "".join(roles)
        dated = DatedCode(code, start=start, end=end, roles=roles)
        mine = periods.setdefault((country, row["org"]), [])
        for other_line, other in mine:
            if _overlap(dated, other):
                raise DataError(
                    path,
                    number,
                    f"{row['org']} ({country}) period overlaps the one of line"
                    f" {other_line}",
                )
        mine.append((number, dated))
    return {
        org: tuple(d for _, d in sorted(rows, key=lambda r: r[1].start or date.min))
        for org, rows in periods.items()
    }


def _first_lines(path: Path) -> dict[tuple[str, str], int]:
    lines: dict[tuple[str, str], int] = {}
    for number, row in read_tsv(path, ("country", "org", "roles", "start")):
        lines.setdefault((row["country"], row["org"]), number)
    return lines


def _overlap(one: DatedCode, two: DatedCode) -> bool:
    first = max(one.start or date.min, two.start or date.min)
    last = min(one.end or date.max, two.end or date.max)
    return first <= last


def _with_roles(
    actors: tuple[NamedActor, ...],
    roles: dict[tuple[str, str], tuple[DatedCode, ...]],
    path: Path,
) -> tuple[NamedActor, ...]:
    known = {(a.actor.country, a.actor.org) for a in actors}
    unknown = [pair for pair in roles if pair not in known]
    if unknown:
        country, org = unknown[0]
        raise DataError(
            path,
            _first_lines(path)[(country, org)],
            f"dated roles for {org!r} ({country}): no organisation row has this"
            " country and org",
        )
    return tuple(
        replace(a, dated=roles[(a.actor.country or "", a.actor.org or "")])
        if (a.actor.country or "", a.actor.org or "") in roles
        else a
        for a in actors
    )


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
