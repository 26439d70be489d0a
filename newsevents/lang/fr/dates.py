"""French date expressions for ``newsevents.extract.dates``.

Each pattern is tagged with a kind; the driver reads its named groups: ``y``
(year), ``m``/``d`` (month and day numbers), ``mon`` (month word), ``wd`` and
``wd2`` (weekdays), ``rel`` (a word of RELATIONS), ``unit`` (a word of UNITS),
``n`` (a count, digits or a word of NUMBERS) and ``deic`` (a phrase of
DEICTICS). Lexicon keys are lower case with plain apostrophes and hyphens.

"mars" is also the planet, so it counts as a month only with a context: after
"en", "début"/"fin"/"mi-", "mois de" or a day number, or before a year or
"dernier"/"prochain".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .._text import APOSTROPHES

MONTHS: dict[str, int] = {
    "janvier": 1,
    "février": 2,
    "fevrier": 2,
    "mars": 3,
    "avril": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "août": 8,
    "aout": 8,
    "septembre": 9,
    "octobre": 10,
    "novembre": 11,
    "décembre": 12,
    "decembre": 12,
}

WEEKDAYS: dict[str, int] = {
    "lundi": 0,
    "mardi": 1,
    "mercredi": 2,
    "jeudi": 3,
    "vendredi": 4,
    "samedi": 5,
    "dimanche": 6,
}

NUMBERS: dict[str, int] = {
    "un": 1,
    "une": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "six": 6,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
    "dix": 10,
    "onze": 11,
    "douze": 12,
    "quinze": 15,
    "vingt": 20,
    "trente": 30,
}

# -1: before the publication date, 0: around it, +1: after it.
RELATIONS: dict[str, int] = {
    "dernier": -1,
    "dernière": -1,
    "derniers": -1,
    "dernières": -1,
    "passé": -1,
    "passée": -1,
    "prochain": 1,
    "prochaine": 1,
    "prochains": 1,
    "prochaines": 1,
    "ce": 0,
    "cet": 0,
    "cette": 0,
}

UNITS: dict[str, str] = {
    "jour": "day",
    "jours": "day",
    "semaine": "week",
    "semaines": "week",
    "mois": "month",
    "an": "year",
    "ans": "year",
    "année": "year",
    "années": "year",
}

# Day offsets from the publication date.
DEICTICS: dict[str, int] = {
    "avant-hier": -2,
    "hier": -1,
    "aujourd'hui": 0,
    "ce matin": 0,
    "ce midi": 0,
    "cet après-midi": 0,
    "ce soir": 0,
    "demain": 1,
    "après-demain": 2,
}

# Day offsets from the day the text last spoke of ("le lendemain").
ANCHORED: dict[str, int] = {
    "le lendemain": 1,
    "lendemain": 1,
    "la veille": -1,
    "le même jour": 0,
    "ce jour-là": 0,
    "le jour même": 0,
}


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_S = r"[^\S\n]+"  # spaces, never a line break: dates do not run across lines
_AP = f"[{re.escape(''.join(APOSTROPHES))}']"  # every apostrophe of the one table
_HY = "[-‐‑]"
_START = r"(?<![\w])"
_END = r"(?![\w])"

_MONTH = f"(?P<mon>{_alt(MONTHS)})"
_MONTH_BARE = f"(?P<mon>{_alt(m for m in MONTHS if m != 'mars')})"
_WD = _alt(WEEKDAYS)
_REL_AFTER = f"(?P<rel>{_alt(w for w, r in RELATIONS.items() if r)})"
_YEAR = r"(?P<y>(?:19|20)\d\d)(?!\d)"
_PART_OF_DAY = f"(?:{_S}(?:matin|midi|soir|après{_HY}midi|en{_S}soirée))?"
_EDGE = (
    f"(?:(?:au{_S})?début{_S}(?:d(?:e{_S}|{_AP}))?"
    f"|(?:(?:à{_S}la|en){_S})?fin{_S}(?:d(?:e{_S}|{_AP}))?"
    f"|(?:à{_S}la{_S})?mi{_HY}|courant{_S})"
)
_TAIL = f"(?:{_S}{_YEAR}|{_S}{_REL_AFTER})"
_PREP = f"(?:(?:en|depuis|dès){_S})"


def _compile(pattern: str) -> re.Pattern[str]:
    """Compile a pattern between word boundaries, ignoring case."""
    return re.compile(f"{_START}{pattern}{_END}", re.IGNORECASE)


PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("numeric", _compile(r"(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)")),
    (
        "numeric",
        _compile(
            f"(?:le{_S})?(?<![\\d/.])(?P<d>[0-3]?\\d)(?P<sep>[/.])(?P<m>[01]?\\d)"
            r"(?P=sep)(?P<y>(?:19|20)\d\d)(?![\d/])"
        ),
    ),
    (
        "date",
        _compile(
            f"(?:(?:depuis{_S})?le{_S})?(?:(?:{_WD}),?{_S})?"
            f"(?P<d>[0-3]?\\d)(?:er|re)?{_S}{_MONTH}{_TAIL}?"
        ),
    ),
    ("month", _compile(f"{_PREP}?{_EDGE}?{_MONTH}{_TAIL}")),
    ("month", _compile(f"{_PREP}{_EDGE}?{_MONTH}{_TAIL}?")),
    ("month", _compile(f"{_EDGE}{_MONTH}{_TAIL}?")),
    (
        "month",
        _compile(f"(?:(?:au|le|du|en){_S})?mois{_S}d(?:e{_S}|{_AP}){_MONTH}{_TAIL}?"),
    ),
    ("month", _compile(f"{_MONTH_BARE}{_TAIL}?")),
    (
        "year",
        _compile(
            f"(?:(?:{_PREP}|en{_S}l{_AP}an{_S}){_EDGE}?|{_EDGE})?"
            r"(?<![\d.,$€£])(?<!\d[^\S\n])(?P<y>(?:19|20)\d\d)(?![.,]\d|[^\S\n]?\d)"
        ),
    ),
    (
        "weekday",
        _compile(
            f"(?:(?P<rel>ce){_S})?(?P<wd>{_WD})(?!{_S}(?:saint|gras){_END})"
            f"{_PART_OF_DAY}"
        ),
    ),
    ("weekday", _compile(f"(?P<wd>{_WD}){_PART_OF_DAY}{_S}{_REL_AFTER}")),
    ("weekday", _compile(f"(?:dans{_S})?la{_S}nuit{_S}d(?:e|u){_S}(?P<wd>{_WD})")),
    (
        "night",
        _compile(
            f"(?:dans{_S})?la{_S}nuit{_S}d(?:e|u){_S}(?P<wd>{_WD})"
            f"{_S}(?:à|au){_S}(?P<wd2>{_WD})"
        ),
    ),
    (
        "deictic",
        _compile(
            f"(?P<deic>avant{_HY}hier|après{_HY}demain|aujourd{_AP}hui|hier|demain"
            f"|ce{_S}(?:matin|midi|soir)|cet{_S}après{_HY}midi){_PART_OF_DAY}"
        ),
    ),
    (
        # A clock time or part of a day with no day of its own: the day of
        # the report ("à 18 h 30", "vers midi", "dans la soirée").
        "clock",
        _compile(
            # a range of hours ("de 10 h à 12 h"): the day of its start
            f"de{_S}[0-2]?\\d{_S}?h(?:{_S}?[0-5]\\d)?{_S}à{_S}"
            f"[0-2]?\\d{_S}?h(?:{_S}?[0-5]\\d)?(?![\\w])|"
            f"(?:à|vers|dès|avant|après|jusqu{_AP}à|peu{_S}avant|peu{_S}après"
            f"|à{_S}partir{_S}de|depuis){_S}"
            f"(?:[0-2]?\\d(?:{_S})?h(?:eures?)?(?:(?:{_S})?[0-5]\\d)?(?![\\d])"
            f"|midi|minuit)"
            # (a digit first, "(?=\\d)": the look-behinds cost at every word)
            f"|(?=\\d)(?<![\\d,.])[0-2]?\\dh[0-5]\\d(?![\\d])"
            # "10 h 30" alone; never a duration ("en 24 h", "pendant 48 h")
            f"|(?=\\d)(?<![\\d,.])(?<!en )(?<!pendant )(?<!durant )(?<!dans )(?<!les )"
            f"(?<!de )(?<!sous )[0-2]?\\d{_S}h(?:{_S}[0-5]\\d)?(?![\\w])"
            f"|(?:dans{_S})?la{_S}nuit(?!{_S}d(?:e|u){_S})"
            f"|(?:dans{_S})?la{_S}soirée|le{_S}matin{_S}même"
            f"|(?:en{_S})?fin{_S}d{_AP}après{_HY}midi"
            f"|(?:dans|en){_S}(?:la{_S}(?:soirée|matinée|journée)"
            f"|l{_AP}après{_HY}midi|(?:fin|début){_S}d(?:e{_S}|{_AP})"
            f"(?:matinée|soirée|journée|après{_HY}midi))"
        ),
    ),
    (
        # A day named from the day the text last spoke of ("le lendemain").
        "anchored",
        _compile(
            f"(?P<deic>le{_S}lendemain|lendemain|la{_S}veille|le{_S}même{_S}jour"
            f"|ce{_S}jour{_HY}là|le{_S}jour{_S}même){_PART_OF_DAY}"
        ),
    ),
    (
        "period",
        _compile(
            f"(?:depuis{_S})?(?P<rel>cette|ce|cet){_S}"
            f"(?P<unit>semaine|mois|année)(?:{_HY}ci)?"
        ),
    ),
    (
        "period",
        _compile(
            f"(?:depuis{_S})?(?:la{_S}|le{_S}|l{_AP}[^\\S\\n]*)"
            f"(?P<unit>semaine|mois|an|année){_S}{_REL_AFTER}"
        ),
    ),
    (
        "ago",
        _compile(
            f"il{_S}y{_S}a{_S}(?P<n>\\d{{1,3}}|{_alt(NUMBERS)}){_S}"
            f"(?P<unit>{_alt(UNITS)})"
        ),
    ),
)

_QUANTITY_AFTER = (
    "%",
    "€",
    "$",
    "pour cent",
    "km",
    "kilomètres",
    "m",
    "mètres",
    "kg",
    "tonnes",
    "hectares",
    "euros",
    "dollars",
    "francs",
    "ans",
    "années",
    "mois",
    "jours",
    "heures",
    "personnes",
    "habitants",
    "soldats",
    "militaires",
    "hommes",
    "femmes",
    "enfants",
    "civils",
    "morts",
    "victimes",
    "blessés",
    "réfugiés",
    "migrants",
    "manifestants",
    "combattants",
    "policiers",
    "salariés",
    "emplois",
    "voix",
    "sièges",
    "missiles",
    "obus",
    "drones",
    "roquettes",
    "chars",
    "avions",
    "logements",
    "familles",
)
_QUANTITY_BEFORE = (
    "environ",
    "près de",
    "plus de",
    "moins de",
    "quelque",
    "au moins",
    "années",
    "n°",
    "numéro",
    "page",
    "article",
    "résolution",
)

# A bare year is a quantity when one of these follows or precedes it.
YEAR_BLOCK_AFTER = re.compile(
    f"[^\\S\\n]*(?:{_alt(_QUANTITY_AFTER)})(?![\\w])", re.IGNORECASE
)
YEAR_BLOCK_BEFORE = re.compile(
    f"(?<![\\w])(?:{_alt(_QUANTITY_BEFORE)})[^\\S\\n]*$", re.IGNORECASE
)

# Words that put the verb nearest to a weekday or month in the future ("se
# rendra mardi", "doit arriver mardi") or end the search with the default,
# past reading: a past auxiliary ("a signé mercredi") or a relative pronoun,
# whose clause is about something else.
# Future forms end in -ra/-ront/-rai/-rons/-rez; a few nouns end so too.
FUTURE_CUES = re.compile(
    "(?!(?:affront|environs|caméra|opéra|extra|ultra|choléra|mantra|contra"
    "|sierra|cobra|tiara)$)"
    "(?:[a-zàâçéèêëîïôûù]{2,}(?:ra|ront|rai|rons|rez)"
    "|va|vont|doit|doivent|devrait|devraient|prévu|prévue|prévus|prévues)"
)
PAST_CUES = re.compile(
    "a|ont|avait|avaient|eut|eurent|fut|furent|eu|été|était|étaient|hier"
    "|qui|que|qu|dont|où"
)

# Words that make a date the start or the end of a period: "depuis 2019",
# "dès lundi", "à partir du 3 mai" (SINCE, before the date or starting it);
# "jusqu'au 5 mai", "jusqu'en 2021" (UNTIL, before it); "du 3 mai au 5 juin",
# "de 2019 à 2021", "entre 2019 et 2021" (RANGE_OPEN before the first date,
# RANGE_LINK between the two; "et" only after "entre").
SINCE = re.compile(
    f"(?:(?<![\\w])(?:depuis|dès|à{_S}partir{_S}d(?:e|u|{_AP}))"
    f"(?:{_S}(?:le|la|les|l{_AP}))?[^\\S\\n]*)$",
    re.IGNORECASE,
)
SINCE_START = re.compile(r"(?:depuis|dès)(?![\w])", re.IGNORECASE)
UNTIL = re.compile(
    f"(?<![\\w])jusqu{_AP}(?:(?:à|au|aux|en)(?:{_S}(?:la|le|l{_AP}))?)?[^\\S\\n]*$",
    re.IGNORECASE,
)
RANGE_OPEN = re.compile(
    f"(?<![\\w])(?:du|de|d{_AP}|(?P<between>entre))(?:{_S}(?:le|la|l{_AP}))?"
    f"[^\\S\\n]*$",
    re.IGNORECASE,
)
RANGE_LINK = re.compile(
    f"[^\\S\\n]*(?:(?P<and>et)|au|à|jusqu{_AP}(?:à|au|en)|[-–])[^\\S\\n]*",
    re.IGNORECASE,
)
