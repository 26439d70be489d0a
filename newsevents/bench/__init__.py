"""Measuring instruments, not tests: the coder against bare spaCy
(``coder``), a full ingest (``ingest``), the store's queries on a generated
database (``store``) and the HTTP API under load (``api``, also
``python -m newsevents.bench.api``). Each prints figures."""

from __future__ import annotations

__all__ = ["api", "coder", "ingest", "store"]
