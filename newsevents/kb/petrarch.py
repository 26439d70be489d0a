"""Read PETRARCH (and TABARI) actor and agent dictionaries, so that users of
PETRARCH can bring their own.

The format, as PETRARCH reads it:

- ``<!-- ... -->`` comments, on one line or over several; lines starting with
  ``#``; anything after ``#`` on a line; blank lines.
- Actors: ``NAME_WITH_UNDERSCORES [CODE]``; synonyms of the last actor on lines
  starting with ``+``; codes on lines of their own (``[CODE]``), possibly with a
  date restriction: ``[CODE <DATE]``, ``[CODE >DATE]``, ``[CODE DATE-DATE]``,
  dates as ``YYYYMMDD`` or ``YYMMDD`` (``YY`` up to 30 is 20YY).
- Agents: ``PHRASE {PLURAL} [~CODE]``. Without braces a regular plural is
  made; ``{}`` means no plural. ``!MARKER! = A, B`` defines a substitution set
  used as ``CONGRESS!MARKER!``, giving one phrase per item and no plural. The
  ``~`` before (or, for organisations, after) the code is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from ..errors import DataError
from ..models import Actor
from .agents import ROLE_CODES, normalise_phrase
from .organisations import DatedCode, NamedActor

__all__ = ["load_petrarch_actors", "load_petrarch_agents"]

# First-position CAMEO codes that are not countries but may lead a code.
_TRANSNATIONAL = frozenset({"IGO", "NGO", "NGM", "IMG", "MNC", "UNO"})
# CAMEO region codes: a three-letter actor code among them names a group.
_REGIONS = frozenset(
    "AFR ASA BLK CAU CAS CFR CRB EAF EEU EUR LAM MDT MEA NAF NMR PGS SAF SAM SAS "
    "SCN SEA WAF WST".split()
)
_CODE = re.compile(r"[A-Z0-9+\-]+(?:/[A-Z0-9+\-]+)*")
_MARKER_DEF = re.compile(r"\s*!([^!\s]+)!\s*=\s*(.*)")
_MARKER_USE = re.compile(r"!([^!\s]+)!")


@dataclass
class _Block:
    """One actor entry being read: its names and codes, with line numbers."""

    line: int
    names: list[str] = field(default_factory=list)
    codes: list[tuple[int, str, DatedCode | None]] = field(default_factory=list)


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    """Yield ``(line number, text)`` for each line that holds more than comments."""
    in_comment = False
    with open(path, encoding="utf-8") as handle:
        for number, raw in enumerate(handle, start=1):
            line = raw.rstrip("\r\n")
            if in_comment:
                end = line.find("-->")
                if end < 0:
                    continue
                in_comment = False
                line = line[end + 3 :]
            while "<!" in line:
                start = line.index("<!")
                end = line.find("-->", start)
                if end < 0:
                    in_comment = True
                    line = line[:start]
                    break
                line = line[:start] + line[end + 3 :]
            line = line.split("#", 1)[0]
            if line.strip():
                yield number, line


def _name(text: str, path: Path, line: int) -> str:
    name = " ".join(text.replace("_", " ").split())
    if not name:
        raise DataError(path, line, "empty actor name")
    return name


def _parse_date(text: str, path: Path, line: int) -> date:
    if not text.isdigit() or len(text) not in (6, 8):
        raise DataError(path, line, f"bad date {text!r}: want YYYYMMDD or YYMMDD")
    if len(text) == 8:
        year = int(text[:4])
    else:
        year = int(text[:2])
        year += 2000 if year <= 30 else 1900
    try:
        return date(year, int(text[-4:-2]), int(text[-2:]))
    except ValueError as exc:
        raise DataError(path, line, f"bad date {text!r}: {exc}") from exc


def _parse_code(spec: str, path: Path, line: int) -> tuple[str, DatedCode | None]:
    """Parse the inside of ``[...]``: a code and an optional date restriction."""
    parts = spec.split()
    if not parts:
        raise DataError(path, line, "empty code []")
    code = parts[0].upper()
    if not _CODE.fullmatch(code):
        raise DataError(path, line, f"bad actor code {parts[0]!r}")
    period = "".join(parts[1:])
    if not period:
        return code, None
    if period[0] == "<":
        end = _parse_date(period[1:], path, line) - timedelta(days=1)
        return code, DatedCode(code, end=end)
    if period[0] == ">":
        start = _parse_date(period[1:], path, line) + timedelta(days=1)
        return code, DatedCode(code, start=start)
    if period.count("-") == 1:
        first, last = period.split("-")
        start, end = _parse_date(first, path, line), _parse_date(last, path, line)
        if end < start:
            raise DataError(path, line, f"date range {period!r} ends before it starts")
        return code, DatedCode(code, start=start, end=end)
    raise DataError(
        path, line, f"bad date restriction {period!r}: want <DATE, >DATE or DATE-DATE"
    )


def _bracket(text: str, path: Path, line: int) -> tuple[str, str]:
    """Split ``before [inside] after`` into before and inside; nothing may follow."""
    before, _, rest = text.partition("[")
    inside, closed, after = rest.partition("]")
    if not closed:
        raise DataError(path, line, f"missing ']' in {text.strip()!r}")
    if after.strip():
        raise DataError(path, line, f"unexpected text after ']': {after.strip()!r}")
    return before, inside


def _actor_fields(code: str) -> tuple[str | None, tuple[str, ...], str]:
    """Country, roles and mention kind of a PETRARCH actor code."""
    first = code.split("/")[0]
    if not first.isalnum():  # PETRARCH's null codes such as ---
        return None, (), "organisation"
    if len(first) == 3:
        if first in _REGIONS:
            return first, (), "group"
        if first in _TRANSNATIONAL:
            return first, (), "organisation"
        return first, (), "country"
    head = first[:3]
    if head in ROLE_CODES and head not in _TRANSNATIONAL:
        country, rest = None, first
    else:
        country, rest = head, first[3:]
    roles = tuple(rest[i : i + 3] for i in range(0, len(rest), 3))
    return country, roles, "organisation"


def _finish(block: _Block, path: Path, lang: str) -> NamedActor:
    if not block.codes:
        raise DataError(path, block.line, f"actor {block.names[0]!r} has no [code]")
    undated = [code for _, code, dated in block.codes if dated is None]
    dated = tuple(dated for _, _, dated in block.codes if dated is not None)
    if undated:
        default = undated[0]
    else:
        # No unrestricted code: use the one that holds latest (open end first).
        latest = max(dated, key=lambda d: (d.end is None, d.end or date.min))
        default = latest.code
    main = default.split("/")[0]
    country, roles, kind = _actor_fields(default)
    actor = Actor(code=main, country=country, roles=roles, name=block.names[0])
    names = tuple(dict.fromkeys(block.names))
    return NamedActor(actor=actor, kind=kind, names={lang: names}, dated=dated)


def load_petrarch_actors(path: Path, lang: str = "en") -> tuple[NamedActor, ...]:
    """Load a PETRARCH ``.actors`` dictionary.

    Names keep the dictionary's case, with underscores turned into spaces (a
    trailing underscore, which in TABARI stops prefix matching, is dropped), and
    are filed under ``lang``. ``actor.code`` is the first code without a date
    restriction (or the latest dated one); dated codes go to ``dated``; for a
    joint code ``A/B`` the first code is kept. Raises DataError naming the file
    and line for a code or synonym before any actor, an actor without a code, a
    malformed code, bracket or date.
    """
    actors: list[NamedActor] = []
    block: _Block | None = None
    for number, line in _lines(path):
        text = line.strip()
        if text[0] in "[+":
            if block is None:
                raise DataError(path, number, f"{text!r} comes before any actor name")
            if text[0] == "+":
                before, inside = (
                    _bracket(text[1:], path, number) if "[" in text else (text[1:], "")
                )
                block.names.append(_name(before, path, number))
            else:
                _, inside = _bracket(text, path, number)
            if "[" in text:
                code, dated = _parse_code(inside, path, number)
                block.codes.append((number, code, dated))
            continue
        if block is not None:
            actors.append(_finish(block, path, lang))
        block = _Block(line=number)
        before, inside = _bracket(text, path, number) if "[" in text else (text, "")
        block.names.append(_name(before, path, number))
        if "[" in text:
            code, dated = _parse_code(inside, path, number)
            block.codes.append((number, code, dated))
    if block is not None:
        actors.append(_finish(block, path, lang))
    return tuple(actors)


def _plural(phrase: str) -> str:
    # PETRARCH's regular plurals, except that a vowel before a final Y keeps it
    # (ATTORNEY -> ATTORNEYS, not ATTORNIES).
    upper = phrase.upper()
    if upper.endswith("Y") and len(upper) > 1 and upper[-2] not in "AEIOU":
        return phrase[:-1] + "IES"
    if upper.endswith("S"):
        return phrase + "ES"
    return phrase + "S"


def _agent_roles(spec: str, path: Path, line: int) -> tuple[str, ...]:
    code = spec.strip().upper()
    bare = code.strip("~")
    if not bare or "~" in bare or not bare.isalnum():
        raise DataError(path, line, f"bad agent code {spec.strip()!r}: want ~CODE")
    return tuple(bare[i : i + 3] for i in range(0, len(bare), 3))


def load_petrarch_agents(path: Path) -> dict[str, tuple[str, ...]]:
    """Load a PETRARCH ``.agents`` dictionary: phrase (and plurals) -> roles.

    Phrases are lower-cased with underscores turned into spaces; role codes are
    the 3-letter chunks of the code without its ``~``. A later entry for the
    same phrase replaces an earlier one, as in PETRARCH. Raises DataError naming
    the file and line for a line without ``[code]``, a bad code, an unclosed
    ``{``, a malformed or undefined ``!MARKER!``.
    """
    markers: dict[str, list[str]] = {}
    agents: dict[str, tuple[str, ...]] = {}
    for number, line in _lines(path):
        definition = _MARKER_DEF.fullmatch(line.strip())
        if definition:
            items = [item.strip() for item in definition.group(2).split(",")]
            if not all(items):
                raise DataError(path, number, f"empty item in marker {line.strip()!r}")
            markers[definition.group(1)] = items
            continue
        if "[" not in line:
            raise DataError(path, number, f"agent {line.strip()!r} has no [code]")
        before, inside = _bracket(line, path, number)
        roles = _agent_roles(inside, path, number)
        for phrase in _agent_phrases(before.strip(), markers, path, number):
            agents[normalise_phrase(phrase.replace("_", " "))] = roles
    return agents


def _agent_phrases(
    spec: str, markers: dict[str, list[str]], path: Path, line: int
) -> list[str]:
    if not spec:
        raise DataError(path, line, "empty agent phrase")
    if "!" in spec:
        use = _MARKER_USE.search(spec)
        if use is None:
            raise DataError(path, line, f"bad substitution marker in {spec!r}")
        if use.group(1) not in markers:
            raise DataError(path, line, f"undefined marker !{use.group(1)}!")
        head, tail = spec[: use.start()], spec[use.end() :]
        return [head + item + tail for item in markers[use.group(1)]]
    if "{" in spec:
        phrase, _, rest = spec.partition("{")
        plural, closed, after = rest.partition("}")
        if not closed:
            raise DataError(path, line, f"missing '}}' in {spec!r}")
        if after.strip():
            raise DataError(path, line, f"unexpected text after '}}': {after!r}")
        phrase = phrase.strip()
        return [phrase, plural.strip()] if plural.strip() else [phrase]
    return [spec, _plural(spec)]
