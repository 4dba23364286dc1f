"""Walk the paths a user gave and say what each thing found there is, without ever raising.

A folder of real files holds surprises: a file without read permission, a
folder that cannot be listed, a dangling symbolic link, a FIFO (opening one
blocks for ever), a link back to a parent folder.  Each becomes an ``Entry``
the caller turns into an article or an error record; nothing is skipped
without a word.  Only two things are passed over on purpose, and counted:
hidden files and folders (names starting with ``.``) and the README/LICENCE
files that sit beside a corpus.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Entry", "WalkLog", "display_path", "is_documentation", "is_hidden", "walk"]

# Documentation files that sit beside a corpus are not articles.
_NOT_ARTICLES = ("readme", "license", "licence", "source.txt")


@dataclass(frozen=True, slots=True)
class Entry:
    """One thing the walk met: a regular file to read (``problem`` None) or an input that failed.

    ``problem`` is ``(kind, message)`` with the kinds listed in ``dragoman.ingest.flagged``.
    """

    path: Path
    outlet: str | None = None
    problem: tuple[str, str] | None = None

    @property
    def name(self) -> str:
        return display_path(self.path)


@dataclass
class WalkLog:
    """What a walk passed over on purpose (hidden and documentation files), so it can be counted."""

    ignored: list[str] = field(default_factory=list)


def display_path(path: Path | str) -> str:
    """``path`` as text that any store can hold: undecodable bytes of a file name become ``\\xNN``."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def is_hidden(name: str) -> bool:
    return name.startswith(".")


def is_documentation(name: str) -> bool:
    return name.lower().startswith(_NOT_ARTICLES)


def walk(path: Path, log: WalkLog | None = None) -> Iterator[Entry]:
    """Every file under ``path`` (or ``path`` itself), in name order, and every problem met on the way.

    A file in a folder below the folder given (``corpus/<outlet>/page.html``)
    takes that folder's name as its outlet.  A path given explicitly is always
    read, whatever its name; links to folders are followed unless they lead
    back into a folder being walked.
    """
    try:
        st = path.stat()
    except FileNotFoundError:
        kind = "dangling_link" if path.is_symlink() else "not_found"
        yield Entry(path, problem=(kind, f"{display_path(path)}: {_why(kind)}"))
        return
    except OSError as exc:
        yield Entry(path, problem=("unreadable", f"{display_path(path)}: {exc.strerror or exc}"))
        return
    if stat.S_ISDIR(st.st_mode):
        yield from _folder(path, (), {(st.st_dev, st.st_ino)}, log or WalkLog())
    else:
        yield _file(path, st, None)


def _why(kind: str) -> str:
    return {
        "dangling_link": "symbolic link to a file or folder that does not exist",
        "not_found": "no longer exists",
    }[kind]


def _file(path: Path, st: os.stat_result, outlet: str | None) -> Entry:
    if stat.S_ISREG(st.st_mode):
        return Entry(path, outlet)
    what = (
        "a FIFO (named pipe)" if stat.S_ISFIFO(st.st_mode)
        else "a socket" if stat.S_ISSOCK(st.st_mode)
        else "a device" if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode)
        else "not a regular file"
    )
    return Entry(path, outlet, ("not_a_file", f"{display_path(path)} is {what}, not a file; not read"))


def _folder(folder: Path, rel: tuple[str, ...], ancestors: set[tuple[int, int]], log: WalkLog) -> Iterator[Entry]:
    try:
        with os.scandir(folder) as it:
            names = sorted(e.name for e in it)
    except OSError as exc:
        yield Entry(folder, problem=("unreadable", f"folder {display_path(folder)} cannot be listed: {exc.strerror or exc}"))
        return
    for name in names:
        path = folder / name
        if is_hidden(name):
            log.ignored.append(display_path(path))
            continue
        outlet = rel[0] if rel else None  # the first folder below the one given names the outlet
        try:
            st = path.stat()  # follows links: a link is what it points to
        except FileNotFoundError:
            kind = "dangling_link" if path.is_symlink() else "not_found"
            yield Entry(path, outlet, (kind, f"{display_path(path)}: {_why(kind)}"))
            continue
        except OSError as exc:  # a link loop (ELOOP), a permission problem on the way
            yield Entry(path, outlet, ("unreadable", f"{display_path(path)}: {exc.strerror or exc}"))
            continue
        if stat.S_ISDIR(st.st_mode):
            key = (st.st_dev, st.st_ino)
            if key in ancestors:
                yield Entry(path, outlet, ("link_loop", f"{display_path(path)} links back to a folder being walked"))
                continue
            yield from _folder(path, (*rel, name), ancestors | {key}, log)
        elif is_documentation(name):
            log.ignored.append(display_path(path))
        else:
            yield _file(path, st, outlet)
