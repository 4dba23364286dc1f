"""Short digests of the model and data files a stage used, for ``Article.provenance``.

A digest changes when the file's bytes do, so two articles extracted with
different weights or a different knowledge base can be told apart even when
the package version is the same (retrained models, edited data).
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources
from pathlib import Path

__all__ = ["file_digest", "package_data_digest"]

_DIGITS = 12


@cache
def file_digest(path: Path) -> str:
    h = hashlib.sha256()
    with Path(path).open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()[:_DIGITS]


@cache
def package_data_digest(package: str, folder: str) -> str:
    """One digest over every file under a package's data folder (names and bytes, in name order)."""
    root = Path(str(resources.files(package).joinpath(folder)))
    h = hashlib.sha256()
    for f in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        h.update(str(f.relative_to(root)).encode("utf-8") + b"\0")
        h.update(file_digest(f).encode("ascii"))
    return h.hexdigest()[:_DIGITS]
