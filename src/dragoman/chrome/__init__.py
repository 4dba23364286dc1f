"""Page chrome: which lines of a scraped page are menus, bylines, related links and the like.

The domain logic behind the ``dragoman.Boilerplate.v1`` stage: ``lines``
(how a page is split and folded), ``cues`` (per-language cue data),
``marker`` (the rules), ``memory`` (lines an outlet repeats).
"""

from dragoman.chrome.cues import BoilerplateCues, CueGroup
from dragoman.chrome.lines import Line, core, fold, line_keys, repeatable, split_lines
from dragoman.chrome.marker import mark_chrome
from dragoman.chrome.memory import OutletMemory, outlet_of

__all__ = [
    "BoilerplateCues",
    "CueGroup",
    "Line",
    "OutletMemory",
    "core",
    "fold",
    "line_keys",
    "mark_chrome",
    "outlet_of",
    "repeatable",
    "split_lines",
]
