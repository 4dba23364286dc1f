"""Hostile inputs, fed through ``dragoman.api.ingest`` into a store: none crashes, none is dropped.

Each case writes files to a temporary corpus folder (the big ones are
generated here, never committed), ingests the folder and checks that every
input ended as a stored article or a stored error record.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fuzzkit import READ_CLEAN_LAYERS, account, check_spans, make_store, no_internal_errors, write_config

from dragoman.api import ingest
from dragoman.ingest import iter_inputs

AR = "قال وزير الخارجية إن المحادثات ستستأنف في باكو يوم الثلاثاء."
HE = "ראש הממשלה נפגש אתמול בירושלים עם שר החוץ."
EN = "The minister said talks would resume in Baku on Tuesday."


def _ingest(
    tmp_path: Path,
    files: dict[str, bytes],
    texts: dict[str, str] | None = None,
    layers: frozenset[str] | None = None,
    max_text_chars: int | None = None,
) -> dict[str, str]:
    """Ingest ``files`` (name -> bytes); every input's outcome ("stored" or an error kind) by name.

    JSONL records are named ``file.jsonl:LINE``.  Stored articles' text goes into ``texts``.
    ``layers`` limits the pipeline to the stages providing those layers (see fuzzkit).
    """
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, data in files.items():
        (corpus / name).write_bytes(data)
    ids = {Path(a.source.path or "").name: a.id for a in iter_inputs([corpus])}
    store = make_store(tmp_path / "store.db")
    try:
        config = write_config(tmp_path, layers)
        if max_text_chars is not None:
            toml = re.sub(r"(?m)^max_text_chars = .*$", f"max_text_chars = {max_text_chars}", config.read_text("utf-8"))
            config.write_text(toml, "utf-8")
        summary = ingest([corpus], store=store, config=config, batch_size=4)
        assert summary.seen == len(ids)
        no_internal_errors(summary.errors)
        outcomes = {e.article_id: e.kind for e in summary.errors}
        stored_text = {}
        for art in store.iter_articles():
            check_spans(art)
            outcomes[art.id] = "stored"
            stored_text[art.id] = art.text
        account(store, outcomes, list(ids.values()))
        assert summary.stored + summary.skipped + len(summary.errors) == len(ids)
    finally:
        store.close()
    if texts is not None:
        texts.update({name: stored_text[art_id] for name, art_id in ids.items() if art_id in stored_text})
    return {name: outcomes[art_id] for name, art_id in ids.items()}


def test_empty_whitespace_and_binary_inputs_become_error_records(tmp_path: Path) -> None:
    out = _ingest(tmp_path, {
        "empty.txt": b"",
        "spaces.txt": b" \t\r\n \n",
        "nbsp.txt": "\u00a0\u2003\n".encode(),
        "empty.html": b"<html><body>   </body></html>",
        "png.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200),
        "nul.txt": b"abc\x00def" * 10,
    })
    assert all(kind != "stored" for kind in out.values()), out


def test_truncated_utf8_and_wrong_declared_charset(tmp_path: Path) -> None:
    ar = AR.encode()
    out = _ingest(tmp_path, {
        "cut-mid-letter.txt": ar[: len(ar) // 2 * 2 - 1],  # stops inside a two-byte letter
        "cut-html.html": f"<html><body><p>{AR}</p>".encode()[:-3],
        "latin1-says-arabic.html": b'<meta charset="iso-8859-1"><p>' + ar + b"</p>",
        "cp1256-says-utf8.html": b'<meta charset="utf-8"><p>' + AR.encode("cp1256") + b"</p>",
        "unknown-label.html": b'<meta charset="x-no-such-charset"><p>' + HE.encode() + b"</p>",
        "cp1255-undeclared.txt": HE.encode("cp1255"),
    })
    assert set(out) == {"cut-mid-letter.txt", "cut-html.html", "latin1-says-arabic.html", "cp1256-says-utf8.html",
                        "unknown-label.html", "cp1255-undeclared.txt"}
    assert out["latin1-says-arabic.html"] == "stored"  # the declaration is wrong; the text is fine


def test_bidi_controls_zero_width_and_mixed_scripts(tmp_path: Path) -> None:
    mixed = f"\u202b{AR}\u202c \u2067{HE}\u2069 \u202e{EN}\u202c\u200f\u200e"
    zw = "\u200dلا\u200c إله\u200d" + "\u2060".join(HE.split()) + "\ufeff" + EN
    out = _ingest(tmp_path, {
        "bidi.txt": mixed.encode(),
        "zw.txt": zw.encode(),
        "bidi.html": f"<html><body dir='rtl'><p>{mixed}</p><p dir='ltr'>{zw}</p></body></html>".encode(),
        "only-controls.txt": "\u202e\u200f\u200d\u2066\u2069".encode(),
    })
    assert out["bidi.txt"] == "stored" and out["zw.txt"] == "stored"


def test_script_and_markup_injection_never_reaches_the_text(tmp_path: Path) -> None:
    page = (
        "<html><head><script>document.write('INJECTED-HEAD')</script><style>p{}/*INJECTED-CSS*/</style></head>"
        f"<body><p>{EN}</p><script type='text/javascript'>alert('INJECTED-BODY')</script>"
        f"<img src=x onerror=\"alert('INJECTED-ATTR')\"><p>{AR}</p><!-- INJECTED-COMMENT -->"
        "<noscript><iframe src='javascript:alert(1)'></iframe></noscript></body></html>"
    )
    texts: dict[str, str] = {}
    out = _ingest(tmp_path, {
        "inject.html": page.encode(),
        "tags-in-text.txt": f"{EN} <script>alert('x')</script> </textarea><b>{HE}".encode(),
        "jsonl-with-html.jsonl": ('{"html": "' + page.replace('"', '\\"') + '", "url": "http://x"}\n'
                                  "not json at all\n").encode(),
    }, texts)
    assert out["inject.html"] == "stored" and out["jsonl-with-html.jsonl:1"] == "stored"
    assert out["jsonl-with-html.jsonl:2"] == "invalid_record"
    for name in ("inject.html", "jsonl-with-html.jsonl:1"):
        assert EN in texts[name] and "INJECTED" not in texts[name], "script/style/attribute/comment text leaked"
    # Plain text is kept as written, markup and all: its spans index exactly what the user gave.
    assert out["tags-in-text.txt"] == "stored" and "<script>" in texts["tags-in-text.txt"]


def test_random_bytes_files(tmp_path: Path) -> None:
    import random

    rng = random.Random(7)
    files = {f"rand-{i}.{ext}": rng.randbytes(rng.randint(64, 4000))
             for i, ext in enumerate(["txt", "html", "bin", "txt", "html", "jsonl"] * 3)}
    out = _ingest(tmp_path, files)
    # A JSONL file holds any number of records (each accounted for above); every other file is one input.
    assert {n for n in files if not n.endswith(".jsonl")} <= set(out)
    assert all(kind != "stored" for kind in out.values()), "random bytes should not pass for an article"


@pytest.mark.slow
def test_deeply_nested_html(tmp_path: Path) -> None:
    depth = 10_000
    nested = "<div>" * depth + f"<p>{AR}</p>" + "</div>" * depth
    unclosed = "<span><b>" * depth + EN
    out = _ingest(tmp_path, {
        "nested.html": f"<html><body>{nested}</body></html>".encode(),
        "unclosed.html": f"<html><body>{unclosed}".encode(),
    })
    assert set(out) == {"nested.html", "unclosed.html"}


def _line(size: int) -> bytes:
    words = (AR + " " + HE + " " + EN + " ").encode()
    line = words * (size // len(words) + 1)
    return line[: line.rfind(b" ", 0, size)]


def test_one_long_line_through_the_whole_pipeline(tmp_path: Path) -> None:
    out = _ingest(tmp_path, {"long-line.txt": _line(50_000)})
    assert out == {"long-line.txt": "stored"}


@pytest.mark.slow
def test_one_five_megabyte_line(tmp_path: Path) -> None:
    (tmp_path / "default").mkdir()
    (tmp_path / "raised").mkdir()
    # The default pipeline refuses text this long with a record, quickly, instead of holding a worker.
    out = _ingest(tmp_path / "default", {"long-line.txt": _line(5_000_000)})
    assert out == {"long-line.txt": "too_large"}
    # With the limit raised, the reading and cleaning stages (linear in size) store it.
    out = _ingest(tmp_path / "raised", {"long-line.txt": _line(5_000_000)}, layers=READ_CLEAN_LAYERS,
                  max_text_chars=10_000_000)
    assert out == {"long-line.txt": "stored"}


@pytest.mark.slow
def test_fifty_megabyte_page(tmp_path: Path) -> None:
    para = f"<p>{AR} {HE} {EN}</p>\n".encode()
    body = para * (50 * 1024 * 1024 // len(para) + 1)
    page = b"<html><head><title>big</title></head><body>" + body + b"</body></html>"
    out = _ingest(tmp_path, {"big.html": page})
    # Over the read stage's size limit it is refused with a record; under it, it must be processed.
    assert out["big.html"] in {"stored", "too_large"}
