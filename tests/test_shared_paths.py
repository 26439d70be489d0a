"""Tests reach ../shared only through the ``shared`` / ``shared_file``
fixtures of tests/conftest.py, which resolve it from the repository root and
fail when it is present but a file is missing. A path written into a test
(absolute, or relative to the current directory) would skip silently on
another machine."""

from __future__ import annotations

import re
from pathlib import Path

TESTS = Path(__file__).resolve().parent
_PATH = re.compile(r"""["'](?:/work/shared|\.\./shared)[/"']""")


def test_shared_paths_only_through_the_fixture() -> None:
    offenders = [
        f"{path.relative_to(TESTS)}:{number}"
        for path in sorted(TESTS.rglob("*.py"))
        if path.name != "conftest.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if _PATH.search(line)
    ]
    assert offenders == []
