"""dragoman.Events.v1: registered, lines up in a pipeline, codes events on hand-built articles."""

from __future__ import annotations

import re

import pytest

from dragoman.model import Article, Entity, EntityType, EventStatus, Mention, Span
from dragoman.pipeline import Pipeline, make_stage, registry
from dragoman.stages.events import Events
from dragoman.text import normalize, sentence_spans, tokenize


def _article(text: str, lang: str, names: dict[str, tuple[str, EntityType]]) -> Article:
    art = Article.from_text(text)
    art.language = lang
    art.sentences = sentence_spans(text)
    art.tokens = [t for s in art.sentences for t in tokenize(text, s.start, s.end)]
    n = normalize(text)
    art.norm, art.norm_offsets = n.text, n.offsets
    for name, (eid, etype) in names.items():
        for m in re.finditer(re.escape(name), text):
            art.mentions.append(Mention(span=Span(m.start(), m.end()), type=etype, kb_id=eid))
    art.mentions.sort(key=lambda m: m.span.start)
    ents: dict[str, Entity] = {}
    for i, m in enumerate(art.mentions):
        ents.setdefault(
            m.kb_id or "", Entity(id=m.kb_id or "", canonical=m.kb_id or "", type=m.type)
        ).mentions.append(i)
    art.entities = list(ents.values())
    art.provided |= {"language", "sentences", "tokens", "norm", "mentions", "entities", "described", "time_expressions"}
    return art


def test_registered_with_its_layers() -> None:
    spec = registry()["dragoman.Events.v1"]
    assert spec.provides == {"events"}
    assert {"mentions", "entities", "described", "time_expressions", "sentences"} <= spec.requires
    assert spec.doc


def test_stage_codes_the_issue_example() -> None:
    names = {
        "Azerbaijan": ("country:AZ", EntityType.GPE),
        "Accords": ("agreement:abraham", EntityType.AGREEMENT),
    }
    art = _article("The administration is discussing Azerbaijan's joining the Accords.", "en", names)
    out = make_stage("dragoman.Events.v1")(art)
    acc = [e for e in out.events if e.type == "ACCEDE"]
    assert len(acc) == 1
    assert acc[0].status is EventStatus.TALKS  # in talks, not an accession
    assert acc[0].actors == ["country:AZ"]
    assert acc[0].trigger is not None and out.span_text(acc[0].trigger) == "joining"
    assert all(out.span_text(s) in out.text for s in acc[0].evidence)


def test_runs_inside_a_pipeline_given_its_inputs() -> None:
    names = {"Israel": ("country:IL", EntityType.GPE), "Azerbaijan": ("country:AZ", EntityType.GPE)}
    art = _article("إسرائيل افتتحت سفارة في أذربيجان.", "ar", names)
    pipe = Pipeline([Events()], initial=frozenset(art.provided))
    res = pipe.run(art)
    assert res.ok and "events" in res.article.provided


def test_a_pipeline_without_the_described_layer_does_not_line_up() -> None:
    from dragoman.pipeline import PipelineError
    from dragoman.stages.described import DescribedActors

    names = {"Israel": ("country:IL", EntityType.GPE)}
    art = _article("Israel attacked a convoy.", "en", names)
    before = frozenset(art.provided - {"described"})
    with pytest.raises(PipelineError, match="requires described"):
        Pipeline([Events()], initial=before)
    assert Pipeline([DescribedActors(), Events()], initial=before).run(art).ok


def test_language_without_data_gives_no_events() -> None:
    art = _article("Протестующие вышли на улицы.", "ru", {})
    assert Events()(art).events == []


def test_boilerplate_sentences_are_skipped() -> None:
    from dragoman.model import Boilerplate

    names = {"Israel": ("country:IL", EntityType.GPE), "Iran": ("country:IR", EntityType.GPE)}
    art = _article("Israel attacked Iran.\nRelated: Israel attacked Iran.", "en", names)
    second = art.sentences[1]
    art.boilerplate = [Boilerplate(span=second, reason="related links")]
    evs = [e for e in Events()(art).events if e.type == "ASSAULT"]
    # one telling, in the first sentence (evidence is its clause, without the full stop)
    assert len(evs) == 1 and [art.span_text(s) for s in evs[0].evidence] == ["Israel attacked Iran"]


def test_caption_sentences_are_read_as_news() -> None:
    """A photo caption tells who met whom: its events count, other chrome's do not."""
    from dragoman.model import NEWS_CHROME, Boilerplate
    from dragoman.stages.sentences import Sentences

    names = {"Israel": ("country:IL", EntityType.GPE), "Iran": ("country:IR", EntityType.GPE)}
    text = "Talks stalled.\nIsrael attacked Iran on Monday. (Photo: AFP)\nRelated: Iran attacked Israel."
    art = _article(text, "en", names)
    lines = [Span(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    art.boilerplate = [
        Boilerplate(span=lines[1], reason="caption"),
        Boilerplate(span=lines[2], reason="related"),
    ]
    art = Sentences()(art)
    assert any(lines[1].contains(s) for s in art.sentences)  # caption sentences exist
    assert not any(lines[2].contains(s) for s in art.sentences)  # other chrome has none
    kept = [s for s, _ in art.sentence_tokens(keep=NEWS_CHROME)]
    assert any(lines[1].contains(s) for s in kept)
    assert not any(lines[1].contains(s) for s, _ in art.sentence_tokens())  # default: body only
    evs = [e for e in Events()(art).events if e.type == "ASSAULT"]
    assert [(e.actors, e.recipients) for e in evs] == [(["country:IL"], ["country:IR"])]
