"""Ingest benchmark: articles/s of a full ingest (reading, coding on P
processes, writing to DuckDB) next to bare spaCy ``nlp.pipe(n_process=P)``
on the same texts in the same run. Prints figures; not a test."""

from __future__ import annotations

import tempfile
import time
from collections import Counter
from pathlib import Path

from ..batch import IngestOptions, ingest
from ..ingest.files import RawItem, read_inputs
from ..nlp.pipeline import load_bare
from ..store.schema import connect


def bench_ingest(
    corpus: Path, processes: int = 2, n: int = 0, db: str | None = None
) -> dict[str, object]:
    """Figures of one ingest of ``corpus`` (its first ``n`` inputs when n > 0)
    and of bare spaCy on the same texts."""
    items = [i for i in read_inputs([str(corpus)]) if isinstance(i, RawItem)]
    if n:
        items = items[:n]
    # Bare spaCy parses each distinct text once, as the ingest codes it once.
    texts = list(dict.fromkeys(i.text for i in items if i.text.strip()))
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "corpus.jsonl"
        if n:
            import json

            with source.open("w", encoding="utf-8") as handle:
                for item in items:
                    record = {"text": item.text, "title": item.title, "url": item.url}
                    handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            inputs = [str(source)]
        else:
            inputs = [str(corpus)]
        path = db or str(Path(tmp) / "bench.duckdb")
        conn = connect(path)
        start = time.perf_counter()
        summary = ingest(
            conn, inputs, IngestOptions(processes=processes, progress=False)
        )
        ours = time.perf_counter() - start
        counts = _counts(conn)
        conn.close()
    bare = load_bare("fr")
    start = time.perf_counter()
    for _doc in bare.pipe(texts, n_process=processes, batch_size=64):
        pass
    baseline = time.perf_counter() - start
    return {
        "inputs": len(items),
        "coded": summary.coded,
        "duplicates": summary.duplicates,
        "failed": summary.failed,
        "failures_by_reason": dict(summary.failures),
        "events": counts["events"],
        "clusters": counts["clusters"],
        "multi_article_clusters": counts["multi"],
        "ingest_seconds": round(ours, 1),
        "ingest_articles_per_s": round(summary.coded / ours, 2),
        "spacy_seconds": round(baseline, 1),
        "spacy_articles_per_s": round(len(texts) / baseline, 2),
        "ratio": round((summary.coded / ours) / (len(texts) / baseline), 3),
        "processes": processes,
    }


def _counts(conn: object) -> Counter[str]:
    out: Counter[str] = Counter()
    for name, sql in (
        ("events", "SELECT count(*) FROM events"),
        ("clusters", "SELECT count(*) FROM clusters"),
        ("multi", "SELECT count(*) FROM clusters WHERE num_articles > 1"),
    ):
        row = conn.execute(sql).fetchone()  # type: ignore[attr-defined]
        out[name] = int(row[0]) if row else 0
    return out
