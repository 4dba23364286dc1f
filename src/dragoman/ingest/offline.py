"""Refuse outbound connections while a thread reads local inputs.

Walking a folder must never touch the network, whatever a file in it
says and whatever a library does with it (feedparser, for one, would open a
URL it is handed as a string).  Rather than trust every code path, the walk
runs under ``offline()``: an audit hook (PEP 578) refuses ``socket.connect``
to an internet address and every name lookup made by that thread while the
block is active.  Other threads (a Dask client's event loop, a progress
bar) are not affected, and local sockets (a forkserver's Unix socket) are
allowed.
"""

from __future__ import annotations

import socket
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

__all__ = ["NetworkDisabled", "offline"]

_INET = (socket.AF_INET, socket.AF_INET6)
_state = threading.local()
_installed = False
_install_lock = threading.Lock()


class NetworkDisabled(OSError):
    """An outbound connection was attempted where Dragoman runs offline."""


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if not event.startswith("socket.") or not getattr(_state, "offline", False):
        return
    if event == "socket.getaddrinfo" or event == "socket.gethostbyname":
        raise NetworkDisabled(f"offline: refusing to look up {args[0]!r}")
    if event in ("socket.connect", "socket.sendto", "socket.sendmsg") and getattr(args[0], "family", None) in _INET:
        raise NetworkDisabled(f"offline: refusing a connection to {args[1]!r}")


def _install() -> None:
    global _installed
    with _install_lock:
        if not _installed:
            # An audit hook cannot be removed; it costs one string test per audited event
            # and does nothing outside an ``offline()`` block.
            sys.addaudithook(_audit)
            _installed = True


@contextmanager
def offline() -> Iterator[None]:
    """Within the block, this thread's outbound connections and name lookups raise ``NetworkDisabled``."""
    _install()
    before = getattr(_state, "offline", False)
    _state.offline = True
    try:
        yield
    finally:
        _state.offline = before
