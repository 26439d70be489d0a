"""The ``newsevents`` spaCy component: ``nlp.add_pipe("newsevents")`` on a
user's own French or English pipeline exposes the events as ``doc._.events``
(and the actor mentions as ``doc._.ne_actors``).

Add it after the parser. For better parses, also add ``ne_merge_names`` and
``ne_sentences`` before the parser (``add_components`` does it).
"""

from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from ..extract.actors import Context, find_actors
from ..extract.dates import find_dates
from ..extract.events import Anchors, extract_events
from ..kb.base import default_kb
from ..lang import get_resources

for _name in ("events", "ne_actors", "ne_published"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class NewsEventsComponent:
    """Code the events of each Doc (one Doc = one article or paragraph)."""

    def __init__(self, nlp: Language, published: str | None) -> None:
        self.lang = nlp.lang
        self.published = date.fromisoformat(published) if published else None

    def __call__(self, doc: Doc) -> Doc:
        published = doc._.ne_published or self.published
        res = get_resources(self.lang)
        kb = default_kb()
        refs = find_actors(doc, kb, self.lang, Context(published=published))
        dates = tuple(find_dates(doc.text, self.lang, published))
        anchors = Anchors(published=published, dates=dates)
        events = extract_events(doc, refs, res, anchors)
        doc._.ne_actors = refs
        doc._.events = events
        return doc


@Language.factory("newsevents", default_config={"published": None})
def make_newsevents(
    nlp: Language, name: str, published: str | None
) -> NewsEventsComponent:
    return NewsEventsComponent(nlp, published)
