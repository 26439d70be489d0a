"""Tests of newsevents/lang/convert_petrarch.py (PETRARCH2 verbs -> triggers)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.errors import DataError
from newsevents.kb.cameo import load_cameo
from newsevents.lang._lexicon import load_triggers
from newsevents.lang.convert_petrarch import Row, convert, merge, parse, rows_to_tsv

ROOT = Path(__file__).resolve().parents[2]
COMMITTED = ROOT / "newsevents" / "lang" / "en" / "triggers_petrarch.tsv"

SAMPLE = """\
####### SYNONYM SETS #######

&PROTEST
+PROTEST
+RALLIES
+SIT_IN

####### VERB PATTERNS #######

---  STAGE   [---]  ---
STAGE
HOLD {HOLDS HELD HOLDING }
- * &PROTEST                                    [141]         # STAGE
- * {MASS RALLY}                                [141]         # STAGE
- &MILITARY * EXERCISES                         [062:062]     # HOLD
- * (IN COURT)                                  [173]         # HOLD
- * (WITH +)                                    [040]         # HOLD
- * (BEFORE COURT)                              [:173]        # STAGE
- * TRUCE                                       [---]         # HOLD
- * UP BARRICADE                                [1441]        # STAGE

---  CONDEMN   [111]  ---
CONDEMN
DENOUNCE [1119]
+CRACK_DOWN [175]
- * &PROTEST                                    [111]         # CONDEMN

######## TRANSFORMATIONS ##########
~ a (a b ATTACK) SAY = a b 015
"""

CODES = {"040", "062", "111", "141", "144", "173", "175"}


def _rows() -> list[Row]:
    synsets, blocks = parse(SAMPLE)
    rows, _ = convert(synsets, blocks, CODES, lemmatize=lambda w: w.rstrip("s"))
    return rows


def test_convert_petrarch_parses_synsets_blocks_and_patterns() -> None:
    synsets, blocks = parse(SAMPLE)
    assert synsets == {"PROTEST": ["PROTEST", "RALLIES", "SIT_IN"]}
    assert [(b.name, b.code) for b in blocks] == [("STAGE", None), ("CONDEMN", "111")]
    assert [v[:2] for v in blocks[1].verbs] == [
        ("CONDEMN", ""),
        ("DENOUNCE", "1119"),
        ("+CRACK_DOWN", "175"),
    ]
    exercises = blocks[0].patterns[2]
    assert exercises.before == ("&MILITARY",)
    assert exercises.after == ("EXERCISES",)
    assert (exercises.code, exercises.verb) == ("062:062", "HOLD")


def test_convert_petrarch_maps_what_entries_can_express() -> None:
    got = {(r.lemma, r.code, r.objects, r.targets, r.particle) for r in _rows()}
    assert got == {
        # synset expanded to one-word members, head noun of {MASS RALLY}
        ("stage", "141", ("protest", "rallie"), (), None),
        ("stage", "141", ("rally",), (), None),
        # subject constraint &MILITARY dropped, forward code of 062:062 kept
        ("hold", "062", ("exercise",), (), None),
        # (WITH +): the target is introduced by "with"
        ("hold", "040", (), ("with",), None),
        # particle, and a four-digit code missing from the book -> parent
        ("stage", "144", ("barricade",), (), "up"),
        # block default code, own code (1119 -> 111), particle verb
        ("condemn", "111", (), ("obj",), None),
        ("denounce", "111", (), ("obj",), None),
        ("crack", "175", (), ("obj",), "down"),
        ("condemn", "111", ("protest", "rallie"), (), None),
    }


def test_convert_petrarch_counts_what_it_drops() -> None:
    synsets, blocks = parse(SAMPLE)
    _, stats = convert(synsets, blocks, CODES)
    assert stats.dropped["prepositional phrase with a noun"] == 1  # (IN COURT)
    assert stats.dropped["reverse code"] == 1  # [:173]
    assert stats.dropped["no-event code"] == 1  # [---]


def test_convert_petrarch_block_synonyms_take_support_patterns_only() -> None:
    synsets, blocks = parse(SAMPLE)
    rows, _ = convert(synsets, blocks, CODES, synonyms=True)
    hold = {(r.code, r.objects) for r in rows if r.lemma == "hold"}
    # "stage a rally" lends "hold a rally"; "hold with" is not lent to stage.
    assert ("141", ("rally",)) in hold
    assert not any(r.lemma == "stage" and r.targets == ("with",) for r in rows)
    lent = next(r for r in rows if r.lemma == "hold" and r.objects == ("rally",))
    assert lent.source.endswith("(block synonym of stage)")


def test_convert_petrarch_merge_keeps_ours_and_first_pattern() -> None:
    rows = [
        Row("condemn", "VERB", "111", (), ("obj",), None, "a"),
        Row("stage", "VERB", "141", ("protest", "rally"), (), None, "b"),
        Row("stage", "VERB", "051", ("rally",), ("in",), None, "c"),
        Row("hold", "VERB", "040", (), ("with",), None, "d"),
        Row("hold", "VERB", "040", (), ("obj",), None, "e"),
    ]
    ours = [("condemn", "VERB", (), None), ("stage", "VERB", ("protest",), None)]
    merged, dropped = merge(rows, ours)
    assert [(r.lemma, r.objects, r.targets) for r in merged] == [
        ("stage", ("rally",), ()),
        ("hold", (), ("with", "obj")),
    ]
    assert dropped == {
        "already in triggers.tsv": 2,
        "same verb and noun, other pattern": 1,
    }


def test_convert_petrarch_tsv_rows_load_as_derived_triggers(tmp_path: Path) -> None:
    lines = rows_to_tsv(_rows())
    path = tmp_path / "triggers_petrarch.tsv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    triggers = load_triggers(path, extra=True)
    assert {t.status for t in triggers} == {"derived"}
    exercise = next(t for t in triggers if t.objects == ("exercise",))
    # no target in the pattern: the usual places of a 06 target
    assert (exercise.id, exercise.targets) == ("en.p.hold.exercise.062", ("with",))
    crack = next(t for t in triggers if t.lemma == "crack")
    assert (crack.particle, crack.targets, crack.needs_target) == (
        "down",
        ("obj",),
        True,
    )


def test_convert_petrarch_pattern_outside_a_block_names_the_line() -> None:
    text = "####### VERB PATTERNS #######\n- * AID [070] # RUSH\n"
    with pytest.raises(DataError, match=r"<verbs>:2: pattern or verb before"):
        parse(text)


def test_convert_petrarch_committed_file_is_valid() -> None:
    triggers = load_triggers(COMMITTED, extra=True)
    book = load_cameo()
    assert len(triggers) > 3500
    assert {t.status for t in triggers} == {"derived"}
    assert all(t.code in book for t in triggers)
    assert all(t.needs_target for t in triggers)
    header = COMMITTED.read_text(encoding="utf-8").splitlines()[:3]
    assert "PETRARCH2" in header[0] and "MIT" in header[1]


def test_convert_petrarch_shared_dictionary_size(shared: Path) -> None:
    source = shared / "data" / "peers" / "petrarch2" / "CAMEO.2.0.txt"
    if not source.exists():
        pytest.skip(f"{source} is absent (third-party data in ../shared)")
    synsets, blocks = parse(source.read_text(encoding="latin-1"), str(source))
    assert sum(len(b.patterns) for b in blocks) == 4668
    assert len(blocks) == 397
    assert "CURRENCY" in synsets
