"""Event evaluation helpers, and the suites on the gold data when ../shared is present."""

from __future__ import annotations

from pathlib import Path

import pytest
from dragoman_training.eval._events_common import text_match, token_f1, words
from dragoman_training.eval.petrarch import load_records
from dragoman_training.eval.plover import split


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


def test_plover_held_out_half_drops_sentences_seen_in_training() -> None:
    # one sentence coded for two events lands on both sides of a split by position
    texts = ["A met B.", "A met B.", "C hit D.", "E left.", "F sued G.", "H fled."]
    train, held = split([{"text": t} for t in texts])
    assert [r["text"] for r in train] == ["A met B.", "C hit D.", "F sued G."]
    assert [r["text"] for r in held] == ["E left.", "H fled."]


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
    from dragoman_training.eval import plover

    scores = plover.run(datasets_dir.parent)
    for key in ("plover_type_acc", "plover_actor_acc", "plover_recipient_acc"):
        assert 0.0 <= scores[key] <= 100.0
    # a coder that finds events at all gets most of these clean codebook sentences right
    assert scores["plover_type_acc"] > 50.0


def test_petrarch_suite_on_gold(datasets_dir: Path) -> None:
    from dragoman_training.eval import petrarch

    scores = petrarch.run(datasets_dir.parent)
    assert 0.0 < scores["petrarch_tp"] <= 100.0
    assert 0.0 <= scores["petrarch_fp"] <= 100.0


def test_dev_suite_says_why_it_measures_nothing_without_the_dev_set(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from dragoman_training.eval import dev

    assert dev.run(tmp_path) == {}
    assert "nothing measured" in capsys.readouterr().out


def test_dev_suite_reads_the_scorers_metric_lines(tmp_path: Path) -> None:
    from dragoman_training.eval import dev

    scorer = tmp_path / "score_gold.py"
    scorer.write_text("print('event_f1 0.500')\nprint('events_lost 3')\nprint('OK | event_f1=0.50')\n", "utf-8")
    got = dev.score(scorer, tmp_path / "gold.json", tmp_path, tmp_path)
    assert got == {"event_f1": 0.5, "events_lost": 3.0}


def test_dev_suite_on_the_dev_set(datasets_dir: Path) -> None:
    from dragoman_training.eval import dev

    if dev.paths(datasets_dir.parent) is None:
        pytest.skip("../shared/corpus/dev or tools/score_gold.py absent")
    scores = dev.run(datasets_dir.parent)
    for key in ("dev_event_strict_f1", "dev_ar_event_actor_acc", "dev_he_event_date_acc", "dev_en_entity_f1"):
        assert 0.0 <= scores[key] <= 100.0
    # the pipeline finds most gold events at all (evidence overlap) on real pages
    assert scores["dev_event_f1"] > 50.0


def test_plover_matched_event_is_the_one_the_event_text_names() -> None:
    from dragoman_training.eval.plover import by_event_text

    from dragoman.events.candidates import bare_article
    from dragoman.events.extract import find_hits

    text = "Despite warnings by aid agencies, the Israeli government is refusing to lift the curfew."
    art = bare_article(text, "en", use_ner=False)
    hits = find_hits(art, "en")
    assert art.span_text(hits[0].event.trigger) == "warnings"
    hit = by_event_text(hits, "is refusing to lift curfew", art)
    assert hit is not None and art.span_text(hit.event.trigger) == "refusing"
    # no trigger shares a word: the sentence's first event
    first = by_event_text(hits, "starved", art)
    assert first is not None and art.span_text(first.event.trigger) == "warnings"
