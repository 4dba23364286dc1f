"""Storage behind one interface: SQLite by default, PostgreSQL for teams."""

from dragoman.store.base import ArticleRow, EntityRow, MentionRow, SearchHit, Store
from dragoman.store.errors import StoreError


def open_store(url: str, *, read_only: bool = False) -> Store:
    """Open a store from a URL: ``sqlite:///path/to.db`` (or a bare path), ``postgresql://...``, ``memory://``.

    The URL scheme picks a registered store plugin (``dragoman.plugins``), so
    a third-party store opens the same way.  By default the store is created
    if needed and its schema brought up to date.  ``read_only`` opens an
    existing, current store without writing anything.  Any failure to open
    raises ``StoreError``, whose message is one line naming the store (a
    URL's password left out).
    """
    from dragoman.plugins import PluginError, registry
    from dragoman.store.errors import redact

    scheme, sep, _ = url.partition("://")
    try:
        factory = registry().get("store", scheme if sep else "sqlite").obj
    except PluginError as exc:
        raise StoreError(f"{redact(url)}: {exc}") from exc
    # A store factory takes the URL, and ``read_only=True`` when asked for (one that cannot
    # open read-only may leave the keyword out and is then refused for read-only commands).
    try:
        store: Store = factory(url, read_only=True) if read_only else factory(url)
    except TypeError as exc:
        if not read_only or "read_only" not in str(exc):
            raise
        raise StoreError(f"{redact(url)}: this store cannot be opened read-only") from exc
    try:
        store.migrate()
    except BaseException:
        store.close()
        raise
    return store


__all__ = ["ArticleRow", "EntityRow", "MentionRow", "SearchHit", "Store", "StoreError", "open_store"]
