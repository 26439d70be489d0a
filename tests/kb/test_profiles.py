"""What the knowledge base says of an actor code, for the actor pages."""

from __future__ import annotations

import pytest

from newsevents.kb.profiles import known_actor


@pytest.mark.parametrize(
    "code,name,kind,wikidata,roles",
    [
        ("FRA", "France", "country", None, ()),
        ("RUSMIL", "Russia", "actor", None, ("military",)),
        ("IGOUNO", "United Nations", "organisation", "Q1065", ()),
        ("WST", "the West", "group", None, ()),
        ("QQQXYZ", None, None, None, ()),
    ],
)
def test_profiles_known_actor(
    code: str, name: str | None, kind: str | None, wikidata: str | None,
    roles: tuple[str, ...],
) -> None:  # fmt: skip
    known = known_actor(code)
    assert (known.name, known.kind, known.wikidata, known.roles) == (
        name, kind, wikidata, roles)  # fmt: skip


def test_profiles_terms_of_people_seen() -> None:
    # Found by Wikidata id, or by name; unknown people are left out.
    known = known_actor("RUSGOV", [("Putin", "Q7747"), ("Nobody Known", None)])
    assert {o.person for o in known.offices} == {"Vladimir Putin"}
    president = [o for o in known.offices if o.title == "President"]
    assert president and all(o.holds and o.code == "RUSGOV" for o in president)
    by_name = known_actor("FRAGOV", [("Emmanuel Macron", None)])
    assert {o.wikidata for o in by_name.offices} == {"Q3052772"}
