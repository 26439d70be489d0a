"""Loaders of the per-language lexicons: event triggers and modality markers.

Both are TSV files users can extend without code; a bad entry raises
DataError with the file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import DataError
from ._tsv import read_tsv

FLAGS = frozenset({"sym", "notarget", "refl", "embed"})
_ID = re.compile(r"^[a-z0-9_.\-]+$")
_CODE = re.compile(r"^(0[1-9]|1[0-9]|20)[0-9]{0,2}$")
MODALITY_KINDS = frozenset(
    {"planned", "hypothetical", "negated", "alleged", "report", "future"}
)


@dataclass(frozen=True)
class Trigger:
    """One lexicon entry: a word that signals a CAMEO event."""

    id: str
    lemma: str
    pos: str
    code: str
    objects: tuple[str, ...]
    targets: tuple[str, ...]
    flags: frozenset[str]
    particle: str | None
    example: str

    @property
    def symmetric(self) -> bool:
        return "sym" in self.flags

    @property
    def needs_target(self) -> bool:
        return "notarget" not in self.flags and self.targets != ()


def load_triggers(path: Path) -> tuple[Trigger, ...]:
    """Read a trigger lexicon (see ``lang/README`` for its columns)."""
    triggers: list[Trigger] = []
    seen: set[str] = set()
    required = ("id", "lemma", "pos", "code", "target")
    for line, row in read_tsv(path, required):
        if not _ID.match(row["id"]):
            raise DataError(path, line, f"bad id {row['id']!r}")
        if row["id"] in seen:
            raise DataError(path, line, f"duplicate id {row['id']!r}")
        seen.add(row["id"])
        if row["pos"] not in ("VERB", "NOUN"):
            raise DataError(path, line, f"pos must be VERB or NOUN, not {row['pos']!r}")
        if not _CODE.match(row["code"]):
            raise DataError(path, line, f"bad CAMEO code {row['code']!r}")
        flags: set[str] = set()
        particle = None
        for flag in filter(None, (f.strip() for f in row.get("flags", "").split(","))):
            if flag.startswith("prt:"):
                particle = flag[4:]
            elif flag in FLAGS:
                flags.add(flag)
            else:
                raise DataError(path, line, f"unknown flag {flag!r}")
        target = row["target"]
        targets = (
            ()
            if target == "-"
            else tuple(t.strip() for t in target.split(",") if t.strip())
        )
        if not targets:
            flags.add("notarget")
        triggers.append(
            Trigger(
                id=row["id"],
                lemma=row["lemma"].lower(),
                pos=row["pos"],
                code=row["code"],
                objects=tuple(
                    o.strip().lower()
                    for o in row.get("object", "").split("|")
                    if o.strip()
                ),
                targets=targets,
                flags=frozenset(flags),
                particle=particle,
                example=row.get("example", ""),
            )
        )
    return tuple(triggers)


@dataclass(frozen=True)
class Marker:
    """A word that changes the modality of the event it governs, or reports it.

    ``control`` says whose subject the governed event has: ``subj`` (prévoir
    de: the planner acts), ``obj`` (soupçonner X de: X acts) or ``-``.
    """

    lemma: str
    pos: str
    kind: str
    control: str


def load_markers(path: Path) -> dict[tuple[str, str], Marker]:
    """Read a modality lexicon: (lemma, pos) -> Marker."""
    markers: dict[tuple[str, str], Marker] = {}
    for line, row in read_tsv(path, ("lemma", "pos", "kind", "control")):
        if row["kind"] not in MODALITY_KINDS:
            raise DataError(path, line, f"unknown modality kind {row['kind']!r}")
        if row["control"] not in ("subj", "obj", "-"):
            raise DataError(path, line, "control must be subj, obj or -")
        marker = Marker(row["lemma"].lower(), row["pos"], row["kind"], row["control"])
        markers[(marker.lemma, marker.pos)] = marker
    return markers
