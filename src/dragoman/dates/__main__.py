"""Run the dates stage over text files and print what it found, with timings.

    python -m dragoman.dates --lang ar FILE...
    python -m dragoman.dates --lang he --published 2025-06-15 FILE...

Files are read as plain text with no boilerplate removal (the full pipeline
does that); the point is to inspect the dates layer and its cost.
"""

from __future__ import annotations

import argparse
import time
from datetime import date
from pathlib import Path

from dragoman.model import Article, Source
from dragoman.stages.dates import Dates
from dragoman.stages.sentences import Sentences


def _article(path: Path, lang: str, published: date | None) -> Article:
    art = Article.from_text(path.read_text("utf-8"), Source(path=str(path), published=published))
    art.language = lang
    art.provided |= {"boilerplate", "language"}
    return Sentences()(art)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m dragoman.dates", description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--lang", required=True, help="language code with a dates.yaml: ar, he, en")
    ap.add_argument("--published", type=date.fromisoformat, help="publication date (ISO); default: none")
    ap.add_argument("--repeat", type=int, default=20, help="runs per article for the timing")
    args = ap.parse_args(argv)
    stage = Dates()
    cpu = 0.0
    for path in args.files:
        art = stage(_article(path, args.lang, args.published))
        src = art.source
        print(f"== {path}  published={src.published} estimated={src.published_estimated} {src.published_basis}")
        for t in art.time_expressions:
            print(
                f"  {art.span_text(t.span)!r}\t{t.value}\t{t.granularity.value}\trelative={t.relative}\t{t.anchor}"
            )
        fresh = [_article(path, args.lang, args.published) for _ in range(args.repeat)]
        t0 = time.process_time()
        for a in fresh:
            stage(a)
        cpu += (time.process_time() - t0) / args.repeat
    print(f"dates stage: {1000 * cpu / len(args.files):.2f} ms CPU per article over {len(args.files)} files")


if __name__ == "__main__":
    main()
