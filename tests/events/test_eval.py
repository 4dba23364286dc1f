"""Event evaluation helpers, and the suites on the gold data when ../shared is present."""

from __future__ import annotations

from pathlib import Path

import pytest

from dragoman.eval._events_common import text_match, token_f1, words
from dragoman.eval.petrarch import load_records


def test_token_f1() -> None:
    assert token_f1(["a", "b"], ["a", "b"]) == 1.0
    assert token_f1(["a"], ["a", "b"]) == pytest.approx(2 / 3)
    assert token_f1([], ["a"]) == 0.0
    assert token_f1(["x"], ["a"]) == 0.0


def test_text_match_is_a_run_of_words_either_way() -> None:
    assert text_match("Romanian officials", "Romanian", "en")
    assert text_match("Tokyo", "in Tokyo", "en")
    assert not text_match("Hungary", "Romanian", "en")


def test_arabic_words_are_folded_and_clitic_stripped() -> None:
    assert words("والتونسيين", "ar") == words("التونسيين", "ar")


def test_petrarch_reader_survives_self_closed_sentences(tmp_path: Path) -> None:
    xml = """<Validation>
# a comment line that is not XML
<Sentences>
<Sentence id="A1" date="20080101"/>
<EventCoding eventcode="042" sourcecode="USA" targetcode="CHN" />
<Text>
The US leader visited China.
</Text>
</Sentence>
<Sentence id="A2"><EventCoding eventcode="190"/><Text>Troops shelled the town.</Text></Sentence>
</Sentences></Validation>"""
    path = tmp_path / "v.xml"
    path.write_text(xml, "utf-8")
    recs = load_records(path)
    assert [(r.id, r.codes, r.text) for r in recs] == [
        ("A1", ["042"], "The US leader visited China."),
        ("A2", ["190"], "Troops shelled the town."),
    ]


def test_plover_suite_on_gold(datasets_dir: Path) -> None:
    from dragoman.eval import plover

    scores = plover.run(datasets_dir.parent)
    for key in ("plover_type_acc", "plover_actor_acc", "plover_recipient_acc"):
        assert 0.0 <= scores[key] <= 100.0
    # a coder that finds events at all gets most of these clean codebook sentences right
    assert scores["plover_type_acc"] > 50.0


def test_petrarch_suite_on_gold(datasets_dir: Path) -> None:
    from dragoman.eval import petrarch

    scores = petrarch.run(datasets_dir.parent)
    assert 0.0 < scores["petrarch_tp"] <= 100.0
    assert 0.0 <= scores["petrarch_fp"] <= 100.0
