"""The quotes extractor leaves no reference cycle behind: an article is freed as soon as it is dropped.

A cycle through the speaker finder held the whole article until the garbage collector
ran, and every young collection then walked the articles of the batch.
"""

from __future__ import annotations

import gc

from dragoman.events.quotes import extract_quotes
from dragoman.model import EntityType

from .conftest import build_article


def test_extracting_quotes_makes_no_garbage_cycle() -> None:
    art = build_article(
        'Foreign Minister Arlen Tavor said on Monday: "Valdoria will sign the accord." '
        "He added that talks with Norland would resume.",
        "en",
        {"Arlen Tavor": ("local:tavor", EntityType.PERSON), "Valdoria": ("country:VA", EntityType.GPE),
         "Norland": ("country:NL", EntityType.GPE)},
    )
    # A first run loads and caches the language data; the second run is the per-article work.
    assert extract_quotes(art, "en")
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)  # what the collector frees stays in gc.garbage to be looked at
    try:
        quotes = extract_quotes(art, "en")
        assert quotes, "the quotation should be found"
        gc.collect()
        # Other code of the test session may leave garbage of its own; the extractor's finder, its
        # referents must not be part of any cycle (a cycle through them held the whole article).
        caught = [o for o in gc.garbage if type(o).__name__ in ("SpeakerFinder", "Referents")]
        assert caught == []
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        if enabled:
            gc.enable()
