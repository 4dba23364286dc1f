from pathlib import Path

import pytest

from dragoman.ingest import iter_inputs


def test_folder_walk_skips_docs_and_hidden_files_and_names_outlets(tmp_path: Path) -> None:
    (tmp_path / "outlet-a").mkdir()
    (tmp_path / "outlet-a" / "one.txt").write_text("خبر", "utf-8")
    (tmp_path / "top.txt").write_text("news", "utf-8")
    (tmp_path / "README.md").write_text("# corpus", "utf-8")
    (tmp_path / ".hidden.txt").write_text("x", "utf-8")
    arts = {Path(a.source.path or "").name: a for a in iter_inputs([tmp_path])}
    assert set(arts) == {"one.txt", "top.txt"}
    assert arts["one.txt"].source.outlet == "outlet-a"
    assert arts["top.txt"].source.outlet is None
    # an explicit outlet wins over the folder's name
    assert {a.source.outlet for a in iter_inputs([tmp_path], outlet="Wire")} == {"Wire"}


def test_jsonl_records_and_bad_lines(tmp_path: Path) -> None:
    f = tmp_path / "dump.jsonl"
    f.write_text('{"text": "שלום", "outlet": "X", "published": "2025-03-12"}\nnot json\n\n', "utf-8")
    arts = list(iter_inputs([f]))
    assert len(arts) == 2
    assert arts[0].source.outlet == "X" and str(arts[0].source.published) == "2025-03-12"
    assert "reader_error" in arts[1].meta


def test_missing_path_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no such file"):
        list(iter_inputs([tmp_path / "nope"]))
