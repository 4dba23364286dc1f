"""JSON-able view models shared by the static report, the REST API and the dashboard.

A view is built from an ``Article`` (``article_view``) or from the query
role of a store (``entity_view``, ``event_list_view``), holds only plain
data, and turns into JSON with ``to_dict()``; HTML is rendered from it in
one place per surface, never rebuilt from the article.
"""

from dragoman.views.article import ArticleSummary, ArticleView, article_summary, article_view
from dragoman.views.base import View, to_data
from dragoman.views.entity import EntityView, entity_view
from dragoman.views.events import EventListView, event_list_view
from dragoman.views.marks import Mark, Segment

__all__ = [
    "ArticleSummary",
    "ArticleView",
    "EntityView",
    "EventListView",
    "Mark",
    "Segment",
    "View",
    "article_summary",
    "article_view",
    "entity_view",
    "event_list_view",
    "to_data",
]
