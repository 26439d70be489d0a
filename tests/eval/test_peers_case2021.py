"""Tests of the CASE 2021 task 2 reader, mapping and scorer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from newsevents.errors import DataError, InputError
from newsevents.eval.peers import case2021
from newsevents.models import Event


def _event(code: str) -> Event:
    return Event(code=code, root=code[:2], quad_class=4, goldstein=-10.0)


def test_case2021_reads_snippets(tmp_path: Path) -> None:
    path = tmp_path / "task2.tsv"
    path.write_text(
        'id\tEventSnippet\tSubType\n1\tJets "pounded" a village\tAIR_STRIKE\n'
        "2\tA flood\tNATURAL_DISASTER\n",
        encoding="utf-8",
    )
    snippets = case2021.read_snippets(path)
    assert [(s.id, s.type) for s in snippets] == [
        ("1", "AIR_STRIKE"),
        ("2", "NATURAL_DISASTER"),
    ]
    assert snippets[0].text == 'Jets "pounded" a village'  # quotes kept


def test_case2021_rejects_missing_columns(tmp_path: Path) -> None:
    path = tmp_path / "x.tsv"
    path.write_text("id\ttext\n1\tx\n", encoding="utf-8")
    with pytest.raises(InputError):
        case2021.read_snippets(path)


def test_case2021_bundled_mapping_is_valid() -> None:
    mapping = case2021.load_mapping()
    assert mapping["ARMED_CLASH"] == ("19",)
    assert mapping["NATURAL_DISASTER"] == ()
    assert len(mapping) >= 29


def test_case2021_mapping_reports_bad_root(tmp_path: Path) -> None:
    path = tmp_path / "map.tsv"
    path.write_text("# c\ntype\troots\nA\t19\nB\t21\n", encoding="utf-8")
    with pytest.raises(DataError) as info:
        case2021.load_mapping(path)
    assert info.value.line == 4


@pytest.mark.parametrize(
    ("events", "recall"),
    [
        ([["190"], ["140"], []], 1.0),
        ([["180"], ["145"], []], 0.5),
        ([[], [], ["190"]], 0.0),  # the unmapped type does not count
        ([["010", "195"], [], []], 0.5),
    ],
)
def test_case2021_score(events: list[list[str]], recall: float) -> None:
    snippets = [
        case2021.Snippet("1", "a", "ARMED_CLASH"),
        case2021.Snippet("2", "b", "PEACE_PROTEST"),
        case2021.Snippet("3", "c", "OTHER"),
    ]
    mapping = {"ARMED_CLASH": ("19",), "PEACE_PROTEST": ("14",), "OTHER": ()}
    pairs = [
        (s, [_event(c) for c in codes])
        for s, codes in zip(snippets, events, strict=True)
    ]
    result = case2021.score(pairs, mapping)
    assert result.snippets == 3 and result.snippets_scored == 2
    assert result.recall == recall
    assert result.unmapped_types == ("OTHER",)
    assert set(result.to_json()["recall_by_type"]) == {"ARMED_CLASH", "PEACE_PROTEST"}


_REAL = "data/peers/case2021/task2_test_set_final_release_with_labels.tsv"


@pytest.mark.slow
def test_case2021_real_slice(shared_file: Callable[[str], Path]) -> None:
    real = shared_file(_REAL)
    from newsevents.models import Article
    from newsevents.service import code_articles

    snippets = case2021.read_snippets(real)[:40]
    mapping = case2021.load_mapping()
    assert {s.type for s in snippets} <= set(mapping)  # every type is mapped
    coded = code_articles([Article.from_text(s.text, "en") for s in snippets])
    result = case2021.score(
        [(s, c.events) for s, c in zip(snippets, coded, strict=True)], mapping
    )
    # Three of the 40 are of types with no CAMEO counterpart (disasters, other).
    assert result.snippets == 40 and result.snippets_scored == 37
    counts = result.counts_by_type.values()
    assert sum(c["snippets"] for c in counts) == 37
    recalled = sum(c["recalled"] for c in counts)
    assert result.recall == round(recalled / 37, 4)
    # A floor at today's 3 of 37 (raise it as the coder improves).
    assert recalled >= 3
