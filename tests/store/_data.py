"""Hand-built coded articles for the store and export tests (no spaCy)."""

from __future__ import annotations

from datetime import date

from newsevents.models import (
    Actor,
    Article,
    CodedArticle,
    DateRef,
    Event,
    Evidence,
    Mention,
    Place,
)
from newsevents.store.rows import ArticleRows, to_rows

FRA = Actor(code="FRAGOV", country="FRA", roles=("GOV",), name="Emmanuel Macron")
USA = Actor(code="USAGOV", country="USA", roles=("GOV",), name="Joe Biden")
RUS = Actor(code="RUSMIL", country="RUS", roles=("MIL",), name="Russian army")
UKR = Actor(code="UKR", country="UKR", name="Ukraine")
PARIS = Place(name="Paris", geonameid=2988507, lat=48.85, lon=2.35, country="FRA")


def event(
    source: Actor | None,
    target: Actor | None,
    code: str = "042",
    day: str | None = "2024-06-19",
    precision: str = "day",
    quad: int = 1,
    goldstein: float = 1.9,
    modality: str = "asserted",
    place: Place | None = PARIS,
    symmetric: bool = False,
) -> Event:
    return Event(
        source=source,
        target=target,
        code=code,
        root=code[:2],
        quad_class=quad,
        goldstein=goldstein,
        label="meet",
        plover_type="CONSULT",
        plover_mode="visit",
        modality=modality,  # type: ignore[arg-type]
        date=DateRef(text=day or "", value=day, precision=precision) if day else None,  # type: ignore[arg-type]
        place=place,
        evidence=(Evidence(start=0, end=20, text="Macron a rencontré", sentence=0),),
        symmetric=symmetric,
    )


def coded(
    text: str,
    events: list[Event],
    published: date | None = date(2024, 6, 19),
    url: str | None = None,
    source: str | None = "Le Monde",
    language: str = "fr",
) -> CodedArticle:
    article = Article.from_text(
        text, language, published=published, url=url, source=source, title="Sommet"
    )
    mention = Mention(
        start=0, end=7, text=text[:7], kind="person", actor=FRA, sentence=0
    )
    return CodedArticle(article=article, mentions=(mention,), events=tuple(events))


def rows(*args: object, **kwargs: object) -> ArticleRows:
    return to_rows(coded(*args, **kwargs), "test.txt", None)  # type: ignore[arg-type]
