"""Language identification accepts real French and English news items,
short ones included, and still rejects other languages (issue 13, item 5).
The corpora test reads every item of the shared corpora and feeds (language
identification is not the coder: reading the reserved sets is allowed)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsevents.errors import UnsupportedLanguage
from newsevents.ingest.files import RawItem, read_inputs
from newsevents.nlp.language import detect

pytestmark = pytest.mark.issue


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Headlines and one-sentence dispatches with few function words.
        ("Le Pentagone va abattre un satellite-espion en perdition", "fr"),
        ("Sommet à Pyongyang\nVladimir Poutine a rencontré Kim Jong-un mercredi à "
         "Pyongyang.", "fr"),
        ("Le Liechtenstein, Andorre et Monaco sur « la liste noire ».", "fr"),
        ("Cancer de l'utérus : l'âge de la vaccination remis en cause", "fr"),
        ("The War Room: Is an India-Pakistan war coming?", "en"),
        ("Vladimir Putin met Kim Jong Un in Pyongyang on Wednesday.", "en"),
        ("Emmanuel Macron reçoit Olaf Scholz à Paris", "fr"),
        ("Xi Jinping meets Joko Widodo in Jakarta", "en"),
        ("Ukraine peace talks: Zelensky meets Trump envoys in Geneva", "en"),
    ],
)  # fmt: skip
def test_issue_13_short_news_accepted(text: str, expected: str) -> None:
    assert detect(text) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Der Präsident hat am Mittwoch ein Abkommen mit Nordkorea unterzeichnet.",
         "German"),
        ("El presidente firmó un acuerdo con Corea del Norte.", "Spanish"),
        ("Il presidente ha firmato un accordo con la Corea del Nord.", "Italian"),
        ("O presidente assinou um acordo com a Coreia do Norte na quarta-feira.",
         "Portuguese"),
        ("De president heeft woensdag een akkoord met Noord-Korea getekend.",
         "Dutch"),
    ],
)  # fmt: skip
def test_issue_13_other_languages_named(text: str, language: str) -> None:
    with pytest.raises(UnsupportedLanguage, match=f"it looks like {language}"):
        detect(text, "x.txt")


_WORD = re.compile(r"[^\W\d_]+")


@pytest.mark.slow
def test_issue_13_every_shared_item_accepted(
    shared: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folders = [shared / "data" / "corpora" / lang for lang in ("fr", "en")]
    folders += [shared / "data" / "rss" / lang for lang in ("fr", "en")]
    items, rejected = 0, []
    for entry in read_inputs([str(f) for f in folders if f.exists()]):
        if not isinstance(entry, RawItem) or not entry.text.strip():
            continue
        items += 1
        try:
            detect(entry.text, entry.name)
        except UnsupportedLanguage:
            rejected.append(entry)
    rate = len(rejected) / items
    with capsys.disabled():
        print(f"\nlanguage ID: {len(rejected)} of {items} items rejected ({rate:.2%})")
        for entry in rejected:
            print(f"  rejected {entry.name}: {entry.text[:80]!r}")
    assert items > 5000
    assert rate < 0.005
    # No item of a real sentence or more is rejected: what is left are
    # fragments (a caption, "(...)", a title line).
    assert all(len(_WORD.findall(e.text)) < 12 for e in rejected)
