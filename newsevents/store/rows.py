"""Models to database rows and back. Pure: the ingest workers build rows so
that the single writer only inserts them."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date

from .. import __version__
from ..errors import UnsupportedLanguage
from ..lang import get as get_language
from ..models import (
    Actor,
    Article,
    CodedArticle,
    DateRef,
    Event,
    Mention,
    Place,
)

ARTICLE_COLUMNS = (
    "id", "url", "title", "language", "published", "source", "file", "item",
    "text", "places", "dates", "n_mentions", "n_events",
)  # fmt: skip
MENTION_COLUMNS = (
    "article_id", "idx", "start_char", "end_char", "text", "kind", "actor_code",
    "actor_country", "actor_name", "actor", "sentence",
)  # fmt: skip
# Every column of ``events`` but ``id`` and ``cluster_id``, which the writer sets.
EVENT_COLUMNS = (
    "article_id", "idx", "source_code", "source_country", "source_name",
    "target_code", "target_country", "target_name", "code", "base_code",
    "root_code", "quad_class", "goldstein", "label", "plover_type", "plover_mode",
    "modality", "attribution_code", "date_text", "date_value", "date_precision",
    "event_date", "place_name", "place_country", "place_kind", "geonameid", "lat",
    "lon", "sentence", "evidence_start", "evidence_end", "evidence_text",
    "n_evidence", "confidence", "is_symmetric", "event", "intended_code",
    "coder_version", "lexicon_version", "date_relation", "date_until",
)  # fmt: skip
_E = {name: index for index, name in enumerate(EVENT_COLUMNS)}


@dataclass(frozen=True)
class ArticleRows:
    """The rows of one coded article: itself, its mentions and its events."""

    article: tuple[object, ...]
    mentions: list[tuple[object, ...]] = field(default_factory=list)
    events: list[tuple[object, ...]] = field(default_factory=list)
    summary_only: bool = False  # coded from a feed's summary, page to fetch

    @property
    def id(self) -> str:
        return str(self.article[0])

    @property
    def url(self) -> str | None:
        return self.article[1]  # type: ignore[return-value]

    def event_field(self, row: tuple[object, ...], name: str) -> object:
        return row[_E[name]]


def event_date(ref: DateRef | None, published: date | None) -> date | None:
    """The first day an event date can stand for; the publication date when
    the event has none."""
    if ref is None or ref.value is None:
        return published
    parts = ref.value.split("-")
    try:
        return date(
            int(parts[0]),
            int(parts[1]) if len(parts) > 1 else 1,
            int(parts[2]) if len(parts) > 2 else 1,
        )
    except ValueError:
        return published


def to_rows(coded: CodedArticle, file: str | None, item: str | None) -> ArticleRows:
    """The rows of a coded article read from ``file`` (``item`` inside it)."""
    article = coded.article
    places = json.dumps([p.model_dump(mode="json") for p in coded.places])
    dates = json.dumps([d.model_dump(mode="json") for d in coded.dates])
    article_row = (
        article.id, article.url, article.title, article.language,
        article.published, article.source, file, item, article.text, places,
        dates, len(coded.mentions), len(coded.events),
    )  # fmt: skip
    mentions = [_mention_row(article.id, i, m) for i, m in enumerate(coded.mentions)]
    versions = (__version__, lexicon_version(article.language))
    events = [
        (*_event_row(article.id, i, e, article.published), *versions, *_period(e))
        for i, e in enumerate(coded.events)
    ]
    return ArticleRows(article_row, mentions, events)


def lexicon_version(language: str) -> str | None:
    """The version of the trigger lexicon of ``language`` that codes in this
    process (None for a language newsevents does not have)."""
    try:
        return get_language(language).lexicon_version
    except UnsupportedLanguage:
        return None


def _mention_row(article_id: str, index: int, m: Mention) -> tuple[object, ...]:
    actor = m.actor
    return (
        article_id, index, m.start, m.end, m.text, m.kind,
        actor.code if actor else None, actor.country if actor else None,
        actor.name if actor else None,
        actor.model_dump_json() if actor else None, m.sentence,
    )  # fmt: skip


def _event_row(
    article_id: str, index: int, e: Event, published: date | None
) -> tuple[object, ...]:
    first = e.evidence[0] if e.evidence else None
    place = e.place
    return (
        article_id, index,
        *_actor(e.source), *_actor(e.target),
        e.code, e.code[:3], e.code[:2], e.quad_class, e.goldstein, e.label,
        e.plover_type, e.plover_mode, e.modality,
        e.attribution.code if e.attribution else None,
        e.date.text if e.date else None, e.date.value if e.date else None,
        e.date.precision if e.date else None, event_date(e.date, published),
        place.name if place else None, place.country if place else None,
        place.kind if place else None, place.geonameid if place else None,
        place.lat if place else None, place.lon if place else None,
        first.sentence if first else None, first.start if first else None,
        first.end if first else None, first.text if first else None,
        len(e.evidence), e.confidence, e.symmetric, e.model_dump_json(),
        e.intended_code,
    )  # fmt: skip


def _period(e: Event) -> tuple[str | None, str | None]:
    """The period the event's date opens or closes, or the range it starts:
    ``date_relation`` and ``date_until``."""
    if e.date is None:
        return None, None
    return e.date.relation, e.date.until


def _actor(actor: Actor | None) -> tuple[str | None, str | None, str | None]:
    if actor is None:
        return None, None, None
    return actor.code, actor.country, actor.name


def article_from_row(row: tuple[object, ...]) -> Article:
    """An Article from the first columns of an ``articles`` row."""
    values = dict(zip(ARTICLE_COLUMNS, row, strict=False))
    return Article(
        id=values["id"],
        text=values["text"],
        title=values["title"],
        language=values["language"],
        published=values["published"],
        source=values["source"],
        url=values["url"],
    )  # type: ignore[arg-type]


def coded_from_rows(
    article_row: tuple[object, ...],
    mention_rows: list[tuple[object, ...]],
    event_json: list[str],
) -> CodedArticle:
    """A CodedArticle as stored: the article, its mentions, places, dates
    and events."""
    values = dict(zip(ARTICLE_COLUMNS, article_row, strict=False))
    mentions = tuple(
        Mention(
            start=r[2],
            end=r[3],
            text=r[4],
            kind=r[5],
            actor=Actor.model_validate_json(r[9]) if r[9] else None,
            sentence=r[10],
        )  # type: ignore[arg-type]
        for r in mention_rows
    )
    return CodedArticle(
        article=article_from_row(article_row),
        mentions=mentions,
        places=tuple(Place(**p) for p in json.loads(str(values["places"] or "[]"))),
        dates=tuple(DateRef(**d) for d in json.loads(str(values["dates"] or "[]"))),
        events=tuple(Event.model_validate_json(e) for e in event_json),
    )
