"""Stories from linked pairs: strongest first, within a span of publication, copies always together."""

from __future__ import annotations

from dragoman.corpus.facts import ArticleFacts, EventFacts, Party
from dragoman.corpus.merge import link, merge_events
from dragoman.corpus.stories import Story, story_groups, story_title


def _facts(published: dict[str, str | None]) -> dict[str, ArticleFacts]:
    return {i: ArticleFacts(i, None, None, None, "en", day, i, {}, {}, ()) for i, day in published.items()}


def test_an_undated_article_does_not_chain_two_years_into_one_story() -> None:
    facts = _facts({"a2023": "2023-03-29", "undated": None, "c2025": "2025-08-09"})
    edges = [("a2023", "undated", 0.6), ("undated", "c2025", 0.8)]
    groups = story_groups(facts, edges, [], max_span_days=60)
    # the stronger link wins; the 2023 article stays a story of its own
    assert groups == [["a2023"], ["c2025", "undated"]]
    # within the span, the same links make one story
    near = _facts({"a": "2025-03-10", "undated": None, "c": "2025-04-03"})
    assert story_groups(near, [("a", "undated", 0.6), ("undated", "c", 0.8)], [], max_span_days=60) == [
        ["a", "c", "undated"]
    ]


def test_copies_are_one_story_whenever_republished_and_order_does_not_matter() -> None:
    facts = _facts({"x": "2025-01-01", "copy": "2025-06-01", "y": "2025-01-05", "z": "2025-05-20"})
    edges = [("x", "y", 0.5), ("copy", "z", 0.45)]
    groups = story_groups(facts, edges, [["x", "copy"]], max_span_days=60)
    # a copy republished months later does not stretch the story: z, linked to the copy only, stays apart
    assert groups == [["copy", "x", "y"], ["z"]]
    assert story_groups(facts, list(reversed(edges)), [["x", "copy"]], max_span_days=60) == groups


def test_the_title_is_the_accession_the_story_is_about_not_a_condition_put_on_it() -> None:
    kz = Party("Q232", "country:KZ", "Q232", "Kazakhstan", "GPE")
    us = Party("Q30", "country:US", "Q30", "United States", "GPE")
    accords = Party("Q97306458", "agreement:abraham-accords", "Q97306458", "Abraham Accords", "AGREEMENT")

    def ev(article: str, type_: str, family: str, actor: Party) -> EventFacts:
        return EventFacts(f"{article}-{type_}", article, type_, family, "planned", (actor,), (accords,), None, None,
                          False, ((0, 4, "text"),))

    events = {a: (ev(a, "PRECONDITION", "REQUEST", us), ev(a, "ACCEDE", "COOPERATE", kz)) for a in ("a", "b")}
    facts = {
        a: ArticleFacts(a, None, None, None, "en", "2025-11-07", a, {"Q232": 6, "Q30": 3, "Q97306458": 4},
                        {"Q232": kz, "Q30": us, "Q97306458": accords}, evs)
        for a, evs in events.items()
    }
    edges = [(x.id, y.id, s) for x, y in zip(events["a"], events["b"], strict=True) if (s := link(x, y)) is not None]
    merged = merge_events(facts, edges)
    assert sorted(len(m.sources) for m in merged) == [2, 2]  # both told by both articles
    title = story_title(Story("st", "", list(facts.values())), merged)
    assert title.startswith("Kazakhstan: join — Abraham Accords (planned)")
