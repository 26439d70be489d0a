"""RSS 2.0, Atom and RDF (RSS 1.0) feeds: one entry per item, its title and
description as text, its link and date. The standard-library XML parser
reads well-formed feeds; a feed it rejects is read again by a tolerant
scanner, and the parse error is reported so that nothing is hidden."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from ..errors import MalformedInput
from ._dates import parse_date


@dataclass(frozen=True)
class FeedItem:
    """One item of a feed."""

    number: int
    text: str
    title: str | None
    url: str | None
    published: date | None
    guid: str | None = None


@dataclass(frozen=True)
class Feed:
    """The items of a feed and, when the XML was broken, the parse error."""

    title: str | None
    items: list[FeedItem]
    error: str | None = None


_ITEM = re.compile(r"<(item|entry)\b[^>]*>(.*?)</\1\s*>", re.DOTALL | re.IGNORECASE)
_DECLARATION = re.compile(r"^<\?xml[^>]*\?>")
_CDATA = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.DOTALL)
_TAGS = ("title", "link", "description", "summary", "content", "pubDate",
         "published", "updated", "date", "guid", "id")  # fmt: skip


def is_feed(head: bytes) -> bool:
    """Whether the first bytes of a file look like a feed."""
    lowered = head.lower()
    return b"<rss" in lowered or b"<feed" in lowered or b"<rdf:rdf" in lowered


def read_feed(text: str, name: str) -> Feed:
    """Parse a feed. Raises MalformedInput when neither the XML parser nor
    the tolerant scanner finds a feed in it."""
    try:
        # The text is decoded already: drop the declaration and its encoding.
        root = ET.fromstring(_DECLARATION.sub("", text.lstrip(), count=1))
    except ET.ParseError as exc:
        items = list(_scan(text))
        if not items:
            raise MalformedInput(f"{name}: malformed feed ({exc}), no item") from exc
        return Feed(None, items, error=f"malformed feed ({exc})")
    if _local(root.tag) not in ("rss", "feed", "RDF", "channel"):
        raise MalformedInput(f"{name}: not a feed (root element <{root.tag}>)")
    items = [
        _item(number, element)
        for number, element in enumerate(
            (e for e in root.iter() if _local(e.tag) in ("item", "entry")), start=1
        )
    ]
    title = next(
        (_clean(e.text) for e in root.iter() if _local(e.tag) == "title"), None
    )
    return Feed(title, items)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _item(number: int, element: ET.Element) -> FeedItem:
    fields: dict[str, str] = {}
    for child in element:
        tag = _local(child.tag)
        if tag == "link" and child.get("href"):
            if child.get("rel", "alternate") == "alternate":
                fields.setdefault("link", child.get("href", ""))
            continue
        value = "".join(child.itertext())
        if value.strip():
            fields.setdefault(tag, value)
    return _make(number, fields)


def _scan(text: str) -> Iterator[FeedItem]:
    """Items found by pattern, for feeds the XML parser rejects."""
    for number, match in enumerate(_ITEM.finditer(text), start=1):
        body = match.group(2)
        fields: dict[str, str] = {}
        for tag in _TAGS:
            found = re.search(
                rf"<(?:\w+:)?{tag}\b([^>]*)>(.*?)</(?:\w+:)?{tag}\s*>",
                body,
                re.DOTALL | re.IGNORECASE,
            )
            if found is None:
                continue
            value = _CDATA.sub(lambda m: m.group(1), found.group(2))
            value = html.unescape(re.sub(r"<(?!/?p\b)[^>]*>", " ", value))
            if tag == "link":
                href = re.search(r'href="([^"]+)"', found.group(1) + found.group(2))
                value = href.group(1) if href and not value.strip() else value
            if value.strip():
                fields.setdefault(tag, value)
        yield _make(number, fields)


def _make(number: int, fields: dict[str, str]) -> FeedItem:
    title = _clean(fields.get("title"))
    body = next(
        (fields[k] for k in ("description", "summary", "content") if k in fields), ""
    )
    description = _strip_html(body)
    parts = [part for part in (title, description) if part]
    if title and description and description.startswith(title):
        parts = [description]
    when = next(
        (fields[k] for k in ("pubDate", "published", "date", "updated") if k in fields),
        None,
    )
    link = _clean(fields.get("link")) or None
    guid = _clean(fields.get("guid") or fields.get("id"))
    if link is None and guid and guid.startswith("http"):
        link = guid
    return FeedItem(
        number=number,
        text="\n".join(parts),
        title=title,
        url=link,
        published=parse_date(when),
        guid=guid,
    )


def _strip_html(value: str) -> str:
    if "<" not in value and "&" not in value:
        return " ".join(value.split())
    tree = HTMLParser(value)
    for node in tree.css("script, style, img, figure"):
        node.decompose()
    paragraphs = [
        " ".join((node.text(separator=" ") or "").split()) for node in tree.css("p")
    ]
    text = "\n".join(p for p in paragraphs if p)
    if not text:
        text = " ".join((tree.text(separator=" ") or "").split())
    return html.unescape(text)


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    cleaned = " ".join(html.unescape(value).split())
    return cleaned or None
