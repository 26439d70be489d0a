"""The query commands under bad values (issue 13, items 6 and 16): one-line
errors and exit 1, never a traceback; actor codes in any case."""

from __future__ import annotations

import subprocess
import sys

import pytest
from typer.testing import CliRunner

from newsevents.cli import app
from tests.api._data import build

runner = CliRunner()
pytestmark = pytest.mark.issue


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(build(tmp_path_factory.mktemp("cli13") / "events.duckdb"))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["events", "--limit", "-1"],
            "error: limit -1: want a number of rows, 1 or more",
        ),
        (
            ["events", "--offset", "-5"],
            "error: offset -5: want a number of rows to skip",
        ),
        (
            ["actors", "--limit", "-3"],
            "error: limit -3: want a number of rows, 1 or more",
        ),
        (
            ["events", "--modality", "maybe"],
            "error: modality 'maybe': want one of asserted",
        ),
    ],
)
def test_issue_13_cli_bad_values_one_line(
    db: str, args: list[str], message: str
) -> None:
    result = runner.invoke(app, [*args, "--db", db])
    assert result.exit_code == 1
    assert result.output.startswith(message) and result.output.count("\n") == 1


def test_issue_13_cli_actor_codes_in_any_case(db: str) -> None:
    upper = runner.invoke(
        app, ["events", "--actor", "FRA", "--db", db, "--format", "csv"]
    )
    lower = runner.invoke(
        app, ["events", "--actor", "fra", "--db", db, "--format", "csv"]
    )
    assert upper.exit_code == 0 == lower.exit_code
    assert lower.output == upper.output
    assert len(lower.output.splitlines()) == 3  # the header and two FRAGOV events


def test_issue_13_version_and_short_help() -> None:
    from newsevents import __version__

    assert runner.invoke(app, ["--version"]).output == f"newsevents {__version__}\n"
    short, long = runner.invoke(app, ["-h"]), runner.invoke(app, ["--help"])
    assert short.exit_code == 0 and short.output == long.output
    assert "ingest" in short.output
    assert runner.invoke(app, ["events", "-h"]).exit_code == 0


def test_issue_13_help_imports_no_heavy_library() -> None:
    # --help only builds the command line: spaCy, FastAPI, pydantic and
    # DuckDB load when a command runs (--help took ~1.7 s, now ~0.3 s).
    code = (
        "import sys\n"
        "from newsevents.cli import app\n"
        "heavy = {'spacy', 'fastapi', 'pydantic', 'duckdb', 'lingua', 'uvicorn'}\n"
        "print(sorted(heavy & set(sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout == "[]\n"


def test_issue_13_cli_defaults_match_the_library() -> None:
    from newsevents.api import security
    from newsevents.cli import _util, serve
    from newsevents.store import schema

    assert _util.DEFAULT_DB == schema.DEFAULT_DB
    assert (serve.TOKEN_ENV, serve.DEFAULT_MAX_BODY) == (
        security.TOKEN_ENV, security.DEFAULT_MAX_BODY,
    )  # fmt: skip
