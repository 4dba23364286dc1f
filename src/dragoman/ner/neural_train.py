"""Train the accurate NER head (BiLSTM-CRF over frozen multilingual-e5-small states).

    python -m dragoman.ner.neural_train --shared ../shared [--lang ar he] [--cache DIR]

Needs PyTorch (CPU build: ``pip install torch==2.13.0``); inference does not. Steps:

1. Encode every gold sentence once with :mod:`dragoman.ner.encoder` and cache the thirteen
   layer states per word (float16) under ``--cache``; later runs reuse them. This is the slow
   part (about ten minutes per corpus on one core).
2. Fit the head on the training split, pick the epoch with the best F1 on the development
   split (NEMO's dev; the last tenth of ANERcorp train, as for the CRF), then score test once.
3. Write ``models/<lang>.neural.npz`` with the chosen epoch's weights and a JSON of scores.

Same data, settings and seed give the same weights: the encoder is deterministic, torch is
seeded, and training runs on one thread.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from dragoman.ner import train as crf_train
from dragoman.ner.contextual import word_states
from dragoman.ner.datasets import DatasetsMissing, Sentence, datasets_dir
from dragoman.ner.encoder import Encoder
from dragoman.ner.evaluate import flat, score, table
from dragoman.ner.neural import N_EXTRA, NeuralTagger, extra_features, model_path
from dragoman.ner.scoring import PRF, to_bio

LAYERS = tuple(range(13))
CORPUS = {"ar": "anercorp", "he": "nemo"}


@dataclass(frozen=True)
class Settings:
    hidden: int = 256
    dropout: float = 0.4
    lr: float = 1e-3
    batch: int = 16
    epochs: int = 20
    seed: int = 13


def _cached_states(encoder: Encoder, corpus: str, split: str, sents: Sequence[Sentence], cache: Path) -> np.ndarray:
    """[words, layers, hidden] float16 for a whole split, computed once and kept in ``cache``."""
    path = cache / f"{corpus}_{split}.npy"
    n_words = sum(len(s.tokens) for s in sents)
    if path.is_file():
        arr = np.load(path, mmap_mode="r")
        if arr.shape[0] == n_words and arr.shape[1] == len(LAYERS):
            return arr
    cache.mkdir(parents=True, exist_ok=True)
    out = np.lib.format.open_memmap(path.with_suffix(".part.npy"), "w+", np.float16, (n_words, len(LAYERS), encoder.hidden))
    pos, t0 = 0, time.time()
    for i, s in enumerate(sents):
        out[pos : pos + len(s.tokens)] = word_states(encoder, s.tokens, LAYERS)
        pos += len(s.tokens)
        if i % 250 == 0:
            print(f"  encoding {corpus} {split}: {i}/{len(sents)} sentences, {time.time() - t0:.0f} s", flush=True)
    out.flush()
    del out
    path.with_suffix(".part.npy").rename(path)
    return np.load(path, mmap_mode="r")


@dataclass
class Split:
    sents: list[Sentence]
    states: np.ndarray  # [words, layers, hidden]
    extra: np.ndarray  # [words, N_EXTRA]
    offsets: list[int]  # word offset of each sentence


def _split(sents: list[Sentence], states: np.ndarray, lang: str) -> Split:
    offsets = np.cumsum([0] + [len(s.tokens) for s in sents]).tolist()
    extra = np.concatenate([extra_features(s.tokens, lang) for s in sents]) if sents else np.zeros((0, N_EXTRA))
    return Split(sents, states, extra.astype(np.float32), offsets)


def load_splits(lang: str, root: Path, cache: Path) -> dict[str, Split]:
    corpus = CORPUS[lang]
    encoder = Encoder()
    out: dict[str, Split] = {}
    if corpus == "anercorp":
        train = crf_train.load(corpus, root, "train")
        states = _cached_states(encoder, corpus, "train", train, cache)
        cut = int(len(train) * 0.9)  # the CRF's development split: last tenth of train
        wcut = sum(len(s.tokens) for s in train[:cut])
        out["train"] = _split(train[:cut], states[:wcut], lang)
        out["dev"] = _split(train[cut:], states[wcut:], lang)
    else:
        for split in ("train", "dev"):
            sents = crf_train.load(corpus, root, split)
            out[split] = _split(sents, _cached_states(encoder, corpus, split, sents, cache), lang)
    test = crf_train.load(corpus, root, "test")
    out["test"] = _split(test, _cached_states(encoder, corpus, "test", test, cache), lang)
    return out


def train(lang: str, splits: dict[str, Split], settings: Settings, out: Path) -> dict[str, object]:
    import torch

    from dragoman.ner import neural_torch as nt

    torch.manual_seed(settings.seed)
    torch.set_num_threads(1)
    rng = np.random.default_rng(settings.seed)
    labels = sorted({lab for s in splits["train"].sents for lab in to_bio(s.labels)} | {"O"})
    index = {lab: i for i, lab in enumerate(labels)}
    model = nt.Head(len(LAYERS), 384, N_EXTRA, settings.hidden, len(labels), settings.dropout)
    opt = torch.optim.Adam(model.parameters(), lr=settings.lr)
    tr = splits["train"]
    best: tuple[float, int, dict[str, np.ndarray]] = (-1.0, -1, {})
    corpus = CORPUS[lang]
    for epoch in range(settings.epochs):
        model.train()
        t0, total = time.time(), 0.0
        for idx in _batches(tr, settings.batch, rng):
            batch = [_tensors(tr, int(i), index) for i in idx]
            loss = model.loss(*nt.pad(batch))
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            opt.step()
            total += float(loss.detach())
        weights = model.export(labels, LAYERS)
        f1 = _evaluate(lang, corpus, splits["dev"], weights)["ALL"].f1
        print(f"  {lang} epoch {epoch + 1}: loss {total:.1f}, dev F1 {100 * f1:.2f} ({time.time() - t0:.0f} s)", flush=True)
        if f1 > best[0]:
            best = (f1, epoch + 1, weights)
            np.savez_compressed(out, **weights)  # type: ignore[arg-type]  # kept as it goes: a cut run still leaves its best
    f1, epoch, weights = best
    test_scores = _evaluate(lang, corpus, splits["test"], weights)
    print(table(f"{lang} {corpus} test (neural, epoch {epoch})", test_scores))
    return {"dev_f1": round(100 * f1, 2), "epoch": epoch, **flat(f"{corpus}_neural", test_scores)}


def _batches(split: Split, size: int, rng: np.random.Generator) -> list[np.ndarray]:
    """Shuffled batches of sentences of similar length.

    Sentences are shuffled, cut into pools of fifty batches, and sorted by length inside
    each pool, so a batch pads little (the CRF's forward pass loops over the longest
    sentence) while the order still changes every epoch.
    """
    order = rng.permutation(len(split.sents))
    lengths = np.diff(split.offsets)
    batches: list[np.ndarray] = []
    pool = 50 * size
    for p in range(0, len(order), pool):
        chunk = order[p : p + pool]
        chunk = chunk[np.argsort(lengths[chunk], kind="stable")]
        batches.extend(chunk[b : b + size] for b in range(0, len(chunk), size))
    return [batches[i] for i in rng.permutation(len(batches))]


def _tensors(split: Split, i: int, index: dict[str, int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    a, b = split.offsets[i], split.offsets[i + 1]
    y = np.array([index.get(lab, index["O"]) for lab in to_bio(split.sents[i].labels)], np.int64)
    return np.asarray(split.states[a:b], np.float32), split.extra[a:b], y


def _evaluate(lang: str, corpus: str, split: Split, weights: dict[str, np.ndarray]) -> dict[str, PRF]:
    tagger = NeuralTagger.from_weights(weights, lang)
    pred = []
    for i in range(len(split.sents)):
        a, b = split.offsets[i], split.offsets[i + 1]
        pred.append(tagger.tag_states(np.asarray(split.states[a:b], np.float32), split.extra[a:b]))
    return score(corpus, split.sents, pred)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m dragoman.ner.neural_train", description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=None, help="the shared folder holding datasets/")
    ap.add_argument("--lang", nargs="+", default=["ar", "he"], choices=sorted(CORPUS))
    ap.add_argument("--cache", type=Path, default=Path(".dragoman/cache/ner-states"))
    ap.add_argument("--epochs", type=int, default=Settings.epochs)
    ap.add_argument("--out-dir", type=Path, default=None, help="write weights here instead of the package")
    args = ap.parse_args(argv)
    try:
        import torch  # noqa: F401
    except ImportError:
        print("training the neural tagger needs PyTorch: pip install torch==2.13.0 (CPU build)", file=sys.stderr)
        return 2
    try:
        root = datasets_dir(args.shared)
    except DatasetsMissing as exc:
        print(f"error: {exc}. The gold corpora are not part of the repository; pass --shared PATH.", file=sys.stderr)
        return 2
    for lang in args.lang:
        splits = load_splits(lang, root, args.cache)
        out = (args.out_dir / f"{lang}.neural.npz") if args.out_dir else model_path(lang)
        out.parent.mkdir(parents=True, exist_ok=True)
        result = train(lang, splits, Settings(epochs=args.epochs), out)
        out.with_suffix(".json").write_text(json.dumps(result, indent=1, sort_keys=True) + "\n", "utf-8")
        print(json.dumps(result, sort_keys=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
