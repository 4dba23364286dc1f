"""The corpus as a graph and a timeline (docs/picture.md)."""

from dragoman.graph.knowledge import knowledge_graph
from dragoman.graph.timeline import Entry, Timeline, timeline

__all__ = ["Entry", "Timeline", "knowledge_graph", "timeline"]
