"""CSV cells that a spreadsheet would run as formulas are neutralised
(issue 13, item 9; OWASP "CSV injection")."""

from __future__ import annotations

import csv
import io

import pytest

from newsevents.export.tabular import write_csv_records
from newsevents.store.records import Records

pytestmark = pytest.mark.issue


def test_issue_13_csv_formulas_neutralised() -> None:
    records = Records(
        ("evidence", "goldstein", "=name"),
        [
            ('=HYPERLINK("http://x")', -2.0, "a"),
            ("+1+1", 3.0, "b"),
            ("-2+3", -10.0, "c"),
            ("@SUM(A1)", 1.0, "d"),
            ("\tcmd", 0.0, "e"),
            ("\rcmd", 0.0, "f"),
            ("plain - text", 0.0, "g"),
        ],
    )
    out = io.StringIO()
    assert write_csv_records(records, out) == 7
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows[0] == ["evidence", "goldstein", "'=name"]
    assert [row[:2] for row in rows[1:]] == [
        ['\'=HYPERLINK("http://x")', "-2.0"],
        ["'+1+1", "3.0"],
        ["'-2+3", "-10.0"],
        ["'@SUM(A1)", "1.0"],
        ["'\tcmd", "0.0"],
        ["'\rcmd", "0.0"],
        ["plain - text", "0.0"],
    ]
