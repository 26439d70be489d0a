"""Read inputs of every kind into raw items or failures: plain text, HTML
pages, RSS / Atom / RDF feeds, JSON Lines, CSV, corpus files, folders
(recursively) and ``-`` for standard input. Pure readers: they never code
and never touch the database; the batch pipeline (newsevents.batch) does both."""

from __future__ import annotations

import errno
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

from ..errors import (
    BinaryInput,
    CodingError,
    DateOutOfRange,
    EmptyInput,
    InputError,
    MalformedInput,
    UndecodableInput,
    UnsupportedLanguage,
)
from ..lang import available
from ..models import Failure
from ..nlp.text import decode, decode_lines
from . import corpora, feeds, tables
from ._dates import date_from_name, date_from_url

MAX_BYTES = 50_000_000
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_FEED_SUFFIXES = {".rss", ".atom", ".rdf"}
_FEED_ROOTS = {"rss", "feed", "rdf"}
# Files that come with a corpus but are no article (README.TXT of the BBC
# corpus): skipped when a folder is walked, read when named.
_NOT_ARTICLES = {
    "readme", "license", "licence", "copying", "notice", "authors", "changelog",
    "changes", "contributing",
}  # fmt: skip
# What may come before the first element of an XML or HTML document: the
# declaration, processing instructions, comments, a doctype (with its
# internal subset), however long.
_PROLOG = re.compile(
    r"\s*(?:<\?.*?\?>|<!--.*?-->|<!doctype[^\[>]*(?:\[.*?\])?\s*>)",
    re.DOTALL | re.IGNORECASE,
)
_ELEMENT = re.compile(r"\s*<([A-Za-z_][\w:.-]*)")


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
    summary_only: bool = False  # a feed item whose page could not be fetched

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
    if isinstance(exc, DateOutOfRange):
        return "date_out_of_range"
    if isinstance(exc, CodingError):
        return "coding_error"
    return "unreadable"


def read_inputs(
    paths: Iterable[str], stdin: BinaryIO | None = None
) -> Iterator[RawItem | Failure]:
    """Every item of every input, in order; folders are walked recursively
    in sorted order (hidden files skipped)."""
    for path in paths:
        if path == "-":
            # One byte past the limit tells a too-large input without
            # reading all of it.
            data = (stdin or sys.stdin.buffer).read(MAX_BYTES + 1)
            if len(data) > MAX_BYTES:
                yield _too_large("<stdin>", f"more than {MAX_BYTES}")
                continue
            yield from read_bytes(data, "<stdin>")
            continue
        file = Path(path)
        if file.is_dir():
            found = sorted(_walk(file, ()), key=lambda e: str(e[0]))
            for child, problem in found:
                if problem is None:
                    yield from read_file(child)
                else:
                    yield Failure(file=str(child), reason="unreadable", message=problem)
        elif file.is_file():
            yield from read_file(file)
        else:
            yield Failure(
                file=path, reason="unreadable", message=f"{path}: no such file"
            )


def _not_an_article(path: Path) -> bool:
    return path.is_file() and path.name.split(".", 1)[0].lower() in _NOT_ARTICLES


def _walk(
    folder: Path, ancestors: tuple[Path, ...]
) -> Iterator[tuple[Path, str | None]]:
    """The files under ``folder`` (symbolic links followed, hidden names
    skipped), each with None; or a path with the problem that makes it
    unreadable: a broken link, a link back to a folder above it (a loop),
    a folder that cannot be listed."""
    real = folder.resolve()
    if real in ancestors:
        yield folder, f"{folder}: a symbolic link loop (back to {real}); skipped"
        return
    try:
        children = list(folder.iterdir())
    except OSError as exc:
        yield folder, f"{folder}: cannot list the folder ({exc.strerror})"
        return
    for child in children:
        if child.name.startswith(".") or _not_an_article(child):
            continue
        try:
            if child.is_dir():
                yield from _walk(child, (*ancestors, real))
            elif child.is_file():
                yield child, None
            elif child.is_symlink():
                child.resolve(strict=True)
                yield child, f"{child}: not a file nor a folder"
        except (OSError, RuntimeError) as exc:
            # A link to nothing, or links that point at each other.
            loop = isinstance(exc, RuntimeError) or exc.errno == errno.ELOOP
            what = "a symbolic link loop" if loop else "a broken symbolic link"
            yield child, f"{child}: {what} ({exc}); skipped"


def read_file(path: Path) -> Iterator[RawItem | Failure]:
    """The items of one file."""
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            yield _too_large(name, str(size))
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Failure(file=name, reason="unreadable", message=f"{name}: {exc}")
        return
    yield from read_bytes(data, name, path.suffix.lower())


def _too_large(name: str, size: str) -> Failure:
    return Failure(
        file=name,
        reason="too_large",
        message=f"{name}: {size} bytes, over the {MAX_BYTES} byte limit; split it",
    )


def first_element(text: str) -> str | None:
    """The local name of the first element of a document, in lower case,
    after its prolog however long (``html`` for an HTML doctype too); None
    when the text does not start like markup."""
    position = 0
    text = text.lstrip("\ufeff")
    while match := _PROLOG.match(text, position):
        if match.group().lstrip()[:14].lower() == "<!doctype html":
            return "html"
        position = match.end()
    element = _ELEMENT.match(text, position)
    return element.group(1).rsplit(":", 1)[-1].lower() if element else None


def read_bytes(data: bytes, name: str, suffix: str = "") -> Iterator[RawItem | Failure]:
    """The items of one input's bytes, by its suffix and first bytes; a
    failure row when it holds none (a feed without items, a table with a
    header only), so that every input leaves a trace."""
    found = False
    for entry in _read_bytes(data, name, suffix):
        found = True
        yield entry
    if not found:
        yield Failure(
            file=name,
            reason="empty",
            message=f"{name}: no article in it (a feed without items, a table "
            "without rows?)",
        )


def _read_bytes(data: bytes, name: str, suffix: str) -> Iterator[RawItem | Failure]:
    try:
        text = decode(data, name)
    except InputError as exc:
        yield failure(name, None, exc)
        return
    head = text[:2048].lstrip().lower()
    tag = first_element(text)
    try:
        if suffix in (".jsonl", ".ndjson") or (
            suffix == "" and head.startswith("{") and "\n{" in text[:100_000]
        ):
            text = _per_record(data, text)
            yield from _table(tables.read_jsonl(text, name), name)
        elif suffix in (".csv", ".tsv"):
            text = _per_record(data, text)
            yield from _table(tables.read_csv(text, name), name)
        elif suffix in _HTML_SUFFIXES or tag == "html":
            yield from _page(text, name)
        elif (
            suffix in _FEED_SUFFIXES
            or tag in _FEED_ROOTS
            or feeds.is_feed(head.encode())
        ):
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


def _per_record(data: bytes, text: str) -> str:
    """A table's text decoded record by record when the file as a whole is
    not UTF-8 (one Latin-1 row among UTF-8 rows)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return text
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return decode_lines(data)
    return text


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
    from .pages import extract_page  # trafilatura takes a second to import

    page = extract_page(text)
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
