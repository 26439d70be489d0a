"""Geoparsing: GeoWebNews (``GWN.xml``) and TR-News (``TR-News.xml``).

Both files hold ``<article>`` elements with the text and its gold
``<toponym>`` spans. GeoWebNews gives coordinates (``latitude`` /
``longitude``) for the toponyms it resolves; TR-News gives a ``gaztag`` with
``lat``, ``lon`` and the country's English name. A gold toponym is one with
coordinates. Some gold offsets are a few characters off; a span whose text
is not the phrase moves to the nearest occurrence of the phrase.

Measures, the standard geoparsing ones:

- ``toponym_recall``: share of gold toponyms that one of our places
  overlaps (character spans, articles coded as English).
- ``acc_161km``: over the toponyms we found, share whose place lies within
  161 km (100 miles) of the gold point.
- ``country_accuracy``: over the toponyms we found whose gold names a country
  (TR-News only; GeoWebNews has no countries), share with that country.
- ``toponym_recall_mentions``: geotagging recall counting our country and
  place mentions as well as places (a country named as an actor is a
  mention, not a place).
- ``resolver_*``: the same two accuracies from ``Gazetteer.resolve`` on the
  gold toponym text alone, which isolates the gazetteer from extraction.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ...errors import InputError
from ...models import Place
from ._common import ratio

__all__ = ["GeoArticle", "GeoScore", "Toponym", "distance_km", "read_geo", "run"]

_RADIUS_KM = 161.0


@dataclass(frozen=True)
class Toponym:
    """A gold toponym: span, text, point and (TR-News) country name."""

    start: int
    end: int
    text: str
    lat: float
    lon: float
    country: str | None = None


@dataclass(frozen=True)
class GeoArticle:
    """One article of a geoparsing corpus with its gold toponyms."""

    corpus: str
    id: str
    text: str
    toponyms: tuple[Toponym, ...]


@dataclass(frozen=True)
class GeoScore:
    """Geotagging recall and resolution accuracies, overall and by corpus."""

    articles: int
    toponyms: int
    toponyms_found: int
    toponym_recall: float | None
    toponym_recall_mentions: float | None
    acc_161km: float | None
    country_accuracy: float | None
    resolver_acc_161km: float | None
    resolver_country_accuracy: float | None
    by_corpus: dict[str, dict[str, Any]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The scores as a JSON-ready dict."""
        return asdict(self)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, Earth radius 6371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _align(text: str, start: int, end: int, phrase: str) -> tuple[int, int] | None:
    """The span of ``phrase`` at or nearest to ``start``; None if absent."""
    if text[start:end] == phrase:
        return start, end
    best: int | None = None
    at = text.find(phrase)
    while at >= 0:
        if best is None or abs(at - start) < abs(best - start):
            best = at
        at = text.find(phrase, at + 1)
    return None if best is None else (best, best + len(phrase))


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value and value.strip() else None
    except ValueError:
        return None


def _toponym(node: ET.Element, text: str) -> Toponym | None:
    gaz = node.find("gaztag")
    if gaz is not None:  # TR-News
        phrase = node.findtext("phrase") or ""
        lat, lon = _float(gaz.findtext("lat")), _float(gaz.findtext("lon"))
        country = (gaz.findtext("country") or "").strip() or None
    else:  # GeoWebNews
        phrase = node.findtext("extractedName") or ""
        lat, lon = _float(node.findtext("latitude")), _float(node.findtext("longitude"))
        country = None
    start, end = _float(node.findtext("start")), _float(node.findtext("end"))
    if lat is None or lon is None or start is None or end is None or not phrase:
        return None
    span = _align(text, int(start), int(end), phrase)
    if span is None:
        return None
    return Toponym(span[0], span[1], phrase, lat, lon, country)


def read_geo(path: Path) -> list[GeoArticle]:
    """The articles of a GeoWebNews or TR-News XML file.

    Raises InputError when the file is not such XML.
    """
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as exc:
        raise InputError(f"{path}: not a geoparsing XML file ({exc})") from exc
    articles = []
    for number, node in enumerate(root.iter("article")):
        text = node.findtext("text") or ""
        found = [_toponym(t, text) for t in node.iterfind("toponyms/toponym")]
        articles.append(
            GeoArticle(
                corpus=path.stem,
                id=node.get("docid") or node.get("file") or str(number),
                text=text,
                toponyms=tuple(t for t in found if t is not None),
            )
        )
    return articles


def _close(place: Place | None, gold: Toponym) -> bool:
    if place is None or place.lat is None or place.lon is None:
        return False
    return distance_km(place.lat, place.lon, gold.lat, gold.lon) <= _RADIUS_KM


def _measures(c: Counter[str]) -> dict[str, Any]:
    return {
        "articles": c["articles"],
        "toponyms": c["gold"],
        "toponyms_found": c["found"],
        "toponym_recall": ratio(c["found"], c["gold"]),
        "toponym_recall_mentions": ratio(c["tagged"], c["gold"]),
        "acc_161km": ratio(c["close"], c["found"]),
        "country_accuracy": ratio(c["country_ok"], c["country_n"]),
        "resolver_acc_161km": ratio(c["r_close"], c["gold"]),
        "resolver_country_accuracy": ratio(c["r_country_ok"], c["r_country_n"]),
    }


def score(
    articles_and_places: Sequence[
        tuple[GeoArticle, Sequence[Place], Sequence[tuple[int, int]]]
    ],
    resolve: Callable[[str], Place | None],
    countries: Mapping[str, str],
) -> GeoScore:
    """Score our places (and ``resolve`` on each gold text) on the articles.

    Each article comes with our places and the spans of our country and
    place mentions.
    ``countries`` maps a lower-case English country name to ISO alpha-3.
    """
    by_corpus: dict[str, Counter[str]] = {}
    for article, places, spans in articles_and_places:
        c = by_corpus.setdefault(article.corpus, Counter())
        c["articles"] += 1
        for gold in article.toponyms:
            c["gold"] += 1
            iso3 = countries.get(gold.country.lower()) if gold.country else None
            alone = resolve(gold.text)
            c["r_close"] += _close(alone, gold)
            if iso3:
                c["r_country_n"] += 1
                c["r_country_ok"] += alone is not None and alone.country == iso3
            ours = next(
                (
                    p
                    for p in places
                    if p.start is not None
                    and p.end is not None
                    and p.start < gold.end
                    and p.end > gold.start
                ),
                None,
            )
            overlaps = any(s < gold.end and e > gold.start for s, e in spans)
            c["tagged"] += ours is not None or overlaps
            if ours is None:
                continue
            c["found"] += 1
            c["close"] += _close(ours, gold)
            if iso3:
                c["country_n"] += 1
                c["country_ok"] += ours.country == iso3
    total: Counter[str] = Counter()
    for c in by_corpus.values():
        total.update(c)
    overall = _measures(total)
    return GeoScore(
        **overall,
        by_corpus={name: _measures(c) for name, c in sorted(by_corpus.items())},
    )


def _country_names() -> dict[str, str]:
    from ...kb.countries import load_countries

    names: dict[str, str] = {}
    for country in load_countries().values():
        for name in (country.name_en, *country.names.get("en", ())):
            names.setdefault(name.lower(), country.iso3)
    return names


def run(paths: Sequence[Path]) -> GeoScore:
    """Code every article as English and score places and the resolver."""
    from ...kb.gazetteer import Gazetteer, to_place
    from ...models import Article
    from ...service import code_articles

    articles = [a for path in paths for a in read_geo(path)]
    inputs = [Article.from_text(a.text or "-", "en") for a in articles]
    coded = [
        (
            c.places,
            [(m.start, m.end) for m in c.mentions if m.kind in ("country", "place")],
        )
        for c in code_articles(inputs)
    ]
    gazetteer = Gazetteer.load()

    def resolve(name: str) -> Place | None:
        found = gazetteer.resolve(name, (), "en")
        return None if found is None else to_place(found)

    triples = [(a, p, s) for a, (p, s) in zip(articles, coded, strict=True)]
    return score(triples, resolve, _country_names())
