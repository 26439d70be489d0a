"""The GDELT 2.0 event table: 61 tab-separated columns, no header. Our
clusters export as GDELT events (one row per real-world event, with
NumMentions, NumSources and NumArticles); GDELT files import into the
``gdelt_events`` table and export back unchanged."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from itertools import chain
from pathlib import Path
from typing import TextIO

import duckdb

from ..errors import DataError
from ..store.exports import cluster_rows, imported_gdelt, replace_gdelt_file
from ..store.filters import EventFilter
from ..store.geo import fips_codes

COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode",
    "Actor1EthnicCode", "Actor1Religion1Code", "Actor1Religion2Code",
    "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode",
    "Actor2EthnicCode", "Actor2Religion1Code", "Actor2Religion2Code",
    "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code", "Actor1Geo_Lat",
    "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code", "Actor2Geo_Lat",
    "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code", "ActionGeo_ADM2Code", "ActionGeo_Lat",
    "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)  # fmt: skip
_INTEGERS = {
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "IsRootEvent", "QuadClass",
    "NumMentions", "NumSources", "NumArticles", "Actor1Geo_Type",
    "Actor2Geo_Type", "ActionGeo_Type", "DATEADDED",
}  # fmt: skip
_FLOATS = {
    "FractionDate", "GoldsteinScale", "AvgTone", "Actor1Geo_Lat",
    "Actor1Geo_Long", "Actor2Geo_Lat", "Actor2Geo_Long", "ActionGeo_Lat",
    "ActionGeo_Long",
}  # fmt: skip
# GDELT geographic resolution (ActionGeo_Type) of a place's kind (its
# precision): 1 country, 2 US state, 3 US city, 4 world city, 5 world state.
_GEO_TYPE = {"country": 1, "city": 4, "landmark": 4, "admin": 5, "region": 5}
_US_GEO_TYPE = {"city": 3, "landmark": 3, "admin": 2}


def geo_type(kind: str | None, country: str | None) -> int:
    """GDELT's ActionGeo_Type of a place of this kind in this country."""
    if country == "USA" and kind in _US_GEO_TYPE:
        return _US_GEO_TYPE[kind]
    return _GEO_TYPE.get(kind or "", 4)


def read_gdelt(path: Path) -> Iterator[tuple[int, list[object]]]:
    """(line number, typed values) for each row of a GDELT 2.0 export.
    Raises DataError naming the file and line of a row that does not fit."""
    with path.open(encoding="utf-8", newline="") as handle:
        for number, line in enumerate(handle, start=1):
            fields = line.rstrip("\r\n").split("\t")
            if fields == [""]:
                continue
            if len(fields) != len(COLUMNS):
                raise DataError(
                    path, number, f"{len(fields)} columns, want {len(COLUMNS)}"
                )
            try:
                yield (
                    number,
                    [_parse(n, v) for n, v in zip(COLUMNS, fields, strict=True)],
                )
            except ValueError as exc:
                raise DataError(path, number, f"bad value ({exc})") from exc


def _parse(name: str, value: str) -> object:
    if value == "":
        return None
    if name in _INTEGERS:
        return int(value)
    if name in _FLOATS:
        return float(value)
    return value


def import_gdelt(conn: duckdb.DuckDBPyConnection, paths: Iterable[Path]) -> int:
    """Load GDELT exports into ``gdelt_events``, one transaction per file;
    a file imported before is replaced. Returns the number of rows."""
    total = 0
    for path in paths:
        rows = [[*values, str(path), n] for n, values in read_gdelt(path)]
        replace_gdelt_file(conn, str(path), COLUMNS, rows)
        total += len(rows)
    return total


def write_gdelt(
    conn: duckdb.DuckDBPyConnection,
    out: TextIO,
    include_imported: bool = True,
    filters: EventFilter | None = None,
) -> int:
    """Write our clusters, then the imported GDELT rows, as GDELT 2.0 lines;
    with ``filters``, the clusters with a matching event only (described by
    the first of them) and no imported rows. Returns the number of rows."""
    if filters is not None and not filters.query():
        filters = None  # no filter given (the CLI passes an empty one)
    rows: Iterable[Sequence[object]] = _our_rows(conn, filters)
    if include_imported and filters is None:
        rows = chain(rows, imported_gdelt(conn, COLUMNS))
    count = 0
    for row in rows:
        out.write(
            "\t".join(_format(n, v) for n, v in zip(COLUMNS, row, strict=True)) + "\n"
        )
        count += 1
    return count


def _format(name: str, value: object) -> str:
    """GDELT's spelling: the Goldstein score always with a decimal point,
    other whole floats (coordinates, tone) without one."""
    if value is None:
        return ""
    if isinstance(value, float):
        text = repr(value)
        if name != "GoldsteinScale" and text.endswith(".0"):
            return text[:-2]
        return text
    return str(value)


def _our_rows(
    conn: duckdb.DuckDBPyConnection, filters: EventFilter | None = None
) -> Iterator[list[object]]:
    """One GDELT row per cluster, described by its first event."""
    from ..models import Event

    for r in cluster_rows(conn, filters):
        event = Event.model_validate_json(r[6])
        day: date | None = r[1]
        geo = _geo(r[11], r[12], r[13], r[14], r[15], r[16])
        yield [
            r[0],
            int(day.strftime("%Y%m%d")) if day else None,
            int(day.strftime("%Y%m")) if day else None,
            day.year if day else None,
            _fraction(day),
            *_actor(event.source),
            *_actor(event.target),
            1,
            r[7],
            r[7][:3],
            r[7][:2],
            r[8],
            r[9],
            r[2],
            r[3],
            r[4],
            None,
            *(geo if event.source else _NO_GEO),
            *(geo if event.target else _NO_GEO),
            *geo,
            int(r[5].strftime("%Y%m%d") + "000000") if r[5] else None,
            r[10],
        ]


_NO_GEO = (0, None, None, None, None, None, None, None)


def _geo(
    name: str | None,
    country: str | None,
    kind: str | None,
    lat: float | None,
    lon: float | None,
    geonameid: int | None,
) -> tuple[object, ...]:
    if name is None:
        return _NO_GEO
    fips = fips_codes().get(country or "")
    return (
        geo_type(kind, country),
        name,
        fips,
        fips if kind == "country" else None,  # no ADM1 codes in our gazetteer
        None,
        lat,
        lon,
        str(geonameid) if geonameid else None,
    )


def _fraction(day: date | None) -> float | None:
    if day is None:
        return None
    # GDELT's own formula (its files have 2019-10-24 as 2019.8055).
    return round(day.year + ((day.month - 1) * 30 + day.day) / 365, 4)


def _actor(actor: object) -> list[object]:
    from ..models import Actor

    if not isinstance(actor, Actor):
        return [None] * 10
    roles = [*actor.roles, None, None, None][:3]
    group = actor.org.upper()[:3] if actor.org else None
    if actor.code.startswith("IGO") and len(actor.code) >= 6:
        group = actor.code[3:6]
    return [
        actor.code,
        actor.name.upper(),
        actor.country if actor.country and len(actor.country) == 3 else None,
        group,
        None,
        None,
        None,
        *roles,
    ]


def dialect() -> type[csv.Dialect]:
    """The csv dialect of GDELT files, for readers that want one."""
    return csv.excel_tab
