"""Hand-built Arabic, Hebrew and English articles, a fake store and an HTML probe for the report tests.

The fake implements the ``Store`` protocol in memory, so the report is tested
against the interface rather than one backend.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date
from html.parser import HTMLParser

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
from dragoman.pipeline.runner import ErrorRecord
from dragoman.store.base import ArticleRow, EntityRow, SearchHit


def sp(text: str, needle: str, nth: int = 0) -> Span:
    """The span of the nth occurrence of ``needle`` (tests must not count offsets by hand)."""
    i = -1
    for _ in range(nth + 1):
        i = text.index(needle, i + 1)
    return Span(i, i + len(needle))


class FakeStore:
    def __init__(self) -> None:
        self.articles: dict[str, Article] = {}
        self.errors: list[ErrorRecord] = []

    def migrate(self) -> None:
        pass

    def has_article(self, article_id: str) -> bool:
        return article_id in self.articles

    def put_article(self, article: Article, *, pipeline: str = "default") -> bool:
        if article.id in self.articles:
            return False
        self.articles[article.id] = article
        return True

    def get_article(self, article_id: str) -> Article | None:
        return self.articles.get(article_id)

    def iter_articles(self) -> Iterator[Article]:
        yield from self.articles.values()

    def count_articles(self) -> int:
        return len(self.articles)

    def list_articles(
        self, *, limit: int | None = None, offset: int = 0, language: str | None = None
    ) -> list[ArticleRow]:
        # The rows as the in-memory store gives them, from the same articles.
        from dragoman.store.memory import MemoryStore

        mem = MemoryStore()
        for a in self.articles.values():
            mem.put_article(a)
        return mem.list_articles(limit=limit, offset=offset, language=language)

    def put_error(self, error: ErrorRecord) -> bool:
        self.errors.append(error)
        return True

    def iter_errors(self) -> Iterator[ErrorRecord]:
        yield from self.errors

    def search(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        return []

    def entity_table(self) -> list[EntityRow]:
        info: dict[str, Entity] = {}
        arts: Counter[str] = Counter()
        counts: Counter[str] = Counter()
        forms: dict[str, Counter[str]] = defaultdict(Counter)
        for a in self.articles.values():
            for e in a.entities:
                info.setdefault(e.id, e)
                arts[e.id] += 1
                counts[e.id] += len(e.mentions)
                for i in e.mentions:
                    forms[e.id][a.span_text(a.mentions[i].head or a.mentions[i].span)] += 1
        return [
            EntityRow(eid, info[eid].canonical, info[eid].qid, info[eid].type.value, arts[eid], n,
                      tuple(f for f, _ in forms[eid].most_common()))
            for eid, n in counts.most_common()
        ]

    def close(self) -> None:
        pass


def arabic_article() -> Article:
    text = (
        "الرئيسية | سياسة | اقتصاد\n"
        "افتتحت أذربيجان أمس سفارتها في تل أبيب بحضور وزير الخارجية الأذربيجاني.\n"
        "وقال الباحث سامر النحاس إن «باكو اختارت توقيتا محسوبا» وفقا لمصادر مطلعة.\n"
        "وأكد الوزير أن العلاقات مع إسرائيل استراتيجية منذ 1993.\n"
        "مواضيع ذات صلة: أذربيجان وإسرائيل\n"
    )
    a = Article.from_text(text, Source(outlet="شبكة الرافد", published=date(2023, 3, 30),
                                       url="https://rafid.example/a1", format="text", encoding="utf-8"))
    a.language = "ar"
    a.boilerplate = [
        Boilerplate(sp(text, "الرئيسية | سياسة | اقتصاد"), "menu"),
        Boilerplate(sp(text, "مواضيع ذات صلة: أذربيجان وإسرائيل"), "related links"),
    ]
    a.mentions = [
        Mention(sp(text, "أذربيجان"), EntityType.GPE, kb_id="country:AZ"),
        Mention(sp(text, "الأذربيجاني"), EntityType.GPE, MentionKind.NISBA, kb_id="country:AZ"),
        Mention(sp(text, "سامر النحاس"), EntityType.PERSON, source="ner"),
        Mention(sp(text, "باكو"), EntityType.GPE, MentionKind.METONYM, kb_id="country:AZ"),
        Mention(sp(text, "إسرائيل"), EntityType.GPE, kb_id="country:IL"),
        Mention(sp(text, "أذربيجان", 2), EntityType.GPE, kb_id="country:AZ"),  # inside boilerplate
    ]
    a.entities = [
        Entity("country:AZ", "Azerbaijan", EntityType.GPE, "Q227", [0, 1, 3, 5]),
        Entity("country:IL", "Israel", EntityType.GPE, "Q801", [4]),
        Entity("local:samer", "Samer al-Nahhas", EntityType.PERSON, None, [2]),
    ]
    a.time_expressions = [
        TimeExpr(sp(text, "أمس"), "2023-03-29", Granularity.DAY, relative=True, anchor="2023-03-30"),
        TimeExpr(sp(text, "1993"), "1993", Granularity.YEAR),
    ]
    quote = sp(text, "«باكو اختارت توقيتا محسوبا»")
    a.quotes = [Quote("q1", quote, True, "local:samer", sp(text, "سامر النحاس"), SpeakerKind.PERSON)]
    sent = sp(text, "افتتحت أذربيجان أمس سفارتها في تل أبيب بحضور وزير الخارجية الأذربيجاني.")
    a.events = [
        Event("e1", "COOPERATE", "diplomatic", EventStatus.OCCURRED, ["country:AZ"], ["country:IL"], [sent],
              date=a.time_expressions[0], trigger=sp(text, "افتتحت")),
    ]
    a.claims = [Claim("c1", None, sp(text, "مصادر مطلعة"), [sp(text, "باكو اختارت توقيتا محسوبا")], ["country:AZ"])]
    a.provided |= {"boilerplate", "mentions", "entities", "time_expressions", "events", "quotes", "claims"}
    return a


def hebrew_article() -> Article:
    text = "ראשי | חדשות\nשר החוץ ביקר ובאקו בירכה על כך, לדברי גורם מדיני.\nעוד באתר\n"
    a = Article.from_text(text, Source(outlet="מבט חדש", published=date(2023, 3, 1), published_estimated=True))
    a.language = "he"
    a.boilerplate = [Boilerplate(sp(text, "ראשי | חדשות"), "menu"), Boilerplate(sp(text, "עוד באתר"), "related")]
    m = sp(text, "ובאקו")
    a.mentions = [Mention(m, EntityType.GPE, MentionKind.METONYM, kb_id="country:AZ", head=Span(m.start + 1, m.end))]
    a.entities = [Entity("country:AZ", "Azerbaijan", EntityType.GPE, "Q227", [0])]
    return a


def english_article() -> Article:
    text = "Home News\nWashington waived Section 907 in March of this year, officials said.\n"
    a = Article.from_text(text, Source(outlet="The Caspian Ledger", title="Waiver <b>news</b>",
                                       published=date(2025, 8, 11)))
    a.language = "en"
    a.boilerplate = [Boilerplate(sp(text, "Home News"), "menu")]
    a.mentions = [
        Mention(sp(text, "Washington"), EntityType.GPE, MentionKind.METONYM, kb_id="country:US"),
        Mention(sp(text, "Section 907"), EntityType.LAW, kb_id="law:907"),
    ]
    a.entities = [
        Entity("country:US", "United States", EntityType.GPE, "Q30", [0]),
        Entity("law:907", "Section 907 of the Freedom Support Act", EntityType.LAW, None, [1]),
    ]
    a.time_expressions = [TimeExpr(sp(text, "March of this year"), "2025-03", Granularity.MONTH, True, "2025-08-11")]
    return a


class Tree(HTMLParser):
    """Minimal DOM for assertions: every <span> with its attributes and the text inside it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[dict[str, object]] = []
        self.spans: list[dict[str, object]] = []
        self.text: list[str] = []
        self.balanced = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "span":
            node: dict[str, object] = {"attrs": dict(attrs), "text": []}
            self.stack.append(node)
            self.spans.append(node)

    def handle_endtag(self, tag: str) -> None:
        if tag == "span":
            if not self.stack:
                self.balanced = False
                return
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        for node in self.stack:
            node["text"].append(data)  # type: ignore[attr-defined]

    @classmethod
    def parse(cls, html: str) -> Tree:
        t = cls()
        t.feed(html)
        t.close()
        if t.stack:
            t.balanced = False
        return t

    def visible(self) -> str:
        return "".join(self.text)

    def texts(self, cls: str) -> list[str]:
        return [
            "".join(n["text"])  # type: ignore[arg-type]
            for n in self.spans
            if cls in str(n["attrs"].get("class", "")).split()  # type: ignore[attr-defined]
        ]
