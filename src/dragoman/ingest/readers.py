"""Enumerate inputs as raw Articles (bytes + source metadata), without decoding them.

Decoding, charset detection and HTML extraction happen in the ``read``
stage so that a bad file becomes an error record like any other failure.
A JSONL dump yields one article per line; a line that is not valid JSON
yields an article whose bytes are that line, flagged so the read stage
reports it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from dragoman.model import Article, Source

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}


@dataclass(frozen=True, slots=True)
class InputSpec:
    """A path given by the user; folders are walked, hidden files skipped."""

    path: Path


def _files(paths: Iterable[str | Path]) -> Iterator[Path]:
    for p in map(Path, paths):
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and not any(part.startswith(".") for part in f.relative_to(p).parts):
                    yield f
        elif p.exists():
            yield p
        else:
            raise FileNotFoundError(f"no such file or folder: {p}")


def _parse_date(value: object) -> date | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _jsonl_articles(path: Path) -> Iterator[Article]:
    with path.open("rb") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            where = f"{path}:{lineno}"
            try:
                rec = json.loads(line)
                if not isinstance(rec, dict):
                    raise ValueError("record is not a JSON object")
            except (ValueError, UnicodeDecodeError) as exc:
                art = Article.from_bytes(line, Source(path=where, format="invalid-jsonl"))
                art.meta["reader_error"] = f"line {lineno} is not a JSON object: {exc}"
                yield art
                continue
            body = rec.get("html") or rec.get("text") or ""
            fmt = "html" if rec.get("html") else "text"
            src = Source(
                path=where,
                url=rec.get("url"),
                outlet=rec.get("outlet") or rec.get("source"),
                title=rec.get("title"),
                published=_parse_date(rec.get("published") or rec.get("date")),
                format=fmt,
            )
            yield Article.from_bytes(str(body).encode("utf-8"), src)


def iter_inputs(paths: Iterable[str | Path], *, outlet: str | None = None) -> Iterator[Article]:
    """Raw articles for every file under ``paths``; outlet defaults to the parent folder name."""
    for f in _files(paths):
        suffix = f.suffix.lower()
        if suffix in JSONL_SUFFIXES:
            yield from _jsonl_articles(f)
            continue
        data = f.read_bytes()
        fmt = "html" if suffix in HTML_SUFFIXES else "auto"
        yield Article.from_bytes(data, Source(path=str(f), outlet=outlet, format=fmt))
