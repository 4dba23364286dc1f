"""Turning files, folders, JSONL dumps (and later URLs, feeds, WARCs) into unprocessed Articles."""

from dragoman.ingest.readers import InputSpec, iter_inputs

__all__ = ["InputSpec", "iter_inputs"]
