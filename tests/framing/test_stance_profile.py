"""Stance from wording and model, and per-outlet profiles that merge in any order."""

from __future__ import annotations

import itertools
from collections.abc import Callable

import numpy as np

from dragoman.framing import (
    Decision,
    empty,
    frame_article,
    merge,
    negate,
    outlet_json,
    outlet_profiles,
    profile,
)
from dragoman.framing.stance import side_of
from dragoman.framing.stance_model import LABELS, StanceModel, featurise, read_model, save_model
from dragoman.model import Article, EntityType, Source

IL = {"إسرائيل": ("country:IL", EntityType.GPE), "الكيان الصهيوني": ("country:IL", EntityType.GPE),
      "إيران": ("country:IR", EntityType.GPE)}


def test_sides_cover_state_organs_and_movements() -> None:
    assert side_of("country:IL") == "israel"
    assert side_of("org:idf") == "israel"  # KB country IL
    assert side_of("person:netanyahu") == "israel"
    assert side_of("org:hamas") == "palestine"
    assert side_of("country:AZ") is None


def test_targeted_wording_makes_a_side_hostile_with_evidence(make: Callable[..., Article]) -> None:
    text = "وقال المسؤول إن الكيان الصهيوني يواصل العدوان. ويتحمل الكيان الصهيوني مسؤولية الجرائم."
    art = make(text, "ar", IL)
    f = frame_article(art, model=None)
    st = f.stance.entities["country:IL"]
    assert st.label == "hostile" and st.score < 0
    shown = [text[s.start : s.end] for s in st.evidence]
    assert "الكيان الصهيوني" in shown
    assert f.bias == "against_israel"


def test_neutral_naming_stays_neutral(make: Callable[..., Article]) -> None:
    art = make("وقالت إسرائيل إن المحادثات مع إيران مستمرة. وأضافت إسرائيل أن الوفد سيعود.", "ar", IL)
    f = frame_article(art, model=None)
    assert f.stance.entities["country:IL"].label == "neutral"
    assert f.stance.entities["country:IL"].evidence == ()
    assert f.bias == "unbiased"


def test_polar_wording_attaches_to_the_actor_beside_it(make: Callable[..., Article]) -> None:
    text = "Officials in Iran rejected the claim. The regime of Iran said the regime of Iran would respond."
    art = make(text, "en", {"Iran": ("country:IR", EntityType.GPE)})
    f = frame_article(art, model=None, decision=Decision(tau_wording=0.4))
    st = f.stance.entities["country:IR"]
    assert st.label == "hostile"
    assert {text[s.start : s.end] for s in st.evidence} == {"regime"}


def _tiny_model(lang: str, feature_weights: dict[str, list[float]]) -> StanceModel:
    # A hand-made model: each feature string gets the weights we choose (LABELS order).
    rows, weights = [], []
    for feat, w in feature_weights.items():
        rows.append(featurise(feat, lang, chars=False, lexicon=False).rows[0])
        weights.append(w)
    order = np.argsort(rows)
    return StanceModel(lang, 18, False, False, np.array(rows)[order], np.array(weights, np.float32)[order],
                       np.zeros(len(LABELS), np.float32), {"decision": {"alpha": 1.0, "tau": 0.5}})


def test_model_evidence_points_at_the_words_that_drove_it(make: Callable[..., Article]) -> None:
    text = "Israel bombed the camp overnight. The weather was mild."
    art = make(text, "en", {"Israel": ("country:IL", EntityType.GPE)})
    model = _tiny_model("en", {"bombed": [4.0, 0.0, 0.0]})
    f = frame_article(art, model=model)
    assert f.stance.sides["israel"].stance.label == "hostile"
    assert "bombed" in [text[s.start : s.end] for s in f.stance.entities["country:IL"].evidence]
    assert f.bias == "against_israel"
    # Only sentences about a side are read: the same wording in a sentence naming no side does nothing.
    art2 = make("Someone bombed the camp overnight. The weather was mild.", "en")
    assert frame_article(art2, model=model).bias == "unbiased"


def test_model_file_round_trip(tmp_path) -> None:  # type: ignore[no-untyped-def]
    model = _tiny_model("en", {"bombed": [1.0, 0.0, 0.0], "rescued": [0.0, 0.0, 1.0]})
    save_model(model, tmp_path / "m.npz")
    back = read_model(tmp_path / "m.npz")
    assert back.lang == "en" and back.meta == model.meta
    np.testing.assert_allclose(back.scores("they bombed it"), model.scores("they bombed it"), atol=1e-3)


def _framings(make: Callable[..., Article]) -> list:  # type: ignore[type-arg]
    texts = [
        ("الكيان الصهيوني يواصل العدوان. الكيان الصهيوني مسؤول عن الجرائم.", "ar", "https://alwaght.net/a"),
        ("وقالت إسرائيل إن المحادثات مستمرة.", "ar", "https://alwaght.net/b"),
        ("وقالت إسرائيل إن الوفد وصل.", "ar", "https://www.aljazeera.net/c"),
        ("وأكدت إسرائيل أن الكيان الصهيوني تسمية مرفوضة.", "ar", None),
    ]
    return [frame_article(make(t, lang, IL, source=Source(url=u)), model=None) for t, lang, u in texts]


def test_profiles_merge_in_any_order_and_batching(make: Callable[..., Article]) -> None:
    framed = _framings(make)
    reference = [outlet_json(p) for p in outlet_profiles(framed)]
    for perm in itertools.permutations(framed):
        assert [outlet_json(p) for p in outlet_profiles(perm)] == reference
    # Incremental (merge one at a time into a stored profile) equals batch.
    alwaght = [f for f in framed if f.outlet.outlet == "alwaght"]
    stored = empty("alwaght")
    for f in alwaght:
        stored = merge(stored, profile(f))
    assert outlet_json(stored) == next(o for o in reference if o["outlet"] == "alwaght")
    # Associativity and identity.
    a, b = (profile(f) for f in alwaght)
    assert merge(merge(empty("alwaght"), a), b) == merge(a, merge(b, empty("alwaght")))
    # Taking an article out again (its profile negated) gives the profile without it.
    assert outlet_json(merge(stored, negate(b))) == outlet_json(a)


def test_outlet_json_aggregates(make: Callable[..., Article]) -> None:
    framed = _framings(make)
    alwaght = next(outlet_json(p) for p in outlet_profiles(framed) if p.outlet == "alwaght")
    assert alwaght["articles"] == 2 and alwaght["country"] == "IR"
    assert alwaght["names"]["country:IL"] == {"الكيان الصهيوني": 2, "إسرائيل": 1}
    assert alwaght["stance"]["country:IL"]["articles"] == {"hostile": 1, "neutral": 1, "favourable": 0}
    words = alwaght["words"]
    markers = sum(len(f.markers) for f in framed if f.outlet.outlet == "alwaght")
    assert alwaght["markers_per_1000_words"] == round(1000 * markers / words, 2)
