"""Issue 13 in a real browser (Debian's Chromium through Playwright) on the
small hand-built database: /docs renders Swagger UI from node_modules under
our content security policy (item 14), and no page overflows sideways on a
390-pixel phone screen (item 17)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.api._browser import ROOT, chromium, live_server
from tests.api._data import build

pytestmark = [pytest.mark.slow, pytest.mark.issue]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from newsevents.api.app import create_app
    from newsevents.api.security import allowed_hosts

    if not (ROOT / "node_modules" / "swagger-ui-dist").is_dir():
        pytest.skip("node_modules absent: run `npm ci` (make test does)")
    db = build(tmp_path_factory.mktemp("browser13") / "events.duckdb")
    app = create_app(db, allowed_hosts=allowed_hosts("127.0.0.1"))
    with live_server(app) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium(shots=False) as browser:
        yield browser


def _page(
    browser: Any, server: str, width: int, height: int
) -> tuple[Any, Any, list[str]]:
    """A page that may only reach our server; ``problems`` collects
    JavaScript errors, policy violations and requests to elsewhere."""
    context = browser.new_context(
        base_url=server, viewport={"width": width, "height": height}
    )
    problems: list[str] = []

    def guard(route: Any) -> None:
        if route.request.url.startswith(server):
            route.continue_()
        else:
            problems.append(f"outside: {route.request.url}")
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    page.on("pageerror", lambda exc: problems.append(f"error: {exc}"))
    page.on(
        "console",
        lambda m: (
            problems.append(f"console: {m.text}")
            if "Content Security Policy" in m.text or m.type == "error"
            else None
        ),
    )
    page.set_default_timeout(20_000)
    return context, page, problems


def test_issue_13_docs_render_swagger_ui(browser: Any, server: str) -> None:
    context, page, problems = _page(browser, server, 1280, 900)
    assert page.goto("/docs").status == 200
    page.wait_for_selector(".swagger-ui .opblock-summary-path", state="attached")
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert "/api/events" in [p.replace("\u200b", "") for p in paths]
    context.close()
    assert problems == []


PAGES = [
    "/", "/events", "/events/1", "/articles", "/actors", "/dyads/RUS/UKR",
    "/map", "/network", "/code", "/docs",
]  # fmt: skip


@pytest.mark.parametrize("url", PAGES)
def test_issue_13_no_sideways_overflow_on_a_phone(
    browser: Any, server: str, url: str
) -> None:
    context, page, problems = _page(browser, server, 390, 844)
    assert page.goto(url).status == 200
    page.wait_for_load_state("networkidle")
    width = page.evaluate("() => document.documentElement.scrollWidth")
    context.close()
    assert width <= 390, f"{url} is {width} px wide on a 390 px screen"
    assert problems == []
