"""Code articles: the one code path behind the CLI, the Python API and later
the HTTP API. Runs the pipeline stage by stage and returns models."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from itertools import groupby

from .errors import CodingError, DateOutOfRange, EmptyInput, InputError
from .extract import ArticleContext, extract_doc
from .extract.backstop import Classifier
from .kb.base import KnowledgeBase, default_kb
from .kb.gazetteer import Gazetteer
from .lang import check
from .lang.verbs import VerbDictionary
from .models import Article, CodedArticle
from .nlp.language import detect
from .nlp.pipeline import load_pipeline
from .nlp.text import Paragraph, paragraphs

_TITLE_MAX = 200
# The setting that turns the learned backstop on when no call says.
CLASSIFIER_ENV = "NEWSEVENTS_CLASSIFIER"


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

    The one place where the language is checked: the layers below trust
    ``Article.language``. Raises EmptyInput or UnsupportedLanguage naming
    ``name``.
    """
    if not text.strip():
        raise EmptyInput(f"{name}: empty input, nothing to code")
    lang = check(language) if language else detect(text, name)
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
    *,
    verbs: VerbDictionary | None = None,
    classifier: bool | None = None,
    **fields: str | None,
) -> CodedArticle:
    """Code one article: mentions, places, dates and events.

    ``language`` is a code of ``newsevents.lang.available()`` or None to
    detect it; ``verbs`` a PETRARCH/TABARI verb dictionary
    (``newsevents.lang.verbs.load_verbs``) used next to the lexicon;
    ``classifier`` turns the learned backstop on or off (None: the
    ``NEWSEVENTS_CLASSIFIER`` setting). Raises EmptyInput,
    UnsupportedLanguage or ClassifierUnavailable.
    """
    article = make_article(text, language, published, **fields)  # type: ignore[arg-type]
    try:
        return code_article(article, verbs=verbs, classifier=classifier)
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


def code_article(
    article: Article,
    kb: KnowledgeBase | None = None,
    verbs: VerbDictionary | None = None,
    *,
    classifier: bool | None = None,
) -> CodedArticle:
    """Code an Article whose language is known."""
    return next(code_articles([article], kb, verbs=verbs, classifier=classifier))


def classifier_enabled(classifier: bool | None = None) -> bool:
    """Whether the learned backstop runs: the caller's choice, else the
    ``NEWSEVENTS_CLASSIFIER`` setting (1/true/on), else off."""
    if classifier is not None:
        return classifier
    value = os.environ.get(CLASSIFIER_ENV, "").strip().lower()
    return value in ("1", "true", "yes", "on")


def backstop(classifier: bool | None = None) -> Classifier | None:
    """The shipped classifier if it is enabled, else None."""
    if not classifier_enabled(classifier):
        return None
    from .classify import default_backstop

    return default_backstop()


def code_articles(
    articles: Iterable[Article],
    kb: KnowledgeBase | None = None,
    batch_size: int = 64,
    verbs: VerbDictionary | None = None,
    *,
    classifier: bool | None = None,
) -> Iterator[CodedArticle]:
    """Code many articles, streaming: the paragraphs of consecutive articles
    of one language go through spaCy together, and each article is yielded
    as soon as its last paragraph is parsed. Only the article being
    assembled is held in memory, so huge texts stay bounded. ``classifier``
    as for ``code``."""
    kb = kb or default_kb()
    gazetteer = Gazetteer.load()
    learned = backstop(classifier)
    for lang, group in groupby(articles, key=lambda a: a.language):
        nlp = load_pipeline(lang)
        coders: dict[int, _ArticleCoder] = {}
        pending = _paragraphs(group, coders, kb, gazetteer, verbs, learned)
        for doc, (index, part) in nlp.pipe(
            pending, as_tuples=True, batch_size=batch_size
        ):
            # Articles before this one are complete: yield them in order.
            for done in sorted(k for k in coders if k < index):
                yield coders.pop(done).finish()
            extract_doc(doc, coders[index].context, part.start, part.text)
        for done in sorted(coders):
            yield coders.pop(done).finish()


def _paragraphs(
    articles: Iterable[Article],
    coders: dict[int, _ArticleCoder],
    kb: KnowledgeBase,
    gazetteer: Gazetteer,
    verbs: VerbDictionary | None,
    learned: Classifier | None = None,
) -> Iterator[tuple[str, tuple[int, Paragraph]]]:
    for index, article in enumerate(articles):
        coder = _ArticleCoder(article, kb, gazetteer, verbs, learned)
        coders[index] = coder
        for part in paragraphs(coder.context.norm):
            yield part.text, (index, part)


class _ArticleCoder:
    """An article and the extraction context of its paragraphs."""

    def __init__(
        self,
        article: Article,
        kb: KnowledgeBase,
        gazetteer: Gazetteer,
        verbs: VerbDictionary | None = None,
        learned: Classifier | None = None,
    ) -> None:
        self.article = article
        self.context = ArticleContext(
            article.text,
            article.language,
            article.published,
            kb,
            gazetteer,
            source=article.source,
            verbs=verbs,
            backstop=learned,
        )

    def finish(self) -> CodedArticle:
        parts = self.context.finish()
        return CodedArticle(
            article=self.article,
            mentions=parts.mentions,
            places=parts.places,
            dates=parts.dates,
            events=parts.events,
        )
