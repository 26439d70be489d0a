"""Read PETRARCH and TABARI verb dictionaries as they are, so that a user's
existing dictionaries code events in newsevents next to its own lexicon.

The format, as PETRARCH (0.x and 2) and TABARI write it:

- ``<!-- ... -->`` comments, ``#`` to the end of a line, blank lines.
- Synsets: ``&NAME`` on a line, then its phrases on ``+PHRASE`` lines (words
  joined by ``_`` or spaces; a phrase may use another synset).
- Verb blocks: ``--- NAME [CODE] ---``, then the verbs of the block, one a
  line, with their irregular forms in braces (``BREAK {BROKE BROKEN}``) and
  optionally a code of their own (``DISTRESS [012]``); a compound verb marks
  its verb word with ``+`` (``+BREAK_DOWN``, ``WIRE_+TAP``). Then patterns:
  ``- WORDS * WORDS [CODE]`` where ``*`` is the verb, ``_`` joins adjacent
  words, ``&NAME`` is a synset, ``$``/``+``/``%`` mark the source, the target
  and a compound actor and ``^`` skips a phrase (PETRARCH 2 adds
  ``(PREP ...)`` and ``{NOUN PHRASE}`` groups, read here as plain words).
- ``[---]`` codes nothing: such a verb codes only through its patterns. A
  code ``A:B`` is read as ``A``.

Words of a pattern that do not end in ``_`` match a word that starts with
them, as in TABARI ("SANCTION" matches "sanctions"), when four letters or
longer; shorter words and words ending in ``_`` match whole words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DataError

__all__ = ["Chunk", "VerbDictionary", "VerbEntry", "VerbPattern", "load_verbs"]

#: One word of a pattern: alternatives, each a sequence of words (a synset
#: of several phrases gives several).
Element = tuple[tuple[str, ...], ...]
#: Elements that must follow each other without a gap ("IN_*").
Chunk = tuple[Element, ...]

_HEADER = re.compile(r"^---\s*(.+?)\s*\[([^\]]*)\]\s*---\s*$")
_CODE = re.compile(r"\[([^\]]*)\]\s*$")
_MARKS = frozenset({"$", "+", "%", "^"})


@dataclass(frozen=True)
class VerbPattern:
    """``- BEFORE * AFTER [CODE]``: chunks before the verb (nearest last) and
    after it (nearest first); ``joined_*`` says whether the chunk next to the
    verb touches it (``IN_*``, ``*_OUT``)."""

    before: tuple[Chunk, ...]
    after: tuple[Chunk, ...]
    code: str
    line: int
    joined_before: bool = False
    joined_after: bool = False

    @property
    def size(self) -> int:
        """How many words the pattern asks for (longer patterns win)."""
        return sum(len(chunk) for chunk in (*self.before, *self.after))


@dataclass(frozen=True)
class VerbEntry:
    """One verb of a block: its word, the words a compound verb needs next to
    it, its default code and the block's patterns."""

    block: str
    word: str
    code: str | None
    patterns: tuple[VerbPattern, ...]
    line: int
    prefix: tuple[str, ...] = ()
    suffix: tuple[str, ...] = ()


@dataclass(frozen=True)
class VerbDictionary:
    """A verb dictionary: entries by verb form (upper case)."""

    path: str
    entries: dict[str, tuple[VerbEntry, ...]] = field(default_factory=dict)

    def lookup(self, *forms: str) -> tuple[VerbEntry, ...]:
        """The entries of the first of ``forms`` (upper case) that has any."""
        for form in forms:
            found = self.entries.get(form)
            if found:
                return found
        return ()

    def __len__(self) -> int:
        return len({id(e) for entries in self.entries.values() for e in entries})


def _clean(raw: str, in_comment: bool) -> tuple[str, bool]:
    """A line without its comments, and whether a ``<!--`` stays open."""
    line = raw
    out = ""
    while line:
        if in_comment:
            end = line.find("-->")
            if end < 0:
                return out, True
            line, in_comment = line[end + 3 :], False
            continue
        start = line.find("<!--")
        if start < 0:
            out += line
            break
        out += line[:start]
        line, in_comment = line[start + 4 :], True
    return _uncomment(out).rstrip(), in_comment


def _uncomment(line: str) -> str:
    """The line before its ``#`` comment; a ``#`` inside ``[...]`` is a code."""
    depth = 0
    for at, char in enumerate(line):
        if char == "[":
            depth += 1
        elif char == "]":
            depth = max(0, depth - 1)
        elif char == "#" and depth == 0:
            return line[:at]
    return line


def _code(text: str) -> str | None:
    """``[CODE]`` as a code string; None for ``---`` (no default code)."""
    code = text.strip().split(":")[0].strip()
    if not code or set(code) <= {"-"}:
        return None
    return code


#: A verb block as read: name, code, line, verb lines, pattern lines.
_RawBlock = tuple[
    str, str | None, int, list[tuple[int, str]], list[tuple[int, str, str]]
]


class _Reader:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.synsets: dict[str, list[str]] = {}
        self.blocks: list[_RawBlock] = []

    def read(self) -> None:
        in_comment = False
        synset: str | None = None
        block: _RawBlock | None = None
        try:
            text = self.path.read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            raise DataError(
                self.path, 0, f"cannot read verb dictionary: {exc}"
            ) from exc
        for number, raw in enumerate(text.splitlines(), start=1):
            line, in_comment = _clean(raw, in_comment)
            stripped = line.strip()
            if not stripped:
                synset = None
                continue
            if stripped.startswith("~~") or stripped.startswith("#"):
                continue
            header = _HEADER.match(stripped)
            if header:
                synset = None
                block = (
                    header.group(1).strip(),
                    _code(header.group(2)),
                    number,
                    [],
                    [],
                )
                self.blocks.append(block)
                continue
            if stripped.startswith("&") and " " not in stripped.rstrip():
                synset = stripped[1:].rstrip("_")
                self.synsets[synset] = []
                block = None
                continue
            if synset is not None and stripped.startswith("+"):
                self.synsets[synset].append(stripped[1:].strip())
                continue
            if block is None:
                continue
            if stripped.startswith("-"):
                code = _CODE.search(stripped)
                if code is None:
                    raise DataError(self.path, number, "pattern without [CODE]")
                block[4].append(
                    (number, stripped[1 : code.start()].strip(), code.group(1))
                )
            else:
                block[3].append((number, stripped))

    def element(self, word: str, depth: int = 0) -> Element:
        """The alternatives of one pattern word (a synset gives several)."""
        if word.startswith("&"):
            name = word[1:].rstrip("_")
            if name not in self.synsets or depth > 4:
                return ((word,),)
            out: list[tuple[str, ...]] = []
            for phrase in self.synsets[name]:
                words = tuple(w for w in re.split(r"[\s_]+", phrase) if w)
                if len(words) == 1 and words[0].startswith("&"):
                    out.extend(self.element(words[0], depth + 1))
                elif words:
                    out.append(tuple(w.upper() for w in words))
            return tuple(out) or ((word,),)
        return ((word.upper(),),)

    def chunks(self, text: str) -> tuple[Chunk, ...]:
        out: list[Chunk] = []
        for group in text.split():
            words = [w for w in group.split("_") if w and w not in _MARKS]
            words = [w.strip("(){}") for w in words]
            words = [w for w in words if w and w not in _MARKS]
            if words:
                out.append(tuple(self.element(w) for w in words))
        return tuple(out)

    def pattern(self, number: int, body: str, code: str) -> VerbPattern | None:
        value = _code(code)
        if value is None:
            return None
        body = body.replace("(", " ").replace(")", " ").replace("{", " ")
        body = body.replace("}", " ")
        if "*" not in body:
            raise DataError(self.path, number, "pattern without the verb '*'")
        before, after = body.split("*", 1)
        return VerbPattern(
            before=self.chunks(before),
            after=self.chunks(after),
            code=value,
            line=number,
            joined_before=before.endswith("_"),
            joined_after=after.startswith("_"),
        )


def _forms(text: str) -> tuple[str, list[str], str | None]:
    """``VERB {FORMS} [CODE]`` as (verb, forms, code)."""
    code = None
    found = _CODE.search(text)
    if found:
        code = found.group(1)
        text = text[: found.start()]
    forms: list[str] = []
    if "{" in text:
        text, _, rest = text.partition("{")
        forms = rest.replace("}", " ").split()
    return text.strip(), forms, code


def _compound(word: str) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """``WIRE_+TAP`` as (TAP, (WIRE,), ()); ``+BREAK_DOWN`` as (BREAK, (), (DOWN,))."""
    parts = [p for p in word.split("_") if p]
    head = next((i for i, p in enumerate(parts) if p.startswith("+")), 0)
    clean = [p.lstrip("+") for p in parts]
    return clean[head], tuple(clean[:head]), tuple(clean[head + 1 :])


def load_verbs(path: Path) -> VerbDictionary:
    """Read a PETRARCH or TABARI verb dictionary.

    Raises DataError naming the file and line of a pattern it cannot read.
    """
    reader = _Reader(path)
    reader.read()
    entries: dict[str, list[VerbEntry]] = {}
    for name, code, _line, verbs, raw_patterns in reader.blocks:
        patterns = [reader.pattern(*p) for p in raw_patterns]
        ordered = tuple(
            sorted((p for p in patterns if p is not None), key=lambda p: -p.size)
        )
        for number, text in verbs:
            verb, forms, own = _forms(text)
            if not verb:
                continue
            word, prefix, suffix = _compound(verb.upper())
            entry = VerbEntry(
                block=name.rstrip("_"),
                word=word.rstrip("_"),
                code=_code(own) if own is not None else code,
                patterns=ordered,
                line=number,
                prefix=prefix,
                suffix=suffix,
            )
            keys = {entry.word} | {_compound(f.upper())[0].rstrip("_") for f in forms}
            for key in keys:
                entries.setdefault(key, []).append(entry)
    # A compound verb ("BREAK_DOWN") is tried before the plain verb.
    return VerbDictionary(
        path=str(path),
        entries={
            k: tuple(sorted(v, key=lambda e: -(len(e.prefix) + len(e.suffix))))
            for k, v in entries.items()
        },
    )
