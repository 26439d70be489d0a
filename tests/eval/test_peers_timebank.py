"""Tests of the French TimeBank reader and scorer."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from newsevents.errors import InputError
from newsevents.eval.peers import timebank
from newsevents.models import DateRef

_TML = """<?xml version='1.0' encoding='UTF-8'?>
<TimeML>
<DOCID>doc-1</DOCID>
<DCT><TIMEX3 functionInDocument="CREATION_TIME" tid="t1" type="DATE"
  value="1999-05-17" /></DCT>
<TEXT>
Le <EVENT eid="e1">sommet</EVENT> a eu lieu <TIMEX3 tid="t2" type="DATE"
  value="1999-05-16">hier</TIMEX3>, \
<TIMEX3 tid="t3" type="TIME" value="1999-05-16TEV">dans la soirée</TIMEX3> \
pendant <TIMEX3 tid="t4" type="DURATION" value="PT2H">deux heures</TIMEX3>, \
<TIMEX3 tid="t5" type="DATE" value="PRESENT_REF">aujourd'hui</TIMEX3>.
</TEXT>
</TimeML>
"""


@pytest.fixture
def doc(tmp_path: Path) -> timebank.TimebankDoc:
    path = tmp_path / "doc.tml"
    path.write_text(_TML, encoding="utf-8")
    return timebank.read_tml(path)


def test_timebank_reads_spans_in_tag_free_text(doc: timebank.TimebankDoc) -> None:
    assert doc.id == "doc-1" and doc.dct == date(1999, 5, 17)
    assert "<" not in doc.text
    assert [t.text for t in doc.timexes] == [
        "hier",
        "dans la soirée",
        "deux heures",
        "aujourd'hui",
    ]
    for timex in doc.timexes:
        assert doc.text[timex.start : timex.end] == timex.text


def test_timebank_rejects_non_timeml(tmp_path: Path) -> None:
    path = tmp_path / "x.tml"
    path.write_text("<TimeML><DOCID>x</DOCID></TimeML>", encoding="utf-8")
    with pytest.raises(InputError):
        timebank.read_tml(path)


def _at(doc: timebank.TimebankDoc, text: str, value: str | None) -> DateRef:
    start = doc.text.index(text)
    return DateRef(text=text, value=value, start=start, end=start + len(text))


@pytest.mark.parametrize(
    ("found", "correct", "date_acc", "time_acc"),
    [
        ([("hier", "1999-05-16"), ("dans la soirée", "1999-05-16")], 2, 1.0, 1.0),
        ([("hier", "1999-05-17")], 0, 0.0, 0.0),
        ([("hier", "1999-05-16")], 1, 1.0, 0.0),
        ([], 0, 0.0, 0.0),
    ],
)
def test_timebank_score(
    doc: timebank.TimebankDoc,
    found: list[tuple[str, str]],
    correct: int,
    date_acc: float,
    time_acc: float,
) -> None:
    refs = [_at(doc, text, value) for text, value in found]
    result = timebank.score([(doc, refs)])
    assert result.timex_total == 2  # DURATION left out, PRESENT_REF unscorable
    assert result.timex_unscorable == 1
    assert result.timex_correct == correct
    assert result.by_type["DATE"]["value_accuracy"] == date_acc
    assert result.by_type["TIME"]["value_accuracy"] == time_acc


_REAL = "data/temporal/fr-timebank/Data"


@pytest.mark.slow
def test_timebank_real_slice(shared_file: Callable[[str], Path]) -> None:
    real = shared_file(_REAL)
    paths = sorted(real.glob("*.tml"))[:10]
    for path in paths:
        doc = timebank.read_tml(path)
        for timex in doc.timexes:
            assert doc.text[timex.start : timex.end] == timex.text
    result = timebank.run(paths)
    assert result.documents == 10 and result.timex_total > 0
    assert result.value_accuracy is not None and result.value_accuracy > 0.5


def test_timebank_through_the_cli(tmp_path: Path) -> None:
    import json

    from typer.testing import CliRunner

    from newsevents.cli import app

    (tmp_path / "doc.tml").write_text(_TML, encoding="utf-8")
    result = CliRunner().invoke(
        app, ["eval", "--format", "timebank", "--json", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    # "hier" (DATE 1999-05-16) is right, "dans la soirée" (TIME
    # 1999-05-16TEV) wrong; "aujourd'hui" (PRESENT_REF) cannot be scored and
    # "deux heures" is a duration, not scored.
    assert json.loads(result.stdout) == {
        "documents": 1,
        "timex_total": 2,
        "timex_correct": 1,
        "timex_unscorable": 1,
        "value_accuracy": 0.5,
        "by_type": {
            "DATE": {"timex_total": 1, "timex_correct": 1, "value_accuracy": 1.0,
                     "unscorable": 1},
            "TIME": {"timex_total": 1, "timex_correct": 0, "value_accuracy": 0.0,
                     "unscorable": 0},
        },
    }  # fmt: skip
