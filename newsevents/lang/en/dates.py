"""English date expressions for ``newsevents.extract.dates``.

Each pattern is tagged with a kind; the driver reads its named groups: ``y``
(year), ``m``/``d`` (month and day numbers), ``mon`` (month word), ``wd`` and
``wd2`` (weekdays), ``rel`` (a word of RELATIONS), ``unit`` (a word of UNITS),
``n`` (a count, digits or a word of NUMBERS) and ``deic`` (a phrase of
DEICTICS). Lexicon keys are lower case with plain apostrophes and hyphens.

Month and weekday names must be capitalised. "May" and "March" are also a
modal and a verb, so they count as months only before a day or a year, or
after "in", "since", "last", "next", "this", "early", "late" or "mid-".
Numeric dates are read month first (06/19/2024) unless that is impossible.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

MONTHS: dict[str, int] = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    # News-agency abbreviations, written with a full stop before a day.
    "jan": 1,
    "feb": 2,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}

WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}

NUMBERS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
}

# -1: before the publication date, 0: around it, +1: after it.
RELATIONS: dict[str, int] = {
    "last": -1,
    "this past": -1,
    "next": 1,
    "this coming": 1,
    "coming": 1,
    "this": 0,
}

UNITS: dict[str, str] = {
    "day": "day",
    "days": "day",
    "week": "week",
    "weeks": "week",
    "month": "month",
    "months": "month",
    "year": "year",
    "years": "year",
}

# Day offsets from the publication date.
DEICTICS: dict[str, int] = {
    "the day before yesterday": -2,
    "yesterday": -1,
    "last night": -1,
    "today": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "tonight": 0,
    "tomorrow": 1,
    "the day after tomorrow": 2,
}

# Day offsets from the day the text last spoke of ("the next day").
ANCHORED: dict[str, int] = {
    "the next day": 1,
    "the following day": 1,
    "the day before": -1,
    "the previous day": -1,
    "the same day": 0,
    "that day": 0,
}


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _ci(words: Iterable[str]) -> str:
    """A case-insensitive alternation whose spaces match any run of spaces."""
    return "(?i:" + _alt(words).replace(r"\ ", _S) + ")"


def _title(words: Iterable[str]) -> str:
    """An alternation of capitalised ``words``."""
    return _alt(w.capitalize() for w in words)


_S = r"[^\S\n]+"  # spaces, never a line break: dates do not run across lines
_START = r"(?<![\w])"
_END = r"(?![\w])"

_ABBREVIATIONS = ("jan", "feb", "aug", "sep", "sept", "oct", "nov", "dec")
_FULL_MONTHS = [m for m in MONTHS if m not in _ABBREVIATIONS]
_ABBREVIATED = "|".join(f"{m.capitalize()}\\." for m in _ABBREVIATIONS)
_MONTH = f"(?P<mon>{_title(_FULL_MONTHS)})"
_MONTH_DAY = f"(?P<mon>{_title(_FULL_MONTHS)}|{_ABBREVIATED})"
_MONTH_BARE = f"(?P<mon>{_title(m for m in _FULL_MONTHS if m not in ('may', 'march'))})"
_WD = _title(WEEKDAYS)
_REL = f"(?P<rel>{_ci(RELATIONS)})"
_YEAR = r"(?P<y>(?:19|20)\d\d)(?!\d)"
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
_PART_OF_DAY = f"(?:{_S}{_ci(['morning', 'afternoon', 'evening', 'night'])})?"
_EDGE = (
    f"(?:{_ci(['early', 'late', 'the end of', 'the beginning of', 'the start of'])}"
    f"{_S}|(?i:mid)-)"
)
_PREP = f"(?:{_ci(['in', 'since', 'during'])}{_S})"
_ON = f"(?:{_ci(['on', 'since'])}{_S})"


def _compile(pattern: str) -> re.Pattern[str]:
    """Compile a pattern between word boundaries."""
    return re.compile(f"{_START}{pattern}{_END}")


PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("numeric", _compile(r"(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)")),
    (
        "numeric",
        _compile(
            r"(?<![\d/.])(?P<m>[0-3]?\d)/(?P<d>[0-3]?\d)/(?P<y>(?:19|20)\d\d)(?![\d/])"
        ),
    ),
    (
        "date",
        _compile(f"{_ON}?(?:(?:{_WD}),?{_S})?{_MONTH_DAY}{_S}{_DAY}(?:,?{_S}{_YEAR})?"),
    ),
    (
        "date",
        _compile(
            f"{_ON}?(?:(?:{_WD}),?{_S})?(?:(?i:the){_S})?{_DAY}{_S}"
            f"(?:(?i:of){_S})?{_MONTH}(?:,?{_S}{_YEAR})?"
        ),
    ),
    ("month", _compile(f"{_PREP}?{_EDGE}?{_MONTH},?{_S}{_YEAR}")),
    ("month", _compile(f"{_PREP}?{_REL}{_S}{_MONTH}")),
    ("month", _compile(f"{_PREP}{_EDGE}?{_MONTH}")),
    ("month", _compile(f"{_EDGE}{_MONTH}")),
    ("month", _compile(_MONTH_BARE)),
    (
        "year",
        _compile(
            f"(?:{_PREP}{_EDGE}?|{_EDGE})?"
            r"(?<![\d.,$€£])(?<!\d[^\S\n])(?P<y>(?:19|20)\d\d)(?![.,]\d|[^\S\n]?\d)"
        ),
    ),
    (
        "weekday",
        _compile(
            f"(?:{_REL}{_S}|{_ON})?(?:{_ci(['early', 'late'])}{_S})?"
            f"(?P<wd>{_WD}){_PART_OF_DAY}"
        ),
    ),
    (
        "weekday",
        _compile(
            f"(?:{_ci(['on', 'in', 'during'])}{_S})?(?i:the{_S}night{_S}of){_S}"
            f"(?P<wd>{_WD})"
        ),
    ),
    (
        "night",
        _compile(
            f"(?:(?i:overnight)(?:{_S}(?i:from))?"
            f"|(?:{_ci(['on', 'in', 'during'])}{_S})?(?i:the{_S}night{_S}(?:of|from)))"
            f"{_S}(?P<wd>{_WD}){_S}{_ci(['to', 'into'])}{_S}(?P<wd2>{_WD})"
        ),
    ),
    (
        "night",
        _compile(
            f"{_ON}?(?P<wd>{_WD}){_S}(?i:night){_S}{_ci(['to', 'into'])}{_S}"
            f"(?P<wd2>{_WD})"
        ),
    ),
    ("deictic", _compile(f"(?P<deic>{_ci(DEICTICS)}){_PART_OF_DAY}")),
    ("anchored", _compile(f"(?P<deic>{_ci(ANCHORED)})")),
    (
        # A clock time or part of a day with no day of its own: the day the
        # text speaks of ("at 3 p.m.", "around noon", "in the evening").
        "clock",
        _compile(
            f"(?:{_ci(['at', 'around', 'about', 'by', 'before', 'after', 'until'])}"
            f"{_S})?(?:[01]?\\d(?::[0-5]\\d)?{_S}?(?:[ap]\\.m\\.|[ap]m)(?!\\w)"
            f"|[0-2]?\\d:[0-5]\\d(?!\\d))"
            f"|{_ci(['at', 'around', 'about', 'by', 'until'])}{_S}(?i:noon|midnight)"
            f"|(?i:in{_S}the{_S}(?:morning|afternoon|evening)|overnight)"
        ),
    ),
    (
        "period",
        _compile(
            f"(?:{_ci(['earlier', 'later', 'since'])}{_S})?{_REL}{_S}"
            f"(?P<unit>{_ci(['week', 'month', 'year'])})"
        ),
    ),
    (
        "ago",
        _compile(
            f"(?P<n>\\d{{1,3}}|{_ci(NUMBERS)}){_S}(?P<unit>{_ci(UNITS)}){_S}(?i:ago)"
        ),
    ),
)

_QUANTITY_AFTER = (
    "%",
    "percent",
    "per cent",
    "km",
    "kilometers",
    "kilometres",
    "miles",
    "m",
    "meters",
    "metres",
    "feet",
    "ft",
    "kg",
    "tons",
    "tonnes",
    "hectares",
    "acres",
    "dollars",
    "euros",
    "pounds",
    "years",
    "months",
    "days",
    "hours",
    "people",
    "persons",
    "residents",
    "soldiers",
    "troops",
    "men",
    "women",
    "children",
    "civilians",
    "dead",
    "deaths",
    "casualties",
    "victims",
    "wounded",
    "injured",
    "refugees",
    "migrants",
    "protesters",
    "demonstrators",
    "fighters",
    "police",
    "officers",
    "workers",
    "jobs",
    "votes",
    "seats",
    "missiles",
    "shells",
    "rockets",
    "drones",
    "tanks",
    "aircraft",
    "homes",
    "families",
)
_QUANTITY_BEFORE = (
    "about",
    "around",
    "nearly",
    "almost",
    "some",
    "over",
    "more than",
    "less than",
    "fewer than",
    "at least",
    "up to",
    "no.",
    "number",
    "page",
    "article",
    "resolution",
)

# A bare year is a quantity when one of these follows or precedes it.
YEAR_BLOCK_AFTER = re.compile(
    f"[^\\S\\n]*(?:{_alt(_QUANTITY_AFTER)})(?![\\w])", re.IGNORECASE
)
YEAR_BLOCK_BEFORE = re.compile(
    f"(?<![\\w])(?:{_alt(_QUANTITY_BEFORE)})[^\\S\\n]*$", re.IGNORECASE
)

# Words that put the verb nearest to a weekday or month in the future ("will
# visit on Thursday") or end the search with the default, past reading: a past
# form ("said on Tuesday") or a relative pronoun, whose clause is about
# something else.
FUTURE_CUES = re.compile(
    "will|shall|ll|due|scheduled|slated|upcoming|expected|plans|planned|planning|going",
    re.IGNORECASE,
)
PAST_CUES = re.compile(
    "[a-z]{2,}ed|was|were|had|has|have|did|said|told|met|held|took|made|gave"
    "|came|went|left|began|saw|won|lost|fell|hit|struck|led|spoke|sent|fled|shot"
    "|fought|ago|yesterday|who|which|that",
    re.IGNORECASE,
)

# Words that make a date the start or the end of a period: "since 2019",
# "starting Monday", "from May 3" (SINCE, before the date or starting it);
# "until Friday", "through June" (UNTIL, before it); "from May 3 to June 5",
# "between 2019 and 2021" (RANGE_OPEN before the first date, RANGE_LINK
# between the two; "and" only after "between").
SINCE = re.compile(
    r"(?:(?<![\w])(?:since|starting|from|as\s+of)(?:\s+the)?[^\S\n]*)$",
    re.IGNORECASE,
)
SINCE_START = re.compile(r"since(?![\w])", re.IGNORECASE)
UNTIL = re.compile(
    r"(?<![\w])(?:until|till|through|up\s+to)(?:\s+the)?[^\S\n]*$", re.IGNORECASE
)
RANGE_OPEN = re.compile(
    r"(?<![\w])(?:from|(?P<between>between))(?:\s+the)?[^\S\n]*$", re.IGNORECASE
)
RANGE_LINK = re.compile(
    r"[^\S\n]*(?:(?P<and>and)|to|until|till|through|[-–])[^\S\n]*", re.IGNORECASE
)
