"""PLOVER JSON records, one per coded event: actor, recipient, event type
and mode, context, date, location, the text offsets of its evidence and
the citation of its article."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TextIO

import duckdb

from ..models import Event
from ..store.exports import events_with_articles
from ..store.filters import EventFilter


def plover_records(
    conn: duckdb.DuckDBPyConnection, filters: EventFilter | None = None
) -> Iterator[dict[str, object]]:
    """The PLOVER record of every event in the database matching
    ``filters``."""
    for row in events_with_articles(conn, filters):
        yield record(Event.model_validate_json(str(row[1])), row)


def record(event: Event, row: tuple[object, ...]) -> dict[str, object]:
    """One event as a PLOVER record."""
    place = event.place
    return {
        "id": f"newsevents-{row[0]}",
        "cluster": row[2],
        "date": event.date.value if event.date else None,
        "date_precision": event.date.precision if event.date else None,
        # "since", "until" or "range" (which ends on "date_until"), or None
        "date_relation": event.date.relation if event.date else None,
        "date_until": event.date.until if event.date else None,
        "event_type": event.plover_type,
        "mode": event.plover_mode,
        "context": [event.modality] if event.modality != "asserted" else [],
        "cameo": event.code,
        "intended_cameo": event.intended_code,
        "actor": event.source.code if event.source else None,
        "actor_name": event.source.name if event.source else None,
        "actor_country": event.source.country if event.source else None,
        "recipient": event.target.code if event.target else None,
        "recipient_name": event.target.name if event.target else None,
        "recipient_country": event.target.country if event.target else None,
        "location": {
            "name": place.name,
            "country": place.country,
            "geonameid": place.geonameid,
            "lat": place.lat,
            "lon": place.lon,
        }
        if place
        else None,
        "text": [
            {"start": ev.start, "end": ev.end, "text": ev.text, "sentence": ev.sentence}
            for ev in event.evidence
        ],
        "cite": {
            "article_id": row[3],
            "url": row[4],
            "title": row[5],
            "source": row[6],
            "published": row[7].isoformat() if row[7] else None,  # type: ignore[attr-defined]
            "language": row[8],
        },
        # Which coder and lexicon coded it (None for events stored before
        # newsevents recorded them).
        "coder_version": row[9],
        "lexicon_version": row[10],
    }


def write_plover(
    conn: duckdb.DuckDBPyConnection, out: TextIO, filters: EventFilter | None = None
) -> int:
    """Write PLOVER records as JSON Lines; returns how many."""
    count = 0
    for item in plover_records(conn, filters):
        out.write(json.dumps(item, ensure_ascii=False) + "\n")
        count += 1
    return count
