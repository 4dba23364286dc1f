"""iter_inputs over folders, JSONL dumps and mixed inputs, and how reader errors reach the read stage."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dragoman.ingest import iter_inputs
from dragoman.ingest.keys import READER_ERROR
from dragoman.pipeline import InputError
from dragoman.stages.read import Read


def test_folder_walk_skips_hidden_and_sniffs_formats(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("نص عربي قصير.", "utf-8")
    (tmp_path / "b.html").write_text("<p>hello there</p>", "utf-8")
    (tmp_path / "c.txt").write_text("<!doctype html><html><body><p>saved page</p></body></html>", "utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.txt").write_text("secret", "utf-8")
    arts = [Read()(a) for a in iter_inputs([tmp_path], outlet="Example")]
    assert [Path(a.source.path or "").name for a in arts] == ["a.txt", "b.html", "c.txt"]
    assert [a.source.format for a in arts] == ["text", "html", "html"]
    assert arts[2].text == "saved page" and all(a.source.outlet == "Example" for a in arts)


def test_jsonl_records_and_bad_lines(tmp_path: Path) -> None:
    f = tmp_path / "dump.jsonl"
    good = {
        "url": "https://example.org/1",
        "outlet": "Ex",
        "published": "2025-04-26",
        "html": "<p>שלום עולם</p>",
    }
    f.write_text(json.dumps(good) + "\n\n{not json\n" + json.dumps([1, 2]) + "\n", "utf-8")
    arts = list(iter_inputs([f]))
    assert len(arts) == 3
    first = Read()(arts[0])
    assert first.text == "שלום עולם" and str(first.source.published) == "2025-04-26"
    for bad in arts[1:]:
        assert READER_ERROR in bad.meta
        with pytest.raises(InputError) as err:
            Read()(bad)
        assert err.value.kind == "invalid_record"


def test_missing_path_is_an_error() -> None:
    with pytest.raises(FileNotFoundError):
        list(iter_inputs(["/no/such/place"]))
