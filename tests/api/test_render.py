"""One view, several renderers: the same resource as JSON, as a page and
as CSV or GeoJSON by ``format=``; whole-database downloads through the
export registry; errors in the format asked for."""

from __future__ import annotations

import csv
import io
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI

from newsevents.api.app import create_app
from newsevents.export import export
from newsevents.store.schema import connect
from tests.api._data import build

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("render") / "events.duckdb")


@pytest.fixture(scope="module")
def app(db: Path) -> Iterator[FastAPI]:
    app = create_app(db)
    yield app
    app.state.db.close()


@pytest.fixture(scope="module")
def client(app: FastAPI) -> TestClient:
    return TestClient(app)


def test_render_events_csv(client: TestClient) -> None:
    response = client.get("/api/events", params={"format": "csv", "actor": "FRA"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert 'filename="events.csv"' in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [(r["date"], r["source"], r["code"], r["target"]) for r in rows] == [
        ("2024-06-21", "FRAGOV", "042", "USAGOV"),
        ("2024-06-19", "FRAGOV", "042", "USAGOV"),
    ]


def test_render_page_as_json_is_the_api_body(client: TestClient) -> None:
    page = client.get("/events", params={"format": "json", "code": "190"}).json()
    api = client.get("/api/events", params={"code": "190"}).json()
    assert page == api
    assert [e["evidence"] for e in page["items"]] == ["Russian troops attacked Ukraine"]


def test_render_api_as_html(client: TestClient) -> None:
    response = client.get("/api/articles", params={"format": "html"})
    assert response.headers["content-type"].startswith("text/html")
    assert "Attack and alliance" in response.text


def test_render_places_geojson(client: TestClient) -> None:
    body = client.get("/api/places", params={"format": "geojson"}).json()
    assert body["type"] == "FeatureCollection"
    assert [
        (
            f["properties"]["name"],
            f["geometry"]["coordinates"],
            f["properties"]["events"],
        )
        for f in body["features"]
    ] == [("Paris", [2.35, 48.85], 2), ("Kyiv", [30.52, 50.45], 1)]


def test_render_actors_page(client: TestClient) -> None:
    html = client.get("/actors", params={"limit": 2}).text
    # Each actor links to its page (issue 15 item 5).
    assert '<a class="actor" href="/actors/FRAGOV">FRAGOV</a>' in html
    assert "5 actors." in html and 'href="/actors?limit=2&amp;offset=2"' in html


@pytest.mark.parametrize(
    ("url", "status", "words"),
    [
        ("/api/events?format=xml", 400, "renders as json, html, csv"),
        ("/api/events/1?format=csv", 400, "renders as json, html"),
        ("/api/events?format=geojson", 400, "no lat and lon"),
        ("/api/export/xml", 400, "want one of gdelt, plover, csv, parquet, geojson"),
    ],
)
def test_render_bad_format(
    client: TestClient, url: str, status: int, words: str
) -> None:
    response = client.get(url)
    assert response.status_code == status
    assert words in response.json()["error"]


def test_render_page_errors_are_400_pages(client: TestClient) -> None:
    response = client.get("/events", params={"limit": "abc"})
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("text/html")
    assert client.get("/api/events", params={"limit": "abc"}).status_code == 422


@pytest.mark.parametrize(
    ("fmt", "records"),
    # GeoJSON holds the events with coordinates: Kim's pledge has no place.
    [("csv", 4), ("gdelt", 4), ("plover", 4), ("geojson", 3)],
)
def test_render_download_is_the_export(
    client: TestClient, db: Path, fmt: str, records: int, tmp_path: Path
) -> None:
    response = client.get(f"/api/export/{fmt}")
    assert response.status_code == 200
    out = tmp_path / f"events.{fmt}"
    conn = connect(db, read_only=True)
    try:
        count = export(conn, fmt, out)
    finally:
        conn.close()
    assert count == records
    assert response.content == out.read_bytes()


def test_render_download_parquet(client: TestClient, tmp_path: Path) -> None:
    response = client.get("/api/export/parquet")
    assert response.content[:4] == b"PAR1"
    path = tmp_path / "events.parquet"
    path.write_bytes(response.content)
    conn = connect(":memory:")
    rows = conn.execute(
        f"SELECT source_code, code FROM '{path}' ORDER BY id"
    ).fetchall()
    assert rows == [
        ("FRAGOV", "042"), ("RUSMIL", "190"), ("PRKGOV", "057"), ("FRAGOV", "042"),
    ]  # fmt: skip
