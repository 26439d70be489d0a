"""People with terms of office: who held which post, when, under which names.

The bundled ``data/people.tsv`` has one row per (person, office term) with the
columns ``wikidata name country roles org position start end`` and an
``aliases_<iso>`` column per language (``aliases_fr``, ``aliases_en``), plus
``source`` in converted files (see ``convert_phoenix``).
Rows of the same person (same Wikidata id, or same name when the id is
empty) are merged into one :class:`Person`. ``Person.actor_at(day)``
gives the CAMEO actor the person was on that day: ``RUSGOV`` while Putin is in
office, plain ``UKR`` for Dmytro Kuleba once he has left it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..errors import DataError
from ..lang import available
from ..models import Actor
from ._dates import parse_date
from ._tsv import read_tsv

__all__ = ["DEFAULT_PATH", "PHOENIX_PATH", "POSITIONS", "Person", "Term", "load_people"]

DEFAULT_PATH = Path(__file__).parent / "data" / "people.tsv"
# Converted from PETRARCH2's Phoenix dictionaries: not reviewed, see base.py.
PHOENIX_PATH = Path(__file__).parent / "data" / "phoenix_people.tsv"

# Most senior first: when two terms cover the same day, the first one wins.
POSITIONS: tuple[str, ...] = (
    "head_of_state",
    "head_of_government",
    "foreign_minister",
    "defence_minister",
    "interior_minister",
    "justice_minister",
    "other",
)

# CAMEO-style codes of the organisations whose officials we list.
_ORG_CODES: dict[str, str] = {"UN": "UNO", "NATO": "NAT", "EU": "EUR"}

_COLUMNS = ("name", "country", "position", "start")
_QID = re.compile(r"^Q[1-9]\d*$")
_COUNTRY = re.compile(r"^[A-Z]{3}$")
_ROLE = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True)
class Term:
    """One term of office: a post held in a country or organisation.

    Partial dates are widened: a start ``2024-06`` is 1 June, an end ``2024``
    is 31 December. ``end`` None means still in office. ``position`` is one of
    :data:`POSITIONS`; ``title`` is the optional free-text detail.
    """

    country: str
    roles: tuple[str, ...]
    org: str | None
    position: str
    start: date
    end: date | None
    title: str | None = None

    def covers(self, when: date) -> bool:
        """Whether the person held this post on ``when`` (both ends included)."""
        return self.start <= when and (self.end is None or when <= self.end)

    @property
    def seniority(self) -> int:
        """Rank of the post, 0 for the most senior (head of state)."""
        return POSITIONS.index(self.position)

    def distance(self, when: date) -> int:
        """Days between ``when`` and this term, 0 when the term covers it."""
        if when < self.start:
            return (self.start - when).days
        if self.end is not None and when > self.end:
            return (when - self.end).days
        return 0


@dataclass(frozen=True)
class Person:
    """A person with their names in each language and their terms of office."""

    name: str
    wikidata: str | None
    names: dict[str, tuple[str, ...]]
    terms: tuple[Term, ...]

    def actor_at(self, when: date | None) -> Actor:
        """The CAMEO actor this person was on ``when``.

        In office: country plus roles (``RUSGOV``; ``IGOUNO`` for UN
        officials), from the most senior term covering ``when``. Out of
        office: the country of the nearest national term, no roles. With
        ``when`` None, the current (or else the last) term is used.
        """
        if when is None:
            return self._in_office(_latest(self.terms))
        covering = [term for term in self.terms if term.covers(when)]
        if covering:
            best = min(covering, key=lambda t: (t.seniority, -t.start.toordinal()))
            return self._in_office(best)
        # An IGO post says nothing of nationality: prefer a national term.
        national = [term for term in self.terms if term.country != "IGO"]
        nearest = min(national or self.terms, key=lambda t: t.distance(when))
        return Actor(
            code=nearest.country,
            country=nearest.country,
            name=self.name,
            wikidata=self.wikidata,
        )

    def _in_office(self, term: Term) -> Actor:
        prefix = term.country
        if term.org is not None:
            prefix += _ORG_CODES[term.org]
        return Actor(
            code=prefix + "".join(term.roles),
            country=term.country,
            roles=term.roles,
            org=term.org,
            name=self.name,
            wikidata=self.wikidata,
        )


def load_people(path: Path | None = None) -> tuple[Person, ...]:
    """Load the people file (the bundled one by default), merging rows by person.

    Raises DataError naming the file and line of a bad row: a bad date,
    position, country, role, organisation or Wikidata id, a start after the
    end, or a Wikidata id given to two different names.
    """
    if path is None:
        return _load_default()
    return _load(Path(path))


def _load_default() -> tuple[Person, ...]:
    return _load_for(available())


@functools.cache
def _load_for(langs: tuple[str, ...]) -> tuple[Person, ...]:
    return _load(DEFAULT_PATH)


def _load(path: Path) -> tuple[Person, ...]:
    order: list[str] = []
    langs = available()
    rows: dict[str, list[tuple[Term, dict[str, list[str]]]]] = {}
    idents: dict[str, tuple[str, str | None]] = {}
    name_of_qid: dict[str, str] = {}
    for line, row in read_tsv(path, _COLUMNS):
        name = row["name"]
        qid = row.get("wikidata") or None
        if qid is not None:
            if not _QID.match(qid):
                raise DataError(path, line, f"bad Wikidata id {qid!r}; use Q123")
            other = name_of_qid.setdefault(qid, name)
            if other != name:
                raise DataError(
                    path, line, f"{qid} is given to {name!r} and to {other!r}"
                )
        # Rows of one person share a Wikidata id, else a name; converted files
        # also give the source entry, so that namesakes stay apart.
        key = qid or f"{name}\t{row.get('source', '')}"
        term = _parse_term(path, line, row)
        if key not in rows:
            order.append(key)
            rows[key] = []
            idents[key] = (name, qid)
        aliases = {lang: _split(row.get(f"aliases_{lang}", "")) for lang in langs}
        rows[key].append((term, aliases))
    return tuple(_person(*idents[key], rows[key]) for key in order)


def _person(
    name: str, qid: str | None, rows: list[tuple[Term, dict[str, list[str]]]]
) -> Person:
    names = {
        lang: _unique([name, *(alias for _, by in rows for alias in by[lang])])
        for lang in rows[0][1]
    }
    terms = tuple(sorted((term for term, _ in rows), key=lambda t: t.start))
    return Person(name=name, wikidata=qid, names=names, terms=terms)


def _parse_term(path: Path, line: int, row: dict[str, str]) -> Term:
    country = row["country"]
    if not _COUNTRY.match(country):
        raise DataError(
            path, line, f"bad country {country!r}; use ISO alpha-3 such as RUS or IGO"
        )
    roles = tuple(_split(row.get("roles", ""), ","))
    bad_roles = [role for role in roles if not _ROLE.match(role)]
    if bad_roles:
        raise DataError(path, line, f"bad role code(s) {bad_roles}; use e.g. GOV")
    org = row.get("org") or None
    if country == "IGO" and org not in _ORG_CODES:
        raise DataError(
            path, line, f"IGO row needs org in {sorted(_ORG_CODES)}, got {org!r}"
        )
    if country != "IGO" and org is not None:
        raise DataError(path, line, f"org {org!r} on a non-IGO row ({country})")
    kind, _, title = row["position"].partition(":")
    kind = kind.strip()
    if kind not in POSITIONS:
        raise DataError(
            path,
            line,
            f"unknown position {row['position']!r}; use one of {', '.join(POSITIONS)}"
            " optionally followed by ': title'",
        )
    start = parse_date(path, line, row["start"], last=False)
    end = parse_date(path, line, row["end"], last=True) if row.get("end") else None
    if end is not None and start > end:
        raise DataError(path, line, f"start {row['start']} is after end {row['end']}")
    return Term(
        country=country,
        roles=roles,
        org=org,
        position=kind,
        start=start,
        end=end,
        title=title.strip() or None,
    )


def _latest(terms: Iterable[Term]) -> Term:
    """The current term (most senior if several), else the last one to end."""
    terms = list(terms)
    current = [term for term in terms if term.end is None]
    if current:
        return min(current, key=lambda t: (t.seniority, -t.start.toordinal()))
    return max(terms, key=lambda t: (t.end or date.max, -t.seniority))


def _split(text: str, sep: str = "|") -> list[str]:
    return [part.strip() for part in text.split(sep) if part.strip()]


def _unique(names: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(names))
