"""Find date expressions in a text and normalise them against a publication date.

The language modules (``newsevents.lang.<code>.dates``) hold the expressions:
regular expressions tagged with a *kind*, whose named groups this driver reads,
plus the lexicons that turn words into numbers. This module holds the calendar
arithmetic, which is the same in every language.

Normalisation rules, relative to the publication date ``published``:

- a weekday alone ("mercredi", "on Tuesday") is the latest such day up to and
  including ``published``; with "dernier"/"last" strictly before it, with
  "prochain"/"next" strictly after it; when the nearest verb of the sentence
  is in the future ("se rendra vendredi", "will visit on Friday"), the first
  such day on or after ``published`` (see ``_future``);
- "la nuit de mardi à mercredi" is the night that starts on the first day: the
  date of "mardi" just before the date of "mercredi";
- "la semaine dernière"/"last week" is ``published`` minus 7 days (precision
  day: the model has no week precision); "next week" is plus 7 days;
- a month alone ("en mars") is the latest such month up to and including the
  publication month; with "dernier"/"last" strictly before it, with
  "prochain"/"next" strictly after it; in the future tense, the first such
  month from the publication month on;
- a day and month without a year take the publication year, unless that puts
  them more than 183 days after ``published`` (then the year before) or more
  than 275 days before it (then the year after); "dernier"/"prochain" force the
  latest date before / the first date after ``published``;
- "il y a deux jours"/"two days ago": days and weeks give a day, months a month,
  years a year;
- a clock time or part of a day with no day of its own ("à 18 h 30", "la
  nuit", "at 3 p.m.", "in the evening") is on the day its sentence names
  ("vers 15 h 30, hier"), else on the day the text last named (its temporal
  focus), else on ``published``;
- "le lendemain"/"the next day", "la veille"/"the day before", "le même
  jour"/"the same day" count from the day the text last named, else from
  ``published``.

Without a publication date, relative expressions keep their text with value and
precision None; absolute ones ("19 juin 2024", "en 2022") are still normalised.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol, cast

from ..lang import available, name_key
from ..lang import get as get_language
from ..models import DateRef, Precision
from ._gates import Alternatives, Gate, alternatives, fold, gate, within_lines

__all__ = ["find_dates", "date_languages"]

# How far from the publication date a day-month without a year may fall.
_FUTURE_LIMIT = timedelta(days=183)
_PAST_LIMIT = timedelta(days=275)
# A relation beside -1/0/+1: on or after the publication date (future tense).
_ON_OR_AFTER = 2
_CUE_WINDOW = 6  # words looked at on each side of a weekday or month
_BEFORE = 30  # characters looked at before a date for "depuis", "until"
_PERIOD_WORDS = ("SINCE", "SINCE_START", "UNTIL", "RANGE_OPEN", "RANGE_LINK")
_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?;:](?=\s)|\n")


class _Grammar(Protocol):
    """What a language module provides to the driver."""

    PATTERNS: tuple[tuple[str, re.Pattern[str]], ...]
    MONTHS: Mapping[str, int]
    WEEKDAYS: Mapping[str, int]
    NUMBERS: Mapping[str, int]
    RELATIONS: Mapping[str, int]
    UNITS: Mapping[str, str]
    DEICTICS: Mapping[str, int]
    ANCHORED: Mapping[str, int]
    YEAR_BLOCK_BEFORE: re.Pattern[str]
    YEAR_BLOCK_AFTER: re.Pattern[str]
    FUTURE_CUES: re.Pattern[str]
    PAST_CUES: re.Pattern[str]
    # Optional (see ``_periods``): SINCE, SINCE_START, UNTIL, RANGE_OPEN and
    # RANGE_LINK, a language without them marks no periods.


@dataclass(frozen=True)
class _Resolved:
    """A normalised value and its precision (both None without ``published``)."""

    value: str | None
    precision: Precision | None


def date_languages() -> tuple[str, ...]:
    """The language codes that have date expressions, sorted: every
    language of the registry."""
    return available()


def _grammar(language: str) -> _Grammar:
    """The date module of ``language``, from the language registry.

    Raises UnsupportedLanguage for an unknown language.
    """
    return cast(_Grammar, get_language(language).dates)


def find_dates(text: str, language: str, published: date | None) -> list[DateRef]:
    """Find the date expressions of ``text``, normalised against ``published``.

    Returns non-overlapping DateRefs sorted by start; where two expressions
    overlap the longer one wins. Raises UnsupportedLanguage for a language
    without date expressions.
    """
    grammar = _grammar(language)
    if published is not None:
        published = date(published.year, published.month, published.day)
    candidates: list[tuple[int, int, _Resolved]] = []
    kinds: dict[tuple[int, int], str] = {}
    folded = fold(text)
    lines: list[tuple[int, int, str]] | None = None
    for kind, scanned, within in _gated(grammar):
        if not scanned.needs.passes(folded):
            continue  # the words it needs are not in the text
        if within and lines is None:
            lines = _lines(text)
        for match in _scan(scanned, text, folded, lines if within else None):
            if kind == "year" and _blocked_year(grammar, text, match):
                continue
            resolved = _resolve(kind, match, grammar, published, text)
            if resolved is not None:
                candidates.append((match.start(), match.end(), resolved))
                kinds.setdefault((match.start(), match.end()), kind)
    # Longest first, then leftmost; the pattern order breaks remaining ties.
    candidates.sort(key=lambda c: (c[0] - c[1], c[0]))
    # Taken spans never overlap, so a new span only needs checking against
    # its neighbours in start order (linear-logarithmic on huge texts).
    taken: list[tuple[int, int, _Resolved]] = []
    starts: list[int] = []
    for start, end, resolved in candidates:
        i = bisect_right(starts, start)
        if i > 0 and taken[i - 1][1] > start:
            continue
        if i < len(taken) and taken[i][0] < end:
            continue
        starts.insert(i, start)
        taken.insert(i, (start, end, resolved))
    if published is not None:
        taken = _anchor(taken, kinds, grammar, text)
    found = [
        DateRef(
            text=text[start:end],
            value=resolved.value,
            precision=resolved.precision,
            start=start,
            end=end,
        )
        for start, end, resolved in taken
    ]
    return _periods(_bare_days(found, grammar, text), grammar, text)


# A day number alone, at the end of what comes before a date ("du 3 au" 5
# mai) or at the start of what follows one (May 3 "to 5").
_BARE_BEFORE = re.compile(r"(?<![\w,.])(?P<d>[0-3]?\d)(?:er|re|st|nd|rd|th)?")
_BARE_AFTER = re.compile(
    r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?![\w:,.]|[^\S\n]*(?:[ap]\.?m\b|h\b|%))"
)


def _bare_days(dates: list[DateRef], grammar: _Grammar, text: str) -> list[DateRef]:
    """Add the day numbers that share the month of a date beside them in a
    range: "du 3 au 5 mai", "from 3 to 5 May" (the first day bare),
    "between May 3 and 5", "May 3-5" (the second). ``_periods`` then links
    them. The bare day takes its neighbour's month, or the month before
    (after) it when it is greater (smaller): "du 28 au 2 mars"."""
    link = getattr(grammar, "RANGE_LINK", None)
    if link is None:
        return dates
    taken = [(d.start or 0, d.end or 0) for d in dates]
    added = []
    for ref in dates:
        order = _day_first(ref, grammar)
        if order is None:
            continue
        start, end = ref.start or 0, ref.end or 0
        if order:  # "5 mai": the bare day before it
            before = text[max(0, start - 12) : start]
            found = None
            for match in _BARE_BEFORE.finditer(before):
                if link.fullmatch(before, match.end()):
                    found = match
            if found is None:
                continue
            at = start - len(before) + found.start()
            span = (at, at + len(found.group("d")))
            day = _shifted_day(ref.value, int(found.group("d")), later=False)
        else:  # "May 3": the bare day after it
            linked = link.match(text, end)
            found = _BARE_AFTER.match(text, linked.end()) if linked else None
            if found is None or linked is None or linked.end() == end:
                continue
            span = (found.start(), found.start() + len(found.group("d")))
            day = _shifted_day(ref.value, int(found.group("d")), later=True)
        if day is None or any(s < span[1] and span[0] < e for s, e in taken):
            continue
        taken.append(span)
        added.append(
            DateRef(
                text=text[span[0] : span[1]],
                value=day.isoformat(),
                precision="day",
                start=span[0],
                end=span[1],
            )
        )
    return sorted([*dates, *added], key=lambda d: d.start or 0) if added else dates


def _day_first(ref: DateRef, grammar: _Grammar) -> bool | None:
    """Whether a dated day names its day before its month ("5 mai", "le 5
    mai") or after it ("May 3"); None when it is no day and month ("mardi",
    "à 18 h"), or has more after its day ("May 3, 2024")."""
    if ref.precision != "day" or ref.value is None:
        return None
    words = [m for m in _WORD.finditer(ref.text)]
    months = [m.start() for m in words if _key(m.group()) in grammar.MONTHS]
    digits = [m for m in words if m.group()[:1].isdigit()]
    if not months or not digits:
        return None
    if digits[0].start() < months[0]:
        return True
    last = digits[-1]
    if last is not words[-1] or len(digits) > 1:
        return None
    return False


def _shifted_day(value: str | None, day: int, later: bool) -> date | None:
    """The day ``day`` of the month of ``value``, or of the month after
    (``later``) or before it when that order needs it."""
    if value is None:
        return None
    named = date.fromisoformat(value)
    month = named.year * 12 + named.month - 1
    if later and day < named.day:
        month += 1
    elif not later and day > named.day:
        month -= 1
    return _valid(month // 12, month % 12 + 1, day)


@dataclass(frozen=True)
class _Scanned:
    """A pattern, its gate and its alternatives (None without)."""

    pattern: re.Pattern[str]
    needs: Gate
    parts: Alternatives | None

    def finditer(
        self, text: str, folded: str, start: int = 0, end: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        """The matches in ``text[start:end]`` (``folded`` as ``fold`` gives
        it), with only the alternatives it may hold."""
        pattern = self.pattern if self.parts is None else self.parts.for_text(folded)
        return iter(()) if pattern is None else pattern.finditer(text, start, end)


# Per tuple of patterns (a language's): each pattern with its gate. Keyed
# by identity, as hashing a compiled pattern hashes its whole program.
_Gated = tuple[tuple[str, _Scanned, bool], ...]
_GATED: dict[int, tuple[object, _Gated]] = {}


def _gated(grammar: _Grammar) -> _Gated:
    """The patterns of ``grammar``, each with what a text needs for it to
    match and its alternatives, and whether its matches stay within a line
    (derived once)."""
    patterns = grammar.PATTERNS
    cached = _GATED.get(id(patterns))
    if cached is None or cached[0] is not patterns:
        gated = tuple(
            (kind, _Scanned(p, gate(p), alternatives(p)), within_lines(p))
            for kind, p in patterns
        )
        cached = (patterns, gated)
        _GATED[id(patterns)] = cached
    return cached[1]


def _lines(text: str) -> list[tuple[int, int, str]]:
    """The start, end and folded text of each line of ``text`` (none for a
    text of one line)."""
    if "\n" not in text:
        return []
    found, start = [], 0
    for line in text.split("\n"):
        found.append((start, start + len(line), fold(line)))
        start += len(line) + 1
    return found


def _scan(
    scanned: _Scanned,
    text: str,
    folded: str,
    lines: list[tuple[int, int, str]] | None,
) -> Iterator[re.Match[str]]:
    """The matches of a pattern in ``text`` (``folded`` as ``fold`` gives
    it); with the ``lines`` of a pattern that stays within a line, only in
    the lines that pass its gate (of a long article's paragraphs, few name a
    clock time)."""
    if not lines:
        yield from scanned.finditer(text, folded)
        return
    for start, end, line in lines:
        if scanned.needs.passes(line):
            yield from scanned.finditer(text, line, start, end)


def _periods(dates: list[DateRef], grammar: _Grammar, text: str) -> list[DateRef]:
    """Mark the dates that open or close a period ("depuis 2019", "until
    Friday") and those that start a range up to the next ("du 3 au 5 mai",
    "between 2019 and 2021"): the second keeps its own reading. The words
    are the language module's SINCE, SINCE_START, UNTIL, RANGE_OPEN and
    RANGE_LINK; a module without them marks no periods."""
    words = [getattr(grammar, name, None) for name in _PERIOD_WORDS]
    if any(w is None for w in words):
        return dates
    since, since_start, until, range_open, range_link = cast(
        list[re.Pattern[str]], words
    )
    out = []
    for i, ref in enumerate(dates):
        start, end = ref.start or 0, ref.end or 0
        before = text[max(0, start - _BEFORE) : start]
        after = dates[i + 1] if i + 1 < len(dates) else None
        link = None
        if after is not None and after.value is not None:
            link = range_link.fullmatch(text, end, after.start or 0)
        opened = range_open.search(before)
        # "et"/"and" links a range only after "entre"/"between"
        between = opened is not None and opened.group("between") is not None
        if link is not None and (link.group("and") is None or between):
            assert after is not None
            ref = ref.model_copy(update={"relation": "range", "until": after.value})
        elif until.search(before):
            ref = ref.model_copy(update={"relation": "until"})
        elif since.search(before) or since_start.match(ref.text):
            ref = ref.model_copy(update={"relation": "since"})
        out.append(ref)
    return out


def _anchor(
    taken: list[tuple[int, int, _Resolved]],
    kinds: Mapping[tuple[int, int], str],
    grammar: _Grammar,
    text: str,
) -> list[tuple[int, int, _Resolved]]:
    """Put clock times and "le lendemain" on the day the text speaks of (the
    rules of the module docstring)."""
    anchored = []
    focus: date | None = None  # the day the text last named
    for number, (start, end, resolved) in enumerate(taken):
        kind = kinds.get((start, end), "")
        if kind == "clock":
            day = _sentence_day(taken, kinds, number, text) or focus
            if day is not None:
                resolved = _day(day)
        elif kind == "anchored" and focus is not None:
            word = _key(_DEICTIC_WORD.sub("", text[start:end]))
            offset = grammar.ANCHORED.get(word)
            if offset is None:
                offset = grammar.ANCHORED.get(_key(text[start:end]).split(" ")[0], 0)
            resolved = _day(focus + timedelta(days=offset))
        if resolved.precision == "day" and resolved.value:
            focus = date.fromisoformat(resolved.value)
        anchored.append((start, end, resolved))
    return anchored


# The part of the day after "le lendemain" ("le lendemain matin").
_DEICTIC_WORD = re.compile(
    r"\s+(?:matin|midi|soir|après-midi|en soirée|morning|afternoon|evening|night)$"
)


def _sentence_day(
    taken: list[tuple[int, int, _Resolved]],
    kinds: Mapping[tuple[int, int], str],
    number: int,
    text: str,
) -> date | None:
    """The day another date of the same sentence names, the nearest first."""
    start, end, _ = taken[number]
    low = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    after = _SENTENCE_END.search(text, end)
    high = after.start() if after else len(text)
    days = [
        (min(abs(s - end), abs(start - e)), value)
        for i, (s, e, r) in enumerate(taken)
        if i != number
        and low <= s
        and e <= high
        and kinds.get((s, e)) not in ("clock", "anchored")
        and r.precision == "day"
        and (value := r.value)
    ]
    return date.fromisoformat(min(days)[1]) if days else None


def _blocked_year(grammar: _Grammar, text: str, match: re.Match[str]) -> bool:
    """Whether a bare year is a quantity ("2000 soldats", "environ 2000")."""
    year_end = match.end("y")
    if grammar.YEAR_BLOCK_AFTER.match(text, year_end):
        return True
    before = text[max(0, match.start() - 30) : match.start()]
    return grammar.YEAR_BLOCK_BEFORE.search(before) is not None


def _key(word: str) -> str:
    """The lexicon key of a matched word: lower case, plain apostrophes and
    hyphens, single spaces, no final full stop."""
    return name_key(word).rstrip(".")


def _lookup(lexicon: Mapping[str, int], match: re.Match[str], group: str) -> int | None:
    """The number a lexicon gives to a group of ``match``, None if absent."""
    word = match.groupdict().get(group)
    if word is None:
        return None
    if word.isdigit():
        return int(word)
    return lexicon.get(_key(word))


def _future(grammar: _Grammar, text: str, match: re.Match[str]) -> bool:
    """Whether the verb nearest to a match, in its sentence, is in the future.

    Looks back, then ahead, at most ``_CUE_WINDOW`` words; the first word that
    is a future cue ("se rendra", "will") or a past cue ("a", "avait", "was",
    "said") decides. Without a cue the answer is no: news reports the past.

    A date that closes a period ("jusqu'à vendredi", "until Friday") is the
    exception: a period that lasts until a date named without a tense ("il
    est détenu jusqu'à vendredi", "the ban applies until Friday") runs from
    now on, so without a cue it is the coming day or month (as TimeML reads
    it); a past cue still puts it in the past ("the talks lasted until
    Monday").
    """
    start = match.start()
    until = getattr(grammar, "UNTIL", None)
    closes = until is not None and until.search(text[max(0, start - _BEFORE) : start])
    before = _SENTENCE_END.split(text[max(0, start - 200) : start])
    after = _SENTENCE_END.split(text[match.end() : match.end() + 200])
    words = _WORD.findall(before[-1])[::-1][:_CUE_WINDOW]
    words += _WORD.findall(after[0])[:_CUE_WINDOW]
    for word in words:
        word = word.lower() if word.isupper() else word  # headlines in capitals
        if grammar.FUTURE_CUES.fullmatch(word):
            return True
        if grammar.PAST_CUES.fullmatch(word):
            return False
    return bool(closes)


def _resolve(
    kind: str,
    match: re.Match[str],
    grammar: _Grammar,
    published: date | None,
    text: str,
) -> _Resolved | None:
    """Normalise one match; None rejects it (an impossible date)."""
    groups = match.groupdict()
    rel = _lookup(grammar.RELATIONS, match, "rel")
    if kind in ("weekday", "month") and not rel and published is not None:
        # A weekday or month with no "last"/"next" takes the tense of its verb.
        rel = _ON_OR_AFTER if _future(grammar, text, match) else rel
    if kind in ("numeric", "date", "month", "year"):
        return _resolve_calendar(kind, match, grammar, rel, published)
    if published is None:
        return _Resolved(None, None)
    if kind == "weekday":
        weekday = _lookup(grammar.WEEKDAYS, match, "wd")
        return None if weekday is None else _day(_weekday(weekday, rel, published))
    if kind == "night":
        first = _lookup(grammar.WEEKDAYS, match, "wd")
        second = _lookup(grammar.WEEKDAYS, match, "wd2")
        if first is None or second is None:
            return None
        end = _weekday(second, rel, published)
        return _day(end - timedelta(days=(end.weekday() - first) % 7 or 7))
    if kind == "clock":
        return _day(published)
    if kind == "anchored":
        word = _DEICTIC_WORD.sub("", _key(groups["deic"]))
        offset = grammar.ANCHORED.get(word, 0)
        return _day(published + timedelta(days=offset))
    if kind == "deictic":
        offset = grammar.DEICTICS.get(_key(groups["deic"]))
        return None if offset is None else _day(published + timedelta(days=offset))
    if kind in ("period", "ago"):
        unit = grammar.UNITS.get(_key(groups["unit"]))
        if unit is None:
            return None
        if kind == "period":
            return _shift(published, unit, rel if rel is not None else 0)
        count = _lookup(grammar.NUMBERS, match, "n")
        return None if not count else _shift(published, unit, -count)
    raise ValueError(f"Unknown date pattern kind {kind!r}")


def _resolve_calendar(
    kind: str,
    match: re.Match[str],
    grammar: _Grammar,
    rel: int | None,
    published: date | None,
) -> _Resolved | None:
    """Normalise numeric dates, day-month(-year), month(-year) and years."""
    groups = match.groupdict()
    year = int(groups["y"]) if groups.get("y") else None
    if kind == "year":
        return _Resolved(f"{year:04d}", "year")
    month = _lookup(grammar.MONTHS, match, "mon" if groups.get("mon") else "m")
    if month is None:
        return None
    if kind == "month":
        if year is None and published is not None:
            year = _month_year(month, rel, published)
        if year is None:
            return _Resolved(None, None)
        return _Resolved(f"{year:04d}-{month:02d}", "month")
    day = int(groups["d"])
    if kind == "numeric" and month > 12 and 1 <= day <= 12:
        day, month = month, day  # "06/19/2024" read day-first is impossible
    if year is not None:
        found = _valid(year, month, day)
        return None if found is None else _day(found)
    if published is None:
        return _Resolved(None, None) if _valid(2000, month, day) else None
    found = _day_month_date(month, day, rel, published)
    return None if found is None else _day(found)


def _day(value: date) -> _Resolved:
    """A resolved day."""
    return _Resolved(value.isoformat(), "day")


def _valid(year: int, month: int, day: int) -> date | None:
    """The date, or None when it does not exist (31 June, month 13)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _weekday(weekday: int, rel: int | None, published: date) -> date:
    """The date of a weekday (0 = Monday) relative to ``published``."""
    if rel == _ON_OR_AFTER:
        return published + timedelta(days=(weekday - published.weekday()) % 7)
    if rel is not None and rel > 0:
        return published + timedelta(days=(weekday - published.weekday()) % 7 or 7)
    back = (published.weekday() - weekday) % 7
    if rel is not None and rel < 0 and back == 0:
        back = 7
    return published - timedelta(days=back)


def _month_year(month: int, rel: int | None, published: date) -> int:
    """The year of a month named without one."""
    if rel is None:
        return published.year if month <= published.month else published.year - 1
    if rel < 0:
        return published.year if month < published.month else published.year - 1
    if rel == _ON_OR_AFTER:
        return published.year if month >= published.month else published.year + 1
    if rel > 0:
        return published.year if month > published.month else published.year + 1
    return published.year


def _day_month_date(
    month: int, day: int, rel: int | None, published: date
) -> date | None:
    """The date of a day and month named without a year."""
    options = [
        found
        for year in (published.year - 1, published.year, published.year + 1)
        if (found := _valid(year, month, day)) is not None
    ]
    if rel is not None and rel < 0:
        return max((d for d in options if d < published), default=None)
    if rel is not None and rel > 0:
        return min((d for d in options if d > published), default=None)
    same = _valid(published.year, month, day)
    if same is None:  # 29 February outside a leap year
        return None
    if same - published > _FUTURE_LIMIT:
        return _valid(published.year - 1, month, day)
    if published - same > _PAST_LIMIT:
        return _valid(published.year + 1, month, day)
    return same


def _shift(published: date, unit: str, count: int) -> _Resolved | None:
    """``published`` moved by ``count`` units, at the unit's precision."""
    if unit == "day":
        return _day(published + timedelta(days=count))
    if unit == "week":
        return _day(published + timedelta(days=7 * count))
    if unit == "month":
        index = published.year * 12 + published.month - 1 + count
        return _Resolved(f"{index // 12:04d}-{index % 12 + 1:02d}", "month")
    if unit == "year":
        return _Resolved(f"{published.year + count:04d}", "year")
    return None
