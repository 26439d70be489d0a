"""Readers of the news corpus formats we benchmark and ingest: dispatch
records (``.N id / .D DDMMYY / .C category / .T text``), pseudo-XML
``<doc url=… title=…>`` files (some not well-formed) and plain text files."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..nlp.text import decode

_RECORD_FIELD = re.compile(r"^\.([NDCT])\s?(.*)$")
_DOC = re.compile(r"<doc\b([^>]*)>(.*?)(?=</doc>|<doc\b|\Z)", re.DOTALL | re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_ARTICLE = re.compile(r"<article\b[^>]*>(.*?)</article>", re.DOTALL | re.IGNORECASE)
_FIELD = r"<{0}\b[^>]*>(.*?)</{0}>"
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class CorpusText:
    """One text of a corpus, with what the corpus says about it."""

    id: str
    text: str
    title: str | None = None
    published: date | None = None
    url: str | None = None
    source: str | None = None


def read_records(path: Path, text: str | None = None) -> Iterator[CorpusText]:
    """Dispatch records: lines wrapped inside a text are joined. ``text`` is
    the file's decoded content when the caller has it already."""
    fields: dict[str, list[str]] = {}
    last = ""
    if text is None:
        text = decode(path.read_bytes(), str(path))
    for line in text.splitlines():
        match = _RECORD_FIELD.match(line)
        if match:
            name, value = match.groups()
            if name == "N" and "T" in fields:
                yield _record(fields)
                fields = {}
            fields[name] = [value]
            last = name
        elif line.strip() and last:
            fields.setdefault(last, []).append(line)
    if "T" in fields:
        yield _record(fields)


def _record(fields: dict[str, list[str]]) -> CorpusText:
    text = " ".join(part.strip() for part in fields["T"] if part.strip())
    raw = "".join(fields.get("D", [""])).strip()
    published = None
    if re.fullmatch(r"\d{6}", raw):
        day, month, year = int(raw[:2]), int(raw[2:4]), 2000 + int(raw[4:])
        try:
            published = date(year, month, day)
        except ValueError:
            published = None
    return CorpusText(
        id="".join(fields.get("N", ["?"])).strip(), text=text, published=published
    )


def read_pseudo_xml(
    path: Path, keep_empty: bool = False, content: str | None = None
) -> Iterator[CorpusText]:
    """``<doc title=… url=…>text</doc>`` files, tolerating broken markup.
    Documents without text are skipped unless ``keep_empty``."""
    if content is None:
        content = decode(path.read_bytes(), str(path))
    for number, match in enumerate(_DOC.finditer(content), start=1):
        attributes = {
            k.lower(): html.unescape(a or b or c)
            for k, a, b, c in _ATTRIBUTE.findall(match.group(1))
        }
        text = html.unescape(_TAG.sub(" ", match.group(2))).strip()
        if text or keep_empty:
            yield CorpusText(
                id=f"{path.name}#{number}",
                text=text,
                title=attributes.get("title"),
                url=attributes.get("url"),
                source=attributes.get("source"),
            )


def read_article_xml(
    path: Path, keep_empty: bool = False, content: str | None = None
) -> Iterator[CorpusText]:
    """``<article><title>…</title><content>…</content></article>`` files.
    Articles without text are skipped unless ``keep_empty``."""
    if content is None:
        content = decode(path.read_bytes(), str(path))
    for number, match in enumerate(_ARTICLE.finditer(content), start=1):
        body = match.group(1)
        text = _field(body, "content") or _TAG.sub(" ", body)
        text = html.unescape(text).strip()
        if text or keep_empty:
            yield CorpusText(
                id=f"{path.name}#{number}",
                text=text,
                title=_field(body, "title"),
                url=_field(body, "url"),
                source=_field(body, "source"),
            )


def _field(body: str, name: str) -> str | None:
    match = re.search(_FIELD.format(name), body, re.DOTALL | re.IGNORECASE)
    if match is None:
        return None
    value = match.group(1)
    if value.lstrip().startswith("<![CDATA["):
        value = value.strip()[9:].removesuffix("]]>")
    else:
        value = html.unescape(_TAG.sub(" ", value))
    return value.strip() or None


def read_corpus(path: Path) -> Iterator[CorpusText]:
    """Every text under ``path`` (a file or a folder), by format."""
    files = (
        sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    )
    for file in files:
        head = file.read_bytes()[:200]
        if head.startswith(b".N"):
            yield from read_records(file)
        elif b"<doc" in head:
            yield from read_pseudo_xml(file)
        elif b"<corpus" in head:
            data = file.read_bytes()
            if b"<doc" in data:
                yield from read_pseudo_xml(file)
            else:
                yield from read_article_xml(file)
        else:
            yield CorpusText(id=file.name, text=decode(file.read_bytes(), str(file)))
