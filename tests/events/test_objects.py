"""Recipients: from a verb's object noun, none from the subject's phrase or after an infinitive, the accused over the addressee."""

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


def test_a_party_in_the_subjects_phrase_is_no_recipient() -> None:
    # "of the Syrian Golan Heights" tells where the subject lives: the threat is aimed at Israel
    text = "Druze inhabitants of the Syrian Golan Heights threatened to strike unless Israel rescinded the law."
    assert "Syrian Golan Heights" not in _recipients(text, "threatened")
    text = "Jewish settlers in the West Bank city of Hebron set fire to the offices of the Palestinian administrators."
    assert _recipients(text, "set fire") and not {"West Bank", "Hebron"} & set(_recipients(text, "set fire"))


def test_a_party_after_the_verb_marked_in_stays_a_candidate() -> None:
    # after the verb, "in Gaza" is no part of the subject's phrase
    assert _recipients("Israeli troops attacked militants in Gaza.", "attacked") != []


def test_an_accusation_is_aimed_at_the_party_it_is_about_not_its_addressee() -> None:
    text = "Lebanon complained to the United Nations on Tuesday over two Israeli air raids."
    assert _recipients(text, "complained") == ["Israeli"]
    # with no party it is about, the addressee stays
    assert _recipients("Lebanon complained to the United Nations on Tuesday.", "complained") == ["United Nations"]


def test_an_appeal_keeps_its_addressee() -> None:
    # a request is aimed at whom it is told to, whatever it is about
    text = "Lebanon appealed to the United Nations on Tuesday over two Israeli air raids."
    assert _recipients(text, "appealed") == ["United Nations"]


def test_parties_after_an_infinitive_are_its_verbs_when_one_comes_before() -> None:
    text = "Syria offered its troops to Lebanon's President Elias Hrawi to help him oust Aoun from the Christian enclave."
    assert _recipients(text, "offered") == ["Lebanon's President Elias Hrawi"]


def test_with_no_party_before_the_infinitive_those_after_it_stay() -> None:
    text = "Iran agreed on Monday to hold talks with the United States in Oman."
    assert "United States" in _recipients(text, "agreed")
