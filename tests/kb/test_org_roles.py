"""Tests of dated organisation roles (kb/data/org_roles.tsv): a party is GOV
while it governs, OPP otherwise."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newsevents.errors import DataError
from newsevents.kb.base import default_kb
from newsevents.kb.organisations import ROLES_PATH, load_org_roles, load_organisations

ORGS = "code\tcountry\troles\torg\tkind\tnames_fr\tnames_en\twikidata\n"
ROLES = "country\torg\troles\tstart\tend\tnote\n"


@pytest.mark.parametrize(
    ("lang", "name", "day", "code", "roles"),
    [
        ("fr", "PS", "2008-06-01", "FRAOPP", ("OPP",)),
        ("fr", "Parti socialiste", "2013-03-01", "FRAGOV", ("GOV",)),
        ("fr", "PS", "1999-01-01", "FRAGOV", ("GOV",)),
        ("fr", "PS", "2012-05-15", "FRAOPP", ("OPP",)),
        ("fr", "PS", "2012-05-16", "FRAGOV", ("GOV",)),
        ("fr", "PS", "2019-01-10", "FRAOPP", ("OPP",)),
        ("fr", "UMP", "2008-06-01", "FRAGOV", ("GOV",)),
        ("fr", "UMP", "2013-03-01", "FRAOPP", ("OPP",)),
        ("fr", "Les Républicains", "2019-01-10", "FRAOPP", ("OPP",)),
        ("fr", "LR", "2025-01-15", "FRAGOV", ("GOV",)),
        ("fr", "LREM", "2019-01-10", "FRAGOV", ("GOV",)),
        ("fr", "MoDem", "2010-01-01", "FRAOPP", ("OPP",)),
        ("fr", "MoDem", "2019-01-01", "FRAGOV", ("GOV",)),
        ("fr", "EELV", "2013-03-01", "FRAGOV", ("GOV",)),
        ("fr", "EELV", "2015-03-01", "FRAOPP", ("OPP",)),
        ("fr", "Rassemblement national", "2019-01-10", "FRAOPP", ("OPP",)),
        ("en", "Labour", "2005-03-01", "GBRGOV", ("GOV",)),
        ("en", "Labour", "2015-03-01", "GBROPP", ("OPP",)),
        ("en", "Labour", "2025-03-01", "GBRGOV", ("GOV",)),
        ("en", "Tories", "2005-03-01", "GBROPP", ("OPP",)),
        ("en", "Lib Dems", "2012-01-01", "GBRGOV", ("GOV",)),
        ("en", "Lib Dems", "2016-01-01", "GBROPP", ("OPP",)),
        ("en", "Democrats", "2013-01-01", "USAGOV", ("GOV",)),
        ("en", "Republicans", "2013-01-01", "USAOPP", ("OPP",)),
        ("en", "Republicans", "2025-06-01", "USAGOV", ("GOV",)),
        ("en", "SPD", "2011-01-01", "DEUOPP", ("OPP",)),
        ("en", "SPD", "2019-01-01", "DEUGOV", ("GOV",)),
        ("en", "CDU", "2023-01-01", "DEUOPP", ("OPP",)),
    ],
)
def test_org_roles_party_role_at_date(
    lang: str, name: str, day: str, code: str, roles: tuple[str, ...]
) -> None:
    entry = default_kb().lookup(lang, name)[0]
    actor = entry.actor_at(date.fromisoformat(day))
    assert actor is not None
    assert (actor.code, actor.roles, actor.country) == (code, roles, code[:3])
    assert actor.org is not None


def test_org_roles_ps_2008_opp_2013_gov() -> None:
    """The issue's own example: the French Parti socialiste."""
    ps = default_kb().lookup("fr", "Parti socialiste")[0]
    in_2008 = ps.actor_at(date(2008, 6, 1))
    in_2013 = ps.actor_at(date(2013, 6, 1))
    assert in_2008 is not None and in_2013 is not None
    assert (in_2008.country, in_2008.roles, in_2008.org) == ("FRA", ("OPP",), "PS")
    assert (in_2013.country, in_2013.roles, in_2013.org) == ("FRA", ("GOV",), "PS")


def test_org_roles_without_date_is_todays_role() -> None:
    labour = default_kb().lookup("en", "Labour Party")[0]
    assert labour.actor_at(None).code == "GBRGOV"  # type: ignore[union-attr]


def test_org_roles_static_organisations_keep_their_code() -> None:
    cgt = default_kb().lookup("fr", "CGT")[0]
    assert cgt.actor_at(date(2019, 1, 1)).code == "FRALAB"  # type: ignore[union-attr]
    assert cgt.dated == ()


def test_org_roles_every_key_names_an_organisation() -> None:
    roles = load_org_roles(ROLES_PATH)
    known = {(a.actor.country, a.actor.org) for a in load_organisations()}
    assert set(roles) <= known
    assert len(roles) >= 40


def test_org_roles_periods_are_sorted_and_disjoint() -> None:
    for periods in load_org_roles(ROLES_PATH).values():
        for before, after in zip(periods, periods[1:], strict=False):
            assert before.end is not None and after.start is not None
            assert before.end < after.start


def _files(tmp_path: Path, roles: str) -> tuple[Path, Path]:
    orgs = tmp_path / "orgs.tsv"
    orgs.write_text(
        ORGS + "XYZOPP\tXYZ\tOPP\tP\torganisation\tParti P\tParty P\t\n",
        encoding="utf-8",
    )
    path = tmp_path / "roles.tsv"
    path.write_text(ROLES + roles, encoding="utf-8")
    return orgs, path


def test_org_roles_given_files(tmp_path: Path) -> None:
    orgs, roles = _files(tmp_path, "XYZ\tP\tGOV\t2001\t2004-06\tfirst\n")
    (party,) = load_organisations(orgs, roles)
    assert party.actor_on(date(2004, 6, 30)).code == "XYZGOV"
    assert party.actor_on(date(2004, 7, 1)).code == "XYZOPP"
    assert party.actor_on(None).code == "XYZOPP"


@pytest.mark.parametrize(
    ("rows", "line", "message"),
    [
        ("XYZ\tP\tGOV\t2001-13\t\t\n", 2, "bad date"),
        ("XYZ\tP\tGUV\t2001\t\t\n", 2, "unknown role code"),
        ("XY\tP\tGOV\t2001\t\t\n", 2, "bad country"),
        ("XYZ\tP\tGOV\t2005\t2001\t\n", 2, "after end"),
        ("XYZ\tP\tGOV\t2001\t2005\t\nXYZ\tP\tOPP\t2005-06\t\t\n", 3, "overlaps"),
        ("XYZ\tP\tGOV\t2001\t2005\t\nXYZ\tQ\tOPP\t2005-06\t\t\n", 3, "no organisation"),
    ],
)
def test_org_roles_bad_row_names_file_and_line(
    tmp_path: Path, rows: str, line: int, message: str
) -> None:
    orgs, roles = _files(tmp_path, rows)
    with pytest.raises(DataError, match=message) as info:
        load_organisations(orgs, roles)
    assert info.value.line == line
    assert info.value.path == str(roles)
