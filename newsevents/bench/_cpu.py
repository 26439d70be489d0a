"""CPU seconds of a benchmark's processes, role by role: this process's
main thread (the client: it reads the inputs and loads the results into the
store), its other threads (a LocalCluster's scheduler, nannies and client
share one event loop thread here; a process pool's feeder threads), and
each child process (the workers), with a child's main thread apart (a Dask
worker's event loop; a pool worker codes there). Sampled in a thread, so a
child that has ended counts up to its last sample."""

from __future__ import annotations

import threading
from types import TracebackType

import psutil

__all__ = ["TreeCpu"]


def _seconds(times: object) -> float:
    return float(times.user + times.system)  # type: ignore[attr-defined]


class TreeCpu:
    """Samples this process's threads and its children every ``interval``
    seconds between ``with`` and its end; ``report`` gives the CPU seconds
    spent meanwhile."""

    def __init__(self, interval: float = 0.5) -> None:
        self.interval = interval
        self._me = psutil.Process()
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._run, name="newsevents-cpu", daemon=True
        )
        self._start: dict[int, float] = {}
        self._threads: dict[int, float] = {}
        # child pid -> (its CPU seconds, its main thread's)
        self._children: dict[int, tuple[float, float]] = {}
        self._own_ids: set[int] = set()

    def __enter__(self) -> TreeCpu:
        self._start = self._own_threads()
        self._thread.start()
        self._own_ids.add(self._thread.native_id or 0)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()

    def _own_threads(self) -> dict[int, float]:
        return {t.id: t.user_time + t.system_time for t in self._me.threads()}

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self._sample()

    def _sample(self) -> None:
        # Threads that end (a cluster's event loop) keep their last sample.
        self._threads.update(self._own_threads())
        for child in self._me.children(recursive=True):
            try:
                with child.oneshot():
                    total = _seconds(child.cpu_times())
                    main = next(
                        (t.user_time + t.system_time for t in child.threads()
                         if t.id == child.pid),
                        0.0,
                    )  # fmt: skip
            except psutil.Error:  # ended between listing and reading
                continue
            self._children[child.pid] = (total, main)

    def report(self) -> dict[str, object]:
        """CPU seconds: ``main_thread``, ``other_threads`` (of this process,
        but the sampler's), ``children`` (each child's total, largest
        first) and ``children_main_thread`` (in the same order)."""
        main_id = threading.main_thread().native_id
        main = other = 0.0
        for tid, seconds in self._threads.items():
            spent = seconds - self._start.get(tid, 0.0)
            if tid == main_id:
                main += spent
            elif tid not in self._own_ids:
                other += spent
        children = sorted(self._children.values(), reverse=True)
        return {
            "main_thread": round(main, 1),
            "other_threads": round(other, 1),
            "children": [round(total, 1) for total, _ in children if total >= 0.05],
            "children_main_thread": [
                round(loop, 1) for total, loop in children if total >= 0.05
            ],
        }
