"""The JSON API on a small hand-built database: every endpoint, its
filters and its errors (a clear 4xx with a message, never a 500)."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi import FastAPI

from newsevents.api.app import create_app, get_coder
from newsevents.models import Article, CodedArticle
from tests.api._data import build

with warnings.catch_warnings():
    # Starlette's test client warns that it prefers another httpx package.
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("api") / "events.duckdb")


def _fake_coder(
    text: str, language: str | None, published: date | None, title: str | None
) -> CodedArticle:
    article = Article.from_text(text, language or "en", published=published)
    return CodedArticle(article=article)


@pytest.fixture(scope="module")
def app(db: Path) -> Iterator[FastAPI]:
    app = create_app(db, max_body=10_000)
    app.dependency_overrides[get_coder] = lambda: _fake_coder
    yield app
    app.state.db.close()


@pytest.fixture(scope="module")
def client(app: FastAPI) -> TestClient:
    return TestClient(app)


def test_routes_events_page_shape(client: TestClient) -> None:
    body = client.get("/api/events", params={"limit": 2}).json()
    assert set(body) == {"items", "total", "next"}
    assert body["total"] == 4
    assert len(body["items"]) == 2
    assert body["next"] == "/api/events?limit=2&offset=2"
    last = client.get(body["next"]).json()
    assert last["next"] is None and len(last["items"]) == 2


@pytest.mark.parametrize(
    ("params", "codes"),
    [
        ({"actor": "fra"}, ["042", "042"]),
        ({"target": "RUS"}, ["057"]),
        ({"code": "19"}, ["190"]),
        ({"since": "2024-06-20", "until": "2024-06-30"}, ["042", "190"]),
        ({"place": "kyiv"}, ["190"]),
        ({"place": "FRA"}, ["042", "042"]),
        ({"modality": "planned"}, ["057"]),
        ({"actor": "", "since": ""}, ["057", "042", "190", "042"]),
    ],
)
def test_routes_events_filters(
    client: TestClient, params: dict[str, str], codes: list[str]
) -> None:
    body = client.get("/api/events", params=params).json()
    assert [e["code"] for e in body["items"]] == codes
    assert body["total"] == len(codes)


@pytest.mark.parametrize(
    ("sort", "first"), [("-date", "057"), ("date", "042"), ("goldstein", "190")]
)
def test_routes_events_sort(client: TestClient, sort: str, first: str) -> None:
    items = client.get("/api/events", params={"sort": sort}).json()["items"]
    assert items[0]["code"] == first


def test_routes_event_detail(client: TestClient) -> None:
    first = client.get("/api/events", params={"code": "190"}).json()["items"][0]
    body = client.get(f"/api/events/{first['id']}").json()
    assert body["event"]["evidence"][0]["text"] == "Russian troops attacked Ukraine"
    assert body["event"]["trigger"] == "entry-190"
    assert body["article_title"] == "Attack and alliance"
    assert [r["event_id"] for r in body["reports"]] == [first["id"]]


def test_routes_articles(client: TestClient) -> None:
    body = client.get("/api/articles").json()
    assert body["total"] == 3
    assert client.get("/api/articles", params={"language": "en"}).json()["total"] == 1
    found = client.get("/api/articles", params={"q": "alliance"}).json()["items"]
    assert [a["title"] for a in found] == ["Attack and alliance"]
    one = client.get(f"/api/articles/{found[0]['id'][:8]}").json()
    assert [m["text"] for m in one["mentions"]][0] == "Russian troops"
    assert len(one["events"]) == 2


def test_routes_actors(client: TestClient) -> None:
    body = client.get("/api/actors", params={"limit": 1}).json()
    assert body["items"][0]["code"] == "FRAGOV"
    assert body["total"] == 5 and body["next"] is not None
    rus = client.get("/api/actors", params={"prefix": "rus"}).json()["items"]
    assert [(a["code"], a["as_source"], a["as_target"]) for a in rus] == [
        ("RUSMIL", 1, 1)
    ]


def test_routes_dyads_both_directions(client: TestClient) -> None:
    body = client.get("/api/dyads/RUS/PRK", params={"by": "month"}).json()
    assert body["a"] == "RUS" and body["b"] == "PRK"
    rows = body["items"]
    assert [(r["source"], r["target"], r["material_cooperation"]) for r in rows] == [
        ("RUS", "PRK", 0), ("PRK", "RUS", 1),
    ]  # fmt: skip
    assert rows[1]["period"] == "2024-07-01"


def test_routes_places(client: TestClient) -> None:
    body = client.get("/api/places").json()
    assert [(p["name"], p["events"]) for p in body["items"]] == [
        ("Paris", 2),
        ("Kyiv", 1),
    ]
    assert {c["country"]: c["events"] for c in body["countries"]} == {
        "FRA": 2,
        "UKR": 1,
    }
    assert client.get("/api/places", params={"actor": "RUS"}).json()["total"] == 1


def test_routes_network(client: TestClient) -> None:
    body = client.get("/api/network").json()
    edges = {(e["source"], e["target"]): e for e in body["edges"]}
    assert edges[("FRAGOV", "USAGOV")]["cooperation"] == 2
    assert edges[("RUSMIL", "UKR")]["conflict"] == 1
    assert {n["id"] for n in body["nodes"]} == {
        "FRAGOV", "USAGOV", "RUSMIL", "UKR", "PRKGOV",
    }  # fmt: skip
    later = client.get("/api/network", params={"since": "2024-06-25"}).json()
    assert [(e["source"], e["target"]) for e in later["edges"]] == [
        ("PRKGOV", "RUSMIL")
    ]


def test_routes_overview(client: TestClient) -> None:
    counts = client.get("/api/overview").json()["counts"]
    assert counts["articles"] == 3 and counts["events"] == 4


def test_routes_code(client: TestClient) -> None:
    body = client.post(
        "/api/code",
        json={"text": "Macron.", "language": "fr", "published": "2024-01-02"},
    ).json()
    assert body["article"]["language"] == "fr"
    assert body["article"]["published"] == "2024-01-02"


@pytest.mark.parametrize(
    ("method", "url", "payload", "status", "words"),
    [
        ("get", "/api/events?since=2024-13-01", None, 400, "since"),
        ("get", "/api/events?since=2024-06-02&until=2024-06-01", None, 400, "swap"),
        ("get", "/api/events?limit=0", None, 422, "limit"),
        ("get", "/api/events?limit=abc", None, 422, "limit"),
        ("get", "/api/events?offset=-1", None, 422, "offset"),
        ("get", "/api/events?sort=drop", None, 400, "sort"),
        ("get", "/api/events?actor=R%25S", None, 400, "actor"),
        ("get", "/api/events?code=x'1", None, 400, "code"),
        ("get", "/api/events?modality=maybe", None, 400, "modality"),
        ("get", "/api/events/999", None, 404, "no event"),
        ("get", "/api/events/0", None, 422, "event_id"),
        ("get", "/api/events/99999999999999999999999", None, 422, "event_id"),
        ("get", "/api/events/abc", None, 422, "event_id"),
        ("get", "/api/articles/ffffffff", None, 404, "no article"),
        ("get", "/api/articles/a'--", None, 400, "article id"),
        ("get", "/api/articles?language=de", None, 400, "language"),
        ("get", "/api/actors?prefix=a b", None, 400, "prefix"),
        ("get", "/api/dyads/RUS/P%20K", None, 400, "b="),
        ("get", "/api/dyads/RUS/PRK?by=year", None, 422, "by"),
        ("get", "/api/network?until=soon", None, 400, "until"),
        ("get", "/api/nowhere", None, 404, "Not Found"),
        ("post", "/api/code", {"text": ""}, 422, "text"),
        ("post", "/api/code", {"text": "x", "language": "de"}, 422, "language"),
        ("post", "/api/code", {"text": "x", "extra": 1}, 422, "extra"),
        ("post", "/api/code", {"text": "x" * 20_000}, 413, "larger than"),
    ],
)
def test_routes_bad_requests(
    client: TestClient,
    method: str,
    url: str,
    payload: dict[str, object] | None,
    status: int,
    words: str,
) -> None:
    response = client.request(method, url, json=payload)
    assert response.status_code == status, response.text
    assert words in response.json()["error"]


def test_routes_streamed_body_over_limit(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(20):
            yield b"x" * 1000
        yield b'"}'

    response = client.post(
        "/api/code", content=chunks(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413
    assert "larger than 10000 bytes" in response.json()["error"]


def test_routes_code_requires_token(db: Path, app: FastAPI) -> None:
    guarded = create_app(None, token="s3cret")
    guarded.state.db = app.state.db
    guarded.dependency_overrides[get_coder] = lambda: _fake_coder
    client = TestClient(guarded)
    body = {"text": "Macron.", "language": "fr"}
    refused = client.post("/api/code", json=body)
    assert refused.status_code == 401
    assert "token" in refused.json()["error"]
    wrong = client.post("/api/code", json=body, headers={"authorization": "Bearer x"})
    assert wrong.status_code == 401
    ok = client.post("/api/code", json=body, headers={"authorization": "Bearer s3cret"})
    assert ok.status_code == 200
    # Reading needs no token.
    assert client.get("/api/events").status_code == 200


def test_routes_openapi_documents_every_route(client: TestClient, app: FastAPI) -> None:
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    for route in app.routes:
        path = getattr(route, "path", "")
        if path.startswith("/api/"):
            assert path in paths, path
            for operation in paths[path].values():
                assert operation.get("description") or operation.get("summary")
    assert {"/api/events", "/api/places", "/api/network", "/api/code"} <= set(paths)
