"""Killing an ingest leaves no worker behind (issue 16, finding 4).

A real ``dragoman ingest --executor pool|dask --workers 2`` runs in a
subprocess over a corpus large enough to keep its workers busy; once they
have stored something, the parent is SIGKILLed (nothing of it runs after
that, no ``finally``, no ``atexit``) and every process it had started must
be gone within seconds.  Processes are found through ``/proc`` and
identified by pid *and* start time, so a reused pid is never mistaken for a
survivor; the only processes this test ever signals are ones it started.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc to follow processes"),
]

TEXT = "The foreign minister of Azerbaijan met officials in Baku on Tuesday, number {n}, to discuss trade and the accords."


def _children(pid: int) -> list[int]:
    out: list[int] = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as fh:
                out += [int(x) for x in fh.read().split()]
    except OSError:
        pass
    return out


def _descendants(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        for child in _children(todo.pop()):
            found.append(child)
            todo.append(child)
    return found


def _identity(pid: int) -> tuple[str, int] | None:
    """(state, start time in clock ticks) of a process, None once it is gone."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return fields[0], int(fields[19])


def _stored(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0


@pytest.mark.parametrize("executor", ["pool", "dask"])
def test_killing_the_parent_leaves_no_worker_alive(executor: str, tmp_path: Path) -> None:
    if executor == "dask":
        pytest.importorskip("distributed", reason="the dask extra is not installed")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(4000):
        (corpus / f"{n:05}.txt").write_text(TEXT.format(n=n), "utf-8")
    db = tmp_path / "store.db"
    cmd = [sys.executable, "-m", "dragoman", "ingest", str(corpus), "--db", str(db), "--executor", executor,
           "--workers", "2", "--batch-size", "2"]
    parent = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    watched: dict[int, tuple[str, int]] = {}
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline and parent.poll() is None:
            if _stored(db) >= 20:  # the workers are up and busy
                break
            time.sleep(0.2)
        assert parent.poll() is None, "the ingest ended before it could be killed; make the corpus bigger"
        for pid in _descendants(parent.pid):
            ident = _identity(pid)
            if ident is not None:
                watched[pid] = ident
        assert len(watched) >= 2, f"expected the worker processes among the children: {watched}"
        parent.send_signal(signal.SIGKILL)
        parent.wait(timeout=30)
        survivors = dict(watched)
        deadline = time.monotonic() + 20
        while survivors and time.monotonic() < deadline:
            time.sleep(0.2)
            survivors = {
                pid: ident for pid, ident in survivors.items()
                if (now := _identity(pid)) is not None and now[1] == ident[1] and now[0] != "Z"
            }
        assert not survivors, f"{len(survivors)} of {len(watched)} processes outlived the killed ingest: {survivors}"
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait()
        for pid, ident in watched.items():  # only ever the processes this test started
            now = _identity(pid)
            if now is not None and now[1] == ident[1] and now[0] != "Z":
                os.kill(pid, signal.SIGKILL)
