"""Issue 13 (hardening: nothing lost, nothing crashes) with the real coder:
an error coding one article is that article's failure row, never the end
of the batch, and the HTTP coder answers it with a 4xx."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI

from newsevents.api.app import create_app
from newsevents.batch import IngestOptions, ingest
from newsevents.store.schema import connect

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

pytestmark = [pytest.mark.slow, pytest.mark.issue]

ONE = IngestOptions(processes=1, progress=False)
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
    app: FastAPI = create_app(None)
    yield TestClient(app)


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
