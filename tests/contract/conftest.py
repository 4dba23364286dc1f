"""Store fixtures: every contract test runs against SQLite and PostgreSQL.

PostgreSQL comes from a throwaway cluster started once per test session in
a temporary directory (``initdb`` + ``pg_ctl``), listening only on
127.0.0.1 on a free port; each test gets its own database.  Since tests
may run as root and ``initdb`` refuses root, the cluster runs as an
unprivileged system user.  The PostgreSQL tests skip, with the reason,
only when no server binary can be found.
"""

from __future__ import annotations

import contextlib
import glob
import itertools
import os
import pwd
import shlex
import shutil
import signal
import socket
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from store_articles import arabic_article, hebrew_article, open_url

from dragoman.model import Article
from dragoman.store import Store

_PG_USER = "dragoman-pg"  # created when the tests run as root and no 'postgres' user exists


def _find_bin(name: str) -> str | None:
    for path in sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True):
        return path
    return shutil.which(name)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _runas_prefix() -> tuple[list[str], str | None]:
    """The command prefix that drops root, and the user it drops to (None when not root)."""
    if os.geteuid() != 0:
        return [], None
    for user in ("postgres", _PG_USER):
        with contextlib.suppress(KeyError):
            pwd.getpwnam(user)
            break
    else:
        user = _PG_USER
        subprocess.run(
            ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", user],
            check=True,
            capture_output=True,
        )
    if shutil.which("runuser"):
        return ["runuser", "-u", user, "--"], user
    return ["setpriv", f"--reuid={user}", f"--regid={user}", "--init-groups"], user


@dataclass
class PgCluster:
    datadir: Path
    port: int
    prefix: list[str]
    pg_ctl: str
    counter: Iterator[int]
    watchdog: subprocess.Popen[bytes] | None = None

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql://dragoman@127.0.0.1:{self.port}/{dbname}"

    def new_database(self) -> str:
        """A URL whose search_path is a fresh empty schema: as isolated as a database, created in milliseconds."""
        import psycopg
        from psycopg import sql

        name = f"t{next(self.counter)}_{os.getpid()}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(name)))
        return f"{self.url()}?options=-csearch_path%3D{name}"

    def stop(self) -> None:
        if self.watchdog is not None:
            self.watchdog.kill()
            self.watchdog.wait()
        subprocess.run(
            [*self.prefix, self.pg_ctl, "stop", "-D", str(self.datadir), "-m", "fast", "-w", "-t", "20"],
            capture_output=True,
        )
        pidfile = self.datadir / "postmaster.pid"
        if pidfile.exists():  # pg_ctl could not stop it: end our own postmaster by its pid
            with contextlib.suppress(ValueError, ProcessLookupError, OSError):
                os.kill(int(pidfile.read_text().split()[0]), signal.SIGKILL)


def _start_cluster(base: Path) -> PgCluster:
    initdb, pg_ctl = _find_bin("initdb"), _find_bin("pg_ctl")
    if not initdb or not pg_ctl:
        pytest.skip("no PostgreSQL server binaries (initdb/pg_ctl); run .ci/install-postgres.sh")
    prefix, user = _runas_prefix()
    datadir = base / "data"
    if user is not None:
        info = pwd.getpwnam(user)
        os.chown(base, info.pw_uid, info.pw_gid)
    subprocess.run(
        [
            *prefix,
            initdb,
            "-D",
            str(datadir),
            "-U",
            "dragoman",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--no-locale",
            "--no-sync",
        ],
        check=True,
        capture_output=True,
    )
    port = _free_port()
    opts = (
        f"-c listen_addresses=127.0.0.1 -p {port} -c unix_socket_directories={base} "
        "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=50"
    )
    proc = subprocess.run(
        [*prefix, pg_ctl, "start", "-D", str(datadir), "-w", "-t", "60", "-l", str(base / "log"), "-o", opts],
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        log = (base / "log").read_text() if (base / "log").exists() else ""
        raise RuntimeError(f"pg_ctl start failed: {proc.stderr}\n{log[-2000:]}")
    return PgCluster(
        datadir, port, prefix, pg_ctl, itertools.count(), _watchdog(base, datadir, prefix, pg_ctl)
    )


def _watchdog(base: Path, datadir: Path, prefix: list[str], pg_ctl: str) -> subprocess.Popen[bytes]:
    """Stop the server if this test process dies without running its finalizers (SIGKILL, timeout)."""
    stop = shlex.join([*prefix, pg_ctl, "stop", "-D", str(datadir), "-m", "fast", "-w"])
    script = (
        f"while kill -0 {os.getpid()} 2>/dev/null; do sleep 2; done; "
        f"{stop} >/dev/null 2>&1; rm -rf {shlex.quote(str(base))}"
    )
    return subprocess.Popen(
        ["sh", "-c", script],
        start_new_session=True,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    # a short path under /tmp: the unprivileged server must reach it and socket paths are limited to 107 bytes
    base = Path(tempfile.mkdtemp(prefix="dragoman-pg-", dir="/tmp" if os.path.isdir("/tmp") else None))
    cluster: PgCluster | None = None
    try:
        cluster = _start_cluster(base)
        yield cluster
    finally:
        if cluster is not None:
            cluster.stop()
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgres"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty, unmigrated store location of each kind."""
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    pytest.importorskip("psycopg", reason="psycopg (the 'scale' extra) is not installed")
    cluster: PgCluster = request.getfixturevalue("pg_cluster")
    return cluster.new_database()


@pytest.fixture
def open_store_at() -> Iterator[Callable[[str], Store]]:
    """Open (unmigrated) stores at a URL; all are closed after the test."""
    opened: list[Store] = []

    def opener(url: str) -> Store:
        s = open_url(url)
        opened.append(s)
        return s

    yield opener
    for s in opened:
        s.close()


@pytest.fixture
def store(store_url: str, open_store_at: Callable[[str], Store]) -> Store:
    s = open_store_at(store_url)
    s.migrate()
    return s


@pytest.fixture
def ar_article() -> Article:
    return arabic_article()


@pytest.fixture
def he_article() -> Article:
    return hebrew_article()
