"""Reading inputs of every kind into raw items or failure rows."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from newsevents.ingest.files import RawItem, read_inputs
from newsevents.models import Failure

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Le Journal</title>
<item><title>Sommet à Paris</title><link>https://j.fr/1</link>
<description><![CDATA[<p>Macron a reçu Biden.</p>]]></description>
<pubDate>Wed, 19 Jun 2024 10:00:00 +0200</pubDate></item>
<item><title>Second</title><link>https://j.fr/2</link><description>Texte.</description></item>
</channel></rss>"""
ATOM = """<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Wire</title><entry><title>Summit</title><link href="https://w.com/1"/>
<summary>Biden met Macron.</summary><published>2024-06-19T08:00:00Z</published>
</entry></feed>"""
RDF = """<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>DW</title></channel><item><title>Summit</title>
<link>https://dw.com/1</link><description>Leaders met.</description>
<dc:date>2024-06-19T08:00:00Z</dc:date></item></rdf:RDF>"""
HTML = """<!DOCTYPE html><html lang="fr"><head><title>Sommet - Le Journal</title>
<meta property="og:title" content="Sommet à Paris">
<meta property="article:published_time" content="2024-06-19T10:00:00+02:00">
<link rel="canonical" href="https://j.fr/sommet"></head><body>
<nav><a href="/">Accueil</a> <a href="/monde">Monde</a></nav>
<div class="cookie-banner">Nous utilisons des cookies.</div>
<article><h1>Sommet à Paris</h1>
<p>Emmanuel Macron a reçu Joe Biden mercredi à l'Élysée pour un sommet consacré à
l'Ukraine et au commerce entre les deux pays.</p>
<p>Les deux dirigeants ont signé une déclaration commune sur la sécurité européenne
et la coopération militaire.</p>
<ul><li><a href="/a">Lire aussi : un autre article</a></li></ul>
<div class="share">Partager sur Facebook</div>
</article><footer>© Le Journal 2024</footer></body></html>"""


def _read(tmp_path: Path, name: str, content: str | bytes) -> list[RawItem | Failure]:
    path = tmp_path / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return list(read_inputs([str(path)]))


@pytest.mark.parametrize(
    "name,content,expected",
    [
        (
            "feed.xml",
            RSS,
            [
                ("item 1", "https://j.fr/1", date(2024, 6, 19)),
                ("item 2", "https://j.fr/2", None),
            ],
        ),
        ("feed.atom", ATOM, [("item 1", "https://w.com/1", date(2024, 6, 19))]),
        ("feed.rdf", RDF, [("item 1", "https://dw.com/1", date(2024, 6, 19))]),
    ],
)
def test_files_feeds(tmp_path: Path, name: str, content: str, expected: list) -> None:  # type: ignore[type-arg]
    items = _read(tmp_path, name, content)
    assert [(i.item, i.url, i.published) for i in items] == expected  # type: ignore[union-attr]


def test_files_feed_item_is_title_and_description(tmp_path: Path) -> None:
    first = _read(tmp_path, "feed.xml", RSS)[0]
    assert isinstance(first, RawItem)
    assert first.text == "Sommet à Paris\nMacron a reçu Biden."
    assert (first.title, first.source) == ("Sommet à Paris", "Le Journal")


def test_files_malformed_feed_is_a_failure_and_items_recovered(tmp_path: Path) -> None:
    broken = '<link rel="canonical" href="x" />\n' + RSS
    items = _read(tmp_path, "broken.xml", broken)
    failures = [i for i in items if isinstance(i, Failure)]
    assert [f.reason for f in failures] == ["malformed"]
    assert "2 item(s) recovered" in failures[0].message
    assert [i.url for i in items if isinstance(i, RawItem)] == [
        "https://j.fr/1",
        "https://j.fr/2",
    ]


def test_files_html_main_text_and_metadata(tmp_path: Path) -> None:
    (page,) = _read(tmp_path, "page.html", HTML)
    assert isinstance(page, RawItem)
    assert page.title == "Sommet à Paris"
    assert page.published == date(2024, 6, 19)
    assert page.url == "https://j.fr/sommet" and page.language == "fr"
    assert "Macron a reçu Joe Biden" in page.text and "déclaration commune" in page.text
    for boilerplate in ("Accueil", "cookies", "Partager", "© Le Journal", "Lire aussi"):
        assert boilerplate not in page.text


def test_files_jsonl_with_a_bad_line(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": "Macron a reçu Biden.", "date": "2024-06-19", "url": "u1"}),
        "{not json",
        json.dumps({"title": "", "text": ""}),
    ]
    items = _read(tmp_path, "a.jsonl", "\n".join(lines))
    assert isinstance(items[0], RawItem) and items[0].published == date(2024, 6, 19)
    assert [(i.item, i.reason) for i in items[1:]] == [  # type: ignore[union-attr]
        ("line 2", "malformed"),
        ("line 3", "empty"),
    ]


def test_files_csv_columns(tmp_path: Path) -> None:
    content = "title;text;date;url\nSommet;Macron a reçu Biden.;19/06/2024;https://x\n"
    (item,) = _read(tmp_path, "a.csv", content)
    assert isinstance(item, RawItem)
    assert (item.title, item.published, item.url) == (
        "Sommet",
        date(2024, 6, 19),
        "https://x",
    )
    assert item.text == "Sommet\nMacron a reçu Biden."


def test_files_csv_without_text_column(tmp_path: Path) -> None:
    (failure,) = _read(tmp_path, "a.csv", "id,name\n1,x\n")
    assert isinstance(failure, Failure) and failure.reason == "malformed"
    assert "no text column" in failure.message


@pytest.mark.parametrize(
    "content,reason",
    [
        (b"", "empty"),
        (b"  \n ", "empty"),
        (bytes(range(256)) * 40, "binary"),
        (b"\xff\xfe\x00\xd8", "undecodable"),
    ],
)
def test_files_bad_bytes_are_failures(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    (failure,) = _read(tmp_path, "bad.txt", content)
    assert isinstance(failure, Failure) and failure.reason == reason
    assert str(tmp_path / "bad.txt") in failure.message


def test_files_directories_recursive_and_stdin(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Deuxième texte.")
    (tmp_path / "a.txt").write_text("Premier texte.")
    (tmp_path / ".hidden").write_text("caché")
    items = list(
        read_inputs([str(tmp_path), "-", "/nonexistent"], io.BytesIO(b"Depuis stdin."))
    )
    assert [getattr(i, "text", None) for i in items[:3]] == [
        "Premier texte.", "Deuxième texte.", "Depuis stdin.",
    ]  # fmt: skip
    assert isinstance(items[3], Failure) and items[3].reason == "unreadable"


def test_files_pseudo_xml_corpus_keeps_empty_documents(tmp_path: Path) -> None:
    content = (
        '<corpus>\n<doc url=https://x.fr/2019/01/05/a title="A">Texte A.</doc>\n'
        '<doc title="B"></doc>\n</corpus>'
    )
    items = _read(tmp_path, "c.xml", content)
    assert [(i.item, i.text, i.published) for i in items] == [  # type: ignore[union-attr]
        ("doc 1", "Texte A.", date(2019, 1, 5)),
        ("doc 2", "", None),
    ]


@pytest.mark.parametrize("folder", ["rss/fr", "rss/en"])
def test_files_real_feeds_read(folder: str, shared_file: Callable[[str], Path]) -> None:
    path = shared_file(f"data/{folder}")
    items = list(read_inputs([str(path)]))
    raw = [i for i in items if isinstance(i, RawItem)]
    failures = [i for i in items if isinstance(i, Failure)]
    feeds = {p.name for p in path.glob("*.xml")}
    assert {Path(i.file).name for i in raw} == feeds
    assert all(i.text.strip() for i in raw)
    expected = ["malformed.xml"] if folder == "rss/fr" else []
    assert [Path(f.file).name for f in failures] == expected
