"""The web pages on the hand-built database: each renders, filters stay in
the URL, hostile article text and titles are escaped."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi import FastAPI

from newsevents.api.app import create_app, get_coder
from newsevents.models import Article, CodedArticle, Mention
from tests.api._data import FRA, build

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


def _fake_coder(
    text: str, language: str | None, published: date | None, title: str | None
) -> CodedArticle:
    article = Article.from_text(text, language or "en", published=published)
    mention = Mention(start=0, end=6, text=text[:6], kind="person", actor=FRA)
    return CodedArticle(article=article, mentions=(mention,))


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FastAPI]:
    db = build(tmp_path_factory.mktemp("pages") / "events.duckdb")
    app = create_app(db)
    app.dependency_overrides[get_coder] = lambda: _fake_coder
    yield app
    app.state.db.close()


@pytest.fixture(scope="module")
def client(app: FastAPI) -> TestClient:
    return TestClient(app)


def _hostile_id(client: TestClient) -> str:
    items = client.get("/api/articles", params={"q": "script"}).json()["items"]
    return str(items[0]["id"])


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("/", "Most active actors"),
        ("/events", "Events 1–4 of"),
        ("/articles", "Attack and alliance"),
        ("/dyads/RUS/PRK", "PRK → RUS"),
        ("/map", "/vendor/leaflet.js"),
        ("/network", "/vendor/cytoscape.min.js"),
        ("/code", "Article text"),
    ],
)
def test_pages_render(client: TestClient, url: str, words: str) -> None:
    response = client.get(url)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert words in response.text
    assert "script-src 'self'" in response.headers["content-security-policy"]


def test_pages_events_filters_stay_in_form(client: TestClient) -> None:
    html = client.get("/events", params={"actor": "RUS", "since": "2024-06-01"}).text
    assert 'name="actor" value="RUS"' in html
    assert 'name="since" type="date" value="2024-06-01"' in html
    assert "Events 1–1 of" in html
    assert "sort=-id" not in html and "sort=id" in html


def test_pages_events_pager(client: TestClient) -> None:
    html = client.get("/events", params={"limit": 2, "actor": "FRA"}).text
    assert "Events 1–2 of" in html and 'rel="next"' not in html
    html = client.get("/events", params={"limit": 1}).text
    assert 'href="/events?limit=1&amp;offset=1"' in html


def test_pages_event_and_article(client: TestClient) -> None:
    first = client.get("/api/events", params={"code": "190"}).json()["items"][0]
    html = client.get(f"/events/{first['id']}").text
    assert "entry-190" in html and "subject-verb-object" in html
    html = client.get(f"/articles/{first['article_id']}").text
    assert '<span class="evidence m-group"' in html
    assert f'href="/events/{first["id"]}"' in html


def test_pages_hostile_article_is_escaped(client: TestClient) -> None:
    html = client.get(f"/articles/{_hostile_id(client)}").text
    assert "<script>window" not in html
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;Sommet" in html
    assert "<img" not in html
    assert "onerror=&#34;window" in html
    assert "javascript:" not in html


def _hostile_event_id(client: TestClient, article_id: str) -> int:
    events = client.get("/api/events", params={"limit": 100}).json()["items"]
    return next(int(e["id"]) for e in events if e["article_id"] == article_id)


@pytest.mark.parametrize("page", ["articles", "search", "event"])
def test_pages_hostile_title_is_escaped_on_every_page(
    client: TestClient, page: str
) -> None:
    """The title shows on the list pages too, not only on the article page
    (a ``|safe`` there ran the title's script)."""
    article_id = _hostile_id(client)
    url = {
        "articles": "/articles",
        "search": "/articles?q=script",
        "event": f"/events/{_hostile_event_id(client, article_id)}",
    }[page]
    html = client.get(url).text
    assert "<script>window" not in html
    assert f'<a href="/articles/{article_id}">' in html
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;Sommet</a>" in html


def test_pages_errors_are_html(client: TestClient) -> None:
    response = client.get("/events", params={"since": "<b>x</b>"})
    assert response.status_code == 400
    assert "since &#39;&lt;b&gt;x&lt;/b&gt;&#39;" in response.text
    assert client.get("/articles/ffffffff").status_code == 404
    assert client.get("/dyads/RUS/PRK", params={"by": "year"}).status_code == 400


def test_pages_code_form(client: TestClient) -> None:
    response = client.post(
        "/code",
        data={"text": "Macron <b>est</b> là.", "language": "fr", "published": ""},
    )
    assert response.status_code == 200
    assert '<span class="m-person" title="person: FRAGOV' in response.text
    assert "&lt;b&gt;est&lt;/b&gt;" in response.text
    empty = client.post("/code", data={"text": " ", "language": "fr"})
    assert empty.status_code == 400


def test_pages_code_form_token(app: FastAPI) -> None:
    guarded = create_app(None, token="tok")
    guarded.state.db = app.state.db
    guarded.dependency_overrides[get_coder] = lambda: _fake_coder
    client = TestClient(guarded)
    assert 'name="token"' in client.get("/code").text
    form = {"text": "Macron.", "language": "fr"}
    assert client.post("/code", data=form).status_code == 401
    assert client.post("/code", data={**form, "token": "tok"}).status_code == 200


@pytest.mark.parametrize(
    ("name", "status"), [("leaflet.js", 200), ("../package.json", 404), ("x", 404)]
)
def test_pages_vendor_whitelist(
    client: TestClient, name: str, status: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    if status == 200 and not (Path("node_modules") / "leaflet").is_dir():
        pytest.skip("node_modules absent: run `npm ci`")
    assert client.get(f"/vendor/{name}").status_code == status
