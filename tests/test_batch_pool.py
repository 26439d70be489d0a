"""The batch runner's worker pool when a worker dies (issue 13, item 3):
the chunks it held are coded again, a chunk that kills its worker twice
becomes failure rows, and the ingest never hangs."""

from __future__ import annotations

import os
import time

import pytest

from newsevents.batch import IngestOptions, _code
from newsevents.ingest.files import RawItem
from newsevents.models import Failure

pytestmark = pytest.mark.issue


def _stand_in(args: tuple[list[RawItem], str | None]) -> list[Failure]:
    """Codes nothing: one row per item, killing its own worker on a poison
    item as the OOM killer would."""
    items, _ = args
    if any("POISON" in item.text for item in items):
        os.kill(os.getpid(), 9)
    time.sleep(0.05)
    return [
        Failure(file=i.file, item=i.item, reason="empty", message=f"done {i.text}")
        for i in items
    ]


def test_issue_13_dead_worker_chunk_fails_the_rest_go_on() -> None:
    texts = ["a", "b", "POISON", "c", "d", "e", "f"]
    chunks = [[RawItem(file=f"{t}.txt", item=None, text=t)] for t in texts]
    options = IngestOptions(processes=2, progress=False)
    started = time.monotonic()
    results = list(_code(chunks, options, work=_stand_in))
    assert time.monotonic() - started < 120
    assert [r[0].message for r in results] == [
        "done a",
        "done b",
        "POISON.txt: the worker process coding it died (killed, or out of "
        "memory) twice; run ingest again to retry",
        "done c",
        "done d",
        "done e",
        "done f",
    ]
    assert [r[0].reason for r in results].count("worker_died") == 1
