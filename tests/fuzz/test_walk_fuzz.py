"""Fuzz target: the whole ingest walk over random file trees, checking that every input is accounted for.

Hypothesis builds a folder of everything a real corpus folder can hold:
text in several encodings, empty and binary files, files over the size
limit, JSONL dumps with good, bad, blank and oversized lines, RSS files,
URL lists, files and folders without permissions, dangling links, links to
files and links back to a parent, FIFOs, hidden and README files, and file
names that are not valid UTF-8.  ``dragoman.api.ingest`` runs over it and
the counting invariant must hold: every input ends stored, skipped as
already stored, or as an error record naming it; the summary counts all of
them; the store lists exactly the errors the summary reports; and each input
whose outcome is certain (a FIFO, a dangling link...) has a record of the
right kind.  Bounded and derandomized so ``make test`` stays fast and
reproducible (issue 16).
"""

from __future__ import annotations

import json
import os
import signal
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from fuzzkit import READ_CLEAN_LAYERS, TALLY, file_permissions_apply, write_config
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dragoman.api import ingest
from dragoman.ingest.walk import display_path
from dragoman.store import open_store

MAX_BYTES = 4000  # the read stage's limit in this test: "giant" files are sparse files above it

BOUNDED = settings(
    derandomize=True,
    database=None,
    deadline=None,
    max_examples=25,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

WORDS = ["talks", "Baku", "minister", "وزير", "أذربيجان", "المحادثات", "שר", "החוץ", "באקו", "Tuesday", "يوم"]
ENCODINGS = ["utf-8", "utf-16", "cp1256", "cp1255", "latin-1"]
NAMES = st.sampled_from(["a", "b", "news", "خبر", "חדשות", "x y", "deep", "n1", "n2", "n3"])

# Kinds whose outcome is certain, with the error kind they must be recorded as.
CERTAIN = {
    "empty": "empty",
    "big": "too_large",
    "urls": "network_disabled",
    "locked": "unreadable",
    "locked_dir": "unreadable",
    "dangling": "dangling_link",
    "fifo": "not_a_file",
    "loop": "link_loop",
    "empty_jsonl": "empty",
}


@dataclass
class Expect:
    """What the walk must report for the tree that was built."""

    inputs: int = 0
    certain: dict[str, str] = field(default_factory=dict)  # where -> error kind
    once: set[str] = field(default_factory=set)  # paths that must end stored or recorded, exactly once
    ignored: int = 0


leaf = st.one_of(
    st.tuples(st.just("text"), st.sampled_from(ENCODINGS), st.lists(st.sampled_from(WORDS), min_size=1, max_size=30)),
    st.tuples(st.just("binary"), st.binary(min_size=1, max_size=300)),
    st.tuples(
        st.just("jsonl"),
        st.lists(st.sampled_from(["good", "bad", "blank", "array", "huge", "deep"]), min_size=1, max_size=6),
    ),
    st.tuples(st.just("rss"), st.integers(min_value=0, max_value=3)),
    st.sampled_from([(k,) for k in ("empty", "big", "urls", "locked", "dangling", "fifo", "readme", "hidden",
                                    "link", "badname", "empty_jsonl")]),
)


@st.composite
def trees(draw: st.DrawFn) -> list[tuple[str, object]]:
    """[(name, leaf)] at the top, and [(name, ("dir", [...] | "locked_dir" | "loop"))] one level down."""
    top = draw(st.lists(st.tuples(NAMES, leaf), min_size=1, max_size=8, unique_by=lambda e: e[0]))
    subs = draw(
        st.lists(
            st.tuples(
                st.sampled_from(["outlet-a", "outlet-b", "مصدر", "locked", "loopy"]),
                st.lists(st.tuples(NAMES, leaf), max_size=5, unique_by=lambda e: e[0]),
            ),
            max_size=3,
            unique_by=lambda e: e[0],
        )
    )
    return [*top, *((name, ("dir", children)) for name, children in subs)]


def _rss(n: int, tag: str) -> bytes:
    items = "".join(
        f"<item><title>t{i}</title><link>https://news.example/{tag}/{i}</link>"
        f"<description>{tag} entry {i}: the minister flew to Baku for talks.</description></item>"
        for i in range(n)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>{tag}</title>{items}</channel></rss>'.encode()


def _build(folder: Path, entries: list[tuple[str, object]], root: Path, expect: Expect, serial: list[int]) -> None:
    for name, spec in entries:
        serial[0] += 1
        tag = f"u{serial[0]}"  # makes every content unique, so nothing is skipped as already stored
        kind = spec[0]  # type: ignore[index]
        if kind == "dir":
            sub = folder / name
            if name == "locked":
                sub.mkdir()
                (sub / "inside.txt").write_text(f"{tag} hidden behind permissions", "utf-8")
                sub.chmod(0)
                expect.certain[str(sub)] = "unreadable"
                expect.inputs += 1
            elif name == "loopy":
                sub.mkdir()
                (sub / "back").symlink_to(root)
                expect.certain[str(sub / "back")] = "link_loop"
                expect.inputs += 1
            else:
                sub.mkdir()
                _build(sub, spec[1], root, expect, serial)  # type: ignore[index]
            continue
        path = folder / f"{name}{_suffix(kind)}"
        where = str(path)
        if kind == "text":
            _, enc, words = spec  # type: ignore[misc]
            path.write_bytes(f"{tag} {' '.join(words)}".encode(enc, "replace"))
            expect.once.add(where)
            expect.inputs += 1
        elif kind == "binary":
            path.write_bytes(tag.encode() + b"\x00\xff" + spec[1])  # type: ignore[index]
            expect.once.add(where)
            expect.inputs += 1
        elif kind == "jsonl":
            lines, n = [], 0
            for i, what in enumerate(spec[1]):  # type: ignore[index]
                line = {
                    "good": json.dumps({"text": f"{tag} line {i}: talks in Baku", "title": i}),
                    "bad": "{not json",
                    "blank": "",
                    "array": json.dumps([tag, i]),
                    "huge": json.dumps({"text": "x" * (MAX_BYTES + 10)}),
                    "deep": "[" * 50_000,
                }[what]
                lines.append(line)
                n += what != "blank"
            path.write_text("\n".join(lines) + "\n", "utf-8")
            if n:
                expect.inputs += n
            else:
                expect.certain[where] = "empty"
                expect.inputs += 1
        elif kind == "rss":
            entries_n = spec[1]  # type: ignore[index]
            path.write_bytes(_rss(entries_n, tag))
            if entries_n:
                expect.inputs += entries_n
            else:
                expect.certain[where] = "empty"
                expect.inputs += 1
        elif kind == "readme":
            (folder / f"README-{name}.md").write_text("# notes", "utf-8")
            expect.ignored += 1
        elif kind == "hidden":
            (folder / f".{name}").write_text(f"{tag} secret", "utf-8")
            expect.ignored += 1
        elif kind == "link":
            target = folder / f"{name}-target.txt"
            target.write_text(f"{tag} the minister met officials in Baku on Tuesday", "utf-8")
            path.symlink_to(target)
            expect.once |= {where, str(target)}  # the same bytes twice: one is stored, one skipped
            expect.inputs += 2
        elif kind == "badname":
            raw = os.fsencode(folder) + b"/caf\xe9-" + os.fsencode(name) + b".txt"
            fd = os.open(raw, os.O_WRONLY | os.O_CREAT, 0o644)
            os.write(fd, f"{tag} talks resumed in Baku".encode())
            os.close(fd)
            expect.once.add(display_path(raw.decode("utf-8", "surrogateescape")))
            expect.inputs += 1
        else:
            if kind == "empty":
                path.write_bytes(b"")
            elif kind == "empty_jsonl":
                path.write_text("\n \n", "utf-8")
            elif kind == "big":
                with path.open("wb") as fh:
                    fh.truncate(MAX_BYTES * 3)
            elif kind == "urls":
                path.write_text("https://news.example/a\n", "utf-8")
            elif kind == "locked":
                path.write_text(f"{tag} locked", "utf-8")
                path.chmod(0)
            elif kind == "dangling":
                path.symlink_to(folder / f"{name}-missing")
            elif kind == "fifo":
                os.mkfifo(path)
            expect.certain[where] = CERTAIN[kind]
            expect.inputs += 1


def _suffix(kind: str) -> str:
    return {"jsonl": ".jsonl", "empty_jsonl": ".jsonl", "rss": ".rss", "urls": ".urls", "text": ".txt"}.get(kind, ".dat")


@contextmanager
def _time_limit(seconds: int) -> Iterator[None]:
    """A FIFO opened for reading would block for ever: fail instead of hanging the suite."""

    def expired(signum: int, frame: object) -> None:
        raise TimeoutError(f"the walk took over {seconds} s (blocked on a FIFO?)")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@BOUNDED
@given(trees())
def test_every_input_of_a_random_tree_is_accounted_for(tree: list[tuple[str, object]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        corpus = base / "corpus"
        corpus.mkdir()
        expect = Expect()
        _build(corpus, tree, corpus, expect, [0])
        config = write_config(base, READ_CLEAN_LAYERS)
        config.write_text(config.read_text("utf-8").replace("max_bytes = 50000000", f"max_bytes = {MAX_BYTES}"), "utf-8")
        assert f"max_bytes = {MAX_BYTES}" in config.read_text("utf-8")
        store = open_store(str(base / "store.db"))
        try:
            with file_permissions_apply(), _time_limit(120):
                summary = ingest([corpus], store=store, config=config, batch_size=3)
            recorded = {e.where: e.kind for e in store.iter_errors()}
            stored = [a.path for a in store.list_articles()]
        finally:
            store.close()
            for p in corpus.rglob("*"):  # let the temporary folder be removed
                if not p.is_symlink():
                    p.chmod(0o755)
    TALLY.inputs += summary.seen
    TALLY.stored += summary.stored
    TALLY.errors.update(e.kind for e in summary.errors)
    # The counting invariant, and the store agrees with the summary.
    assert summary.seen == summary.stored + summary.skipped + len(summary.errors) == expect.inputs
    assert recorded == {e.where: e.kind for e in summary.errors}
    assert len(stored) == summary.stored
    assert len(summary.ignored) == expect.ignored
    # Inputs with a certain outcome are recorded as such.
    for where, kind in expect.certain.items():
        assert recorded.get(where) == kind, (where, recorded)
    # Each file ends stored or recorded, once (a link and its target: one of them may be skipped).
    outcomes = [p for p in stored if p in expect.once] + [w for w in recorded if w in expect.once]
    assert len(outcomes) == len(set(outcomes))
    assert len(outcomes) + summary.skipped >= len(expect.once)
    assert "internal_error" not in recorded.values()
