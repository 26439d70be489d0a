"""The analyst's workbench over HTTP (issue 15): trends, the shared
filters (unknown ones are a 400), one count for the overview, network and
dyad (issue 13 item 15), data quality, and exports of what was filtered."""

from __future__ import annotations

import csv
import io
import re
import warnings
from collections.abc import Iterator
from html import unescape

import pytest
from fastapi import FastAPI

from newsevents.api.app import create_app
from tests.api._data import build

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FastAPI]:
    app = create_app(build(tmp_path_factory.mktemp("wb") / "events.duckdb"))
    yield app
    app.state.db.close()


@pytest.fixture(scope="module")
def client(app: FastAPI) -> TestClient:
    return TestClient(app)


def test_workbench_trend_zero_filled(client: TestClient) -> None:
    body = client.get("/api/trends", params={"actor": "fra", "by": "day"}).json()
    assert [(r["period"], r["events"], r["goldstein_mean"]) for r in body["items"]] == [
        ("2024-06-19", 1, 1.9), ("2024-06-20", 0, None), ("2024-06-21", 1, 1.9),
    ]  # fmt: skip
    assert body["items"][0]["articles"] == 1 and body["undated"] == 0
    assert body["filters"] == {"actor": "FRA"}
    conflict = client.get("/api/trends", params={"quad": "3|4", "by": "month"}).json()
    assert [(r["period"], r["material_conflict"]) for r in conflict["items"]] == [
        ("2024-06-01", 1)]  # fmt: skip


def test_workbench_trend_page_and_csv(client: TestClient) -> None:
    page = client.get("/trends", params={"code": "04|19", "by": "week"})
    assert page.status_code == 200
    assert 'id="chart-trend"' in page.text and 'name="code" value="04|19"' in page.text
    assert '<input type="hidden" name="by" value="week">' in page.text
    download = client.get("/api/trends", params={"code": "04|19", "format": "csv"})
    rows = list(csv.DictReader(io.StringIO(download.text)))
    assert rows[0]["period"] == "2024-06-01" and rows[0]["events"] == "3"
    assert "articles" in rows[0] and "goldstein_mean" in rows[0]


@pytest.mark.parametrize(
    "url",
    ["/api/events?actr=RUS", "/api/trends?quad=3&colour=red", "/trends?bogus=1",
     "/network?since=2024-01-01&min_event=2", "/api/dyads/RUS/UKR?by=month&x=1",
     "/api/export/csv?actr=RUS", "/api/places?sorting=1"],
)  # fmt: skip
def test_workbench_unknown_parameters_are_400(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 400
    assert "unknown parameter" in response.text


@pytest.mark.parametrize(
    ("params", "message"),
    [({"quad": "5"}, "quad '5'"), ({"goldstein": "x"}, "goldstein 'x'"),
     ({"by": "year"}, "")],
)  # fmt: skip
def test_workbench_bad_filter_values(
    client: TestClient, params: dict[str, str], message: str
) -> None:
    response = client.get("/api/trends", params=params)
    assert response.status_code in (400, 422)
    assert message in response.text


def test_issue_13_overview_network_dyad_count_alike(client: TestClient) -> None:
    edges = client.get("/api/network").json()["edges"]
    overview = client.get("/").text
    network = client.get("/network").text
    assert edges
    for edge in edges:
        weight = edge["cooperation"] + edge["conflict"]
        link = f"/dyads/{edge['source']}/{edge['target']}?match=exact"
        assert link in unescape(overview) and link in unescape(network)
        dyad = client.get(f"/api{link}").json()
        forward = [r for r in dyad["items"] if r["source"] == edge["source"]]
        assert sum(r["events"] for r in forward) + dyad["undated"] == weight
        events = client.get(
            "/api/events",
            params={
                "actor": edge["source"],
                "target": edge["target"],
                "match": "exact",
            },
        ).json()
        assert events["total"] == weight  # fmt: skip
        trend = client.get(
            "/api/trends",
            params={
                "actor": edge["source"],
                "target": edge["target"],
                "match": "exact",
            },
        ).json()
        assert sum(r["events"] for r in trend["items"]) + trend["undated"] == weight  # fmt: skip


def test_workbench_quality(client: TestClient) -> None:
    body = client.get("/api/quality").json()
    assert body["events"] == 4 and body["failures_total"] == 0
    assert {g["name"] for g in body["by_language"]} == {"fr", "en"}
    page = client.get("/quality").text
    assert 'id="undated-share"' in page and 'id="by-outlet"' in page


def test_workbench_export_what_was_filtered(client: TestClient) -> None:
    rows = list(csv.DictReader(io.StringIO(
        client.get("/api/export/csv", params={"actor": "RUS"}).text)))  # fmt: skip
    assert [r["code"] for r in rows] == ["190"]
    everything = client.get("/api/export/csv").text
    assert len(everything.strip().splitlines()) == 5
    page = unescape(client.get("/events", params={"quad": "1", "actor": "FRA"}).text)
    links = re.findall(r'href="(/api/export/\w+\?[^"]*)"', page)
    assert "/api/export/csv?actor=FRA&quad=1" in links and len(links) == 5
    exported = client.get("/api/export/csv?actor=FRA&quad=1").text
    assert len(exported.strip().splitlines()) == 3


def test_workbench_filters_documented(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()["paths"]
    names = {p["name"] for p in spec["/api/trends"]["get"]["parameters"]}
    assert {"actor_country", "actor_role", "quad", "goldstein", "outlet", "by"} <= names
    assert {"/api/quality", "/api/trends"} <= set(spec)


def test_workbench_codebook(client: TestClient) -> None:
    body = client.get("/api/codebook", params={"root": "04"}).json()
    visit = next(r for r in body["items"] if r["code"] == "042")
    assert (visit["plover_type"], visit["quad_class"], visit["goldstein"]) == (
        "CONSULT", 1, 1.9)  # fmt: skip
    assert visit["events"] == 2 and all(r["root"] == "04" for r in body["items"])
    page = client.get("/codebook").text
    assert (
        'href="/events?code=190"' in page and "Use conventional military force" in page
    )
    assert client.get("/api/codebook", params={"root": "x"}).status_code == 400


def test_workbench_event_names_its_coder_and_lexicon(client: TestClient) -> None:
    """Issue 15 item 8: an event's page and JSON give the newsevents and
    trigger lexicon versions that coded it, and link its actors."""
    from newsevents import __version__
    from newsevents.lang import get

    first = client.get("/api/events", params={"actor": "FRAGOV"}).json()["items"][0]
    body = client.get(f"/api/events/{first['id']}").json()
    lexicon = get("fr").lexicon_version
    assert (body["coder_version"], body["lexicon_version"]) == (__version__, lexicon)
    html = client.get(f"/events/{first['id']}").text
    assert f'<code id="coder-version">{__version__}</code>' in html
    assert f'<code id="lexicon-version">{lexicon}</code>' in html
    assert 'href="/actors/FRAGOV"' in html and 'href="/actors/USAGOV"' in html


def test_workbench_actor_page_and_api(client: TestClient) -> None:
    """Issue 15 item 5: an actor's page gives its events as source and as
    target with links to the filtered list, its partners with links to
    their dyads, the names seen and the terms of office of its people."""
    body = client.get("/api/actors/fragov").json()
    assert (body["code"], body["as_source"], body["as_target"]) == ("FRAGOV", 2, 0)
    assert body["partners"] == [{"code": "USAGOV", "name": "Joe Biden", "sent": 2,
                                 "received": 0, "events": 2}]  # fmt: skip
    assert body["names"] == [{"name": "Macron", "mentions": 2}]
    assert {o["title"] for o in body["offices"]} >= {"President"}
    listed = client.get("/api/events", params={"actor": "FRAGOV", "match": "exact"})
    assert listed.json()["total"] == body["as_source"]
    html = unescape(client.get("/actors/FRAGOV").text)
    assert 'href="/events?actor=FRAGOV&match=exact"' in html
    assert 'href="/dyads/FRAGOV/USAGOV?match=exact"' in html
    assert "https://www.wikidata.org/wiki/Q3052772" not in html  # none in mentions
    assert "President" in html and "Elysee" in html
    csv_rows = list(csv.DictReader(io.StringIO(
        client.get("/api/actors/RUSMIL", params={"format": "csv"}).text)))  # fmt: skip
    assert {r["code"] for r in csv_rows} == {"UKR", "PRKGOV"}
    nato = client.get("/api/actors/IGONAT").json()
    assert (nato["name"], nato["wikidata"]) == ("NATO", "Q7184")
    assert 'href="https://www.wikidata.org/wiki/Q7184"' in client.get(
        "/actors/IGONAT").text  # fmt: skip
    assert client.get("/api/actors/QQQXYZ").status_code == 404
    assert client.get("/api/actors/R%20U").status_code == 400
    assert client.get("/api/actors/RUSMIL", params={"since": "2024"}).status_code == 400
    # The actors list links each actor to its page.
    assert 'href="/actors/RUSMIL"' in client.get("/actors").text


def test_workbench_map_filters_precision_and_exports(client: TestClient) -> None:
    """Issue 15 items 7 and 4: the map takes the shared filters, tells how
    precisely each place is located and links the exports of its events."""
    places = client.get("/api/places", params={"code": "19"}).json()["items"]
    assert [(p["name"], p["precision"]) for p in places] == [("Kyiv", "city")]
    html = unescape(
        client.get("/map", params={"code": "19", "since": "2024-06-01"}).text
    )
    assert 'name="code" value="19"' in html and 'id="date-slider"' in html
    for fmt in ("csv", "gdelt", "plover", "parquet", "geojson"):
        assert f'href="/api/export/{fmt}?code=19&since=2024-06-01"' in html
    assert 'href="/events?code=19&since=2024-06-01&place=Kyiv"' in html
    shown = client.get("/map", params={"code": "19", "format": "csv"}).text
    assert shown.splitlines()[0].endswith(",precision")
    assert client.get("/map", params={"zoom": "3"}).status_code == 400


def test_workbench_network_top_edges_and_exports(client: TestClient) -> None:
    html = unescape(client.get("/network", params={"limit": 2, "quad": "1|2"}).text)
    assert '<option value="2" selected>2 edges</option>' in html
    # A new filter keeps the size: the filter form carries it.
    assert '<input type="hidden" name="limit" value="2">' in html
    assert 'href="/api/export/plover?quad=1%7C2"' in html
    assert 'href="/actors/FRAGOV"' in html
    edges = list(csv.DictReader(io.StringIO(client.get(
        "/network", params={"limit": 2, "quad": "1|2", "format": "csv"}).text)))  # fmt: skip
    assert len(edges) == 2 and edges[0]["source"] == "FRAGOV"
    assert int(edges[0]["cooperation"]) == 2
