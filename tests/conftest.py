"""Shared fixtures. spaCy models load once per session; tests that use them
are marked ``slow``."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# ../shared beside the clone; $NEWSEVENTS_SHARED names it from elsewhere
# (a git worktree, say).
SHARED = Path(os.environ.get("NEWSEVENTS_SHARED") or ROOT.parent / "shared")


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
def new_db(
    request: pytest.FixtureRequest, tmp_path: Path
) -> Callable[[], str]:
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
