"""The one data model of newsevents: articles, mentions, actors, places, dates
and events. Every stage returns these frozen pydantic models; golden files hold
their JSON (``model_dump(mode="json")``)."""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

MentionKind = Literal["person", "organisation", "country", "place", "group"]
Precision = Literal["day", "month", "year", "publication"]
# How a date bounds what it dates: from it on ("depuis 2019", "since May"), up
# to it ("until Friday"), or from it up to ``DateRef.until`` ("du 3 au 5 mai").
DateRelation = Literal["since", "until", "range"]
Modality = Literal["asserted", "negated", "planned", "hypothetical", "alleged"]
PlaceKind = Literal["country", "city", "admin", "landmark", "region"]
# How precisely a place is located, as GDELT's ActionGeo_Type: a country, an
# admin-1 region (state, province), a town, or a landmark within its town.
PlacePrecision = Literal["country", "admin1", "city", "landmark"]
FailureReason = Literal[
    "binary",
    "undecodable",
    "empty",
    "unsupported_language",
    "malformed",
    "unreadable",
    "too_large",
    "date_out_of_range",
    "coding_error",
    "worker_died",
    "fetch",
    "forbidden",
]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def content_id(text: str) -> str:
    """The id of an article: the SHA-256 of its text, first 16 hex digits."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


class Article(_Model):
    """One news article. ``id`` is a hash of its text."""

    id: str
    text: str
    title: str | None = None
    language: str
    published: date | None = None
    source: str | None = None
    url: str | None = None

    @classmethod
    def from_text(cls, text: str, language: str, **fields: object) -> Article:
        return cls(id=content_id(text), text=text, language=language, **fields)


class Actor(_Model):
    """A political actor in CAMEO style.

    ``code`` is the full CAMEO actor code (``RUSGOV``, ``PRKMIL``, ``IGOUNO``,
    ``WST``); ``country`` is an ISO 3166 alpha-3 code, a CAMEO group code
    (``WST``, ``EUR``...) or ``IGO``; ``roles`` are CAMEO role codes (``GOV``,
    ``MIL``...); ``org`` is the common English acronym of an organisation.
    ``name`` is its name, or the text's own words for it; an actor the
    coder found but could not code has an empty ``code`` and keeps its name
    (as GDELT keeps actor names), and takes part in no event.
    """

    code: str
    country: str | None = None
    roles: tuple[str, ...] = ()
    org: str | None = None
    name: str
    wikidata: str | None = None


ResolvedBy = Literal[
    "kb",
    "title",
    "apposition",
    "adjective",
    "genitive",
    "place",
    "headline",
    "domestic",
    "sentence",
    "coreference",
    "unresolved",
]


class Mention(_Model):
    """A span of the article that names an actor or a place.

    ``resolved_by`` names the step of the resolution cascade that gave its
    actor: the knowledge base, the title or apposition the article gives,
    a demonym adjective, a genitive, the place it is in, a headline prefix,
    the article's home country (``domestic``), coreference; ``unresolved``
    for an actor kept by its surface name only (``actor.code`` empty).
    """

    start: int
    end: int
    text: str
    kind: MentionKind
    actor: Actor | None = None
    sentence: int | None = None
    resolved_by: ResolvedBy | None = None


class Place(_Model):
    """A geocoded place (GeoNames)."""

    name: str
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    kind: PlaceKind = "city"
    start: int | None = None
    end: int | None = None
    text: str | None = None
    precision: PlacePrecision | None = None
    why: str | None = None  # how the gazetteer chose it among its namesakes


class DateRef(_Model):
    """A date expression, normalised to ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

    ``value`` is None when the expression is relative and the article has no
    publication date. Precision ``publication`` marks an event dated by the
    article's publication date for want of a date in its clause.
    ``relation`` says whether the date opens ("since") or closes ("until") a
    period, or starts a range that ends at ``until`` (a value like ``value``).
    """

    text: str
    value: str | None = None
    precision: Precision | None = None
    start: int | None = None
    end: int | None = None
    relation: DateRelation | None = None
    until: str | None = None


class Evidence(_Model):
    """The text that supports an event."""

    start: int
    end: int
    text: str
    sentence: int | None = None


class Event(_Model):
    """One coded event: source does ``code`` to target."""

    source: Actor | None = None
    target: Actor | None = None
    code: str
    root: str
    quad_class: int
    goldstein: float
    label: str = ""
    plover_type: str | None = None
    plover_mode: str | None = None
    modality: Modality = "asserted"
    attribution: Actor | None = None
    date: DateRef | None = None
    place: Place | None = None
    evidence: tuple[Evidence, ...] = ()
    confidence: float = 1.0
    trigger: str = Field(default="", description="id of the lexicon entry")
    pattern: str = Field(default="", description="name of the pattern that fired")
    symmetric: bool = False
    intended_code: str | None = Field(
        default=None,
        description="CAMEO code of the action threatened, promised, demanded, "
        "appealed for or refused (161 under a 13x threat)",
    )


class CodedArticle(_Model):
    """An article with everything newsevents found in it."""

    article: Article
    mentions: tuple[Mention, ...] = ()
    places: tuple[Place, ...] = ()
    dates: tuple[DateRef, ...] = ()
    events: tuple[Event, ...] = ()


class Failure(_Model):
    """An input that was not coded: the file, the item inside it (a feed
    item, a table line) and why."""

    file: str
    item: str | None = None
    reason: FailureReason
    message: str
