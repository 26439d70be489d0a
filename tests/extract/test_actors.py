"""Actor mentions (newsevents/extract/actors.py) on small sentences: people
by their role on the publication date, organisations, countries, demonym
agents, capitals standing for governments, repeated surnames."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from newsevents.models import CodedArticle

Coder = Callable[..., CodedArticle]  # the session fixture `coder`

Mention = tuple[str, str, str | None]


def _mentions(coded: CodedArticle) -> list[Mention]:
    return [(m.text, m.kind, m.actor.code if m.actor else None) for m in coded.mentions]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "Olaf Scholz met Volodymyr Zelensky. Scholz later criticized Russia.",
         [("Olaf Scholz", "person", "DEUGOV"), ("Volodymyr Zelensky", "person", "UKRGOV"),
          ("Scholz", "person", "DEUGOV"), ("Russia", "country", "RUS")]),
        ("en", "The Kremlin criticized Poland.",
         [("Kremlin", "organisation", "RUSGOV"), ("Poland", "country", "POL")]),
        ("fr", "Le Kremlin a critiqué la Pologne.",
         [("Kremlin", "organisation", "RUSGOV"), ("Pologne", "country", "POL")]),
        ("en", "Indian soldiers attacked Pakistani positions.",
         [("Indian soldiers", "organisation", "INDMIL"), ("Pakistani", "country", "PAK")]),
        ("fr", "Des soldats indiens ont attaqué des positions pakistanaises.",
         [("soldats indiens", "organisation", "INDMIL"),
          ("pakistanaises", "country", "PAK")]),
        ("en", "Canada sent tanks to the Polish army.",
         [("Canada", "country", "CAN"), ("Polish army", "organisation", "POLMIL")]),
        ("fr", "Le Canada a envoyé des chars à l'armée polonaise.",
         [("Canada", "country", "CAN"), ("armée polonaise", "organisation", "POLMIL")]),
        ("en", "According to Reuters, Kenya condemned Uganda.",
         [("Reuters", "organisation", "GBRMED"), ("Kenya", "country", "KEN"),
          ("Uganda", "country", "UGA")]),
        ("fr", "Selon l'AFP, le Kenya a condamné l'Ouganda.",
         [("AFP", "organisation", "FRAMED"), ("Kenya", "country", "KEN"),
          ("Ouganda", "country", "UGA")]),
        ("en", "Egypt's mediation between Israel and Hamas failed.",
         [("Egypt", "country", "EGY"), ("Israel", "country", "ISR"),
          ("Hamas", "organisation", "PSEREB")]),
        # Unqualified agents take the article's home country (issue 10);
        # an event may still give them the country of its place.
        ("en", "Thousands of protesters demonstrated in Nairobi.",
         [("protesters", "organisation", "KENOPP"), ("Nairobi", "place", "KEN")]),
    ],
)  # fmt: skip
def test_actors_mentions(
    coder: Coder, language: str, text: str, expected: list[Mention]
) -> None:
    assert _mentions(coder(text, language)) == expected


@pytest.mark.parametrize(
    ("published", "code"), [(date(2019, 8, 22), "GBRGOV"), (date(2023, 1, 22), "GBR")]
)
def test_actors_role_on_the_publication_date(
    coder: Coder, published: date, code: str
) -> None:
    coded = coder("Boris Johnson criticized Russia.", "en", published)
    assert _mentions(coded) == [
        ("Boris Johnson", "person", code),
        ("Russia", "country", "RUS"),
    ]


def test_actors_bare_agents_take_the_country_of_the_place(coder: Coder) -> None:
    for language, text in [
        ("en", "Thousands of protesters demonstrated in Nairobi."),
        ("fr", "Des milliers de manifestants ont protesté à Nairobi."),
    ]:
        [event] = coder(text, language).events
        assert (event.source and event.source.code, event.code, event.target) == (
            "KENOPP", "141", None,
        )  # fmt: skip


def test_actors_capital_acting_is_its_government(coder: Coder) -> None:
    coded = coder("Beijing criticized Tokyo.", "en")
    assert _mentions(coded) == [("Beijing", "place", "CHN"), ("Tokyo", "place", "JPN")]
    assert [(e.source and e.source.code, e.code, e.target and e.target.code)
            for e in coded.events] == [("CHNGOV", "111", "JPNGOV")]  # fmt: skip


def test_actors_capital_acting_is_its_government_fr(coder: Coder) -> None:
    # The parser makes "Tokyo" an xcomp: the actor right after the verb.
    coded = coder("Pékin a critiqué Tokyo.", "fr")
    assert [(e.source and e.source.code, e.code, e.target and e.target.code)
            for e in coded.events] == [("CHNGOV", "111", "JPNGOV")]  # fmt: skip


# A party word names the party of the article's home country ("socialiste" in
# a French story, the PSOE in a Spanish one), with the party's role on the
# day; "conservative" in lower case is no party, nor is a party word in the
# story of a country none of its parties is from.
@pytest.mark.parametrize(
    ("language", "published", "text", "name", "code"),
    [
        ("en", date(2005, 2, 10),
         "LONDON (Reuters) - Conservative Theresa May criticised Gordon Brown.",
         "Conservative Theresa May", "GBROPP"),
        ("en", date(2005, 2, 10),
         "LONDON (Reuters) - John Smithson, the Conservative MP for Bexhill, "
         "criticised Gordon Brown.", "John Smithson, the Conservative MP", "GBROPP"),
        ("en", date(2005, 2, 10),
         "LONDON (Reuters) - A Conservative spokesman attacked the plans.",
         "Conservative spokesman", "GBROPP"),
        ("fr", date(2008, 2, 10),
         "PARIS (AFP) - Le sénateur communiste Pierre Lenoir a dénoncé la réforme.",
         "sénateur communiste Pierre Lenoir", "FRAOPP"),
        ("fr", date(2008, 2, 10),
         "PARIS (AFP) - La socialiste Marie Durand a dénoncé la réforme.",
         "socialiste Marie Durand", "FRAOPP"),
        ("fr", date(2013, 2, 10),
         "PARIS (AFP) - Les socialistes ont critiqué l'opposition.",
         "socialistes", "FRAGOV"),
        ("fr", date(2008, 2, 10),
         "PARIS (AFP) - Le député UMP Jean Dupont a critiqué la réforme.",
         "député UMP Jean Dupont", "FRAGOV"),
        ("fr", date(2008, 2, 10),
         "MADRID (AFP) - Les socialistes ont critiqué l'opposition.",
         "socialistes", "ESPGOV"),
        # A home party word wins over a foreign party's name.
        ("en", date(2019, 2, 10),
         "PARIS (Reuters) - The Republicans criticised the bill.",
         "Republicans", "FRAOPP"),
    ],
)  # fmt: skip
def test_actors_party_words(
    coder: Coder, language: str, published: date, text: str, name: str, code: str
) -> None:
    mentions = _mentions(coder(text, language, published))
    assert (name, "person" if " " in name else "organisation", code) in mentions or (
        name,
        "organisation",
        code,
    ) in mentions


@pytest.mark.parametrize(
    ("language", "text", "word"),
    [
        ("en", "LONDON (Reuters) - A conservative commentator attacked the plans.",
         "conservative"),
        ("fr", "BRUXELLES (AFP) - Les socialistes ont critiqué l'opposition.",
         "socialistes"),
    ],
)  # fmt: skip
def test_actors_party_words_need_their_country(
    coder: Coder, language: str, text: str, word: str
) -> None:
    coded = coder(text, language, date(2008, 2, 10))
    assert all(m.actor is None or m.actor.org is None for m in coded.mentions), [
        (m.text, m.actor) for m in coded.mentions
    ]


def test_a_title_right_after_a_name_begins_the_next_name(coder: Coder) -> None:
    # The NER takes the portfolio for a person; the minister is Jim Wallace.
    coded = coder(
        "LONDON (Reuters) - Lifelong Learning Minister Jim Wallace said fees "
        "would not rise.",
        "en",
        date(2005, 2, 10),
    )
    assert ("Minister Jim Wallace", "person", "GBRGOV") in _mentions(coded)


def test_a_former_official_is_not_a_bare_surname(coder: Coder) -> None:
    # Griffin B. Bell, a former US attorney general, is no "Mr Bell" of 2005.
    coded = coder(
        "LONDON (Reuters) - Critics said Mr Bell's comments were irresponsible.",
        "en",
        date(2005, 2, 10),
    )
    assert [m.actor.code for m in coded.mentions if m.text == "Bell"] == [""]


@pytest.mark.parametrize(
    ("text", "published", "surname", "code"),
    [
        # A bare surname names the one person of that name in office that day.
        ("Blinken headed to Israel on Monday.", date(2024, 6, 19), "Blinken",
         "USAGOV"),
        ("Johnson criticised Macron.", date(2020, 1, 1), "Johnson", "GBRGOV"),
        # Not when the day is unknown: offices change.
        ("Blinken headed to Israel on Monday.", None, "Blinken", ""),
        # Not when the article names another person of that surname in full.
        ("Magic Johnson praised Macron. Later, Johnson criticised Macron.",
         date(2020, 1, 1), "Johnson", ""),
    ],
)  # fmt: skip
def test_a_bare_surname_is_the_office_holder_of_that_day(
    coder: Coder, text: str, published: date | None, surname: str, code: str
) -> None:
    coded = coder(text, "en", published)
    found = [
        m.actor.code if m.actor else "" for m in coded.mentions if m.text == surname
    ]
    assert found and set(found) == {code}


@pytest.mark.parametrize(
    ("language", "text", "name", "code", "step"),
    [
        # A person nobody knows, described by a demonym and what they do, is
        # a national of that country (issue 10: the description the article
        # gives), with no role.
        ("en", "Pakistani scientist Abdul Qadeer Khan admitted leaking secrets.",
         "Abdul Qadeer Khan", "PAK", "title"),
        ("en", "John Mwangi, a Kenyan writer, criticised the government.",
         "John Mwangi", "KEN", "apposition"),
        ("fr", "L'écrivain algérien Kamel Daoud a critiqué le gouvernement.",
         "Kamel Daoud", "DZA", "title"),
        # Not a name the demonym does not describe.
        ("en", "The Pakistani delegation met Ahmed Raza in Geneva.",
         "Ahmed Raza", "", "unresolved"),
    ],
)  # fmt: skip
def test_a_national_described_by_a_demonym(
    coder: Coder, language: str, text: str, name: str, code: str, step: str
) -> None:
    coded = coder(text, language, date(2005, 3, 1))
    [mention] = [m for m in coded.mentions if name in m.text]
    assert (mention.actor.code if mention.actor else "", mention.resolved_by) == (
        code,
        step,
    )


def test_a_plural_agent_tagged_as_a_name_is_what_they_stands_for(
    coder: Coder,
) -> None:
    # "MPs" is tagged a singular proper noun here; "They" are the MPs, not
    # the courts named before.
    coded = coder(
        "LONDON (Reuters)\n\nCourts should be used as a last resort. The scheme "
        "was a waste, MPs said. They rejected the plan.",
        "en",
        date(2005, 3, 1),
    )
    assert ("They", "group", "GBRLEG") in _mentions(coded)


@pytest.mark.parametrize(
    ("language", "text", "name", "code"),
    [
        # The city an agent is of gives its country.
        ("fr", "PARIS (AFP) - Le wali d'Oran a demandé un programme de travail.",
         "wali", "DZAGOV"),
        # The popes are the Vatican's.
        ("fr", "PARIS (AFP) - Le pape Benoît XVI a appelé les évêques au calme.",
         "pape Benoît XVI", "VATREL"),
    ],
)  # fmt: skip
def test_actors_of_a_city_and_of_the_vatican(
    coder: Coder, language: str, text: str, name: str, code: str
) -> None:
    codes = {
        m.text: m.actor.code for m in coder(text, language, date(2012, 5, 1)).mentions
    }
    assert codes[name] == code


@pytest.mark.parametrize(
    ("language", "text", "mention", "code"),
    [
        # A definite noun repeating a word of an organisation's name.
        ("en", "In Britain, the Electoral Commission met on Monday. Later the commission "
         "criticised the government.", "commission", "GBRGOV"),
        ("fr", "En France, le Conseil constitutionnel s'est réuni lundi. Puis le conseil a "
         "critiqué le gouvernement.", "conseil", "FRAJUD"),
        # An acronym defined in brackets after the name.
        ("en", "The National Farmers Union (NFU) met in Cardiff. Last week the NFU "
         "criticised the minister.", "NFU", "GBRAGR"),
        # A courtesy title between a title and the name.
        ("en", "In Britain, Transport Secretary Dr Ann Lowe criticised the unions.",
         "Transport Secretary Dr Ann Lowe", "GBRGOV"),
        # A title with a place for complement before the name, remembered for
        # the surname.
        ("en", "In Britain, the Archbishop of York Alan Pike criticised the government. "
         "Dr Pike said so.", "Pike", "GBRREL"),
    ],
)  # fmt: skip
def test_actors_named_again_by_a_word_an_acronym_or_a_title(
    coder: Coder, language: str, text: str, mention: str, code: str
) -> None:
    found = {
        (m.text, m.actor.code if m.actor else None)
        for m in coder(text, language).mentions
    }
    assert (mention, code) in found, sorted(found, key=str)
