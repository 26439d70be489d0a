"""Feeds and article pages made for the web tests."""

from __future__ import annotations

from html import escape

from newsevents.web.bench import _LAYOUTS, GeneratedPage, generate


def rss(title: str, items: list[tuple[str, str, str, str]]) -> str:
    """An RSS 2.0 feed of (title, link, description, pubDate) items."""
    body = "".join(
        f"<item><title>{escape(t)}</title><link>{escape(link)}</link>"
        f"<guid>{escape(link)}</guid><description>{escape(d)}</description>"
        f"<pubDate>{when}</pubDate></item>"
        for t, link, d, when in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title>{body}</channel></rss>"
    )


def page(number: int) -> GeneratedPage:
    """A generated news page (newsevents.web.bench), French for odd numbers."""
    import random

    assert _LAYOUTS
    return generate(random.Random(number), number)
