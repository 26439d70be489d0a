"""Shared fixtures. spaCy models load once per session (``nlp_fr``,
``nlp_en``), so a test that parses a few sentences is fast; ``slow`` marks
corpus-scale runs, browsers and subprocesses.

Shared test data lives in ``../shared`` beside the repository root (not the
current directory); ``NEWSEVENTS_SHARED`` points elsewhere (a git worktree
whose parent folder has no ``shared``). Tests reach it only through the
``shared`` and ``shared_file`` fixtures: absent folder, skip; present folder
but a missing file, fail, so that a moved or renamed file cannot turn a
test into a silent skip."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from newsevents.models import CodedArticle

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NEWSEVENTS_SHARED") or ROOT.parent / "shared").resolve()
WEDNESDAY = date(2024, 6, 19)


def subprocess_env() -> dict[str, str]:
    """The environment for a newsevents subprocess: this source tree first
    on the path, then whatever the path held."""
    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p)
    return {**os.environ, "PYTHONPATH": path, "PYTHONUNBUFFERED": "1"}


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="Rewrite the golden JSON files from the current output (review the diff!).",
    )


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared folder of test data; skips when it is absent."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent: shared test data not available")
    return SHARED


@pytest.fixture(scope="session")
def shared_file(shared: Path) -> Callable[[str], Path]:
    """A function from a path under ../shared ("data/gdelt/x.CSV") to that
    file or folder; fails when ../shared is present but the path is not."""

    def find(relative: str) -> Path:
        path = shared / relative
        if not path.exists():
            pytest.fail(
                f"{path} is missing although {shared} is present: restore the "
                "file or update the test's path",
                pytrace=False,
            )
        return path

    return find


@pytest.fixture(scope="session")
def nlp_fr():  # type: ignore[no-untyped-def]
    from newsevents.nlp.pipeline import load_pipeline

    return load_pipeline("fr")


@pytest.fixture(scope="session")
def nlp_en():  # type: ignore[no-untyped-def]
    from newsevents.nlp.pipeline import load_pipeline

    return load_pipeline("en")


Coder = Callable[..., CodedArticle]


@pytest.fixture(scope="session")
def coder() -> Coder:
    """``newsevents.code`` with a Wednesday (2024-06-19) as the default
    publication date; the two pipelines load once, on first use."""
    from newsevents import code

    def run(
        text: str, language: str, published: date | None = WEDNESDAY
    ) -> CodedArticle:
        return code(text, language=language, published=published)

    return run


@pytest.fixture
def http_server():  # type: ignore[no-untyped-def]
    """A test HTTP server on 127.0.0.1, an ephemeral port (tests/web/_server.py)."""
    from tests.web._server import FaultServer

    server = FaultServer().start()
    yield server
    server.stop()
