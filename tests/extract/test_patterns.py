"""Who did what to whom (newsevents/extract/_patterns.py and _arguments.py),
through the public coder on small sentences: active and passive voice,
coordination, relative and participial clauses, control of infinitives,
embedded accusations, nominal events, recipients."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsevents.models import CodedArticle

Coder = Callable[..., CodedArticle]  # the session fixture `coder`

Row = tuple[str | None, str, str | None, str]


def _events(coded: CodedArticle) -> list[Row]:
    return [
        (
            e.source.code if e.source else None,
            e.code,
            e.target.code if e.target else None,
            e.pattern,
        )
        for e in coded.events
    ]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # Active voice: subject acts on object.
        ("en", "Brazil criticized Argentina.", [("BRAGOV", "111", "ARGGOV", "active")]),
        ("fr", "Le Brésil a critiqué l'Argentine.", [("BRAGOV", "111", "ARGGOV", "active")]),
        # Passive voice: the agent ("by", "par") is the source.
        ("en", "Poland was attacked by Belarus.", [("BLRGOV", "190", "POL", "passive")]),
        ("fr", "La Pologne a été attaquée par la Biélorussie.",
         [("BLRGOV", "190", "POL", "passive")]),
        ("en", "Olaf Scholz was received by Joe Biden in Washington.",
         [("USAGOV", "043", "DEUGOV", "passive")]),
        ("fr", "Olaf Scholz a été reçu par Joe Biden à Washington.",
         [("USAGOV", "043", "DEUGOV", "passive")]),
        # Participial clause in the passive, then the main verb.
        ("en", "Olaf Scholz, received by Joe Biden at the White House, praised Canada.",
         [("USAGOV", "043", "DEUGOV", "passive"), ("DEUGOV", "051", "CANGOV", "active")]),
        ("fr", "Olaf Scholz, reçu par Joe Biden à la Maison-Blanche, a salué le Canada.",
         [("USAGOV", "043", "DEUGOV", "passive"), ("DEUGOV", "051", "CANGOV", "active")]),
        # Relative clause: the antecedent is the source; symmetric meeting.
        ("en", "Olaf Scholz, who met Joe Biden in Washington, criticized China.",
         [("DEUGOV", "040", "USAGOV", "relative"), ("USAGOV", "040", "DEUGOV", "relative"),
          ("DEUGOV", "111", "CHNGOV", "active")]),
        ("fr", "Olaf Scholz, qui a rencontré Joe Biden à Washington, a critiqué la Chine.",
         [("DEUGOV", "040", "USAGOV", "relative"), ("USAGOV", "040", "DEUGOV", "relative"),
          ("DEUGOV", "111", "CHNGOV", "active")]),
        # Coordinated subjects of a symmetric verb.
        ("en", "Spain and Portugal signed a water agreement.",
         [("ESPGOV", "057", "PRTGOV", "active"), ("PRTGOV", "057", "ESPGOV", "active")]),
        ("fr", "L'Espagne et le Portugal ont signé un accord sur l'eau.",
         [("ESPGOV", "057", "PRTGOV", "coordinated-subject"),
          ("PRTGOV", "057", "ESPGOV", "coordinated-subject")]),
        # Control: the subject of "plans to" / "prévoit de" acts.
        ("en", "Japan plans to impose sanctions on Iran.", [("JPNGOV", "163", "IRNGOV", "control")]),
        ("fr", "Le Japon prévoit d'imposer des sanctions à l'Iran.",
         [("JPNGOV", "163", "IRNGOV", "control")]),
        # Embedded: the object of "accuse ... of" is the source.
        ("en", "Japan accused China of supplying weapons to Russia.",
         [("JPNGOV", "112", "CHNGOV", "active"), ("CHNGOV", "072", "RUSGOV", "embedded")]),
        ("fr", "Le Japon accuse la Chine de fournir des armes à la Russie.",
         [("JPNGOV", "112", "CHNGOV", "active"), ("CHNGOV", "072", "RUSGOV", "embedded")]),
        # Nominal events: genitive or adjective source, "of"/"de" target.
        ("en", "Russia's invasion of Georgia began in August 2008.",
         [("RUSGOV", "192", "GEO", "nominal")]),
        ("fr", "L'invasion russe de la Géorgie a commencé en août 2008.",
         [("RUS", "192", "GEO", "nominal")]),
        ("en", "Egypt's mediation between Israel and Hamas failed.",
         [("EGYGOV", "045", "ISRGOV", "nominal"), ("EGYGOV", "045", "PSEREB", "nominal")]),
        # Recipient of a transfer ("to", "à").
        ("en", "Canada sent tanks to the Polish army.", [("CANGOV", "072", "POLMIL", "active")]),
        ("fr", "Le Canada a envoyé des chars à l'armée polonaise.",
         [("CANGOV", "072", "POLMIL", "active")]),
        # No political event.
        ("en", "It rained in Lisbon on Tuesday.", []),
        ("fr", "Il a plu mardi à Lisbonne.", []),
    ],
)  # fmt: skip
def test_patterns_source_code_target(
    coder: Coder, language: str, text: str, expected: list[Row]
) -> None:
    assert _events(coder(text, language)) == expected


def test_viable_leaves_out_only_entries_match_refuses(nlp_fr, nlp_en) -> None:  # type: ignore[no-untyped-def]
    """``viable`` spares ``match`` the support-verb entries whose objects
    the verb lacks: each entry it leaves out is one ``match`` refuses."""
    from pathlib import Path

    from newsevents.extract._arguments import Arguments
    from newsevents.extract._patterns import match, viable
    from newsevents.extract.events import _entries
    from newsevents.lang import get

    golden = Path(__file__).resolve().parent.parent / "golden"
    left_out = 0
    for code, nlp in (("fr", nlp_fr), ("en", nlp_en)):
        res = get(code)
        texts = [p.read_text() for p in sorted(golden.glob(f"{code}/*.txt"))]
        texts += ["They offered talks.", "Il a mis en garde la Russie."]
        for doc in nlp.pipe(texts):
            args = Arguments([], res)
            for token in doc:
                entries = _entries(token, res)
                kept = viable(token, entries, args)
                assert kept == [t for t in entries if t in kept]  # order kept
                for trigger in entries:
                    if trigger not in kept:
                        left_out += 1
                        assert match(token, trigger, args, res) is None
    assert left_out


@pytest.mark.parametrize(
    ("text", "speaking"),
    [
        ("Les syndicats ont poursuivi le gouvernement.", False),
        # After a quotation, "a poursuivi" goes on speaking: no lawsuit.
        ("« C'est dur », a poursuivi le syndicat.", True),
        ('"C\'est dur", a poursuivi le syndicat.', True),
    ],
)
def test_a_verb_right_after_a_quotation_goes_on_speaking(
    nlp_fr, text: str, speaking: bool
) -> None:  # type: ignore[no-untyped-def]
    from newsevents.extract._patterns import _goes_on_speaking
    from newsevents.lang import get

    verb = next(t for t in nlp_fr(text) if t.lemma_ == "poursuivre")
    assert _goes_on_speaking(verb, get("fr")) is speaking
