"""``export --out``: never over the open database, never over an existing
file without --force, one-line errors for folders, written atomically
(issue 13, items 2 and 6)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsevents.cli import app
from newsevents.store.schema import connect
from newsevents.store.writer import Writer
from tests.store._data import FRA, USA, event, rows

runner = CliRunner()
pytestmark = pytest.mark.issue


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "x.duckdb"
    conn = connect(path)
    Writer(conn).write([rows("Macron a rencontré Biden.", [event(FRA, USA)])])
    conn.close()
    return path


def _export(db: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "csv", *args])
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def test_issue_13_export_never_over_the_database(db: Path) -> None:
    size = db.stat().st_size
    code, output = _export(db, "--out", str(db), "--force")
    assert code == 1
    assert output.startswith("error: --out") and "event database itself" in output
    assert db.stat().st_size == size
    conn = connect(db, read_only=True)
    assert conn.execute("SELECT count(*) FROM events").fetchone() == (1,)


def test_issue_13_export_existing_file_needs_force(db: Path) -> None:
    out = db.parent / "events.csv"
    out.write_text("keep me\n")
    code, output = _export(db, "--out", str(out))
    assert code == 1 and "exists; give --force" in output
    assert out.read_text() == "keep me\n"
    code, _ = _export(db, "--out", str(out), "--force")
    assert code == 0
    assert out.read_text().splitlines()[0].startswith("id,article_id,")
    assert len(out.read_text().splitlines()) == 2
    # Written beside the target under a temporary name, then renamed.
    assert sorted(p.name for p in db.parent.iterdir()) == ["events.csv", "x.duckdb"]


@pytest.mark.parametrize(
    ("out", "message"),
    [
        (
            "/nonexistent/dir/x.csv",
            "error: --out /nonexistent/dir/x.csv: no such folder",
        ),
        ("{tmp}", "is a folder; give a file name"),
    ],
)
def test_issue_13_export_bad_out_one_line(db: Path, out: str, message: str) -> None:
    code, output = _export(db, "--out", out.format(tmp=db.parent))
    assert code == 1
    assert message in output and output.count("\n") == 1
