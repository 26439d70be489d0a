"""Main text of an HTML page: boilerplate (navigation, headers, footers,
asides, scripts, share and cookie blocks) removed; title and publication
date from the page's metadata when present. Pure: bytes in, fields out."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date

from selectolax.lexbor import LexborHTMLParser as HTMLParser
from selectolax.lexbor import LexborNode as Node

from ._dates import parse_date

_DROP = (
    "script, style, noscript, template, iframe, svg, form, button, nav, header, "
    "footer, aside, figure, menu, dialog, select, [role=navigation], "
    "[role=banner], [role=contentinfo], [aria-hidden=true]"
)
_BOILERPLATE = re.compile(
    r"\b(nav|menu|cookie|consent|share|sharing|social|comment|related|sidebar|"
    r"newsletter|subscribe|footer|breadcrumb|promo|advert|popup|"
    r"modal|outbrain|taboola|widget)\b",
    re.IGNORECASE,
)
_ROOTS = ("article", "main", "[itemprop=articleBody]", "[role=main]", "body")
_BLOCKS = "p, h1, h2, h3, h4, blockquote, li, pre"
_DATE_META = (
    'meta[property="article:published_time"]',
    'meta[name="article:published_time"]',
    'meta[property="og:published_time"]',
    'meta[itemprop="datePublished"]',
    'meta[name="pubdate"]',
    'meta[name="publish-date"]',
    'meta[name="date"]',
    'meta[name="DC.date.issued"]',
    'meta[name="dc.date"]',
    'meta[name="parsely-pub-date"]',
)
_JSON_LD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')
_MIN_TEXT = 200  # characters; below this the blocks missed the article body


@dataclass(frozen=True)
class Page:
    """What a page says: its main text and metadata."""

    text: str
    title: str | None = None
    published: date | None = None
    url: str | None = None
    language: str | None = None


def extract(markup: str) -> Page:
    """The main text, title, date, canonical URL and language of a page."""
    tree = HTMLParser(markup)
    title = _meta(tree, 'meta[property="og:title"]') or _text(tree.css_first("title"))
    published = _published(tree, markup)
    url = _meta(tree, 'meta[property="og:url"]') or _attr(
        tree.css_first('link[rel="canonical"]'), "href"
    )
    language = _attr(tree.css_first("html"), "lang")
    for node in tree.css(_DROP):
        node.decompose()
    for node in tree.css("div, section, ul, ol, span, p"):
        attributes = node.attributes
        marks = f"{attributes.get('class') or ''} {attributes.get('id') or ''}"
        if marks.strip() and _BOILERPLATE.search(marks):
            node.decompose()
    text = _main_text(tree)
    if title is None:
        title = _text(tree.css_first("h1"))
    return Page(
        text=text,
        title=title,
        published=published,
        url=url,
        language=language.split("-")[0].lower() if language else None,
    )


def _main_text(tree: HTMLParser) -> str:
    for selector in _ROOTS:
        root = tree.css_first(selector)
        if root is None:
            continue
        blocks = [_block(node) for node in root.css(_BLOCKS)]
        text = "\n".join(block for block in blocks if block)
        if len(text) >= _MIN_TEXT or selector == "body":
            if len(text) < _MIN_TEXT:
                text = "\n".join(
                    line.strip()
                    for line in (root.text(separator="\n") or "").splitlines()
                    if line.strip()
                )
            return text
    return ""


def _block(node: Node) -> str:
    """A block's text, or "" when it is mostly links (a menu, a list of
    related articles) or holds other blocks (counted on their own)."""
    if node.tag != "li" and any(
        inner.mem_id != node.mem_id for inner in node.css("p, li, blockquote")
    ):
        return ""
    text = " ".join((node.text(separator=" ") or "").split())
    if not text:
        return ""
    linked = sum(len(" ".join((a.text() or "").split())) for a in node.css("a"))
    if linked > 0.6 * len(text):
        return ""
    return text


def _published(tree: HTMLParser, markup: str) -> date | None:
    for selector in _DATE_META:
        found = parse_date(_meta(tree, selector))
        if found:
            return found
    time = tree.css_first("time[datetime]")
    if time is not None:
        found = parse_date(time.attributes.get("datetime"))
        if found:
            return found
    for script in tree.css('script[type="application/ld+json"]'):
        match = _JSON_LD_DATE.search(script.text() or "")
        if match:
            try:
                value = json.loads(f'"{match.group(1)}"')
            except json.JSONDecodeError:
                continue
            found = parse_date(value)
            if found:
                return found
    return None


def _meta(tree: HTMLParser, selector: str) -> str | None:
    return _attr(tree.css_first(selector), "content")


def _attr(node: Node | None, name: str) -> str | None:
    if node is None:
        return None
    value = node.attributes.get(name)
    return value.strip() if value and value.strip() else None


def _text(node: Node | None) -> str | None:
    if node is None:
        return None
    value = " ".join((node.text() or "").split())
    return value or None
