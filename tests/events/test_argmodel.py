"""The learned argument model: shipped weights, frames as hard constraints, joint decoding."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest
from dragoman_training.events import argdata

from dragoman.events.argfeatures import FEATURES_VERSION
from dragoman.events.argmodel import LinearModel, shipped_model
from dragoman.events.extract import extract_events, find_hits
from dragoman.events.frames import frame, frames, may_be_actor, may_be_recipient
from dragoman.events.plover import plover_spec
from dragoman.model import Article, EntityType

GPE = EntityType.GPE


def test_shipped_weights_load_and_match_the_feature_version() -> None:
    model = shipped_model()
    assert model is not None
    assert set(model.weights) == {"actor", "recipient"}
    assert all(model.weights[r] for r in model.weights)
    trained = model.meta["trained"]
    assert isinstance(trained, dict) and "cross_validation" in trained


def test_weights_of_another_feature_version_are_refused() -> None:
    with pytest.raises(ValueError, match="retrain"):
        LinearModel.from_json({"features_version": FEATURES_VERSION + 1, "weights": {}})


def test_every_event_code_has_a_frame() -> None:
    spec = plover_spec()
    assert set(frames().frames) == set(spec.types) | set(spec.extensions)


def test_agreements_and_laws_are_never_actors() -> None:
    for code in frames().frames:
        assert not may_be_actor(code, EntityType.AGREEMENT)
        assert not may_be_actor(code, EntityType.LAW)
        assert not may_be_recipient(code, EntityType.PLACE)
    assert may_be_recipient("ACCEDE", EntityType.AGREEMENT)
    assert not may_be_recipient("ACCEDE", EntityType.PERSON)
    assert frame("CONSULT").symmetric


def test_an_agreement_is_not_made_the_actor_even_when_it_scores_best(
    make_article: Callable[..., Article],
) -> None:
    names = {"Accords": ("agreement:x", EntityType.AGREEMENT), "Kazakhstan": ("country:KZ", GPE)}
    art = make_article("The Accords were joined by Kazakhstan.", "en", names)
    ev = next(e for e in extract_events(art, "en") if e.type == "ACCEDE")
    assert "agreement:x" not in ev.actors


def test_learned_and_rule_modes_both_run(make_article: Callable[..., Article]) -> None:
    names = {"Egypt": ("country:EG", GPE), "Hamas": ("org:hamas", EntityType.ORG)}
    art = make_article("Egypt urged Hamas to accept the proposal.", "en", names)
    for mode in ("learned", "rules"):
        ev = next(e for e in extract_events(art, "en", mode) if e.type == "REQUEST")
        assert ev.actors == ["country:EG"]
        assert ev.recipients == ["org:hamas"]


def test_a_lone_recipient_is_not_spent_as_the_actor(make_article: Callable[..., Article]) -> None:
    names = {"אזרבייג'ן": ("country:AZ", GPE)}
    art = make_article("סעיף 907 המגביל את הסיוע האמריקני לאזרבייג'ן.", "he", names)
    ev = next(e for e in extract_events(art, "he") if e.type == "IMPOSE_SANCTION")
    assert ev.recipients == ["country:AZ"]
    assert ev.actors == []


def test_hits_carry_the_trigger_pos(make_article: Callable[..., Article]) -> None:
    art = make_article("انضمام أذربيجان إلى الاتفاقيات.", "ar", {"أذربيجان": ("country:AZ", GPE)})
    assert [h.pos for h in find_hits(art, "ar")] == ["noun"]


def test_the_projects_own_sentences_validate() -> None:
    files = argdata.load_all()
    if not files:
        pytest.skip("training/args not in this checkout")
    assert set(files) == {"ar", "he", "en"}
    for f in files.values():
        assert len(f.sentences) >= 40
        for s in f.sentences:
            for ev in s.events:
                a, b = argdata.trigger_span(s, ev)
                assert s.text[a:b] == ev.trigger


def test_a_surface_absent_from_its_sentence_is_refused() -> None:
    with pytest.raises(ValueError, match="does not occur"):
        argdata.AnnotatedSentence.model_validate(
            {"text": "Iran met Oman.", "events": [{"trigger": "met", "type": "CONSULT", "actors": ["Qatar"]}]}
        )


def test_surface_span_takes_the_occurrence_nearest_the_trigger() -> None:
    text = "Iran said that Iran met Oman."
    assert argdata.surface_span(text, "Iran", (20, 23)) == (15, 19)


def test_the_trainer_learns_a_separable_preference() -> None:
    from dragoman_training.events.train import Instance, accuracy, fit

    data = [
        Instance("actor", [["bias", "marker=with"], ["bias", "marker=-"], ["null"]], [1], "own:en", g)
        for g in range(20)
    ] + [Instance("recipient", [["bias", "marker=with"], ["null"]], [0], "own:en", g) for g in range(20)]
    model = LinearModel(fit(data, l2=0.1, weights={"own": 1.0}, epochs=200))
    assert accuracy(model, data) == {"actor": 100.0, "recipient": 100.0}
    assert model.weights["actor"]["marker=-"] > model.weights["actor"]["marker=with"]


def test_folded_weights_add_the_language_copy() -> None:
    model = LinearModel({"actor": {"a": 1.0, "ar:a": 0.5, "he:a": 9.0}, "recipient": {"a": -1.0}})
    assert model.folded("ar")["a"] == (1.5, -1.0)
    assert model.both([["a"], []], "ar") == ([1.5, 0.0], [-1.0, 0.0])
    assert model.scores("actor", [["a"]], "he") == [10.0]


class _NoRecipientScorer:
    """Prefers the nearest candidate before the trigger as actor, and "none" as recipient every time."""

    def scores(self, role: str, feats: Sequence[Sequence[str]], lang: str) -> list[float]:
        if role == "recipient":
            return [0.0] * (len(feats) - 1) + [10.0]
        return [5.0 if "rank=B1" in f else 0.0 for f in feats[:-1]] + [1.0]


def test_a_party_marked_to_or_with_is_the_recipient_when_the_model_picks_none(
    make_article: Callable[..., Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    import dragoman.events.extract as extract

    monkeypatch.setattr(extract, "shipped_model", _NoRecipientScorer)
    names = {"Syria": ("country:SY", GPE), "Lebanon": ("country:LB", GPE), "Beirut": ("city:beirut", GPE)}
    art = make_article("Syria sent aid to Lebanon.", "en", names)
    ev = next(e for e in extract_events(art, "en"))
    assert ev.actors == ["country:SY"]
    assert ev.recipients == ["country:LB"]
    # an unmarked party after the trigger is left to the model
    art = make_article("Syria praised Lebanon.", "en", names)
    ev = next(e for e in extract_events(art, "en"))
    assert ev.actors == ["country:SY"]
    assert ev.recipients == []


class _SubjectScorer:
    """Takes the candidate right before the trigger as actor and abstains on the recipient."""

    def scores(self, role: str, feats: Sequence[Sequence[str]], lang: str) -> list[float]:
        if role == "recipient":
            return [0.0] * (len(feats) - 1) + [10.0]
        return [5.0 if "rank=B1" in f else 0.0 for f in feats[:-1]] + [1.0]


def test_a_passive_subject_is_the_one_acted_on_and_the_by_party_the_actor(
    make_article: Callable[..., Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    import dragoman.events.extract as extract

    monkeypatch.setattr(extract, "shipped_model", _SubjectScorer)
    names = {"Hamas": ("org:hamas", EntityType.ORG), "Israel": ("country:IL", GPE), "Egypt": ("country:EG", GPE)}
    ev = next(e for e in extract_events(make_article("Hamas was attacked by Israel.", "en", names), "en"))
    assert (ev.actors, ev.recipients) == (["country:IL"], ["org:hamas"])
    # no agent named: the subject is still the one attacked, and nobody is the actor
    ev = next(e for e in extract_events(make_article("Hamas was attacked on Monday.", "en", names), "en"))
    assert (ev.actors, ev.recipients) == ([], ["org:hamas"])
    # an adjective after the cue is no passive: "is opposed to" keeps its subject as the actor
    ev = next(e for e in extract_events(make_article("Israel is opposed to Egypt.", "en", names), "en"))
    assert ev.actors == ["country:IL"]


def test_only_a_past_participle_after_a_cue_reads_as_passive() -> None:
    from dragoman.events.argfeatures import lists_participles, participle

    assert participle("killed", "en") and participle("shot", "en") and participle("taken", "en")
    # progressives and adjectives after "is"/"are" are no passives
    assert not participle("investigating", "en")
    assert not participle("opposed", "en")
    assert not participle("ready", "en")
    # Arabic lists no participle shapes: its cues (تم، جرى) mark the passive alone
    assert not lists_participles("ar") and participle("اعتقال", "ar")


class _FirstBeforeFirstAfterScorer:
    """Actor: the candidate right before the trigger; recipient: the one right after it."""

    def scores(self, role: str, feats: Sequence[Sequence[str]], lang: str) -> list[float]:
        want = "rank=B1" if role == "actor" else "rank=A1"
        return [5.0 if want in f else 0.0 for f in feats[:-1]] + [1.0]


def test_people_counted_as_casualties_are_never_the_attacker(
    make_article: Callable[..., Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    import dragoman.events.extract as extract

    monkeypatch.setattr(extract, "shipped_model", _FirstBeforeFirstAfterScorer)
    names = {"civilians": ("group:civilians", EntityType.MISC), "Hamas": ("org:hamas", EntityType.ORG)}
    ev = next(e for e in extract_events(make_article("The civilians attacked Hamas.", "en", names), "en"))
    assert (ev.actors, ev.recipients) == (["org:hamas"], ["group:civilians"])
    # the frames of other events leave them alone: civilians may well protest
    ev = next(e for e in extract_events(make_article("The civilians protested against Hamas.", "en", names), "en"))
    assert ev.actors == ["group:civilians"]


def test_pair_features_are_shared_per_combination_and_match_a_fresh_build(
    make_article: Callable[..., Article],
) -> None:
    from dragoman.events import argfeatures

    names = {"Norland": ("country:NL", GPE), "Valdoria": ("country:VD", GPE)}
    art = make_article("Norland signed a trade pact with Valdoria on Monday.", "en", names)
    hit = next(h for h in find_hits(art, "en") if h.event.actors)
    view = hit.view
    trig = argfeatures.Trigger(hit.token_start, hit.token_end, hit.event.type, hit.pos, hit.subject)
    pool = [m for m in view.mentions if m.entity]
    assert len(pool) == 2

    def features() -> list[list[str]]:
        ctx = argfeatures.context(view, "en", view.clause, [trig])
        return [argfeatures.candidate_features(ctx, 0, m, pool) for m in pool]

    argfeatures._PAIR_FEATURES.clear()
    cold = features()
    assert len(argfeatures._PAIR_FEATURES) == 2  # one combination per side of the trigger
    warm = features()
    assert warm == cold
    # the names come from the shared tuple, not new strings
    assert all(w[-1] is c[-1] for w, c in zip(warm, cold, strict=True))
    before, after = sorted(cold, key=lambda f: "dist=A" in " ".join(f))
    assert "side=B" in before and "clause=same&B" in before
    assert "side=A" in after and "marker=with&A" in after


def test_a_pairs_second_party_reads_between_however_often_it_is_asked(
    make_article: Callable[..., Article],
) -> None:
    # the nearest mention before each token is kept per context: a second asking, and a fresh
    # context, give the same markers
    from dragoman.events import argfeatures

    names = {"Ostmark": ("country:OM", GPE), "Norland": ("country:NL", GPE), "Valdoria": ("country:VD", GPE)}
    art = make_article("Ostmark hosted talks between Norland and Valdoria on Monday.", "en", names)
    hit = next(h for h in find_hits(art, "en") if h.event.type == "CONSULT")
    view = hit.view
    trig = argfeatures.Trigger(hit.token_start, hit.token_end, hit.event.type, hit.pos, hit.subject)
    ctx = argfeatures.context(view, "en", view.clause, [trig])
    by_name = {art.span_text(m.mention.span): m for m in view.mentions if m.entity}
    first = {n: argfeatures.marker_of(ctx, m)[0] for n, m in by_name.items()}
    assert first["Norland"] == first["Valdoria"] == "between"
    assert first["Ostmark"] == "-"
    assert {n: argfeatures.marker_of(ctx, m)[0] for n, m in by_name.items()} == first
    fresh = argfeatures.context(view, "en", view.clause, [trig])
    assert argfeatures.pair_second(fresh, by_name["Norland"]) is by_name["Valdoria"]
    assert argfeatures.pair_second(fresh, by_name["Valdoria"]) is None


def test_quotation_marks_open_speech_only_where_the_sentence_has_them(
    make_article: Callable[..., Article],
) -> None:
    from dragoman.events import argfeatures
    from dragoman.events.clauses import scare_quotes

    names = {"Norland": ("country:NL", GPE), "Valdoria": ("country:VD", GPE)}
    plain = make_article("Norland said it will sign a pact with Valdoria.", "en", names)
    quoted = make_article('Norland said: "We will sign a pact with Valdoria next week."', "en", names)
    for art, speech in ((plain, False), (quoted, True)):
        hit = next(h for h in find_hits(art, "en") if h.event.type == "AGREE")
        view = hit.view
        trig = argfeatures.Trigger(hit.token_start, hit.token_end, hit.event.type, hit.pos, hit.subject)
        ctx = argfeatures.context(view, "en", view.clause, [trig])
        assert len(ctx.in_quote) == len(view.words)
        assert ctx.in_quote[hit.token_start] is speech
        assert scare_quotes(view) == frozenset()  # no marks, or marks around a whole statement
