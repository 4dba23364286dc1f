"""Fetch web pages into raw Articles, carefully.

A URL list is untrusted input: a link to ``http://169.254.169.254/`` or
``http://localhost:5432/`` must not make Dragoman probe the machine it runs
on (server-side request forgery).  Every hop, redirects included, is
resolved and refused when any address is private, loopback, link-local or
otherwise not global, unless ``allow_private`` is set (tests against a
loopback server, intranet crawls).  The connection then goes to the address
that was checked (the request names the host in its ``Host`` header and TLS
SNI, so virtual hosting and certificates still work): a name that resolves
to a public address for the check and to 127.0.0.1 a moment later (DNS
rebinding) cannot slip through.  Responses are streamed and cut at
``max_bytes``; transient failures (connection errors, 429, 5xx) are retried
with exponential backoff.  A URL that cannot be fetched still yields an
Article, flagged for the read stage, so it shows up as an error record
rather than vanishing.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from dragoman.ingest.keys import HTTP_CONTENT_TYPE, INPUT, READER_ERROR, READER_ERROR_KIND
from dragoman.model import Article, Source

__all__ = [
    "FetchError", "FetchSettings", "Fetcher", "UnsafeURL", "check_url", "iter_urls", "outlet_from_url", "pinned",
]

_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})


class FetchError(Exception):
    """The page could not be fetched (after retries)."""


class UnsafeURL(FetchError):
    """The URL points somewhere we refuse to go (non-HTTP scheme, private address)."""


@dataclass(frozen=True, slots=True)
class FetchSettings:
    timeout: float = 15.0
    retries: int = 2
    backoff: float = 0.5  # seconds before the first retry; doubles each time
    max_bytes: int = 50_000_000
    max_redirects: int = 5
    allow_private: bool = False
    user_agent: str = "dragoman/0.1 (news reader; +https://github.com/dragoman)"


def outlet_from_url(url: str | None) -> str | None:
    """The host of ``url`` without ``www.``: the outlet when nothing better is known."""
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def check_url(url: str, *, allow_private: bool = False) -> list[str]:
    """Raise ``UnsafeURL`` unless ``url`` is http(s) and every address of its host is public.

    Returns the addresses checked (none with ``allow_private``), to connect to one of them.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise UnsafeURL(f"refusing {parts.scheme or 'scheme-less'} URL {url!r}: only http and https")
    host = parts.hostname
    if not host:
        raise UnsafeURL(f"URL {url!r} has no host")
    if allow_private:
        return []
    try:
        infos = socket.getaddrinfo(host, parts.port or (443 if parts.scheme == "https" else 80))
    except OSError as exc:
        raise FetchError(f"cannot resolve {host!r}: {exc}") from exc
    checked: list[str] = []
    for info in infos:
        addr = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        # An IPv4 address written as IPv6 (::ffff:127.0.0.1) is judged as the IPv4 address it is.
        mapped = addr.ipv4_mapped if isinstance(addr, ipaddress.IPv6Address) else None
        if not addr.is_global or (mapped is not None and not mapped.is_global):
            raise UnsafeURL(f"refusing {url!r}: {host} resolves to non-public address {addr}")
        if str(addr) not in checked:
            checked.append(str(addr))
    if not checked:
        raise FetchError(f"cannot resolve {host!r}: no address")
    return checked


class Fetcher:
    """One HTTP client for a run; ``transport`` can be swapped (``httpx.MockTransport``) in tests."""

    def __init__(
        self, settings: FetchSettings | None = None, *, transport: httpx.BaseTransport | None = None
    ) -> None:
        self.settings = settings or FetchSettings()
        self._client = httpx.Client(
            timeout=self.settings.timeout,
            follow_redirects=False,  # each hop goes through check_url
            headers={"User-Agent": self.settings.user_agent},
            transport=transport,
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def fetch(self, url: str) -> tuple[bytes, str, str | None]:
        """(body, final URL, Content-Type) of ``url``; raises ``FetchError``."""
        s = self.settings
        for _ in range(s.max_redirects + 1):
            addresses = check_url(url, allow_private=s.allow_private)
            status, body, headers = self._get_with_retries(url, addresses[0] if addresses else None)
            if status in (301, 302, 303, 307, 308) and headers.get("location"):
                url = urljoin(url, headers["location"])
                continue
            if status >= 400:
                raise FetchError(f"HTTP {status} for {url}")
            return body, url, headers.get("content-type")
        raise FetchError(f"more than {s.max_redirects} redirects from {url}")

    def _get_with_retries(self, url: str, address: str | None = None) -> tuple[int, bytes, httpx.Headers]:
        s = self.settings
        delay = s.backoff
        last: Exception | None = None
        for attempt in range(s.retries + 1):
            if attempt:
                time.sleep(delay)
                delay *= 2
            try:
                status, body, headers = self._get(url, address)
            except httpx.TransportError as exc:
                last = exc
                continue
            if status in _RETRY_STATUS and attempt < s.retries:
                last = FetchError(f"HTTP {status} for {url}")
                continue
            return status, body, headers
        raise FetchError(f"giving up on {url} after {s.retries + 1} attempts: {last}")

    def _get(self, url: str, address: str | None = None) -> tuple[int, bytes, httpx.Headers]:
        cap = self.settings.max_bytes
        target, headers, extensions = pinned(url, address)
        with self._client.stream("GET", target, headers=headers, extensions=extensions) as resp:
            declared = resp.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > cap:
                raise FetchError(f"{url} is {declared} bytes, over the {cap}-byte limit")
            chunks: list[bytes] = []
            size = 0
            for chunk in resp.iter_bytes():
                size += len(chunk)
                if size > cap:
                    raise FetchError(f"{url} is over the {cap}-byte limit")
                chunks.append(chunk)
            return resp.status_code, b"".join(chunks), resp.headers

    def article(self, url: str, *, outlet: str | None = None, fmt: str = "auto") -> Article:
        """A raw Article for ``url``; a failed fetch gives an Article flagged with the reason.

        The Article's input is ``url`` as asked for, whatever redirects led to.
        """
        try:
            body, final, content_type = self.fetch(url)
        except (FetchError, httpx.HTTPError, ValueError) as exc:  # ValueError: a malformed URL or host name
            art = Article.from_bytes(
                url.encode("utf-8", "surrogatepass"),
                Source(url=url, outlet=outlet or _safe_outlet(url), format=fmt),
            )
            art.meta[READER_ERROR] = str(exc) or type(exc).__name__
            art.meta[READER_ERROR_KIND] = "unsafe_url" if isinstance(exc, UnsafeURL) else "fetch_error"
            art.meta[INPUT] = url
            return art
        art = Article.from_bytes(body, Source(url=final, outlet=outlet or outlet_from_url(final), format=fmt))
        if content_type:
            art.meta[HTTP_CONTENT_TYPE] = content_type
        art.meta[INPUT] = url
        return art


def pinned(url: str, address: str | None) -> tuple[str, dict[str, str] | None, dict[str, str] | None]:
    """(URL, headers, request extensions) that reach ``address`` while naming the URL's host:
    the host goes in the ``Host`` header and the TLS SNI, against which the certificate is
    checked.  Without an address, or when the host is the address, the URL as given."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if address is None or host == address:
        return url, None, None
    ip = f"[{address}]" if ":" in address else address
    netloc = f"{ip}:{parts.port}" if parts.port else ip  # user:password@ is dropped, never sent
    host_header = f"{host}:{parts.port}" if parts.port else host
    return parts._replace(netloc=netloc).geturl(), {"Host": host_header}, {"sni_hostname": host}


def _safe_outlet(url: str) -> str | None:
    try:
        return outlet_from_url(url)
    except ValueError:  # urlsplit refuses some malformed URLs (an unclosed IPv6 bracket)
        return None


def iter_urls(
    urls: Iterable[str],
    *,
    settings: FetchSettings | None = None,
    transport: httpx.BaseTransport | None = None,
    outlet: str | None = None,
) -> Iterator[Article]:
    """Raw Articles for each URL (blank lines and ``#`` comments skipped)."""
    with Fetcher(settings, transport=transport) as fetcher:
        for raw in urls:
            url = raw.strip()
            if url and not url.startswith("#"):
                yield fetcher.article(url, outlet=outlet)
