"""The TSV reader of the data files (it lives in ``lang``, the lower layer),
and the checks the knowledge base's files share."""

from __future__ import annotations

from pathlib import Path

from ..errors import DataError
from ..lang import available
from ..lang._tsv import read_tsv

__all__ = ["check_lang", "read_tsv"]


def check_lang(path: Path, number: int, lang: str) -> None:
    """Raise DataError naming the file and line for a language newsevents
    does not have."""
    if lang not in available():
        raise DataError(
            path, number, f"bad lang {lang!r}: want one of {', '.join(available())}"
        )
