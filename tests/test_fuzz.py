"""Fuzz test of issue 13: 240 generated hostile inputs (encodings, sizes,
dates, markup, feeds, tables) through ``ingest`` and ``POST /api/code``.
Nothing raises, the exit status is 0 while anything was coded, every input
ends stored, skipped as a duplicate or as a failure row with a documented
reason, and every good record is stored with its text."""

from __future__ import annotations

import json
import random
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import get_args

import pytest
from typer.testing import CliRunner

from newsevents.api.app import create_app
from newsevents.cli import app
from newsevents.models import FailureReason, content_id
from newsevents.store.schema import connect

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

pytestmark = [pytest.mark.slow, pytest.mark.issue]

SENTENCES = [
    "La France a signé {n} accords de coopération avec l'Allemagne à Berlin.",
    "Le président russe a rencontré {n} dirigeants africains samedi à Moscou.",
    "The United States imposed sanctions on {n} Iranian companies yesterday.",
    "NATO ministers met in Brussels on Tuesday to discuss {n} new missions.",
]
DATES = ["0001-01-01", "9999-12-31", "2024-02-30", "not a date", "", "-5",
         "99999999999999999999", "2024-06-19", "Sat, 01 Jan 0001 00:00:00 GMT",
         "1970-01-01T00:00:00Z"]  # fmt: skip
RELATIVE = ["yesterday", "tomorrow", "samedi", "demain", "la semaine dernière",
            "last week", "next month"]  # fmt: skip


@dataclass(frozen=True)
class Case:
    """A generated input file; ``good`` lists the texts that must be stored."""

    name: str
    data: bytes
    good: tuple[str, ...] = ()


def _sentence(rng: random.Random, n: int) -> str:
    return rng.choice(SENTENCES).format(n=n)


def _cases(seed: int = 13) -> Iterator[Case]:
    rng = random.Random(seed)
    n = 1000
    for i in range(40):  # encodings
        n += 1
        text = _sentence(rng, n)
        encoding = ["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"][i % 5]
        yield Case(f"enc-{i}.txt", text.encode(encoding), (text,))
    for i in range(30):  # sizes and bytes that are no text
        n += 1
        blobs = [
            b"",
            b"   \n\t ",
            b"x",
            bytes(range(256)) * 20,
            b"\x00" * 1000,
            # Past the 20,000-character cut of a paragraph.
            rng.randbytes(3000),
            b"\xff\xfe\x00\xd8",
            ("é" * 21_000).encode(),
            (_sentence(rng, n) + " ").encode() * 300,
            ("a" * 21_000).encode(),
        ]
        yield Case(f"size-{i}.txt", blobs[i % len(blobs)])
    for i in range(60):  # dates, with relative words, in tables
        n += 1
        text = f"{_sentence(rng, n)} {rng.choice(RELATIVE).capitalize()}."
        day = DATES[i % len(DATES)]
        if i % 2:
            data = json.dumps({"text": text, "date": day}).encode() + b"\n"
            name = f"date-{i}.jsonl"
        else:
            data = f'text,date\n"{text}",{day}\n'.encode()
            name = f"date-{i}.csv"
        yield Case(name, data)
    for i in range(40):  # markup
        n += 1
        text = _sentence(rng, n)
        pages = [
            f"<!doctype html><html><head><title>T{n}</title><script>alert(1)</script>"
            f"<style>p{{}}</style></head><body><p>{text}</p></body></html>",
            f"<html><body><div>{'<div>' * 2000}{text}</body>",
            f"<!doctype html><p>{text}&#0;&#xD800;&amp;&bogus;</p>",
            f"<html><body><p>{text}</p><iframe src=javascript:alert(1)>",
            '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY l2 '
            '"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><rss><channel><item>'
            f"<title>&l2;</title><description>{text}</description></item></channel>"
            "</rss>",
        ]
        body = pages[i % len(pages)]
        suffix = ".rss" if body.startswith("<?xml") else ".html"
        yield Case(f"markup-{i}{suffix}", body.encode())
    for i in range(40):  # feeds
        n += 1
        text = _sentence(rng, n)
        feeds = [
            f"<rss><channel><title>F</title><item><title>T{n}</title><description>"
            f"<![CDATA[<p>{text}</p>]]></description><pubDate>{rng.choice(DATES)}"
            "</pubDate></item></channel></rss>",
            f"<rss><channel><item><description>{text}</description></item>",
            "<rss><channel><title>empty</title></channel></rss>",
            f'<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>T{n}</title>'
            f"<summary>{text}</summary><updated>0001-01-01T00:00:00Z</updated>"
            "</entry></feed>",
            f"<rss><channel><item><title></title><description></description></item>"
            f"<item><description>{text}</description></item></channel></rss>",
        ]
        yield Case(f"feed-{i}.xml", feeds[i % len(feeds)].encode())
    for i in range(30):  # tables with hostile rows
        n += 1
        text = _sentence(rng, n)
        tables = [
            b'[1, 2]\n"just a string"\nnull\n{"text": null}\n',
            f'{{"text": "{text}", "language": "xx"}}\n'.encode(),
            b"title,body\n",
            f'text\n"{text}"\n"unterminated\n'.encode(),
            f'content;published\n"{text}";2024-06-19\n'.encode("cp1252"),
        ]
        suffix = ".jsonl" if i % 5 in (0, 1) else ".csv"
        yield Case(f"table-{i}{suffix}", tables[i % len(tables)])


CASES = list(_cases())


def test_fuzz_generates_enough() -> None:
    assert len(CASES) >= 200


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    folder = tmp_path_factory.mktemp("fuzz") / "inputs"
    folder.mkdir()
    for case in CASES:
        (folder / case.name).write_bytes(case.data)
    db = folder.parent / "fuzz.duckdb"
    result = CliRunner().invoke(
        app, ["ingest", str(folder), "--db", str(db), "--processes", "1"]
    )
    return folder, db, result.output + f"\nexit {result.exit_code}"


def test_fuzz_ingest_never_crashes(ingested: tuple[Path, Path, str]) -> None:
    _, _, output = ingested
    assert "Traceback" not in output
    assert output.endswith("\nexit 0"), output
    assert output.startswith("coded ")


def test_fuzz_every_input_accounted_for(ingested: tuple[Path, Path, str]) -> None:
    folder, db, _ = ingested
    conn = connect(db, read_only=True)
    stored = {r[0] for r in conn.execute("SELECT file FROM articles").fetchall()}
    failed = conn.execute("SELECT file, reason FROM failures").fetchall()
    reasons = {r[1] for r in failed}
    assert reasons <= set(get_args(FailureReason))
    failed_files = {r[0] for r in failed}
    ids = {r[0] for r in conn.execute("SELECT id FROM articles").fetchall()}
    earlier: set[bytes] = set()
    for case in sorted(CASES, key=lambda c: c.name):  # the order of the walk
        path = str(folder / case.name)
        # The same bytes as an earlier input: skipped as a duplicate.
        duplicate = case.data in earlier
        earlier.add(case.data)
        assert path in stored or path in failed_files or duplicate, (
            f"{case.name} is neither stored, a duplicate nor a failure row"
        )
        for text in case.good:
            assert content_id(text) in ids, f"{case.name}: good text not stored"
    # The good texts are many: the coder did run.
    assert sum(len(c.good) for c in CASES) >= 40


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app(None, max_body=200_000), raise_server_exceptions=False)


def test_fuzz_api_code_never_500(client: TestClient) -> None:
    statuses: dict[int, int] = {}
    for case in CASES:
        text = case.data.decode("utf-8", errors="replace")
        day = DATES[len(case.name) % len(DATES)]
        body = {"text": text, "published": day or None}
        response = client.post("/api/code", json=body)
        statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
        assert response.status_code in (200, 400, 413, 422), (case.name, response.text)
        if response.status_code != 200:
            assert response.json()["error"], case.name
    assert statuses.get(200, 0) >= 40
