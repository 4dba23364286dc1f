"""Kill an ingest with SIGKILL half-way, run it again: every article is stored exactly once.

The ingest runs in a child process (a small driver over ``dragoman.api.ingest``)
on a generated corpus; once some articles are in the store the whole process
group (pool workers included) is killed without warning, then the same
command is run to the end.  Resuming must skip what was stored, store the
rest, and leave no article missing or doubled and each error recorded once.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from dragoman.model import content_hash

REPO = Path(__file__).resolve().parents[1]
N_GOOD, N_BAD = 100, 3

DRIVER = textwrap.dedent(
    """
    import json, sys
    sys.path.insert(0, sys.argv[5])
    from fuzzkit import write_config
    from pathlib import Path
    from dragoman.api import ingest
    from dragoman.exec import get_executor
    from dragoman.store import open_store

    db, corpus, workdir, executor = sys.argv[1:5]
    if __name__ == "__main__":
        store = open_store(db)
        ex = get_executor(executor, workers=2)
        try:
            s = ingest([corpus], store=store, config=write_config(Path(workdir)), executor=ex, batch_size=2)
        finally:
            ex.close()
            store.close()
        print(json.dumps({"seen": s.seen, "stored": s.stored, "skipped": s.skipped, "errors": len(s.errors)}))
    """
)

_LINES = (
    "قال وزير الخارجية في مؤتمر صحفي إن المحادثات ستستأنف الشهر المقبل في باكو.",
    "ראש הממשלה נפגש אתמול בירושלים עם שר החוץ ודנו בהרחבת ההסכמים.",
    "The foreign minister said the talks would resume next month in Baku.",
)


def _corpus(folder: Path) -> set[str]:
    folder.mkdir()
    ids = set()
    for i in range(N_GOOD):
        line = _LINES[i % 3]
        data = "\n".join(f"{line} ({i}.{j})" for j in range(6)).encode()
        (folder / f"{i:04}.txt").write_bytes(data)
        ids.add(content_hash(data))
    for i in range(N_BAD):
        (folder / f"bad-{i}.txt").write_bytes(b" " * i)  # empty / whitespace-only: error records
    return ids


def _count(db: Path) -> int:
    """Articles stored so far, read beside the writer (WAL lets readers in), without migrating."""
    import sqlite3

    from dragoman.store.sqlite import SQLiteStore

    if not db.exists():
        return 0
    store = SQLiteStore(db)
    try:
        return store.count_articles()
    except sqlite3.OperationalError:  # the writer has not created the schema yet
        return 0
    finally:
        store.close()


@pytest.mark.slow
@pytest.mark.parametrize("executor", ["local", "pool"])
def test_sigkill_mid_ingest_then_resume_stores_each_article_once(executor: str, tmp_path: Path) -> None:
    pytest.importorskip("dragoman.store.sqlite", reason="needs the SQLite store, which persists across processes")
    from dragoman.store import open_store

    expected = _corpus(tmp_path / "corpus")
    db = tmp_path / "store.db"
    driver = tmp_path / "driver.py"
    driver.write_text(DRIVER, "utf-8")
    cmd = [sys.executable, str(driver), str(db), str(tmp_path / "corpus"), str(tmp_path), executor,
           str(REPO / "tests" / "fuzz")]

    proc = subprocess.Popen(cmd, start_new_session=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    try:
        while _count(db) < 10:
            assert proc.poll() is None, f"driver ended before the kill: {proc.communicate()[1].decode()[-2000:]}"
            assert time.monotonic() < deadline, "no article stored within 120 s"
            time.sleep(0.01)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the whole group: pool workers die with the driver
        proc.wait()
    at_kill = _count(db)
    assert proc.returncode == -signal.SIGKILL
    assert 10 <= at_kill < N_GOOD, f"the kill was not mid-way ({at_kill} of {N_GOOD} stored)"

    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    summary = json.loads(done.stdout.strip().splitlines()[-1])
    assert summary["seen"] == N_GOOD + N_BAD
    assert summary["skipped"] >= at_kill, "articles stored before the kill were processed again"
    assert summary["stored"] + summary["skipped"] == N_GOOD
    assert summary["errors"] == N_BAD

    store = open_store(str(db))
    try:
        ids = [a.id for a in store.iter_articles()]
        assert len(ids) == len(set(ids)) == store.count_articles(), "an article is stored twice"
        assert set(ids) == expected, f"missing: {len(expected - set(ids))}, unexpected: {len(set(ids) - expected)}"
        errors = list(store.iter_errors())
        assert len(errors) == N_BAD and len({e.article_id for e in errors}) == N_BAD
        assert {e.kind for e in errors} == {"empty"}
    finally:
        store.close()
