"""On-disk cache of the merged KB and its indexes, keyed by the data they come from.

Parsing the YAML and building an index takes about a second; a worker
process that handles a handful of articles should not pay that each time.
The cache file name carries a hash of every KB and language data file, of
the KB code and of the Python version, so any edit makes a new entry and a
stale one is never read.  Set ``DRAGOMAN_CACHE=off`` to disable it, or to a
directory to move it (default ``$XDG_CACHE_HOME/dragoman``).  Any failure to
read or write falls back to building in memory.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

_FORMAT = 1  # bump when the pickled classes change shape without a code change here


def cache_dir() -> Path | None:
    setting = os.environ.get("DRAGOMAN_CACHE", "")
    if setting.lower() in ("off", "0", "no", "false"):
        return None
    if setting:
        return Path(setting)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "dragoman"


@cache
def fingerprint() -> str:
    h = hashlib.sha256(f"{_FORMAT}|{sys.version}".encode())
    roots = [resources.files("dragoman.kb"), resources.files("dragoman.lang").joinpath("data")]
    for root in roots:
        for path in sorted(_walk(Path(str(root)))):
            if path.suffix in (".py", ".yaml"):
                h.update(str(path.relative_to(Path(str(root)))).encode())
                h.update(path.read_bytes())
    return h.hexdigest()[:20]


def _walk(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts]


def cached(name: str, build: Callable[[], T]) -> T:
    """``build()``'s result, read from the cache when the data has not changed."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{fingerprint()}.pickle"
    try:
        with path.open("rb") as fh:
            value: T = pickle.load(fh)  # our own file, named by the hash of its inputs
        return value
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        pass
    value = build()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        # Write then rename, so parallel workers never read a half-written file.
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass
    return value
