"""JSON Lines and CSV files of articles: one article per line or row, with
``text`` (or ``content``/``body``), ``title``, ``date`` (or ``published``),
``url`` (or ``link``), ``source`` and ``language`` columns."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from ..errors import MalformedInput
from ._dates import parse_date

_COLUMNS = {
    "text": ("text", "content", "body", "article", "description"),
    "title": ("title", "headline"),
    "date": ("date", "published", "pubdate", "published_at", "datetime", "time"),
    "url": ("url", "link", "href"),
    "source": ("source", "outlet", "publisher", "site"),
    "language": ("language", "lang"),
}


@dataclass(frozen=True)
class Row:
    """One article of a table, or the error that made its line unusable."""

    item: str
    text: str = ""
    title: str | None = None
    published: date | None = None
    url: str | None = None
    source: str | None = None
    language: str | None = None
    error: str | None = None
    reason: str = "malformed"


def read_jsonl(text: str, name: str) -> Iterator[Row]:
    """One JSON object per line; a bad line becomes a Row with an error."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        item = f"line {number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Row(item, error=f"{name}:{number}: invalid JSON ({exc.msg})")
            continue
        if not isinstance(record, dict):
            yield Row(item, error=f"{name}:{number}: want a JSON object per line")
            continue
        yield _row(item, {str(k).lower(): v for k, v in record.items()}, name)


def read_csv(text: str, name: str) -> Iterator[Row]:
    """A CSV (or TSV, or semicolon-separated) file with a header row.
    Raises MalformedInput when the header names no text column."""
    sample = text[:8192]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(
            sample, delimiters=",;\t"
        )
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    header = [h.lower().strip() for h in reader.fieldnames or []]
    if not any(h in _COLUMNS["text"] for h in header):
        raise MalformedInput(
            f"{name}: no text column in the header ({', '.join(header) or 'empty'});"
            f" want one of {', '.join(_COLUMNS['text'])}"
        )
    try:
        for row in reader:
            record = {
                (k or "").lower().strip(): v for k, v in row.items() if k is not None
            }
            yield _row(f"line {reader.line_num}", record, name)
    except csv.Error as exc:
        raise MalformedInput(f"{name}:{reader.line_num}: bad CSV ({exc})") from exc


def _row(item: str, record: dict[str, object], name: str) -> Row:
    values = {
        field: next(
            (str(record[k]) for k in keys if record.get(k) not in (None, "")), None
        )
        for field, keys in _COLUMNS.items()
    }
    if values["text"] is None and values["title"] is None:
        return Row(item, error=f"{name} {item}: no text", reason="empty")
    if any("\ufffd" in (value or "") for value in values.values()):
        return Row(
            item,
            error=f"{name} {item}: bytes in no encoding we read (neither UTF-8 "
            "nor Windows-1252); fix or re-encode this record",
            reason="undecodable",
        )
    return Row(
        item=item,
        text=values["text"] or "",
        title=values["title"],
        published=parse_date(values["date"]),
        url=values["url"],
        source=values["source"],
        language=values["language"],
    )
