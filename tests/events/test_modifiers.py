"""Trigger words that name no event where they stand: doers, noun modifiers, adjectives, readiness, light verbs, means."""

from __future__ import annotations

from dragoman.events.candidates import bare_article
from dragoman.events.extract import find_hits
from dragoman.model import EventStatus


def _triggers(text: str) -> list[tuple[str, str]]:
    art = bare_article(text, "en", use_ner=False)
    return [(art.span_text(h.event.trigger), h.event.type) for h in find_hits(art, "en")]


def test_a_trigger_word_before_a_noun_of_people_modifies_it() -> None:
    assert _triggers("Liberian riot police dispersed the crowd in Monrovia.") == []
    assert [t for t, _ in _triggers("The peace talks envoy arrived in Cairo on Monday.")] == ["arrived in"]


def test_a_trigger_read_as_a_verb_before_a_noun_of_people_stays() -> None:
    assert ("aid", "AID") in _triggers("Britain promised to aid workers in Sudan.")
    assert ("attacked", "ASSAULT") in _triggers("Gunmen attacked police in Kabul.")
    assert ("attack", "ASSAULT") in _triggers("Rebels attack police in Kabul every week.")


def test_doers_before_their_act_of_the_same_type_are_no_event() -> None:
    assert [t for t, _ in _triggers("Two Palestinian suicide bombers killed 23 people in Tel Aviv.")] == ["killed"]
    # alone in its clause the doer noun is the only word of the act
    assert [ty for _, ty in _triggers("Police clashed with demonstrators.")].count("PROTEST") == 1


def test_doers_before_an_act_of_another_type_stay() -> None:
    types = [ty for _, ty in _triggers("Saudi Arabia cut ties after protesters invaded its embassy.")]
    assert "PROTEST" in types and "ASSAULT" in types


def test_a_participle_before_its_noun_is_an_adjective() -> None:
    assert _triggers("Palestinians of the Israeli-occupied West Bank shunned work on Monday.") == [("shunned work", "PROTEST")]
    assert ("occupied", "COERCE") not in _triggers("Troops stayed in the occupied territories.")
    assert ("occupied", "COERCE") in _triggers("Troops occupied the town.")


def test_readiness_yields_to_the_act_it_is_ready_for() -> None:
    art = bare_article("Iraq's government said it is prepared to impose martial law in Baghdad.", "en", use_ner=False)
    hits = find_hits(art, "en")
    # "impose" itself is a light verb before the act it imposes: one event, the martial law
    assert [(art.span_text(h.event.trigger), h.event.type) for h in hits] == [("martial law", "COERCE")]
    assert hits[0].event.status is EventStatus.PLANNED


def test_readiness_without_an_act_after_it_is_an_agreement() -> None:
    assert _triggers("France is ready to contribute troops to the force.") == [("ready to", "AGREE")]


def test_a_light_verb_yields_to_the_act_its_object_names() -> None:
    assert _triggers("Mitterand gave a warm welcome to de Klerk on Thursday.") == [("welcome", "CONSULT")]
    # with no trigger as its object, "gave" is the giving
    assert _triggers("Japan gave money to Jordan.") == [("gave", "AID")]


def test_the_means_right_before_an_act_is_no_event() -> None:
    assert _triggers("U.N. helicopters evacuated the wounded from Gorazde.") == [("evacuated", "AID")]
    assert ("helicopters", "ASSAULT") in _triggers("Government helicopters over the town on Friday.")


def test_a_phrase_of_purpose_after_another_act_is_no_event() -> None:
    told = _triggers("Norland cut ties with Valdoria in support of the dockers.")
    assert [ty for _, ty in told] == ["SANCTION"]
    art = bare_article("قطعت نورلاند علاقاتها التجارية مع فالدوريا دعما لعمال الموانئ.", "ar", use_ner=False)
    assert [h.event.type for h in find_hits(art, "ar")] == ["SANCTION"]


def test_a_phrase_of_purpose_with_no_act_before_it_stays() -> None:
    art = bare_article("دعما لعمال الموانئ، خرج آلاف المتظاهرين في نورلاند.", "ar", use_ner=False)
    assert "SUPPORT" in [h.event.type for h in find_hits(art, "ar")]
    assert "SUPPORT" in [ty for _, ty in _triggers("Valdoria voiced its support for the striking dockers.")]


def test_a_phrase_of_manner_after_another_act_is_no_event() -> None:
    told = _triggers("Norland cut ties with Valdoria in cooperation with Ostmark.")
    assert [ty for _, ty in told] == ["SANCTION"]
    art = bare_article("قطعت نورلاند علاقاتها مع فالدوريا بالتعاون مع أوستمارك.", "ar", use_ner=False)
    assert [h.event.type for h in find_hits(art, "ar")] == ["SANCTION"]


def test_a_trigger_named_as_a_topic_is_no_event() -> None:
    told = _triggers("The minister did not raise the issue of sanctions against Valdoria.")
    assert "IMPOSE_SANCTION" not in [ty for _, ty in told]
    # "The delegation did not discuss the question of cutting trade ties."
    art = bare_article("ولم يناقش الوفد مسألة قطع العلاقات التجارية مع فالدوريا.", "ar", use_ner=False)
    assert [h.event.type for h in find_hits(art, "ar")] == []


def test_the_content_of_a_proposal_is_no_event() -> None:
    # what a proposal would do is proposed, not done
    told = _triggers("The Valdorian rebels approved a new proposal to halt the fighting in Norland.")
    assert "SANCTION" not in [ty for _, ty in told]
    assert ("halt", "SANCTION") in _triggers("Norland will halt all trade with Valdoria.")


def test_what_a_vetoed_resolution_calls_for_is_no_act_of_the_voter() -> None:
    told = _triggers("Norland vetoed a draft resolution calling for a truce in Valdoria.")
    assert [ty for _, ty in told] == ["REJECT"], told
    assert ("truce", "RETREAT") in _triggers("Norland declared a truce in Valdoria.")


def test_interacting_with_a_group_is_a_meeting() -> None:
    assert ("interact with", "CONSULT") in _triggers("The Norlandic envoy will interact with the local Valdorian community.")
