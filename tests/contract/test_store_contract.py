"""The behaviour every Store must have; runs unchanged on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from store_articles import arabic_article, english_article, hebrew_article

from dragoman.model import Article, Entity, EntityType, Mention, Source, Span
from dragoman.pipeline.runner import ErrorRecord
from dragoman.serialize import to_json
from dragoman.store import Store
from dragoman.store.migrate import latest_version


def _dialect(store: Store) -> str:
    return "postgres" if type(store).__name__ == "PostgresStore" else "sqlite"


def test_implements_the_protocol(store: Store) -> None:
    assert isinstance(store, Store)


def test_migrations_are_versioned_and_idempotent(
    store_url: str, open_store_at: Callable[[str], Store]
) -> None:
    first = open_store_at(store_url)
    assert first.schema_version() == 0
    first.migrate()
    latest = latest_version(_dialect(first))
    assert latest >= 1
    assert first.schema_version() == latest
    first.migrate()  # again, same connection
    second = open_store_at(store_url)
    second.migrate()  # again, another connection
    assert second.schema_version() == latest
    assert second.count_articles() == 0


def test_put_is_idempotent(store: Store, ar_article: Article) -> None:
    assert store.put_article(ar_article, pipeline="test-pipeline") is True
    before = store.get_article_json(ar_article.id)
    listed = store.list_articles()
    assert store.put_article(arabic_article(), pipeline="other") is False
    assert store.count_articles() == 1
    assert store.has_article(ar_article.id)
    assert store.get_article_json(ar_article.id) == before
    assert store.list_articles() == listed
    assert listed[0].pipeline == "test-pipeline"
    assert len(store.mentions(article_id=ar_article.id)) == len(ar_article.mentions)


@pytest.mark.parametrize("build", [arabic_article, hebrew_article], ids=["ar", "he"])
def test_round_trip_keeps_every_layer(store: Store, build: Callable[[], Article]) -> None:
    original = build()
    store.put_article(original)
    back = store.get_article(original.id)
    assert back is not None
    assert to_json(back) == to_json(original)
    assert back.text == original.text
    for m_back, m_orig in zip(back.mentions, original.mentions, strict=True):
        assert back.span_text(m_back.span) == original.span_text(m_orig.span)
    assert store.get_article_json(original.id) == to_json(original)


def test_missing_article(store: Store) -> None:
    assert store.get_article("0" * 64) is None
    assert store.get_article_json("0" * 64) is None
    assert not store.has_article("0" * 64)
    assert store.delete_article("0" * 64) is False


def test_listing_and_iteration(store: Store, ar_article: Article, he_article: Article) -> None:
    store.put_article(ar_article)
    store.put_article(he_article)
    for n in range(3):
        store.put_article(english_article(n))
    assert store.count_articles() == 5
    assert [a.id for a in store.iter_articles()] == [r.id for r in store.list_articles()]
    rows = store.list_articles()
    assert rows[0].id == ar_article.id and rows[0].title == "علييف وإسرائيل"
    assert rows[0].published == "2025-03-02" and rows[0].outlet == "مثال"
    assert rows[0].url == "https://example.org/ar/1" and rows[0].path == "ar/1.html"
    assert rows[0].stored_at.startswith("20")
    assert [r.id for r in store.list_articles(limit=2, offset=1)] == [r.id for r in rows[1:3]]
    assert [r.id for r in store.list_articles(language="he")] == [he_article.id]


def _hit_text(store: Store, query: str) -> list[tuple[str, str]]:
    out = []
    for hit in store.search(query):
        art = store.get_article(hit.article_id)
        assert art is not None
        assert art.text[hit.start : hit.end] in hit.snippet or hit.snippet.startswith("…")
        out.append((hit.article_id, art.text[hit.start : hit.end]))
    return out


def test_search_folds_arabic(store: Store, ar_article: Article) -> None:
    store.put_article(ar_article)
    # no hamza in the query, a conjunction glued on in the text: offsets cover the name only
    assert _hit_text(store, "اذربيجان") == [(ar_article.id, "أذربيجان")]
    # diacritics in the text (shadda, tanween) are not needed in the query, and are kept in the hit
    assert _hit_text(store, "ستوقع اتفاقا") == [(ar_article.id, "ستوقّع اتفاقاً")]
    assert _hit_text(store, "السلام") == [(ar_article.id, "السلام")]
    hit = store.search("اسرائيل")[0]
    assert hit.title == "علييف وإسرائيل"
    assert "إسرائيل" in hit.snippet


def test_search_folds_hebrew(store: Store, he_article: Article) -> None:
    store.put_article(he_article)
    assert _hit_text(store, "באקו") == [(he_article.id, "באקו")]
    assert _hit_text(store, "ישראל") == [(he_article.id, "יִשְׂרָאֵל")]
    assert _hit_text(store, "אזרבייג׳ן") == [(he_article.id, "אזרבייג'ן")]  # geresh vs apostrophe
    assert _hit_text(store, "ארה״ב") == [(he_article.id, 'ארה"ב')]  # gershayim vs double quote


def test_search_folds_prefixes_in_the_query_too(store: Store, ar_article: Article, he_article: Article) -> None:
    # Finding 11: "search --help" promised prefix folding, but a query carrying a prefix
    # asked for exactly that form, so بأذربيجان and באזרבייג'ן matched nothing.
    store.put_article(ar_article)
    store.put_article(he_article)
    for query in ("بأذربيجان", "وبأذربيجان", "فلأذربيجان", "كأذربيجان"):
        assert _hit_text(store, query) == [(ar_article.id, "أذربيجان")], query
    assert _hit_text(store, "والسلام") == [(ar_article.id, "السلام")]
    for query in ("באזרבייג'ן", "ובאזרבייג'ן", "שבאזרבייג'ן", "מאזרבייג'ן", "ושבאזרבייג'ן"):
        assert _hit_text(store, query) == [(he_article.id, "אזרבייג'ן")], query
    assert _hit_text(store, "שבאקו") == [(he_article.id, "באקו")]


def test_search_stems_english(store: Store) -> None:
    art = Article.from_text("Two embassies reopened while negotiations continued.", Source(path="en/stem.txt"))
    art.language = "en"
    store.put_article(art)
    assert _hit_text(store, "embassy") == [(art.id, "embassies")]
    assert _hit_text(store, "negotiated embassies") == [(art.id, "negotiations")]
    assert store.search("embargo") == []


def test_search_finds_an_entity_by_its_english_name_or_qid(
    store: Store, ar_article: Article, he_article: Article
) -> None:
    # Finding 11: the English name of an entity found nothing in articles that name it in Arabic.
    store.put_article(ar_article)
    store.put_article(he_article)
    assert _hit_text(store, "Aliyev") == [(ar_article.id, "إلهام علييف")]
    assert _hit_text(store, "Ilham Aliyev") == [(ar_article.id, "إلهام علييف")]
    assert _hit_text(store, "q61080") == [(ar_article.id, "إلهام علييف")]
    hits = dict(_hit_text(store, "Azerbaijan"))
    assert set(hits) == {ar_article.id, he_article.id}
    # the hit is the entity's first mention in each article, in whatever script it is written
    assert hits[ar_article.id] == "الأذربيجاني" and hits[he_article.id] == "ובאקו"
    assert {h.article_id for h in store.search("Q227")} == {ar_article.id, he_article.id}
    assert store.search("Aliyev Netanyahu") == []  # every word still required


def test_search_misses(store: Store, ar_article: Article, he_article: Article) -> None:
    store.put_article(ar_article)
    store.put_article(he_article)
    assert store.search("") == []
    assert store.search("  ...  ") == []
    assert store.search("طهران") == []
    assert store.search("اذربيجان طهران") == []  # every word must be there
    assert store.search("الرئيسية") == []  # page chrome is not indexed
    assert store.search("اذربيجان", limit=0) == []


def test_search_limit_and_case(store: Store) -> None:
    for n in range(12):
        store.put_article(english_article(n))
    hits = store.search("AZERBAIJAN", limit=5)
    assert len(hits) == 5
    assert len({h.article_id for h in hits}) == 5
    for h in hits:
        art = store.get_article(h.article_id)
        assert art is not None and art.text[h.start : h.end] == "Azerbaijan"
    assert len(store.search("azerbaijan", limit=50)) == 12


def test_error_records_are_one_per_input(store: Store) -> None:
    err = ErrorRecord("a" * 64, "in/bad.html", "https://example.org/bad", "read", "empty", "no text", "in/bad.html")
    assert store.put_error(err) is True
    assert store.put_error(err) is False
    # Finding 3: records were keyed by content, so different inputs with the same bytes merged.
    same_bytes = [ErrorRecord("e" * 64, f"in/empty-{n}.txt", None, "read", "empty", "no text", f"in/empty-{n}.txt")
                  for n in range(3)]
    assert all(store.put_error(e) for e in same_bytes)
    # The same input failing again (another pipeline, a later run) keeps one record: the latest.
    later = ErrorRecord("b" * 64, "in/bad.html", None, "langid", "unsupported_language", "fr", "in/bad.html")
    assert store.put_error(later) is False
    errors = {e.where: e for e in store.iter_errors()}
    assert set(errors) == {"in/bad.html", "in/empty-0.txt", "in/empty-1.txt", "in/empty-2.txt"}
    assert errors["in/bad.html"] == later
    assert store.count_articles() == 0


def test_storing_an_input_clears_its_error(store: Store) -> None:
    art = english_article(7)
    art.source.path = "in/once-unreadable.txt"
    store.put_error(ErrorRecord("c" * 64, art.source.path, None, "read", "unreadable", "denied", art.source.path))
    assert store.put_article(art)
    assert list(store.iter_errors()) == []


def test_entity_table(store: Store, ar_article: Article, he_article: Article) -> None:
    store.put_article(ar_article)
    store.put_article(he_article)
    store.put_article(english_article(1))
    table = store.entity_table()
    by_id = {row.id: row for row in table}
    az = by_id["country:AZ"]
    assert table[0] is az or table[0].mentions == az.mentions  # most mentioned first
    assert [r.mentions for r in table] == sorted((r.mentions for r in table), reverse=True)
    assert (az.articles, az.mentions, az.qid, az.type, az.canonical) == (3, 6, "Q227", "GPE", "Azerbaijan")
    # heads without clitics: وأذربيجان and لأذربيجان are one surface form
    assert az.surface_forms[0] == "أذربيجان"
    assert {"באקו", "אזרבייג'ן", "Azerbaijan", "الأذربيجاني"} <= set(az.surface_forms)
    assert by_id["country:IL"].articles == 2
    assert store.entity_table(limit=1) == table[:1]


def test_mentions_by_article_and_entity(store: Store, ar_article: Article, he_article: Article) -> None:
    store.put_article(ar_article)
    store.put_article(he_article)
    rows = store.mentions(article_id=he_article.id)
    assert [(r.start, r.end) for r in rows] == sorted((m.span.start, m.span.end) for m in he_article.mentions)
    for r in rows:
        assert r.surface == he_article.text[r.start : r.end]
    az = store.mentions(entity_id="country:AZ")
    assert {r.article_id for r in az} == {ar_article.id, he_article.id}
    assert all(r.entity_id == "country:AZ" for r in az)
    assert {r.head for r in az if r.article_id == he_article.id} == {"באקו", "אזרבייג'ן"}
    assert store.mentions(article_id=ar_article.id, entity_id="country:IL")[0].surface == "إسرائيل"


def test_delete_article(store: Store, ar_article: Article, he_article: Article) -> None:
    store.put_article(ar_article)
    store.put_article(he_article)
    assert store.delete_article(ar_article.id) is True
    assert not store.has_article(ar_article.id)
    assert store.count_articles() == 1
    assert store.search("اذربيجان") == []
    assert store.mentions(article_id=ar_article.id) == []
    assert "person:aliyev" not in {r.id for r in store.entity_table()}
    assert store.delete_article(ar_article.id) is False
    assert store.put_article(ar_article) is True  # can be stored again
    assert _hit_text(store, "اذربيجان") == [(ar_article.id, "أذربيجان")]


def test_unusual_text_round_trips_with_exact_offsets(store: Store) -> None:
    # NUL (PostgreSQL text cannot hold it), an astral emoji (two UTF-16 units, one
    # code point), CRLF and a right-to-left mark before a prefixed Hebrew word
    text = "x\x00y 😀 وأذربيجان\r\n\u200fובאקו."
    art = Article.from_text(text)
    start = text.index("ובאקו")
    art.mentions = [Mention(Span(start, start + 5), EntityType.GPE, head=Span(start + 1, start + 5))]
    art.entities = [Entity("country:AZ", "Azerbaijan", EntityType.GPE, mentions=[0])]
    assert store.put_article(art)
    back = store.get_article(art.id)
    assert back is not None and back.text == text
    assert to_json(back) == to_json(art)
    (hit,) = store.search("באקו")
    assert (hit.start, hit.end) == (start + 1, start + 5)
    (row,) = store.mentions(article_id=art.id)
    assert (row.start, row.end, row.head) == (start, start + 5, "באקו")
