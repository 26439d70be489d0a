"""Text handling before spaCy: decoding bytes, normalising typography without
moving offsets, and splitting an article into paragraphs."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..errors import BinaryInput, EmptyInput, UndecodableInput
from ..lang import normalise

__all__ = ["Paragraph", "decode", "normalise", "paragraphs"]

_MAX_PARAGRAPH = 20_000  # characters; longer lines are cut at sentence ends


def decode(data: bytes, name: str = "<input>") -> str:
    """Decode the bytes of an article: UTF-8 (with or without BOM), UTF-16
    with a BOM, else Latin-1 / Windows-1252 when the bytes look like text.

    Raises EmptyInput, BinaryInput or UndecodableInput naming ``name``.
    """
    if not data.strip():
        raise EmptyInput(f"{name}: empty input, nothing to code")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise UndecodableInput(f"{name}: invalid UTF-16 text ({exc})") from exc
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    sample = data[:8192]
    if b"\x00" in sample:
        # UTF-16 without a BOM has a zero in every other byte of ASCII text.
        if sample[1::2].count(0) > len(sample) // 4:
            try:
                return data.decode("utf-16-le")
            except UnicodeDecodeError:
                pass
        raise BinaryInput(f"{name}: binary data, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace")
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > len(text[:8192]) // 100 or "\ufffd" in text:
        if "\ufffd" not in text:
            raise BinaryInput(f"{name}: binary data, not text")
        text = data.decode("latin-1")
    return text


def decode_lines(data: bytes) -> str:
    """Decode a table (CSV, JSON Lines) line by line: UTF-8 where a line is
    UTF-8, else Windows-1252, so that one Latin-1 row cannot corrupt the
    UTF-8 rows around it. A line in neither keeps U+FFFD in place of its
    bad bytes, which marks its record as undecodable."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    lines = []
    for line in data.splitlines(keepends=True):
        try:
            lines.append(line.decode("utf-8"))
            continue
        except UnicodeDecodeError:
            pass
        try:
            text = line.decode("cp1252")
        except UnicodeDecodeError:
            text = line.decode("utf-8", errors="replace")
        # Control characters: binary bytes, not text in any encoding.
        lines.append(
            "".join(
                "\ufffd" if ord(ch) < 32 and ch not in "\t\n\r\f" else ch for ch in text
            )
        )
    return "".join(lines)


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of an article and where it starts in the article."""

    start: int
    text: str


def paragraphs(text: str) -> Iterator[Paragraph]:
    """Split ``text`` on newlines into non-empty paragraphs with offsets.

    spaCy's French models otherwise merge a headline into the next paragraph.
    Very long lines are cut after a sentence end so that memory stays bounded.
    """
    position = 0
    for line in _joined_lines(text):
        start = position
        position += len(line) + 1
        for offset, piece in _cut(line):
            stripped = piece.strip()
            if stripped:
                lead = len(piece) - len(piece.lstrip())
                yield Paragraph(start + offset + lead, stripped)


def _joined_lines(text: str) -> list[str]:
    """The lines of ``text``, a line broken inside a sentence joined to its
    continuation (a newline read as a space: the offsets stay those of the
    text). Pages whose links were removed break sentences so: "French police
    detained more than\n200 people in Paris\nand fired tear gas"."""
    lines: list[str] = []
    for line in text.split("\n"):
        if lines and _continues(lines[-1], line):
            lines[-1] += " " + line
        else:
            lines.append(line)
    return lines


def _continues(line: str, following: str) -> bool:
    end, start = line.rstrip(), following.lstrip()
    if not end or not start or end[-1] in _SENTENCE_END:
        return False
    return start[0].islower() or start[0].isdigit()


_SENTENCE_END = frozenset(".!?:;…»\"”“'’)]|")


def _cut(line: str) -> Iterator[tuple[int, str]]:
    offset = 0
    while len(line) - offset > _MAX_PARAGRAPH:
        window = line[offset : offset + _MAX_PARAGRAPH]
        cut = max(window.rfind(". "), window.rfind("! "), window.rfind("? "))
        cut = cut + 2 if cut > _MAX_PARAGRAPH // 2 else len(window)
        yield offset, line[offset : offset + cut]
        offset += cut
    yield offset, line[offset:]
