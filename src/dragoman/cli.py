"""Command line: thin wrappers over dragoman.api. Run `dragoman --help`."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from dragoman import api
from dragoman.exec import Executor, get_executor
from dragoman.pipeline import ConfigError
from dragoman.store import Store

app = typer.Typer(
    help="Dragoman: who did what to whom, when, and who says so, from Arabic, Hebrew and English news.",
    no_args_is_help=True,
    add_completion=False,
)
err = Console(stderr=True)
out = Console()

DEFAULT_DB = ".dragoman/dragoman.db"
DbOpt = Annotated[
    str,
    typer.Option("--db", envvar="DRAGOMAN_DB", help="Store: a SQLite path or a postgresql:// URL."),
]
ConfigOpt = Annotated[
    str | None,
    typer.Option(
        "--config", "-c", help="Pipeline TOML file, or a shipped pipeline name: default, accurate (neural NER)."
    ),
]


@contextmanager
def _opened(db: str) -> Iterator[Store]:
    from dragoman.store import open_store

    if "://" not in db:
        Path(db).parent.mkdir(parents=True, exist_ok=True)
    store = open_store(db)
    try:
        yield store
    finally:
        store.close()


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files, folders (walked) or JSONL dumps.", exists=True)],
    db: DbOpt = DEFAULT_DB,
    config: ConfigOpt = None,
    executor: Annotated[str, typer.Option(help="local (this process), pool (processes) or dask.")] = "local",
    workers: Annotated[int, typer.Option(min=1, help="Worker processes for pool/dask.")] = 1,
    scheduler: Annotated[str | None, typer.Option(help="Dask scheduler address (default: a LocalCluster).")] = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Articles per batch sent to a worker.")] = 16,
    strict: Annotated[bool, typer.Option(help="Exit with status 1 if any input failed.")] = False,
) -> None:
    """Read, process and store articles. Already-stored articles (same bytes) are skipped;
    inputs that cannot be processed are stored as error records and reported, and the batch goes on."""
    ex = _executor(executor, workers, scheduler)
    try:
        with _opened(db) as store, Progress(
            TextColumn("[bold]ingest"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("stored {task.fields[stored]} · skipped {task.fields[skipped]} · errors {task.fields[errors]}"),
            TimeElapsedColumn(),
            console=err,
            transient=False,
        ) as progress:
            task = progress.add_task("ingest", total=None, stored=0, skipped=0, errors=0)

            def update(s: api.IngestSummary) -> None:
                progress.update(
                    task, completed=s.stored + s.skipped + len(s.errors), stored=s.stored, skipped=s.skipped,
                    errors=len(s.errors),
                )

            summary = api.ingest(paths, store=store, config=config, executor=ex, batch_size=batch_size,
                                 on_progress=update)
    except (ConfigError, FileNotFoundError) as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    finally:
        ex.close()
    for e in summary.errors:
        err.print(f"[yellow]skipped[/yellow] {e.path or e.url or e.article_id[:12]}: {e.kind} ({e.stage}): {e.message}")
    err.print(
        f"{summary.seen} inputs: {summary.stored} stored, {summary.skipped} already stored, "
        f"{len(summary.errors)} errors recorded in {db}"
    )
    if strict and summary.errors:
        raise typer.Exit(1)


def _executor(name: str, workers: int, scheduler: str | None) -> Executor:
    try:
        return get_executor(name, workers=workers, address=scheduler)
    except (ValueError, ImportError) as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc


@app.command()
def extract(
    file: Annotated[Path, typer.Argument(help="One article: .txt, .html or raw bytes.", exists=True, dir_okay=False)],
    format: Annotated[str, typer.Option("--format", "-f", help="json (Article JSON v1) or summary.")] = "json",
    config: ConfigOpt = None,
) -> None:
    """Process one article and print it (no store involved)."""
    from dragoman.serialize import dumps

    try:
        article = api.extract(file, config=config)
    except api.ExtractionError as exc:
        err.print(f"[red]error:[/red] {file}: {exc}")
        raise typer.Exit(1) from exc
    except ConfigError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    if format == "json":
        sys.stdout.write(dumps(article) + "\n")
    elif format == "summary":
        _print_summary(article)
    else:
        err.print(f"[red]error:[/red] unknown format {format!r} (json, summary)")
        raise typer.Exit(2)


def _print_summary(article: api.Article) -> None:
    out.print(f"language: {article.language}  published: {article.source.published}  id: {article.id[:12]}")
    table = Table("entity", "type", "qid", "surface forms")
    for e in article.entities:
        forms = sorted({article.span_text(article.mentions[i].span) for i in e.mentions})
        table.add_row(e.canonical, e.type.value, e.qid or "", " · ".join(forms))
    out.print(table)
    for t in article.time_expressions:
        out.print(f"time: {article.span_text(t.span)!r} -> {t.value} ({t.granularity.value})")


@app.command()
def report(
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="Folder to write the HTML report into.")] = Path("out/report"),
    db: DbOpt = DEFAULT_DB,
) -> None:
    """Write a static HTML report of everything in the store and print its path."""
    from dragoman.report import build_report

    with _opened(db) as store:
        index = build_report(store, out_dir)
    out.print(str(index.resolve()))


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words in any language; Arabic/Hebrew spelling and prefixes are folded.")],
    db: DbOpt = DEFAULT_DB,
    limit: Annotated[int, typer.Option(min=1)] = 20,
) -> None:
    """Full-text search over stored articles."""
    with _opened(db) as store:
        hits = store.search(query, limit=limit)
    for h in hits:
        out.print(f"{h.article_id[:12]}  [{h.start}:{h.end}]  {h.title or ''}\n    {h.snippet}")
    if not hits:
        err.print("no matches")


@app.command()
def entities(db: DbOpt = DEFAULT_DB, limit: Annotated[int, typer.Option(min=1)] = 50) -> None:
    """Entities across all stored articles, most mentioned first."""
    with _opened(db) as store:
        rows = store.entity_table()[:limit]
    for r in rows:
        qid = f" {r.qid}" if r.qid else ""
        out.print(f"[bold]{r.canonical}[/bold]{qid}  {r.type}  {r.id}  articles={r.articles} mentions={r.mentions}",
                  soft_wrap=True)
        out.print("    " + " · ".join(r.surface_forms[:8]), soft_wrap=True)


@app.command()
def errors(db: DbOpt = DEFAULT_DB) -> None:
    """Inputs that could not be processed, with the stage and reason."""
    with _opened(db) as store:
        rows = list(store.iter_errors())
    for e in rows:
        out.print(f"{e.path or e.url or e.article_id[:12]}\t{e.stage}\t{e.kind}\t{e.message}")
    if not rows:
        err.print("no errors recorded")


@app.command()
def framing(
    db: DbOpt = DEFAULT_DB,
    format: Annotated[str, typer.Option("--format", "-f", help="table (outlets side by side) or json.")] = "table",
    article: Annotated[
        list[str] | None,
        typer.Option("--article", "-a", help="Only these articles (ids or unique id prefixes; repeat the option), "
                     "e.g. the articles of one story, to compare their outlets side by side."),
    ] = None,
) -> None:
    """How each outlet frames the stored articles: names for each actor, loaded wording, sourcing,
    and stance toward key actors with the evidence spans behind it (docs/framing.md)."""
    from dragoman.framing import framing_report

    with _opened(db) as store:
        if article:
            ids = _resolve_ids(store, article)
            docs = [a for a in (store.get_article(i) for i in ids) if a is not None]
        else:
            docs = list(store.iter_articles())
    if format not in ("json", "table"):
        err.print(f"[red]error:[/red] unknown format {format!r} (json, table)")
        raise typer.Exit(2)
    report = framing_report(docs)
    if format == "json":
        sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=1) + "\n")
        return
    if not report["articles"]:
        err.print("no articles in the store" if not article else "no such articles")
        return
    _print_framing(report)


def _resolve_ids(store: Store, wanted: list[str]) -> list[str]:
    ids = [r.id for r in store.list_articles()]
    out: list[str] = []
    for w in wanted:
        hits = [i for i in ids if i.startswith(w.strip().lower())]
        if len(hits) != 1:
            why = "no stored article" if not hits else f"{len(hits)} stored articles"
            err.print(f"[red]error:[/red] {why} with id starting {w!r}")
            raise typer.Exit(2)
        out.append(hits[0])
    return out


def _print_framing(report: dict[str, Any]) -> None:
    table = Table("outlet", "articles", "not neutral toward", "most used name per actor", "markers /1000 words",
                  "sources: named/official/anon/media", title="Framing by outlet", show_lines=True)
    for o in report["outlets"]:
        stance = [f"{eid}: {s['label']} ({s['score']:+.2f})" for eid, s in o["stance"].items() if s["label"] != "neutral"]
        names = [f"{eid}: {next(iter(forms))} ({sum(forms.values())})"
                 for eid, forms in sorted(o["names"].items(), key=lambda kv: -sum(kv[1].values()))[:5]]
        src = o["sourcing"]
        # Text cells: entity ids such as "country:TM:" must not be read as rich markup or emoji codes.
        table.add_row(*(Text(cell) for cell in (
            (o["name"] or "unknown outlet") + (f"\n{o['country']} · {o['type']}" if o["country"] else ""),
            str(o["articles"]),
            "\n".join(stance[:6]) or "-",
            "\n".join(names),
            f"{o['markers_per_1000_words']:.1f}",
            f"{src['named']}/{src['official']}/{src['anonymous']}/{src['media']}",
        )))
    out.print(table)
    for a in report["articles"]:
        hostile = [eid for eid, s in a["stance"].items() if s["label"] == "hostile"]
        out.print(Text(f"{a['article'][:12]}  {a['outlet'] or 'unknown outlet'} ({a['outlet_from']})  {a['language']}  "
                       f"{a['bias']}  markers {len(a['markers'])}"
                       + (f"  hostile toward {', '.join(hostile)}" if hostile else "")), soft_wrap=True)


@app.command()
def stages() -> None:
    """Registered pipeline stages, with what each requires and provides."""
    from dragoman.pipeline import registry

    for name, spec in sorted(registry().items()):
        out.print(f"[bold]{name}[/bold]  {spec.doc.splitlines()[0] if spec.doc else ''}", soft_wrap=True)
        out.print(f"    requires: {', '.join(sorted(spec.requires)) or '-'}   provides: {', '.join(sorted(spec.provides))}",
                  soft_wrap=True)


@app.command()
def validate(
    file: Annotated[Path, typer.Argument(help="Article JSON produced by `dragoman extract`.", exists=True)],
) -> None:
    """Check an Article JSON file against the v1 schema and its span invariants."""
    from dragoman.serialize import validate as check

    try:
        check(json.loads(file.read_text("utf-8")))
    except Exception as exc:  # jsonschema.ValidationError, ValueError, JSONDecodeError
        err.print(f"[red]invalid:[/red] {exc}")
        raise typer.Exit(1) from exc
    out.print("valid")


def main() -> None:
    app()
