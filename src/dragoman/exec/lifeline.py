"""Worker processes die with the process that started them.

A pool worker blocks on its task queue; if the ingest that owns it is
killed (SIGKILL, the OOM killer, a closed terminal), nothing tells it to
stop, and it would sit there holding a pipeline's memory for ever.  Two
guards, both set up by ``tie_to(pid)`` in the worker itself:

* on Linux, ``prctl(PR_SET_PDEATHSIG, SIGKILL)``: the kernel kills the
  worker the moment its parent process dies (with the forkserver start
  method the parent is the forkserver, which ``parent_death_signal``
  ties to the ingest in turn, see ``dragoman.exec.pool``);
* everywhere, a daemon thread waiting on the owner's exit (a pidfd where
  the platform has one, else a poll once a second), which ends the worker
  however many processes sit in between.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import select
import signal
import sys
import threading
import time

__all__ = ["parent_death_signal", "tie_to"]

_PR_SET_PDEATHSIG = 1
_POLL_S = 1.0


def parent_death_signal(sig: int = signal.SIGKILL) -> bool:
    """Ask the kernel to send ``sig`` to this process when its parent dies; False where unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return int(libc.prctl(_PR_SET_PDEATHSIG, int(sig), 0, 0, 0)) == 0
    except (OSError, AttributeError):
        return False


def tie_to(owner: int) -> None:
    """End this process (``os._exit``) when process ``owner`` exits; a pool worker's initializer."""
    parent_death_signal()
    try:
        fd = os.pidfd_open(owner) if hasattr(os, "pidfd_open") else None
    except ProcessLookupError:
        os._exit(1)  # the owner died before this worker started
    except OSError:  # pidfd_open not allowed here (old kernel, seccomp): poll instead
        fd = None
    if fd is None and not _alive(owner):
        os._exit(1)
    threading.Thread(target=_wait_for_exit, args=(owner, fd), name="dragoman-lifeline", daemon=True).start()


def _wait_for_exit(owner: int, fd: int | None) -> None:
    if fd is not None:
        with contextlib.suppress(OSError):
            select.select([fd], [], [])  # a pidfd becomes readable when its process exits
            os._exit(1)
    while _alive(owner):
        time.sleep(_POLL_S)
    os._exit(1)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    return True
