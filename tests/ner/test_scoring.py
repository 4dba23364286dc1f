"""Scorers checked on hand-made label sequences with known answers."""

from __future__ import annotations

import pytest

from dragoman.ner.scoring import conll_scores, nemo_mentions, nemo_scores, spans, to_bio, to_biose


def test_spans_iob2_and_biose_agree() -> None:
    iob2 = ["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "O"]
    biose = ["B-PER", "E-PER", "O", "S-LOC", "S-LOC", "O"]
    expected = [(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "LOC")]
    assert spans(iob2) == expected
    assert spans(biose) == expected


def test_spans_lenient_like_conlleval() -> None:
    # An I- with nothing open starts an entity; a type change splits it.
    assert spans(["O", "I-ORG", "I-ORG", "I-LOC"]) == [(1, 3, "ORG"), (3, 4, "LOC")]


def test_conll_exact_span_counts() -> None:
    gold = [["B-PERS", "I-PERS", "O", "B-LOC"]]
    pred = [["B-PERS", "O", "O", "B-LOC"]]  # person boundary wrong, location right
    s = conll_scores(gold, pred)
    assert (s["ALL"].tp, s["ALL"].pred, s["ALL"].gold) == (1, 2, 2)
    assert s["LOC"].f1 == pytest.approx(1.0)
    assert s["PERS"].f1 == 0.0
    assert s["ALL"].f1 == pytest.approx(0.5)


def test_nemo_mentions_are_position_free_multisets() -> None:
    toks = ["ביבי", "פגש", "את", "ביבי"]
    gold = ["S-PER", "O", "O", "O"]
    pred = ["O", "O", "O", "S-PER"]  # same string and type, other position: NEMO counts it
    s = nemo_scores([toks], [gold], [pred])
    assert s["ALL"].tp == 1 and s["ALL"].f1 == pytest.approx(1.0)
    # ...but conll exact spans do not
    assert conll_scores([gold], [pred])["ALL"].tp == 0


def test_nemo_mentions_strict_biose_and_joined_string() -> None:
    toks = ["בית", "המשפט", "העליון", "ו", "x"]
    labels = ["B-ORG", "I-ORG", "E-ORG", "B-GPE", "O"]  # the open B-GPE yields nothing
    m = nemo_mentions(toks, labels)
    assert m == {("ביתהמשפטהעליון", "ORG"): 1}


def test_nemo_multiset_counts_repeats() -> None:
    toks = ["א", "ב", "א"]
    gold = ["S-PER", "O", "S-PER"]
    pred = ["S-PER", "O", "O"]
    s = nemo_scores([toks], [gold], [pred])
    assert (s["PER"].tp, s["PER"].pred, s["PER"].gold) == (1, 1, 2)


def test_bio_biose_round_trip() -> None:
    bio = ["B-ORG", "I-ORG", "I-ORG", "O", "B-PER"]
    assert to_biose(bio) == ["B-ORG", "I-ORG", "E-ORG", "O", "S-PER"]
    assert to_bio(to_biose(bio)) == bio
