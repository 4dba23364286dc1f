"""Pages over the corpus layer: the accession tracker and the knowledge graph.

Each is added only when the package it renders is installed
(``dragoman.views.tracker`` with ``dragoman.corpus.tracker``;
``dragoman.graph.knowledge`` with ``dragoman.corpus.picture``), so the
dashboard works with or without the corpus layer and shows in its menu only
what it can serve.  Like every page, they render those packages' views and
documents; nothing is computed here but the layout of a graph for the
browser (nodes and edges as Cytoscape elements).
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from dragoman.store.base import Store

Page = Callable[..., HTMLResponse]
Guard = Callable[[Request, Callable[[], HTMLResponse]], HTMLResponse]
MAX_GRAPH_NODES = 600  # beyond this the browser's layout is slow and the picture unreadable: narrow it

__all__ = ["add_corpus_pages", "available", "merged_timeline"]


def _has(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


def available() -> dict[str, bool]:
    """Which corpus pages this installation can serve."""
    return {
        "tracker": _has("dragoman.views.tracker") and _has("dragoman.corpus.tracker"),
        "graph": _has("dragoman.graph.knowledge") and _has("dragoman.corpus.picture"),
    }


def add_corpus_pages(
    router: APIRouter, page: Page, guarded: Guard, bad_request: type[Exception], store_dep: Any
) -> list[tuple[str, str]]:
    """Register the pages that can be served; their (label, path) menu entries."""
    have = available()
    nav: list[tuple[str, str]] = []
    if have["tracker"]:
        _tracker(router, page, guarded, bad_request, store_dep)
        nav.append(("Tracker", "/tracker"))
    if have["graph"]:
        _graph(router, page, store_dep)
        nav.append(("Graph", "/graph"))
    return nav


def _tracker(router: APIRouter, page: Page, guarded: Guard, bad_request: type[Exception], store_dep: Any) -> None:
    from dragoman.corpus.tracker import tracker_report
    from dragoman.views.tracker import tracker_view

    @router.get("/tracker", response_class=HTMLResponse)
    def tracker(request: Request, as_of: str | None = None, store: Store = store_dep) -> HTMLResponse:
        def build() -> HTMLResponse:
            when = None
            if as_of:
                try:
                    when = date.fromisoformat(as_of)
                except ValueError:
                    raise bad_request(f"as_of must be a date like 2025-10-31, not {as_of!r}") from None
            view = tracker_view(tracker_report(store, as_of=when))
            known = {r.id for r in store.entity_table()}
            titles = {r.id: r.title or (r.path or "").rsplit("/", 1)[-1] or r.id[:12] for r in store.list_articles()}
            return page(request, "tracker.html", v=view, as_of=as_of or "", known=known, titles=titles)

        return guarded(request, build)


def graph_elements(g: Any, entity_ids: dict[str, str], story: str | None, focus: str | None) -> dict[str, Any]:
    """Cytoscape elements of the knowledge graph (a networkx MultiDiGraph), narrowed to a story or a node's
    neighbourhood when asked or when it is too big to draw; what was left out is counted."""
    import networkx as nx

    nodes = set(g.nodes)
    if story:
        members = {f"story:{story}"} | {u for u, _v, d in g.in_edges(f"story:{story}", data=True)} if f"story:{story}" in g else set()
        events = {u for a in members for u, _v in g.in_edges(a) if g.nodes[u].get("kind") == "event"}
        nodes = members | events | {n for e in events for n in nx.all_neighbors(g, e)}
    if focus and focus in g:
        nodes = {focus} | set(nx.ego_graph(g.to_undirected(as_view=True), focus, radius=2).nodes)
    total = len(nodes)
    if total > MAX_GRAPH_NODES:
        ranked = sorted(nodes, key=lambda n: (-g.degree(n), n))
        nodes = set(ranked[:MAX_GRAPH_NODES])
    elements: list[dict[str, Any]] = []
    for n in sorted(nodes):
        attrs = g.nodes[n]
        data = {"id": n, "label": str(attrs.get("label", n))[:80], "kind": str(attrs.get("kind", ""))}
        kind, _, key = n.partition(":")
        if kind == "article":
            data["href"] = key
        elif kind == "entity" and key in entity_ids:
            data["entity"] = entity_ids[key]
        elements.append({"data": data})
    for i, (u, v, d) in enumerate(g.edges(data=True)):
        if u in nodes and v in nodes:
            elements.append({"data": {"id": f"e{i}", "source": u, "target": v, "rel": str(d.get("rel", ""))}})
    return {"elements": elements, "shown": len(nodes), "total": total}


def _graph(router: APIRouter, page: Page, store_dep: Any) -> None:
    from dragoman.corpus.picture import picture_of
    from dragoman.graph.knowledge import knowledge_graph

    @router.get("/graph", response_class=HTMLResponse)
    def graph(request: Request, story: str | None = None, node: str | None = None, store: Store = store_dep) -> HTMLResponse:
        picture = picture_of(store)
        g = knowledge_graph(picture)
        # Graph nodes are keyed by participant key (a QID, a KB id, a cross-script name key); the
        # entity page is keyed by the entity's id: the merged events' parties hold both.
        entity_ids = {p.key: p.id for m in picture.events for p in (*m.actors, *m.recipients)}
        data = graph_elements(g, entity_ids, story or None, node or None)
        stories = sorted(picture.stories, key=lambda s: (-len(s.articles), s.id))
        return page(request, "graph.html", data=data, stories=stories, story=story or "", node=node or "")


def merged_timeline(store: Store) -> Any:
    """The timeline view of the corpus layer's merged events (call only when ``available()["graph"]``)."""
    from dragoman.corpus.picture import picture_of
    from dragoman.graph.timeline import timeline
    from dragoman.views.timeline import merged_timeline_view

    return merged_timeline_view(timeline(picture_of(store)))
