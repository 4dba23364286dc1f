"""Train the neural NER tagger of the ``accurate`` pipeline (multilingual-e5-small + BiLSTM-CRF).

    python -m dragoman_training.ner.neural_train --shared ../shared [--lang ar he] [--cache DIR]
        [--members SPEC...] [--develop] [--o-bias B] [--retune] [--out-dir DIR]

Needs PyTorch (the CPU build locked in ``requirements/training.txt``; ``make models`` installs it); inference does not. Steps:

1. Encode every gold sentence once with :mod:`dragoman.ner.encoder` and cache the thirteen
   layer states per word (float16) under ``--cache``; later runs reuse them. This is the slow
   part (about ten minutes per corpus on one core).
2. Train every member of the language's recipe (``RECIPE``: frozen-encoder heads with
   different seeds and an adapter-tuned encoder).
   - ``--develop`` (how the recipe was chosen): fit on the training split, keep the epoch
     with the best F1 on the development split (NEMO's dev; the last tenth of ANERcorp
     train, as for the CRF), and choose the decoding bias on dev (``tune_bias``).
   - default (what ships): fit on train and dev together for exactly the epochs the recipe
     names (each member's best development epoch), with the recipe's decoding bias; nothing
     is chosen on data the model was fitted to.
3. Pack the members into ``models/<lang>.neural.npz`` (decoded together as a product of
   experts), score the packed tagger on test with the document-level consistency pass the
   accurate pipeline runs (and without it), and write the scores beside it as JSON.

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

from dragoman.ner.contextual import MAX_PIECES, word_states
from dragoman.ner.encoder import Encoder
from dragoman.ner.neural import N_EXTRA, NeuralTagger, TaggerEnsemble, extra_features, load, model_path, pack
from dragoman.ner.scoring import PRF, to_bio
from dragoman_training.ner import train as crf_train
from dragoman_training.ner.datasets import DatasetsMissing, Sentence, datasets_dir
from dragoman_training.ner.evaluate import consistent_labels, flat, pipeline_consistency, score, table

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
    # Fit on train and dev together for exactly ``epochs`` (the count chosen on dev), keeping
    # the last epoch: the shipping protocol once the recipe is fixed.
    refit: bool = False


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


def load_splits(lang: str, root: Path, cache: Path, refit: bool = False) -> dict[str, Split]:
    """train, dev and test with their cached states; with ``refit``, "train" holds dev as well."""
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
    if refit:
        both = [out["train"], out["dev"]]
        out["train"] = _split(
            [s for sp in both for s in sp.sents], np.concatenate([np.asarray(sp.states) for sp in both]), lang
        )
    test = crf_train.load(corpus, root, "test")
    out["test"] = _split(test, _cached_states(encoder, corpus, "test", test, cache), lang)
    return out


def train(lang: str, splits: dict[str, Split], settings: Settings, out: Path) -> dict[str, object]:
    import torch

    from dragoman_training.ner import neural_torch as nt

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
        if settings.refit:  # dev is training data now: nothing held out to choose an epoch with
            print(f"  {lang} epoch {epoch + 1}: loss {total:.1f} ({time.time() - t0:.0f} s)", flush=True)
            best = (-1.0, epoch + 1, weights)
            continue
        f1 = _evaluate(lang, corpus, splits["dev"], weights)["ALL"].f1
        print(f"  {lang} epoch {epoch + 1}: loss {total:.1f}, dev F1 {100 * f1:.2f} ({time.time() - t0:.0f} s)", flush=True)
        if f1 > best[0]:
            best = (f1, epoch + 1, weights)
            np.savez_compressed(out, **weights)  # type: ignore[arg-type]  # kept as it goes: a cut run still leaves its best
    f1, epoch, weights = best
    if settings.refit:
        np.savez_compressed(out, **weights)  # type: ignore[arg-type]
    test_scores = _evaluate(lang, corpus, splits["test"], weights)
    print(table(f"{lang} {corpus} test (neural, epoch {epoch})", test_scores))
    return {"dev_f1": round(100 * f1, 2) if f1 >= 0 else None, "epoch": epoch, **flat(f"{corpus}_neural", test_scores)}


def _batches(split: Split, size: int, rng: np.random.Generator) -> list[np.ndarray]:
    return _pooled_batches(np.diff(split.offsets), size, rng)


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


@dataclass(frozen=True)
class Recipe:
    # Members "method:seed:epochs", packed into one file and decoded together; epochs is the
    # best development epoch of the member's development run.
    members: tuple[str, ...]
    # The decoding bias tune_bias chose on dev for those development runs.
    o_bias: float


# What `make models` trains per language, on train and dev together (see docs/models/neural.md
# for the development scores behind every choice).
RECIPE: dict[str, Recipe] = {
    "ar": Recipe(("head:13:14", "lora:13:3"), o_bias=1.0),
    "he": Recipe(("head:29:16",), o_bias=0.0),
}


def train_member(lang: str, spec: str, root: Path, cache: Path, out: Path, refit: bool = False) -> dict[str, object]:
    """Train one member from its "method:seed[:epochs]" spec; weights go to ``out``."""
    method, seed, *rest = spec.split(":")
    given = {"seed": int(seed), "refit": refit, **({"epochs": int(rest[0])} if rest else {})}
    if method == "lora":
        return train_tuned(lang, root, TuneSettings(**given), out)  # type: ignore[arg-type]
    if method == "head":
        return train(lang, load_splits(lang, root, cache, refit), Settings(**given), out)  # type: ignore[arg-type]
    raise ValueError(f"unknown member method {method!r} in {spec!r} (head or lora)")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m dragoman_training.ner.neural_train", description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=None, help="the shared folder holding datasets/")
    ap.add_argument("--lang", nargs="+", default=["ar", "he"], choices=sorted(CORPUS))
    ap.add_argument("--cache", type=Path, default=Path(".dragoman/cache/ner-states"))
    ap.add_argument(
        "--members", nargs="+", default=None,
        help="method:seed[:epochs] per member (head: BiLSTM-CRF on frozen states; lora: adapters on layers 5-8); "
        "default: the shipped recipe",
    )
    ap.add_argument(
        "--develop", action="store_true",
        help="the development protocol: train on train only, keep each member's best dev epoch, choose the "
        "decoding bias on dev (default: train on train+dev for the recipe's epochs, with its bias)",
    )
    ap.add_argument("--o-bias", type=float, default=None, help="decoding bias when not --develop (default: recipe's)")
    ap.add_argument("--out-dir", type=Path, default=None, help="write weights here instead of the package")
    ap.add_argument(
        "--retune", action="store_true",
        help="train nothing: choose the decoding bias of the existing weights again on dev and rescore test "
        "(meaningful only for weights from --develop: the shipped ones were fitted to dev)",
    )
    args = ap.parse_args(argv)
    try:
        import torch  # noqa: F401
    except ImportError:
        print("training the neural tagger needs PyTorch: run `make models`, which installs the locked CPU build (requirements/training.txt)", file=sys.stderr)
        return 2
    try:
        root = datasets_dir(args.shared)
    except DatasetsMissing as exc:
        print(f"error: {exc}. The gold corpora are not part of the repository; pass --shared PATH.", file=sys.stderr)
        return 2
    for lang in args.lang:
        out = (args.out_dir / f"{lang}.neural.npz") if args.out_dir else model_path(lang)
        out.parent.mkdir(parents=True, exist_ok=True)
        if args.retune:
            _retune(lang, root, out)
            continue
        recipe = RECIPE[lang]
        specs = args.members or recipe.members
        bias = None if args.develop else (recipe.o_bias if args.o_bias is None else args.o_bias)
        results: dict[str, object] = {}
        member_files = []
        for spec in specs:
            tag = ("dev-" if args.develop else "refit-") + spec.replace(":", "-")
            path = args.cache / "members" / f"{lang}.{tag}.npz"
            path.parent.mkdir(parents=True, exist_ok=True)
            print(f"{lang}: training member {spec} ({'train' if args.develop else 'train+dev'})", flush=True)
            results[spec] = train_member(lang, spec, root, args.cache, path, refit=not args.develop)
            member_files.append(path)
        protocol = "develop: train only, best dev epoch" if args.develop else "refit: train+dev, fixed epochs"
        result = {"members": results, "protocol": protocol, **pack_and_score(lang, root, member_files, out, bias)}
        out.with_suffix(".json").write_text(json.dumps(result, indent=1, sort_keys=True) + "\n", "utf-8")
        print(json.dumps({k: v for k, v in result.items() if k != "members"}, sort_keys=True))
    return 0


def _retune(lang: str, root: Path, out: Path) -> None:
    with np.load(out if out.is_file() else model_path(lang), allow_pickle=False) as z:
        arrays = {k: z[k] for k in z.files}
    report = out.with_suffix(".json")
    old = json.loads(report.read_text("utf-8")) if report.is_file() else {}
    result = {"members": old.get("members", {}), **tune_and_score(lang, root, arrays, out)}
    report.write_text(json.dumps(result, indent=1, sort_keys=True) + "\n", "utf-8")
    print(json.dumps({k: v for k, v in result.items() if k != "members"}, sort_keys=True))


def pack_and_score(
    lang: str, root: Path, members: Sequence[Path], out: Path, bias: float | None = None
) -> dict[str, object]:
    """Write the members as one weights file with its decoding bias (None: chosen on dev), score test."""
    weights = []
    for path in members:
        with np.load(path, allow_pickle=False) as z:
            weights.append({k: z[k] for k in z.files})
    return tune_and_score(lang, root, dict(weights[0]) if len(weights) == 1 else pack(weights), out, bias)


def tune_and_score(
    lang: str, root: Path, arrays: dict[str, np.ndarray], out: Path, bias: float | None = None
) -> dict[str, object]:
    """Write weights ``arrays`` to ``out`` with decoding bias ``bias`` (None: chosen on dev), score test."""
    arrays = {k: v for k, v in arrays.items() if k != "o_bias"}
    np.savez_compressed(out, **arrays)  # type: ignore[arg-type]
    corpus = CORPUS[lang]
    tagger = load(out, lang)
    tried: dict[float, float] = {}
    if bias is None:
        bias, tried = tune_bias(lang, root, tagger)
        print(f"{lang}: decoding bias on dev (F1 after the consistency pass): {tried}; keeping {bias}", flush=True)
    arrays["o_bias"] = np.array(bias, np.float32)
    np.savez_compressed(out, **arrays)  # type: ignore[arg-type]
    tagger.o_bias = bias
    test = crf_train.load(corpus, root, "test")
    tokens = [s.tokens for s in test]
    found = [tagger.spans_with_scores(t) for t in tokens]
    scores = score(corpus, test, consistent_labels(tokens, found, lang, pipeline_consistency("accurate")))
    alone = score(corpus, test, consistent_labels(tokens, found, lang, None))
    print(table(f"{lang} {corpus} test (shipped neural tagger, consistency pass)", scores))
    return {
        **flat(f"{corpus}_neural", scores),
        f"{corpus}_neural_sentence_f1": round(100 * alone["ALL"].f1, 2),
        "o_bias": bias,
        **({"dev_f1_by_bias": tried} if tried else {}),
    }


# Decoding biases tried on the development split: subtracting b from the "O" score trades
# precision for recall (names unseen in training are what the tagger misses).
BIASES = (0.0, 0.5, 1.0, 1.5, 2.0)


def tune_bias(lang: str, root: Path, tagger: NeuralTagger | TaggerEnsemble) -> tuple[float, dict[float, float]]:
    """The bias with the best development F1 (with the consistency pass), and every F1 tried."""
    corpus = CORPUS[lang]
    dev = crf_train.load(corpus, root, "dev")
    tokens = [s.tokens for s in dev]
    ems = [tagger.scores(t) if t else None for t in tokens]  # the encoder runs once per sentence
    tried: dict[float, float] = {}
    for bias in BIASES:
        tagger.o_bias = bias
        found = [tagger.decode(em) if em is not None else [] for em in ems]
        labels = consistent_labels(tokens, found, lang, pipeline_consistency("accurate"))
        tried[bias] = round(100 * score(corpus, dev, labels)["ALL"].f1, 2)
    best = max(BIASES, key=lambda b: (tried[b], -b))  # ties: the smaller bias
    return best, tried


# -- fine-tuning the encoder (LoRA) -------------------------------------------------------------


@dataclass(frozen=True)
class TuneSettings:
    rank: int = 8
    alpha: float = 16.0
    hidden: int = 256
    dropout: float = 0.4
    lr: float = 1e-3
    batch: int = 16
    epochs: int = 8
    chunk: int = 100  # training sentences are cut into pieces of at most this many words
    # Adapt layers first..last-1 and read states first..last: the frozen head's learnt layer
    # mix puts most weight on the middle layers (6 to 9 of 12; e5's top layers serve pooling),
    # so the encoder stops at layer 8 and the states below layer 4 are computed once.
    first: int = 4
    last: int = 8
    seed: int = 13
    refit: bool = False  # as Settings.refit


@dataclass
class _Example:
    x0: np.ndarray  # [pieces, H] input-layer states
    ranges: list[tuple[int, int]]
    extra: np.ndarray
    y: np.ndarray


def _examples(
    encoder: Encoder, sents: Sequence[Sentence], lang: str, index: dict[str, int], chunk: int, first: int
) -> list[_Example]:
    out = []
    for s in sents:
        labels = to_bio(s.labels)
        for a in range(0, len(s.tokens), chunk):
            words = s.tokens[a : a + chunk]
            ids, ranges = encoder.pieces(words)
            if len(ids) > MAX_PIECES + 2:  # pathological token soup: not worth a window split in training
                continue
            y = np.array([index.get(lab, index["O"]) for lab in labels[a : a + chunk]], np.int64)
            x = encoder.forward(ids, upto=first)[-1] if first else encoder.embed(ids)
            out.append(_Example(x.astype(np.float32), ranges, extra_features(words, lang), y))
    return out


def _collate(batch: Sequence[_Example]) -> tuple[object, ...]:
    import torch

    n_p = max(len(e.x0) for e in batch)
    n_w = max(len(e.y) for e in batch)
    h = batch[0].x0.shape[1]
    x = torch.zeros(len(batch), n_p, h)
    mask = torch.zeros(len(batch), n_p, dtype=torch.bool)
    pool = torch.zeros(len(batch), n_w, n_p)
    extra = torch.zeros(len(batch), n_w, batch[0].extra.shape[1])
    y = torch.zeros(len(batch), n_w, dtype=torch.long)
    wmask = torch.zeros(len(batch), n_w, dtype=torch.bool)
    for i, e in enumerate(batch):
        x[i, : len(e.x0)] = torch.from_numpy(e.x0)
        mask[i, : len(e.x0)] = True
        for w, (a, b) in enumerate(e.ranges):
            pool[i, w, a:b] = 1.0 / (b - a)
        extra[i, : len(e.y)] = torch.from_numpy(e.extra)
        y[i, : len(e.y)] = torch.from_numpy(e.y)
        wmask[i, : len(e.y)] = True
    return x, mask, pool, extra, y, wmask


def train_tuned(lang: str, root: Path, settings: TuneSettings, out: Path) -> dict[str, object]:
    """Fine-tune the encoder with adapters on train, keep the best dev epoch, score test once."""
    import torch

    from dragoman_training.ner import neural_torch as nt

    torch.manual_seed(settings.seed)
    torch.set_num_threads(1)
    rng = np.random.default_rng(settings.seed)
    corpus = CORPUS[lang]
    encoder = Encoder()
    # The CRF's splits: ANERcorp has no dev, so the last tenth of train stands in for it.
    train_s = crf_train.load(corpus, root, "train-dev" if corpus == "anercorp" else "train")
    dev_s = crf_train.load(corpus, root, "dev")
    if settings.refit:
        train_s = train_s + dev_s
    test_s = crf_train.load(corpus, root, "test")
    labels = sorted({lab for s in train_s for lab in to_bio(s.labels)} | {"O"})
    index = {lab: i for i, lab in enumerate(labels)}
    t0 = time.time()
    examples = _examples(encoder, train_s, lang, index, settings.chunk, settings.first)
    n_pieces = sum(len(e.x0) for e in examples)
    print(f"  {lang}: {len(examples)} training chunks, {n_pieces} pieces, {time.time() - t0:.0f} s", flush=True)
    model = nt.Tuned(
        [encoder.layer_weights(i) for i in range(settings.first, settings.last)], encoder.heads, encoder.eps,
        N_EXTRA, len(labels), settings.rank, settings.alpha, settings.hidden, settings.dropout, settings.first,
    )
    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=settings.lr, weight_decay=0.01)
    lengths = np.array([len(e.x0) for e in examples])
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda k: min(1.0, (k + 1) / 100))  # short warm-up
    best: tuple[float, int, dict[str, np.ndarray]] = (-1.0, -1, {})
    for epoch in range(settings.epochs):
        model.train()
        t0, total = time.time(), 0.0
        for n, idx in enumerate(_pooled_batches(lengths, settings.batch, rng)):
            loss = model.loss(*_collate([examples[int(i)] for i in idx]))  # type: ignore[arg-type, unused-ignore]  # torch absent: Any
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 5.0)
            opt.step()
            sched.step()
            total += float(loss.detach())
            if n % 50 == 0:
                print(f"    batch {n}, {time.time() - t0:.0f} s", flush=True)
        model.eval()
        weights = model.export(labels)
        if settings.refit:  # dev is training data now: keep the last epoch
            print(f"  {lang} epoch {epoch + 1}: loss {total:.1f} ({time.time() - t0:.0f} s)", flush=True)
            best = (-1.0, epoch + 1, weights)
            np.savez_compressed(out, **weights)  # type: ignore[arg-type]
            continue
        tagger = NeuralTagger.from_weights(weights, lang, encoder)
        f1 = score(corpus, dev_s, [tagger.tag(s.tokens) for s in dev_s])["ALL"].f1
        print(f"  {lang} epoch {epoch + 1}: loss {total:.1f}, dev F1 {100 * f1:.2f} ({time.time() - t0:.0f} s)", flush=True)
        if f1 > best[0]:
            best = (f1, epoch + 1, weights)
            np.savez_compressed(out, **weights)  # type: ignore[arg-type]
    f1, epoch, weights = best
    tagger = NeuralTagger.from_weights(weights, lang, encoder)
    test_scores = score(corpus, test_s, [tagger.tag(s.tokens) for s in test_s])
    print(table(f"{lang} {corpus} test (fine-tuned, epoch {epoch})", test_scores))
    return {"dev_f1": round(100 * f1, 2) if f1 >= 0 else None, "epoch": epoch, **flat(f"{corpus}_neural", test_scores)}


def _pooled_batches(lengths: np.ndarray, size: int, rng: np.random.Generator) -> list[np.ndarray]:
    """Shuffled batches of items of similar length.

    Items are shuffled, cut into pools of fifty batches, and sorted by length inside each
    pool, so a batch pads little (the CRF's forward pass loops over the longest sentence)
    while the order still changes every epoch.
    """
    order = rng.permutation(len(lengths))
    batches: list[np.ndarray] = []
    for p in range(0, len(order), 50 * size):
        chunk = order[p : p + 50 * size]
        chunk = chunk[np.argsort(lengths[chunk], kind="stable")]
        batches.extend(chunk[b : b + size] for b in range(0, len(chunk), size))
    return [batches[i] for i in rng.permutation(len(batches))]


if __name__ == "__main__":
    raise SystemExit(main())
