"""The per-article view: direction, glosses, labels, safe links."""

from __future__ import annotations

import pytest
from report_fixtures import arabic_article, english_article, hebrew_article

from dragoman.model import Article, Boilerplate, Granularity, Span, TimeExpr
from dragoman.views import article_view
from dragoman.views.labels import direction, is_web_url, qid_url, time_label, title_of


def test_direction_comes_from_cldr() -> None:
    assert direction("ar") == "rtl"
    assert direction("he") == "rtl"
    assert direction("fa") == "rtl"
    assert direction("en") == "ltr"
    assert direction(None) == "auto"
    assert direction("not-a-language") == "auto"


def test_only_web_urls_become_links() -> None:
    assert is_web_url("https://example.org/a")
    assert not is_web_url("javascript:alert(1)")
    assert not is_web_url(None)
    assert qid_url("Q227") == "https://www.wikidata.org/wiki/Q227"
    assert qid_url("Q22x") is None


def test_time_label_says_what_it_was_resolved_against() -> None:
    t = TimeExpr(Span(0, 3), "2023-03-29", Granularity.DAY, relative=True, anchor="2023-03-30")
    assert time_label(t) == "2023-03-29 (day), relative to 2023-03-30"
    assert "unresolved" in time_label(TimeExpr(Span(0, 3), None, Granularity.UNRESOLVED, relative=True))


def test_title_falls_back_to_first_body_line() -> None:
    a = Article.from_text("Menu\n\nThe real headline\nbody")
    a.boilerplate = [Boilerplate(Span(0, 4), "menu")]
    assert title_of(a) == "The real headline"


def test_events_quotes_claims_are_glossed_in_english() -> None:
    a = arabic_article()
    v = article_view(a)
    (ev,) = v.events
    assert ev.heading == "Azerbaijan — cooperate (diplomatic, economic, security ties) — Israel"
    assert ("status", "occurred: happened") in ev.details
    assert ev.evidence[0].text == a.span_text(a.events[0].evidence[0])
    (q,) = v.quotes
    assert q.heading == "Samer al-Nahhas"
    assert ("form", "direct quotation") in q.details
    (c,) = v.claims
    assert ("claimant", "مصادر مطلعة") in c.details
    assert ("about", "Azerbaijan") in c.details


def test_entity_lines_count_surface_forms() -> None:
    v = article_view(arabic_article())
    az = next(e for e in v.entities if e.id == "country:AZ")
    assert az.count == 4
    assert az.forms[0] == "أذربيجان"  # the most frequent form first
    assert set(az.forms) == {"أذربيجان", "الأذربيجاني", "باكو"}


def test_estimated_published_date_is_marked() -> None:
    v = article_view(hebrew_article())
    assert ("published", "2023-03-01 (estimated)") in v.meta
    assert ("published", "2025-08-11") in article_view(english_article()).meta


def test_extension_event_codes_get_their_definition() -> None:
    from dragoman.views.labels import event_definition

    events = pytest.importorskip("dragoman.events.plover")
    spec = events.plover_spec()
    code = next(iter(spec.extensions))
    assert spec.extensions[code].doc in event_definition(code)
    assert event_definition("NOT_A_CODE") == "NOT_A_CODE"
