"""The feed reader (feedparser) on every real feed of ../shared: every item
with its link and date, the malformed feed recovered and reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.errors import MalformedInput
from newsevents.ingest.feeds import read_feed
from newsevents.nlp.text import decode

# Items per feed, as our former reader and feedparser both count them.
COUNTS = {
    "fr/franceinfo-2024.xml": 25, "fr/item-with-cdata.xml": 1,
    "fr/lemonde-2018.xml": 21, "fr/lemonde-2021.xml": 18,
    "fr/lemonde-2024.xml": 19, "fr/malformed.xml": 1,
    "en/bbc_world__1796df62c4a287cc.xml": 33, "en/dw_english__14dda539770f94e3.xml": 141,
    "en/economist_asia__960551eca5b5db81.xml": 300, "en/time_world__9f9555d69283aeda.xml": 100,
}  # fmt: skip


def test_feeds_every_shared_feed(shared: Path) -> None:
    total = 0
    for path in sorted((shared / "data" / "rss").glob("*/*.xml")):
        name = f"{path.parent.name}/{path.name}"
        feed = read_feed(decode(path.read_bytes(), name), name)
        assert all(i.url and i.published and i.text.strip() for i in feed.items), name
        assert (feed.error is not None) == (path.name == "malformed.xml"), name
        if name in COUNTS:
            assert len(feed.items) == COUNTS[name], name
        total += len(feed.items)
    assert total == 1165


def test_feeds_media_caption_does_not_hide_the_description() -> None:
    text = """<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel>
    <item><title>T</title><link>https://a.fr/1</link>
    <media:content url="https://a.fr/i.jpg"><media:description>Une photo.</media:description></media:content>
    <description>Le vrai résumé.</description></item></channel></rss>"""
    (item,) = read_feed(text, "f").items
    assert item.text == "T\nLe vrai résumé."


def test_feeds_language_declared() -> None:
    text = '<rss version="2.0"><channel><language>fr-FR</language><item><title>T</title></item></channel></rss>'
    assert read_feed(text, "f").language == "fr-FR"


@pytest.mark.parametrize(
    "text", ["<html><body>Bonjour</body></html>", "juste du texte"]
)
def test_feeds_not_a_feed(text: str) -> None:
    with pytest.raises(MalformedInput):
        read_feed(text, "f")


def test_feeds_relative_links_resolved_against_the_feed_url() -> None:
    text = '<rss version="2.0"><channel><item><title>T</title><link>/a/1.html</link></item></channel></rss>'
    (item,) = read_feed(text, "https://journal.example/rss.xml").items
    assert item.url == "https://journal.example/a/1.html"
