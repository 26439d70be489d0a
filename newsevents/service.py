"""Code articles: the one code path behind the CLI, the Python API and later
the HTTP API. Runs the pipeline stage by stage and returns models."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator
from datetime import date

from .errors import EmptyInput
from .extract.actors import Context, find_actors, mentions
from .extract.dates import find_dates
from .extract.events import Anchors, extract_events
from .extract.merge import merge_events
from .extract.places import find_places
from .kb.base import KnowledgeBase, default_kb
from .kb.gazetteer import Gazetteer
from .lang import get_resources
from .models import Article, CodedArticle, Event, Mention, Place
from .nlp.language import check_language, detect
from .nlp.pipeline import load_pipeline
from .nlp.text import Paragraph, normalise, paragraphs

_TITLE_MAX = 200


def make_article(
    text: str,
    language: str | None = None,
    published: date | None = None,
    *,
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
    name: str = "<input>",
) -> Article:
    """Check a text and wrap it as an Article, detecting its language.

    Raises EmptyInput or UnsupportedLanguage naming ``name``.
    """
    if not text.strip():
        raise EmptyInput(f"{name}: empty input, nothing to code")
    lang = check_language(language) if language else detect(text, name)
    if title is None:
        first = text.strip().split("\n", 1)[0].strip()
        if (
            "\n" in text.strip()
            and len(first) <= _TITLE_MAX
            and not first.endswith(".")
        ):
            title = first
    return Article.from_text(
        text, lang, title=title, published=published, source=source, url=url
    )


def code(
    text: str,
    language: str | None = None,
    published: date | None = None,
    **fields: str | None,
) -> CodedArticle:
    """Code one article: mentions, places, dates and events.

    ``language`` is ``"fr"``, ``"en"`` or None to detect it. Raises
    EmptyInput or UnsupportedLanguage.
    """
    article = make_article(text, language, published, **fields)  # type: ignore[arg-type]
    return code_article(article)


def code_article(article: Article, kb: KnowledgeBase | None = None) -> CodedArticle:
    """Code an Article whose language is known."""
    return next(code_articles([article], kb))


def code_articles(
    articles: Iterable[Article], kb: KnowledgeBase | None = None, batch_size: int = 64
) -> Iterator[CodedArticle]:
    """Code many articles of the same or mixed languages, streaming."""
    kb = kb or default_kb()
    gazetteer = Gazetteer.load()
    for article in articles:
        yield _code_one(article, kb, gazetteer, batch_size)


def _code_one(
    article: Article, kb: KnowledgeBase, gazetteer: Gazetteer, batch_size: int
) -> CodedArticle:
    """Code one article paragraph by paragraph: only one paragraph's parse is
    held at a time, so memory stays bounded on huge texts."""
    lang = article.language
    res = get_resources(lang)
    nlp = load_pipeline(lang)
    norm = normalise(article.text)
    dates = [
        d.model_copy(update={"text": article.text[d.start : d.end]})
        for d in find_dates(norm, lang, article.published)
    ]
    starts = [d.start or 0 for d in dates]
    context = Context(published=article.published)
    parts: list[Paragraph] = list(paragraphs(norm))
    found: list[Mention] = []
    places: list[Place] = []
    events: list[Event] = []
    sentence_base = 0
    texts = (p.text for p in parts)
    for part, doc in zip(parts, nlp.pipe(texts, batch_size=batch_size), strict=True):
        refs = find_actors(doc, kb, lang, context)
        countries = _salient_countries(found)
        found.extend(mentions(refs, doc, part.start, sentence_base))
        here = find_places(doc, refs, gazetteer, lang, part.start, countries)
        places.extend(here)
        end = part.start + len(part.text)
        anchors = Anchors(
            published=article.published,
            dates=tuple(
                dates[bisect_left(starts, part.start) : bisect_left(starts, end)]
            ),
            places=tuple(here),
        )
        events.extend(
            extract_events(doc, refs, res, anchors, part.start, sentence_base)
        )
        sentence_base += sum(1 for _ in doc.sents)
    return CodedArticle(
        article=article,
        mentions=tuple(_original_text(m, article.text) for m in found),
        places=tuple(places),
        dates=tuple(dates),
        events=tuple(merge_events(events, article.text)),
    )


def _original_text(mention: Mention, text: str) -> Mention:
    return mention.model_copy(update={"text": text[mention.start : mention.end]})


def _salient_countries(found: list[Mention]) -> list[str]:
    seen: list[str] = []
    for mention in found:
        country = mention.actor.country if mention.actor else None
        if country and len(country) == 3 and country not in seen and country != "IGO":
            seen.append(country)
    return seen
