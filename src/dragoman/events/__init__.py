"""Event coding (PLOVER plus treaty/alignment extensions), quotes and claims.

The stages ``dragoman.Events.v1`` and ``dragoman.Quotes.v1`` are thin
wrappers over these functions; everything a language needs is data in
``lang/data/<code>/{events,status,quotes}.yaml`` (see docs/events.md).
"""

from dragoman.events.cameo import cameo_to_plover
from dragoman.events.extract import EventHit, extract_events, find_hits, merge
from dragoman.events.plover import is_known, plover_code, plover_spec, rollup
from dragoman.events.quotes import extract_claims, extract_quotes
from dragoman.events.status import PRIORITY

__all__ = [
    "PRIORITY",
    "EventHit",
    "cameo_to_plover",
    "extract_claims",
    "extract_events",
    "extract_quotes",
    "find_hits",
    "is_known",
    "merge",
    "plover_code",
    "plover_spec",
    "rollup",
]
