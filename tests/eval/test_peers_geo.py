"""Tests of the geoparsing (GeoWebNews, TR-News) reader and scorer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from newsevents.errors import InputError
from newsevents.eval.peers import geo
from newsevents.models import Place

_TEXT = "Talks in Paris. Paris and Lyon agreed."
_GWN = f"""<?xml version="1.0" ?>
<articles>
  <article file="0">
    <title>t</title>
    <text>{_TEXT}</text>
    <toponyms>
      <toponym><extractedName>Paris</extractedName><type>Literal</type>
        <start>9</start><end>14</end><geonamesID>2988507</geonamesID>
        <latitude>48.85</latitude><longitude>2.35</longitude></toponym>
      <toponym><extractedName>Lyon</extractedName><type>Literal</type>
        <start>25</start><end>29</end></toponym>
    </toponyms>
  </article>
</articles>
"""
_TR = f"""<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="7">
    <text><![CDATA[{_TEXT}]]></text>
    <toponyms>
      <toponym><phrase>Lyon</phrase><start>24</start><end>28</end>
        <gaztag geonameid="2996944"><name>Lyon</name><lat>45.75</lat>
        <lon>4.85</lon><country geonameid="3017382">France</country></gaztag>
      </toponym>
      <toponym><phrase>Kurdish</phrase><start>0</start><end>7</end></toponym>
    </toponyms>
  </article>
</articles>
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_geo_reads_gwn_keeping_toponyms_with_coordinates(tmp_path: Path) -> None:
    (article,) = geo.read_geo(_write(tmp_path, "GWN.xml", _GWN))
    assert article.corpus == "GWN" and article.id == "0"
    (paris,) = article.toponyms
    assert (paris.start, paris.end, paris.lat, paris.country) == (9, 14, 48.85, None)


def test_geo_reads_tr_news_and_realigns_offsets(tmp_path: Path) -> None:
    (article,) = geo.read_geo(_write(tmp_path, "TR-News.xml", _TR))
    (lyon,) = article.toponyms  # "Kurdish" has no gaztag
    assert _TEXT[lyon.start : lyon.end] == "Lyon"  # gold said 24, one off
    assert lyon.country == "France"


def test_geo_rejects_bad_xml(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        geo.read_geo(_write(tmp_path, "bad.xml", "<articles>"))


@pytest.mark.parametrize(
    ("a", "b", "low", "high"),
    [
        ((48.85, 2.35), (48.85, 2.35), 0.0, 0.001),
        ((48.85, 2.35), (45.75, 4.85), 380.0, 400.0),  # Paris-Lyon ~392 km
        ((0.0, 0.0), (0.0, 180.0), 20_000.0, 20_030.0),
    ],
)
def test_geo_distance_km(
    a: tuple[float, float], b: tuple[float, float], low: float, high: float
) -> None:
    assert low <= geo.distance_km(*a, *b) <= high


def _place(text: str, lat: float, country: str) -> Place:
    start = _TEXT.index(text, 10) if text == "Paris" else _TEXT.index(text)
    return Place(
        name=text, lat=lat, lon=2.35, country=country, start=start,
        end=start + len(text), text=text,
    )  # fmt: skip


def test_geo_score(tmp_path: Path) -> None:
    gwn = geo.read_geo(_write(tmp_path, "GWN.xml", _GWN))[0]
    tr = geo.read_geo(_write(tmp_path, "TR-News.xml", _TR))[0]
    near_lyon = Place(name="Lyon", lat=45.75, lon=4.85, country="FRA", start=25, end=29)
    resolved = {"Paris": Place(name="Paris", lat=10.0, lon=10.0, country="FRA")}
    result = geo.score(
        [(gwn, [], [(9, 14)]), (tr, [near_lyon], [])],
        resolved.get,
        {"france": "FRA"},
    )
    assert result.toponyms == 2 and result.toponyms_found == 1
    assert result.toponym_recall == 0.5
    assert result.toponym_recall_mentions == 1.0  # Paris tagged as a mention
    assert result.acc_161km == 1.0 and result.country_accuracy == 1.0
    assert result.resolver_acc_161km == 0.0  # Paris resolved far away
    assert result.resolver_country_accuracy == 0.0  # Lyon not resolved
    assert set(result.to_json()["by_corpus"]) == {"GWN", "TR-News"}


_REAL = "data/geoparsing/TR-News.xml"


@pytest.mark.slow
def test_geo_real_slice(shared_file: Callable[[str], Path]) -> None:
    real = shared_file(_REAL)
    from newsevents.kb.gazetteer import Gazetteer, to_place
    from newsevents.models import Article
    from newsevents.service import code_articles

    articles = geo.read_geo(real)[:5]
    for article in articles:
        for t in article.toponyms:
            assert article.text[t.start : t.end] == t.text
    coded = code_articles([Article.from_text(a.text, "en") for a in articles])
    gazetteer = Gazetteer.load()

    def resolve(name: str) -> Place | None:
        found = gazetteer.resolve(name, (), "en")
        return None if found is None else to_place(found)

    result = geo.score(
        [(a, c.places, []) for a, c in zip(articles, coded, strict=True)],
        resolve,
        {"turkey": "TUR", "russia": "RUS", "syria": "SYR", "united states": "USA"},
    )
    assert result.toponyms > 0 and result.toponyms_found > 0
    assert result.acc_161km is not None and result.acc_161km > 0.3
