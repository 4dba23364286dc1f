"""The knowledge graph: entities, merged events, claims, articles, outlets and stories as one networkx graph.

Nodes are keyed ``<kind>:<id>`` (``entity:Q227``, ``event:me-...``,
``claim:c-...``, ``article:<id>``, ``outlet:<name>``, ``story:st-...``) and
carry a ``kind`` and a ``label``; edges carry a ``rel``:

* ``actor`` / ``recipient``: entity -> merged event;
* ``reported_in``: merged event -> article (``event``: the article-level event id);
* ``precursor_of``: prospective merged event -> realised one;
* ``published_by``: article -> outlet; ``in_story``: article -> story;
* ``claims``: claimant entity -> claim; ``stated_in``: claim -> article;
  ``about``: claim -> entity or merged event.

Entities are keyed by participant key (QID, KB id, or ``name:`` cross-script
key), so one actor named in three languages is one node.  Every value is a
string, number or boolean, so the graph writes to GraphML as it is.
"""

from __future__ import annotations

import networkx as nx

from dragoman.corpus.facts import Party
from dragoman.corpus.picture import Picture

__all__ = ["knowledge_graph"]


def _entity(g: nx.MultiDiGraph, p: Party) -> str:
    node = f"entity:{p.key}"
    if node not in g:
        g.add_node(node, kind="entity", label=p.canonical, qid=p.qid or "", type=p.type)
    elif p.qid and not g.nodes[node]["qid"]:
        g.nodes[node].update(label=p.canonical, qid=p.qid)
    return node


def knowledge_graph(picture: Picture) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    event_of: dict[str, str] = {}
    for f in sorted(picture.facts.values(), key=lambda f: f.id):
        node = f"article:{f.id}"
        g.add_node(node, kind="article", label=f.title, language=f.language or "", published=f.published or "",
                   path=f.path or f.url or "")
        if f.outlet:
            g.add_node(f"outlet:{f.outlet}", kind="outlet", label=f.outlet)
            g.add_edge(node, f"outlet:{f.outlet}", rel="published_by")
    for s in picture.stories:
        g.add_node(f"story:{s.id}", kind="story", label=s.title, first=s.first or "", last=s.last or "")
        for a in s.articles:
            g.add_edge(f"article:{a.id}", f"story:{s.id}", rel="in_story")
    for m in picture.events:
        node = f"event:{m.id}"
        g.add_node(node, kind="event", label=f"{m.type} {m.status}", type=m.type, plover=m.plover, status=m.status,
                   date=m.date or "", granularity=m.granularity or "", estimated=m.estimated,
                   sources=len(m.sources), disagreements=",".join(sorted(m.disagreements)))
        for p in m.actors:
            g.add_edge(_entity(g, p), node, rel="actor")
        for p in m.recipients:
            g.add_edge(node, _entity(g, p), rel="recipient")
        for src in m.sources:
            event_of[src.event.id] = node
            g.add_edge(node, f"article:{src.article.id}", rel="reported_in", event=src.event.id)
    for m in picture.events:
        for o in m.precursor_of:
            g.add_edge(f"event:{m.id}", f"event:{o}", rel="precursor_of")
    for f in sorted(picture.facts.values(), key=lambda f: f.id):
        for c in f.claims:
            node = f"claim:{c.id}"
            g.add_node(node, kind="claim", label=" ".join(x[2] for x in c.evidence)[:200], date=c.date or "")
            g.add_edge(node, f"article:{f.id}", rel="stated_in")
            if c.claimant is not None:
                g.add_edge(_entity(g, c.claimant), node, rel="claims")
            for about in c.about:
                target = event_of.get(about) or (f"entity:{about}" if f"entity:{about}" in g else None)
                if target is None and about in f.names:
                    target = _entity(g, f.names[about])
                if target is not None:
                    g.add_edge(node, target, rel="about")
    return g
