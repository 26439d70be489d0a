"""The import contracts of pyproject.toml ([tool.importlinter]) hold, and
import-linter does catch a broken one."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from newsevents.lang import available

ROOT = Path(__file__).resolve().parent.parent

pytest.importorskip("importlinter", reason="import-linter is not installed")


def _lint(config: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """Run lint-imports on ``config`` with this checkout first on the path."""
    code = (
        "import sys; from importlinter.cli import lint_imports; "
        f"sys.exit(lint_imports(config_filename={str(config)!r}, no_cache=True))"
    )
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_architecture_contracts_kept(tmp_path: Path) -> None:
    result = _lint(ROOT / "pyproject.toml", tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "independence: newsevents.lang.fr, newsevents.lang.en KEPT" in result.stdout


def test_architecture_every_language_independent(tmp_path: Path) -> None:
    """The same contract over every language the registry finds, so that a
    new lang/<iso>/ folder is held to it without editing pyproject.toml."""
    modules = "".join(f"    newsevents.lang.{code}\n" for code in available())
    config = tmp_path / "contracts.ini"
    config.write_text(
        "[importlinter]\nroot_package = newsevents\n\n"
        "[importlinter:contract:languages]\n"
        "name = every language stands alone\ntype = independence\n"
        f"modules =\n{modules}"
    )
    result = _lint(config, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_architecture_broken_contract_fails(tmp_path: Path) -> None:
    """A contract the code breaks (a language imports the shared lang code)
    makes lint-imports fail: the checks above can fail."""
    config = tmp_path / "broken.ini"
    config.write_text(
        "[importlinter]\nroot_package = newsevents\n\n"
        "[importlinter:contract:broken]\n"
        "name = French without the registry's classes\ntype = forbidden\n"
        "source_modules =\n    newsevents.lang.fr\n"
        "forbidden_modules =\n    newsevents.lang._defaults\n"
    )
    result = _lint(config, tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "BROKEN" in result.stdout
