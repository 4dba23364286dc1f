"""Build a whole report from hand-built Arabic, Hebrew and English articles and read the HTML back."""

from __future__ import annotations

import re
from pathlib import Path

from report_fixtures import FakeStore, Tree, arabic_article, english_article, hebrew_article

from dragoman.model import Article, Boilerplate, Source, Span
from dragoman.report import build_report
from dragoman.report.builder import article_filename


def _page(out: Path, article: Article) -> str:
    return (out / article_filename(article)).read_text("utf-8")


def test_index_lists_articles_entities_errors(store: FakeStore, tmp_path: Path) -> None:
    index = build_report(store, tmp_path)
    assert index == tmp_path / "index.html"
    html = index.read_text("utf-8")
    for a in store.iter_articles():
        assert f'href="{article_filename(a)}"' in html
        assert (tmp_path / article_filename(a)).is_file()
    rows = re.findall(r'<tr class="entity-row" data-entity="([^"]+)">(.*?)</tr>', html, re.S)
    by_id = {eid: body for eid, body in rows}
    assert set(by_id) == {r.id for r in store.entity_table()}
    az = by_id["country:AZ"]
    # canonical, linked QID, type, 2 articles, 5 mentions, surface forms without the clitic
    assert re.search(r'<td><a href="entities/[0-9a-f]{16}\.html">Azerbaijan</a></td>', az)
    assert '<a href="https://www.wikidata.org/wiki/Q227">Q227</a>' in az
    assert re.search(r'<td class="num">2</td><td class="num">5</td>', az)
    assert "באקו" in az and "ובאקו" not in az
    assert "bad/&lt;x&gt;.html" in html and "bytes &lt;undecodable&gt;" in html
    assert "2023-03-01 (estimated)" in html


def test_rtl_bodies_and_exact_highlights(store: FakeStore, tmp_path: Path) -> None:
    build_report(store, tmp_path)
    ar = arabic_article()
    html = _page(tmp_path, ar)
    assert '<div class="article-text" id="text" dir="rtl" lang="ar">' in html
    body = html[html.index('id="text"') : html.index('<div class="side">')]
    tree = Tree.parse(body[body.index(">") + 1 :])
    assert tree.balanced
    assert tree.visible().rstrip("\n") == ar.text.rstrip("\n")
    assert tree.texts("m") == [ar.span_text(m.span) for m in sorted(ar.mentions, key=lambda m: m.span.start)]
    assert tree.texts("tx") == ["أمس", "1993"]
    assert tree.texts("bp") == [ar.span_text(b.span) for b in ar.boilerplate]
    assert tree.texts("q") == ["«باكو اختارت توقيتا محسوبا»"]
    titles = {n["attrs"]["title"] for n in tree.spans if "m" in str(n["attrs"]["class"]).split()}  # type: ignore[index]
    assert "Azerbaijan · Q227 · GPE · demonym / relational adjective" in titles
    assert "Azerbaijan · Q227 · GPE · metonym (a capital or seat for a government)" in titles
    assert any(str(t).startswith("2023-03-29 (day), relative to 2023-03-30") for t in
               (n["attrs"].get("title") for n in tree.spans))  # type: ignore[attr-defined]
    # every evidence link in the side panel points at a mark that exists in the text
    targets = re.findall(r'class="evidence" href="#" data-target="([^"]+)"', html)
    assert targets and all(f'data-anchor="{t}"' in body for t in targets)

    he = hebrew_article()
    assert 'dir="rtl" lang="he"' in _page(tmp_path, he)
    en = _page(tmp_path, english_article())
    assert 'id="text" dir="ltr" lang="en"' in en
    assert "Waiver &lt;b&gt;news&lt;/b&gt;" in en and "<b>news</b>" not in en


def test_hostile_input_is_inert(tmp_path: Path) -> None:
    text = 'Hi <script>alert(1)</script> "x" <img src=x onerror=alert(2)>'
    a = Article.from_text(text, Source(title="<script>t()</script>", url="javascript:alert(3)",
                                       outlet='"><svg onload=alert(4)>'))
    a.language = "en"
    a.boilerplate = [Boilerplate(Span(0, 2), '"><script>r()</script>')]
    store = FakeStore()
    store.put_article(a)
    build_report(store, tmp_path)
    pages = [_page(tmp_path, a), (tmp_path / "index.html").read_text("utf-8")]
    for html in pages:
        scripts = re.findall(r"<script[^>]*>", html)
        assert all("assets/report.js" in s for s in scripts)
        assert "<img" not in html and "<svg" not in html
    assert 'href="javascript:' not in pages[0]
    assert "javascript:alert(3)" in pages[0]  # shown as text, not a link


def test_no_external_resources(store: FakeStore, tmp_path: Path) -> None:
    build_report(store, tmp_path)
    for page in tmp_path.rglob("*.html"):
        html = page.read_text("utf-8")
        for ref in re.findall(r'(?:src|href)="([^"]+)"', re.sub(r"<a [^>]*>", "", html)):
            assert "://" not in ref, f"{page.name} loads {ref}"
            assert (page.parent / ref).resolve().is_file(), f"{page.name}: missing {ref}"
    css = (tmp_path / "assets" / "report.css").read_text("utf-8")
    assert "unicode-bidi: isolate" in css and "@import" not in css and "url(" not in css


def test_report_over_the_sqlite_store(tmp_path: Path) -> None:
    # The real default backend, round-tripping every layer through Article JSON.
    from dragoman.store.sqlite import SQLiteStore

    store = SQLiteStore(tmp_path / "r.db")
    store.migrate()
    for a in (arabic_article(), hebrew_article(), english_article()):
        assert store.put_article(a)
    build_report(store, tmp_path / "out")
    store.close()
    html = _page(tmp_path / "out", arabic_article())
    assert 'data-entity="country:AZ"' in html and "cooperate (diplomatic" in html


def test_rebuilding_drops_pages_of_articles_no_longer_stored(store: FakeStore, tmp_path: Path) -> None:
    build_report(store, tmp_path)
    keep = tmp_path / "articles" / "notes.txt"
    keep.write_text("mine", "utf-8")
    only = FakeStore()
    only.put_article(english_article())
    build_report(only, tmp_path)
    pages = sorted(p.name for p in (tmp_path / "articles").glob("*.html"))
    assert pages == [Path(article_filename(english_article())).name]
    assert keep.read_text("utf-8") == "mine"


def test_entity_and_event_pages_come_from_the_views(store: FakeStore, tmp_path: Path) -> None:
    from dragoman.report.builder import entity_filename

    build_report(store, tmp_path)
    az = (tmp_path / entity_filename("country:AZ")).read_text("utf-8")
    assert "<h1>Azerbaijan" in az and "Q227" in az
    assert re.search(r'<tr class="role-row" data-event="e1"><td>actor</td>', az)
    events = (tmp_path / "events.html").read_text("utf-8")
    assert 'data-type="COOPERATE"' in events and "Azerbaijan" in events and "Israel" in events
    index = (tmp_path / "index.html").read_text("utf-8")
    assert '<a href="events.html">1 events</a>' in index
