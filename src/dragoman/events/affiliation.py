"""The state a person or an office acts for, listed beside it among an event's parties.

PLOVER (like CAMEO before it) codes a party by its state and sector: "Iran's
foreign minister met ..." is an Iranian event, whoever holds the office.  The
argument model chooses the mentions the text names; this adds, after a
person or an office, the state it belongs to, from the knowledge base
(``country`` of a person's record) or from the office's own id
(``role:foreign_minister@country:IR``), when that state is one of the
article's entities, so a reader (and a comparison of events across
articles) finds the event under the state as well as under the person.
"""

from __future__ import annotations

from functools import cache

from dragoman.kb import load_kb
from dragoman.model import EntityType


@cache
def state_of(entity_id: str) -> str | None:
    """The id of the state ``entity_id`` acts for, if the knowledge base says so."""
    if entity_id.startswith("role:") and "@country:" in entity_id:
        return entity_id.split("@", 1)[1]
    record = load_kb().get(entity_id)
    if record is None or record.type is not EntityType.PERSON or not record.country:
        return None
    return f"country:{record.country}"


def with_states(ids: list[str], present: set[str]) -> list[str]:
    """``ids`` with each one's state (among ``present``, the article's entity ids) after it."""
    out = list(ids)
    for i in ids:
        state = state_of(i)
        if state and state in present and state not in out:
            out.append(state)
    return out
