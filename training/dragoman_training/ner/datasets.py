"""Readers for the two gold NER corpora in ``../shared/datasets``.

Both are "token LABEL" per line with a blank line between sentences:
ANERcorp (CAMeL Lab split) in IOB2 with PERS/LOC/ORG/MISC, NEMO (SPMRL
split, token-single) in BIOSE with nine types.  The corpora are read from
the shared folder, never copied into the repository.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ANERCORP_DIR = "anercorp_camellab"
NEMO_DIR = "nemo_corpus"


class DatasetsMissing(FileNotFoundError):
    """The shared gold data is not where it was looked for."""


@dataclass(frozen=True, slots=True)
class Sentence:
    tokens: tuple[str, ...]
    labels: tuple[str, ...]


def read_conll(path: Path) -> list[Sentence]:
    """Sentences of a "token LABEL" file; the label is the last field.

    A token may itself contain a space (NEMO has "ו ה 60"), so only the
    last field is taken as the label, as NEMO's own scorer does.
    """
    out: list[Sentence] = []
    toks: list[str] = []
    labs: list[str] = []
    for line in path.read_text("utf-8").splitlines():
        if not line.strip():
            if toks:
                out.append(Sentence(tuple(toks), tuple(labs)))
                toks, labs = [], []
            continue
        token, _, label = line.rstrip().rpartition(" ")
        if not token:  # a line with a single field is a token with no label
            token, label = label, "O"
        toks.append(token)
        labs.append(label)
    if toks:
        out.append(Sentence(tuple(toks), tuple(labs)))
    return out


def datasets_dir(shared: Path | None = None) -> Path:
    """The ``datasets`` folder, given either ``shared/`` or ``shared/datasets``.

    With no argument, ``../shared`` is looked for beside the working
    directory and beside the repository this package was installed from.
    """
    candidates = (
        [shared]
        if shared is not None
        else [
            Path("../shared"),
            Path(__file__).resolve().parents[3] / ".." / "shared",
        ]
    )
    for base in candidates:
        for d in (base / "datasets", base):
            if (d / ANERCORP_DIR).is_dir() or (d / NEMO_DIR).is_dir():
                return d.resolve()
    looked = ", ".join(str(c) for c in candidates)
    raise DatasetsMissing(f"../shared/datasets not found (looked in {looked})")


def anercorp(datasets: Path, split: str) -> list[Sentence]:
    """ANERcorp, CAMeL Lab split: ``train`` or ``test`` (there is no dev)."""
    return read_conll(datasets / ANERCORP_DIR / f"ANERCorp_CamelLab_{split}.txt")


def nemo(datasets: Path, split: str, variant: str = "token-single") -> list[Sentence]:
    """NEMO, SPMRL benchmark split: ``train``, ``dev`` or ``test``."""
    return read_conll(datasets / NEMO_DIR / "spmrl" / "gold" / f"{variant}_gold_{split}.bmes")
