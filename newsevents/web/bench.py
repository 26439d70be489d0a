# ruff: noqa: E501  (the page templates read better one tag run per line)
"""Boilerplate removal compared: trafilatura (``ingest/pages.py``) against our
hand-written remover (``ingest/html.py``) on generated news pages whose
article paragraphs and boilerplate are known. Pages mimic real layouts:
menus, cookie banners, ads, scripts, related links, share bars, comments,
newsletter boxes, teasers, footers. Prints figures; not a test.

    python -m newsevents.web.bench [--pages 200] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

_ACTORS_FR = [
    "Le ministre des Affaires étrangères",
    "La présidente du Sénat",
    "Le gouvernement",
    "Le porte-parole de l'armée",
    "La Commission",
    "Le premier ministre",
    "Le chef de la diplomatie",
    "Les syndicats",
]
_ACTORS_EN = [
    "The foreign minister",
    "The Senate speaker",
    "The government",
    "An army spokesman",
    "The Commission",
    "The prime minister",
    "The top diplomat",
    "The unions",
]
_VERBS_FR = [
    "a rencontré son homologue",
    "a condamné l'attaque contre",
    "a proposé une aide à",
    "a critiqué la décision de",
    "a signé un accord avec",
    "a menacé de sanctions",
]
_VERBS_EN = [
    "met his counterpart from",
    "condemned the attack on",
    "offered aid to",
    "criticised the decision of",
    "signed an agreement with",
    "threatened sanctions against",
]
_PLACES = ["Norvège", "Chili", "Kenya", "Vietnam", "Pologne", "Canada", "Maroc"]
_PLACES_EN = ["Norway", "Chile", "Kenya", "Vietnam", "Poland", "Canada", "Morocco"]
_FILLER_FR = [
    "selon un communiqué publié dans la soirée",
    "au terme de plusieurs heures de discussions",
    "lors d'une conférence de presse",
    "d'après des sources diplomatiques",
]
_FILLER_EN = ["according to a statement released in the evening",
              "after several hours of talks", "at a press conference",
              "according to diplomatic sources"]  # fmt: skip


@dataclass(frozen=True)
class GeneratedPage:
    """A page and what a perfect extractor returns from it."""

    html: str
    title: str
    published: date
    paragraphs: list[str]
    boilerplate: list[str]
    language: str


def _sentence(rng: random.Random, language: str, n: int) -> str:
    if language == "fr":
        actor, verb = rng.choice(_ACTORS_FR), rng.choice(_VERBS_FR)
        place, filler = rng.choice(_PLACES), rng.choice(_FILLER_FR)
        return f"{actor} {verb} {place} {filler}, (paragraphe {n})."
    actor, verb = rng.choice(_ACTORS_EN), rng.choice(_VERBS_EN)
    place, filler = rng.choice(_PLACES_EN), rng.choice(_FILLER_EN)
    return f"{actor} {verb} {place} {filler} (paragraph {n})."


def _paragraph(rng: random.Random, language: str, n: int) -> str:
    return " ".join(
        _sentence(rng, language, n * 10 + k) for k in range(rng.randint(2, 4))
    )


def generate(rng: random.Random, number: int) -> GeneratedPage:
    """One page, its layout drawn from five common ones."""
    language = "fr" if number % 2 else "en"
    published = date(2024, 1, 1) + timedelta(days=rng.randint(0, 600))
    title = f"{_sentence(rng, language, 0)[:60].rstrip(' ,.')} ({number})"
    paragraphs = [_paragraph(rng, language, n) for n in range(1, rng.randint(4, 9))]
    links = [f"Article lié {number}-{k} sur la crise" for k in range(4)]
    boilerplate = [
        f"Accueil International Politique Économie {number}",
        f"Nous utilisons des cookies pour mesurer l'audience {number}.",
        f"Publicité : découvrez notre offre spéciale abonnement {number}",
        f"Partager sur Facebook Twitter LinkedIn {number}",
        f"Inscrivez-vous à notre lettre d'information quotidienne {number}",
        f"© Journal Exemple {number} Tous droits réservés Mentions légales",
        *links,
    ]
    layout = _LAYOUTS[number % len(_LAYOUTS)]
    comment = f"Commentaire de lecteur {number} : je ne suis pas du tout d'accord avec cette analyse."
    script = f"var tracking{number} = 'analytics page view {number}';"
    markup = layout(
        rng, title, published, paragraphs, boilerplate, links, comment, script, language
    )
    if "comment" in layout.__name__:
        boilerplate.append(comment)
    boilerplate.append(f"analytics page view {number}")
    return GeneratedPage(markup, title, published, paragraphs, boilerplate, language)  # fmt: skip


def _head(title: str, published: date, language: str, meta: bool = True) -> str:
    when = (
        f'<meta property="article:published_time" content="{published}T08:00:00+01:00">'
        if meta
        else ""
    )
    return (
        f'<!DOCTYPE html><html lang="{language}"><head><meta charset="utf-8">'
        f"<title>{title} - Journal Exemple</title>{when}</head>"
    )


def _classic(
    rng, title, published, paragraphs, boilerplate, links, comment, script, language
):  # type: ignore[no-untyped-def]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    related = "".join(f'<li><a href="/r{k}">{t}</a></li>' for k, t in enumerate(links))
    return (
        _head(title, published, language)
        + f'<body><header><nav><a href="/">{boilerplate[0]}</a></nav></header>'
        f'<div class="cookie-banner">{boilerplate[1]}</div><script>{script}</script>'
        f'<article><h1>{title}</h1><time datetime="{published}">{published}</time>'
        f'{body}<div class="share">{boilerplate[3]}</div></article>'
        f'<aside class="related"><ul>{related}</ul></aside>'
        f'<div class="ad-slot">{boilerplate[2]}</div>'
        f'<form class="newsletter"><p>{boilerplate[4]}</p></form>'
        f"<footer><p>{boilerplate[5]}</p></footer></body></html>"
    )


def _divs_comments(
    rng, title, published, paragraphs, boilerplate, links, comment, script, language
):  # type: ignore[no-untyped-def]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    related = "".join(
        f'<div class="teaser"><a href="/r{k}">{t}</a></div>'
        for k, t in enumerate(links)
    )
    return (
        _head(title, published, language)
        + f'<body><div id="top"><div class="menu">{boilerplate[0]}</div></div>'
        f'<div id="consent-popup"><p>{boilerplate[1]}</p></div>'
        f'<div id="main-content"><div class="story-body"><h1>{title}</h1>{body}</div>'
        f'<div class="sharing-tools"><span>{boilerplate[3]}</span></div>'
        f'<div id="comments"><h3>Réactions</h3><p>{comment}</p></div></div>'
        f'<div class="col-right"><div class="pub"><p>{boilerplate[2]}</p></div>{related}'
        f'<div class="subscribe-box"><p>{boilerplate[4]}</p></div></div>'
        f'<script type="application/ld+json">{{"datePublished": "{published}"}}</script>'
        f'<script>{script}</script><div class="site-footer"><p>{boilerplate[5]}</p></div>'
        "</body></html>"
    )


def _inline_links(
    rng, title, published, paragraphs, boilerplate, links, comment, script, language
):  # type: ignore[no-untyped-def]
    parts = []
    for index, paragraph in enumerate(paragraphs):
        parts.append(f"<p>{paragraph}</p>")
        if index < len(links):
            parts.append(
                f'<p><strong>Lire aussi :</strong> <a href="/l{index}">{links[index]}</a></p>'
            )
    return (
        _head(title, published, language)
        + f'<body><nav role="navigation"><ul><li><a href="/">{boilerplate[0]}</a></li></ul></nav>'
        f'<div class="gdpr"><p>{boilerplate[1]}</p></div><main><h1>{title}</h1>'
        f'<p class="byline">Par Jean Exemple, publié le {published}</p>'
        f'<div class="article-text">{"".join(parts)}</div>'
        f'<div class="advert"><p>{boilerplate[2]}</p></div>'
        f'<ul class="social"><li>{boilerplate[3]}</li></ul></main>'
        f'<noscript>{script}</noscript><div class="newsletter"><p>{boilerplate[4]}</p></div>'
        f"<footer>{boilerplate[5]}</footer></body></html>"
    )


def _br_text(
    rng, title, published, paragraphs, boilerplate, links, comment, script, language
):  # type: ignore[no-untyped-def]
    body = "<br><br>".join(paragraphs)
    related = "<br>".join(f'<a href="/r{k}">{t}</a>' for k, t in enumerate(links))
    return (
        _head(title, published, language, meta=False)
        + f'<body><table><tr><td class="nav">{boilerplate[0]}</td></tr></table>'
        f'<div class="cookies">{boilerplate[1]}</div>'
        f'<div class="content"><h1>{title}</h1><div class="date">{published:%d/%m/%Y}</div>'
        f'<div class="texte">{body}</div></div>'
        f'<div class="links">{related}</div><div class="banner-ad">{boilerplate[2]}</div>'
        f'<div class="share-bar">{boilerplate[3]}</div><div class="nl">{boilerplate[4]}</div>'
        f'<script>{script}</script><div class="bottom">{boilerplate[5]}</div></body></html>'
    )


def _teasers_comments(
    rng, title, published, paragraphs, boilerplate, links, comment, script, language
):  # type: ignore[no-untyped-def]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    teasers = "".join(
        f'<div class="card"><h3><a href="/t{k}">{t}</a></h3></div>'
        for k, t in enumerate(links)
    )
    return (
        _head(title, published, language)
        + f'<body><header class="masthead"><ul><li>{boilerplate[0]}</li></ul></header>'
        f'<div class="modal cookie"><p>{boilerplate[1]}</p></div>'
        f'<article class="post"><header><h1>{title}</h1></header>'
        f'<div class="entry-content">{body}</div>'
        f'<footer class="entry-footer"><p>{boilerplate[3]}</p></footer></article>'
        f'<section class="comments-area"><ol><li><p>{comment}</p></li></ol></section>'
        f'<section class="more">{teasers}</section><div class="promo"><p>{boilerplate[2]}</p></div>'
        f'<div class="widget"><p>{boilerplate[4]}</p></div><script>{script}</script>'
        f'<footer class="site"><p>{boilerplate[5]}</p></footer></body></html>'
    )


_LAYOUTS: list[Callable[..., str]] = [
    _classic, _divs_comments, _inline_links, _br_text, _teasers_comments,
]  # fmt: skip


@dataclass
class Score:
    """How one extractor did over the pages."""

    pages: int = 0
    recall: float = 0.0
    leaked: int = 0
    boilerplate: int = 0
    perfect: int = 0
    dates: int = 0
    titles: int = 0
    seconds: float = 0.0


def _norm(text: str) -> str:
    return " ".join(text.split())


def measure(pages: list[GeneratedPage]) -> dict[str, Score]:
    """Paragraph recall, boilerplate leaked, right dates and titles."""
    from ..ingest.html import extract as by_rules
    from ..ingest.pages import extract_page

    extractors: dict[str, Callable[[str], tuple[str, str | None, date | None]]] = {
        "trafilatura+htmldate": lambda m: _fields(extract_page(m)),
        "ingest/html.py (ours)": lambda m: _fields(by_rules(m)),
    }
    scores = {}
    for name, extractor in extractors.items():
        score = Score()
        start = time.perf_counter()
        for page in pages:
            text, title, published = extractor(page.html)
            text = _norm(text)
            found = sum(_norm(p) in text for p in page.paragraphs)
            leaked = sum(_norm(b) in text for b in page.boilerplate)
            score.pages += 1
            score.recall += found / len(page.paragraphs)
            score.leaked += leaked
            score.boilerplate += len(page.boilerplate)
            score.perfect += found == len(page.paragraphs) and leaked == 0
            score.dates += published == page.published
            score.titles += title is not None and title.startswith(page.title)
        score.seconds = time.perf_counter() - start
        score.recall /= max(1, score.pages)
        scores[name] = score
    return scores


def _fields(page: object) -> tuple[str, str | None, date | None]:
    return page.text, page.title, page.published  # type: ignore[attr-defined]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    pages = [generate(rng, n) for n in range(args.pages)]
    print(f"{len(pages)} generated pages, {len(_LAYOUTS)} layouts")
    print(f"{'extractor':24} {'recall':>7} {'leaked':>12} {'perfect':>8} "
          f"{'dates':>6} {'titles':>7} {'ms/page':>8}")  # fmt: skip
    for name, s in measure(pages).items():
        print(
            f"{name:24} {s.recall:7.1%} {s.leaked:5}/{s.boilerplate:<6} "
            f"{s.perfect:8} {s.dates:6} {s.titles:7} "
            f"{1000 * s.seconds / max(1, s.pages):8.1f}"
        )


if __name__ == "__main__":
    main()
