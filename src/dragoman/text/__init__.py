"""Script-aware text utilities shared by stages: normalisation and tokenisation."""

from dragoman.text.normalize import NormalizedText, normalize, normalize_key
from dragoman.text.tokenize import sentence_spans, tokenize

__all__ = ["NormalizedText", "normalize", "normalize_key", "sentence_spans", "tokenize"]
