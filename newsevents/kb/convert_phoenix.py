"""Convert PETRARCH2's Phoenix actor dictionaries into newsevents' own data files.

    python -m newsevents.kb.convert_phoenix [--source DIR] [--out DIR]

reads ``Phoenix.Countries.actors.txt``, ``Phoenix.International.actors.txt``
and ``Phoenix.MilNonState.actors.txt`` (MIT, Open Event Data Alliance; by
default from ``../shared/data/peers/petrarch2`` beside the repository) and
writes ``phoenix_people.tsv`` (the columns of ``people.tsv`` plus ``source``)
and ``phoenix_organisations.tsv`` (the columns of ``organisations.tsv`` plus
``source``) into ``newsevents/kb/data``. It runs at build time only; the
product reads its output, never the dictionaries.

The conversion, entry by entry (an entry is a name, its ``+`` synonyms and its
``[CODE]`` lines):

- Country entries (bare three-letter codes, with their cities as synonyms) are
  left out: ``countries.py`` has our own country names.
- An entry with at least one dated code, or an ``ELI`` (elite) code, is a
  person. Each dated code becomes a term of office (position ``other``; roles
  are the three-letter chunks after the country, e.g. ``FRAGOVMIL`` gives GOV,
  MIL). Undated codes of a person are dropped: a person out of office is their
  country. Open-ended terms (``>DATE``) end on 2014-01-30, the date of the
  dictionaries' source (CountryInfo.140130), since we cannot tell who stayed in
  office after it; later terms belong in the reviewed ``people.tsv``.
- Any other entry is an organisation with its first undated code (or a joint
  code's first part): country = the code's first three letters, roles = the
  CAMEO role chunks of the rest.
- People whose every term ended before 1990 are left out.
- Names keep only forms of two words or more (single words such as
  ``+HOLLANDE`` or ``+KABUL`` match too much text), in title case, filed as
  English names.
- Entries whose code or date does not parse are skipped and counted.

Our hand-written ``people.tsv`` and ``organisations.tsv`` stay the reviewed
layer: the knowledge base adds a converted name only when no reviewed entry
has it (see ``base.py``).
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..errors import DataError
from .agents import ROLE_CODES
from .petrarch import _bracket, _lines, _name, _parse_code

__all__ = ["FILES", "convert", "main"]

FILES = (
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
)
SOURCE_DATE = date(2014, 1, 30)
HISTORY_END = "1990-01-01"
_DATA = Path(__file__).resolve().parent / "data"
_DEFAULT_SOURCE = (
    Path(__file__).resolve().parents[2].parent
    / "shared"
    / "data"
    / "peers"
    / "petrarch2"
)
_COUNTRY = re.compile(r"[A-Z]{3}")
_IGO_ORGS = {"UNO": "UN", "NAT": "NATO", "EEC": "EU", "EUR": "EU"}
_TITLES = {
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "dr",
    "dr.",
    "st",
    "st.",
    "sr",
    "jr",
}
_SMALL = {"of", "the", "and", "for", "de", "du", "des", "la", "le", "al", "el", "bin"}

PEOPLE_HEADER = (
    "wikidata",
    "name",
    "country",
    "roles",
    "org",
    "position",
    "start",
    "end",
    "aliases_fr",
    "aliases_en",
    "source",
)
ORGS_HEADER = (
    "code",
    "country",
    "roles",
    "org",
    "kind",
    "names_fr",
    "names_en",
    "wikidata",
    "source",
)


@dataclass
class _Entry:
    file: str
    line: int
    names: list[str] = field(default_factory=list)
    codes: list[tuple[str, date | None, date | None, bool]] = field(
        default_factory=list
    )


def _entries(path: Path, stats: Counter[str]) -> Iterator[_Entry]:
    """The entries of a Phoenix actors file; malformed lines are counted."""
    entry: _Entry | None = None
    for number, line in _lines(path):
        text = line.strip()
        try:
            if text[0] in "[+" and entry is not None:
                if text[0] == "+":
                    before, inside = (
                        _bracket(text[1:], path, number)
                        if "[" in text
                        else (text[1:], "")
                    )
                    entry.names.append(_name(before, path, number))
                else:
                    inside = text
                _add_codes(entry, inside if text[0] == "+" else text, path, number)
                continue
            if text[0] in "[+":
                stats["skipped: code or synonym before any name"] += 1
                continue
            if entry is not None:
                yield entry
            entry = _Entry(file=path.name, line=number)
            before = text.split("[", 1)[0]
            entry.names.append(_name(before, path, number))
            _add_codes(entry, text[len(before) :], path, number)
        except DataError:
            stats["skipped: malformed line"] += 1
    if entry is not None:
        yield entry


def _add_codes(entry: _Entry, text: str, path: Path, number: int) -> None:
    # A line may hold several codes: "[USAGOV 010120-050120] [IGOUNOKID >050501]".
    for inside in re.findall(r"\[([^\]]*)\]", text):
        code, dated = _parse_code(inside, path, number)
        code = code.split("/")[0]
        if dated is None:
            entry.codes.append((code, None, None, False))
        else:
            entry.codes.append((code, dated.start, dated.end, dated.end is None))


def _title(name: str) -> str:
    """Title case for an upper-case Phoenix name: "U.S.", "PLA" and "UN"
    (no vowel) stay in capitals, particles ("of", "al", "bin") go lower case."""
    words = []
    for index, word in enumerate(name.split()):
        lower = word.lower()
        if lower in _TITLES:
            words.append(lower.capitalize())
        elif "." in word or (len(word) <= 3 and not set(lower) & set("aeiouy")):
            words.append(word.upper())
        elif index and lower in _SMALL:
            words.append(lower)
        else:
            parts = lower.split("-")
            words.append("-".join(part[:1].upper() + part[1:] for part in parts))
    return " ".join(words)


def _split_code(code: str) -> tuple[str, tuple[str, ...]]:
    """Country and CAMEO roles of a code: FRAGOVMIL -> (FRA, (GOV, MIL))."""
    chunks = [code[i : i + 3] for i in range(3, len(code), 3)]
    return code[:3], tuple(c for c in chunks if c in ROLE_CODES)


def _names(entry: _Entry) -> list[str]:
    names = [_title(n) for n in entry.names]
    return list(dict.fromkeys(n for n in names if len(n.split()) > 1))


def _person_rows(entry: _Entry, stats: Counter[str]) -> list[tuple[str, ...]]:
    names = _names(entry)
    if not names:
        stats["skipped: person without a name of two words"] += 1
        return []
    rows = []
    for code, start, end, open_end in entry.codes:
        if start is None and not open_end:
            continue  # undated: the person out of office, i.e. the country
        country, roles = _split_code(code)
        org = ""
        if country == "IGO":
            # people.tsv knows the officials of the UN, NATO and the EU only.
            org = _IGO_ORGS.get(code[3:6], "")
            roles = tuple(r for r in _split_code(code[3:])[1] if r != "IGO")
            if not org:
                stats["dropped: term in another IGO than the UN, NATO, EU"] += 1
                continue
        elif not _COUNTRY.fullmatch(country) or not roles:
            stats["dropped: term without country or role"] += 1
            continue
        if open_end:
            if start is not None and start > SOURCE_DATE:
                continue
            end = SOURCE_DATE
            stats["open-ended terms closed at the source date"] += 1
        first = start or date(1900, 1, 1)
        if end is not None and end < first:
            stats["dropped: term ending before it starts"] += 1
            continue
        rows.append(
            (
                "",
                names[0],
                country,
                ",".join(roles),
                org,
                "other",
                first.isoformat(),
                end.isoformat() if end else "",
                "",
                "|".join(names[1:]),
                f"{entry.file}:{entry.line}",
            )
        )
    if not rows:
        stats["skipped: person without a dated role"] += 1
    elif all(row[7] and row[7] < HISTORY_END for row in rows):
        # Out of office since before 1990: rarely in the news we code, and
        # their short names ("Kim Il", a premier of the 1970s) shadow longer
        # ones ("place Kim Il Sung").
        stats["skipped: person whose every term ended before 1990"] += 1
        return []
    return rows


def _org_row(entry: _Entry, stats: Counter[str]) -> tuple[str, ...] | None:
    names = _names(entry)
    undated = [code for code, start, _, open_end in entry.codes if start is None]
    code = (undated or [entry.codes[0][0]])[0]
    country, roles = _split_code(code)
    if not code.isalnum() or not _COUNTRY.fullmatch(country):
        stats["skipped: organisation without a country code"] += 1
        return None
    if not names:
        stats["skipped: organisation without a name of two words"] += 1
        return None
    return (
        code,
        country,
        "|".join(roles),
        "",
        "organisation",
        "",
        "|".join(names),
        "",
        f"{entry.file}:{entry.line}",
    )


def convert(source: Path, out: Path) -> Counter[str]:
    """Convert the three Phoenix files of ``source`` into ``out``; return counts.

    Raises FileNotFoundError naming a missing dictionary.
    """
    stats: Counter[str] = Counter()
    people: list[tuple[str, ...]] = []
    orgs: list[tuple[str, ...]] = []
    for name in FILES:
        path = source / name
        if not path.is_file():
            raise FileNotFoundError(f"Phoenix dictionary not found: {path}")
        for entry in _entries(path, stats):
            stats["entries"] += 1
            if not entry.codes:
                stats["skipped: entry without a code"] += 1
                continue
            if all(len(code) == 3 for code, *_ in entry.codes):
                stats["skipped: country entry"] += 1
                continue
            is_person = any(
                start is not None or open_end for _, start, _, open_end in entry.codes
            ) or any("ELI" in _split_code(code)[1] for code, *_ in entry.codes)
            if is_person:
                rows = _person_rows(entry, stats)
                if rows:
                    stats["people"] += 1
                    stats["terms"] += len(rows)
                people.extend(rows)
            else:
                row = _org_row(entry, stats)
                if row is not None:
                    stats["organisations"] += 1
                    orgs.append(row)
    _write(out / "phoenix_people.tsv", PEOPLE_HEADER, people, _PEOPLE_NOTE, stats)
    _write(out / "phoenix_organisations.tsv", ORGS_HEADER, orgs, _ORGS_NOTE, stats)
    return stats


_NOTICE = """\
# CONVERTED, NOT REVIEWED. Generated by `python -m newsevents.kb.convert_phoenix`
# from PETRARCH2's Phoenix dictionaries (Phoenix.Countries.actors.txt,
# Phoenix.International.actors.txt, Phoenix.MilNonState.actors.txt;
# openeventdata/petrarch2 @676801c), Copyright (c) 2014 Open Event Data
# Alliance, MIT License (full text in NOTICE at the repository root).
# Do not edit by hand: correct people.tsv / organisations.tsv, which win over
# this file on every name they share, or change the converter and rerun it.
# source = dictionary file and line of the entry.
"""
_PEOPLE_NOTE = (
    _NOTICE
    + """\
# Columns as people.tsv. Every term has position "other"; dated ELI (elite)
# codes are kept as role ELI; undated codes are dropped (a person out of
# office is their country); open-ended terms end on 2014-01-30, the date of
# the source (CountryInfo.140130). People out of office since before 1990 are
# left out.
"""
)
_ORGS_NOTE = (
    _NOTICE
    + """\
# Columns as organisations.tsv. code is Phoenix's (first part of a joint
# code); roles are its CAMEO role chunks; names are English only.
"""
)


def _write(
    path: Path,
    header: tuple[str, ...],
    rows: list[tuple[str, ...]],
    note: str,
    stats: Counter[str],
) -> None:
    lines = [note.rstrip("\n"), "\t".join(header)]
    lines += ["\t".join(row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Run the conversion from the command line and print what it did."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=_DEFAULT_SOURCE)
    parser.add_argument("--out", type=Path, default=_DATA)
    args = parser.parse_args(argv)
    stats = convert(args.source, args.out)
    for name, count in sorted(stats.items()):
        print(f"{count:7d}  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
