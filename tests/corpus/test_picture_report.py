"""The report's story and timeline pages, rendered from views/picture.py over a hand-built corpus."""

from __future__ import annotations

import re
from pathlib import Path

from builders import picture_corpus, unrelated_story
from dragoman.corpus.picture import picture_of
from dragoman.report import build_report
from dragoman.store.memory import MemoryStore
from dragoman.views.picture import stories_view, timeline_view


def _store() -> MemoryStore:
    s = MemoryStore()
    for a in [*picture_corpus(), unrelated_story()]:
        s.put_article(a)
    return s


def test_story_page_shows_merged_events_with_every_source_and_disagreement(tmp_path: Path) -> None:
    store = _store()
    build_report(store, tmp_path)
    html = (tmp_path / "stories.html").read_text("utf-8")
    view = stories_view(picture_of(store))
    main = view.stories[0]
    assert len(main.articles) == 4 and main.languages == ["ar", "en", "he"]
    assert f"<h2>{main.title}</h2>" in html.replace("&#39;", "'")
    accession = next(e for e in main.events if e.type == "ACCEDE" and e.status == "talks")
    row = re.search(rf'<tr class="merged-row" id="{accession.id}".*?</tr>', html, re.S)
    assert row is not None
    assert row.group(0).count("<li>") == 3  # three sources, in three languages
    assert "<b>status</b>: <bdi dir=\"auto\">talks</bdi>" in row.group(0)
    assert "precursor of" in row.group(0)
    assert 'href="stories.html"' in (tmp_path / "index.html").read_text("utf-8")


def test_timeline_page_draws_each_date_over_the_days_it_stands_for(tmp_path: Path) -> None:
    store = _store()
    build_report(store, tmp_path)
    t = timeline_view(picture_of(store))
    bars = {b.granularity: b for b in t.bars}
    # the merged accession talks is dated to a day (2025-03-11), the protest to a day, the done one to a day:
    # every bar is at least a sliver wide and within the axis
    assert all(0 <= b.left <= 100 and b.width > 0 for b in t.bars)
    assert "day" in bars and t.undated >= 1
    html = (tmp_path / "timeline.html").read_text("utf-8")
    assert html.count('class="tl-row"') == len(t.bars)
    assert "disputed" in html  # the cooperation dated 3 March by one source and 10 April by another


def test_a_month_bar_is_as_wide_as_its_month() -> None:
    from datetime import date

    from builders import Builder
    from dragoman.model import EventStatus, Granularity

    b = Builder("Azerbaijan met Israel in March 2025. Israel met Azerbaijan on 30 June 2025.", "en",
                published=date(2025, 7, 1))
    az, il = b.mention("Azerbaijan", "country:AZ"), b.mention("Israel", "country:IL")
    b.event("met", "CONSULT", EventStatus.OCCURRED, [az], [il], ("March 2025", "2025-03", Granularity.MONTH))
    b.event("Israel met", "CONSULT", EventStatus.OCCURRED, [il], [az], ("30 June 2025", "2025-06-30", Granularity.DAY))
    s = MemoryStore()
    s.put_article(b.done())
    t = timeline_view(picture_of(s))
    month, day = t.bars
    span = (date(2025, 6, 30) - date(2025, 3, 1)).days + 1
    assert (month.left, day.left) == (0.0, round(100 * (span - 1) / span, 3))
    assert abs(month.width - 100 * 31 / span) < 0.01 and day.width == round(100 / span, 3)  # a day is a day wide


def test_framing_page_sets_a_storys_outlets_side_by_side(tmp_path: Path) -> None:
    from dragoman.views.framing import framing_page

    store = _store()
    build_report(store, tmp_path)
    html = (tmp_path / "framing.html").read_text("utf-8")
    assert 'href="framing.html"' in (tmp_path / "index.html").read_text("utf-8")
    first = framing_page(store, [])
    told = [
        p for sid, _t, n in first.stories if n > 1
        for p in [framing_page(store, [], story=sid)] if len(p.report["outlets"]) > 1
    ]
    assert told, "the hand-built corpus has a story told by several outlets"
    for page in told:
        # one section per story, with a column per outlet the framing document lists
        title = dict((sid, t) for sid, t, _n in first.stories)[page.story]
        section = html.split(f"<h2>{title}</h2>".replace("'", "&#39;"), 1)[1].split("</section>", 1)[0]
        header = section.split("</thead>", 1)[0]
        assert header.count("<th><bdi>") == len(page.report["outlets"])
        assert section.count("<li>") >= len(page.report["articles"])
