"""The one event filter of the API, the web pages, the CLI and the exports:
its names (the same in a URL query and on the command line, where ``_``
is written ``-``), their parsing from strings, and the SQL it stands for.

Every count of the service goes through ``event_where``, so that the
overview, the network, a dyad, a trend and an event list count the same
events for the same filter. Actor codes match as prefixes (``FRA`` matches
``FRAGOV``) unless ``match=exact``; the network counts exact code pairs and
links to its edges with ``match=exact``, so its counts are the dyad's."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Literal, get_args

from ..errors import BadParameter, BadQuery
from ..models import Modality
from .backend import DUCKDB, Dialect

__all__ = [
    "FILTERS",
    "MODALITIES",
    "EventFilter",
    "event_where",
    "parse_filters",
    "undated_filter",
]

MODALITIES: tuple[str, ...] = get_args(Modality)
Match = Literal["prefix", "exact"]

# The filters, their help text and an example; the order of forms and --help.
FILTERS: dict[str, tuple[str, str]] = {
    "actor": ("Source actor code (prefix: RUS matches RUSMIL).", "RUS"),
    "target": ("Target actor code (prefix).", "UKR"),
    "undirected": ("1: actor and target in either direction.", "1"),
    "match": ("prefix (default) or exact: how actor codes match.", "exact"),
    "actor_country": ("Source actor's country, ISO alpha-3 or group.", "RUS"),
    "actor_role": ("Source actor's role: GOV, MIL, REB...", "MIL"),
    "target_country": ("Target actor's country.", "UKR"),
    "target_role": ("Target actor's role.", "GOV"),
    "code": ("CAMEO event codes or prefixes, | between them.", "14|18|19"),
    "quad": ("Quad classes 1-4, | between them (3|4: conflict).", "3|4"),
    "goldstein": ("Goldstein range LOW..HIGH, either side optional.", "-10..-5"),
    "modality": ("Modalities, | between them: " + ", ".join(MODALITIES) + ".", ""),
    "language": ("Article languages, | between them.", "fr|en"),
    "outlet": ("Outlets (name or web site), | between them.", "Le Monde"),
    "place": ("Place name or country code of the event.", "Paris"),
    "place_country": ("Countries of the event's place, | between them.", "FRA"),
    "since": ("First day, YYYY-MM-DD.", "2024-01-01"),
    "until": ("Last day, YYYY-MM-DD.", "2024-12-31"),
    "q": ("Words in the evidence, the article's title or text.", "sommet"),
}

_ACTOR = re.compile(r"^[A-Za-z0-9]{1,32}$")
_PART = re.compile(r"^[A-Za-z]{3}$")
_CODE = re.compile(r"^[0-9]{1,4}[A-Za-z]?$")
_OUTLET = re.compile(r"^[^|]{1,100}$")
_LANGUAGE = re.compile(r"^[a-z]{2,3}$")
# The 3-letter parts of an actor code in which a role can stand.
_ROLE_PARTS = (1, 4, 7, 10, 13)


@dataclass(frozen=True)
class EventFilter:
    """Which events to count or list. Lists (``code``, ``quad``,
    ``modality``, ``language``, ``outlet``, ``place_country``) are strings
    with ``|`` between values, so that a filter is hashable (a cache key)
    and reads as it was written; ``None`` or empty means any."""

    actor: str | None = None
    target: str | None = None
    code: str | None = None
    since: date | None = None
    until: date | None = None
    place: str | None = None
    modality: str | None = None
    limit: int = 100
    offset: int = 0
    undirected: bool = False
    match: Match = "prefix"
    actor_country: str | None = None
    actor_role: str | None = None
    target_country: str | None = None
    target_role: str | None = None
    quad: str | None = None
    goldstein_min: float | None = None
    goldstein_max: float | None = None
    language: str | None = None
    outlet: str | None = None
    place_country: str | None = None
    q: str | None = None

    def query(self) -> dict[str, str]:
        """The filter as URL query parameters (no page), for links."""
        out: dict[str, str] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name in ("limit", "offset", "goldstein_min", "goldstein_max"):
                continue
            if value in (None, False, "") or (f.name == "match" and value == "prefix"):
                continue
            out[f.name] = "1" if value is True else str(value)
        if self.goldstein_min is not None or self.goldstein_max is not None:
            low = "" if self.goldstein_min is None else f"{self.goldstein_min:g}"
            high = "" if self.goldstein_max is None else f"{self.goldstein_max:g}"
            out["goldstein"] = f"{low}..{high}"
        return out


def _values(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


def _blank(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _listed(name: str, value: str | None, pattern: re.Pattern[str], want: str,
            upper: bool = False) -> str | None:  # fmt: skip
    items = _values(value)
    for item in items:
        if not pattern.match(item):
            raise BadParameter(f"{name} {item!r}: want {want}")
    if upper:
        items = [i.upper() for i in items]
    return "|".join(dict.fromkeys(items)) or None


def _day(name: str, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise BadParameter(f"{name} {value!r}: want a date as YYYY-MM-DD") from None


def _goldstein(value: str | None) -> tuple[float | None, float | None]:
    if value is None:
        return None, None
    low, sep, high = value.partition("..")
    try:
        if not sep:
            exact = float(value)
            return exact, exact
        bounds = (float(low) if low.strip() else None,
                  float(high) if high.strip() else None)  # fmt: skip
    except ValueError:
        raise BadParameter(
            f"goldstein {value!r}: want a range LOW..HIGH between -10 and 10, "
            "such as -10..-5 or 5.."
        ) from None
    if None not in bounds and bounds[0] > bounds[1]:  # type: ignore[operator]
        raise BadParameter(f"goldstein {value!r}: LOW is above HIGH; swap them")
    return bounds


def parse_filters(
    values: Mapping[str, object], limit: int = 100, offset: int = 0
) -> EventFilter:
    """The filter given as strings by name (a URL query, CLI options); blank
    values count as absent. Raises BadParameter for an unknown name or a
    value we cannot use, naming both."""
    unknown = sorted(set(values) - set(FILTERS))
    if unknown:
        raise BadParameter(
            f"unknown filter {unknown[0]!r}; the filters are {', '.join(FILTERS)}"
        )
    raw = {k: _blank(v) for k, v in values.items()}
    actors: dict[str, str | None] = {}
    for name in ("actor", "target"):
        value = raw.get(name)
        if value is not None and not _ACTOR.match(value):
            raise BadParameter(
                f"{name} {value!r}: want a CAMEO actor code such as RUS or FRAGOV"
            )
        actors[name] = value.upper() if value else None
    for name in ("actor_country", "actor_role", "target_country", "target_role"):
        value = raw.get(name)
        if value is not None and not _PART.match(value):
            raise BadParameter(
                f"{name} {value!r}: want a 3-letter code such as "
                + ("MIL" if name.endswith("role") else "RUS")
            )
        actors[name] = value.upper() if value else None
    match = raw.get("match") or "prefix"
    if match not in get_args(Match):
        raise BadParameter(f"match {match!r}: want prefix or exact")
    undirected = (raw.get("undirected") or "0").lower()
    if undirected not in ("0", "1", "true", "false", "yes", "no"):
        raise BadParameter(f"undirected {undirected!r}: want 1 or 0")
    since, until = _day("since", raw.get("since")), _day("until", raw.get("until"))
    if since and until and since > until:
        raise BadParameter(f"since {since} is after until {until}; swap them")
    low, high = _goldstein(raw.get("goldstein"))
    place, q = raw.get("place"), raw.get("q")
    if place is not None and len(place) > 100:
        raise BadParameter("place: longer than 100 characters")
    if q is not None and len(q) > 200:
        raise BadParameter("q: longer than 200 characters")
    modalities = _values(raw.get("modality"))
    for m in modalities:
        if m not in MODALITIES:
            raise BadParameter(f"modality {m!r}: want one of {', '.join(MODALITIES)}")
    return EventFilter(
        **actors, match=match, undirected=undirected in ("1", "true", "yes"),  # type: ignore[arg-type]
        code=_listed("code", raw.get("code"), _CODE, "CAMEO event codes like 14|042"),
        quad=_listed("quad", raw.get("quad"), re.compile("^[1-4]$"), "1, 2, 3 or 4"),
        goldstein_min=low, goldstein_max=high,
        modality="|".join(modalities) or None,
        language=_listed("language", raw.get("language"), _LANGUAGE, "fr, en..."),
        outlet=_listed("outlet", raw.get("outlet"), _OUTLET, "an outlet name"),
        place=place, q=q, since=since, until=until,
        place_country=_listed("place_country", raw.get("place_country"), _PART,
                              "ISO alpha-3 codes like FRA", upper=True),
        limit=limit, offset=offset,
    )  # fmt: skip


def undated_filter(filters: EventFilter) -> EventFilter:
    """The filter without its dates: what a count of undated events uses."""
    return replace(filters, since=None, until=None)


def _in(column: str, values: list[object], params: list[object]) -> str:
    params.extend(values)
    return f"{column} IN ({', '.join('?' * len(values))})"


def _actor(column: str, value: str, match: Match, params: list[object]) -> str:
    params.append(value.upper())
    # starts_with is several times faster than LIKE with an escape clause.
    return f"{column} = ?" if match == "exact" else f"starts_with({column}, ?)"


def _role(column: str, role: str, params: list[object]) -> str:
    params.extend([role] * len(_ROLE_PARTS))
    parts = [f"substr({column}, {p}, 3) = ?" for p in _ROLE_PARTS]
    return "(" + " OR ".join(parts) + ")"


def _side(filters: EventFilter, source: str, target: str,
          params: list[object]) -> list[str]:  # fmt: skip
    """The conditions on the actors with ``source`` as the source's side."""
    out = []
    for column, value in ((source, filters.actor), (target, filters.target)):
        if value:
            out.append(_actor(f"e.{column}_code", value, filters.match, params))
    for side, given_country, given_role in (
        (source, filters.actor_country, filters.actor_role),
        (target, filters.target_country, filters.target_role),
    ):
        if given_country:
            params.append(given_country)
            out.append(f"e.{side}_country = ?")
        if given_role:
            out.append(_role(f"e.{side}_code", given_role, params))
    return out


def event_where(
    filters: EventFilter, sql: Dialect = DUCKDB
) -> tuple[str, list[object]]:
    """The WHERE clause (possibly empty) and parameters of a filter, on the
    ``events`` table aliased ``e``. Actor codes match in any case (``usa``
    is ``USA``). Raises BadQuery for an unknown modality."""
    where: list[str] = []
    params: list[object] = []
    modalities = _values(filters.modality)
    for m in modalities:
        if m not in MODALITIES:
            raise BadQuery(f"modality {m!r}: want one of {', '.join(MODALITIES)}")
    forward = _side(filters, "source", "target", params)
    if filters.undirected and forward:
        back_params: list[object] = []
        backward = _side(filters, "target", "source", back_params)
        params.extend(back_params)
        where.append(f"(({' AND '.join(forward)}) OR ({' AND '.join(backward)}))")
    else:
        where.extend(forward)
    codes = [c.upper() for c in _values(filters.code)]
    if codes:
        params.extend(codes)
        where.append("(" + " OR ".join(["starts_with(e.code, ?)"] * len(codes)) + ")")
    if filters.quad:
        where.append(_in("e.quad_class", [int(v) for v in _values(filters.quad)],
                         params))  # fmt: skip
    if filters.goldstein_min is not None:
        where.append("e.goldstein >= ?")
        params.append(filters.goldstein_min)
    if filters.goldstein_max is not None:
        where.append("e.goldstein <= ?")
        params.append(filters.goldstein_max)
    if filters.since:
        where.append("e.event_date >= ?")
        params.append(filters.since)
    if filters.until:
        where.append("e.event_date <= ?")
        params.append(filters.until)
    if filters.place:
        where.append("(e.place_name ILIKE ? OR e.place_country = ?)")
        params.extend([filters.place, filters.place.upper()])
    if filters.place_country:
        where.append(_in("e.place_country", list(_values(filters.place_country)),
                         params))  # fmt: skip
    if modalities:
        where.append(_in("e.modality", list(modalities), params))
    articles = article_conditions(filters, sql, params)
    if articles:
        where.append(
            "e.article_id IN (SELECT a.id FROM articles a WHERE "
            + " AND ".join(articles)
            + ")"
        )
    if filters.q:
        pattern = "%" + _escape(filters.q) + "%"
        params.extend([pattern, pattern, pattern])
        where.append(
            "(e.evidence_text ILIKE ? ESCAPE '\\' OR e.article_id IN ("
            "SELECT a.id FROM articles a WHERE a.title ILIKE ? ESCAPE '\\' "
            "OR a.text ILIKE ? ESCAPE '\\'))"
        )
    return (" WHERE " + " AND ".join(where) if where else ""), params


def article_conditions(
    filters: EventFilter, sql: Dialect, params: list[object]
) -> list[str]:
    """The conditions of the filter on the ``articles`` table aliased ``a``
    (language, outlet), whose parameters are appended to ``params``."""
    out = []
    if filters.language:
        out.append(_in("a.language", list(_values(filters.language)), params))
    outlets = [o.lower() for o in _values(filters.outlet)]
    if outlets:
        out.append(_in(f"lower(coalesce(a.source, {sql.host('a.url')}))",
                       list(outlets), params))  # fmt: skip
    return out


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
