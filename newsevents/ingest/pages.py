"""The main text and metadata of a news page, by ``trafilatura`` (made for
news pages, well kept) with the publication date from ``htmldate``; our own
remover (``html.py``) steps in when trafilatura finds no text; measured
better than our rules alone (``python -m newsevents.web.bench``). Pure:
markup in, fields out; nothing here fetches (both libraries get a parsed
tree, never a string they could take for a URL)."""

from __future__ import annotations

import copy
import warnings
from dataclasses import dataclass
from datetime import date

import htmldate
import trafilatura
from lxml import html as lxml_html
from lxml.etree import ParserError
from trafilatura.settings import Document

from ._dates import parse_date
from .html import extract as extract_by_rules


@dataclass(frozen=True)
class WebPage:
    """What a page says: its main text and metadata."""

    text: str
    title: str | None = None
    published: date | None = None
    url: str | None = None
    language: str | None = None
    author: str | None = None
    site: str | None = None


def extract_page(markup: str, url: str | None = None) -> WebPage:
    """The main text, title, date, canonical URL, language, author and site
    of a page; empty text when the page holds none."""
    try:
        tree = lxml_html.document_fromstring(markup)
    except (ParserError, ValueError):
        tree = None
    if tree is None:
        return _by_rules(markup)
    language = (tree.get("lang") or "").split("-")[0].lower() or None
    canonical = tree.xpath(
        'string((//link[@rel="canonical"]/@href | '
        '//meta[@property="og:url"]/@content)[1])'
    ).strip()
    with warnings.catch_warnings():
        # dateparser, under htmldate, warns about its own internals.
        warnings.simplefilter("ignore")
        # Without the URL: htmldate would take a date in the URL over the
        # page's own publication metadata; the reader falls back to the URL.
        found = htmldate.find_date(
            copy.deepcopy(tree),
            original_date=True,
            extensive_search=False,
            outputformat="%Y-%m-%d",
        )
        extracted = trafilatura.bare_extraction(
            tree,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            # Precision drops "read also" links and share bars that the
            # default keeps on short pages; recall on the bench is the same.
            favor_precision=True,
            deduplicate=False,
        )
    # as_dict is False: a Document (or None), never a dict.
    document = extracted if isinstance(extracted, Document) else None
    text = (document.text or "").strip() if document is not None else ""
    if document is None or not text:
        rules = _by_rules(markup)
        return WebPage(
            text=rules.text,
            title=rules.title,
            published=rules.published or parse_date(found or None),
            url=rules.url or url,
            language=rules.language or language,
        )
    return WebPage(
        text=text,
        title=document.title,
        published=parse_date(found or None) or parse_date(document.date),
        url=canonical or document.url or url,
        language=language,
        author=document.author,
        site=document.sitename,
    )


def _by_rules(markup: str) -> WebPage:
    page = extract_by_rules(markup)
    return WebPage(
        text=page.text,
        title=page.title,
        published=page.published,
        url=page.url,
        language=page.language,
    )
