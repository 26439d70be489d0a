"""Issue 13 on the HTTP service, without the coder: DNS rebinding (the Host
header), HEAD, range-checked parameters and page fixes."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI

from newsevents.api.app import create_app
from newsevents.api.security import allowed_hosts
from tests.api._data import build

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

pytestmark = pytest.mark.issue


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("api13") / "events.duckdb")


@pytest.fixture(scope="module")
def app(db: Path) -> Iterator[FastAPI]:
    app = create_app(db, allowed_hosts=allowed_hosts("127.0.0.1", ["proxy.lan"]))
    yield app
    app.state.db.close()


def _client(app: FastAPI, host: str) -> TestClient:
    return TestClient(app, base_url=f"http://{host}")


@pytest.mark.parametrize(
    "host", ["127.0.0.1:8000", "localhost:8000", "[::1]:8000", "proxy.lan", "LOCALHOST"]
)
def test_issue_13_host_of_the_service_answers(app: FastAPI, host: str) -> None:
    response = _client(app, host).get("/api/overview")
    assert response.status_code == 200
    assert "counts" in response.json()


@pytest.mark.parametrize(
    "host", ["evil.example", "evil.example:8000", "127.0.0.1.nip.io"]
)
def test_issue_13_dns_rebinding_refused(app: FastAPI, host: str) -> None:
    client = _client(app, host)
    response = client.get("/api/events")
    assert response.status_code == 400
    assert "--allowed-host" in response.json()["error"]
    assert client.post("/api/code", json={"text": "x"}).status_code == 400


def test_issue_13_allowed_hosts_by_binding() -> None:
    assert allowed_hosts("127.0.0.1") == {"127.0.0.1", "localhost", "::1"}
    assert allowed_hosts("::1", ["Box.Lan:8000"]) == {
        "::1", "127.0.0.1", "localhost", "box.lan",
    }  # fmt: skip
    assert allowed_hosts("0.0.0.0") is None
    assert allowed_hosts("192.168.1.10") == {"192.168.1.10"}


@pytest.mark.parametrize("path", ["/", "/events", "/api/events", "/static/app.css"])
def test_issue_13_head_answers_as_get(app: FastAPI, path: str) -> None:
    client = _client(app, "127.0.0.1:8000")
    head, get = client.head(path), client.get(path)
    assert head.status_code == 200 == get.status_code
    assert head.content == b""
    assert head.headers["content-type"] == get.headers["content-type"]


def test_issue_13_overview_lists_latest_events(app: FastAPI) -> None:
    html = _client(app, "127.0.0.1").get("/").text
    latest = html.split("<h2>Latest events</h2>", 1)[1]
    assert latest.count('<tr class="quad') == 4
    assert "No events match." not in latest


def test_issue_13_page_past_the_end(app: FastAPI) -> None:
    html = _client(app, "127.0.0.1").get("/events", params={"offset": 1500}).text
    assert (
        'No events from number 1501 on: <strong id="total">4</strong> in all.' in html
    )
    assert "Events 0" not in html
    # "previous" leads to the last page that has rows.
    assert 'rel="prev" href="/events?offset=0"' in html


@pytest.mark.parametrize(
    "url",
    [
        "/api/articles?offset=99999999999999999999",
        "/api/network?min_events=99999999999999999999",
        "/api/events?limit=-1",
        "/api/actors?offset=-5",
    ],
)
def test_issue_13_parameters_range_checked(app: FastAPI, url: str) -> None:
    response = _client(app, "127.0.0.1").get(url)
    assert response.status_code == 422
    assert response.json()["error"]
