"""The analyst's commands (issue 15): trend, failures, and the shared
filters on events, dyad and export, under the names of the URL."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsevents.cli import app
from newsevents.cli._filters import FILTER_HELP
from newsevents.models import Failure
from newsevents.store.filters import FILTERS
from newsevents.store.schema import connect
from newsevents.store.writer import Writer
from tests.api._data import build

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = build(tmp_path_factory.mktemp("clwb") / "events.duckdb")
    conn = connect(path)
    Writer(conn).write(
        [Failure(file="x.bin", reason="binary", message="x.bin: binary")]
    )
    conn.close()
    return str(path)


def test_cli_filters_match_the_url_names() -> None:
    assert list(FILTER_HELP) == list(FILTERS)
    help_text = runner.invoke(app, ["events", "-h"], env={"COLUMNS": "200"}).output
    for name in FILTERS:
        assert "--" + name.replace("_", "-") in help_text


def test_cli_trend(db: str) -> None:
    result = runner.invoke(app, ["trend", "--db", db, "--actor", "fra", "--by", "day",
                                 "--format", "json"])  # fmt: skip
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert [(r["period"], r["events"]) for r in rows] == [
        ("2024-06-19", 1), ("2024-06-20", 0), ("2024-06-21", 1)]  # fmt: skip
    conflict = runner.invoke(app, ["trend", "--db", db, "--quad", "3|4",
                                   "--format", "csv"])  # fmt: skip
    table = list(csv.DictReader(io.StringIO(conflict.output)))
    assert [(r["period"], r["material_conflict"]) for r in table] == [
        ("2024-06-01", "1")
    ]


@pytest.mark.parametrize(
    ("args", "codes"),
    [
        (["--code", "04|19"], ["042", "190", "042"]),
        (["--actor-country", "RUS", "--actor-role", "MIL"], ["190"]),
        (["--actor", "RUS", "--undirected"], ["057", "190"]),
        (["--goldstein", "-10..0"], ["190"]),
        (["--language", "en", "--modality", "planned"], ["057"]),
        (["--outlet", "wire"], ["057", "190"]),
    ],
)
def test_cli_events_filters(db: str, args: list[str], codes: list[str]) -> None:
    result = runner.invoke(app, ["events", "--db", db, "--format", "json", *args])
    assert result.exit_code == 0, result.output
    assert sorted(r["code"] for r in json.loads(result.output)) == sorted(codes)


def test_cli_unknown_filter_exits_2_bad_value_1(db: str) -> None:
    unknown = runner.invoke(app, ["trend", "--db", db, "--actr", "RUS"])
    assert unknown.exit_code == 2
    bad = runner.invoke(app, ["trend", "--db", db, "--quad", "7"])
    assert bad.exit_code == 1
    assert bad.output == "error: quad '7': want 1, 2, 3 or 4\n"


def test_cli_export_filtered(db: str, tmp_path: Path) -> None:
    out = tmp_path / "rus.csv"
    result = runner.invoke(app, ["export", "--db", db, "--format", "csv",
                                 "--out", str(out), "--actor", "RUS"])  # fmt: skip
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [r["code"] for r in rows] == ["190"]
    plover = runner.invoke(app, ["export", "--db", db, "--format", "plover",
                                 "--quad", "1"])  # fmt: skip
    assert [json.loads(line)["cameo"] for line in plover.output.splitlines()] == [
        "042", "042"]  # fmt: skip


def test_cli_failures(db: str) -> None:
    result = runner.invoke(app, ["failures", "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    [row] = json.loads(result.output)
    assert (row["file"], row["reason"]) == ("x.bin", "binary")
    table = runner.invoke(app, ["failures", "--db", db], env={"COLUMNS": "200"})
    assert "failures by reason: binary: 1" in table.output
    assert "not geocoded 1 (25.0%)" in table.output


def test_cli_dyad_exact(db: str) -> None:
    result = runner.invoke(app, ["dyad", "FRAGOV", "USAGOV", "--db", db,
                                 "--match", "exact", "--format", "json"])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert sum(r["events"] for r in json.loads(result.output)) == 2


def test_cli_actor(db: str) -> None:
    result = runner.invoke(app, ["actor", "fragov", "--db", db])
    assert result.exit_code == 0, result.output
    assert "FRAGOV (France, actor): 2 events as source, 0 as target" in result.output
    assert "* Emmanuel Macron: President FRAGOV 2017-05-14 to now" in result.output
    as_json = runner.invoke(app, ["actor", "RUSMIL", "--db", db, "--format", "json"])
    profile = json.loads(as_json.output)
    assert {p["code"] for p in profile["partners"]} == {"UKR", "PRKGOV"}
    as_csv = runner.invoke(app, ["actor", "RUSMIL", "--db", db, "--format", "csv"])
    assert as_csv.output.splitlines()[0] == "code,name,sent,received,events"
    missing = runner.invoke(app, ["actor", "QQQXYZ", "--db", db])
    assert missing.exit_code == 1 and "no actor 'QQQXYZ'" in missing.output
