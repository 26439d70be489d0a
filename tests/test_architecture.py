"""The architecture as tests: the import-linter contracts of pyproject.toml
hold (the layers of docs/architecture.md), and no import cycle joins two
modules, or two packages of one parent, anywhere in newsevents."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import grimp
import pytest

from newsevents.lang import available

ROOT = Path(__file__).resolve().parent.parent
# Import edges that close a known cycle, with the change that removes them.
KNOWN_CYCLES: set[tuple[str, str]] = set()


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph("newsevents", cache_dir=None)


def _cycles(nodes: set[str], edges: set[tuple[str, str]]) -> list[list[str]]:
    """The strongly connected components of more than one node (Tarjan)."""
    out: list[list[str]] = []
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    after: dict[str, list[str]] = {n: [] for n in nodes}
    for a, b in edges:
        after[a].append(b)

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in after[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 10_000))
    try:
        for node in sorted(nodes):
            if node not in index:
                visit(node)
    finally:
        sys.setrecursionlimit(limit)
    return out


def _imports(graph: grimp.ImportGraph) -> set[tuple[str, str]]:
    edges = set()
    for module in graph.modules:
        for imported in graph.find_modules_directly_imported_by(module):
            if (module, imported) not in KNOWN_CYCLES:
                edges.add((module, imported))
    return edges


def test_architecture_tarjan_finds_a_cycle() -> None:
    edges = {("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")}
    assert _cycles({"a", "b", "c", "d"}, edges) == [["a", "b", "c"]]


def test_architecture_no_module_cycle(graph: grimp.ImportGraph) -> None:
    assert _cycles(set(graph.modules), _imports(graph)) == []


def test_architecture_no_package_cycle(graph: grimp.ImportGraph) -> None:
    """Within each package, its children (modules and subpackages, each
    standing for everything below it) import each other without a cycle."""
    edges = _imports(graph)
    packages = {m.rsplit(".", 1)[0] for m in graph.modules if "." in m}
    found = {}
    for package in sorted(packages):
        depth = package.count(".") + 1

        def child(
            module: str, package: str = package, depth: int = depth
        ) -> str | None:
            if not module.startswith(package + "."):
                return None
            return ".".join(module.split(".")[: depth + 1])

        inner = set()
        for a, b in edges:
            ca, cb = child(a), child(b)
            if ca and cb and ca != cb:
                inner.add((ca, cb))
        nodes = {n for edge in inner for n in edge}
        cycles = _cycles(nodes, inner)
        if cycles:
            found[package] = cycles
    assert found == {}


def test_architecture_contracts_kept(capsys: pytest.CaptureFixture[str]) -> None:
    """``lint-imports`` keeps every contract of pyproject.toml."""
    from importlinter.cli import lint_imports

    code = lint_imports(
        config_filename=str(ROOT / "pyproject.toml"), no_cache=True, no_logo=True
    )
    out = capsys.readouterr().out
    assert code == 0, out
    assert "0 broken" in out
    assert "independence: newsevents.lang.fr, newsevents.lang.en KEPT" in out


@pytest.mark.parametrize(
    "package", ["api", "batch", "bench", "cli", "eval", "export", "ingest", "keys",
                "store"],
)  # fmt: skip
def test_architecture_public_names(package: str) -> None:
    """Each package states its public names, and each is there (an
    attribute, or a submodule to import)."""
    from importlib import import_module

    module = import_module(f"newsevents.{package}")
    names = module.__all__
    assert names
    for name in names:
        if not hasattr(module, name):
            import_module(f"newsevents.{package}.{name}")


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
