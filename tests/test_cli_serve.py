"""The serve command refuses an open binding without a token."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from newsevents.api.security import TOKEN_ENV
from newsevents.cli.serve import serve_command


def _app() -> typer.Typer:
    app = typer.Typer()
    app.command("serve")(serve_command)
    app.command("noop")(lambda: None)
    return app


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--host", "0.0.0.0"], "requires a token"),
        (["--db", "missing.duckdb"], "no such database"),
    ],
)
def test_cli_serve_refuses(
    args: list[str], words: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(TOKEN_ENV, raising=False)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(_app(), ["serve", *args])
    assert result.exit_code == 1
    assert words in result.output


def test_cli_serve_has_help() -> None:
    result = CliRunner().invoke(_app(), ["serve", "--help"])
    assert result.exit_code == 0
    assert "--token" in result.output
