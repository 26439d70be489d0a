"""The TSV reader of the data files (it lives in ``lang``, the lower layer)."""

from __future__ import annotations

from ..lang._tsv import read_tsv

__all__ = ["read_tsv"]
