"""HTML rendering: visible text, layout as line breaks, and offsets back into the markup."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dragoman.ingest.html import looks_like_html, page_meta, parse, render

WORDS = [
    "Baku",
    "أذربيجان",
    "ישראל",
    "talks",
    "&amp;",
    "&lt;",
    "&#1575;",
    "&nbsp;",
    "R&D",
    "x\r\ny",
    "  ",
    "\n",
]
BLOCKS = ["p", "div", "li", "h2", "td", "section"]
INLINE = ["b", "a", "span", "em"]


@st.composite
def pages(draw: st.DrawFn) -> str:
    parts: list[str] = []
    for _ in range(draw(st.integers(1, 12))):
        words = " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=6)))
        inline = draw(st.sampled_from(INLINE))
        block = draw(st.sampled_from(BLOCKS))
        kind = draw(st.integers(0, 4))
        if kind == 0:
            parts.append(f"<{block}>{words} <{inline}>{words}</{inline}> {words}</{block}>")
        elif kind == 1:
            parts.append(f"<script>var s = '{words}</p>';</script>{words}")
        elif kind == 2:
            parts.append(f"<!-- {words} -->{words}<br>")
        elif kind == 3:
            parts.append(f"<pre>{words}\n  {words}</pre>")
        else:
            parts.append(f"<style>p {{}}</style><{block} hidden>{words}</{block}>{words}")
    return "<html><head><title>t</title></head><body>" + "".join(parts) + "</body></html>"


@settings(max_examples=150, deadline=None)
@given(pages())
def test_every_visible_character_points_at_itself_or_its_entity(page: str) -> None:
    r = render(page)
    assert len(r.offsets) == len(r.text)
    assert r.offsets == sorted(r.offsets)
    for i, ch in enumerate(r.text):
        if ch in " \n":
            continue
        at = page[r.offsets[i]]
        assert at == ch or at == "&", (ch, page[r.offsets[i] : r.offsets[i] + 8])
    assert "var s" not in r.text and "p {}" not in r.text
    assert "  " not in r.text.replace("\n", "") or "<pre>" in page


def test_blocks_break_lines_inline_does_not() -> None:
    r = render("<div><h1>Title</h1><p>One <b>bold</b> word.</p><ul><li>a</li><li>b</li></ul></div>")
    assert r.text == "Title\nOne bold word.\na\nb"


def test_table_cells_are_separated() -> None:
    r = render("<table><tr><td>Baku</td><td>2025</td></tr><tr><td>Tel Aviv</td><td>2024</td></tr></table>")
    assert r.text == "Baku 2025\nTel Aviv 2024"


def test_hidden_and_non_visible_elements_dropped() -> None:
    r = render(
        '<body><p style="display: none">gone</p><div aria-hidden="true">icon</div>'
        "<noscript>js</noscript><template>tpl</template><select><option>menu</option></select><p>kept</p></body>"
    )
    assert r.text == "kept"


def test_xml_declaration_and_xhtml() -> None:
    page = '<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><body><p>שלום</p></body></html>'
    assert render(page).text == "שלום"
    assert looks_like_html(page)


def test_looks_like_html() -> None:
    assert looks_like_html("<!doctype html><p>x</p>")
    assert looks_like_html("  <!-- saved -->\n<html><body>x</body></html>")
    assert not looks_like_html("Plain text that mentions <html> later on is still text\n" * 2 + "x" * 5000)


def test_page_meta_fallbacks() -> None:
    tree = parse(
        "<html><head><title> Only   title </title>"
        '<meta name="application-name" content="Outlet"></head>'
        '<body><time itemprop="datePublished" datetime="2025-02-03T08:00">3 Feb</time></body></html>'
    )
    assert tree is not None
    meta = page_meta(tree)
    assert (meta.title, str(meta.published), meta.site_name) == ("Only title", "2025-02-03", "Outlet")


def test_adjacent_links_are_separate_items_but_glued_prefixes_stay() -> None:
    r = render("<nav><a>חדשות</a><a>פוליטי</a><button>בעולם</button></nav><p>قال و<a>إسرائيل</a> اليوم</p>")
    assert r.text == "חדשות פוליטי בעולם\nقال وإسرائيل اليوم"


def test_collapsible_runs_are_those_a_browser_collapses() -> None:
    import itertools
    import re

    from dragoman.ingest.html import _COLLAPSE_RE

    # the plain statement of the rule: a whitespace run with a break or tab in it, or 2+ spaces
    plain = re.compile(r"[ \t\n\r\f]*[\t\n\r\f][ \t\n\r\f]*| {2,}")
    for n in range(6):
        for chars in itertools.product(" \tn\u00a0x", repeat=n):
            s = "".join(chars).replace("n", "\n")
            assert [m.span() for m in _COLLAPSE_RE.finditer(s)] == [m.span() for m in plain.finditer(s)], s
    assert [m.group() for m in _COLLAPSE_RE.finditer("Norland  and\n Valdoria met")] == ["  ", "\n "]
