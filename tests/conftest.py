"""Shared fixtures. spaCy models load once per session (``nlp_fr``,
``nlp_en``), so a test that parses a few sentences is fast; ``slow`` marks
corpus-scale runs, browsers and subprocesses.

Shared test data lives in ``../shared`` beside the repository root (not the
current directory); ``NEWSEVENTS_SHARED`` points elsewhere (a git worktree
whose parent folder has no ``shared``). Tests reach it only through the
``shared`` and ``shared_file`` fixtures: absent folder, skip; present folder
but a missing file, fail, so that a moved or renamed file cannot turn a
test into a silent skip."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from newsevents.models import CodedArticle

ROOT = Path(__file__).resolve().parent.parent
# ../shared beside the clone; $NEWSEVENTS_SHARED names it from elsewhere
# (a git worktree, say).
SHARED = Path(os.environ.get("NEWSEVENTS_SHARED") or ROOT.parent / "shared").resolve()
WEDNESDAY = date(2024, 6, 19)


def subprocess_env() -> dict[str, str]:
    """The environment for a newsevents subprocess: this source tree first
    on the path, then whatever the path held."""
    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p)
    return {**os.environ, "PYTHONPATH": path, "PYTHONUNBUFFERED": "1"}


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="Rewrite the golden JSON files from the current output (review the diff!).",
    )


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared folder of test data; skips when it is absent."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent: shared test data not available")
    return SHARED


@pytest.fixture(scope="session")
def shared_file(shared: Path) -> Callable[[str], Path]:
    """A function from a path under ../shared ("data/gdelt/x.CSV") to that
    file or folder; fails when ../shared is present but the path is not."""

    def find(relative: str) -> Path:
        path = shared / relative
        if not path.exists():
            pytest.fail(
                f"{path} is missing although {shared} is present: restore the "
                "file or update the test's path",
                pytrace=False,
            )
        return path

    return find


@pytest.fixture(scope="session")
def nlp_fr():  # type: ignore[no-untyped-def]
    from newsevents.nlp.pipeline import load_pipeline

    return load_pipeline("fr")


@pytest.fixture(scope="session")
def nlp_en():  # type: ignore[no-untyped-def]
    from newsevents.nlp.pipeline import load_pipeline

    return load_pipeline("en")


# A throwaway PostgreSQL server for the store tests: Debian's binaries
# (`make test` installs the `postgresql` package), a data directory in /tmp,
# a Unix socket only (no TCP port is opened). PostgreSQL refuses to run as
# root, so under root the server runs as the `postgres` user.
_PG_BIN = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))


def _as_postgres(command: list[str]) -> list[str]:
    import os
    import shutil

    if os.geteuid() != 0:
        return command
    runuser = shutil.which("runuser")
    if runuser is None:
        pytest.skip("PostgreSQL tests need runuser to start the server as postgres")
    return [runuser, "-u", "postgres", "--", *command]


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """The URL prefix of a running throwaway server (append a database
    name); skips when PostgreSQL is not installed."""
    import os
    import pwd
    import shutil
    import subprocess
    import tempfile

    if not _PG_BIN:
        pytest.skip(
            "PostgreSQL is not installed (/usr/lib/postgresql/*/bin): "
            "`make test` installs Debian's postgresql package"
        )
    bindir = _PG_BIN[-1].parent
    base = Path(tempfile.mkdtemp(prefix="newsevents-pg-"))
    if os.geteuid() == 0:
        try:
            user = pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("PostgreSQL tests under root need the postgres user")
        os.chown(base, user.pw_uid, user.pw_gid)
    data = base / "data"
    port = "5433"
    subprocess.run(
        _as_postgres([str(bindir / "initdb"), "-D", str(data), "-A", "trust",
                      "-U", "postgres", "-E", "UTF8", "--locale=C"]),
        check=True, capture_output=True,
    )  # fmt: skip
    options = f"-p {port} -k {base} -c listen_addresses='' -c fsync=off"
    subprocess.run(
        _as_postgres([str(bindir / "pg_ctl"), "-D", str(data), "-o", options,
                      "-l", str(base / "log"), "-w", "start"]),
        check=True, capture_output=True,
    )  # fmt: skip
    try:
        yield f"postgresql://postgres@/?host={base}&port={port}&dbname="
    finally:
        subprocess.run(
            _as_postgres([str(bindir / "pg_ctl"), "-D", str(data), "-m",
                          "immediate", "stop"]),
            capture_output=True,
        )  # fmt: skip
        shutil.rmtree(base, ignore_errors=True)


_created = iter(range(1, 1_000_000))


def _new_postgres(server: str) -> str:
    import psycopg

    name = f"t{os.getpid()}_{next(_created)}"
    with psycopg.connect(server + "postgres", autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    return server + name


@pytest.fixture(params=["duckdb", "postgresql"])
def new_db(request: pytest.FixtureRequest, tmp_path: Path) -> Callable[[], str]:
    """Make a new empty database and give its ``--db`` value: a DuckDB file,
    or a database on the throwaway PostgreSQL server. The store tests take
    it, so that each runs on both backends."""
    if request.param == "duckdb":
        count = iter(range(1, 1000))
        return lambda: str(tmp_path / f"db{next(count)}.duckdb")
    server = request.getfixturevalue("postgres_server")
    return lambda: _new_postgres(server)


@pytest.fixture
def postgres_db(postgres_server: str) -> str:
    """A new empty database on the throwaway PostgreSQL server."""
    return _new_postgres(postgres_server)


Coder = Callable[..., CodedArticle]


@pytest.fixture(scope="session")
def coder() -> Coder:
    """``newsevents.code`` with a Wednesday (2024-06-19) as the default
    publication date; the two pipelines load once, on first use."""
    from newsevents import code

    def run(
        text: str, language: str, published: date | None = WEDNESDAY
    ) -> CodedArticle:
        return code(text, language=language, published=published)

    return run


@pytest.fixture
def http_server():  # type: ignore[no-untyped-def]
    """A test HTTP server on 127.0.0.1, an ephemeral port (tests/web/_server.py)."""
    from tests.web._server import FaultServer

    server = FaultServer().start()
    yield server
    server.stop()
