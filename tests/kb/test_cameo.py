"""Tests of newsevents.kb.cameo, the CAMEO event code book."""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from newsevents.errors import DataError
from newsevents.kb.cameo import DEFAULT_PATH, CameoCode, load_cameo, lookup

HEADER = "code\tlabel\tgoldstein\tquad_class\tplover_event\tplover_mode\n"


def _reference_codes(path: Path) -> dict[str, str]:
    """Code -> second column of a GDELT CAMEO file, skipping quad headers."""
    rows = path.read_text(encoding="utf-8").splitlines()[1:]
    pairs = (row.split("\t") for row in rows if row.strip())
    return {code: value for code, value in pairs if len(code) >= 2}


def test_cameo_loads_every_root_and_about_300_codes() -> None:
    codes = load_cameo()
    assert 290 <= len(codes) <= 320
    assert {code for code in codes if len(code) == 2} == {
        f"{n:02d}" for n in range(1, 21)
    }


def test_cameo_default_is_cached() -> None:
    assert load_cameo() is load_cameo()


@pytest.mark.parametrize(
    ("code", "label", "goldstein", "quad", "plover"),
    [
        ("016", "Deny responsibility", -2.0, 1, None),
        ("057", "Sign formal agreement", 8.0, 1, "SUPPORT"),
        ("0312", "Express intent to cooperate militarily", 5.2, 1, "AGREE"),
        ("042", "Make a visit", 1.9, 1, "CONSULT"),
        ("072", "Provide military aid", 8.3, 2, "AID"),
        ("093", "Investigate military action", -2.0, 2, "ACCUSE"),
        ("1123", "Accuse of aggression", -2.0, 3, "ACCUSE"),
        ("129", "Veto", -5.0, 3, "REJECT"),
        ("141", "Demonstrate or rally", -6.5, 3, "PROTEST"),
        ("195", "Employ aerial weapons", -10.0, 4, "ASSAULT"),
        ("2042", "Detonate nuclear weapons", -10.0, 4, "ASSAULT"),
    ],
)
def test_cameo_lookup_known_codes(
    code: str, label: str, goldstein: float, quad: int, plover: str | None
) -> None:
    entry = lookup(code)
    assert entry == CameoCode(
        code=code,
        label=label,
        goldstein=goldstein,
        quad_class=quad,
        plover_event=plover,
        plover_mode=entry.plover_mode,
    )
    assert entry.root == code[:2]


def test_cameo_plover_mode_read() -> None:
    assert lookup("041").plover_mode == "phone"
    assert lookup("040").plover_mode is None


@pytest.mark.parametrize("code", ["99", "0", "058", "", "RUSGOV"])
def test_cameo_lookup_unknown_code_raises_value_error(code: str) -> None:
    with pytest.raises(ValueError, match="Unknown CAMEO event code"):
        lookup(code)


@pytest.mark.parametrize(
    ("rows", "line", "message"),
    [
        ("01\tStatement\tzero\t1\t\t\n", 2, "not a number"),
        ("01\tStatement\t11.0\t1\t\t\n", 2, "not in -10..10"),
        ("01\tStatement\t0.0\t2\t\t\n", 2, "quad class 2"),
        ("01\tStatement\t0.0\tone\t\t\n", 2, "not 1, 2, 3 or 4"),
        ("21\tNothing\t0.0\t4\t\t\n", 2, "bad CAMEO code"),
        ("01\tA\t0.0\t1\t\t\n01\tB\t0.0\t1\t\t\n", 3, "duplicate"),
        ("010\tStatement\t0.0\t1\t\t\n", 2, "before its root"),
        ("01\t\t0.0\t1\t\t\n", 2, "empty required"),
    ],
)
def test_cameo_bad_row_raises_data_error_with_file_and_line(
    tmp_path: Path, rows: str, line: int, message: str
) -> None:
    path = tmp_path / "cameo.tsv"
    path.write_text(HEADER + rows, encoding="utf-8")
    with pytest.raises(DataError, match=message) as info:
        load_cameo(path)
    assert info.value.line == line
    assert info.value.path == str(path)


def test_cameo_quad_class_follows_root() -> None:
    expected = {1: range(1, 6), 2: range(6, 10), 3: range(10, 15), 4: range(15, 21)}
    for entry in load_cameo().values():
        assert int(entry.root) in expected[entry.quad_class], entry.code


def test_cameo_every_gdelt_code_has_the_gdelt_goldstein_score(
    shared_file: Callable[[str], Path],
) -> None:
    names = _reference_codes(shared_file("data/gdelt/CAMEO.eventcodes.txt"))
    scale = _reference_codes(shared_file("data/gdelt/CAMEO.goldsteinscale.txt"))
    codes = load_cameo()
    assert sorted(set(names) - set(codes)) == []
    assert sorted(set(scale) - set(codes)) == []
    wrong = {
        code: (codes[code].goldstein, float(value))
        for code, value in scale.items()
        if codes[code].goldstein != float(value)
    }
    assert wrong == {}


def test_cameo_quad_class_agrees_with_gdelt_export(
    shared_file: Callable[[str], Path],
) -> None:
    export = shared_file("data/gdelt/20191024143000.export.CSV")
    codes = load_cameo()
    seen: set[tuple[str, int]] = set()
    with open(export, encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle, delimiter="\t"):
            # GDELT 2.0 columns: 28 EventRootCode, 29 QuadClass (0-based).
            seen.add((row[28], int(row[29])))
    assert len(seen) >= 10
    assert {(root, codes[root].quad_class) for root, _ in seen} == seen


def test_cameo_plover_event_agrees_with_plover_table(
    shared_file: Callable[[str], Path],
) -> None:
    plover = shared_file("data/peers/plover/CAMEO2PLOVER-2021.txt")
    table = plover.read_text(encoding="utf-8")
    codes = load_cameo()
    pairs = re.findall(r"^(\d{3,4}):\s*([A-Z]+)", table, flags=re.MULTILINE)
    assert len(pairs) > 200
    wrong = {
        code: (codes[code].plover_event, event)
        for code, event in pairs
        if code in codes and codes[code].plover_event != event
    }
    assert wrong == {}


def test_cameo_default_path_is_packaged() -> None:
    assert DEFAULT_PATH.name == "cameo.tsv"
    assert DEFAULT_PATH.is_file()
