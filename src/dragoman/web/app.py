"""``mount``: the dashboard's pages and assets on a FastAPI app.

Each handler asks the store for a view (``dragoman.views``) or a role's
answer and renders one template; the templates escape everything (Jinja
autoescape, no ``|safe`` on anything from an article), links are built here
from ids with ``quote``, and only http(s) URLs ever become ``href``\\ s.
Handlers are plain functions: FastAPI runs them in its thread pool, and the
stores are safe to share across threads.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from importlib import resources
from typing import Any, Protocol
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, FastAPI, Form, Query, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from dragoman.model import Span
from dragoman.model.corrections import FIELDS, effective
from dragoman.model.records import EventStatus
from dragoman.report.segments import render
from dragoman.store.base import Store
from dragoman.store.queries import EventQuery, MemoryQueries, Queries
from dragoman.store.roles import Corrections
from dragoman.views import article_view, entity_view, event_list_view
from dragoman.views.facets import event_facets_view
from dragoman.views.framing import framing_page
from dragoman.views.labels import glosses, is_web_url
from dragoman.views.marks import Mark
from dragoman.views.overview import UNKNOWN, ArticleFilter, article_list_view, overview_view
from dragoman.views.timeline import timeline_view
from dragoman.web import charts
from dragoman.web.corpus_pages import add_corpus_pages, available, merged_timeline

__all__ = ["CSP", "SignIn", "StoreFactory", "mount"]

StoreFactory = Callable[..., Any]  # a FastAPI dependency giving the Store: a function, or a generator that holds it


class SignIn(Protocol):
    """What the sign-in page needs from the server it is mounted on (the REST app's ``rest.session.DeskSignIn``)."""

    def allowed(self, request: Request) -> bool:
        """Whether a sign-in or sign-out post may be acted on (it comes from this site's own pages)."""
        ...

    def sign_in(self, request: Request, response: Response, token: str) -> str | None:
        """Check ``token``; when valid, open a session (its cookie set on ``response``) and give the token's name."""
        ...

    def sign_out(self, request: Request, response: Response) -> None: ...

    def who(self, request: Request) -> str | None:
        """The name of the signed-in analyst, shown in the menu."""
        ...


def _local(path: str | None, default: str) -> str:
    """A path on this site to go back to after signing in; anything else (another host, a scheme) is refused."""
    if not path or not path.startswith("/") or path.startswith(("//", "/\\")) or any(c < " " for c in path):
        return default
    return path

# No inline script or style, no eval, nothing from elsewhere: the vendored
# scripts are loaded from this origin and Vega runs its expression interpreter.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'; object-src 'none'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
EVENT_PAGE = 100
FACET_TOP = 25


class BadRequest(ValueError):
    """A filter the dashboard cannot read: shown on the page with status 400."""


def _env() -> Environment:
    env = Environment(
        loader=PackageLoader("dragoman.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["tojson_attr"] = lambda v: json.dumps(v, ensure_ascii=False)  # escaped again by autoescape
    env.filters["web_url"] = lambda u: u if is_web_url(u) else None
    return env


def _day(text: str | None, name: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise BadRequest(f"{name} must be a date like 2025-03-31, not {text!r}") from None


def _facts(store: Store) -> Queries:
    # A store without the query role (a plugin) still gets every page, from its articles in memory.
    return store if isinstance(store, Queries) else MemoryQueries(store.iter_articles())


class Links:
    """Every URL a template uses, built from ids and filters (quoted), under the mount's prefix."""

    def __init__(self, prefix: str, api: str) -> None:
        self.root = prefix
        self.api = api

    def to(self, path: str, params: Mapping[str, Any] | Sequence[tuple[str, Any]] | None = None) -> str:
        items = params.items() if isinstance(params, Mapping) else (params or [])
        query = urlencode([(k, v) for k, v in items if v not in (None, "")])
        return f"{self.root}{path}" + (f"?{query}" if query else "")

    def static(self, name: str) -> str:
        return f"{self.root}/static/dash/{name}"

    def report_static(self, name: str) -> str:
        return f"{self.root}/static/report/{name}"

    def article(self, article_id: str, anchor: str = "", hit: tuple[int, int] | None = None) -> str:
        query = f"?hit={hit[0]}-{hit[1]}" if hit else ""
        fragment = f"#{quote(anchor, safe='-:')}" if anchor else ""
        return f"{self.root}/articles/{quote(article_id, safe='')}{query}{fragment}"

    def entity(self, entity_id: str) -> str:
        return f"{self.root}/entities/{quote(entity_id, safe='')}"

    def events(self, **params: Any) -> str:
        return self.to("/events", params)

    def articles(self, **params: Any) -> str:
        return self.to("/articles", params)


def mount(
    app: FastAPI,
    store_factory: StoreFactory,
    *,
    prefix: str = "",
    api_prefix: str = "/api",
    extra_nav: Sequence[tuple[str, str]] = (),
    dependencies: Sequence[Any] = (),
    sign_in: SignIn | None = None,
) -> None:
    """Add the dashboard's pages under ``prefix`` and its assets under ``{prefix}/static/dash``.

    ``store_factory`` is a FastAPI dependency that gives an open store for
    one request: ``lambda: store``, or the REST app's ``desk_store`` (a
    generator holding the store's lock for the request).  The dashboard
    never closes the store.  ``dependencies`` (``Depends(...)`` objects, such
    as the REST app's ``require_read_access``) guard every page.  The
    correction form posts to ``{api_prefix}/corrections`` and
    ``{api_prefix}/corrections/{id}/revert`` with the analyst's token as
    ``Authorization: Bearer``.  ``extra_nav`` adds (label, path) links to the
    menu, for pages other packages mount (a graph, a tracker).  ``sign_in``
    adds the sign-in page (``{prefix}/signin``, outside the guards) and
    sign-out (``POST {prefix}/signout``), for a server whose pages need a
    token: the REST app passes it when it does not listen on loopback.
    """
    prefix = prefix.rstrip("/")
    env = _env()
    links = Links(prefix, api_prefix.rstrip("/"))
    nav = [("Overview", "/"), ("Articles", "/articles"), ("Events", "/events"), ("Timeline", "/timeline"),
           ("Framing", "/framing"), ("Search", "/search"), *extra_nav]
    static_dir = resources.files("dragoman.web").joinpath("static")
    report_static = resources.files("dragoman.report").joinpath("static")
    # The report's stylesheet (marks, palette, layout) is served as it is; dash.css adds to it.
    app.mount(f"{prefix}/static/report", StaticFiles(directory=str(report_static)), name="dashboard-report-static")
    app.mount(f"{prefix}/static/dash", StaticFiles(directory=str(static_dir)), name="dashboard-static")
    router = APIRouter(prefix=prefix, include_in_schema=False, dependencies=list(dependencies))
    # A default, not an Annotated alias: this module's annotations are strings, and FastAPI
    # resolves them in the module's globals, where a local alias is not.
    store_dep = Depends(store_factory)

    def page(request: Request, template: str, status: int = 200, **ctx: Any) -> HTMLResponse:
        html = env.get_template(template).render(
            links=links, nav=nav, here=request.url.path[len(prefix):] or "/",
            signed_in=sign_in.who(request) if sign_in is not None else None, **ctx
        )
        return HTMLResponse(html, status_code=status, headers=HEADERS)

    def guarded(request: Request, build: Callable[[], HTMLResponse]) -> HTMLResponse:
        try:
            return build()
        except BadRequest as exc:
            return page(request, "error.html", 400, title="Bad request", message=str(exc))

    def not_found(request: Request, what: str) -> HTMLResponse:
        return page(request, "error.html", 404, title="Not found", message=what)

    @router.get("/", response_class=HTMLResponse)
    def overview(request: Request, store: Store = store_dep) -> HTMLResponse:
        view = overview_view(store, _facts(store))

        def to_articles(b: Any) -> str:
            return links.articles(**b.filter)

        def to_events(b: Any) -> str:
            return links.events(**b.filter)

        specs = {
            "per_day": charts.bar_chart(view.per_day, to_articles, what="articles", horizontal=False),
            "per_outlet": charts.bar_chart(view.per_outlet, to_articles, what="articles"),
            "languages": charts.bar_chart(view.languages, to_articles, what="articles"),
            "top_actors": charts.bar_chart(view.top_actors, to_events, what="events as actor"),
            "event_types": charts.bar_chart(view.event_types, to_events, what="events"),
        }
        return page(request, "overview.html", v=view, specs=specs, to_articles=to_articles, to_events=to_events)

    @router.get("/articles", response_class=HTMLResponse)
    def articles(
        request: Request,
        outlet: str | None = None,
        language: str | None = None,
        day: str | None = None,
        offset: int = Query(0, ge=0),
        store: Store = store_dep,
    ) -> HTMLResponse:
        def build() -> HTMLResponse:
            if day not in (None, "", UNKNOWN):
                _day(day, "day")
            flt = ArticleFilter(outlet or None, language or None, day or None)
            view = article_list_view(store, flt, offset=offset)
            return page(request, "articles.html", v=view)

        return guarded(request, build)

    @router.get("/articles/{article_id}", response_class=HTMLResponse)
    def reader(request: Request, article_id: str, hit: str | None = None, store: Store = store_dep) -> HTMLResponse:
        article = store.get_article(article_id)
        if article is None:
            return not_found(request, f"No article {article_id!r} in this store.")
        view = article_view(article)
        history = store.corrections(article_id=article_id) if isinstance(store, Corrections) else []
        in_force = {c.id for c in effective(history)}
        corrected = {c.target for c in effective(history)}  # facts shown with an analyst's change
        orphans = {c.id for c in store.orphaned_corrections(article_id)} if isinstance(store, Corrections) else set()
        targets = _targets(article, view)
        marks = [*view.marks, *_hit_mark(hit, len(view.text))]
        return page(
            request,
            "reader.html",
            v=view,
            body=Markup(render(view.text, marks)),  # noqa: S704 (render escapes every character of text)
            history=history,
            in_force=in_force,
            corrected=corrected,
            orphans=orphans,
            can_correct=isinstance(store, Corrections),
            targets=targets,
            statuses=[s.value for s in EventStatus],
            event_types=sorted(glosses().get("event_types", {})),
        )

    @router.get("/entities/{entity_id:path}", response_class=HTMLResponse)
    def entity(request: Request, entity_id: str, store: Store = store_dep) -> HTMLResponse:
        view = entity_view(_facts(store), entity_id)
        if view is None:
            return not_found(request, f"No entity {entity_id!r} in this store.")
        return page(request, "entity.html", e=view, titles=_titles(store))

    @router.get("/events", response_class=HTMLResponse)
    def events(
        request: Request,
        type: str | None = None,  # noqa: A002 (the filter's public name)
        actor: str | None = None,
        recipient: str | None = None,
        status: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        cursor: str | None = None,
        store: Store = store_dep,
    ) -> HTMLResponse:
        def build() -> HTMLResponse:
            facts = _facts(store)
            query = EventQuery(
                type=type or None, actor=actor or None, recipient=recipient or None, status=status or None,
                date_from=_day(date_from, "date_from"), date_to=_day(date_to, "date_to"),
                limit=EVENT_PAGE, cursor=cursor or None,
            )
            try:
                view = event_list_view(facts, query)
            except ValueError as exc:  # a cursor this store did not give out
                raise BadRequest(str(exc)) from None
            facets = event_facets_view(facts, query, top=FACET_TOP)
            params = {k: v for k, v in (("type", type), ("actor", actor), ("recipient", recipient),
                                        ("status", status), ("date_from", date_from), ("date_to", date_to)) if v}
            return page(request, "events.html", v=view, facets=facets, params=params,
                        statuses=[s.value for s in EventStatus], titles=_titles(store))

        return guarded(request, build)

    @router.get("/timeline", response_class=HTMLResponse)
    def timeline(
        request: Request,
        type: str | None = None,  # noqa: A002
        actor: str | None = None,
        status: str | None = None,
        level: str = "articles",
        store: Store = store_dep,
    ) -> HTMLResponse:
        can_merge = available()["graph"]
        if level == "merged" and can_merge:
            view = merged_timeline(store)
            spec = charts.timeline_chart(view, lambda _a, e: links.to("/graph", {"node": f"event:{e}"}))
        else:
            facts = _facts(store)
            view = timeline_view(facts, EventQuery(type=type or None, actor=actor or None, status=status or None))
            spec = charts.timeline_chart(view, lambda a, e: links.article(a, f"events-{e}"))
        return page(request, "timeline.html", v=view, spec=spec, titles=_titles(store), can_merge=can_merge)

    @router.get("/search", response_class=HTMLResponse)
    def search(request: Request, q: str = "", store: Store = store_dep) -> HTMLResponse:
        q = q.strip()
        hits = store.search(q, limit=50) if q else []
        entities = _entity_matches(store, q) if q else []
        types = _type_matches(q) if q else []
        return page(request, "search.html", q=q, hits=hits, entities=entities, types=types)

    @router.get("/framing", response_class=HTMLResponse)
    def framing(
        request: Request,
        a: list[str] = Query(default_factory=list),  # noqa: B008
        story: str | None = None,
        store: Store = store_dep,
    ) -> HTMLResponse:
        return page(request, "framing.html", f=framing_page(store, a, story=story or None))

    # The corpus layer's pages go in the menu before the ones other packages add.
    nav[len(nav) - len(extra_nav):len(nav) - len(extra_nav)] = add_corpus_pages(
        router, page, guarded, BadRequest, store_dep
    )
    app.include_router(router)
    if sign_in is not None:
        _add_sign_in(app, sign_in, page, links, prefix)


def _add_sign_in(app: FastAPI, sign_in: SignIn, page: Callable[..., HTMLResponse], links: Links, prefix: str) -> None:
    """The sign-in page and sign-out: outside the guards (they are how a browser gets past them)."""
    router = APIRouter(prefix=prefix, include_in_schema=False)
    home = links.to("/")

    @router.get("/signin", response_class=HTMLResponse)
    def signin_page(request: Request, next: str | None = None) -> HTMLResponse:  # noqa: A002 (the form's name)
        return page(request, "signin.html", next=_local(next, home), error=None)

    @router.post("/signin", response_model=None)
    def signin(request: Request, token: str = Form("", max_length=400), next: str = Form("", max_length=2000),  # noqa: A002
               ) -> Response:
        target = _local(next, home)
        if not sign_in.allowed(request):
            return page(request, "error.html", 403, title="Forbidden", message="Sign in from this desk's own page.")
        done = RedirectResponse(target, status_code=303)
        if sign_in.sign_in(request, done, token.strip()) is None:
            return page(request, "signin.html", 401, next=target,
                        error="That token is not valid (unknown or revoked). Make one with "
                        "`dragoman token create --name NAME`.")
        return done

    @router.post("/signout", response_model=None)
    def signout(request: Request) -> Response:
        if not sign_in.allowed(request):
            return page(request, "error.html", 403, title="Forbidden", message="Sign out from this desk's own page.")
        done = RedirectResponse(links.to("/signin"), status_code=303)
        sign_in.sign_out(request, done)
        return done

    app.include_router(router)


def _titles(store: Store) -> dict[str, str]:
    """A title for every article: its own, else its file's name (a scraped page often has none)."""
    return {r.id: r.title or (r.path or "").rsplit("/", 1)[-1] or r.id[:12] for r in store.list_articles()}


def _hit_mark(hit: str | None, n: int) -> list[Mark]:
    """A search hit's span (``?hit=START-END``) as one more mark; anything unreadable is ignored."""
    start, _, end = (hit or "").partition("-")
    if not (start.isdigit() and end.isdigit()) or not 0 <= int(start) < int(end) <= n:
        return []
    return [Mark(Span(int(start), int(end)), ("hit",), {"title": "search match"}, rank=-1)]


def _targets(article: Any, view: Any) -> list[dict[str, Any]]:
    """Every correctable fact of the article: its target, an English label, the fields it has."""
    out: list[dict[str, Any]] = []
    for row in view.events:
        out.append({"target": f"event:{row.id}", "label": f"event: {row.heading}", "fields": sorted(FIELDS["event"]),
                    "anchor": f"events-{row.id}"})
    for row in view.quotes:
        out.append({"target": f"quote:{row.id}", "label": f"quote: {row.heading}", "fields": sorted(FIELDS["quote"]),
                    "anchor": f"quotes-{row.id}"})
    for row in view.claims:
        out.append({"target": f"claim:{row.id}", "label": f"claim: {row.heading}", "fields": sorted(FIELDS["claim"]),
                    "anchor": f"claims-{row.id}"})
    for m in article.mentions:
        if m.id:
            text = article.span_text(m.span)
            out.append({"target": f"mention:{m.id}", "label": f"mention: {text} @{m.span.start}",
                        "fields": sorted(FIELDS["mention"]), "anchor": ""})
    return out


def _entity_matches(store: Store, q: str) -> list[Any]:
    """Entities whose name, QID, id or a written form holds the query, folded as the search index folds."""
    from dragoman.text.normalize import normalize_key

    needle = normalize_key(q).casefold()
    out = []
    for row in store.entity_table():
        names = (row.canonical, row.qid or "", row.id, *row.surface_forms)
        if any(needle in normalize_key(n).casefold() for n in names if n):
            out.append(row)
    return out[:50]


def _type_matches(q: str) -> list[tuple[str, str]]:
    needle = q.casefold()
    return [
        (code, label)
        for code, label in sorted(glosses().get("event_types", {}).items())
        if needle in code.casefold() or needle in label.casefold()
    ]
