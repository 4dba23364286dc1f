"""A verb whose object is a trigger noun takes the recipients of that noun's act."""

from __future__ import annotations

from dragoman.events.candidates import bare_article
from dragoman.events.extract import find_hits


def _recipients(text: str, trigger: str) -> list[str]:
    art = bare_article(text, "en", use_ner=False)
    hit = next(h for h in find_hits(art, "en") if art.span_text(h.event.trigger) == trigger)
    return [art.span_text(m.mention.span) for m in hit.args.recipients]


def test_a_verb_takes_the_recipient_of_its_object_noun() -> None:
    text = "Serbia lifted a night curfew in Montenegro on Sunday."
    assert _recipients(text, "curfew") == ["Montenegro"]
    assert _recipients(text, "lifted") == ["Montenegro"]


def test_a_hyphenated_compound_may_stand_between_verb_and_object() -> None:
    text = "The union called off a four-day strike against the Nigerian government."
    assert _recipients(text, "called off") == _recipients(text, "strike") != []


def test_a_trigger_after_a_marker_is_no_object() -> None:
    # "lifted" reaches no one: the curfew is told after "of", not as its object
    text = "Serbia lifted the restrictions of the curfew in Montenegro."
    assert _recipients(text, "lifted") == []
