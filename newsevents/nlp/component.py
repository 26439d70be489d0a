"""The ``newsevents`` spaCy component: ``nlp.add_pipe("newsevents")`` on a
pipeline of one of our languages exposes the events as ``doc._.events``, the
actor mentions of the Doc as ``doc._.ne_actors`` and every part of the coded
article (mentions, places, dates, events) as ``doc._.ne_extraction``.

spaCy finds the factory through the ``spacy_factories`` entry point of the
installed package; importing ``newsevents`` does not register it.

The component codes a Doc exactly as ``newsevents.code(doc.text)`` does
(``newsevents.extract.extract_doc``): when the text has several paragraphs
or typography to normalise, it parses each normalised paragraph again with
the components that come before it, as the service does. Add it after the
parser; for the same results as ``newsevents.code``, build the pipeline with
``newsevents.nlp.pipeline.add_components`` (``ne_merge_names`` and
``ne_sentences`` before the parser).
"""

from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from ..extract import ArticleContext, extract_doc
from ..extract.actors import Context, find_actors
from ..kb.base import default_kb
from ..kb.gazetteer import Gazetteer
from ..lang import check
from .text import paragraphs

__all__ = ["NewsEventsComponent", "make_component"]

for _name in ("events", "ne_actors", "ne_extraction", "ne_published"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class NewsEventsComponent:
    """Code the events of each Doc (one Doc = one article or paragraph).

    Raises UnsupportedLanguage when added to a pipeline of another language.
    """

    def __init__(self, nlp: Language, name: str, published: str | None) -> None:
        self.nlp = nlp
        self.name = name
        self.lang = check(str(nlp.lang))
        self.published = date.fromisoformat(published) if published else None

    def __call__(self, doc: Doc) -> Doc:
        published = doc._.ne_published or self.published
        kb = default_kb()
        context = ArticleContext(doc.text, self.lang, published, kb, Gazetteer.load())
        parts = list(paragraphs(context.norm))
        if len(parts) == 1 and parts[0].text == context.norm == doc.text:
            extract_doc(doc, context)
            refs = context.refs
        else:
            for part in parts:
                extract_doc(self._parse(part.text), context, part.start)
            # The mentions of this Doc's own tokens, for ``ne_actors``.
            refs = find_actors(doc, kb, self.lang, Context(published=published))
        coded = context.finish()
        doc._.ne_actors = refs
        doc._.ne_extraction = coded
        doc._.events = list(coded.events)
        return doc

    def _parse(self, text: str) -> Doc:
        """``text`` through the components before this one."""
        doc = self.nlp.make_doc(text)
        for name, proc in self.nlp.pipeline:
            if name == self.name:
                break
            doc = proc(doc)
        return doc


@Language.factory("newsevents", default_config={"published": None})
def make_component(
    nlp: Language, name: str, published: str | None
) -> NewsEventsComponent:
    """The factory spaCy calls for ``nlp.add_pipe("newsevents")``."""
    return NewsEventsComponent(nlp, name, published)
