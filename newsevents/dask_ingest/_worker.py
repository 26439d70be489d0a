"""The worker side of the distributed ingest: the task that codes a
partition into its shard, and the plugin that loads the models once per
worker process, in a thread, so that neither registering it nor the
client waits for them."""

from __future__ import annotations

import atexit
import os
import sys
import threading
from typing import Any

from ..batch import code_chunk
from ..ingest.files import RawItem
from ..models import Failure
from ..store.rows import ArticleRows
from ..store.shards import shard_exists, write_shard

__all__ = ["Warm", "code_partition", "start_warming"]


def code_partition(
    items: list[RawItem], language: str | None, target: str, chunk_size: int = 16
) -> tuple[str, int]:
    """Code a partition and write its shard (unless a run before wrote it);
    return the shard and its number of rows. Runs on a worker. The
    partition is coded in chunks of ``chunk_size`` as the local ingest
    codes them, so that rows come out in the same order."""
    if not shard_exists(target):
        _wait_warm()
        rows: list[ArticleRows | Failure] = []
        for start in range(0, len(items), max(1, chunk_size)):
            rows.extend(code_chunk(items[start : start + chunk_size], language))
        write_shard(target, rows)
    return target, len(items)


# The worker process's warm-up thread (one per process; see Warm).
_warming: threading.Thread | None = None
_warming_lock = threading.Lock()
_warm_error: list[BaseException] = []


def _warm(language: str | None) -> None:
    try:
        _load(language)
    except BaseException as exc:  # raised again by the tasks: _wait_warm
        _warm_error.append(exc)


def _load(language: str | None) -> None:
    """Load the knowledge base, the gazetteer and the pipeline of
    ``language``: what coding loads first. With no ``--lang`` the first
    article of each language loads its pipeline, as in the local ingest
    (loading every language on every worker costs CPU the coding needs)."""
    from ..kb.base import default_kb
    from ..kb.gazetteer import Gazetteer
    from ..nlp.pipeline import load_pipeline

    default_kb()
    Gazetteer.load()
    if language:
        load_pipeline(language)


def start_warming(language: str | None) -> None:
    """Start loading the models in this process in a thread, once."""
    global _warming
    with _warming_lock:
        if _warming is None:
            _warming = threading.Thread(
                target=_warm, args=(language,), name="newsevents-warm", daemon=True
            )
            _warming.start()


def _wait_warm() -> None:
    """Wait for the warm-up (a task must not load a model the thread is
    loading: twice the time and memory); raise what it raised."""
    if _warming is not None:
        _warming.join()
    if _warm_error:
        raise _warm_error[0]


class Warm:
    """A Dask worker plugin: start loading the models once per worker, in a
    thread, so that registering the plugin does not wait for them. With
    ``fast_exit`` (the workers of our own LocalCluster), a worker that
    closes cleanly ends its process without freeing the models object by
    object, which takes a second or more per process."""

    name = "newsevents-warm"

    def __init__(self, language: str | None, fast_exit: bool = False) -> None:
        self.language = language
        self.fast_exit = fast_exit

    def setup(self, worker: Any) -> None:
        start_warming(self.language)

    def teardown(self, worker: Any) -> None:
        # Teardown runs only when the worker closes (not when it crashes);
        # by the exit the nanny's queues are flushed and joined.
        if self.fast_exit:
            atexit.register(_exit_at_once)


def _exit_at_once() -> None:
    # Registered last, so run first among the exit handlers: nothing the
    # worker needs is left to do, only the interpreter's teardown.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)
