"""Read inputs of every kind into raw items or failures: plain text, HTML
pages, RSS / Atom / RDF feeds, JSON Lines, CSV, corpus files, folders
(recursively) and ``-`` for standard input. Pure readers: they never code
and never touch the database; the batch pipeline (newsevents.batch) does both."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

from ..errors import (
    BinaryInput,
    EmptyInput,
    InputError,
    MalformedInput,
    UndecodableInput,
    UnsupportedLanguage,
)
from ..lang import available
from ..models import Failure
from ..nlp.text import decode
from . import corpora, feeds, tables
from ._dates import date_from_name, date_from_url
from .html import extract

MAX_BYTES = 50_000_000
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_FEED_SUFFIXES = {".rss", ".atom", ".rdf"}


@dataclass(frozen=True)
class RawItem:
    """A text to code and what its input says about it. ``item`` names it
    inside its file (a feed item, a table line), None for a whole file."""

    file: str
    item: str | None
    text: str
    title: str | None = None
    published: date | None = None
    url: str | None = None
    source: str | None = None
    language: str | None = None

    @property
    def name(self) -> str:
        return f"{self.file} [{self.item}]" if self.item else self.file


def failure(file: str, item: str | None, exc: InputError) -> Failure:
    """The failure row for an input error."""
    return Failure(file=file, item=item, reason=reason(exc), message=str(exc))


def reason(exc: InputError) -> str:
    """The failure reason of an input error, as the failures table says it."""
    if isinstance(exc, BinaryInput):
        return "binary"
    if isinstance(exc, UndecodableInput):
        return "undecodable"
    if isinstance(exc, EmptyInput):
        return "empty"
    if isinstance(exc, UnsupportedLanguage):
        return "unsupported_language"
    if isinstance(exc, MalformedInput):
        return "malformed"
    return "unreadable"


def read_inputs(
    paths: Iterable[str], stdin: BinaryIO | None = None
) -> Iterator[RawItem | Failure]:
    """Every item of every input, in order; folders are walked recursively
    in sorted order (hidden files skipped)."""
    for path in paths:
        if path == "-":
            data = (stdin or sys.stdin.buffer).read()
            yield from read_bytes(data, "<stdin>")
            continue
        file = Path(path)
        if file.is_dir():
            for child in sorted(file.rglob("*")):
                parts = child.relative_to(file).parts
                if child.is_file() and not any(p.startswith(".") for p in parts):
                    yield from read_file(child)
        elif file.is_file():
            yield from read_file(file)
        else:
            yield Failure(
                file=path, reason="unreadable", message=f"{path}: no such file"
            )


def read_file(path: Path) -> Iterator[RawItem | Failure]:
    """The items of one file."""
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            yield Failure(
                file=name,
                reason="too_large",
                message=f"{name}: {size} bytes, over the {MAX_BYTES} byte limit; "
                "split it",
            )
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Failure(file=name, reason="unreadable", message=f"{name}: {exc}")
        return
    yield from read_bytes(data, name, path.suffix.lower())


def read_bytes(data: bytes, name: str, suffix: str = "") -> Iterator[RawItem | Failure]:
    """The items of one input's bytes, by its suffix and first bytes."""
    try:
        text = decode(data, name)
    except InputError as exc:
        yield failure(name, None, exc)
        return
    head = text[:2048].lstrip().lower()
    try:
        if suffix in (".jsonl", ".ndjson") or (
            suffix == "" and head.startswith("{") and "\n{" in text[:100_000]
        ):
            yield from _table(tables.read_jsonl(text, name), name)
        elif suffix in (".csv", ".tsv"):
            yield from _table(tables.read_csv(text, name), name)
        elif suffix in _HTML_SUFFIXES or head.startswith(("<!doctype html", "<html")):
            yield from _page(text, name)
        elif suffix in _FEED_SUFFIXES or feeds.is_feed(head.encode()):
            yield from _feed(text, name)
        elif head.startswith(".n"):
            yield from _corpus(corpora.read_records(Path(name), text), name)
        elif "<doc" in head or "<corpus" in head:
            yield from _corpus(_xml_corpus(text, name), name)
        else:
            yield RawItem(
                file=name, item=None, text=text, published=date_from_name(name)
            )
    except MalformedInput as exc:
        yield failure(name, None, exc)


def _xml_corpus(text: str, name: str) -> Iterator[corpora.CorpusText]:
    path = Path(name)
    if "<doc" in text:
        return corpora.read_pseudo_xml(path, keep_empty=True, content=text)
    return corpora.read_article_xml(path, keep_empty=True, content=text)


def _corpus(texts: Iterable[corpora.CorpusText], name: str) -> Iterator[RawItem]:
    for number, corpus_text in enumerate(texts, start=1):
        item = corpus_text.id.split("#", 1)[-1] if "#" in corpus_text.id else None
        yield RawItem(
            file=name,
            item=f"doc {item or number}",
            text=corpus_text.text,
            title=corpus_text.title,
            published=corpus_text.published or date_from_url(corpus_text.url),
            url=corpus_text.url,
            source=corpus_text.source,
        )


def _page(text: str, name: str) -> Iterator[RawItem]:
    page = extract(text)
    body = page.text
    if page.title and not body.startswith(page.title):
        body = f"{page.title}\n{body}" if body else page.title
    yield RawItem(
        file=name,
        item=None,
        text=body,
        title=page.title,
        published=page.published or date_from_url(page.url),
        url=page.url,
        language=page.language if page.language in available() else None,
    )


def _feed(text: str, name: str) -> Iterator[RawItem | Failure]:
    feed = feeds.read_feed(text, name)
    if feed.error:
        yield Failure(
            file=name,
            reason="malformed",
            message=f"{name}: {feed.error}; {len(feed.items)} item(s) recovered "
            "by the tolerant reader",
        )
    for entry in feed.items:
        yield RawItem(
            file=name,
            item=f"item {entry.number}",
            text=entry.text,
            title=entry.title,
            published=entry.published or date_from_url(entry.url),
            url=entry.url,
            source=feed.title,
        )


def _table(rows: Iterable[tables.Row], name: str) -> Iterator[RawItem | Failure]:
    for row in rows:
        if row.error:
            yield Failure(
                file=name,
                item=row.item,
                reason=row.reason,  # type: ignore[arg-type]
                message=row.error,
            )
            continue
        text = row.text
        if row.title and not text.startswith(row.title):
            text = f"{row.title}\n{text}" if text else row.title
        yield RawItem(
            file=name,
            item=row.item,
            text=text,
            title=row.title,
            published=row.published or date_from_url(row.url),
            url=row.url,
            source=row.source,
            language=row.language,
        )
