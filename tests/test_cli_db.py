"""The database commands of the CLI: ingest, events, dyad, actors, article,
export and import-gdelt, each with --db."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsevents.cli import app
from newsevents.store.schema import connect
from newsevents.store.writer import Writer
from tests.store._data import FRA, RUS, UKR, USA, event, rows

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "events.duckdb"
    conn = connect(path)
    Writer(conn).write(
        [
            rows("Macron a rencontré Biden.", [event(FRA, USA)], url="https://a.fr/1"),
            rows(
                "Russia attacked Ukraine.",
                [event(RUS, UKR, "190", quad=4, goldstein=-10.0)],
            ),
        ]
    )
    conn.close()
    return str(path)


@pytest.mark.parametrize(
    "args,codes",
    [
        ([], ["042", "190"]),
        (["--actor", "RUS"], ["190"]),
        (["--code", "04", "--target", "USA"], ["042"]),
        (["--since", "2024-06-20"], []),
        (["--modality", "negated"], []),
        (["--place", "Paris"], ["042", "190"]),
    ],
)
def test_cli_db_events_json(db: str, args: list[str], codes: list[str]) -> None:
    result = runner.invoke(app, ["events", "--db", db, "--format", "json", *args])
    assert result.exit_code == 0, result.output
    assert sorted(e["code"] for e in json.loads(result.output)) == codes


def test_cli_db_events_csv_and_table(db: str) -> None:
    result = runner.invoke(app, ["events", "--db", db, "--format", "csv"])
    assert [r["code"] for r in csv.DictReader(io.StringIO(result.output))] == [
        "042",
        "190",
    ]
    table = runner.invoke(app, ["events", "--db", db])
    assert table.exit_code == 0 and "FRAGOV" in table.output


def test_cli_db_dyad_and_actors(db: str) -> None:
    result = runner.invoke(
        app, ["dyad", "USA", "FRA", "--db", db, "--by", "week", "--format", "json"]
    )
    assert json.loads(result.output) == [
        {
            "period": "2024-06-17",
            "source": "USA",
            "target": "FRA",
            "events": 0,
            "verbal_cooperation": 0,
            "material_cooperation": 0,
            "verbal_conflict": 0,
            "material_conflict": 0,
            "goldstein_mean": None,
        },
        {
            "period": "2024-06-17",
            "source": "FRA",
            "target": "USA",
            "events": 1,
            "verbal_cooperation": 1,
            "material_cooperation": 0,
            "verbal_conflict": 0,
            "material_conflict": 0,
            "goldstein_mean": 1.9,
        },
    ]
    actors = runner.invoke(app, ["actors", "--db", db, "--format", "json"])
    assert {a["code"] for a in json.loads(actors.output)} == {
        "FRAGOV",
        "USAGOV",
        "RUSMIL",
        "UKR",
    }


def test_cli_db_article(db: str) -> None:
    conn = connect(db, read_only=True)
    article_id = conn.execute(
        "SELECT id FROM articles WHERE url IS NOT NULL"
    ).fetchone()[0]
    conn.close()
    result = runner.invoke(
        app, ["article", article_id[:10], "--db", db, "--format", "json"]
    )
    assert result.exit_code == 0
    coded = json.loads(result.output)
    assert coded["article"]["url"] == "https://a.fr/1"
    assert [e["code"] for e in coded["events"]] == ["042"]
    missing = runner.invoke(app, ["article", "zzzz", "--db", db])
    assert missing.exit_code == 1 and "no article" in missing.output


@pytest.mark.parametrize("fmt", ["gdelt", "plover", "csv", "parquet", "geojson"])
def test_cli_db_export(db: str, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"out.{fmt}"
    result = runner.invoke(
        app, ["export", "--format", fmt, "--out", str(out), "--db", db]
    )
    assert result.exit_code == 0, result.output
    assert result.output == f"2 records written to {out}\n"
    assert _exported(fmt, out) == [
        ("FRAGOV", "042", "USAGOV", "https://a.fr/1"),
        ("RUSMIL", "190", "UKR", None),
    ]


def _exported(fmt: str, out: Path) -> list[tuple[str, str, str, str | None]]:
    """(source, code, target, url) of each record of an export file."""
    if fmt == "gdelt":
        lines = [line.split("\t") for line in out.read_text().splitlines()]
        assert all(len(fields) == 61 for fields in lines)
        return [(f[5], f[26], f[15], f[60] or None) for f in lines]
    if fmt == "plover":
        records = [json.loads(line) for line in out.read_text().splitlines()]
        return [(r["actor"], r["cameo"], r["recipient"], r["cite"]["url"])
                for r in records]  # fmt: skip
    if fmt == "csv":
        with out.open(encoding="utf-8", newline="") as handle:
            return [(r["source_code"], r["code"], r["target_code"], r["url"] or None)
                    for r in csv.DictReader(handle)]  # fmt: skip
    if fmt == "geojson":
        features = json.loads(out.read_text())["features"]
        assert [f["geometry"]["coordinates"] for f in features] == [[2.35, 48.85]] * 2
        props = [f["properties"] for f in features]
        return [(p["source_code"], p["code"], p["target_code"], p["url"])
                for p in props]  # fmt: skip
    conn = connect(":memory:")
    return [
        tuple(row)  # type: ignore[misc]
        for row in conn.execute(
            "SELECT source_code, code, target_code, url FROM read_parquet(?) "
            "ORDER BY id",
            [str(out)],
        ).fetchall()
    ]


def test_cli_db_missing_database(tmp_path: Path) -> None:
    result = runner.invoke(app, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1 and "no such database" in result.output


def test_cli_db_import_gdelt(
    tmp_path: Path, shared_file: Callable[[str], Path]
) -> None:
    gdelt = shared_file("data/gdelt/20191024143000.export.CSV")
    db = str(tmp_path / "g.duckdb")
    result = runner.invoke(app, ["import-gdelt", str(gdelt), "--db", db])
    assert result.exit_code == 0 and "imported 2111" in result.output
    out = tmp_path / "back.CSV"
    runner.invoke(app, ["export", "--format", "gdelt", "--out", str(out), "--db", db])
    assert out.read_text() == gdelt.read_text()


@pytest.mark.slow
def test_cli_db_ingest_stdin_and_exit_codes(tmp_path: Path) -> None:
    db = str(tmp_path / "i.duckdb")
    text = "La Russie a signé mercredi un accord de coopération avec la Corée du Nord."
    result = runner.invoke(
        app, ["ingest", "-", "--db", db, "--processes", "1"], input=text
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith("coded 1, skipped as duplicate 0, failed 0")
    again = runner.invoke(
        app, ["ingest", "-", "--db", db, "--processes", "1"], input=text
    )
    assert again.exit_code == 0 and "skipped as duplicate 1" in again.output
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    nothing = runner.invoke(app, ["ingest", str(empty), "--db", db])
    assert nothing.exit_code == 1 and "failed 1 (empty: 1)" in nothing.output
