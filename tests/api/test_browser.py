"""The web UI in a real browser: Playwright drives Debian's Chromium against
a live server over the bundled examples (coded by the ingest runner) and
the hostile test article. Screenshots go to build/test-output/browser/
(or $NEWSEVENTS_SCREENSHOTS)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.api._browser import ROOT, SHOTS, chromium, live_server
from tests.api._data import HOSTILE_TEXT, articles

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from newsevents.api.app import create_app
    from newsevents.batch import IngestOptions, ingest
    from newsevents.store.rows import to_rows
    from newsevents.store.schema import connect
    from newsevents.store.writer import Writer

    if not (ROOT / "node_modules" / "leaflet").is_dir():
        pytest.skip("node_modules absent: run `npm ci` (make test does)")
    db = tmp_path_factory.mktemp("browser") / "examples.duckdb"
    conn = connect(db)
    ingest(conn, [str(p) for p in sorted(ROOT.glob("examples/*/"))],
           IngestOptions(processes=1, progress=False))  # fmt: skip
    Writer(conn).write([to_rows(a, "hostile.txt", None) for a in articles()])
    conn.close()
    with live_server(create_app(db)) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium(shots=True) as browser:
        yield browser


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:
    """A page that may only reach our server: any other request fails the
    test (the UI must work offline)."""
    context = browser.new_context(
        base_url=server, viewport={"width": 1280, "height": 900}
    )
    outside: list[str] = []
    errors: list[str] = []

    def guard(route: Any) -> None:
        if route.request.url.startswith(server):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.set_default_timeout(15_000)
    yield page
    context.close()
    assert outside == [], f"the page fetched from outside: {outside}"
    assert errors == [], f"JavaScript errors: {errors}"


def _shot(page: Any, name: str) -> None:
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


@pytest.mark.parametrize(
    ("url", "name", "selector"),
    [
        ("/", "overview", "table.events tbody tr"),
        ("/events", "events", "table.events tbody tr"),
        ("/articles", "articles", "table tbody tr"),
        ("/dyads/RUS/PRK?by=month", "dyad", "#chart-ab"),
        ("/map", "map", ".leaflet-interactive"),
        ("/network", "network", "#graph canvas"),
        ("/code", "code", "textarea#text"),
    ],
)
def test_browser_pages_load(page: Any, url: str, name: str, selector: str) -> None:
    response = page.goto(url)
    assert response.status == 200
    page.wait_for_selector(selector, state="attached")
    page.wait_for_load_state("networkidle")
    _shot(page, name)


def test_browser_events_filters_in_url(page: Any) -> None:
    page.goto("/events")
    page.fill("input[name=actor]", "RUS")
    # Modality is one of the filters folded under "More filters".
    page.click("#filters summary")
    page.fill("input[name=modality]", "asserted")
    page.click("#filters button[type=submit]")
    page.wait_for_url("**/events?*actor=RUS*")
    assert "modality=asserted" in page.url
    sources = page.locator("table.events tbody tr td:nth-child(3)").all_inner_texts()
    assert sources and all(s.startswith("RUS") for s in sources)
    assert page.input_value("input[name=actor]") == "RUS"
    _shot(page, "events-filtered")
    page.locator("table.events tbody tr td:first-child a").first.click()
    page.wait_for_url("**/events/*")
    assert page.locator("dl.explain .why").first.inner_text().startswith("lexicon")
    _shot(page, "event")
    page.locator("main p a").first.click()
    page.wait_for_url("**/articles/*")
    assert page.locator("article.text span.evidence").count() > 0
    _shot(page, "article")


def test_browser_map_click_through(page: Any) -> None:
    page.goto("/map")
    marker = page.locator("path.place-marker").first
    marker.wait_for()
    page.wait_for_load_state("networkidle")
    marker.click(force=True)
    # A place's popup says how it is located and links to its events.
    popup = page.locator(".place-popup")
    popup.wait_for()
    assert "Located as:" in popup.inner_text()
    popup.locator("a").click()
    page.wait_for_url("**/events?place=*")
    assert page.locator("table.events tbody tr").count() >= 1


def test_browser_network_click_through(page: Any) -> None:
    page.goto("/network")
    page.wait_for_function(
        "window.newseventsGraph && window.newseventsGraph.nodes().length > 0"
    )
    point = page.evaluate(
        """() => {
            const node = window.newseventsGraph.nodes()[0];
            const box = document.getElementById('graph').getBoundingClientRect();
            const at = node.renderedPosition();
            return {x: box.left + at.x, y: box.top + at.y, id: node.id()};
        }"""
    )
    page.mouse.click(point["x"], point["y"])
    page.wait_for_url(f"**/actors/{point['id']}")
    assert page.inner_text("h1").startswith(point["id"])


def test_browser_hostile_article_runs_nothing(page: Any) -> None:
    page.goto("/articles?offset=0")
    page.goto("/api/articles?q=script")
    article_id = page.evaluate("() => JSON.parse(document.body.innerText).items[0].id")
    page.goto(f"/articles/{article_id}")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("() => window.__pwned") is None
    assert page.locator("article.text img").count() == 0
    assert "<script>" in page.locator("h1").inner_text()
    assert "onerror=" in page.locator("article.text").inner_text()
    _shot(page, "hostile-article")


def test_browser_hostile_title_in_articles_list_runs_nothing(page: Any) -> None:
    page.goto("/articles")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("() => window.__pwned") is None
    link = page.locator("table tbody tr a", has_text="__pwned")
    assert link.inner_text() == "<script>window.__pwned = 1</script>Sommet"


def test_browser_code_a_text(page: Any) -> None:
    page.goto("/code")
    text = (
        "Vladimir Putin met Kim Jong Un in Pyongyang on Wednesday. "
        "Russia and North Korea signed a strategic partnership. " + HOSTILE_TEXT
    )
    page.fill("textarea#text", text)
    page.select_option("select[name=language]", "en")
    page.fill("input[name=published]", "2024-06-19")
    page.click("button[type=submit]")
    page.wait_for_selector("article.text", timeout=60_000)
    assert page.locator("article.text span.m-person").count() >= 2
    assert page.locator("ol.events-side li dl.explain").count() >= 1
    assert page.evaluate("() => window.__pwned") is None
    _shot(page, "code-result")
