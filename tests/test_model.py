import pytest

from dragoman.model import Article, Boilerplate, Span, content_hash


def test_span_rejects_inverted_and_negative() -> None:
    with pytest.raises(ValueError):
        Span(5, 3)
    with pytest.raises(ValueError):
        Span(-1, 2)


def test_span_relations() -> None:
    a, b = Span(0, 5), Span(3, 8)
    assert a.overlaps(b) and not a.contains(b)
    assert Span(0, 10).contains(a)
    assert len(b) == 5 and b.of("0123456789") == "34567"


def test_body_spans_are_complement_of_boilerplate() -> None:
    art = Article.from_text("menu\nbody text\nfooter")
    art.boilerplate = [Boilerplate(Span(0, 5), "menu"), Boilerplate(Span(15, 21), "footer")]
    assert [art.span_text(s) for s in art.body_spans()] == ["body text\n"]
    assert art.in_boilerplate(Span(16, 18)) and not art.in_boilerplate(Span(6, 9))


def test_article_id_is_content_hash_of_bytes() -> None:
    art = Article.from_text("שלום")
    assert art.id == content_hash("שלום".encode())
    assert {"raw", "text"} <= art.provided
