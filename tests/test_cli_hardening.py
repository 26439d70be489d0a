"""The query commands under bad values (issue 13, items 6 and 16): one-line
errors and exit 1, never a traceback; actor codes in any case."""

from __future__ import annotations

from pathlib import Path

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
        (["events", "--limit", "-1"], "error: limit -1: want a number of rows, 1 or more"),
        (["events", "--offset", "-5"], "error: offset -5: want a number of rows to skip"),
        (["actors", "--limit", "-3"], "error: limit -3: want a number of rows, 1 or more"),
        (["events", "--modality", "maybe"], "error: modality 'maybe': want one of asserted"),
    ],
)
def test_issue_13_cli_bad_values_one_line(db: str, args: list[str], message: str) -> None:
    result = runner.invoke(app, [*args, "--db", db])
    assert result.exit_code == 1
    assert result.output.startswith(message) and result.output.count("\n") == 1


def test_issue_13_cli_actor_codes_in_any_case(db: str) -> None:
    upper = runner.invoke(app, ["events", "--actor", "FRA", "--db", db, "--format", "csv"])
    lower = runner.invoke(app, ["events", "--actor", "fra", "--db", db, "--format", "csv"])
    assert upper.exit_code == 0 == lower.exit_code
    assert lower.output == upper.output
    assert len(lower.output.splitlines()) == 3  # the header and two FRAGOV events
