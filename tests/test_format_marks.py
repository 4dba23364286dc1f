"""Invisible format characters (bidi marks, ZWNJ/ZWJ, soft hyphens, tatweel...) do not change what is found.

Real pages carry them inside and beside words.  The matching form of the
text (``normalize``) removes them with its offset map intact, and the
tokeniser cuts words as if they were not there, so every stage that
compares tokens sees through them (issue 16, finding 8).
"""

from __future__ import annotations

import os
import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dragoman.api import _cached_pipeline, _config_text
from dragoman.ingest import iter_inputs
from dragoman.model import Article, Source
from dragoman.pipeline.config import default_config_text
from dragoman.text import normalize, tokenize
from dragoman.text.normalize import FORMAT_CHARS

REPO = Path(__file__).resolve().parents[1]
# The seeds join the example corpus when ../shared is there (as in tests/conftest.py).
SEEDS = Path(os.environ.get("DRAGOMAN_SHARED", REPO.parent / "shared")) / "corpus" / "seeds"

RLM, LRM, ZWNJ, ZWJ, SHY, TATWEEL = "\u200f", "\u200e", "\u200c", "\u200d", "\u00ad", "\u0640"
MARKS = [RLM, LRM, ZWNJ, ZWJ, SHY, "\u061c", "\u200b", "\u2060", "\u2066", "\u2067", "\u2069", "\u202b", "\u202c",
         "\ufeff"]

BOUNDED = settings(
    derandomize=True,
    database=None,
    deadline=None,
    max_examples=30,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _entities(text: str) -> Counter[tuple[str, str]]:
    art = _run(Article.from_bytes(text.encode("utf-8"), Source(format="auto")))
    return Counter((e.qid or e.canonical, e.type.value) for e in art.entities for _ in e.mentions)


def test_normalize_removes_every_format_mark_and_maps_offsets_back() -> None:
    text = f"Eli{RLM} Co{SHY}hen و{ZWNJ}أذرب{TATWEEL}يجان{LRM}"
    n = normalize(text)
    assert n.text == "eli cohen واذربيجان"
    assert not set(n.text) & FORMAT_CHARS
    start = n.text.index("cohen")
    span = n.to_original(start, start + len("cohen"))
    assert text[span.start : span.end] == f"Co{SHY}hen"
    assert len(n.offsets) == len(n.text) + 1 and n.offsets[-1] == len(text)


def test_tokens_are_cut_as_if_the_marks_were_absent() -> None:
    text = f"{RLM}Eli{RLM} {LRM}Co{SHY}hen {RLM} met in أذرب{ZWNJ}يجان.{RLM} Then"
    toks = [text[t.start : t.end] for t in tokenize(text)]
    assert [normalize(t).text for t in toks] == ["eli", "cohen", "met", "in", "اذربيجان", ".", "then"]
    # A lone mark is no token, and the marks beside a word travel with it: what lies
    # between two tokens is only what a reader sees there.
    spans = tokenize(text)
    gaps = [text[a.end : b.start] for a, b in zip(spans, spans[1:], strict=False)]
    assert gaps == [" ", f" {RLM} ", " ", " ", "", " "]


def test_a_mark_after_the_full_stop_still_ends_the_sentence() -> None:
    from dragoman.text import sentence_spans

    text = f"The talks ended.{RLM} They resume on Monday."
    assert [text[s.start : s.end] for s in sentence_spans(text)] == ["The talks ended.", "They resume on Monday."]


@pytest.mark.parametrize("where", range(len("Eli Cohen") + 1))
def test_an_rlm_anywhere_in_a_name_keeps_the_entity(where: int) -> None:
    # Finding 8: an RLM inside "Eli Cohen" lost the entity.
    sentence = "Foreign Minister Eli Cohen flew to Baku on Monday for talks on energy and trade."
    marked = sentence.replace("Eli Cohen", "Eli Cohen"[:where] + RLM + "Eli Cohen"[where:])
    assert _entities(marked) == _entities(sentence)
    assert _entities(marked)[("Eli Cohen", "PERSON")] >= 1


def test_a_zwnj_inside_an_arabic_name_keeps_every_mention() -> None:
    # Finding 8: a ZWNJ inside أذربيجان dropped Azerbaijan from 8 mentions to 1.
    text = (
        "أعلنت أذربيجان أمس أن وفدا من أذربيجان سيزور المنطقة، وقال مسؤول إن أذربيجان ترحب بالحوار. "
        "وأكدت وزارة الخارجية في أذربيجان أن العلاقات مع أذربيجان تتطور."
    )
    plain = _entities(text)
    assert plain[("Q227", "GPE")] == 5
    marked = text.replace("أذربيجان", f"أذرب{ZWNJ}يجان")
    assert _entities(marked) == plain
    stretched = text.replace("أذربيجان", f"أذربيـ{TATWEEL}جان{RLM}")
    assert _entities(stretched) == plain


# -- property: marks inserted at random into the example corpus and the seeds -----------------------


def _corpus_files() -> list[Path]:
    files = sorted(p for p in (REPO / "examples").rglob("*") if p.suffix in (".txt", ".html"))
    if SEEDS.is_dir():
        files += sorted(SEEDS.glob("*.txt"))
    return files


def _text_positions(raw: str) -> list[int]:
    """Indices of letters outside markup and character references, where a mark may go."""
    out: list[int] = []
    in_tag = in_ref = False
    for i, ch in enumerate(raw):
        if ch == "<":
            in_tag = True
        elif ch == ">":
            in_tag = False
            continue
        elif ch == "&":
            in_ref = True
        elif in_ref and (ch == ";" or ch.isspace()):
            in_ref = False
            continue
        if ch.isalpha() and not in_tag and not in_ref:
            out.append(i)
    return out


@cache
def _original(path: Path) -> tuple[str, Article]:
    art = next(iter_inputs([path]))
    assert art.raw_bytes is not None
    return art.raw_bytes.decode("utf-8"), _run(art)


def _run(art: Article) -> Article:
    res = _cached_pipeline(_config_text(None)).run(art)
    assert res.error is None, res.error
    return res.article


def _marked(path: Path, raw: str, inserts: list[tuple[int, str, bool]]) -> Article:
    chars = list(raw)
    for i, mark, before in inserts:
        chars[i] = mark + chars[i] if before else chars[i] + mark
    fmt = "html" if path.suffix == ".html" else "auto"
    return _run(Article.from_bytes("".join(chars).encode("utf-8"), Source(path=str(path), format=fmt)))


@st.composite
def _insertions(draw: st.DrawFn) -> tuple[Path, list[tuple[int, str, bool]]]:
    path = draw(st.sampled_from(_corpus_files()))
    positions = _text_positions(_original(path)[0])
    inserts = draw(
        st.lists(st.tuples(st.sampled_from(positions), st.sampled_from(MARKS), st.booleans()), min_size=1, max_size=12)
    )
    return path, inserts


def _folded_tokens(art: Article) -> list[str]:
    return [normalize(art.text[t.start : t.end]).text for t in art.tokens]


def _gaps(art: Article) -> list[str]:
    toks = art.tokens
    return ["".join(ch for ch in art.text[a.end : b.start] if ch not in FORMAT_CHARS) for a, b in zip(toks, toks[1:], strict=False)]


@BOUNDED
@given(_insertions())
def test_random_marks_leave_the_matching_layers_unchanged(case: tuple[Path, list[tuple[int, str, bool]]]) -> None:
    """What every matching stage reads: the same tokens in matching form, the same text between them."""
    path, inserts = case
    raw, before = _original(path)
    after = _marked(path, raw, inserts)
    assert after.language == before.language
    assert _folded_tokens(after) == _folded_tokens(before)
    assert _gaps(after) == _gaps(before)
    assert len(after.sentences) == len(before.sentences)


def _entity_counts(art: Article) -> Counter[tuple[str, str]]:
    return Counter((e.qid or e.canonical, e.type.value) for e in art.entities for _ in e.mentions)


@BOUNDED
@given(_insertions())
def test_random_marks_leave_the_entities_unchanged(case: tuple[Path, list[tuple[int, str, bool]]]) -> None:
    """The default pipeline, tagger included: the same entities, with the same mention counts."""
    path, inserts = case
    raw, _ = _original(path)
    pipe = _cached_pipeline(default_config_text())
    before = pipe.run(next(iter_inputs([path]))).article
    chars = list(raw)
    for i, mark, ahead in inserts:
        chars[i] = mark + chars[i] if ahead else chars[i] + mark
    fmt = "html" if path.suffix == ".html" else "auto"
    after = pipe.run(Article.from_bytes("".join(chars).encode("utf-8"), Source(path=str(path), format=fmt))).article
    assert _entity_counts(after) == _entity_counts(before)


def _marked_inside_words(text: str, mark: str) -> str:
    """``mark`` inside many words of ``text`` (between two letters), deterministically."""
    return re.sub(r"(?<=\w\w)(?=\w\w)", lambda m: mark if m.start() % 7 == 0 else "", text)


@pytest.mark.parametrize("mark", [ZWNJ, RLM])
def test_marks_inside_words_leave_the_tagger_unchanged(mark: str) -> None:
    for path in sorted((REPO / "examples").rglob("*.txt")):
        text = path.read_text("utf-8")
        assert _entities(_marked_inside_words(text, mark)) == _entities(text), path.name


def test_a_mark_beside_a_case_sensitive_acronym_keeps_it() -> None:
    sentence = "Officials from the US met their counterparts in Baku on Monday."
    assert _entities(sentence.replace("US", f"{RLM}US"))[("Q30", "GPE")] == 1
