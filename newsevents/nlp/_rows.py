"""Rows of token attribute arrays as dictionary keys, for the pipeline
components that remember what they do to each row (``_lemmas``,
``_rulers``)."""

from __future__ import annotations

import numpy

__all__ = ["row_keys"]


def row_keys(array: numpy.ndarray) -> list[bytes]:
    """Each row of a token array as the bytes of its values (fixed width:
    trailing zero bytes kept)."""
    width = array.shape[1] * array.itemsize
    return array.view(f"V{width}").ravel().tolist()
