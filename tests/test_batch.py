"""The ingest loop with the real coder: idempotence, replacement by URL,
failure rows for every bad input, merging FR and EN reports of one summit,
and recovery after kill -9."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from newsevents.batch import IngestOptions, ingest
from newsevents.store.queries import cluster_mentions
from newsevents.store.schema import connect

pytestmark = pytest.mark.slow

ONE = IngestOptions(processes=1, progress=False)
SUMMIT_FR = (
    "Emmanuel Macron a rencontré Joe Biden mardi à Paris.\n"
    "Le président français et le président américain ont discuté de l'Ukraine."
)
SUMMIT_EN = (
    "French President Emmanuel Macron met US President Joe Biden in Paris on "
    "Tuesday.\nThe two leaders discussed Ukraine."
)
COUNTRIES = ["la Russie", "la Chine", "l'Allemagne", "le Japon", "l'Inde", "le Brésil"]


def _texts(n: int) -> list[str]:
    return [
        f"La France a signé un accord de coopération avec {COUNTRIES[i % 6]} "
        f"le {1 + i % 28} mars 2024, selon le communiqué numéro {i}."
        for i in range(n)
    ]


def _counts(conn) -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    return tuple(  # type: ignore[return-value]
        conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("articles", "events", "mentions")
    )


def test_batch_idempotent_and_replaces_by_url(tmp_path: Path) -> None:
    feed = tmp_path / "a.jsonl"
    records = [
        {"text": SUMMIT_FR, "url": "https://j.fr/1", "date": "2024-06-19"},
        {"text": _texts(1)[0], "url": "https://j.fr/2", "date": "2024-03-02"},
    ]
    feed.write_text("\n".join(json.dumps(r) for r in records))
    conn = connect(tmp_path / "db.duckdb")
    first = ingest(conn, [str(feed)], ONE)
    before = _counts(conn)
    assert first.coded == 2 and before[1] >= 2
    again = ingest(conn, [str(feed)], ONE)
    assert (again.coded, again.duplicates) == (0, 2)
    assert _counts(conn) == before
    # A changed version of the first URL replaces its article and events.
    records[0]["text"] = SUMMIT_FR.replace("Paris", "Berlin")
    feed.write_text("\n".join(json.dumps(r) for r in records))
    changed = ingest(conn, [str(feed)], ONE)
    assert (changed.coded, changed.replaced, changed.duplicates) == (1, 1, 1)
    assert _counts(conn)[0] == 2
    assert conn.execute(
        "SELECT count(*) FROM articles WHERE text LIKE '%Berlin%'"
    ).fetchone() == (1,)


def test_batch_every_bad_input_is_a_failure_row(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.bin").write_bytes(bytes(range(256)) * 40)
    (folder / "utf16.txt").write_bytes(b"\xff\xfe\x00\xd8")
    (folder / "german.txt").write_text(
        "Der russische Präsident hat am Mittwoch ein Abkommen über die "
        "strategische Partnerschaft mit Nordkorea unterzeichnet, teilte der Kreml mit."
    )
    (folder / "broken.xml").write_text(
        '<link href="x"/>\n<rss version="2.0"><channel><title>T</title>'
    )
    (folder / "good.txt").write_text(SUMMIT_FR)
    conn = connect(":memory:")
    summary = ingest(conn, [str(folder)], ONE)
    assert summary.coded == 1
    reasons = dict(
        conn.execute(
            "SELECT regexp_extract(file, '[^/]+$'), reason FROM failures"
        ).fetchall()
    )
    assert reasons == {
        "empty.txt": "empty",
        "binary.bin": "binary",
        "utf16.txt": "undecodable",
        "german.txt": "unsupported_language",
        "broken.xml": "malformed",
    }
    assert summary.failed == 5


def test_batch_merges_french_and_english_reports(tmp_path: Path) -> None:
    fr = tmp_path / "fr.jsonl"
    fr.write_text(
        json.dumps({"text": SUMMIT_FR, "date": "2024-06-19", "source": "Le Monde"})
    )
    en = tmp_path / "en.jsonl"
    en.write_text(
        json.dumps({"text": SUMMIT_EN, "date": "2024-06-19", "source": "Reuters"})
    )
    conn = connect(":memory:")
    ingest(conn, [str(fr), str(en)], ONE)
    (cluster,) = conn.execute(
        "SELECT id, source_code, target_code, root_code, date_value, num_mentions, "
        "num_sources, num_articles, first_seen, last_seen FROM clusters "
        "WHERE num_articles > 1"
    ).fetchall()
    assert cluster[1:5] == ("FRAGOV", "USAGOV", "04", "2024-06-18")
    assert cluster[6:] == (2, 2, date(2024, 6, 19), date(2024, 6, 19))
    assert cluster[5] >= 2
    mentions = cluster_mentions(conn, cluster[0])
    assert {(m.language, m.outlet) for m in mentions} == {
        ("fr", "Le Monde"),
        ("en", "Reuters"),
    }
    assert all(m.evidence for m in mentions)


def test_batch_two_processes(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i, text in enumerate(_texts(8)):
        (folder / f"{i:02}.txt").write_text(text)
    conn = connect(":memory:")
    options = IngestOptions(processes=2, chunk_size=2, batch_size=3, progress=False)
    summary = ingest(conn, [str(folder)], options)
    assert summary.coded == 8
    assert _counts(conn)[0] == 8


def test_batch_survives_kill_9(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i, text in enumerate(_texts(30)):
        (folder / f"{i:02}.txt").write_text(text)
    db = tmp_path / "killed.duckdb"
    process = subprocess.Popen(
        [sys.executable, "-m", "newsevents.cli", "ingest", str(folder), "--db", str(db),
         "--processes", "1", "--batch-size", "2", "--verbose"],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )  # fmt: skip
    assert process.stderr is not None
    for line in process.stderr:
        if line.startswith("committed"):
            break
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL
    conn = connect(db)
    partial = _counts(conn)[0]
    assert 0 < partial < 30  # killed in the middle
    summary = ingest(conn, [str(folder)], ONE)
    assert summary.coded == 30 - partial and summary.duplicates == partial
    # Every article exactly once, with all its events and mentions.
    assert conn.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone()[
        :2
    ] == (30, 30)
    stored = conn.execute(
        "SELECT sum(n_events), sum(n_mentions) FROM articles"
    ).fetchone()
    assert stored == _counts(conn)[1:]
    clean = connect(":memory:")
    ingest(clean, [str(folder)], ONE)
    assert _counts(clean) == _counts(conn)
