"""Loaders of the per-language lexicons: event triggers and modality markers.

Both are TSV files users can extend without code; a bad entry raises
DataError with the file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import DataError
from ._tsv import read_tsv

# sym: the event goes both ways; notarget: no target needed; refl: needs a
# reflexive pronoun; embed: its object is the subject of the embedded event;
# frame: a threat, intent, demand, appeal or refusal whose complement is the
# intended action (CAMEO 13x/03x/10x/02x/12x, ``Event.intended_code``);
# predicate: the object column lists the evaluative words said of the object
# ("called the decision a disgrace": 111); speech: they are looked for in the
# said clause; warn: a warning of no one whose complement is a that-clause is
# a pessimistic comment (012), not a threat; claim: a that-clause without a
# word of obligation ("insist they are right") states, it demands nothing;
# modal: a speech entry's words are looked for only in the said clause's verb
# and auxiliaries ("said the government should act": an appeal).
FLAGS = frozenset(
    {
        "sym",
        "notarget",
        "refl",
        "embed",
        "frame",
        "predicate",
        "speech",
        "warn",
        "claim",
        "modal",
    }
)
STATUSES = frozenset({"reviewed", "derived"})
#: Word classes an entry may have: an adjective only frames an action.
POS = ("VERB", "NOUN", "ADJ")
_ID = re.compile(r"^[a-z0-9_.\-]+$")
_CODE = re.compile(r"^(0[1-9]|1[0-9]|20)[0-9]{0,2}$")
# asserted: a marker whose governed event did happen ("prompted X to
# condemn": X condemned), named for the object it hands the event to.
MODALITY_KINDS = frozenset(
    {"planned", "hypothetical", "negated", "alleged", "report", "future", "asserted"}
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
    # "reviewed" (checked by a person) or "derived" (converted or proposed by
    # a resource and not checked one by one); derived entries yield to
    # reviewed ones for the same word.
    status: str = "reviewed"

    @property
    def symmetric(self) -> bool:
        return "sym" in self.flags

    @property
    def needs_target(self) -> bool:
        return "notarget" not in self.flags and self.targets != ()


def load_words(path: Path) -> dict[str, tuple[str, ...]]:
    """Named word lists (``list``, ``word`` columns) that the object column
    of a trigger lexicon cites as ``@name``. Raises DataError naming file
    and line."""
    lists: dict[str, list[str]] = {}
    for _line, row in read_tsv(path, ("list", "word")):
        lists.setdefault(row["list"], []).append(row["word"].strip().lower())
    return {name: tuple(dict.fromkeys(words)) for name, words in lists.items()}


def folder_lists(folder: Path) -> dict[str, tuple[str, ...]]:
    """The word lists of a language folder (``words.tsv``), none if it has
    no such file."""
    words = folder / "words.tsv"
    return load_words(words) if words.exists() else {}


def object_words(
    cell: str, lists: dict[str, tuple[str, ...]], path: Path, line: int
) -> tuple[str, ...]:
    """The object words of a lexicon cell: ``|``-separated words and
    ``@name`` word lists."""
    words: list[str] = []
    for item in (o.strip().lower() for o in cell.split("|")):
        if item.startswith("@"):
            if item[1:] not in lists:
                raise DataError(path, line, f"unknown word list {item!r}")
            words.extend(lists[item[1:]])
        elif item:
            words.append(item)
    return tuple(dict.fromkeys(words))


def load_triggers(
    path: Path,
    seen: set[str] | None = None,
    extra: bool = False,
    lists: dict[str, tuple[str, ...]] | None = None,
) -> tuple[Trigger, ...]:
    """Read a trigger lexicon (see ``lang/README`` for its columns).

    ``seen`` holds ids already read from other files of the same lexicon;
    ``lists`` the word lists an object cell may cite (``@blame``). An
    ``extra`` file must say for each row whether it is ``reviewed`` or
    ``derived`` (column ``status``). Raises DataError naming file and line.
    """
    triggers: list[Trigger] = []
    seen = set() if seen is None else seen
    lists = lists or {}
    required: tuple[str, ...] = ("id", "lemma", "pos", "code", "target")
    if extra:
        required += ("status",)
    for line, row in read_tsv(path, required):
        status = row.get("status") or "reviewed"
        if status not in STATUSES:
            raise DataError(
                path, line, f"status must be reviewed or derived, not {status!r}"
            )
        if not _ID.match(row["id"]):
            raise DataError(path, line, f"bad id {row['id']!r}")
        if row["id"] in seen:
            raise DataError(path, line, f"duplicate id {row['id']!r}")
        seen.add(row["id"])
        if row["pos"] not in POS:
            raise DataError(
                path, line, f"pos must be VERB, NOUN or ADJ, not {row['pos']!r}"
            )
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
        if row["pos"] == "ADJ" and "frame" not in flags:
            # "prête à financer", "ready to work with": an adjective frames
            # an intended action; alone it is no event.
            raise DataError(path, line, "an ADJ entry must be a frame")
        triggers.append(
            Trigger(
                id=row["id"],
                lemma=row["lemma"].lower(),
                pos=row["pos"],
                code=row["code"],
                objects=object_words(row.get("object", ""), lists, path, line),
                targets=targets,
                flags=frozenset(flags),
                particle=particle,
                example=row.get("example", ""),
                status=status,
            )
        )
    return tuple(triggers)


def load_lexicon(folder: Path) -> tuple[Trigger, ...]:
    """The whole trigger lexicon of a language folder.

    ``triggers.tsv`` (reviewed, the project's own) comes first, then every
    ``triggers_*.tsv`` beside it in name order (larger lexicons: converted
    dictionaries, derived and reviewed families). An entry of a later file
    that an earlier one already has, or that a reviewed entry has, is left
    out: the same word with the same particle and no object, or the same
    support-verb object. Object cells may cite the word lists of
    ``words.tsv`` (``@blame``). Raises DataError naming file and line.
    """
    seen: set[str] = set()
    lists = folder_lists(folder)
    main = load_triggers(folder / "triggers.tsv", seen, lists=lists)
    extras = [
        t
        for path in sorted(folder.glob("triggers_*.tsv"))
        for t in load_triggers(path, seen, extra=True, lists=lists)
    ]
    # Reviewed entries of the extra files win over derived ones.
    extras.sort(key=lambda t: t.status != "reviewed")
    plain: set[tuple[str, str, str | None]] = set()
    objects: set[tuple[str, str, str | None, str]] = set()
    out: list[Trigger] = []
    for n, trigger in enumerate((*main, *extras)):
        ours = n < len(main)
        key = (trigger.lemma, trigger.pos, trigger.particle)
        if not trigger.objects:
            if ours or key not in plain:
                plain.add(key)
                out.append(trigger)
            continue
        fresh = tuple(o for o in trigger.objects if (*key, o) not in objects)
        objects.update((*key, o) for o in trigger.objects)
        if ours:
            out.append(trigger)
        elif fresh:
            out.append(replace(trigger, objects=fresh))
    return tuple(out)


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
