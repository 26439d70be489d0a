"""The analyst's workbench in Chromium (issue 15), used as a person would:
filter a trend by typing and ticking, switch to counts per article,
download what was filtered and read the file back; follow a network edge
to its dyad and find the same count (issue 13 item 15); read the data
quality page; search the articles; read an event's coder and lexicon
versions and follow its actor to the actor page, then to a partner's dyad
and to the actor's events; filter the map by typing and by sliding its
dates, read a place's precision in its popup and download what it shows;
cut the network to its top edges, labelled by name, and export them; use
both on a phone. Screenshots under build/test-output/browser/."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from newsevents.models import Failure
from tests.api._browser import ROOT, chromium, live_server
from tests.api._data import build
from tests.api.test_browser import _shot
from tests.store._data import FRA, RUS, UKR, USA, event, rows

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The hand-built API database, a few months of Russia-Ukraine events
    and a failed input, served on a free port (no spaCy)."""
    from newsevents.api.app import create_app
    from newsevents.store.schema import connect
    from newsevents.store.writer import Writer

    if not (ROOT / "node_modules" / "chart.js").is_dir():
        pytest.skip("node_modules absent: run `npm ci` (make test does)")
    db = build(tmp_path_factory.mktemp("wb-browser") / "events.duckdb")
    conn = connect(db)
    batch: list[Any] = [
        rows(f"Russian forces shelled Ukraine, report {month}-{n}.", [
            event(RUS, UKR, "190", day=f"2024-{month:02d}-1{n}", quad=4,
                  goldstein=-10.0, place=None),
            event(UKR, RUS, "112", day=f"2024-{month:02d}-1{n}", quad=3,
                  goldstein=-2.0, place=None),
        ], published=date(2024, month, 10 + n), language="en", source="Wire")
        for month in (3, 5) for n in range(3)
    ]  # fmt: skip
    batch.append(rows("Macron a reçu Biden.", [event(FRA, USA, day="2024-05-02")],
                      published=date(2024, 5, 2)))  # fmt: skip
    batch.append(Failure(file="broken.xml", reason="malformed",
                         message="broken.xml: not a feed"))  # fmt: skip
    Writer(conn).write(batch)
    conn.close()
    with live_server(create_app(db)) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium(shots=True) as browser:
        yield browser


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:
    """A page that may only reach our server, with downloads on; a request
    elsewhere or a JavaScript error fails the test."""
    context = browser.new_context(
        base_url=server, viewport={"width": 1280, "height": 900}, accept_downloads=True
    )
    outside: list[str] = []
    errors: list[str] = []
    context.route("**/*", lambda route: route.continue_()
                  if route.request.url.startswith(server)
                  else (outside.append(route.request.url), route.abort()))  # fmt: skip
    page = context.new_page()
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.set_default_timeout(15_000)
    yield page
    context.close()
    assert outside == [] and errors == [], (outside, errors)


def _download(page: Any, selector: str) -> str:
    with page.expect_download() as info:
        page.click(selector)
    return Path(info.value.path()).read_text(encoding="utf-8")


def test_browser_workbench_trend(page: Any) -> None:
    page.goto("/trends")
    page.fill("input[name=actor]", "rus")
    page.fill("input[name=code]", "18|19")
    page.check("input[name=undirected]")
    page.click("#filters button[type=submit]")
    page.wait_for_selector("#chart-trend")
    page.select_option("#by", "month")
    page.click("#period button[type=submit]")
    page.wait_for_url("**by=month**")
    cells = page.locator("table.trend tbody tr td:first-child").all_inner_texts()
    # April has no event: it is on the axis all the same.
    assert cells == ["2024-03-01", "2024-04-01", "2024-05-01", "2024-06-01"]
    counts = page.locator("table.trend tbody tr td:nth-child(2)").all_inner_texts()
    assert counts == ["3", "0", "3", "1"]
    page.check("#normalise")
    axis = page.evaluate("window.newseventsTrend.options.scales.y.title.text")
    assert axis == "events per article"
    _shot(page, "trends")
    data = list(csv.DictReader(io.StringIO(_download(page, "#download"))))
    assert [(r["period"], r["events"]) for r in data] == [
        ("2024-03-01", "3"), ("2024-04-01", "0"), ("2024-05-01", "3"),
        ("2024-06-01", "1")]  # fmt: skip
    assert data[0]["articles"] == "3" and data[0]["per_article"] == "1.0"


def test_browser_workbench_events_export(page: Any) -> None:
    page.goto("/events")
    page.fill("input[name=quad]", "4")
    page.click("summary")
    page.fill("input[name=goldstein]", "-10..-5")
    page.click("#filters button[type=submit]")
    page.wait_for_url("**quad=4**")
    assert page.inner_text("#total") == "7"
    _shot(page, "events-filtered")
    rows_ = list(csv.DictReader(io.StringIO(_download(page, "#export-csv"))))
    assert len(rows_) == 7 and {r["code"] for r in rows_} == {"190"}
    plover = _download(page, "#export-plover").splitlines()
    assert len(plover) == 7 and json.loads(plover[0])["cameo"] == "190"


def test_browser_workbench_network_edge_to_dyad(page: Any) -> None:
    page.goto("/network")
    page.wait_for_selector("#graph canvas", state="attached")
    link = page.locator("a.edge").first
    shown = int(link.inner_text())
    link.click()
    page.wait_for_url("**match=exact**")
    figures = page.locator("table.dyad tbody tr")
    direction = page.locator("table.dyad tbody tr td:nth-child(2)").all_inner_texts()
    events = page.locator("table.dyad tbody tr td:nth-child(3)").all_inner_texts()
    first = direction[0]
    assert figures.count() >= 2
    assert sum(int(n) for d, n in zip(direction, events, strict=True)
               if d == first) == shown  # fmt: skip
    _shot(page, "dyad-from-network")


def test_browser_workbench_quality_and_search(page: Any) -> None:
    page.goto("/quality")
    assert page.inner_text("#failures-total") == "1"
    assert "malformed" in page.inner_text("#reasons")
    assert "Wire" in page.inner_text("#by-outlet")
    _shot(page, "quality")
    page.goto("/articles")
    page.fill("input[name=q]", "SHELLED")
    page.click("#search button[type=submit]")
    page.wait_for_url("**q=SHELLED**")
    titles = page.locator("table tbody tr").count()
    assert titles == 6
    _shot(page, "articles-search")
    page.goto("/codebook")
    page.fill("input[name=root]", "19")
    page.click("#codebook-filter button[type=submit]")
    page.click("a[href='/events?code=190']")
    page.wait_for_url("**code=190**")
    assert page.inner_text("#total") == "7"
    _shot(page, "codebook-to-events")


def test_browser_workbench_event_provenance_and_actor_page(page: Any) -> None:
    from newsevents import __version__
    from newsevents.lang import get

    page.goto("/events?actor=RUSMIL&sort=date")
    page.click("table.events tbody tr:first-child td:first-child a")
    page.wait_for_url("**/events/*")
    assert page.inner_text("#coder-version") == __version__
    assert page.inner_text("#lexicon-version") == get("en").lexicon_version
    _shot(page, "event-provenance")
    page.click("dl.explain a.actor >> nth=0")
    page.wait_for_url("**/actors/RUSMIL")
    assert page.inner_text("h1").startswith("RUSMIL")
    assert "Actor of Russia" in page.inner_text("#actor-kb")
    partners = page.locator("#partners tbody tr td:first-child").all_inner_texts()
    assert partners == ["UKR", "PRKGOV"]
    shown = int(page.inner_text("#partners a.dyad >> nth=0"))
    assert shown == 13  # 7 events to Ukraine, 6 from it
    _shot(page, "actor-page")
    page.click("#partners a.dyad >> nth=0")
    page.wait_for_url("**/dyads/RUSMIL/UKR?match=exact")
    events = page.locator("table.dyad tbody tr td:nth-child(3)").all_inner_texts()
    assert sum(int(n) for n in events) == shown
    page.go_back()
    sent = page.inner_text("#as-source").split()[0]
    page.click("#as-source")
    page.wait_for_url("**actor=RUSMIL&match=exact**")
    assert page.inner_text("#total") == sent == "7"


def test_browser_workbench_map_controls(page: Any) -> None:
    page.goto("/map")
    page.locator("path.place-marker").first.wait_for()
    places = page.locator("#places tbody tr td:first-child").all_inner_texts()
    assert places == ["Paris", "Kyiv"]
    page.fill("#filters input[name=code]", "19")
    page.click("#filters button[type=submit]")
    page.wait_for_url("**code=19**")
    assert page.locator("#places tbody tr td:first-child").all_inner_texts() == [
        "Kyiv"]  # fmt: skip
    page.goto("/map")
    # Slide the first day to 1 June 2024: the form's since follows.
    first = page.evaluate(
        "JSON.parse(document.getElementById('data').textContent).first"
    )
    offset = (date(2024, 6, 1) - date.fromisoformat(first)).days
    page.locator("#slide-since").fill(str(offset))
    page.wait_for_url("**since=2024-06-01**")
    assert page.input_value("#filters input[name=since]") == "2024-06-01"
    assert page.inner_text("#slide-range").startswith("2024-06-01 to ")
    paris = page.locator("#places tbody tr").first.inner_text()
    assert paris.split("\t")[:3] == ["Paris", "FRA", "city"]
    assert paris.split("\t")[3] == "2"  # the 2 May meeting is before the slider
    page.locator("path.place-marker").first.wait_for()
    page.wait_for_load_state("networkidle")
    page.locator("path.place-marker").first.click(force=True)
    popup = page.locator(".place-popup")
    popup.wait_for()
    assert "Located as: town" in popup.inner_text()
    _shot(page, "map-controls")
    exported = list(csv.DictReader(io.StringIO(_download(page, "#export-csv"))))
    assert exported and all(r["event_date"] >= "2024-06-01" for r in exported)
    shown = list(csv.DictReader(io.StringIO(_download(page, "#download"))))
    assert [(r["name"], r["precision"]) for r in shown][0] == ("Paris", "city")
    geojson = json.loads(_download(page, "#export-geojson"))
    assert {f["properties"]["place_name"] for f in geojson["features"]} == {
        "Paris", "Kyiv"}  # fmt: skip
    popup.locator("a").click()
    page.wait_for_url("**place=Paris**")
    assert "since=2024-06-01" in page.url and page.inner_text("#total") == "2"


def test_browser_workbench_network_top_edges(page: Any) -> None:
    page.goto("/network")
    page.select_option("#limit", "10")
    page.click("#network-size button[type=submit]")
    page.wait_for_url("**limit=10**")
    page.fill("#filters input[name=quad]", "3|4")
    page.click("#filters button[type=submit]")
    page.wait_for_url("**quad=3%7C4**")
    assert "limit=10" in page.url  # the size survives a new filter
    page.wait_for_function(
        "window.newseventsGraph && window.newseventsGraph.nodes().length"
    )
    labels = page.evaluate(
        "window.newseventsGraph.nodes().map((n) => n.style('label')).sort()"
    )
    assert "Russian army" in labels and "RUSMIL" not in labels
    widths = page.evaluate(
        "window.newseventsGraph.edges().map((e) => [e.data('count'), e.data('width')])"
    )
    assert max(widths, key=lambda w: int(w[0]))[1] == 8  # heaviest edge widest
    page.check("#by-code")
    labels = page.evaluate(
        "window.newseventsGraph.nodes().map((n) => n.style('label'))"
    )
    assert "RUSMIL" in labels
    _shot(page, "network-top-edges")
    rows_ = page.locator("#edges tbody tr").count()
    assert 1 <= rows_ <= 10
    exported = list(csv.DictReader(io.StringIO(_download(page, "#export-csv"))))
    assert exported and {r["quad_class"] for r in exported} <= {"3", "4"}
    edges = list(csv.DictReader(io.StringIO(_download(page, "#download"))))
    assert len(edges) == rows_ and {"source", "target", "conflict"} <= set(edges[0])


def test_browser_workbench_trend_exports(page: Any) -> None:
    page.goto("/trends?code=19&by=month")
    plover = _download(page, "#export-plover").splitlines()
    assert plover and all(json.loads(r)["cameo"].startswith("19") for r in plover)
    gdelt = _download(page, "#export-gdelt").splitlines()
    assert gdelt and all(r.split("\t")[26].startswith("19") for r in gdelt)


def test_browser_workbench_map_and_network_on_a_phone(
    browser: Any, server: str
) -> None:
    context = browser.new_context(
        base_url=server, viewport={"width": 390, "height": 844}
    )
    phone = context.new_page()
    for url, name in (("/map", "map-phone"), ("/network?limit=10", "network-phone")):
        phone.goto(url)
        phone.wait_for_load_state("networkidle")
        wide = phone.evaluate("document.documentElement.scrollWidth")
        assert wide <= 390, f"{url} is {wide} px wide on a 390-px phone"
        _shot(phone, name)
    graph = phone.evaluate(
        "(() => { const g = window.newseventsGraph; const b = g.elements().renderedBoundingBox();"
        " return [b.x1, b.x2, g.width()]; })()"
    )
    context.close()
    assert graph[0] >= -1 and graph[1] <= graph[2] + 1  # the graph fits its box


def test_browser_workbench_phone(browser: Any, server: str) -> None:
    context = browser.new_context(
        base_url=server, viewport={"width": 390, "height": 844}
    )
    phone = context.new_page()
    for url in ("/trends?actor=RUS", "/quality"):
        phone.goto(url)
        wide = phone.evaluate("document.documentElement.scrollWidth")
        assert wide <= 390, f"{url} is {wide} px wide on a 390-px phone"
    _shot(phone, "trends-phone")
    context.close()
