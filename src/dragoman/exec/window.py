"""Bookkeeping for the bounded window of batches an executor keeps in flight."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class InFlight:
    """At most ``limit`` batches submitted and not yet consumed; ``peak`` is what was reached.

    Keeping two batches per worker hides the round trip (one runs while the
    next waits) without reading the corpus ahead of what the workers can take.
    """

    limit: int
    peak: int = 0

    def __post_init__(self) -> None:
        if self.limit < 1:
            raise ValueError(f"max_in_flight must be at least 1, not {self.limit}")

    def has_room(self, pending: int) -> bool:
        return pending < self.limit

    def note(self, pending: int) -> None:
        self.peak = max(self.peak, pending)
