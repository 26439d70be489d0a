"""Publication dates as feeds, pages and tables write them."""

from __future__ import annotations

import re
from datetime import date
from email.utils import parsedate_to_datetime
from pathlib import PurePath

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_SLASHED = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})")
_URL_DATE = re.compile(r"/(20\d{2}|19\d{2})/(\d{2})/(\d{2})/")


def parse_date(value: str | None) -> date | None:
    """An ISO date or timestamp, an RFC 822 date (``Thu, 20 May 2021 05:14
    +0200``) or a day-first ``DD/MM/YYYY``; None when it is none of them."""
    if not value or not value.strip():
        return None
    value = value.strip()
    match = _ISO.search(value[:32])
    if match:
        return _safe(*(int(part) for part in match.groups()))
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        pass
    match = _SLASHED.match(value)
    if match:
        day, month, year = (int(part) for part in match.groups())
        return _safe(year, month, day)
    return None


def date_from_url(url: str | None) -> date | None:
    """The date in a news URL such as ``…/2018/11/17/slug``."""
    if not url:
        return None
    match = _URL_DATE.search(url)
    return _safe(*(int(part) for part in match.groups())) if match else None


_DATED_NAME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def date_from_name(name: str) -> date | None:
    """A file named "2024-06-19-summit.txt" was published on 2024-06-19."""
    match = _DATED_NAME.match(PurePath(name).name)
    if match is None:
        return None
    return _safe(*(int(part) for part in match.groups()))


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
