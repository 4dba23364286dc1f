"""A pronoun subject takes the person who acted most in the events before it."""

from __future__ import annotations

from tests.stages.test_events import _article

from dragoman.events.pronouns import PERSON, Telling, antecedents, pronouns
from dragoman.model import EntityType
from dragoman.stages.events import Events


def test_each_language_lists_its_pronouns() -> None:
    assert pronouns("en")["he"] == PERSON and pronouns("en")["his country"] == "state"
    assert pronouns("he")["הוא"] == PERSON
    assert pronouns("ar")["انه"] == PERSON  # أنه folded


def test_the_protagonist_wins_over_a_person_named_once_since() -> None:
    persons = {"person:a": True, "person:b": True, "country:X": False}
    tellings = [
        Telling(0, ["person:a"], None),
        Telling(1, ["person:a", "country:X"], None),
        Telling(2, ["person:b"], None),  # background: b acted once
        Telling(3, [], PERSON),
        Telling(4, ["country:X"], None),
    ]
    assert antecedents(tellings, persons) == [None, None, None, "person:a", None]


def test_no_antecedent_without_an_earlier_person_actor_nearby() -> None:
    persons = {"person:a": True, "country:X": False}
    assert antecedents([Telling(0, ["country:X"], None), Telling(1, [], PERSON)], persons) == [None, None]
    far = [Telling(0, ["person:a"], None), Telling(40, [], PERSON)]
    assert antecedents(far, persons) == [None, None]


def test_he_met_takes_the_envoy_of_the_sentence_before() -> None:
    names = {
        "Holloway": ("person:holloway", EntityType.PERSON),
        "Dunmore": ("person:dunmore", EntityType.PERSON),
        "Varga": ("person:varga", EntityType.PERSON),
    }
    art = _article("Holloway met Dunmore on Monday. Later, he met Varga.", "en", names)
    evs = Events()(art).events
    second = [e for e in evs if "person:varga" in e.recipients]
    assert second and second[0].actors[:1] == ["person:holloway"]


def test_his_country_is_the_state_of_the_title_that_says_it() -> None:
    # "Trump signed it. The Azerbaijani president said that his country seeks a partnership with
    # the United States": the title (no holder linked) names the state, and Trump is not the antecedent
    names = {
        "ترامب": ("person:trump", EntityType.PERSON),
        "الرئيس الأذري": ("", EntityType.PERSON),
        "الأذري": ("country:AZ", EntityType.GPE),
        "الولايات المتحدة": ("country:US", EntityType.GPE),
    }
    text = "وقع ترامب الاتفاق. وقال الرئيس الأذري إن بلاده تسعى إلى شراكة اقتصادية مع الولايات المتحدة."
    evs = [e for e in Events()(_article(text, "ar", names)).events if e.type == "COOPERATE"]
    assert evs and evs[0].actors == ["country:AZ"] and evs[0].recipients == ["country:US"]


def test_a_first_person_verb_is_the_speakers_not_the_party_before_it() -> None:
    # "Netanyahu visited Sudan. 'With Sudan we agreed on a peace treaty'": סיכמנו is the speaker's
    names = {
        "נתניהו": ("person:netanyahu", EntityType.PERSON),
        "סודן": ("country:SD", EntityType.GPE),
        "ישראל": ("country:IL", EntityType.GPE),
    }
    text = "נתניהו ביקר בסודן. ישראל וסודן: סיכמנו לחתום על הסכם שלום."
    evs = Events()(_article(text, "he", names)).events
    agreed = [e for e in evs if e.type == "AGREE"]
    assert agreed and agreed[0].actors[0] == "person:netanyahu"
