"""Code articles: the one code path behind the CLI, the Python API and later
the HTTP API. Runs the pipeline stage by stage and returns models."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from itertools import groupby

from spacy.tokens import Doc

from .errors import CodingError, DateOutOfRange, EmptyInput, InputError
from .extract.actors import Context, find_actors, mentions
from .extract.dates import find_dates
from .extract.events import Anchors, extract_events
from .extract.merge import merge_events
from .extract.places import find_places
from .kb.base import KnowledgeBase, default_kb
from .kb.gazetteer import Gazetteer
from .lang import LangResources, get_resources
from .models import Actor, Article, CodedArticle, Event, Mention, Place
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
    try:
        return code_article(article)
    except Exception as exc:
        raise coding_error(exc, str(fields.get("name") or "<input>")) from exc


def coding_error(exc: Exception, name: str) -> InputError:
    """The input error that reports ``exc``, raised while coding the article
    ``name``: a date out of the calendar's range (an item dated 0001-01-01
    that says "yesterday") or any other failure of the coder on that one
    article. Input errors pass through."""
    if isinstance(exc, InputError):
        return exc
    if isinstance(exc, OverflowError):
        return DateOutOfRange(
            f"{name}: a date of the article is out of range ({exc}); check its "
            "publication date, or give one with --published"
        )
    return CodingError(
        f"{name}: the coder failed on this article ({type(exc).__name__}: {exc})"
    )


def code_each(
    articles: Sequence[Article], kb: KnowledgeBase | None = None
) -> list[CodedArticle | Exception]:
    """Code many articles as ``code_articles`` does, but isolate failures:
    the result for each article is its CodedArticle or the exception it
    raised. One failing article never stops the others: after a failure the
    rest are coded one by one."""
    done: list[CodedArticle | Exception] = []
    try:
        for coded in code_articles(articles, kb):
            done.append(coded)
    except Exception:  # which article failed is found below
        for article in articles[len(done) :]:
            try:
                done.append(code_article(article, kb))
            except Exception as exc:  # reported as its failure
                done.append(exc)
    return done


def code_article(article: Article, kb: KnowledgeBase | None = None) -> CodedArticle:
    """Code an Article whose language is known."""
    return next(code_articles([article], kb))


def code_articles(
    articles: Iterable[Article], kb: KnowledgeBase | None = None, batch_size: int = 64
) -> Iterator[CodedArticle]:
    """Code many articles, streaming: the paragraphs of consecutive articles
    of one language go through spaCy together, and each article is yielded
    as soon as its last paragraph is parsed. Only the article being
    assembled is held in memory, so huge texts stay bounded."""
    kb = kb or default_kb()
    gazetteer = Gazetteer.load()
    for lang, group in groupby(articles, key=lambda a: a.language):
        nlp = load_pipeline(lang)
        res = get_resources(lang)
        coders: dict[int, _ArticleCoder] = {}
        pending = _paragraphs(group, coders, kb, gazetteer, res)
        for doc, (index, part) in nlp.pipe(
            pending, as_tuples=True, batch_size=batch_size
        ):
            # Articles before this one are complete: yield them in order.
            for done in sorted(k for k in coders if k < index):
                yield coders.pop(done).finish()
            coders[index].feed(doc, part)
        for done in sorted(coders):
            yield coders.pop(done).finish()


def _paragraphs(
    articles: Iterable[Article],
    coders: dict[int, _ArticleCoder],
    kb: KnowledgeBase,
    gazetteer: Gazetteer,
    res: LangResources,
) -> Iterator[tuple[str, tuple[int, Paragraph]]]:
    for index, article in enumerate(articles):
        coder = _ArticleCoder(index, article, kb, gazetteer, res)
        coders[index] = coder
        for part in paragraphs(coder.norm):
            yield part.text, (index, part)


class _ArticleCoder:
    """Collects what the paragraphs of one article yield."""

    def __init__(
        self,
        index: int,
        article: Article,
        kb: KnowledgeBase,
        gazetteer: Gazetteer,
        res: LangResources,
    ) -> None:
        self.index = index
        self.article = article
        self.kb = kb
        self.gazetteer = gazetteer
        self.res = res
        self.norm = normalise(article.text)
        self.dates = [
            d.model_copy(update={"text": article.text[d.start : d.end]})
            for d in find_dates(self.norm, article.language, article.published)
        ]
        self.starts = [d.start or 0 for d in self.dates]
        self.context = Context(published=article.published)
        self.mentions: list[Mention] = []
        self.places: list[Place] = []
        self.events: list[Event] = []
        self.sentences = 0
        self.countries: list[str] = []  # in order of first mention

    def feed(self, doc: Doc, part: Paragraph) -> None:
        lang = self.article.language
        refs = find_actors(doc, self.kb, lang, self.context)
        found = mentions(refs, doc, part.start, self.sentences)
        _add_countries(self.countries, found)
        here = find_places(doc, refs, self.gazetteer, lang, part.start, self.countries)
        self.mentions.extend(_placed(found, here))
        self.places.extend(here)
        end = part.start + len(part.text)
        dates = self.dates[
            bisect_left(self.starts, part.start) : bisect_left(self.starts, end)
        ]
        anchors = Anchors(
            published=self.article.published, dates=tuple(dates), places=tuple(here)
        )
        self.events.extend(
            extract_events(doc, refs, self.res, anchors, part.start, self.sentences)
        )
        self.sentences += sum(1 for _ in doc.sents)

    def finish(self) -> CodedArticle:
        text = self.article.text
        return CodedArticle(
            article=self.article,
            mentions=tuple(_original_text(m, text) for m in self.mentions),
            places=tuple(self.places),
            dates=tuple(self.dates),
            events=tuple(merge_events(self.events, text)),
        )


def _original_text(mention: Mention, text: str) -> Mention:
    return mention.model_copy(update={"text": text[mention.start : mention.end]})


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
