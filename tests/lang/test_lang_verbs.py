"""Reading PETRARCH/TABARI verb dictionaries (``newsevents.lang.verbs``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.errors import DataError
from newsevents.lang.verbs import load_verbs

DICTIONARY = """<!-- a test dictionary -->
&TIETYPES
+MILITARY
+ECONOMIC

&CURRENCY  # money
+SWISS FRANCS
+DOLLARS

--- RESTORE  [064]  ---
RESTORE    # pas 18 Jun 2007
- NOT * RELATIONS  [112]
- * &TIETYPES TIES [902]
- * TIES  [064]
- * FXLL DIPLOMATIC  [###]

--- BREAK [1717] ---
BREAK { BROKE BROKEN  }
+BREAK_DOWN {+BREAKS_DOWN +BROKE_DOWN }
- * TREATY  [161]

--- BEGIN  [---]  ---
BEGIN
- * TALKS  [031]

---  WARN   [130]  ---
CAUTION
DISTRESS [012]
- * (OF {DISASTROUS CONSEQUENCES})  [012:013]  # WARN
"""


@pytest.fixture
def verbs_path(tmp_path: Path) -> Path:
    path = tmp_path / "verbs.txt"
    path.write_text(DICTIONARY, encoding="utf-8")
    return path


def test_verbs_blocks_forms_and_codes(verbs_path: Path) -> None:
    verbs = load_verbs(verbs_path)
    (restore,) = verbs.lookup("RESTORE")
    assert (restore.block, restore.word, restore.code) == ("RESTORE", "RESTORE", "064")
    # Longest patterns first; a "#" inside brackets is a code, not a comment.
    assert [p.code for p in restore.patterns] == ["112", "902", "###", "064"]
    synset = restore.patterns[1].after[0][0]
    assert synset == (("MILITARY",), ("ECONOMIC",))
    # "broke" is BREAK, and BREAK_DOWN when "down" follows: compounds first.
    assert [(e.word, e.suffix) for e in verbs.lookup("BROKE")] == [
        ("BREAK", ("DOWN",)),
        ("BREAK", ()),
    ]
    compound = verbs.lookup("BREAK")[0]
    assert (compound.word, compound.suffix) == ("BREAK", ("DOWN",))
    (begin,) = verbs.lookup("BEGIN")
    assert begin.code is None  # [---]: only its patterns code
    (distress,) = verbs.lookup("DISTRESS")
    assert distress.code == "012"
    assert verbs.lookup("CAUTION")[0].patterns[0].code == "012"  # 012:013 -> 012
    assert verbs.lookup("CAUTION")[0].patterns[0].after == (
        ((("OF",),),),
        ((("DISASTROUS",),),),
        ((("CONSEQUENCES",),),),
    )


def test_verbs_bad_pattern_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_text("--- ACT [100] ---\nACT\n- * RESOLUTION\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"bad.txt:3: pattern without \[CODE\]"):
        load_verbs(path)
