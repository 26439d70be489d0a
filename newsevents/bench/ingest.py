"""Ingest benchmark: articles/s of a full ingest (reading, coding on P
processes, writing to DuckDB) next to bare spaCy ``nlp.pipe(n_process=P)``
on the same texts in the same run; or, with ``dask``, next to the same
ingest on a Dask cluster (``local:P`` measures the cluster's overhead on
one machine). Prints figures; not a test."""

from __future__ import annotations

import resource
import tempfile
import time
from collections import Counter
from pathlib import Path

from ..batch import IngestOptions, ingest
from ..ingest.files import RawItem, read_inputs
from ..nlp.pipeline import load_bare
from ..store.schema import connect
from ._cpu import TreeCpu


def bench_ingest(
    corpus: Path,
    processes: int = 2,
    n: int = 0,
    db: str | None = None,
    dask: str | None = None,
) -> dict[str, object]:
    """Figures of one ingest of ``corpus`` (its first ``n`` inputs when n > 0)
    and of bare spaCy on the same texts, or of the same ingest on the Dask
    cluster ``dask``."""
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
        start, cpu = time.perf_counter(), _cpu()
        with TreeCpu() as roles:
            summary = ingest(
                conn, inputs, IngestOptions(processes=processes, progress=False)
            )
        ours, cpu = time.perf_counter() - start, _cpu() - cpu
        counts = _counts(conn)
        conn.close()
        if dask:
            local = (summary.coded, ours, cpu)
            result = _with_dask(inputs, dask, Path(tmp), local, counts)
            return {**result, "processes_cpu_by_role": _roles(roles, "pool")}
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


def _cpu() -> float:
    """CPU seconds of this process and of its children that have ended
    (the worker processes of a pool or of a LocalCluster): on a shared
    machine, steadier than the wall clock."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _with_dask(
    inputs: list[str],
    address: str,
    tmp: Path,
    local: tuple[int, float, float],
    counts: Counter[str],
) -> dict[str, object]:
    """The same ingest on a Dask cluster, next to the local one's figures
    (``local``: articles coded, seconds, CPU seconds)."""
    coded, seconds, local_cpu = local
    from ..dask_ingest import DaskOptions, ingest_dask

    lines: list[str] = []
    conn = connect(str(tmp / "dask.duckdb"))
    # Partitions of the local ingest's chunk size: the same work per task.
    where = DaskOptions(
        address, str(tmp / "shards"), partition_size=16, log=lines.append
    )
    start, cpu = time.perf_counter(), _cpu()
    with TreeCpu() as roles:
        summary = ingest_dask(conn, inputs, IngestOptions(progress=False), where)
    took, cpu = time.perf_counter() - start, _cpu() - cpu
    same = _counts(conn) == counts
    conn.close()
    local_rate = coded / seconds
    dask_rate = summary.coded / took
    return {
        "coded": coded,
        "events": counts["events"],
        "clusters": counts["clusters"],
        "processes_seconds": round(seconds, 1),
        "processes_articles_per_s": round(local_rate, 2),
        "processes_cpu_s": round(local_cpu, 1),
        "dask": address,
        "dask_coded": summary.coded,
        "dask_seconds": round(took, 1),
        "dask_articles_per_s": round(dask_rate, 2),
        "dask_cpu_s": round(cpu, 1),
        "ratio_dask_vs_processes": round(dask_rate / local_rate, 3),
        "same_counts": same,
        "dask_phases_s": {k: round(v, 1) for k, v in where.timings.items()},
        "dask_cpu_by_role": _roles(roles, "dask"),
        "dashboard": lines[0].split(": ", 1)[-1] if lines else "",
    }


def _roles(cpu: TreeCpu, kind: str) -> dict[str, object]:
    """CPU seconds by role (sampled, so a little under the totals): the
    client's main thread reads the inputs and loads the results; its other
    threads are the pool's feeders or the LocalCluster's scheduler, nannies
    and client (one event loop); a Dask worker codes in a thread beside its
    event loop (its main thread)."""
    report = cpu.report()
    roles: dict[str, object] = {
        "client_main_thread": report["main_thread"],
        "client_other_threads": report["other_threads"],
        "workers": report["children"],
    }
    if kind == "dask":
        roles["workers_event_loop"] = report["children_main_thread"]
    return roles


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
