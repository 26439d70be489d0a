"""Dates of the KB data files: YYYY, YYYY-MM or YYYY-MM-DD, widened to the period."""

from __future__ import annotations

import calendar
import re
from datetime import date
from pathlib import Path

from ..errors import DataError

_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def parse_date(path: Path, line: int, text: str, *, last: bool) -> date:
    """Parse YYYY, YYYY-MM or YYYY-MM-DD; a partial date widens to its first
    day, or its last one when ``last`` (an end date).

    Raises DataError naming the file and line of a malformed or impossible date.
    """
    match = _DATE.match(text)
    if match is None:
        raise DataError(
            path, line, f"bad date {text!r}; use YYYY-MM-DD, YYYY-MM or YYYY"
        )
    year, month, day = match.groups()
    try:
        y = int(year)
        if month is None:
            return date(y, 12, 31) if last else date(y, 1, 1)
        m = int(month)
        if day is None:
            return date(y, m, calendar.monthrange(y, m)[1] if last else 1)
        return date(y, m, int(day))
    except ValueError as exc:
        raise DataError(path, line, f"bad date {text!r}: {exc}") from exc
