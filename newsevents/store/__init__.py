"""The event database (DuckDB), the only place that runs SQL: its schema
and migrations (``schema``), models to rows and back (``rows``), the single
writer and the clusters of reports it keeps (``writer``, ``clusters``), and
the query layer the API, the CLI and the exports share (``queries``,
``views``, ``exports``, ``records``, ``geo``).

Modules are imported on demand: ``from newsevents.store.schema import
connect``."""

from __future__ import annotations

__all__ = [
    "clusters",
    "exports",
    "geo",
    "queries",
    "records",
    "rows",
    "schema",
    "views",
    "writer",
]
