"""Storage behind one interface: SQLite by default, PostgreSQL for teams."""

from dragoman.store.base import ArticleRow, EntityRow, MentionRow, SearchHit, Store
from dragoman.store.errors import StoreError


def open_store(url: str, *, read_only: bool = False) -> Store:
    """Open a store from a URL: ``sqlite:///path/to.db`` (or a bare path) or ``postgresql://...``.

    By default the store is created if needed and its schema brought up to
    date.  ``read_only`` opens an existing, current store without writing
    anything.  Any failure to open raises ``StoreError``, whose message is
    one line naming the store (a URL's password left out).
    """
    if url.startswith(("postgresql://", "postgres://")):
        try:
            from dragoman.store.postgres import PostgresStore
        except ImportError as exc:
            from dragoman.store.errors import redact

            raise StoreError(
                f"{redact(url)}: the PostgreSQL store needs psycopg: pip install 'dragoman[postgres]'"
            ) from exc
        store: Store = PostgresStore(url, read_only=read_only)
    else:
        from dragoman.store.sqlite import SQLiteStore

        path = url.removeprefix("sqlite:///").removeprefix("sqlite://")
        store = SQLiteStore(path, read_only=read_only)
    try:
        store.migrate()
    except BaseException:
        store.close()
        raise
    return store


__all__ = ["ArticleRow", "EntityRow", "MentionRow", "SearchHit", "Store", "StoreError", "open_store"]
