"""Tests of newsevents/lang/_lexicon.py: the whole trigger lexicon of a
language, its reviewed file and the larger files beside it."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from newsevents.errors import DataError
from newsevents.kb.cameo import load_cameo
from newsevents.lang import get_resources
from newsevents.lang._lexicon import load_lexicon, load_triggers

HEADER = "id\tlemma\tpos\tcode\tobject\ttarget\tflags\texample\n"
EXTRA = "id\tlemma\tpos\tcode\tobject\ttarget\tflags\tstatus\tsource\texample\n"
LANG = Path(__file__).resolve().parents[2] / "newsevents" / "lang"


def _folder(tmp_path: Path, main: str, **extras: str) -> Path:
    (tmp_path / "triggers.tsv").write_text(HEADER + main, encoding="utf-8")
    for name, text in extras.items():
        (tmp_path / f"triggers_{name}.tsv").write_text(EXTRA + text, encoding="utf-8")
    return tmp_path


def test_lexicon_ours_win_over_extra_files(tmp_path: Path) -> None:
    folder = _folder(
        tmp_path,
        "t.attack\tattack\tVERB\t190\t\tobj\t\t\n"
        "t.hold.talk\thold\tVERB\t040\ttalk\twith\tsym\t\n",
        petrarch=(
            "p.attack\tattack\tVERB\t110\t\tobj\t\tderived\tx\t\n"
            "p.hold\thold\tVERB\t062\ttalk|exercise\twith\t\tderived\tx\t\n"
            "p.hold.rally\thold\tVERB\t141\trally\tagainst\t\tderived\tx\t\n"
            "p.shell\tshell\tVERB\t195\t\tobj\t\tderived\tx\t\n"
        ),
        military=(
            "m.shell\tshell\tVERB\t194\t\tobj\t\treviewed\t\t\n"
            "m.hold.rally\thold\tVERB\t1411\trally\tagainst\t\tderived\tx\t\n"
        ),
    )
    got = {t.id: (t.code, t.objects, t.status) for t in load_lexicon(folder)}
    assert got == {
        "t.attack": ("190", (), "reviewed"),
        "t.hold.talk": ("040", ("talk",), "reviewed"),
        # "talk" is ours: only "exercise" stays on the derived row
        "p.hold": ("062", ("exercise",), "derived"),
        # a reviewed row of an extra file beats a derived one
        "m.shell": ("194", (), "reviewed"),
        # between derived rows, the first file in name order wins
        "m.hold.rally": ("1411", ("rally",), "derived"),
    }


def test_lexicon_extra_file_needs_a_status(tmp_path: Path) -> None:
    folder = _folder(
        tmp_path,
        "t.attack\tattack\tVERB\t190\t\tobj\t\t\n",
        x="p.shell\tshell\tVERB\t195\t\tobj\t\tguessed\tx\t\n",
    )
    with pytest.raises(DataError, match=r"triggers_x.tsv:2: status must be"):
        load_lexicon(folder)


def test_lexicon_object_cells_cite_word_lists(tmp_path: Path) -> None:
    folder = _folder(
        tmp_path,
        "t.call.blame\tcall\tVERB\t111\t@blame|@insult|farce\tobj\tpredicate\t\n",
        x="p.brand\tbrand\tVERB\t111\t@blame\tobj\tpredicate\tderived\tx\t\n",
    )
    (folder / "words.tsv").write_text(
        "# lists\nlist\tword\nblame\tDisgrace\nblame\tfarce\ninsult\tliar\n",
        encoding="utf-8",
    )
    objects = {t.id: t.objects for t in load_lexicon(folder)}
    assert objects == {
        "t.call.blame": ("disgrace", "farce", "liar"),
        "p.brand": ("disgrace", "farce"),
    }
    (folder / "words.tsv").write_text("list\tword\ninsult\tliar\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"triggers.tsv:2: unknown word list '@blame'"):
        load_lexicon(folder)


def test_lexicon_adjective_entries_must_frame_an_action(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "t.ready\tready\tADJ\t030\t\tto\tframe\t\n")
    assert [t.pos for t in load_lexicon(folder)] == ["ADJ"]
    folder = _folder(tmp_path, "t.ready\tready\tADJ\t030\t\tto\t\t\n")
    with pytest.raises(
        DataError, match=r"triggers.tsv:2: an ADJ entry must be a frame"
    ):
        load_lexicon(folder)
    folder = _folder(tmp_path, "t.soon\tsoon\tADV\t030\t\tto\tframe\t\n")
    with pytest.raises(
        DataError, match=r"triggers.tsv:2: pos must be VERB, NOUN or ADJ"
    ):
        load_lexicon(folder)


def test_lexicon_ids_are_unique_across_files(tmp_path: Path) -> None:
    folder = _folder(
        tmp_path,
        "t.attack\tattack\tVERB\t190\t\tobj\t\t\n",
        x="t.attack\tassault\tVERB\t190\t\tobj\t\tderived\tx\t\n",
    )
    with pytest.raises(DataError, match=r"triggers_x.tsv:2: duplicate id 't.attack'"):
        load_lexicon(folder)


def test_lexicon_index_tries_reviewed_entries_first() -> None:
    res = get_resources("en")
    for (lemma, pos), entries in res.index.items():
        keys = [
            (t.status != "reviewed", not t.objects, t.particle is None) for t in entries
        ]
        assert keys == sorted(keys), (lemma, pos)
    # "fire": the reviewed support rows ("open fire"), then the derived ones
    statuses = [t.status for t in res.triggers_for("fire", "VERB")]
    assert statuses[0] == "reviewed" and statuses[-1] == "derived"


@pytest.mark.parametrize("code", ["en", "fr"])
def test_lexicon_size_and_load_time(code: str) -> None:
    start = time.perf_counter()
    triggers = load_lexicon(LANG / code)
    elapsed = time.perf_counter() - start
    assert len(triggers) >= 5000
    assert {t.status for t in triggers} == {"reviewed", "derived"}
    assert elapsed < 5.0  # about 0.1 s on an idle machine


@pytest.mark.parametrize("code", ["en", "fr"])
def test_lexicon_extra_files_are_valid(code: str) -> None:
    book = load_cameo()
    for path in sorted((LANG / code).glob("triggers_*.tsv")):
        for t in load_triggers(path, extra=True):
            assert t.code in book, (path.name, t.id)
            # Demoted: a derived row must find an actor target.
            assert t.status == "reviewed" or t.needs_target, (path.name, t.id)


@pytest.mark.parametrize("code", ["en", "fr"])
def test_lexicon_reviewed_entries_cover_every_cameo_root(code: str) -> None:
    roots = {t.code[:2] for t in load_lexicon(LANG / code) if t.status == "reviewed"}
    assert roots == {f"{n:02d}" for n in range(1, 21)}


def _has(code: str, lemma: str, obj: str | None, cameo: str, target: str = "") -> bool:
    return any(
        t.lemma == lemma
        and (obj is None or obj in t.objects)
        and t.code.startswith(cameo)
        and (not target or target in t.targets)
        for t in load_lexicon(LANG / code)
    )


@pytest.mark.parametrize(
    ("lemma", "obj", "cameo", "target"),
    [
        ("mettre", "examen", "173", ""),
        ("infliger", "amende", "173", ""),
        ("renvoyer", "tribunal", "173", ""),
        ("condamner", "prison", "116", ""),
        ("voter", None, "120", "contre"),
        ("adopter", "sanction", "163", ""),
        ("entamer", "faim", "142", ""),
        ("bloquer", "route", "144", ""),
        ("boycotter", None, "143", ""),
        ("organiser", "exercice", "062", ""),
        ("pilonner", None, "194", ""),
        ("intercepter", None, "190", ""),
        ("servir", "médiateur", "045", ""),
        ("assister", "sommet", "044", ""),
    ],
)
def test_lexicon_french_families(
    lemma: str, obj: str | None, cameo: str, target: str
) -> None:
    assert _has("fr", lemma, obj, cameo, target)


@pytest.mark.parametrize(
    ("lemma", "obj", "cameo", "target"),
    [
        ("impeach", None, "173", ""),
        ("indict", None, "173", ""),
        ("sentence", None, "116", ""),
        ("vote", None, "120", "against"),
        ("broker", None, "045", ""),
        ("mediate", None, "045", ""),
        ("host", None, "043", ""),
        ("attend", "summit", "044", ""),
        ("stage", "strike", "14", ""),
        ("block", "road", "144", ""),
        ("hold", "exercise", "062", ""),
        ("shell", None, "194", ""),
        ("intercept", None, "190", ""),
    ],
)
def test_lexicon_english_families(
    lemma: str, obj: str | None, cameo: str, target: str
) -> None:
    assert _has("en", lemma, obj, cameo, target)
