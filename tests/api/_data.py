"""A small hand-built event database for the API tests (no spaCy), with one
hostile article whose title and text carry markup that must stay inert."""

from __future__ import annotations

from datetime import date
from pathlib import Path

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
from newsevents.store.rows import to_rows
from newsevents.store.schema import connect
from newsevents.store.writer import Writer
from tests.store._data import FRA, PARIS, RUS, UKR, USA

PRK = Actor(code="PRKGOV", country="PRK", roles=("GOV",), name="Kim Jong Un")
KYIV = Place(name="Kyiv", geonameid=703448, lat=50.45, lon=30.52, country="UKR")
HOSTILE_TITLE = "<script>window.__pwned = 1</script>Sommet"
HOSTILE_TEXT = (
    'Macron a rencontré Biden <img src=x onerror="window.__pwned = 2"> '
    "à Paris. <script>window.__pwned = 3</script> Fin."
)


def _event(
    source: Actor | None,
    target: Actor | None,
    code: str,
    day: str,
    quad: int,
    goldstein: float,
    text: str,
    evidence: str,
    place: Place | None = None,
    modality: str = "asserted",
) -> Event:
    start = text.index(evidence)
    return Event(
        source=source, target=target, code=code, root=code[:2], quad_class=quad,
        goldstein=goldstein, label="label " + code, modality=modality,  # type: ignore[arg-type]
        date=DateRef(text=day, value=day, precision="day"), place=place,
        evidence=(Evidence(start=start, end=start + len(evidence), text=evidence,
                           sentence=0),),
        trigger=f"entry-{code}", pattern="subject-verb-object",
    )  # fmt: skip


def _mention(text: str, word: str, kind: str, actor: Actor | None) -> Mention:
    start = text.index(word)
    return Mention(
        start=start, end=start + len(word), text=word, kind=kind,  # type: ignore[arg-type]
        actor=actor, sentence=0,
    )  # fmt: skip


def articles() -> list[CodedArticle]:
    """Three coded articles: a French meeting, an English attack and
    alliance story, and a hostile one."""
    fr = "Macron a rencontré Biden à Paris le 19 juin 2024."
    en = (
        "Russian troops attacked Ukraine near Kyiv on 20 June 2024. "
        "Kim Jong Un pledged support to the Russian army on 1 July 2024."
    )
    at, on = fr.index("Paris"), fr.index("19 juin 2024")
    paris_fr = PARIS.model_copy(update={"start": at, "end": at + 5, "text": "Paris"})
    return [
        CodedArticle(
            article=Article.from_text(
                fr,
                "fr",
                title="Sommet à Paris",
                published=date(2024, 6, 19),
                source="Le Monde",
                url="https://example.org/2024/06/19/sommet",
            ),  # fmt: skip
            mentions=(
                _mention(fr, "Macron", "person", FRA),
                _mention(fr, "Biden", "person", USA),
            ),
            places=(paris_fr,),
            dates=(
                DateRef(
                    text="19 juin 2024",
                    value="2024-06-19",
                    precision="day",
                    start=on,
                    end=on + 12,
                ),
            ),  # fmt: skip
            events=(
                _event(
                    FRA,
                    USA,
                    "042",
                    "2024-06-19",
                    1,
                    1.9,
                    fr,
                    "Macron a rencontré Biden",
                    PARIS,
                ),
            ),  # fmt: skip
        ),
        CodedArticle(
            article=Article.from_text(
                en,
                "en",
                title="Attack and alliance",
                published=date(2024, 7, 2),
                source="Wire",
            ),  # fmt: skip
            mentions=(
                _mention(en, "Russian troops", "group", RUS),
                _mention(en, "Ukraine", "country", UKR),
                _mention(en, "Kim Jong Un", "person", PRK),
            ),
            events=(
                _event(
                    RUS,
                    UKR,
                    "190",
                    "2024-06-20",
                    4,
                    -10.0,
                    en,
                    "Russian troops attacked Ukraine",
                    KYIV,
                ),
                _event(
                    PRK,
                    RUS,
                    "057",
                    "2024-07-01",
                    2,
                    8.0,
                    en,
                    "Kim Jong Un pledged support",
                    None,
                    "planned",
                ),
            ),  # fmt: skip
        ),
        CodedArticle(
            article=Article.from_text(
                HOSTILE_TEXT,
                "fr",
                title=HOSTILE_TITLE,
                published=date(2024, 6, 21),
                url="javascript:window.__pwned=4",
            ),  # fmt: skip
            mentions=(_mention(HOSTILE_TEXT, "Macron", "person", FRA),),
            events=(
                _event(
                    FRA,
                    USA,
                    "042",
                    "2024-06-21",
                    1,
                    1.9,
                    HOSTILE_TEXT,
                    'Biden <img src=x onerror="window.__pwned = 2">',
                    PARIS,
                ),
            ),  # fmt: skip
        ),
    ]


def build(path: Path) -> Path:
    """Write the articles to a new database file at ``path``; return it."""
    conn = connect(path)
    Writer(conn).write([to_rows(a, "test.txt", None) for a in articles()])
    conn.close()
    return path
