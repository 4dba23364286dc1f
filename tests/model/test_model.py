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


def test_in_boilerplate_agrees_with_pairwise_overlap() -> None:
    import random

    rng = random.Random(7)
    for _ in range(2000):
        art = Article.from_text("x" * 60)
        art.boilerplate = [
            Boilerplate(Span(s, s + rng.randint(0, 10)), "r") for s in rng.sample(range(50), rng.randint(0, 6))
        ]
        for _ in range(10):
            start = rng.randint(0, 60)
            span = Span(start, rng.randint(start, 60))
            assert art.in_boilerplate(span) == any(b.span.overlaps(span) for b in art.boilerplate)
    # replacing the layer invalidates the index
    art.boilerplate = [Boilerplate(Span(0, 60), "all")]
    assert art.in_boilerplate(Span(5, 6))


def _gaps(art: Article, keep: frozenset[str]) -> list[Span]:
    """The body as the gaps between the chrome blocks, walked in start order (the definition)."""
    out: list[Span] = []
    pos = 0
    for b in sorted((b for b in art.boilerplate if b.reason not in keep), key=lambda b: b.span.start):
        if b.span.start > pos:
            out.append(Span(pos, b.span.start))
        pos = max(pos, b.span.end)
    if pos < len(art.text):
        out.append(Span(pos, len(art.text)))
    return out


def test_body_spans_agree_with_the_gaps_between_blocks() -> None:
    """Read from the merged intervals, the body is the same: overlapping, nested, touching and
    empty blocks (an empty one still cuts the body in two), with and without kept reasons."""
    import random

    rng = random.Random(11)
    for _ in range(2000):
        art = Article.from_text("x" * 60)
        art.boilerplate = [
            Boilerplate(Span(s, min(60, s + rng.randint(0, 12))), rng.choice(["menu", "caption"]))
            for s in (rng.randint(0, 60) for _ in range(rng.randint(0, 7)))
        ]
        for keep in (frozenset(), frozenset({"caption"})):
            assert art.body_spans(keep) == _gaps(art, keep)
