"""Read gold event files in the ``newsevents-gold/1`` format.

A gold file is JSON: ``{"format": "newsevents-gold/1", "documents": [...]}``.
Each document gives its text inline (``"text"``) or as a file path relative
to the gold file (``"text_file"``); its ``events`` are the hand-checked
events the coder should find. Every problem with a gold file is raised as a
``DataError`` naming the file (line 0 when the problem has no line, the JSON
line for a syntax error) and, for invalid content, the field path such as
``documents[0].events[3].code``.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from ..errors import DataError
from ..ingest.corpora import CorpusText, read_corpus
from ..ingest.feeds import is_feed, read_feed
from ..models import Modality
from ..nlp.text import decode

__all__ = [
    "FORMAT",
    "GoldActor",
    "GoldDocument",
    "GoldEvent",
    "GoldLocation",
    "corpus_record",
    "read_gold",
]

FORMAT = "newsevents-gold/1"

_CODE = r"^\d{2,4}$"
_PREFIX = r"^\d{1,4}$"
_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
_ACTOR_COUNTRY = r"^[A-Z]{3}$"


class _Gold(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class GoldActor(_Gold):
    """An expected actor: country (or group code, or IGO), role, org acronym."""

    country: str = Field(pattern=_ACTOR_COUNTRY)
    role: str | None = None
    org: str | None = None


class GoldLocation(_Gold):
    """Where an expected event happened: a place name and/or a country."""

    place: str | None = None
    country: str | None = Field(default=None, pattern=_ACTOR_COUNTRY)

    @model_validator(mode="after")
    def _not_empty(self) -> GoldLocation:
        if self.place is None and self.country is None:
            raise ValueError("a location needs a place or a country")
        return self


class GoldEvent(_Gold):
    """One expected event of a gold document."""

    id: str
    required: bool = True
    source: GoldActor
    code: str = Field(pattern=_CODE)
    accept: tuple[str, ...] | None = None
    target: GoldActor | None = None
    symmetric: bool = False
    date: str | None = Field(default=None, pattern=_DATE)
    date_accept: tuple[str, ...] = ()
    location: GoldLocation | None = None
    modality: Modality | None = None
    evidence: str | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _check_lists(self) -> GoldEvent:
        for prefix in self.accept or ():
            if not re.fullmatch(_PREFIX, prefix):
                raise ValueError(f"accept prefix {prefix!r} is not 1-4 digits")
        for value in self.date_accept:
            if not re.fullmatch(_DATE, value):
                raise ValueError(
                    f"date_accept value {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD"
                )
        return self

    @property
    def prefixes(self) -> tuple[str, ...]:
        """The code prefixes that count: ``accept``, or the root of ``code``."""
        return self.accept if self.accept else (self.code[:2],)

    @property
    def root(self) -> str:
        """The two-digit root of the gold code."""
        return self.code[:2]


class GoldDocument(_Gold):
    """A gold document: its text, expected events and optional per-stage data."""

    id: str
    language: str
    published: date | None = None
    text: str
    text_file: str | None = None
    corpus: dict[str, Any] | None = None
    events: tuple[GoldEvent, ...] = ()
    entities: tuple[dict[str, Any], ...] = ()
    places: tuple[dict[str, Any], ...] = ()
    dates: tuple[dict[str, Any], ...] = ()
    about: str | None = None
    note: str | None = None
    split: Literal["tune", "report"] | None = None
    # The outlet that published the text (a name or URL), as ingest passes it
    # to the coder; read from the corpus record when the text is one.
    outlet: str | None = None

    @model_validator(mode="after")
    def _check_events(self) -> GoldDocument:
        seen: set[str] = set()
        for event in self.events:
            if event.id in seen:
                raise ValueError(f"duplicate event id {event.id!r}")
            seen.add(event.id)
            if event.evidence is not None and event.evidence not in self.text:
                raise ValueError(
                    f"evidence of event {event.id!r} is not a substring of the "
                    f"text: {event.evidence!r}"
                )
        return self

    @property
    def required_events(self) -> tuple[GoldEvent, ...]:
        """The events a coder must find (``required: true``)."""
        return tuple(event for event in self.events if event.required)


class _GoldFile(_Gold):
    format: str
    documents: tuple[GoldDocument, ...]
    about: str | None = None
    note: str | None = None


def _field_path(loc: tuple[int | str, ...]) -> str:
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else str(part)
    return path or "(top level)"


def _resolve_text(path: Path, index: int, doc: Any) -> Any:
    """Return the document dict with ``text`` read from ``text_file``."""
    if not isinstance(doc, dict):
        return doc
    where = f"documents[{index}]"
    has_text, has_file = "text" in doc, "text_file" in doc
    if has_text and has_file:
        raise DataError(path, 0, f"{where}: give 'text' or 'text_file', not both")
    if has_text:
        return doc
    if not has_file:
        if "corpus" in doc:
            return {**doc, **_corpus_fields(path, where, doc["corpus"])}
        raise DataError(path, 0, f"{where}: no 'text', 'text_file' or 'corpus'")
    text_path = path.parent / str(doc["text_file"])
    try:
        text = text_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(
            path, 0, f"{where}: cannot read text_file {str(text_path)!r}: {exc}"
        ) from exc
    return {**doc, "text": text}


def corpus_record(file: Path, record: str | None) -> CorpusText:
    """One text of a corpus file, by the id the project's readers give it
    (``LaLibre.xml#3``, ``lemonde-2021.xml#5``); a plain-text file is its own
    record. Raises LookupError when the record is not in the file."""
    head = file.read_bytes()[:2048]
    if is_feed(head):
        feed = read_feed(decode(file.read_bytes(), str(file)), file.name)
        texts = [
            CorpusText(
                id=f"{file.name}#{item.number}",
                text=item.text,
                title=item.title,
                published=item.published,
                url=item.url,
            )
            for item in feed.items
        ]
    else:
        texts = list(read_corpus(file))
    if record is None and len(texts) == 1:
        return texts[0]
    for text in texts:
        if text.id == record:
            return text
    raise LookupError(f"no record {record!r} in {file}")


def _corpus_fields(path: Path, where: str, corpus: Any) -> dict[str, Any]:
    if not isinstance(corpus, dict) or "file" not in corpus:
        raise DataError(path, 0, f"{where}: 'corpus' needs a 'file'")
    file = path.parent / str(corpus["file"])
    try:
        found = corpus_record(file, corpus.get("record"))
    except (OSError, LookupError) as exc:
        raise DataError(path, 0, f"{where}: {exc}") from exc
    # The outlet the corpus names is input, as ingest gives it to the coder.
    outlet = doc_outlet(found)
    return {"text": found.text, **({"outlet": outlet} if outlet else {})}


def doc_outlet(found: CorpusText) -> str | None:
    """The outlet of a corpus record: its ``source``, else its URL."""
    return found.source or found.url


def read_gold(path: Path | str) -> list[GoldDocument]:
    """Read a ``newsevents-gold/1`` file and return its documents.

    Raises DataError naming the file for an unreadable file, bad JSON (with
    its line), a wrong or missing format tag, a missing text file, or content
    that does not fit the format (with the field path).
    """
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(path, 0, f"cannot read gold file: {exc}") from exc
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise DataError(path, exc.lineno, f"bad JSON: {exc.msg}") from exc
    if not isinstance(data, dict):
        raise DataError(path, 0, "a gold file is a JSON object")
    if data.get("format") != FORMAT:
        raise DataError(
            path,
            0,
            f"format is {data.get('format')!r}; expected {FORMAT!r}",
        )
    documents = data.get("documents")
    if isinstance(documents, list):
        data = {
            **data,
            "documents": [
                _resolve_text(path, index, doc) for index, doc in enumerate(documents)
            ],
        }
    try:
        gold = _GoldFile.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise DataError(
            path,
            0,
            f"{_field_path(tuple(first['loc']))}: {first['msg']}"
            + (f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""),
        ) from exc
    seen: set[str] = set()
    for doc in gold.documents:
        if doc.id in seen:
            raise DataError(path, 0, f"duplicate document id {doc.id!r}")
        seen.add(doc.id)
    return list(gold.documents)


def main(argv: list[str] | None = None) -> int:
    """``python -m newsevents.eval.gold show FILE [RECORD]``: print one
    corpus record as a gold document would read it, for annotators."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    if len(args) not in (2, 3) or args[0] != "show":
        print("usage: python -m newsevents.eval.gold show FILE [RECORD]")
        return 2
    try:
        found = corpus_record(Path(args[1]), args[2] if len(args) == 3 else None)
    except (OSError, LookupError) as exc:
        print(f"error: {exc}")
        return 1
    print(f"# {found.id} | title: {found.title} | published: {found.published}")
    print(found.text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
