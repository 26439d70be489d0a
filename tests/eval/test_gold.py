"""Tests of newsevents.eval.gold, the reader of newsevents-gold/1 files."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from newsevents.errors import DataError
from newsevents.eval.gold import GoldEvent, read_gold

SEED = "eval/gold/seed-fr.json"

TEXT = "Moscou et Pyongyang ont signé mercredi un accord."


def _event(**fields: Any) -> dict[str, Any]:
    return {
        "id": "e1",
        "source": {"country": "RUS", "role": "GOV"},
        "code": "057",
        "target": {"country": "PRK"},
        **fields,
    }


def _document(**fields: Any) -> dict[str, Any]:
    return {
        "id": "d1",
        "language": "fr",
        "published": "2024-06-19",
        "text": TEXT,
        "events": [_event()],
        **fields,
    }


def _write(tmp_path: Path, data: Any, name: str = "gold.json") -> Path:
    path = tmp_path / name
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
    return path


def _gold(*documents: dict[str, Any], **top: Any) -> dict[str, Any]:
    return {"format": "newsevents-gold/1", "documents": list(documents), **top}


def test_gold_reads_inline_text_and_defaults(tmp_path: Path) -> None:
    [doc] = read_gold(_write(tmp_path, _gold(_document())))
    assert doc.text == TEXT
    assert doc.published == date(2024, 6, 19)
    [event] = doc.events
    assert event.required is True
    assert event.symmetric is False
    assert event.prefixes == ("05",)
    assert event.target is not None and event.target.role is None


def test_gold_reads_text_file_relative_to_gold_file(tmp_path: Path) -> None:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a.txt").write_text(TEXT, encoding="utf-8")
    doc = _document(text_file="../texts/a.txt")
    del doc["text"]
    (tmp_path / "gold").mkdir()
    [read] = read_gold(_write(tmp_path / "gold", _gold(doc)))
    assert read.text == TEXT


def test_gold_reads_corpus_records_by_reader_id(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.xml"
    corpus.write_text(
        '<corpus>\n<doc title="a" url="u1">Premier texte.</doc>\n'
        f'<doc title="b" source="La DH" url="u2">{TEXT}</doc>\n</corpus>\n',
        encoding="utf-8",
    )
    doc = _document(corpus={"file": "../corpus.xml", "record": "corpus.xml#2"})
    del doc["text"]
    (tmp_path / "gold").mkdir()
    [read] = read_gold(_write(tmp_path / "gold", _gold(doc)))
    assert read.text == TEXT
    # The outlet the corpus names is input the coder gets, as from ingest.
    assert read.outlet == "La DH"
    doc["corpus"]["record"] = "corpus.xml#3"
    with pytest.raises(DataError, match="no record 'corpus.xml#3'"):
        read_gold(_write(tmp_path / "gold", _gold(doc)))


def test_gold_reads_feed_items_by_number(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(
        '<?xml version="1.0"?><rss><channel><title>t</title>'
        "<item><title>Un</title><description>Premier.</description></item>"
        f"<item><title>Deux</title><description>{TEXT}</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    doc = _document(corpus={"file": "feed.xml", "record": "feed.xml#2"})
    del doc["text"]
    [read] = read_gold(_write(tmp_path, _gold(doc)))
    assert read.text == f"Deux\n{TEXT}"


def test_gold_allows_documented_extra_keys(tmp_path: Path) -> None:
    doc = _document(
        about="seed",
        note="checked",
        entities=[{"text": "Moscou", "kind": "place", "actor": "RUS"}],
        places=[{"text": "Pyongyang", "country": "PRK"}],
        dates=[{"text": "mercredi", "value": "2024-06-19"}],
        corpus={"file": "x.jsonl", "record": "3"},
        events=[_event(evidence="ont signé mercredi", note="debatable")],
    )
    [read] = read_gold(_write(tmp_path, _gold(doc, about="test file")))
    assert read.places[0]["country"] == "PRK"
    assert read.events[0].evidence == "ont signé mercredi"


def test_gold_missing_text_file_names_the_gold_file(tmp_path: Path) -> None:
    doc = _document(text_file="missing.txt")
    del doc["text"]
    path = _write(tmp_path, _gold(doc))
    with pytest.raises(DataError, match="missing.txt") as info:
        read_gold(path)
    assert info.value.path == str(path)


def test_gold_bad_json_gives_line(tmp_path: Path) -> None:
    path = _write(tmp_path, '{"format": "newsevents-gold/1",\n "documents": [,]}')
    with pytest.raises(DataError, match="bad JSON") as info:
        read_gold(path)
    assert info.value.line == 2
    assert info.value.path == str(path)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"format": "newsevents-gold/2", "documents": []}, "format is"),
        ({"documents": []}, "format is None"),
        ([], "JSON object"),
        (_gold(_document(events=[_event(code="5x")])), r"events\[0\]\.code"),
        (_gold(_document(events=[_event(colour="red")])), r"events\[0\]\.colour"),
        (_gold(_document(events=[_event(accept=["05a"])])), "accept prefix"),
        (_gold(_document(events=[_event(date="19/06/2024")])), "date"),
        (_gold(_document(events=[_event(date_accept=["June"])])), "date_accept"),
        (_gold(_document(events=[_event(modality="certain")])), "modality"),
        (_gold(_document(events=[_event(evidence="absent")])), "evidence"),
        (_gold(_document(events=[_event(location={})])), "location"),
        (_gold(_document(events=[_event(), _event()])), "duplicate event id"),
        (_gold(_document(), _document()), "duplicate document id"),
        (_gold(_document(text_file="a.txt")), "not both"),
        (_gold({"id": "d", "language": "fr", "events": []}), "no 'text'"),
        (
            _gold({"id": "d", "language": "fr", "corpus": {"file": "c"}}),
            "No such file",
        ),
    ],
)
def test_gold_bad_content_raises_data_error(
    tmp_path: Path, data: Any, message: str
) -> None:
    path = _write(tmp_path, data)
    with pytest.raises(DataError, match=message) as info:
        read_gold(path)
    assert info.value.path == str(path)


def test_gold_unreadable_file_raises_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="cannot read gold file"):
        read_gold(tmp_path / "nope.json")


def test_gold_event_prefixes_use_accept_when_given() -> None:
    event = GoldEvent.model_validate(_event(accept=["050", "051"]))
    assert event.prefixes == ("050", "051")
    assert event.root == "05"


def test_gold_reads_seed_file(shared_file: Callable[[str], Path]) -> None:
    [doc] = read_gold(shared_file(SEED))
    assert doc.id == "seed-fr"
    assert len(doc.events) == 20
    assert len(doc.required_events) == 15
    assert doc.text.startswith("Vladimir Poutine et Kim Jong Un")
    assert all(event.evidence and event.evidence in doc.text for event in doc.events)
