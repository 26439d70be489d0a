"""Issue 13 (hardening: nothing lost, nothing crashes) with the real coder:
an error coding one article is that article's failure row, never the end
of the batch, and the HTTP coder answers it with a 4xx."""

from __future__ import annotations

import os
import signal
import threading
import time
import warnings
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi import FastAPI
from typer.testing import CliRunner

from newsevents.api.app import create_app
from newsevents.batch import IngestOptions, ingest
from newsevents.cli import app
from newsevents.models import CodedArticle
from newsevents.store.schema import connect

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

pytestmark = [pytest.mark.slow, pytest.mark.issue]

ONE = IngestOptions(processes=1, progress=False)
runner = CliRunner()
GOOD = "Vladimir Putin met Kim Jong Un in Pyongyang on Wednesday."
# A CMS placeholder date with a relative day in the text: "samedi" before
# 0001-01-01, "tomorrow" after 9999-12-31.
OUT_OF_RANGE = (
    "text,date\n"
    '"Le président français a rencontré samedi le chancelier allemand.",0001-01-01\n'
    '"The French president will meet the German chancellor tomorrow.",9999-12-31\n'
    f'"{GOOD}",2024-06-19\n'
)


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    service: FastAPI = create_app(None)
    yield TestClient(service)


def test_issue_13_out_of_range_dates_are_failure_rows(tmp_path: Path) -> None:
    table = tmp_path / "cms.csv"
    table.write_text(OUT_OF_RANGE, encoding="utf-8")
    conn = connect(tmp_path / "db.duckdb")
    summary = ingest(conn, [str(table)], ONE)
    assert (summary.coded, summary.failed) == (1, 2)
    rows = conn.execute(
        "SELECT item, reason, message FROM failures ORDER BY item"
    ).fetchall()
    assert [(r[0], r[1]) for r in rows] == [
        ("line 2", "date_out_of_range"),
        ("line 3", "date_out_of_range"),
    ]
    assert all("out of range" in r[2] and "cms.csv" in r[2] for r in rows)
    stored = conn.execute("SELECT text FROM articles").fetchall()
    assert stored == [(GOOD,)]
    # A re-run codes nothing new and stops on nothing.
    again = ingest(conn, [str(table)], ONE)
    assert (again.coded, again.duplicates, again.failed) == (0, 1, 2)


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("Le président français a rencontré samedi le chancelier allemand.",
         "0001-01-01"),
        ("The French president will meet the German chancellor tomorrow.",
         "9999-12-31"),
    ],
)  # fmt: skip
def test_issue_13_api_code_out_of_range_is_400(
    client: TestClient, text: str, published: str
) -> None:
    response = client.post("/api/code", json={"text": text, "published": published})
    assert response.status_code == 400
    assert "out of range" in response.json()["error"]
    form = client.post(
        "/code",
        content=f"text={text}&published={published}".encode(),
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert form.status_code == 400
    assert "out of range" in form.text


def _workers() -> list[int]:
    """The pool's worker processes: spawned children of this process."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        if parent == os.getpid() and b"spawn_main" in command:
            found.append(int(entry.name))
    return found


def test_issue_13_kill_9_of_a_worker_does_not_hang_ingest(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(6):
        (folder / f"{i}.txt").write_text(
            f"La France a signé un accord avec l'Allemagne le {i + 1} mars 2024."
        )
    conn = connect(tmp_path / "db.duckdb")
    options = IngestOptions(processes=2, chunk_size=1, progress=False)
    result: list[object] = []
    thread = threading.Thread(
        target=lambda: result.append(ingest(conn, [str(folder)], options)),
        daemon=True,
    )
    thread.start()
    deadline = time.monotonic() + 120
    while not _workers() and time.monotonic() < deadline:
        time.sleep(0.05)
    victims = _workers()
    assert victims, "no worker process started"
    os.kill(victims[0], signal.SIGKILL)
    thread.join(timeout=600)
    assert not thread.is_alive(), "ingest hung after a worker was killed"
    summary = result[0]
    # The chunks the dead worker held were coded again.
    assert (summary.coded, summary.failed) == (6, 0)  # type: ignore[attr-defined]
    assert conn.execute("SELECT count(*) FROM articles").fetchone() == (6,)


PAGE = """<!doctype html><html><head><title>Sommet à Pyongyang</title>
<style>.x { content: "La Russie a attaqué l'Ukraine." }</style>
<script>var t = "Les États-Unis ont bombardé la Syrie.";</script></head>
<body><article><p>Vladimir Poutine a rencontré Kim Jong-un mercredi à Pyongyang.</p>
</article></body></html>"""


def test_issue_13_code_reads_html_as_ingest_does(tmp_path: Path) -> None:
    page = tmp_path / "2024-06-19-sommet.html"
    page.write_text(PAGE, encoding="utf-8")
    result = runner.invoke(app, ["code", str(page), "--format", "json"])
    assert result.exit_code == 0, result.output
    coded = CodedArticle.model_validate_json(result.output)
    assert "Poutine a rencontré Kim" in coded.article.text
    assert "<script>" not in coded.article.text
    assert "bombardé" not in coded.article.text and "attaqué" not in coded.article.text
    assert {e.root for e in coded.events} == {"04"}


def test_issue_13_code_a_folder(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "b.txt").write_text("La France a signé un accord avec l'Allemagne.")
    result = runner.invoke(app, ["code", str(tmp_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert "no such file" not in result.output
    assert result.output.count('"article"') == 2


def test_issue_13_failure_row_gone_after_success(tmp_path: Path) -> None:
    table = tmp_path / "cms.csv"
    table.write_text(OUT_OF_RANGE, encoding="utf-8")
    conn = connect(tmp_path / "db.duckdb")
    ingest(conn, [str(table)], ONE)
    assert conn.execute("SELECT count(*) FROM failures").fetchone() == (2,)
    # The CMS export is fixed: real dates instead of placeholders.
    table.write_text(
        OUT_OF_RANGE.replace("0001-01-01", "2024-03-02").replace(
            "9999-12-31", "2024-03-02"
        ),
        encoding="utf-8",
    )
    summary = ingest(conn, [str(table)], ONE)
    assert (summary.coded, summary.failed) == (2, 0)
    assert conn.execute("SELECT count(*) FROM failures").fetchall() == [(0,)]


def test_issue_13_undated_corpus_warns_and_published_dates_it(tmp_path: Path) -> None:
    corpus = tmp_path / "bbc"
    (corpus / "politics").mkdir(parents=True)
    (corpus / "README.TXT").write_text("Consists of 2225 documents from the BBC.")
    (corpus / "politics" / "001.txt").write_text(GOOD)
    (corpus / "politics" / "002.txt").write_text(
        "The French president met the German chancellor in Berlin."
    )
    db = str(tmp_path / "db.duckdb")
    result = runner.invoke(app, ["ingest", str(corpus), "--db", db, "--processes", "1"])
    assert result.exit_code == 0, result.output
    assert "coded 2," in result.output  # README.TXT is no article
    assert "warning: 2 of the new articles have no publication date" in result.output
    assert "--published YYYY-MM-DD" in result.output
    other = tmp_path / "other.duckdb"
    result = runner.invoke(
        app,
        ["ingest", str(corpus), "--db", str(other), "--processes", "1",
         "--published", "2005-03-01"],
    )  # fmt: skip
    assert result.exit_code == 0 and "warning" not in result.output
    conn = connect(other, read_only=True)
    assert conn.execute("SELECT DISTINCT published FROM articles").fetchall() == [
        (date(2005, 3, 1),)
    ]
