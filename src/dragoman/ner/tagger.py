"""Run the shipped CRF taggers and map their labels to Dragoman's entity types.

Weights are opened lazily, once per language, the first time a sentence of
that language is tagged, so importing Dragoman stays cheap.  Each model
keeps its corpus's own label set (ANERcorp IOB2, NEMO BIOSE); the mapping
to ``EntityType`` happens here, on whole entities, because one of its rules
(ANERcorp LOC is a GPE only when it names a country) looks at the span.
"""

from __future__ import annotations

import struct
import tempfile
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from pathlib import Path

import pycrfsuite

from dragoman.model import EntityType
from dragoman.ner.features import gazetteer_matches, tagging_features
from dragoman.ner.scoring import spans

LANGUAGES: tuple[str, ...] = ("ar", "he")

# Corpus type -> Dragoman type; see docs/models/type-mapping.md for why.
TYPE_MAP: dict[str, EntityType] = {
    # ANERcorp
    "PERS": EntityType.PERSON,
    "ORG": EntityType.ORG,
    "LOC": EntityType.PLACE,  # GPE instead when the span is a country name (see dragoman_type)
    "MISC": EntityType.MISC,
    # NEMO
    "PER": EntityType.PERSON,
    "GPE": EntityType.GPE,
    "FAC": EntityType.PLACE,
    "EVE": EntityType.EVENT,
    "WOA": EntityType.MISC,
    "ANG": EntityType.MISC,
    "DUC": EntityType.MISC,
}


_DUMP_LOCK = threading.Lock()
# CRFsuite model file (crf1dm): magic, size, type, version, features, labels, attributes,
# then offsets of the feature table, label and attribute dictionaries and reference tables.
_MODEL_HEADER = struct.Struct("<4sI4sIIIIIIIII")
# Its dictionaries are CQDB chunks: id, size, flag, byte order, entry count, offset of the
# id -> record table; a record is id, key size, key (NUL-terminated).
_CQDB_HEADER = struct.Struct("<4sIIIII")


def _model_attributes(path: Path) -> list[str] | None:
    """The attribute strings of a CRFsuite model file, or None when it is not laid out as expected."""
    data = path.read_bytes()
    try:
        magic, _, kind, _, _, _, n_attrs, _, _, at, _, _ = _MODEL_HEADER.unpack_from(data, 0)
        if magic != b"lCRF" or kind != b"FOMC":
            return None
        chunk, _, _, _, count, table = _CQDB_HEADER.unpack_from(data, at)
        if chunk != b"CQDB" or count != n_attrs:
            return None
        out: list[str] = []
        for (record,) in struct.iter_unpack("<I", data[at + table : at + table + 4 * count]):
            _, size = struct.unpack_from("<II", data, at + record)
            key = data[at + record + 8 : at + record + 8 + size]
            if not key.endswith(b"\0"):
                return None
            out.append(key[:-1].decode("utf-8"))
    except (struct.error, UnicodeDecodeError):
        return None
    return out if len(out) == count else None


@dataclass(frozen=True, slots=True)
class TaggedSpan:
    start: int  # first token
    end: int  # one past the last token
    type: EntityType
    label: str  # the corpus type the model predicted (PERS, GPE, FAC...)
    score: float  # mean marginal probability of the span's labels


def model_path(lang: str) -> Path:
    return Path(str(resources.files("dragoman.ner").joinpath("models", f"{lang}.crfsuite")))


@cache  # asked once per article; resolving the package path is not free
def has_model(lang: str) -> bool:
    return lang in LANGUAGES and model_path(lang).is_file()


class CrfTagger:
    """One CRFsuite model; ``labels`` gives the corpus's own label sequence."""

    def __init__(self, path: Path, lang: str) -> None:
        self.lang = lang
        self.path = path
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(path))

    def label_set(self) -> list[str]:
        return list(self._tagger.labels())

    @cached_property
    def known(self) -> dict[str, bytes]:
        """Every attribute with a state feature in the model, mapped to its UTF-8 bytes.

        CRFsuite writes only attributes that kept a non-zero weight into a
        model's attribute dictionary, so that dictionary is the list; it is
        read from the model file (``_model_attributes``).  The text dump is
        the fallback for a file we cannot read that way.
        """
        attrs = _model_attributes(self.path)
        if attrs is None:
            attrs = self._dumped_attributes()
        if not attrs:
            raise ValueError(f"{self.lang} NER model lists no attributes")
        return {a: a.encode("utf-8") for a in attrs}

    def _dumped_attributes(self) -> list[str]:
        """Attributes of the STATE_FEATURES section of the model's text dump.

        pycrfsuite's ``dump`` closes its file descriptor twice (CRFsuite's
        fclose, then ``os.close``); a file another thread opened in between
        gets closed under it, so dumps are serialised, and used only as the
        fallback.  Lines read ``  (0) ATTRIBUTE --> LABEL: WEIGHT``.
        """
        out: dict[str, None] = {}
        with _DUMP_LOCK, tempfile.TemporaryDirectory() as tmp:
            dump = Path(tmp) / "model.txt"
            self._tagger.dump(str(dump))
            with dump.open(encoding="utf-8") as fh:
                inside = False
                for line in fh:
                    if not inside:
                        inside = line.startswith("STATE_FEATURES = {")
                    elif line.startswith("}"):
                        break
                    else:
                        out[line.split(") ", 1)[1].rsplit(" --> ", 1)[0]] = None
        return list(out)

    def _features(self, tokens: Sequence[str]) -> list[list[bytes]]:
        return tagging_features(tokens, self.lang, self.known)

    def labels(self, tokens: Sequence[str]) -> list[str]:
        if not tokens:
            return []
        return list(self._tagger.tag(self._features(tokens)))

    def spans_with_scores(self, tokens: Sequence[str]) -> list[tuple[int, int, str, float]]:
        """Entities in corpus types with the mean marginal of their labels.

        Marginals are asked only for tokens inside entities: most tokens are
        O, and each marginal is a call into CRFsuite.
        """
        if not tokens:
            return []
        labels = self._tagger.tag(self._features(tokens))
        marginal = self._tagger.marginal
        return [
            (a, b, t, sum(marginal(labels[i], i) for i in range(a, b)) / (b - a)) for a, b, t in spans(labels)
        ]


@cache
def get_tagger(lang: str) -> CrfTagger:
    if not has_model(lang):
        raise LookupError(f"no NER model shipped for language {lang!r} (have: {', '.join(LANGUAGES)})")
    return CrfTagger(model_path(lang), lang)


def _is_country(tokens: Sequence[str], lang: str) -> bool:
    hits = gazetteer_matches(tokens, lang)
    return len(hits) == 1 and hits[0][:2] == (0, len(tokens)) and hits[0][2] == "country"


def dragoman_type(label: str, tokens: Sequence[str], lang: str) -> EntityType:
    if label == "LOC" and lang == "ar" and _is_country(tokens, lang):
        return EntityType.GPE
    return TYPE_MAP.get(label, EntityType.MISC)


def tag_spans(tokens: Sequence[str], lang: str) -> list[TaggedSpan]:
    """Entities of one sentence with Dragoman types and confidence."""
    return [
        TaggedSpan(a, b, dragoman_type(t, tokens[a:b], lang), t, score)
        for a, b, t, score in get_tagger(lang).spans_with_scores(tokens)
    ]


def tag(tokens: list[str], lang: str) -> list[str]:
    """IOB2 labels in Dragoman types (``B-PERSON``, ``I-GPE``, ``O``) for one sentence."""
    out = ["O"] * len(tokens)
    for s in tag_spans(tokens, lang):
        out[s.start] = f"B-{s.type.value}"
        for i in range(s.start + 1, s.end):
            out[i] = f"I-{s.type.value}"
    return out


def labels_to_spans(labels: Sequence[str]) -> list[tuple[int, int, EntityType]]:
    """``(start_token, end_token, EntityType)`` for each entity of a ``tag`` result.

    ``end_token`` is exclusive.  Labels must be in Dragoman types.
    """
    return [(a, b, EntityType(t)) for a, b, t in spans(labels)]
