"""Tests of the PETRARCH validation-suite reader and scorer."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from newsevents.errors import InputError
from newsevents.eval.peers import petrarch
from newsevents.models import Actor, Event

_RECORDS = """<Validation>
<!-- header comment -->
<Environment>
    <Verbfile>verbs.txt</Verbfile>
    <Actorfile>actors.txt</Actorfile>
    <Agentfile>agents.txt</Agentfile>
</Environment>
<Sentences>
<Sentence date="19950101" id="DEMO-00" category="DEMO" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<EventCoding sourcecode='"INJURY TOLL"' targetcode="GON" eventcode="223"></EventCoding>
<Text>
Arnor will reopen its
embassy in Gondor.
</Text>
<Parse>(ROOT)</Parse>
</Sentence>
<Sentence date = "19950102" id ="DEMO-01"  category="MODIFY" sentence="true">
<EventCoding noevents = "True"></EventCoding>
<Text>Nothing happened.</Text>
</Sentence>
<Sentence date="20080801" id="ERROR-01" category="ERROR" sentence="true">
<EventCoding error="dateline"></EventCoding>
<Text>CEBU CITY: -- a dateline.</Text>
</Sentence>
</Sentences>
</Validation>
"""


def _event(source: str | None, target: str | None, code: str) -> Event:
    def actor(c: str | None) -> Actor | None:
        return None if c is None else Actor(code=c, name=c)

    return Event(
        source=actor(source),
        target=actor(target),
        code=code,
        root=code[:2],
        quad_class=1,
        goldstein=1.0,
    )


@pytest.fixture
def records_file(tmp_path: Path) -> Path:
    path = tmp_path / "records.xml"
    path.write_text(_RECORDS, encoding="utf-8")
    (tmp_path / "actors.txt").write_text("ARNOR [ARN]\n", encoding="utf-8")
    (tmp_path / "verbs.txt").write_text(
        "--- REOPEN [064] ---\nREOPEN\n", encoding="utf-8"
    )
    return path


def test_petrarch_reads_records(records_file: Path) -> None:
    records = petrarch.read_records(records_file)
    assert [r.id for r in records] == ["DEMO-00", "DEMO-01", "ERROR-01"]
    first = records[0]
    assert first.text == "Arnor will reopen its embassy in Gondor."
    assert first.date == date(1995, 1, 1)
    assert first.triples == (("ARN", "GON", "064"),)
    assert first.uncodable == 1
    assert records[1].noevents and records[1].category == "MODIFY"
    assert records[2].error == "dateline"


def test_petrarch_dictionaries_named_in_environment(records_file: Path) -> None:
    actors, agents = petrarch.dictionaries(records_file)
    assert actors == records_file.parent / "actors.txt"
    assert agents is None  # named but absent
    assert petrarch.verb_file(records_file) == records_file.parent / "verbs.txt"


def test_petrarch_rejects_bad_xml(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text("<Validation><Sentence>", encoding="utf-8")
    with pytest.raises(InputError):
        petrarch.read_records(bad)


@pytest.mark.parametrize(
    ("found", "triple_recall", "root_recall", "precision", "noevent_fp"),
    [
        ([[_event("ARN", "GON", "064")], [], []], 1.0, 1.0, 1.0, 0),
        ([[_event("ARN", "GON", "061")], [], []], 0.0, 1.0, 0.0, 0),
        ([[_event("GON", "ARN", "064")], [], []], 0.0, 0.0, 0.0, 0),
        ([[], [_event("ARN", None, "010")], []], 0.0, 0.0, None, 1),
        # an error record's events are not scored
        (
            [[_event("ARN", "GON", "064")], [], [_event("A", "B", "190")]],
            1.0,
            1.0,
            1.0,
            0,
        ),
    ],
)
def test_petrarch_score(
    records_file: Path,
    found: list[list[Event]],
    triple_recall: float,
    root_recall: float,
    precision: float | None,
    noevent_fp: int,
) -> None:
    result = petrarch.score(petrarch.read_records(records_file), found)
    assert result.records == 2 and result.records_skipped == 1
    assert result.triple_recall == triple_recall
    assert result.root_recall == root_recall
    assert result.triple_precision == precision
    assert result.noevent_false_positives == noevent_fp
    assert result.to_json()["by_category"]["DEMO"]["gold_triples"] == 1


def test_petrarch_duplicate_events_count_once(records_file: Path) -> None:
    twice = [_event("ARN", "GON", "064"), _event("ARN", "GON", "064")]
    result = petrarch.score(petrarch.read_records(records_file), [twice, [], []])
    assert result.triple_recall == 1.0
    assert result.triple_precision == 0.5
    assert result.record_accuracy == 0.5  # DEMO-00 has an extra triple


_REAL = "data/peers/petrarch/PETR.UnitTest.records.xml"


@pytest.mark.slow
def test_petrarch_real_slice_fictional_countries_resolve(
    shared_file: Callable[[str], Path],
) -> None:
    real = shared_file(_REAL)
    from newsevents.kb.base import load_kb
    from newsevents.models import Article
    from newsevents.service import code_articles

    actors, agents = petrarch.dictionaries(real)
    kb = load_kb(petrarch_actors=actors, petrarch_agents=agents)
    records = petrarch.read_records(real)[:8]
    articles = [Article.from_text(r.text, "en", published=r.date) for r in records]
    coded = list(code_articles(articles, kb=kb))
    codes = {m.actor.code for c in coded for m in c.mentions if m.actor}
    assert {"ARN", "GON"} <= codes
    result = petrarch.score(records, [c.events for c in coded])
    assert result.records == 8 and result.gold_triples > 0
    # A title right after a name, with no other name to follow, describes
    # it: Minas Tirith's border police are GONCOP (record AGENTS-11).
    text, *_ = [
        r.text
        for r in petrarch.read_records(real)
        if r.text and "Minas Tirith border police" in r.text
    ]
    (police,) = code_articles([Article.from_text(text, "en")], kb=kb)
    assert "GONCOP" in {m.actor.code for m in police.mentions if m.actor}


@pytest.mark.slow
def test_petrarch_run_codes_with_the_suite_verbs(records_file: Path) -> None:
    # The suite's own verb dictionary codes "reopen" 064 (our lexicon does not).
    (records_file.parent / "actors.txt").write_text(
        "ARNOR [ARN]\nGONDOR [GON]\n", encoding="utf-8"
    )
    records_file.write_text(
        _RECORDS.replace(
            "Arnor will reopen its\nembassy in Gondor.",
            "Arnor will reopen talks with Gondor.",
        ),
        encoding="utf-8",
    )
    result = petrarch.run(records_file)
    assert (result.root_recall, result.triple_recall) == (1.0, 1.0)
