"""Clauses: each event's evidence is its own clause, and its date the time expression governing it."""

from __future__ import annotations

from collections.abc import Callable

from dragoman.events.clauses import bounds, clause_rules, segment
from dragoman.events.extract import extract_events, find_hits
from dragoman.events.sentence import build_views
from dragoman.model import Article, EntityType, Granularity, Span, TimeExpr

GPE = EntityType.GPE


def _time(art: Article, surface: str, value: str) -> TimeExpr:
    start = art.text.index(surface)
    return TimeExpr(Span(start, start + len(surface)), value, Granularity.DAY)


def _clauses(art: Article, lang: str) -> list[list[str]]:
    view = build_views(art, lang, set(clause_rules(lang).breaks))[0]
    clause = segment(view, clause_rules(lang))
    out: list[list[str]] = []
    for i, w in enumerate(view.words):
        if i == 0 or clause[i] != clause[i - 1]:
            out.append([])
        out[-1].append(w)
    return out


def test_complementizers_and_commas_open_clauses(make_article: Callable[..., Article]) -> None:
    art = make_article("The minister said that Israel will open an embassy, which angered Iran.", "en")
    assert _clauses(art, "en") == [
        ["The", "minister", "said"],
        ["that", "Israel", "will", "open", "an", "embassy", ","],
        ["which", "angered", "Iran", "."],
    ]


def test_bounds_cover_one_clause() -> None:
    clause = [0, 0, 1, 1, 1, 2]
    assert bounds(clause, 3) == (2, 5)
    assert bounds(clause, 0) == (0, 2)
    assert bounds(clause, 5) == (5, 6)


def test_evidence_is_the_events_clause_not_the_sentence(make_article: Callable[..., Article]) -> None:
    names = {"Iran": ("country:IR", GPE), "Oman": ("country:OM", GPE), "Israel": ("country:IL", GPE)}
    text = "Iran held talks with Oman, while Israel attacked a convoy."
    art = make_article(text, "en", names)
    events = {e.type: e for e in extract_events(art, "en")}
    assert [art.span_text(s) for s in events["CONSULT"].evidence] == ["Iran held talks with Oman"]
    assert [art.span_text(s) for s in events["ASSAULT"].evidence] == ["while Israel attacked a convoy"]


def test_arabic_clause_after_complementizer(make_article: Callable[..., Article]) -> None:
    names = {"إيران": ("country:IR", GPE), "عمان": ("country:OM", GPE)}
    art = make_article("وقال المتحدث إن إيران ستجري محادثات مع عمان.", "ar", names)
    ev = next(e for e in extract_events(art, "ar") if e.type == "CONSULT")
    assert art.span_text(ev.evidence[0]) == "إن إيران ستجري محادثات مع عمان"


def test_each_event_gets_the_date_of_its_own_clause(make_article: Callable[..., Article]) -> None:
    names = {"Iran": ("country:IR", GPE), "Oman": ("country:OM", GPE), "Israel": ("country:IL", GPE)}
    text = "Iran held talks with Oman on Monday, after Israel attacked a convoy in 2019."
    art = make_article(text, "en", names)
    art.time_expressions = [_time(art, "Monday", "2024-05-06"), _time(art, "2019", "2019")]
    events = {e.type: e for e in extract_events(art, "en")}
    assert events["CONSULT"].date is not None and events["CONSULT"].date.value == "2024-05-06"
    assert events["ASSAULT"].date is not None and events["ASSAULT"].date.value == "2019"


def test_a_date_of_another_clause_is_not_borrowed(make_article: Callable[..., Article]) -> None:
    names = {"Iran": ("country:IR", GPE), "Oman": ("country:OM", GPE), "Israel": ("country:IL", GPE)}
    text = "In 2016 Israel attacked a convoy, and Iran later held talks with Oman."
    art = make_article(text, "en", names)
    art.time_expressions = [_time(art, "2016", "2016")]
    events = {e.type: e for e in extract_events(art, "en")}
    assert events["ASSAULT"].date is not None and events["ASSAULT"].date.value == "2016"
    assert events["CONSULT"].date is None


def _dates(art: Article, lang: str) -> dict[str, str | None]:
    return {
        art.span_text(e.trigger): e.date.value if e.date else None
        for e in extract_events(art, lang)
        if e.trigger
    }


def _hit_dates(art: Article, lang: str) -> dict[str, str | None]:
    """Each trigger's date, before party-less triggers inside another's clause are dropped."""
    return {
        art.span_text(h.event.trigger): h.event.date.value if h.event.date else None
        for h in find_hits(art, lang)
        if h.event.trigger
    }


def test_one_time_expression_dates_the_reported_and_relative_clauses(
    make_article: Callable[..., Article],
) -> None:
    names = {
        "The United States": ("country:US", GPE),
        "Jordan": ("country:JO", GPE),
        "Syria": ("country:SY", GPE),
    }
    text = "The United States said on Monday that it renewed a waiver which allows Jordan to import gas from Syria."
    art = make_article(text, "en", names)
    art.time_expressions = [_time(art, "Monday", "2023-06-05")]
    assert _dates(art, "en") == {"waiver": "2023-06-05", "allows": "2023-06-05"}


def test_a_relative_clause_inherits_in_arabic_and_hebrew(make_article: Callable[..., Article]) -> None:
    ar = make_article(
        "التقى وزير خارجية إيران نظيره العماني يوم الاثنين الذي وقع اتفاقا مع إسرائيل.",
        "ar",
        {"إيران": ("country:IR", GPE), "إسرائيل": ("country:IL", GPE)},
    )
    ar.time_expressions = [_time(ar, "يوم الاثنين", "2024-05-06")]
    assert _dates(ar, "ar") == {"التقى": "2024-05-06", "وقع اتفاقا": "2024-05-06"}
    he = make_article(
        "שר החוץ של עומאן נפגש אתמול עם ראש ממשלת ישראל, אשר חתם על הסכם עם עומאן.",
        "he",
        {"עומאן": ("country:OM", GPE), "ישראל": ("country:IL", GPE)},
    )
    he.time_expressions = [_time(he, "אתמול", "2024-05-05")]
    assert _dates(he, "he") == {"נפגש": "2024-05-05", "חתם": "2024-05-05"}


def test_a_clause_told_as_future_or_a_second_time_is_not_dated_by_the_sentence(
    make_article: Callable[..., Article],
) -> None:
    art = make_article(
        "The minister met his Omani counterpart on Monday, who will visit Israel.",
        "en",
        {"Israel": ("country:IL", GPE)},
    )
    art.time_expressions = [_time(art, "Monday", "2024-05-06")]
    assert _dates(art, "en")["visit"] is None
    he = make_article(
        "עומאן הודיעה אתמול כי חתמה על הסכם סחר עם ישראל, אשר יאפשר פתיחת שגרירות.",
        "he",
        {"עומאן": ("country:OM", GPE), "ישראל": ("country:IL", GPE)},
    )
    he.time_expressions = [_time(he, "אתמול", "2024-05-05")]
    assert _dates(he, "he") == {"חתמה": "2024-05-05", "פתיחת שגרירות": None}
    names = {"Iran": ("country:IR", GPE), "Oman": ("country:OM", GPE), "Israel": ("country:IL", GPE)}
    two = make_article("Iran held talks with Oman on Monday which Israel had attacked in 2019.", "en", names)
    two.time_expressions = [_time(two, "Monday", "2024-05-06"), _time(two, "2019", "2019")]
    got = _dates(two, "en")
    assert got["held talks"] == "2024-05-06" and got["attacked"] == "2019"


def test_a_time_outside_an_after_clause_does_not_date_the_act_inside_it(make_article: Callable[..., Article]) -> None:
    en = make_article(
        "A source confirmed on Tuesday that the delegation went home, after the group accepted the proposal.", "en"
    )
    en.time_expressions = [_time(en, "Tuesday", "2025-06-10")]
    assert _dates(en, "en") == {"accepted": None}
    ar = make_article("أكد مصدر يوم الثلاثاء أن الوفد عاد، بعد الموافقة على المقترح.", "ar")
    ar.time_expressions = [_time(ar, "يوم الثلاثاء", "2025-06-10")]
    assert _dates(ar, "ar") == {"الموافقة": None}
    he = make_article("מקור אישר היום כי המשלחת חזרה, לאחר הסכמת הארגון להצעה.", "he")
    he.time_expressions = [_time(he, "היום", "2025-06-10")]
    assert _dates(he, "he") == {"הסכמת": None}
    # inside its own clause the after-phrase keeps its date
    own = make_article("After talks on Monday, the delegation went home.", "en")
    own.time_expressions = [_time(own, "Monday", "2025-06-09")]
    assert _dates(own, "en") == {"talks": "2025-06-09"}


def test_a_demand_dates_itself_not_the_act_it_demands(make_article: Callable[..., Article]) -> None:
    en = make_article("Israel demanded on Monday the release of all the prisoners.", "en", {"Israel": ("country:IL", GPE)})
    en.time_expressions = [_time(en, "on Monday", "2025-06-09")]
    # the party-less "release" is no event of its own (events/extract.py: without_inner_mentions),
    # but its hit must still not take the demand's date
    assert _hit_dates(en, "en") == {"demanded": "2025-06-09", "release": None}
    assert _dates(en, "en") == {"demanded": "2025-06-09"}
    he = make_article("ישראל דרשה היום את שחרור כל החטופים.", "he", {"ישראל": ("country:IL", GPE)})
    he.time_expressions = [_time(he, "היום", "2025-06-10")]
    assert _hit_dates(he, "he") == {"דרשה": "2025-06-10", "שחרור": None}


def test_an_act_under_discussion_is_not_dated_by_the_meeting(make_article: Callable[..., Article]) -> None:
    art = make_article("The two sides met on Monday and discussed the release of prisoners.", "en")
    art.time_expressions = [_time(art, "on Monday", "2025-06-09")]
    assert _dates(art, "en") == {"met": "2025-06-09", "release": None}


def test_quotation_marks_around_a_name_break_no_clause(make_article: Callable[..., Article]) -> None:
    # scare quotes around one name: the sentence is one clause
    art = make_article('Valdoria said "Norland" broke the truce.', "en")
    assert len(_clauses(art, "en")) == 1
    # a quoted statement of more words is speech, a clause of its own
    art = make_article('Valdoria said "Norland broke the truce yesterday" today.', "en")
    assert len(_clauses(art, "en")) == 3
