"""The folding shared by the search index and the query (dragoman.store.search)."""

from __future__ import annotations

from dragoman.model import Span
from dragoman.store.search import MAX_TERM, clean_term, document_terms, locate, query_terms, snippet


def _terms_at(text: str, lang: str | None, term: str) -> list[str]:
    return [text[t.span.start : t.span.end] for t in document_terms(text, lang) if t.term == term]


def test_arabic_clitics_and_hamza_fold_to_one_term() -> None:
    text = "وأذربيجان ولأذربيجان أذربيجان"
    (q,) = query_terms("اذربيجان")
    assert _terms_at(text, "ar", q) == ["أذربيجان", "أذربيجان", "أذربيجان"]
    # the whole token is a term too, so a query with the conjunction still matches exactly
    assert _terms_at(text, "ar", query_terms("وأذربيجان")[0]) == ["وأذربيجان"]


def test_arabic_article_restored_after_lil() -> None:
    text = "دعا وللولايات المتحدة"
    (q,) = query_terms("الولايات")
    assert _terms_at(text, "ar", q) == ["ولايات"]  # ل + الولايات written لل + ولايات


def test_hebrew_prefixes_and_niqqud() -> None:
    text = "ובאקו לְיִשְׂרָאֵל"
    assert _terms_at(text, "he", query_terms("באקו")[0]) == ["באקו"]
    assert _terms_at(text, "he", query_terms("ישראל")[0]) == ["יִשְׂרָאֵל"]


def test_unknown_language_uses_every_languages_prefixes() -> None:
    assert _terms_at("ובאקו", None, "באקו") == ["באקו"]
    assert _terms_at("وأذربيجان", None, query_terms("اذربيجان")[0]) == ["أذربيجان"]


def test_no_stripping_for_a_language_without_prefixes() -> None:
    assert {t.term for t in document_terms("Baku", "en")} == {"baku"}


def test_skip_spans_are_not_indexed() -> None:
    text = "menu items\nbody text"
    terms = {t.term for t in document_terms(text, "en", [Span(0, 10)])}
    assert terms == {"body", "bodi", "text"}  # bodi: the Snowball stem


def test_clean_term_drops_punctuation_inside_words() -> None:
    assert clean_term('ארה"ב') == clean_term("ארה״ב".replace("״", '"')) == "ארהב"
    assert clean_term("...") == ""


def test_overlong_tokens_are_not_terms() -> None:
    assert document_terms("x" * (MAX_TERM + 1), "en") == []


def test_query_terms_fold_and_dedupe() -> None:
    assert query_terms("Baku, BAKU and baku!") == ["baku", "and"]
    assert query_terms("ستوقّع") == query_terms("ستوقع")
    assert query_terms(" ,. ") == []


def test_locate_prefers_a_phrase() -> None:
    text = "trade talks ended. Trade and talks again: trade talks"
    terms = document_terms(text, "en")
    span = locate(terms, ["trade", "talks"])
    assert span is not None and text[span.start : span.end] == "trade talks"
    assert span.start == 0
    only = locate(terms, ["ended"])
    assert only is not None and text[only.start : only.end] == "ended"
    assert locate(terms, ["trade", "missing"]) is None
    assert locate(terms, []) is None


def test_locate_falls_back_to_first_word() -> None:
    text = "talks first, trade later"
    span = locate(document_terms(text, "en"), ["trade", "talks"])
    assert span is not None and text[span.start : span.end] == "trade"


def test_snippet_is_original_text_on_one_line() -> None:
    text = "a" * 100 + " before the\nmatch here after " + "b" * 100
    start = text.index("match")
    out = snippet(text, Span(start, start + 5), context=20)
    assert "match here" in out and "\n" not in out
    assert out.startswith("…") and out.endswith("…")
    assert snippet("short", Span(0, 5)) == "short"


def test_snippet_hit_says_where_the_match_is_in_the_folded_snippet() -> None:
    from dragoman.store.search import snippet_hit

    text = "First line of the page.\n\n   The  embassy   in\tAshgabat opened today, officials said in a statement."
    start = text.index("embassy   in")
    span = Span(start, start + len("embassy   in"))
    shown, a, b = snippet_hit(text, span, context=20)
    assert shown == snippet(text, span, context=20)
    assert shown[a:b] == "embassy in"  # whitespace folded inside the match too
    word = text.index("Ashgabat")
    shown, a, b = snippet_hit(text, Span(word + 2, word + 8), context=10)  # a match inside a word
    assert shown[a:b] == "hgabat"
