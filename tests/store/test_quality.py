"""The data-quality report (issue 15 item 6) on both backends: failures by
reason, undated and ungeocoded shares, events per article by outlet and
language."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsevents.models import Failure
from newsevents.store.quality import failures, quality
from newsevents.store.schema import connect
from newsevents.store.writer import Writer
from tests.store._data import FRA, RUS, UKR, USA, event, rows


@pytest.fixture
def conn(new_db: Callable[[], str]):  # type: ignore[no-untyped-def]
    conn = connect(new_db())
    Writer(conn).write(
        [
            rows("Macron a rencontré Biden.", [event(FRA, USA), event(USA, FRA)]),
            rows("Russian troops attacked Ukraine.",
                 [event(RUS, UKR, "190", quad=4, goldstein=-10.0, place=None,
                        day=None)],
                 published=None, language="en", source="Reuters"),
            Failure(file="bad.txt", reason="empty", message="bad.txt: empty input"),
            Failure(file="feed.xml", item="3", reason="malformed",
                    message="feed.xml: item 3 does not parse"),
            Failure(file="other.txt", reason="empty", message="other.txt: empty"),
        ]
    )  # fmt: skip
    return conn


def test_quality_report(conn) -> None:  # type: ignore[no-untyped-def]
    report = quality(conn)
    assert report.failures_total == 3
    assert [(r.reason, r.count) for r in report.reasons] == [
        ("empty", 2), ("malformed", 1)]  # fmt: skip
    assert {f.file for f in report.failures} == {"bad.txt", "feed.xml", "other.txt"}
    assert (report.events, report.undated, report.ungeocoded) == (3, 1, 1)
    assert report.undated_share == report.ungeocoded_share == round(1 / 3, 4)
    outlets = {(g.name, g.articles, g.events, g.per_article, g.undated_share)
               for g in report.by_outlet}  # fmt: skip
    assert outlets == {("Le Monde", 1, 2, 2.0, 0.0), ("Reuters", 1, 1, 1.0, 1.0)}
    assert [(g.name, g.events) for g in report.by_language] == [("en", 1), ("fr", 2)]


def test_quality_failures_by_reason(conn) -> None:  # type: ignore[no-untyped-def]
    rows_, total = failures(conn, 1, "empty")
    assert total == 2 and len(rows_) == 1 and rows_[0].reason == "empty"
