"""The document-level consistency pass: confident names carried to their untagged repeats."""

from __future__ import annotations

import pytest

from dragoman.model import EntityType
from dragoman.ner.consistency import Consistency, propagate
from dragoman.ner.tagger import TaggedSpan


def _span(a: int, b: int, label: str, score: float, typ: EntityType = EntityType.PERSON) -> TaggedSpan:
    return TaggedSpan(a, b, typ, label, score)


def test_a_confident_name_labels_its_untagged_repeats() -> None:
    sents = [
        ["قال", "حكمت", "حاجييف", "أمس"],
        ["وأضاف", "حكمت", "حاجييف", "أن", "باكو", "مستعدة"],
    ]
    found = [[_span(1, 3, "PERS", 0.95)], []]
    out = propagate(sents, found, "ar")
    assert out[0] == found[0]  # the tagger's own spans are kept as they are
    [added] = out[1]
    assert (added.start, added.end, added.label, added.type) == (1, 3, "PERS", EntityType.PERSON)
    assert added.score == pytest.approx(0.95)


def test_the_repeat_may_carry_proclitics_the_name_lacks() -> None:
    sents = [["ראש", "ממשלת", "ישראל", "אמר"], ["הוא", "טס", "לישראל", "ובאקו"]]
    found = [[_span(2, 3, "GPE", 0.9, EntityType.GPE)], []]
    [added] = propagate(sents, found, "he")[1]
    assert (added.start, added.end, added.label) == (2, 3, "GPE")  # the whole prefixed token, as NEMO marks it


def test_votes_pick_the_label_and_doubtful_spans_do_not_vote() -> None:
    sents = [["Jordan", "said"], ["Jordan", "said"], ["Jordan", "agreed"], ["then", "Jordan", "left"]]
    found = [
        [_span(0, 1, "LOC", 0.9, EntityType.GPE)],
        [_span(0, 1, "PERS", 0.85)],
        [_span(0, 1, "PERS", 0.99), _span(1, 2, "ORG", 0.5, EntityType.ORG)],
        [],
    ]
    [added] = propagate(sents, found, "en")[3]
    assert added.label == "PERS" and added.score == pytest.approx((0.85 + 0.99) / 2)
    # "agreed" was tagged with score 0.5: below the threshold, it is carried nowhere.
    assert propagate([["agreed"], ["agreed"]], [[_span(0, 1, "ORG", 0.5)], []], "en")[1] == []


def test_a_repeat_next_to_a_tagged_span_is_left_alone() -> None:
    sents = [["Aliyev", "spoke"], ["President", "Aliyev", "Ilham"]]
    found = [[_span(0, 1, "PERS", 0.99)], [_span(2, 3, "PERS", 0.7)]]
    out = propagate(sents, found, "en")
    assert out[1] == found[1]  # "Aliyev" touches the tagger's span: its boundary is not second-guessed


def test_the_window_bounds_how_far_a_name_travels() -> None:
    sents = [["Hajiyev", "spoke"], ["x"], ["x"], ["Hajiyev", "left"]]
    found = [[_span(0, 1, "PERS", 0.99)], [], [], []]
    assert propagate(sents, found, "en", Consistency(window=2))[3] == []
    assert len(propagate(sents, found, "en", Consistency(window=3))[3]) == 1
    assert len(propagate(sents, found, "en")[3]) == 1  # no window: the whole document


def test_short_names_and_mismatched_input() -> None:
    assert propagate([["US", "x"], ["US"]], [[_span(0, 1, "LOC", 0.99)], []], "en")[1] == []
    with pytest.raises(ValueError, match="2 sentences but 1"):
        propagate([["a"], ["b"]], [[]], "en")


def test_eval_labels_in_corpus_types_with_and_without_the_pass() -> None:
    from dragoman_training.ner.evaluate import consistent_labels

    sents = [["قال", "حكمت", "حاجييف"], ["حاجييف", "وصل"]]
    found = [[(1, 3, "PERS", 0.9)], []]
    assert consistent_labels(sents, found, "ar", None) == [["O", "B-PERS", "I-PERS"], ["O", "O"]]
    # The two-word name is carried only as a whole: a lone surname is not a repeat of it.
    assert consistent_labels(sents, found, "ar", Consistency()) == [["O", "B-PERS", "I-PERS"], ["O", "O"]]
    labels = consistent_labels(sents, [[(2, 3, "PERS", 0.9)], []], "ar", Consistency())  # a sure surname
    assert labels == [["O", "O", "B-PERS"], ["B-PERS", "O"]]


def test_eval_applies_the_pass_as_each_shipped_pipeline_does() -> None:
    from dragoman_training.ner.evaluate import EVAL_WINDOW, pipeline_consistency

    assert pipeline_consistency(None) is None  # the default pipeline tags sentence by sentence
    accurate = pipeline_consistency("accurate")
    assert accurate == Consistency(threshold=0.8, window=EVAL_WINDOW)


def test_blocked_ranges_are_never_labelled() -> None:
    sents = [["قال", "إبراهيم", "أمس"], ["اتفاقيات", "إبراهيم", "للسلام"], ["ثم", "إبراهيم"]]
    found = [[_span(1, 2, "PERS", 0.95)], [], []]
    out = propagate(sents, found, "ar", Consistency(), blocked=[[False] * 3, [True, True, False], [False] * 2])
    assert out[1] == []  # inside a name the knowledge base matched: not a repeat of the person
    assert [(s.start, s.end) for s in out[2]] == [(1, 2)]
    with pytest.raises(ValueError, match="blocked"):
        propagate(sents, found, "ar", Consistency(), blocked=[[]])
