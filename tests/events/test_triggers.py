"""Trigger matching: non-triggers, Arabic imperfect verbs, verbs that need their object, named tails."""

from __future__ import annotations

from collections.abc import Callable

from dragoman.events.argfeatures import Trigger, context, marker_of
from dragoman.events.clauses import clause_rules, segment
from dragoman.events.extract import extract_events, find_hits, merge
from dragoman.events.sentence import build_views
from dragoman.model import Article, EntityType, Event, EventStatus, Granularity, Span, TimeExpr

GPE = EntityType.GPE


def _types(art: Article, lang: str) -> list[str]:
    return [h.event.type for h in find_hits(art, lang)]


def test_a_ministry_is_not_a_visit(make_article: Callable[..., Article]) -> None:
    # وزارة folds to وزاره, whose stem زاره would match the visit entry زار*
    art = make_article("قالت وزارة الخارجية إن الوفد وصل.", "ar")
    assert "CONSULT" not in [h.event.type for h in find_hits(art, "ar") if art.span_text(h.event.trigger) == "وزارة"]


def test_police_and_social_media_are_not_events(make_article: Callable[..., Article]) -> None:
    art = make_article("واعتقلت الشرطة ناشطا بسبب منشور على مواقع التواصل الاجتماعي.", "ar")
    assert _types(art, "ar") == ["COERCE"]
    assert all(e.status is EventStatus.OCCURRED for e in extract_events(art, "ar"))


def test_arabic_imperfect_verbs_match_their_stem(make_article: Callable[..., Article]) -> None:
    art = make_article("وكان المتظاهرون يهتفون ضد الحكومة.", "ar")
    assert _types(art, "ar") == ["PROTEST"]


def test_a_verb_that_needs_its_object(make_article: Callable[..., Article]) -> None:
    names = {"أرمينيا": ("country:AM", GPE), "أذربيجان": ("country:AZ", GPE)}
    signed = make_article("وقعت أرمينيا وأذربيجان اتفاقا للسلام.", "ar", names)
    assert "AGREE" in _types(signed, "ar")  # signing a pact agrees to it
    clashes = make_article("وقعت اشتباكات بين أرمينيا وأذربيجان.", "ar", names)
    assert "AGREE" not in _types(clashes, "ar")


def test_a_trigger_does_not_swallow_the_party_after_it(make_article: Callable[..., Article]) -> None:
    names = {"פשיניאן": ("person:pashinyan", EntityType.PERSON), "טראמפ": ("person:trump", EntityType.PERSON)}
    art = make_article("ניקול פשיניאן הודה לטראמפ על מאמציו.", "he", names)
    ev = next(e for e in extract_events(art, "he") if e.type == "SUPPORT")
    assert art.span_text(ev.trigger) == "הודה"
    assert ev.recipients == ["person:trump"]


def test_the_subject_of_an_obligation_is_the_one_asked(make_article: Callable[..., Article]) -> None:
    art = make_article("Armenia must amend its constitution.", "en", {"Armenia": ("country:AM", GPE)})
    hit = next(h for h in find_hits(art, "en") if h.event.type == "REQUEST")
    assert hit.subject == "recipient"


def test_the_second_party_of_between_shares_its_marker(make_article: Callable[..., Article]) -> None:
    names = {"ירדן": ("country:JO", GPE), "מצרים": ("country:EG", GPE)}
    art = make_article("סיכמנו לחתום על הסכם סחר בין ירדן למצרים.", "he", names)
    view = build_views(art, "he", set(clause_rules("he").breaks))[0]
    ctx = context(view, "he", segment(view, clause_rules("he")), [Trigger(0, 1, "AGREE", "verb")])
    assert [marker_of(ctx, m)[0] for m in view.mentions] == ["between", "between"]


def test_a_marker_in_another_clause_does_not_mark_the_mention(make_article: Callable[..., Article]) -> None:
    art = make_article("وتجدر الإشارة إلى أن الكويت قطعت علاقاتها.", "ar", {"الكويت": ("country:KW", GPE)})
    view = build_views(art, "ar", set(clause_rules("ar").breaks))[0]
    ctx = context(view, "ar", segment(view, clause_rules("ar")), [Trigger(5, 6, "SANCTION", "verb")])
    assert marker_of(ctx, view.mentions[0])[0] == "-"


def _event(start: int, end: int, date: str | None) -> Event:
    when = TimeExpr(Span(start, end), date, Granularity.MONTH) if date else None
    return Event("", "SANCTION", None, EventStatus.OCCURRED, ["country:TR"], ["country:IL"], [Span(start, end)], when)


def test_a_telling_with_another_date_is_another_event() -> None:
    assert len(merge([_event(0, 10, "2024-05"), _event(20, 30, "2024-04")])) == 2
    assert len(merge([_event(0, 10, "2024-05"), _event(20, 30, None)])) == 1
