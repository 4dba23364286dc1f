"""Gold-format readers and the missing-data path, on files made here."""

from __future__ import annotations

from pathlib import Path

import pytest
from dragoman_training.ner import datasets, train


def test_read_conll_sentences_and_spaced_token(tmp_path: Path) -> None:
    p = tmp_path / "g.bmes"
    p.write_text("ובאקו S-GPE\nו ה 60 O\n\n\nשלום O\nלבד\n", "utf-8")
    sents = datasets.read_conll(p)
    assert [s.tokens for s in sents] == [("ובאקו", "ו ה 60"), ("שלום", "לבד")]
    assert [s.labels for s in sents] == [("S-GPE", "O"), ("O", "O")]


def test_datasets_dir_accepts_shared_or_datasets(tmp_path: Path) -> None:
    (tmp_path / "datasets" / datasets.NEMO_DIR).mkdir(parents=True)
    assert datasets.datasets_dir(tmp_path) == (tmp_path / "datasets").resolve()
    assert datasets.datasets_dir(tmp_path / "datasets") == (tmp_path / "datasets").resolve()
    with pytest.raises(datasets.DatasetsMissing):
        datasets.datasets_dir(tmp_path / "nowhere")


def test_train_exits_2_without_shared(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert train.main(["--shared", str(tmp_path), "--lang", "ar"]) == 2
    assert "../shared/datasets not found" in capsys.readouterr().err
