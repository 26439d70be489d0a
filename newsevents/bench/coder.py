"""Throughput benchmark: newsevents against bare spaCy on the same texts in
the same run. Prints figures; it is a measuring instrument, not a test."""

from __future__ import annotations

import multiprocessing
import resource
import statistics
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from ..ingest.corpora import CorpusText, read_corpus
from ..models import Article
from ..nlp.pipeline import load_bare, load_pipeline

DEFAULT_CORPORA = {
    "fr": Path("../shared/data/corpora/fr/depeches-2008.txt"),
    "en": Path("../shared/data/corpora/en/bbc-2005"),
}


@dataclass(frozen=True)
class BenchResult:
    """Figures of one benchmark run."""

    lang: str
    articles: int
    words: int
    seconds: float
    baseline_seconds: float
    words_per_s: float
    baseline_words_per_s: float
    ratio: float
    articles_per_s: float
    events: int
    peak_rss_mb: float
    # The same ratio in CPU time of this process (one process only): steadier
    # than the wall clock on a machine shared with other work.
    cpu_ratio: float | None = None

    def to_json(self) -> dict[str, object]:
        return asdict(self)


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _count_events(articles: list[Article]) -> int:
    from ..service import code_articles

    return sum(len(c.events) for c in code_articles(articles))


# The first round of each side is cold (caches of the models and the
# knowledge base fill on texts not seen yet: about twice as slow) and is
# the slowest of its side: with 3 rounds the median is the slower of the two
# warm rounds, so one disturbed round of either side sets the ratio; with 5
# it is the second slowest of four warm rounds.
ROUNDS = 5


def bench(
    lang: str,
    texts: Sequence[CorpusText],
    batch_size: int = 64,
    rounds: int = ROUNDS,
    processes: int = 1,
) -> BenchResult:
    """Code ``texts`` with newsevents and parse them with bare spaCy, each
    on ``processes`` processes (forked after the models are loaded, for both
    sides: spaCy's ``n_process`` and a pool of coders), in ``rounds``
    alternating rounds (see ``ROUNDS``)."""
    from ..service import code_articles

    articles = [
        Article.from_text(t.text, lang, published=t.published, title=t.title)
        for t in texts
    ]
    words = sum(len(t.text.split()) for t in texts)
    bare = load_bare(lang)
    load_pipeline(lang)
    # Warm both up (model caches, knowledge base, gazetteer) before timing.
    list(code_articles(articles[:2]))
    list(bare.pipe([t.text for t in texts[:2]]))
    # Alternating rounds; each side's median round counts, so neither pays
    # alone for caches the other filled or for a noisy neighbour.
    baselines: list[float] = []
    timings: list[float] = []
    cpu_baselines: list[float] = []
    cpu_timings: list[float] = []
    events = 0
    for _ in range(rounds):
        start, cpu = time.perf_counter(), time.process_time()
        pipe = bare.pipe(
            (t.text for t in texts), batch_size=batch_size, n_process=processes
        )
        for _doc in pipe:
            pass
        baselines.append(time.perf_counter() - start)
        cpu_baselines.append(time.process_time() - cpu)
        start, cpu = time.perf_counter(), time.process_time()
        if processes > 1:
            size = max(1, len(articles) // (processes * 4))
            chunks = [articles[i : i + size] for i in range(0, len(articles), size)]
            with multiprocessing.get_context("fork").Pool(processes) as pool:
                events = sum(pool.map(_count_events, chunks))
        else:
            coded = code_articles(articles, batch_size=batch_size)
            events = sum(len(c.events) for c in coded)
        timings.append(time.perf_counter() - start)
        cpu_timings.append(time.process_time() - cpu)
    baseline, ours = statistics.median(baselines), statistics.median(timings)
    cpu_ratio = statistics.median(cpu_baselines) / statistics.median(cpu_timings)
    return BenchResult(
        lang=lang,
        articles=len(texts),
        words=words,
        seconds=round(ours, 2),
        baseline_seconds=round(baseline, 2),
        words_per_s=round(words / ours, 1),
        baseline_words_per_s=round(words / baseline, 1),
        ratio=round(baseline / ours, 3),
        articles_per_s=round(len(texts) / ours, 2),
        events=events,
        peak_rss_mb=round(_peak_rss_mb(), 1),
        cpu_ratio=round(cpu_ratio, 3) if processes == 1 else None,
    )


def load_texts(path: Path, n: int) -> list[CorpusText]:
    """The first ``n`` texts of a corpus."""
    texts: list[CorpusText] = []
    for text in read_corpus(path):
        texts.append(text)
        if len(texts) >= n:
            break
    return texts
