"""Peer evaluation suites: third-party test sets read and scored the way
their authors (or the field) score them, one module per suite.

Each module has a pure reader, a pure scorer returning a frozen dataclass
with ``to_json()``, and a ``run_*`` function that codes the inputs. The data
lives outside the repository (``../shared`` by default); nothing here is
needed to code articles.
"""

from __future__ import annotations

from ._common import DEFAULT_PATHS, FORMATS, input_paths

__all__ = ["DEFAULT_PATHS", "FORMATS", "input_paths"]
