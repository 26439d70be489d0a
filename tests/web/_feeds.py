"""Feeds and article pages made for the web tests."""

from __future__ import annotations

from html import escape

from newsevents.web.bench import _LAYOUTS, GeneratedPage, generate


def rss(title: str, items: list[tuple[str, str, str, str]]) -> str:
    """An RSS 2.0 feed of (title, link, description, pubDate) items."""
    body = "".join(
        f"<item><title>{escape(t)}</title><link>{escape(link)}</link>"
        f"<guid>{escape(link)}</guid><description>{escape(d)}</description>"
        f"<pubDate>{when}</pubDate></item>"
        for t, link, d, when in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title>{body}</channel></rss>"
    )


def page(number: int) -> GeneratedPage:
    """A generated news page (newsevents.web.bench), French for odd numbers."""
    import random

    assert _LAYOUTS
    return generate(random.Random(number), number)


# Sentences written for these tests, each with one clear event.
EVENTS_FR = [
    "La Russie a attaqué l'Ukraine samedi près de Kharkiv.",
    "La France a condamné mardi l'attaque contre l'Ukraine.",
    "Le Japon a signé un accord commercial avec l'Inde à Tokyo.",
    "L'Allemagne a proposé une aide financière à la Grèce.",
    "Les États-Unis ont menacé l'Iran de nouvelles sanctions.",
    "Le Maroc a accueilli le président sénégalais à Rabat.",
]


def news_page(title: str, sentences: list[str], published: str) -> str:
    """A French article page with a menu, a cookie banner, ads, a script,
    related links and a footer around its paragraphs."""
    body = "".join(
        f"<p>{escape(s)} Les discussions se poursuivront.</p>" for s in sentences
    )
    return (
        f'<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title>"
        f'<meta property="article:published_time" content="{published}T09:00:00+02:00">'
        "</head><body><nav><a href='/'>Accueil</a> <a href='/monde'>Monde</a></nav>"
        "<div class='cookie-banner'>Nous utilisons des cookies.</div>"
        f"<script>var pub = 'Publicité';</script><article><h1>{escape(title)}</h1>"
        f"{body}</article><aside class='related'><ul><li><a href='/x'>Lire aussi : "
        "un autre sujet</a></li></ul></aside><div class='ad'>Publicité</div>"
        "<footer>© Journal de test</footer></body></html>"
    )
