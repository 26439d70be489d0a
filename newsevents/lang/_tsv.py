"""Read the TSV data files of newsevents, naming file and line of a bad entry."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..errors import DataError


def read_tsv(
    path: Path, required: tuple[str, ...]
) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield ``(line number, row)`` for each data row of a TSV file.

    The first non-comment line is the header. Lines starting with ``#`` and
    blank lines are skipped. Raises DataError naming the file and line when a
    row has the wrong number of fields or a required field is empty.
    """
    header: list[str] | None = None
    with open(path, encoding="utf-8") as handle:
        for number, raw in enumerate(handle, start=1):
            line = raw.rstrip("\n").rstrip("\r")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            fields = line.split("\t")
            if header is None:
                header = [name.strip() for name in fields]
                missing = [name for name in required if name not in header]
                if missing:
                    raise DataError(path, number, f"header lacks {missing}")
                continue
            if len(fields) > len(header):
                raise DataError(
                    path,
                    number,
                    f"{len(fields)} fields, header has {len(header)}",
                )
            fields += [""] * (len(header) - len(fields))
            row = {
                name: value.strip() for name, value in zip(header, fields, strict=True)
            }
            empty = [name for name in required if not row[name]]
            if empty:
                raise DataError(path, number, f"empty required field(s) {empty}")
            yield number, row
