"""Tests of newsevents.kb.organisations: our organisations and groups file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newsevents.errors import DataError
from newsevents.kb.organisations import (
    DatedCode,
    NamedActor,
    load_organisations,
)
from newsevents.models import Actor

HEADER = "code\tcountry\troles\torg\tkind\tnames_fr\tnames_en\twikidata\n"


def _index() -> dict[tuple[str, str], NamedActor]:
    index: dict[tuple[str, str], NamedActor] = {}
    for entry in load_organisations():
        for lang, names in entry.names.items():
            for name in names:
                index[(lang, name.casefold())] = entry
    return index


@pytest.mark.parametrize(
    ("lang", "name", "code", "org"),
    [
        ("fr", "ONU", "IGOUNO", "UN"),
        ("fr", "Nations unies", "IGOUNO", "UN"),
        ("en", "United Nations", "IGOUNO", "UN"),
        ("fr", "Conseil de sécurité de l'ONU", "IGOUNO", "UNSC"),
        ("fr", "Conseil de sécurité des Nations unies", "IGOUNO", "UNSC"),
        ("en", "UN Security Council", "IGOUNO", "UNSC"),
        ("fr", "OMS", "IGOUNO", "WHO"),
        ("en", "IAEA", "IGOUNO", "IAEA"),
        ("fr", "AIEA", "IGOUNO", "IAEA"),
        ("fr", "OTAN", "IGONAT", "NATO"),
        ("en", "NATO", "IGONAT", "NATO"),
        ("fr", "Union européenne", "IGOEEC", "EU"),
        ("fr", "Commission européenne", "IGOEEC", "EU"),
        ("en", "European Commission", "IGOEEC", "EU"),
        ("fr", "Union africaine", "IGOAFU", "AU"),
        ("fr", "Ligue arabe", "IGOARL", "Arab League"),
        ("fr", "OPEP", "IGOOPC", "OPEC"),
        ("fr", "FMI", "IGOIMF", "IMF"),
        ("fr", "Banque mondiale", "IGOWBK", "World Bank"),
        ("fr", "CPI", "IGOICC", "ICC"),
        ("fr", "CEDEAO", "IGOECW", "ECOWAS"),
        ("fr", "CICR", "NGOIRC", "ICRC"),
        ("fr", "Kremlin", "RUSGOV", None),
        ("fr", "Maison-Blanche", "USAGOV", None),
        ("en", "White House", "USAGOV", None),
        ("fr", "Pentagone", "USAMIL", None),
        ("en", "State Department", "USAGOV", None),
        ("fr", "Élysée", "FRAGOV", None),
        ("fr", "Quai d'Orsay", "FRAGOV", None),
        ("en", "Downing Street", "GBRGOV", None),
        ("fr", "Knesset", "ISRLEG", None),
        ("fr", "Douma", "RUSLEG", None),
        ("fr", "Tsahal", "ISRMIL", "IDF"),
        ("en", "CIA", "USASPY", "CIA"),
        ("en", "FBI", "USACOP", "FBI"),
        ("fr", "Mossad", "ISRSPY", "Mossad"),
        ("fr", "Hamas", "PSEREB", "Hamas"),
        ("fr", "agence KCNA", "PRKMED", "KCNA"),
        ("en", "Korean Central News Agency", "PRKMED", "KCNA"),
        ("fr", "Tass", "RUSMED", "TASS"),
        ("fr", "Chine nouvelle", "CHNMED", "Xinhua"),
        ("fr", "Yonhap", "KORMED", "Yonhap"),
        ("fr", "Agence France-Presse", "FRAMED", "AFP"),
        ("en", "Reuters", "GBRMED", None),
        ("en", "Associated Press", "USAMED", "AP"),
        ("fr", "Le Monde", "FRAMED", None),
        ("fr", "les Occidentaux", "WST", None),
        ("fr", "l'Occident", "WST", None),
        ("en", "Western countries", "WST", None),
        ("en", "Westerners", "WST", None),
        ("fr", "européens", "EUR", None),
        ("fr", "Moyen-Orient", "MEA", None),
        ("fr", "Proche-Orient", "MEA", None),
        ("en", "Latin America", "LAM", None),
        ("en", "Africa", "AFR", None),
        ("en", "Asia", "ASA", None),
    ],
)
def test_organisations_lookup(lang: str, name: str, code: str, org: str | None) -> None:
    entry = _index()[(lang, name.casefold())]
    assert entry.actor.code == code
    assert entry.actor.org == org


def test_organisations_count() -> None:
    entries = load_organisations()
    assert len(entries) >= 120
    assert sum(entry.kind == "group" for entry in entries) >= 15


@pytest.mark.parametrize("code", ["WST", "EUR", "AFR", "MEA", "ASA", "LAM"])
def test_organisations_groups_are_their_own_country(code: str) -> None:
    entries = [e for e in load_organisations() if e.actor.code == code]
    assert len(entries) == 1
    assert entries[0].kind == "group"
    assert entries[0].actor.country == code


def test_organisations_igos_have_country_igo_and_org() -> None:
    igos = [e for e in load_organisations() if e.actor.code.startswith("IGO")]
    assert len(igos) >= 40
    assert all(e.actor.country == "IGO" and e.actor.org for e in igos)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_organisations_names_are_unambiguous(lang: str) -> None:
    seen: dict[str, str] = {}
    clashes = []
    for entry in load_organisations():
        for name in entry.names[lang]:
            key = name.casefold()
            if key in seen and seen[key] != entry.actor.code:
                clashes.append(name)
            seen[key] = entry.actor.code
    assert clashes == []


def test_organisations_every_row_has_both_languages() -> None:
    missing = [e.actor.code for e in load_organisations() if not all(e.names.values())]
    assert missing == []


def test_organisations_default_is_cached() -> None:
    assert load_organisations() is load_organisations()


def test_organisations_reads_a_given_file(tmp_path: Path) -> None:
    path = tmp_path / "orgs.tsv"
    path.write_text(
        HEADER + "IGOXYZ\tIGO\t\tXYZ\torganisation\tXyz’s\tXyz\tQ42\n",
        encoding="utf-8",
    )
    (entry,) = load_organisations(path)
    assert entry.actor == Actor(
        code="IGOXYZ", country="IGO", org="XYZ", name="Xyz", wikidata="Q42"
    )
    assert entry.names == {"fr": ("Xyz's",), "en": ("Xyz",)}


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("igoxyz\tIGO\t\tX\torganisation\tX\tX\t", "bad code"),
        ("IGOXYZ\tIGOO\t\tX\torganisation\tX\tX\t", "bad country"),
        ("RUSGOV\tUSA\tGOV\t\torganisation\tX\tX\t", "does not start with"),
        ("RUSGOV\tRUS\tXXX\t\torganisation\tX\tX\t", "unknown role"),
        ("RUSGOV\tRUS\tGOV\t\tcountry\tX\tX\t", "bad kind"),
        ("RUSGOV\tRUS\tGOV\t\torganisation\tX\tX\t42", "bad wikidata"),
        ("RUSGOV\tRUS\tGOV\t\torganisation\t\t\t", "no name"),
        ("RUSGOV\tRUS\tGOV\t\torganisation\tX\tX\t\textra", "fields"),
    ],
)
def test_organisations_bad_row_names_line(
    tmp_path: Path, row: str, message: str
) -> None:
    path = tmp_path / "orgs.tsv"
    good = "USAGOV\tUSA\tGOV\t\torganisation\tMaison-Blanche\tWhite House\t\n"
    path.write_text("# comment\n" + HEADER + good + row + "\n", encoding="utf-8")
    with pytest.raises(DataError, match=message) as info:
        load_organisations(path)
    assert info.value.line == 4
    assert info.value.path == str(path)


@pytest.mark.parametrize(
    ("day", "code"),
    [
        (date(1990, 1, 1), "OLD"),
        (date(2000, 1, 1), "MID"),
        (date(2000, 12, 31), "MID"),
        (date(2020, 1, 1), "NOW"),
    ],
)
def test_organisations_code_on_picks_first_covering_period(
    day: date, code: str
) -> None:
    entry = NamedActor(
        actor=Actor(code="NOW", name="x"),
        kind="organisation",
        names={"en": ("x",)},
        dated=(
            DatedCode("OLD", end=date(1999, 12, 31)),
            DatedCode("MID", start=date(2000, 1, 1), end=date(2000, 12, 31)),
        ),
    )
    assert entry.code_on(day) == code
