"""Shared fixtures. spaCy models load once per session; tests that use them
are marked ``slow``."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NEWSEVENTS_SHARED") or ROOT.parent / "shared").resolve()


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
def nlp_fr():  # type: ignore[no-untyped-def]
    from newsevents.nlp.pipeline import load_pipeline

    return load_pipeline("fr")


@pytest.fixture(scope="session")
def nlp_en():  # type: ignore[no-untyped-def]
    from newsevents.nlp.pipeline import load_pipeline

    return load_pipeline("en")
