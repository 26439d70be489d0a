"""The readers under hostile inputs (issue 13): mixed encodings decoded per
record, the size limit on standard input, symbolic link loops and feeds
with a long prolog."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from newsevents.ingest import files
from newsevents.ingest.files import RawItem, first_element, read_inputs
from newsevents.models import Failure

pytestmark = pytest.mark.issue


def test_issue_13_mixed_encodings_decoded_per_record(tmp_path: Path) -> None:
    table = tmp_path / "mixed.csv"
    table.write_bytes(
        b"text,date\n"
        b'"Le pr\xc3\xa9sident a sign\xc3\xa9.",2024-01-01\n'
        b'"Deuxi\xe8me r\xe9union \xe0 Paris.",2024-01-02\n'
        b'"Troisi\xc3\xa8me \xc3\xa9t\xc3\xa9 \xc3\xa0 Gen\xc3\xa8ve.",2024-01-03\n'
        b'"Bad \x81\x01 bytes.",2024-01-04\n'
    )
    entries = list(read_inputs([str(table)]))
    assert [e.text for e in entries if isinstance(e, RawItem)] == [
        "Le président a signé.",
        "Deuxième réunion à Paris.",
        "Troisième été à Genève.",
    ]
    (bad,) = [e for e in entries if isinstance(e, Failure)]
    assert (bad.item, bad.reason) == ("line 5", "undecodable")


def test_issue_13_mixed_encodings_in_json_lines(tmp_path: Path) -> None:
    table = tmp_path / "mixed.jsonl"
    table.write_bytes(
        b'{"text": "\xc3\xa9t\xc3\xa9"}\n{"text": "\xe9t\xe9"}\n{"text": "\x90"}\n'
    )
    entries = list(read_inputs([str(table)]))
    assert [e.text if isinstance(e, RawItem) else e.reason for e in entries] == [
        "été", "été", "undecodable",
    ]  # fmt: skip


def test_issue_13_stdin_size_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files, "MAX_BYTES", 1000)
    (failure,) = read_inputs(["-"], io.BytesIO(b"x" * 1001))
    assert isinstance(failure, Failure) and failure.reason == "too_large"
    assert failure.message.startswith("<stdin>: more than 1000 bytes")
    (item,) = read_inputs(["-"], io.BytesIO(b"y" * 1000))
    assert isinstance(item, RawItem) and len(item.text) == 1000


def test_issue_13_symlink_loops_are_failure_rows(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("Un texte.")
    (tmp_path / "sub" / "up").symlink_to(tmp_path)
    (tmp_path / "loop1").symlink_to(tmp_path / "loop2")
    (tmp_path / "loop2").symlink_to(tmp_path / "loop1")
    (tmp_path / "dangling").symlink_to(tmp_path / "missing")
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "b.txt").write_text("Un autre texte.")
    (tmp_path / "link").symlink_to(tmp_path / "other")
    entries = list(read_inputs([str(tmp_path)]))
    texts = [e.text for e in entries if isinstance(e, RawItem)]
    # link/b.txt, other/b.txt, sub/a.txt: a link to a folder is followed.
    assert texts == ["Un autre texte.", "Un autre texte.", "Un texte."]
    problems = {Path(e.file).name: e.message for e in entries if isinstance(e, Failure)}
    assert sorted(problems) == ["dangling", "loop1", "loop2", "up"]
    assert "broken symbolic link" in problems["dangling"]
    assert "symbolic link loop" in problems["loop1"]
    assert "symbolic link loop" in problems["up"]


FEED = (
    '<?xml version="1.0" encoding="utf-8"?>\n'
    "<!-- {padding} -->\n"
    '<?xml-stylesheet type="text/xsl" href="rss.xsl"?>\n'
    '<rss version="2.0"><channel><title>Le Journal</title>'
    "<item><title>Accord signé</title><description>La France a signé un accord."
    "</description></item></channel></rss>\n"
)


def test_issue_13_feed_after_a_long_prolog(tmp_path: Path) -> None:
    path = tmp_path / "feed"
    path.write_text(FEED.format(padding="x" * 5000))
    (item,) = read_inputs([str(path)])
    assert isinstance(item, RawItem)
    assert (item.item, item.title, item.source) == (
        "item 1",
        "Accord signé",
        "Le Journal",
    )


@pytest.mark.parametrize(
    ("text", "element"),
    [
        ("<!DOCTYPE html>\n<html><body>x</body></html>", "html"),
        ("<!-- " + "c" * 4000 + " -->\n<rdf:RDF xmlns:rdf='x'></rdf:RDF>", "rdf"),
        (
            "\ufeff<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'/>",
            "feed",
        ),
        ("Le président a dit <rss> hier.", None),
    ],
)
def test_issue_13_first_element(text: str, element: str | None) -> None:
    assert first_element(text) == element


def test_issue_13_corpus_readme_is_no_article(tmp_path: Path) -> None:
    (tmp_path / "README.TXT").write_text("BBC datasets. Please cite the paper.")
    (tmp_path / "LICENSE").write_text("All rights reserved.")
    (tmp_path / "politics").mkdir()
    (tmp_path / "politics" / "001.txt").write_text("Blair wins a third term.")
    entries = list(read_inputs([str(tmp_path)]))
    assert [Path(e.file).name for e in entries] == ["001.txt"]
    # Named on the command line, it is read like any file.
    (named,) = read_inputs([str(tmp_path / "README.TXT")])
    assert isinstance(named, RawItem)
