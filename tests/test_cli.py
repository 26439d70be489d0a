"""The command line: output formats, bad input, exit codes, help texts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsevents.cli import app

runner = CliRunner()
FRENCH = "La Russie a signé mercredi un accord de coopération avec la Corée du Nord."


def test_cli_every_command_has_help() -> None:
    for command in app.registered_commands:
        assert command.callback is not None
        assert (command.help or command.callback.__doc__ or "").strip(), command.name
        result = runner.invoke(
            app, [command.name or command.callback.__name__, "--help"]
        )
        assert result.exit_code == 0


@pytest.mark.parametrize(
    "content,message",
    [
        (b"", "empty input"),
        (b"   \n\n ", "empty input"),
        (bytes(range(256)) * 40, "binary data"),
        (
            "Der russische Präsident hat am Mittwoch in der Hauptstadt ein Abkommen "
            "über die strategische Partnerschaft mit Nordkorea unterzeichnet, teilte "
            "der Kreml mit.".encode(),
            "neither French nor English",
        ),
    ],
)
def test_cli_bad_input_one_line_error(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = runner.invoke(app, ["code", str(path), "--format", "json"])
    assert result.exit_code == 1
    assert message in result.output
    assert str(path) in result.output
    assert "Traceback" not in result.output


def test_cli_missing_file() -> None:
    result = runner.invoke(app, ["code", "/nonexistent/article.txt"])
    assert result.exit_code == 1
    assert "no such file" in result.output


def test_cli_bad_date() -> None:
    result = runner.invoke(
        app, ["code", "-", "--published", "19/06/2024"], input=FRENCH
    )
    assert result.exit_code == 1
    assert "YYYY-MM-DD" in result.output


@pytest.mark.slow
@pytest.mark.parametrize("encoding", ["utf-8", "latin-1", "utf-16"])
def test_cli_code_encodings(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "2024-06-19-article.txt"
    path.write_bytes(FRENCH.encode(encoding))
    result = runner.invoke(app, ["code", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    coded = json.loads(result.stdout)
    assert coded["article"]["language"] == "fr"
    assert coded["article"]["published"] == "2024-06-19"  # from the file name
    assert coded["article"]["text"] == FRENCH
    events = {
        (e["source"]["code"], e["code"][:2], e["target"]["code"])
        for e in coded["events"]
    }
    assert ("RUSGOV", "05", "PRKGOV") in events


@pytest.mark.slow
def test_cli_some_files_fail_others_code(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(FRENCH, encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    result = runner.invoke(app, ["code", str(bad), str(good), "--format", "json"])
    assert result.exit_code == 0
    assert "bad.txt: empty input" in result.stderr
    coded = json.loads(result.stdout)  # the good file, and only it
    assert coded["article"]["text"] == FRENCH
    assert coded["article"]["published"] is None  # no date in the file name
    assert [(d["text"], d["value"]) for d in coded["dates"]] == [("mercredi", None)]
    assert [
        (e["source"]["code"], e["code"], e["target"]["code"], e["modality"])
        for e in coded["events"]
    ] == [
        ("RUSGOV", "057", "PRKGOV", "asserted"),
        ("PRKGOV", "057", "RUSGOV", "asserted"),
    ]


@pytest.mark.slow
def test_cli_table_explains(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        [
            "code",
            "-",
            "--lang",
            "fr",
            "--published",
            "2024-06-19",
            "--format",
            "table",
            "--explain",
        ],
        input=FRENCH,
    )
    assert result.exit_code == 0, result.output
    assert "fr.signer.accord" in result.output
    assert "Goldstein" in result.output


@pytest.mark.slow
def test_cli_explain_says_why_each_place(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        ["code", "-", "--lang", "en", "--format", "table", "--explain"],
        input="US-brokered talks between Israel and Hamas resumed in Geneva.",
    )
    assert result.exit_code == 0, result.output
    assert "place 'Geneva': Geneva (CHE, city): a world city" in result.output
