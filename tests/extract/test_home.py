"""Tests for newsevents.extract.home: the article's home country and Title
Case headlines."""

from __future__ import annotations

import pytest

from newsevents.extract.home import Home, home_country, recase_headlines
from newsevents.kb.base import default_kb
from newsevents.kb.gazetteer import Gazetteer
from newsevents.lang import get


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.parametrize(
    ("lang", "text", "outlet", "expected"),
    [
        # A headline prefix names the country the article is about.
        ("en", "Nigeria: students protest\n\nThe police in France...", None,
         Home("NGA", "headline")),
        # A dateline, even for a city that is no capital.
        ("fr", "BORDEAUX (AFP) - Le gouvernement a annoncé des mesures.", None,
         Home("FRA", "dateline")),
        ("en", "LONDON, March 3 (Reuters) - The police arrested ten people.", None,
         Home("GBR", "dateline")),
        # The outlet's country, when the text names that country too.
        ("fr", "Le gouvernement belge et la France ont signé.", "LaLibre.xml",
         Home("BEL", "outlet")),
        # ... and only then: a Belgian paper's story that names no country
        # is the language's.
        ("fr", "Le gouvernement a annoncé des mesures.", "La DH",
         Home("FRA", "language")),
        ("en", "The government announced measures.", "https://www.cnn.com/2019/x",
         None),
        # ... but not against a text about another country.
        ("fr", "Le gouvernement a parlé. La France et Paris ont voté.", "lalibre.be",
         Home("FRA", "most mentioned")),
        # The country named most: names and capitals count, demonyms half.
        ("fr", "La police russe a arrêté des Français à Moscou. La Russie nie.", None,
         Home("RUS", "most mentioned")),
        ("en", "The government announced new measures.", None, None),
        # French news that names no country is French news (the language's
        # own country, as the last resort); English has no such default.
        ("fr", "Le gouvernement a annoncé de nouvelles mesures.", None,
         Home("FRA", "language")),
        # Words of one country's institutions count as its demonyms do: a
        # Belgian paper's story of a bourgmestre is Belgian; MPs are British
        # unless a country's name says otherwise.
        ("fr", "La bourgmestre a fait démonter l'abri.", "La DH",
         Home("BEL", "outlet")),
        ("en", "Divorced parents are disadvantaged, MPs have said.", None,
         Home("GBR", "most mentioned")),
        ("en", "MPs in Canada have said the plan is flawed.", None,
         Home("CAN", "most mentioned")),
        # A tie goes to the country whose people and state institutions the
        # text names, not the one it talks about.
        ("en", "War in Syria. The bishop spoke of Syria. Downing Street and "
         "Britain said nothing.", None, Home("GBR", "most mentioned")),
        ("fr", "La guerre en Syrie. L'évêque a parlé de la Syrie. Emmanuel Macron "
         "et la France n'ont rien dit.", None, Home("FRA", "most mentioned")),
    ],
)  # fmt: skip
def test_home_country(
    lang: str, text: str, outlet: str | None, expected: Home | None,
    gazetteer: Gazetteer,
) -> None:  # fmt: skip
    assert home_country(text, lang, default_kb(), gazetteer, outlet) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Trump Threatens to Block Chinese Imports\n\nTrump spoke of imports.",
            "Trump threatens to block Chinese imports\n\nTrump spoke of imports.",
        ),
        # Words the text writes in lower case elsewhere are common words;
        # names the knowledge base knows keep their capitals.
        (
            "Police Arrest Protesters in Paris\n\nThe police arrested protesters.",
            "Police arrest protesters in Paris\n\nThe police arrested protesters.",
        ),
        # Sentences and ordinary headlines are left alone.
        ("Russia and China sign a deal.", "Russia and China sign a deal."),
        ("Labour plans maternity pay rise", "Labour plans maternity pay rise"),
    ],
)
def test_recase_headlines(text: str, expected: str) -> None:
    got = recase_headlines(text, get("en"), default_kb())
    assert got == expected
    assert len(got) == len(text)  # offsets unchanged


def test_recase_headlines_common_words_derived_once_per_language() -> None:
    from newsevents.extract.home import _lexicon_words

    res = get("en")
    words = _lexicon_words(res)
    assert _lexicon_words(res) is words  # derived once
    assert words == res.function_words | {lemma for lemma, _ in res.index}
