"""Storage behind one interface: SQLite by default, PostgreSQL for teams."""

from dragoman.store.base import ArticleRow, EntityRow, MentionRow, SearchHit, Store


def open_store(url: str) -> Store:
    """Open a store from a URL: ``sqlite:///path/to.db`` (or a bare path) or ``postgresql://...``."""
    if url.startswith(("postgresql://", "postgres://")):
        from dragoman.store.postgres import PostgresStore

        store: Store = PostgresStore(url)
    else:
        from dragoman.store.sqlite import SQLiteStore

        path = url.removeprefix("sqlite:///").removeprefix("sqlite://")
        store = SQLiteStore(path)
    store.migrate()
    return store


__all__ = ["ArticleRow", "EntityRow", "MentionRow", "SearchHit", "Store", "open_store"]
