"""Response and request bodies of the JSON API, for validation and the
OpenAPI description. Rows are the store's own dataclasses; articles and
events are the package's models."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..lang import available
from ..store.quality import Quality
from ..store.queries import ActorRow, DyadRow, EventRow
from ..store.trends import TrendRow
from ..store.views import (
    ArticleRow,
    CountryRow,
    Counts,
    Edge,
    Node,
    PlaceRow,
)

MAX_TEXT = 500_000


class _Page(BaseModel):
    total: int = Field(description="How many items match, over all pages.")
    next: str | None = Field(description="URL of the next page; null on the last.")


class EventPage(_Page):
    """A page of events."""

    items: list[EventRow]


class ArticlePage(_Page):
    """A page of articles."""

    items: list[ArticleRow]


class ActorPage(_Page):
    """A page of actors, most active first."""

    items: list[ActorRow]


class DyadSeries(_Page):
    """Events between two actors per period, both directions."""

    a: str
    b: str
    by: str
    items: list[DyadRow]
    undated: int = 0


class TrendOut(_Page):
    """Events matching a filter per period, zero-filled, with the articles
    published per period; ``filters`` echoes the filter as understood."""

    by: str
    items: list[TrendRow]
    undated: int = 0
    filters: dict[str, str] = Field(default_factory=dict)


QualityOut = Quality


@dataclass(frozen=True)
class CodebookRow:
    """A CAMEO event code: label, root, quad class, Goldstein score, PLOVER
    type and mode, and how many stored events carry it."""

    code: str
    label: str
    root: str
    quad_class: int
    goldstein: float
    plover_type: str | None
    plover_mode: str | None
    events: int


class CodebookPage(_Page):
    """The CAMEO code book."""

    items: list[CodebookRow]


class PlacePage(_Page):
    """Events per place, and per country (``countries``, ISO alpha-3)."""

    items: list[PlaceRow]
    countries: list[CountryRow]


class MapOut(BaseModel):
    """The map's data: events per place and per country, and the ISO
    numeric codes of the world-atlas shapes to alpha-3."""

    places: list[PlaceRow]
    countries: list[CountryRow]
    numeric: dict[str, str]


class NetworkOut(BaseModel):
    """The actor network: nodes and edges weighted by cooperation and
    conflict."""

    nodes: list[Node]
    edges: list[Edge]


class Overview(BaseModel):
    """What the database holds."""

    counts: Counts


class CodeRequest(BaseModel):
    """A text to code on the fly; nothing is stored."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=MAX_TEXT)
    language: Literal[("auto", *available())] = "auto"  # type: ignore[valid-type]
    published: date | None = None
    title: str | None = Field(default=None, max_length=1000)
