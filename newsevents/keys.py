"""How two reports of an event are matched, shared by the merge of one
article's events (``extract.merge``) and the clusters across articles
(``store.clusters``): the rank of a date's precision and whether two event
dates can be the same day. Pure; depends on the models alone."""

from __future__ import annotations

from datetime import date, timedelta

from .models import DateRef

__all__ = ["PRECISION_RANK", "dates_compatible", "more_precise_date"]

# Lower is more precise; an event without a date ranks last.
PRECISION_RANK = {"day": 0, "month": 1, "year": 2, "publication": 3, None: 4}
_PUBLICATION_WINDOW = timedelta(days=7)


def more_precise_date(new: DateRef | None, old: DateRef | None) -> bool:
    """Whether ``new`` is dated more precisely than ``old`` (None ranks
    last)."""
    return (
        PRECISION_RANK[new.precision if new else None]
        < PRECISION_RANK[old.precision if old else None]
    )


def dates_compatible(a: DateRef | None, b: DateRef | None) -> bool:
    """Whether two event dates can be the same day: one is a prefix of the
    other ("2024-06" and "2024-06-19"), or either is unknown. A publication
    date stands for an unstated date: it is compatible with a stated date
    of the week before it."""
    if a is None or b is None or a.value is None or b.value is None:
        return True
    if a.value.startswith(b.value) or b.value.startswith(a.value):
        return True
    for default, stated in ((a, b), (b, a)):
        if default.precision == "publication" and stated.precision == "day":
            gap = date.fromisoformat(default.value) - date.fromisoformat(stated.value)  # type: ignore[arg-type]
            return timedelta(0) <= gap <= _PUBLICATION_WINDOW
    return False
