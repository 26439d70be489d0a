"""The one extraction entry point: ``extract_doc(doc, context)``.

The service (``newsevents.code``), the batch ingest and the spaCy component
all code an article the same way: its text is normalised
(``ArticleContext.norm``) and cut into paragraphs
(``newsevents.nlp.text.paragraphs``), each parsed paragraph goes through
``extract_doc`` with the
article's ``ArticleContext`` (which remembers what earlier paragraphs
established), and ``context.finish()`` merges what they found into the parts
of a ``CodedArticle``. Pure: the knowledge base and the gazetteer are passed
in; nothing is read or written here.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from spacy.tokens import Doc

from ..kb.base import KnowledgeBase
from ..kb.gazetteer import Gazetteer
from ..lang import get as get_language
from ..lang import normalise
from ..lang.verbs import VerbDictionary
from ..models import Actor, DateRef, Event, Mention, Place
from ._doc import doc_text, remember_text, sentence_starts
from .actors import ActorRef, Context, find_actors, mentions
from .backstop import Classifier, propose
from .dates import find_dates
from .events import Anchors, extract_events
from .home import home_country, recase_headlines
from .implicit import implicit_targets
from .merge import merge_events
from .places import PlaceMemory, find_places

__all__ = ["ArticleContext", "Extraction", "extract_doc"]


@dataclass(frozen=True)
class Extraction:
    """The parts of a ``CodedArticle`` that extraction finds."""

    mentions: tuple[Mention, ...]
    places: tuple[Place, ...]
    dates: tuple[DateRef, ...]
    events: tuple[Event, ...]


class ArticleContext:
    """One article being extracted paragraph by paragraph.

    Holds the article's text (original and normalised, Title Case headlines
    in ordinary casing), its language and publication date, its home country
    (``source`` names its outlet, one clue to it), its dates (found once on
    the whole text), the coreference memory of actors, the classifier that
    backs the rules up (``backstop``, None unless asked for), the countries named
    so far (for places) and what the paragraphs found. The language is
    trusted: the service checked it.
    """

    def __init__(
        self,
        text: str,
        language: str,
        published: date | None,
        kb: KnowledgeBase,
        gazetteer: Gazetteer,
        source: str | None = None,
        verbs: VerbDictionary | None = None,
        backstop: Classifier | None = None,
    ) -> None:
        self.text = text
        self.verbs = verbs
        self.language = language
        self.published = published
        self.kb = kb
        self.gazetteer = gazetteer
        self.backstop = backstop  # the learned classifier, when asked for
        self.res = get_language(language)
        self.norm = recase_headlines(normalise(text), self.res, kb)
        self.dates = [
            _original_text(d, text) for d in find_dates(self.norm, language, published)
        ]
        self._starts = [d.start or 0 for d in self.dates]
        self.home = home_country(self.norm, language, kb, gazetteer, source)
        # Who holds which office and which party governs depend on the date:
        # the publication date, else the latest day the text names.
        when = published or _latest_day(self.dates)
        self.actors = Context(published=when, home=self.home, gazetteer=gazetteer)
        self.sentences = 0
        self.countries: list[str] = []  # in order of first mention
        self.mentions: list[Mention] = []
        self.places: list[Place] = []
        self.place_memory = PlaceMemory()  # regions and towns named so far
        self.events: list[Event] = []
        self.refs: list[ActorRef] = []  # of the last Doc

    def dates_between(self, start: int, end: int) -> tuple[DateRef, ...]:
        """The article's dates that start in ``[start, end)``."""
        low, high = bisect_left(self._starts, start), bisect_left(self._starts, end)
        return tuple(self.dates[low:high])

    def _addressed(self) -> list[Event]:
        """The article's events with the targets it implies filled in."""
        home = self.home.country if self.home is not None else None
        # The actors the article names speak for its opposition only when
        # its home country is not a guess from the countries it mentions.
        named = (
            [m.actor for m in self.mentions if m.actor is not None]
            if self.home is not None and self.home.source != "most mentioned"
            else []
        )
        return implicit_targets(self.events, home, named)

    def finish(self) -> Extraction:
        """Everything found, with the original text in each span and the
        events of the article merged (one event per thing reported)."""
        return Extraction(
            mentions=tuple(_original_text(m, self.text) for m in self.mentions),
            places=tuple(self.places),
            dates=tuple(self.dates),
            events=tuple(merge_events(self._addressed(), self.text)),
        )


def _latest_day(dates: list[DateRef]) -> date | None:
    """The latest full date (day, month and year) among an undated article's
    dates: the time it reports, roughly ("le 8 décembre 2018")."""
    days = []
    for ref in dates:
        if ref.precision == "day" and ref.value is not None and ref.until is None:
            try:
                days.append(date.fromisoformat(ref.value))
            except ValueError:
                continue
    return max(days, default=None)


def extract_doc(
    doc: Doc, context: ArticleContext, offset: int = 0, text: str | None = None
) -> Extraction:
    """Extract a parsed paragraph of the article (its text starts at
    ``offset`` in the normalised article text) into ``context``, and return
    what this paragraph gave (mentions, places, events, with article
    offsets; events not yet merged). ``text``, the text ``doc`` was made
    from when the caller has it, spares joining the tokens again."""
    if text is not None:
        remember_text(doc, text)
    refs = find_actors(doc, context.kb, context.language, context.actors)
    found = mentions(refs, doc, offset, context.sentences)
    _add_countries(context.countries, found)
    toponyms = find_places(
        doc, refs, context.gazetteer, context.language, offset, context.countries,
        context.place_memory, context.kb,
    )  # fmt: skip
    here = toponyms.toponyms
    placed = _placed(found, here)
    dates = context.dates_between(offset, offset + len(doc_text(doc)))
    anchors = Anchors(
        published=context.published,
        dates=dates,
        places=tuple(toponyms.located),
        home=context.home.country if context.home is not None else None,
        demonyms=tuple(toponyms.demonyms),
    )
    events = extract_events(
        doc, refs, context.res, anchors, offset, context.sentences, context.verbs
    )
    if context.backstop is not None:
        events += propose(
            doc,
            refs,
            events,
            context.backstop,
            context.res,
            anchors,
            offset,
            context.sentences,
        )
    context.sentences += len(sentence_starts(doc))
    context.mentions.extend(placed)
    context.places.extend(here)
    context.events.extend(events)
    context.refs = refs
    return Extraction(tuple(placed), tuple(here), dates, tuple(events))


_Spanned = TypeVar("_Spanned", Mention, DateRef)


def _original_text(item: _Spanned, text: str) -> _Spanned:
    """``item`` with the original text of its span: itself when normalising
    the text changed none of it (copying a model costs)."""
    original = text[item.start : item.end]
    if original == item.text:
        return item
    return item.model_copy(update={"text": original})


def _placed(found: list[Mention], places: list[Place]) -> list[Mention]:
    """A capital's name that the gazetteer places elsewhere in context
    ("Tripoli" in an article about Lebanon) names that place's country."""
    where = {(p.start, p.end): p for p in places}
    out = []
    for mention in found:
        place = where.get((mention.start, mention.end))
        actor = mention.actor
        if (
            mention.kind == "place"
            and place is not None
            and place.country
            and actor is not None
            and actor.country != place.country
        ):
            actor = Actor(code=place.country, country=place.country, name=place.name)
            mention = mention.model_copy(update={"actor": actor})
        out.append(mention)
    return out


def _add_countries(seen: list[str], found: list[Mention]) -> None:
    """Extend the article's countries, in order of first mention."""
    for mention in found:
        country = mention.actor.country if mention.actor else None
        if country and len(country) == 3 and country != "IGO" and country not in seen:
            seen.append(country)
