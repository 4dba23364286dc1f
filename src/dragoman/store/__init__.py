"""Storage behind one interface: SQLite by default, PostgreSQL for teams."""

from dragoman.store.base import ArticleRow, EntityRow, MentionRow, SearchHit, Store


def open_store(url: str) -> Store:
    """Open a store from a URL: ``sqlite:///path/to.db`` (or a bare path) or ``postgresql://...``.

    The URL scheme picks a registered store plugin (``dragoman.plugins``), so
    a third-party store opens the same way.
    """
    from dragoman.plugins import registry

    scheme, sep, _ = url.partition("://")
    store: Store = registry().get("store", scheme if sep else "sqlite").obj(url)
    store.migrate()
    return store


__all__ = ["ArticleRow", "EntityRow", "MentionRow", "SearchHit", "Store", "open_store"]
