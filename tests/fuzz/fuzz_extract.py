"""Fuzz target for read/clean/extract: any bytes must end as a stored article or an error record.

    python tests/fuzz/fuzz_extract.py [--seconds 60] [--examples N]      # hypothesis (always available)
    python tests/fuzz/fuzz_extract.py --atheris [CORPUS_DIR] [-max_total_time=60] [libFuzzer flags]

With ``--atheris`` (``pip install atheris``) the same target runs under
coverage-guided libFuzzer; otherwise Hypothesis generates inputs (random
bytes, then mutated text and HTML) until the time budget runs out.  A crash
is an exception out of the pipeline or the store, a stage ``internal_error``
or an input that ends neither stored nor recorded; the failing input is
printed (Hypothesis) or written as ``crash-*`` (libFuzzer).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fuzzkit import TALLY, MemoryStore, process_and_store, runnable_config_text  # noqa: E402

from dragoman.model import Article, Source  # noqa: E402

FORMATS = ("auto", "text", "html")
_CONFIG = runnable_config_text()
_STORE = MemoryStore()


def one_input(data: bytes) -> None:
    """The target: the first byte picks how the input is labelled, the rest is the input."""
    fmt = FORMATS[data[0] % len(FORMATS)] if data else "auto"
    art = Article.from_bytes(data[1:], Source(path="fuzz", format=fmt))
    process_and_store(_CONFIG, [art], _STORE)
    if len(_STORE.articles) > 1000:  # keep memory flat on long runs
        _STORE.articles.clear()
        _STORE.errors.clear()


def _hypothesis(seconds: float, examples: int) -> None:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    texty = st.text(max_size=2000).map(lambda s: s.encode("utf-8", "surrogatepass"))
    html = st.text(max_size=500).map(lambda s: f"<html><body><p>{s}</p><script>{s}</script></body></html>".encode(
        "utf-8", "surrogatepass"))
    inputs = st.tuples(st.integers(0, 2), st.one_of(st.binary(max_size=4000), texty, html))
    deadline = time.monotonic() + seconds

    # Rounds of a few hundred random examples until the budget is spent (Hypothesis has no time limit).
    @settings(max_examples=min(examples, 50), deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(inputs)
    def run(case: tuple[int, bytes]) -> None:
        one_input(bytes([case[0]]) + case[1])

    while time.monotonic() < deadline and TALLY.inputs < examples:
        run()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--atheris", action="store_true", help="run under atheris/libFuzzer (pass its flags after)")
    ap.add_argument("--seconds", type=float, default=60.0, help="time budget for the hypothesis run")
    ap.add_argument("--examples", type=int, default=100_000, help="upper bound on hypothesis examples")
    args, rest = ap.parse_known_args()
    if args.atheris:
        import atheris  # type: ignore[import-not-found]

        atheris.Setup([sys.argv[0], *rest], one_input)
        atheris.Fuzz()
        return 0
    started = time.monotonic()
    _hypothesis(args.seconds, args.examples)
    print(f"{TALLY.line()} in {time.monotonic() - started:.0f} s")
    return 1 if TALLY.crashes or TALLY.dropped else 0


if __name__ == "__main__":
    sys.exit(main())
