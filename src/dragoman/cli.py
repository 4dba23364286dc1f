"""Command line: thin wrappers over dragoman.api. Run `dragoman --help`."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from concurrent.futures import BrokenExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
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
def _opened(db: str, *, read_only: bool = False) -> Iterator[Store]:
    """The store at ``db``; a store that cannot be opened or used ends the command with one line.

    Read-only commands never create anything: a store that does not exist is an error (status 2).
    """
    from dragoman.store import StoreError, open_store

    try:
        store = open_store(db, read_only=read_only)
    except StoreError as exc:
        err.print(f"[red]error:[/red] {exc}", soft_wrap=True)
        raise typer.Exit(2) from exc
    try:
        yield store
    except _store_errors() as exc:
        err.print(f"[red]error:[/red] store {_redacted(db)}: {_one_line(exc)}", soft_wrap=True)
        raise typer.Exit(1) from exc
    finally:
        store.close()


def _store_errors() -> tuple[type[BaseException], ...]:
    """What a database driver raises when a store fails in use (disk full, lock timeout, lost server)."""
    import sqlite3

    from dragoman.store import StoreError

    found: list[type[BaseException]] = [StoreError, sqlite3.Error]
    try:
        import psycopg
    except ImportError:
        pass
    else:
        found.append(psycopg.Error)
    return tuple(found)


def _redacted(db: str) -> str:
    from dragoman.store.errors import redact

    return redact(db)


def _one_line(exc: BaseException) -> str:
    from dragoman.store.errors import one_line

    return one_line(exc)


@app.command()
def ingest(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Files, folders (walked) or JSONL dumps; read offline.", show_default=False),
    ] = None,
    urls: Annotated[
        list[Path] | None,
        typer.Option("--urls", help="A file of URLs, one a line, whose pages are fetched (repeatable).",
                     exists=True, dir_okay=False),
    ] = None,
    feed: Annotated[
        list[str] | None,
        typer.Option("--feed", help="An RSS/Atom feed URL (fetched) or file whose entries are ingested (repeatable)."),
    ] = None,
    fetch_pages: Annotated[
        bool, typer.Option("--fetch-pages", help="With --feed: fetch each entry's page instead of its teaser.")
    ] = False,
    offline: Annotated[
        bool,
        typer.Option("--offline", help="Refuse any outbound connection (an error with --urls or a --feed URL). "
                     "Folder walks are always offline."),
    ] = False,
    db: DbOpt = DEFAULT_DB,
    config: ConfigOpt = None,
    executor: Annotated[str, typer.Option(help="local (this process), pool (processes) or dask.")] = "local",
    workers: Annotated[int, typer.Option(min=1, help="Worker processes for pool/dask.")] = 1,
    scheduler: Annotated[str | None, typer.Option(help="Dask scheduler address (default: a LocalCluster).")] = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Articles per batch sent to a worker.")] = 16,
    strict: Annotated[bool, typer.Option(help="Exit with status 1 if any input failed.")] = False,
    force: Annotated[
        bool,
        typer.Option("--force", help="Extract already-stored inputs again (e.g. after a pipeline upgrade) and keep "
                     "each result as a new revision; analysts' corrections carry over."),
    ] = False,
) -> None:
    """Read, process and store articles. Already-stored articles (same bytes) are skipped;
    inputs that cannot be processed are stored as error records and reported, and the batch goes on.

    Files and folders are read offline: a .urls file or a feed's links met there are not
    fetched. Pages are fetched only for --urls FILE and --feed URL."""
    paths, urls, feeds = paths or [], urls or [], feed or []
    if not (paths or urls or feeds):
        err.print("[red]error:[/red] nothing to ingest: give files or folders, --urls FILE or --feed URL")
        raise typer.Exit(2)
    remote = [f for f in feeds if f.startswith(("http://", "https://"))]
    if offline and (urls or remote):
        err.print("[red]error:[/red] --offline refuses to fetch: drop --urls and feed URLs, or --offline")
        raise typer.Exit(2)
    missing = [f for f in feeds if f not in remote and not Path(f).is_file()]
    if missing:
        err.print(f"[red]error:[/red] --feed: no such file: {', '.join(missing)}")
        raise typer.Exit(2)
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

            summary = api.ingest(paths, store=store, url_lists=urls, feeds=feeds, fetch_pages=fetch_pages,
                                 config=config, executor=ex, batch_size=batch_size, on_progress=update,
                                 force=force)
    except (ConfigError, FileNotFoundError, ValueError) as exc:
        err.print(f"[red]error:[/red] {exc}", soft_wrap=True)
        raise typer.Exit(2) from exc
    except BrokenExecutor as exc:
        err.print(f"[red]error:[/red] a worker process died ({_one_line(exc)}); what was stored is kept: "
                  "run the same command again to resume", soft_wrap=True)
        raise typer.Exit(1) from exc
    finally:
        ex.close()
    for e in summary.errors:  # file names and messages are not markup: escaped
        err.print(f"[yellow]skipped[/yellow] {escape(f'{e.where}: {e.kind} ({e.stage}): {e.message}')}",
                  soft_wrap=True, highlight=False)
    for e in summary.revision_errors:
        err.print(f"[yellow]kept the earlier revision[/yellow] {escape(f'{e.where}: {e.kind} ({e.stage}): {e.message}')}",
                  soft_wrap=True, highlight=False)
    ignored = f", {len(summary.ignored)} ignored (hidden, README/LICENCE)" if summary.ignored else ""
    revised = f", {summary.revised} extracted again by corpus passes" if summary.revised else ""
    revised += f", {summary.reextracted} already stored and extracted again (--force)" if summary.reextracted else ""
    failed = (f", {len(summary.revision_errors)} could not be extracted again (recorded; earlier revision kept)"
              if summary.revision_errors else "")
    err.print(
        f"{summary.seen} inputs: {summary.stored} stored, {summary.skipped} already stored, "
        f"{len(summary.errors)} errors recorded in {_redacted(db)}{ignored}{revised}{failed}",
        soft_wrap=True, markup=False, highlight=False,
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
    format: Annotated[str, typer.Option("--format", "-f", help="json (Article JSON v2, lossless) or summary.")] = "json",
    config: ConfigOpt = None,
) -> None:
    """Process one article and print it (no store involved)."""
    from dragoman.serialize import dumps

    try:
        article = api.extract(path=file, config=config)
    except api.ExtractionError as exc:
        err.print(f"[red]error:[/red] {file}: {exc}", soft_wrap=True)
        raise typer.Exit(1) from exc
    except (ConfigError, api.MultipleRecords, OSError) as exc:
        err.print(f"[red]error:[/red] {exc}", soft_wrap=True)
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

    with _opened(db, read_only=True) as store:
        index = build_report(store, out_dir)
    out.print(str(index.resolve()))


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words in any language, an entity's English name, or a QID (Q227).")],
    db: DbOpt = DEFAULT_DB,
    limit: Annotated[int, typer.Option(min=1)] = 20,
) -> None:
    """Full-text search over stored articles, every word required.

    Arabic and Hebrew spelling variants and prefixes are folded on both sides
    (بأذربيجان finds أذربيجان, באזרבייג'ן finds אזרבייג'ן), English words are
    stemmed (embassies finds embassy), and an entity's canonical English name
    or Wikidata QID finds the articles that mention it in any language."""
    with _opened(db, read_only=True) as store:
        hits = store.search(query, limit=limit)
    for h in hits:
        out.print(f"{h.article_id[:12]}  [{h.start}:{h.end}]  {h.title or ''}\n    {h.snippet}")
    if not hits:
        err.print("no matches")


@app.command()
def entities(db: DbOpt = DEFAULT_DB, limit: Annotated[int, typer.Option(min=1)] = 50) -> None:
    """Entities across all stored articles, most mentioned first."""
    with _opened(db, read_only=True) as store:
        rows = store.entity_table()[:limit]
    for r in rows:
        qid = f" {r.qid}" if r.qid else ""
        out.print(f"[bold]{r.canonical}[/bold]{qid}  {r.type}  {r.id}  articles={r.articles} mentions={r.mentions}",
                  soft_wrap=True)
        out.print("    " + " · ".join(r.surface_forms[:8]), soft_wrap=True)


@app.command()
def errors(db: DbOpt = DEFAULT_DB) -> None:
    """Inputs that could not be processed (one line each: input, stage, kind, reason), then their count."""
    with _opened(db, read_only=True) as store:
        rows = list(store.iter_errors())
    for e in rows:  # tab-separated, one record a line, for people and for cut/awk alike
        sys.stdout.write(f"{e.where}\t{e.stage}\t{e.kind}\t{' '.join(e.message.split())}\n")
    err.print(f"{len(rows)} errors recorded" if rows else "no errors recorded")


@app.command()
def migrate(db: DbOpt = DEFAULT_DB) -> None:
    """Bring a store written by an older Dragoman up to date, in place: its schema (read-only
    commands refuse an old one), then the search terms of every article, so the search folding,
    stemming and entity names of this version apply to articles stored before it."""
    local = db.removeprefix("sqlite:///").removeprefix("sqlite://")
    if "://" not in local and not Path(local).is_file():
        err.print(f"[red]error:[/red] no store at {db}: nothing to migrate", soft_wrap=True)
        raise typer.Exit(2)
    with _opened(db) as store:
        version = store.schema_version()
        reindex = getattr(store, "reindex_search", None)  # SQLite and PostgreSQL have it; a plugin store may not
        count = reindex() if reindex is not None else None
    terms = f"; search terms rebuilt for {count} articles" if count is not None else ""
    out.print(f"{_redacted(db)}: schema version {version}{terms}")


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


@app.command()
def tracker(
    db: DbOpt = DEFAULT_DB,
    format: Annotated[str, typer.Option("--format", "-f", help="table (a row per state) or json.")] = "table",
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help="Only what was published (or documented) on or before this day, YYYY-MM-DD; "
                     "articles without a publication date always count."),
    ] = None,
) -> None:
    """Accession and treaty tracker: each state's status in each agreement (member, joined, candidate, talks,
    conditional, declined, blocked, withdrawn, mentioned), since when, the conditions cited and by whom, with
    sources and history (docs/tracker.md)."""
    from datetime import date

    from dragoman.corpus.tracker import tracker_report
    from dragoman.views.tracker import tracker_view

    if format not in ("json", "table"):
        err.print(f"[red]error:[/red] unknown format {format!r} (json, table)")
        raise typer.Exit(2)
    try:
        day = date.fromisoformat(as_of) if as_of else None
    except ValueError:
        err.print(f"[red]error:[/red] --as-of wants a day as YYYY-MM-DD, not {as_of!r}")
        raise typer.Exit(2) from None
    with _opened(db, read_only=True) as store:
        rows = tracker_report(store, as_of=day)
    if format == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
        return
    view = tracker_view(rows)
    for agreement in view.agreements:
        table = Table("state", "status", "since", "conditions cited", "sources", title=agreement.canonical,
                      show_lines=True)
        for r in agreement.rows:
            table.add_row(*(Text(cell) for cell in (
                r.state,
                r.status + (f"\narticles alone: {r.reported}" + (f" since {r.reported_since}" if r.reported_since else "")
                            if r.reported else ""),
                r.since or "-",
                "\n".join(f"{c.kind}: {c.gloss} ({c.sources} src)" for c in r.conditions) or "-",
                str(r.sources),
            )))
        out.print(table)
    if not view.agreements:
        err.print("no agreement to track: no documented treaty and no article about joining one")


@app.command()
def events(
    db: DbOpt = DEFAULT_DB,
    format: Annotated[str, typer.Option("--format", "-f", help="table or json (events-v1 schema).")] = "table",
    min_sources: Annotated[int, typer.Option("--min-sources", min=1, help="Table only: events with this many sources.")] = 1,
) -> None:
    """Merged events: the same real-world event across articles and languages as one, every source
    and every disagreement kept (docs/picture.md). JSON lists every event, singletons included."""
    from dragoman.corpus.documents import events_document
    from dragoman.corpus.picture import picture_of

    _check_format(format)
    with _opened(db, read_only=True) as store:
        doc = events_document(picture_of(store))
    if format == "json":
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=1) + "\n")
        return
    table = Table("date", "event", "actors -> recipients", "sources", "disagreements", title="Merged events")
    for e in doc:
        if len(e["sources"]) < min_sources:
            continue
        when = f"{e['date']['value']} ({e['date']['granularity']})" if e["date"] else "-"
        who = ", ".join(p["canonical"] for p in e["actors"]) or "?"
        whom = ", ".join(p["canonical"] for p in e["recipients"])
        langs = sorted({s["language"] or "?" for s in e["sources"]})
        table.add_row(*(Text(c) for c in (
            when, f"{e['type']} {e['status']}\n{e['id']}", who + (f" -> {whom}" if whom else ""),
            f"{len(e['sources'])} in {len({s['article'] for s in e['sources']})} articles ({', '.join(langs)})",
            ", ".join(e["disagreements"]) or "-",
        )))
    out.print(table)


@app.command()
def stories(
    db: DbOpt = DEFAULT_DB,
    format: Annotated[str, typer.Option("--format", "-f", help="table or json (stories-v1 schema).")] = "table",
) -> None:
    """Stories across languages: articles about the same story, with an English title, languages,
    outlets and date range (docs/picture.md)."""
    from dragoman.corpus.documents import stories_document
    from dragoman.corpus.picture import picture_of

    _check_format(format)
    with _opened(db, read_only=True) as store:
        doc = stories_document(picture_of(store))
    if format == "json":
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=1) + "\n")
        return
    table = Table("story", "articles", "languages", "outlets", "dates", "events", title="Stories")
    for s in doc:
        arts = s["articles"]
        table.add_row(*(Text(c) for c in (
            f"{s['title']}\n{s['id']}", str(len(arts)), ", ".join(sorted({a["language"] or "?" for a in arts})),
            ", ".join(sorted({a["outlet"] for a in arts if a["outlet"]})) or "-",
            f"{s['first'] or '?'} .. {s['last'] or '?'}", str(len(s["events"])),
        )))
    out.print(table)


def _check_format(format: str) -> None:
    if format not in ("json", "table"):
        err.print(f"[red]error:[/red] unknown format {format!r} (json, table)")
        raise typer.Exit(2)


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
def plugins(
    kind: Annotated[str | None, typer.Argument(help="Only this kind: stage, layer, store, executor, exporter, corpus_pass.")] = None,
) -> None:
    """Everything registered: stages, layers, stores, executors, exporters and corpus passes (built-in and plugins)."""
    from dragoman.plugins import KINDS, registry

    if kind is not None and kind not in KINDS:
        err.print(f"[red]error:[/red] unknown kind {kind!r}; kinds: {', '.join(KINDS)}")
        raise typer.Exit(2)
    reg = registry()
    for k in [kind] if kind else KINDS:
        for name, p in sorted(reg.all(k).items()):
            keys = f" ({', '.join(p.keys)})" if p.keys else ""
            first = p.doc.splitlines()[0] if p.doc else ""
            out.print(f"{k:12} [bold]{name}[/bold]{keys}  {first}  [dim]{p.origin}[/dim]", soft_wrap=True)


@app.command()
def export(
    format: Annotated[str, typer.Option("--format", "-f", help="An exporter's format (see `dragoman plugins exporter`).")],
    out_file: Annotated[Path, typer.Option("--out", "-o", help="File to write; '-' for standard output.")] = Path("-"),
    db: DbOpt = DEFAULT_DB,
) -> None:
    """Write the store's contents in an exporter's format."""
    from dragoman.export import get_exporter
    from dragoman.plugins import PluginError

    try:
        exporter = get_exporter(format)
    except PluginError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    with _opened(db, read_only=True) as store:
        if str(out_file) == "-":
            n = exporter.export(store, sys.stdout.buffer)
            sys.stdout.flush()
        else:
            out_file.parent.mkdir(parents=True, exist_ok=True)
            with out_file.open("wb") as fh:
                n = exporter.export(store, fh)
    err.print(f"{n} records written ({exporter.name})")


@app.command()
def validate(
    file: Annotated[Path, typer.Argument(help="Article JSON produced by `dragoman extract`.", exists=True)],
) -> None:
    """Check an Article JSON file (v2, or v1) against its schema and its span invariants."""
    from dragoman.serialize import validate as check

    try:
        check(json.loads(file.read_text("utf-8")))
    except Exception as exc:  # jsonschema.ValidationError, ValueError, JSONDecodeError
        err.print(f"[red]invalid:[/red] {exc}")
        raise typer.Exit(1) from exc
    out.print("valid")


@app.command()
def serve(
    db: DbOpt = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Address to listen on. Loopback (the default) serves reads to anyone "
                                       "on this machine; any other address makes every request need a token.")]
    = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    config: ConfigOpt = None,
) -> None:
    """Serve the analyst's desk: the REST API (OpenAPI at /openapi.json) over the store (docs/desk.md).

    Writes (corrections, ingest) always need a token: `dragoman token create --name NAME`."""
    import uvicorn

    from dragoman.rest import create_app
    from dragoman.rest.security import is_loopback
    from dragoman.store import StoreError

    try:
        if config is not None:
            from dragoman.pipeline import load_config

            load_config(config)  # a bad config fails now, not at the first ingest request
        desk = create_app(db, host=host, config=config)
    except ConfigError as exc:
        err.print(f"[red]error:[/red] {exc}", soft_wrap=True)
        raise typer.Exit(2) from exc
    except StoreError as exc:
        err.print(f"[red]error:[/red] {exc}", soft_wrap=True)
        raise typer.Exit(2) from exc
    if not is_loopback(host):
        err.print(f"listening on {host}: every request needs a token (Authorization: Bearer ...)",
                  soft_wrap=True, markup=False, highlight=False)
        from dragoman.store.roles import ApiTokens

        store = desk.state.desk.store()
        if isinstance(store, ApiTokens) and not store.tokens():
            err.print(f"no tokens yet: make one with `dragoman token create --name NAME --db {_redacted(db)}`",
                      soft_wrap=True, markup=False, highlight=False)
    err.print(f"serving {_redacted(db)} at http://{host}:{port}/api (OpenAPI: /openapi.json)",
              soft_wrap=True, markup=False, highlight=False)
    uvicorn.run(desk, host=host, port=port, log_level="info", server_header=False)


token_app = typer.Typer(help="API tokens for the desk: writes always need one, reads off loopback too.",
                        no_args_is_help=True)
app.add_typer(token_app, name="token")


@token_app.command("create")
def token_create(
    name: Annotated[str, typer.Option("--name", help="Who the token is for; recorded with each correction.")],
    db: DbOpt = DEFAULT_DB,
) -> None:
    """Make a token and print it once: the store keeps only its SHA-256."""
    from dragoman.rest.security import create_token

    with _opened(db) as store:
        try:
            token = create_token(store, name)
        except (ValueError, TypeError) as exc:
            err.print(f"[red]error:[/red] {escape(str(exc))}", soft_wrap=True)
            raise typer.Exit(2) from exc
    sys.stdout.write(token + "\n")
    err.print(f"token {name!r} created; it is shown only now. Send it as 'Authorization: Bearer <token>'.",
              soft_wrap=True, markup=False, highlight=False)


@token_app.command("list")
def token_list(db: DbOpt = DEFAULT_DB) -> None:
    """Token names with when each was made and last used (never the tokens)."""
    from dragoman.store.roles import ApiTokens

    with _opened(db) as store:
        rows = store.tokens() if isinstance(store, ApiTokens) else []
    for r in rows:
        sys.stdout.write(f"{r.name}\t{r.created_at}\t{r.last_used or '-'}\n")
    err.print(f"{len(rows)} tokens" if rows else "no tokens")


@token_app.command("revoke")
def token_revoke(name: Annotated[str, typer.Argument(help="The token's name.")], db: DbOpt = DEFAULT_DB) -> None:
    """Forget a token: requests carrying it are refused from now on."""
    from dragoman.store.roles import ApiTokens

    with _opened(db) as store:
        gone = isinstance(store, ApiTokens) and store.revoke_token(name)
    if not gone:
        err.print(f"[red]error:[/red] no token named {escape(name)!r}")
        raise typer.Exit(2)
    err.print(f"token {name!r} revoked", markup=False, highlight=False)


def main() -> None:
    app()
