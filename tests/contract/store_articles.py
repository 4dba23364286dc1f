"""Hand-built articles with every layer for the store tests (no other stage involved), and a store opener."""

from __future__ import annotations

from datetime import date

from dragoman.model import (
    Article,
    Boilerplate,
    Claim,
    Entity,
    EntityType,
    Event,
    EventStatus,
    Granularity,
    Mention,
    MentionKind,
    Quote,
    Source,
    Span,
    SpeakerKind,
    TimeExpr,
)
from dragoman.store import Store
from dragoman.store.sqlite import SQLiteStore


def open_url(url: str) -> Store:
    """An unmigrated store; PostgreSQL is imported only when asked for, so SQLite runs without psycopg."""
    if url.startswith("postgresql://"):
        from dragoman.store.postgres import PostgresStore

        return PostgresStore(url)
    return SQLiteStore(url)


def _find(text: str, needle: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Span(start, start + len(needle))


def arabic_article() -> Article:
    """An Arabic article with every layer, clitics on names, diacritics and a chrome line."""
    text = (
        "الرئيسية | أخبار\n"
        "قال الرئيس الأذربيجاني إلهام علييف إن وأذربيجان ستوقّع اتفاقاً مع إسرائيل في آذار 2025.\n"
        "وأضاف: «سنعمل معاً لأجل السلام»، بحسب ما نقلت وكالة الأنباء لأذربيجان."
    )
    art = Article.from_text(
        text,
        Source(
            path="ar/1.html",
            url="https://example.org/ar/1",
            outlet="مثال",
            title="علييف وإسرائيل",
            published=date(2025, 3, 2),
        ),
    )
    art.language = "ar"
    art.boilerplate = [Boilerplate(_find(text, "الرئيسية | أخبار"), "menu")]
    az1, az2 = _find(text, "وأذربيجان"), _find(text, "لأذربيجان")
    art.mentions = [
        Mention(_find(text, "إلهام علييف"), EntityType.PERSON, kb_id="person:aliyev"),
        Mention(az1, EntityType.GPE, head=Span(az1.start + 1, az1.end), kb_id="country:AZ"),
        Mention(_find(text, "إسرائيل"), EntityType.GPE, kb_id="country:IL"),
        Mention(az2, EntityType.GPE, head=Span(az2.start + 1, az2.end), kb_id="country:AZ"),
        Mention(
            _find(text, "الأذربيجاني"), EntityType.GPE, kind=MentionKind.NISBA, kb_id="country:AZ", score=0.8
        ),
    ]
    art.entities = [
        Entity("person:aliyev", "Ilham Aliyev", EntityType.PERSON, qid="Q61080", mentions=[0]),
        Entity("country:AZ", "Azerbaijan", EntityType.GPE, qid="Q227", mentions=[1, 3, 4]),
        Entity("country:IL", "Israel", EntityType.GPE, qid="Q801", mentions=[2]),
    ]
    when = TimeExpr(_find(text, "آذار 2025"), "2025-03", Granularity.MONTH)
    art.time_expressions = [when]
    art.sentences = [
        Span(0, 16),
        _find(text, "قال الرئيس الأذربيجاني إلهام علييف إن وأذربيجان ستوقّع اتفاقاً مع إسرائيل في آذار 2025."),
    ]
    art.events = [
        Event(
            "ev1",
            "AGREE",
            "sign",
            EventStatus.PLANNED,
            ["country:AZ"],
            ["country:IL"],
            [_find(text, "ستوقّع اتفاقاً")],
            date=when,
            place=None,
            trigger=_find(text, "ستوقّع"),
        )
    ]
    art.quotes = [
        Quote(
            "q1",
            _find(text, "سنعمل معاً لأجل السلام"),
            True,
            "person:aliyev",
            _find(text, "إلهام علييف"),
            SpeakerKind.PERSON,
        )
    ]
    art.claims = [
        Claim(
            "c1",
            "person:aliyev",
            _find(text, "إلهام علييف"),
            [_find(text, "ستوقّع اتفاقاً")],
            ["country:AZ", "country:IL"],
        )
    ]
    art.provided |= {
        "language",
        "boilerplate",
        "sentences",
        "mentions",
        "entities",
        "time",
        "events",
        "quotes",
    }
    return art


def hebrew_article() -> Article:
    """A Hebrew article: prefixed names (ובאקו, לישראל), niqqud and a gershayim acronym."""
    text = "ראש הממשלה נתניהו ביקר אתמול ובאקו. לְיִשְׂרָאֵל ולאזרבייג'ן יש קשרים, אמרו בארה\"ב."
    art = Article.from_text(text, Source(path="he/1.txt", outlet="דוגמה", title="נתניהו בבאקו"))
    art.language = "he"
    baku = _find(text, "ובאקו")
    isr = _find(text, "לְיִשְׂרָאֵל")
    aze = _find(text, "ולאזרבייג'ן")
    art.mentions = [
        Mention(_find(text, "נתניהו"), EntityType.PERSON, kb_id="person:netanyahu"),
        Mention(
            baku,
            EntityType.GPE,
            kind=MentionKind.METONYM,
            head=Span(baku.start + 1, baku.end),
            kb_id="country:AZ",
        ),
        Mention(isr, EntityType.GPE, head=Span(isr.start + 1, isr.end), kb_id="country:IL"),
        Mention(aze, EntityType.GPE, head=Span(aze.start + 2, aze.end), kb_id="country:AZ"),
    ]
    art.entities = [
        Entity("person:netanyahu", "Benjamin Netanyahu", EntityType.PERSON, mentions=[0]),
        Entity("country:AZ", "Azerbaijan", EntityType.GPE, qid="Q227", mentions=[1, 3]),
        Entity("country:IL", "Israel", EntityType.GPE, qid="Q801", mentions=[2]),
    ]
    art.time_expressions = [TimeExpr(_find(text, "אתמול"), None, Granularity.UNRESOLVED, relative=True)]
    return art


def english_article(n: int) -> Article:
    """Small distinct English articles for bulk and concurrency tests."""
    text = f"Report {n}: Azerbaijan and Israel discussed trade in Baku on day {n}."
    art = Article.from_text(text, Source(path=f"en/{n}.txt", title=f"Report {n}"))
    art.language = "en"
    span = _find(text, "Azerbaijan")
    art.mentions = [Mention(span, EntityType.GPE, kb_id="country:AZ")]
    art.entities = [Entity("country:AZ", "Azerbaijan", EntityType.GPE, qid="Q227", mentions=[0])]
    return art
