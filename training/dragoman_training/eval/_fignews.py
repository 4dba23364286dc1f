"""FIGNEWS 2024 reader and the fixed train/test split of its annotated texts.

Only the IAA batch of FIGNEWS has its texts in ``../shared`` (``FIGNEWS-2024-TEXT-IAA.tsv``,
about 300 posts per language, with English and Arabic machine translations); the labels
are the number of annotating teams that chose each bias label
(``FIGNEWS-2024-ALL-CLEAN-FLAT.tsv``, rows of type IAA).  Gold is the majority label;
a row whose top count is tied is ambiguous and set apart, as the dataset's notes ask.

FIGNEWS publishes no split of the IAA texts, so we fix one: a row is **test** when
``sha1("batch|language|id") % 3 == 0`` and its language is Arabic, Hebrew or English
(about a third of each language); every other row, French and Hindi included, may be
trained on.  A row's machine translations belong to the row, so the translations of a
test row are never trained on either.
"""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from pathlib import Path

__all__ = ["GOLD_LABELS", "LANGS", "Post", "is_test", "load_posts"]

# FIGNEWS bias labels -> the classifier's labels (dragoman.framing.stance_model.LABELS).
GOLD_LABELS = {
    "Biased against Israel": "against_israel",
    "Biased against Palestine": "against_palestine",
    "Unbiased": "unbiased",
}
LANGS = {"Arabic": "ar", "Hebrew": "he", "English": "en", "French": "fr", "Hindi": "hi"}
_DIR = "datasets/fignews_2024"


@dataclass(frozen=True, slots=True)
class Post:
    key: tuple[str, str, str]  # (batch, source language, id)
    lang: str  # ar, he, en, fr, hi
    text: str
    text_en: str  # English machine translation (the text itself for English rows)
    text_ar: str  # Arabic machine translation (the text itself for Arabic rows)
    gold: str | None  # one of GOLD_LABELS' values; "other" for another majority label; None when tied
    votes: int  # how many annotations the row received (all teams together)


def is_test(post: Post) -> bool:
    if post.lang not in ("ar", "he", "en"):
        return False
    return int(hashlib.sha1("|".join(post.key).encode("utf-8")).hexdigest(), 16) % 3 == 0


def load_posts(shared: Path) -> list[Post]:
    root = shared / _DIR
    with (root / "FIGNEWS-2024-ALL-CLEAN-FLAT.tsv").open(encoding="utf-8", newline="") as fh:
        flat = list(csv.reader(fh, delimiter="\t"))
    header = flat[0]
    bias_cols = list(range(5, 12))  # the seven bias labels, between the two blank columns
    names = [header[i] for i in bias_cols]
    gold: dict[tuple[str, str, str], tuple[str | None, int]] = {}
    for row in flat[1:]:
        if len(row) < 12 or row[3] != "IAA":
            continue
        counts = [int(row[i] or 0) for i in bias_cols]
        top = max(counts)
        winners = [names[i] for i, c in enumerate(counts) if c == top]
        label = None if len(winners) > 1 else GOLD_LABELS.get(winners[0], "other")
        gold[(row[0], row[1], row[2])] = (label, sum(counts))
    with (root / "FIGNEWS-2024-TEXT-IAA.tsv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t"))
    posts: list[Post] = []
    for row in rows[1:]:
        key = (row[0], row[1], row[2])
        if key not in gold or row[1] not in LANGS:
            continue
        label, votes = gold[key]
        posts.append(Post(key, LANGS[row[1]], row[4], row[5], row[6], label, votes))
    return posts
