"""One-line errors for stores that cannot be opened or used, naming the store without its password."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

__all__ = ["StoreError", "one_line", "redact"]


class StoreError(RuntimeError):
    """A store could not be opened or used; ``str()`` is one line that names it, password left out."""


def redact(url: str) -> str:
    """``url`` with its password (if any) replaced by ``***``; anything else is returned as it is."""
    try:
        parts = urlsplit(url)
        if parts.password is None:
            return url
        user = parts.username or ""
        host = parts.hostname or ""
        if ":" in host:  # an IPv6 address goes back in brackets
            host = f"[{host}]"
        port = f":{parts.port}" if parts.port is not None else ""
        return urlunsplit(parts._replace(netloc=f"{user}:***@{host}{port}"))
    except ValueError:  # not parseable as a URL (a bad port, say): keep only the scheme
        return url.split("://", 1)[0] + "://***" if "://" in url else "***"


def one_line(exc: BaseException, *, hide: str | None = None) -> str:
    """The first line of an exception's message, with ``hide`` (a password) blanked out."""
    text = (str(exc).strip() or type(exc).__name__).splitlines()[0].strip()
    return text.replace(hide, "***") if hide else text
