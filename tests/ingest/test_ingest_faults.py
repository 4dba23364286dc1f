"""Every input the walker meets ends stored, skipped as already stored, or as an error record naming it.

Regression tests for issue 16, findings 1 (one unreadable file aborted the
whole ingest), 2 (an unreadable folder, a dangling link and a FIFO vanished
without a word), 3 (error records merged by content), 7 (the Python API
guessed whether a string was a path) and the JSONL/giant-file cases.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from fuzzkit import file_permissions_apply, write_config

import dragoman
from dragoman.api import IngestSummary, MultipleRecords, ingest
from dragoman.store import Store, open_store

EN = "The foreign minister said talks with Azerbaijan would resume in Baku on Tuesday, officials said."
AR = "قال وزير الخارجية إن المحادثات مع أذربيجان ستستأنف في باكو يوم الثلاثاء."


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = open_store(str(tmp_path / "store.db"))
    yield s
    s.close()


def _jsonl(path: Path, n: int) -> None:
    path.write_text("".join(json.dumps({"text": f"{EN} Line {i}.", "title": f"t{i}"}) + "\n" for i in range(1, n + 1)),
                    "utf-8")


def _accounted(summary: IngestSummary, store: Store) -> dict[str, str]:
    """The counting invariant; the recorded errors by input."""
    assert summary.seen == summary.stored + summary.skipped + len(summary.errors)
    recorded = {e.where: e.kind for e in store.iter_errors()}
    assert recorded == {e.where: e.kind for e in summary.errors}
    assert store.count_articles() >= summary.stored
    return recorded


def test_an_unreadable_file_is_one_record_and_everything_else_is_stored(tmp_path: Path, store: Store) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(EN, "utf-8")
    locked = corpus / "b.txt"
    locked.write_text(AR, "utf-8")
    locked.chmod(0)
    (corpus / "c.txt").write_text(AR + " " + AR, "utf-8")
    _jsonl(corpus / "d.jsonl", 8)
    with file_permissions_apply():
        summary = ingest([corpus], store=store, batch_size=4)
    recorded = _accounted(summary, store)
    assert recorded == {str(locked): "unreadable"}
    assert summary.stored == 2 + 8  # a.txt, c.txt and all eight lines, including the batch in flight
    stored_paths = {a.path for a in store.list_articles()}
    assert {f"{corpus / 'd.jsonl'}:{i}" for i in range(1, 9)} <= stored_paths


def test_unreadable_folder_dangling_link_fifo_and_link_loop_are_records(tmp_path: Path, store: Store) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "outlet").mkdir(parents=True)
    (corpus / "outlet" / "ok.txt").write_text(EN, "utf-8")
    closed = corpus / "closed"
    closed.mkdir()
    (closed / "inside.txt").write_text(AR, "utf-8")
    closed.chmod(0)
    (corpus / "gone.txt").symlink_to(corpus / "never-there.txt")
    os.mkfifo(corpus / "pipe.txt")
    (corpus / "outlet" / "loop").symlink_to(corpus)
    (corpus / ".hidden.txt").write_text(EN, "utf-8")
    (corpus / "README.md").write_text("# about this corpus", "utf-8")
    with file_permissions_apply():
        summary = ingest([corpus], store=store)
    recorded = _accounted(summary, store)
    assert recorded == {
        str(closed): "unreadable",
        str(corpus / "gone.txt"): "dangling_link",
        str(corpus / "pipe.txt"): "not_a_file",
        str(corpus / "outlet" / "loop"): "link_loop",
    }
    assert summary.stored == 1
    # Passed over on purpose, and counted rather than silent.
    assert sorted(Path(p).name for p in summary.ignored) == [".hidden.txt", "README.md"]


def test_three_different_empty_files_are_three_records(tmp_path: Path, store: Store) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("one.txt", "two.txt", "three.html"):
        (corpus / name).write_bytes(b"")
    summary = ingest([corpus], store=store)
    assert len(summary.errors) == 3
    assert _accounted(summary, store) == {str(corpus / n): "empty" for n in ("one.txt", "two.txt", "three.html")}
    # The same folder again: still three records, not six, and the summary says the same.
    again = ingest([corpus], store=store)
    assert len(again.errors) == 3 and len(list(store.iter_errors())) == 3


def test_giant_file_and_giant_jsonl_line_are_refused_without_reading_them(tmp_path: Path, store: Store) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    with (corpus / "huge.txt").open("wb") as fh:
        fh.truncate(3_000_000)  # sparse: large on paper, nothing to read
    (corpus / "dump.jsonl").write_text(
        json.dumps({"text": EN}) + "\n" + json.dumps({"text": "x " * 600_000}) + "\n" + json.dumps({"text": AR}) + "\n",
        "utf-8",
    )
    config = write_config(tmp_path)
    config.write_text(config.read_text("utf-8").replace("max_bytes = 50_000_000", "max_bytes = 1_000_000"), "utf-8")
    assert "max_bytes = 1_000_000" in config.read_text("utf-8")
    summary = ingest([corpus], store=store, config=config)
    recorded = _accounted(summary, store)
    assert recorded == {str(corpus / "huge.txt"): "too_large", f"{corpus / 'dump.jsonl'}:2": "too_large"}
    assert summary.stored == 2


def test_jsonl_with_bad_lines_and_odd_fields(tmp_path: Path, store: Store) -> None:
    dump = tmp_path / "dump.jsonl"
    lines = [
        json.dumps({"text": EN, "url": 17, "title": ["not", "text"], "outlet": {"x": 1}}),
        "{not json",
        json.dumps([1, 2, 3]),
        "",
        json.dumps({"text": AR, "title": "\ud800 broken surrogate"}),
        "[" * 100_000,
    ]
    dump.write_text("\n".join(lines) + "\n", "utf-8")
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n", "utf-8")
    summary = ingest([dump, empty], store=store)
    recorded = _accounted(summary, store)
    assert recorded == {
        f"{dump}:2": "invalid_record",
        f"{dump}:3": "invalid_record",
        f"{dump}:6": "invalid_record",
        str(empty): "empty",
    }
    assert summary.stored == 2


def test_a_path_that_does_not_exist_stops_before_anything_is_read(tmp_path: Path, store: Store) -> None:
    (tmp_path / "a.txt").write_text(EN, "utf-8")
    with pytest.raises(FileNotFoundError, match="nope"):
        ingest([tmp_path / "a.txt", tmp_path / "nope"], store=store)
    assert store.count_articles() == 0


# -- the Python API says what it was given (finding 7) ----------------------------------------------


def test_extract_never_guesses_whether_a_string_is_a_path(tmp_path: Path) -> None:
    with pytest.raises(TypeError, match="path=.*text="):
        dragoman.extract("missing.txt")
    with pytest.raises(FileNotFoundError, match="missing.txt"):
        dragoman.extract(path=tmp_path / "missing.txt")
    with pytest.raises(FileNotFoundError):
        dragoman.extract(tmp_path / "missing.txt")
    with pytest.raises(TypeError, match="exactly one"):
        dragoman.extract(path=tmp_path / "a.txt", text=EN)
    page = tmp_path / "a.txt"
    page.write_text(EN, "utf-8")
    assert dragoman.extract(path=page).source.path == str(page)
    assert dragoman.extract(page).text == EN
    assert dragoman.extract(text=EN).text == EN
    assert dragoman.extract(EN.encode()).text == EN


def test_extract_refuses_a_file_of_several_records(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    _jsonl(feed, 3)
    with pytest.raises(MultipleRecords, match="holds 3 records") as err:
        dragoman.extract(path=feed)
    assert err.value.count == 3
    one = tmp_path / "one.jsonl"
    _jsonl(one, 1)
    assert dragoman.extract(path=one).source.path == f"{one}:1"
