"""Segmenting overlapping spans into nested HTML, and escaping."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from report_fixtures import Tree

from dragoman.model import Span
from dragoman.report.segments import Mark, render, segments


def test_plain_text_is_escaped() -> None:
    text = '<script>alert("x")</script> & \'q\''
    out = render(text, [])
    assert "<script>" not in out
    assert Tree.parse(out).visible() == text


def test_attribute_values_are_escaped() -> None:
    out = render("abc", [Mark(Span(0, 3), ("m",), {"title": '"><img src=x onerror=alert(1)>'})])
    tree = Tree.parse(out)
    assert "<img" not in out
    assert tree.spans[0]["attrs"]["title"] == '"><img src=x onerror=alert(1)>'  # type: ignore[index]


def test_nested_marks_stay_whole() -> None:
    text = "وقال إن «أذربيجان حليف» أمس"
    quote = Span(text.index("«"), text.index("»") + 1)
    name = Span(text.index("أذربيجان"), text.index("أذربيجان") + len("أذربيجان"))
    out = render(text, [Mark(name, ("m",)), Mark(quote, ("q",))])
    tree = Tree.parse(out)
    assert tree.texts("q") == ["«أذربيجان حليف»"]
    assert tree.texts("m") == ["أذربيجان"]
    assert out.index('class="q"') < out.index('class="m"')  # the container opens first
    assert "data-part" not in out


def test_identical_spans_nest_by_rank() -> None:
    out = render("Baku", [Mark(Span(0, 4), ("inner",), rank=3), Mark(Span(0, 4), ("outer",), rank=0)])
    assert out == '<span class="outer"><span class="inner">Baku</span></span>'


def test_crossing_marks_are_split_into_numbered_parts() -> None:
    text = "abcdefghij"
    out = render(text, [Mark(Span(0, 5), ("a",)), Mark(Span(3, 8), ("b",))])
    tree = Tree.parse(out)
    assert tree.balanced
    assert tree.visible() == text
    assert tree.texts("a") == ["abcde"]
    parts = [n for n in tree.spans if n["attrs"]["class"] == "b"]  # type: ignore[index]
    assert [n["attrs"]["data-part"] for n in parts] == ["0", "1"]  # type: ignore[index]
    assert "".join(tree.texts("b")) == "defgh"


def test_stale_and_empty_marks_are_ignored() -> None:
    out = render("abc", [Mark(Span(1, 1), ("empty",)), Mark(Span(2, 9), ("stale",))])
    assert out == "abc"


def test_segments_cover_text_once() -> None:
    text = "0123456789"
    spans = [Span(0, 4), Span(2, 6), Span(8, 10)]
    segs = segments(text, spans)
    assert "".join(text[s.start : s.end] for s, _ in segs) == text
    assert (Span(2, 4), frozenset({0, 1})) in segs
    assert (Span(6, 8), frozenset()) in segs


@st.composite
def text_and_spans(draw: st.DrawFn) -> tuple[str, list[Span]]:
    text = draw(st.text(alphabet="اب<&\"' \nשxy1", min_size=1, max_size=30))
    n = len(text)
    pairs = draw(st.lists(st.tuples(st.integers(0, n), st.integers(0, n)), max_size=8))
    return text, [Span(min(a, b), max(a, b)) for a, b in pairs]


@settings(max_examples=200, deadline=None)
@given(text_and_spans())
def test_any_overlap_renders_well_formed_and_exact(case: tuple[str, list[Span]]) -> None:
    text, spans = case
    marks = [Mark(s, ("k",), {"data-k": str(i)}) for i, s in enumerate(spans)]
    tree = Tree.parse(render(text, marks))
    assert tree.balanced
    assert tree.visible() == text
    for i, s in enumerate(spans):
        pieces = ["".join(n["text"]) for n in tree.spans if n["attrs"]["data-k"] == str(i)]  # type: ignore[index, arg-type]
        assert "".join(pieces) == text[s.start : s.end]
