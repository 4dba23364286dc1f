"""Everyday diplomatic wording read on invented sentences: receiving a visitor, receiving aid,
recalling a diplomat, "for consultations"."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dragoman.events.extract import extract_events
from dragoman.model import Article, EntityType, Event

GPE, PER = EntityType.GPE, EntityType.PERSON
NL, VD = "country:NL", "country:VD"
NAMES = {
    "Norland": (NL, GPE), "Valdoria": (VD, GPE), "Anna Berg": ("person:berg", PER), "Tomas Vell": ("person:vell", PER),
    "نورلاند": (NL, GPE), "فالدوريا": (VD, GPE), "נורלנד": (NL, GPE), "ולדוריה": (VD, GPE),
}


def _events(text: str, lang: str, make: Callable[..., Article]) -> list[Event]:
    return extract_events(make(text, lang, NAMES), lang)


def test_receiving_a_visitor_is_a_visit_hosted(make_article: Callable[..., Article]) -> None:
    events = _events("Norland's president Anna Berg received Valdoria's foreign minister Tomas Vell on Sunday.", "en", make_article)
    visit = next(e for e in events if e.type == "CONSULT")
    assert "person:berg" in visit.actors and "person:vell" in visit.recipients


@pytest.mark.parametrize("text", ["Norland received a shipment of grain.", "Norland received criticism from Valdoria."])
def test_receiving_anything_else_is_no_visit(text: str, make_article: Callable[..., Article]) -> None:
    assert not [e for e in _events(text, "en", make_article) if e.type == "CONSULT"]


def test_the_giver_of_aid_received_is_the_one_it_came_from(make_article: Callable[..., Article]) -> None:
    events = _events("Valdoria received humanitarian aid from Norland.", "en", make_article)
    aid = [e for e in events if e.type == "AID"]
    # one event, told once, the giver first: the noun after the verb does not tell it again reversed
    assert [(e.actors, e.recipients) for e in aid] == [([NL], [VD])]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Norland recalled its ambassador to Valdoria for consultations.", "en"),
        ("قررت نورلاند استدعاء سفيرها لدى فالدوريا للتشاور.", "ar"),
        ("נורלנד החזירה את שגרירה מוולדוריה להתייעצויות.", "he"),
    ],
)
def test_a_recall_for_consultations_is_a_cut_in_relations_not_talks(
    text: str, lang: str, make_article: Callable[..., Article]
) -> None:
    events = _events(text, lang, make_article)
    assert [e.type for e in events] == ["SANCTION"], events
    assert events[0].actors == [NL]



def test_and_a_number_of_is_no_promise(make_article: Callable[..., Article]) -> None:
    # وعدد = و + عدد ("and a number of"), which the promise trigger وعد* would read as a promise
    events = _events("رافق رئيس نورلاند وزير الصحة وعدد من كبار المسؤولين.", "ar", make_article)
    assert not [e for e in events if e.type == "AGREE"], events
    promised = _events("وعدت نورلاند بتقديم مساعدات إلى فالدوريا.", "ar", make_article)
    assert any(e.type == "AGREE" and e.actors == [NL] for e in promised), promised


def test_hebrew_launching_needs_its_weapon(make_article: Callable[..., Article]) -> None:
    launched = _events("נורלנד שיגרה טיל בליסטי לעבר ולדוריה.", "he", make_article)
    assert [(e.type, e.actors, e.recipients) for e in launched] == [("ASSAULT", [NL], [VD])], launched
    sent = _events("נשיא נורלנד שיגר מכתב לנשיא ולדוריה.", "he", make_article)
    assert not [e for e in sent if e.type == "ASSAULT"], sent


def test_the_occupation_named_as_a_party_is_no_act_of_occupying(make_article: Callable[..., Article]) -> None:
    # Arab outlets name a state "the occupation" (رئيس وزراء الاحتلال); an occupation told is a verb or a construct
    named = _events("التقى رئيس وزراء الاحتلال وفدا من فالدوريا.", "ar", make_article)
    assert not [e for e in named if e.type == "COERCE"], named
    told = _events("احتلت نورلاند جزيرة في فالدوريا.", "ar", make_article)
    assert any(e.type == "COERCE" and e.actors == [NL] for e in told), told


def test_admitting_is_no_recognition(make_article: Callable[..., Article]) -> None:
    admitted = _events("اعترف وزير نورلاند بأنه أخطأ في تقدير الموقف.", "ar", make_article)
    assert not [e for e in admitted if e.type == "NORMALIZE"], admitted
    recognised = _events("اعترفت نورلاند بدولة فالدوريا.", "ar", make_article)
    assert any(e.type == "NORMALIZE" and e.actors == [NL] for e in recognised), recognised


@pytest.mark.parametrize(
    ("text", "lang", "code"),
    [
        # "any attack" names no attack; aid naming a convoy is no aid given
        ("Norland warned that it would respond to any attack by Valdoria.", "en", "ASSAULT"),
        ("נורלנד הזהירה כי תגיב על כל תקיפה של ולדוריה.", "he", "ASSAULT"),
        ("Norland said the aid convoy reached Valdoria.", "en", "AID"),
        ("נורלנד מסרה כי שיירת הסיוע הגיעה לולדוריה.", "he", "AID"),
        ("قالت نورلاند إن قافلة مساعدات وصلت إلى فالدوريا.", "ar", "AID"),
    ],
)
def test_words_that_only_look_like_acts(text: str, lang: str, code: str, make_article: Callable[..., Article]) -> None:
    assert not [e for e in _events(text, lang, make_article) if e.type == code]


def test_talks_hosted_keep_their_own_parties(make_article: Callable[..., Article]) -> None:
    names = {**NAMES, "Ostmark": ("country:OM", GPE)}
    art = make_article("Ostmark hosted talks between Norland and Valdoria.", "en", names)
    talks = [e for e in extract_events(art, "en") if e.type == "CONSULT"]
    assert any(set(e.actors) == {NL, VD} for e in talks), talks


def test_reopening_an_embassy_and_a_raid(make_article: Callable[..., Article]) -> None:
    reopened = _events("Norland reopened its embassy in Valdoria.", "en", make_article)
    assert any(e.type == "OPEN_EMBASSY" and e.actors == [NL] for e in reopened), reopened
    raided = _events("Norland forces raided a village in Valdoria.", "en", make_article)
    assert any(e.type == "ASSAULT" and NL in e.actors for e in raided), raided


def test_hebrew_normalising_verbs_and_attacking_to_come(make_article: Callable[..., Article]) -> None:
    refused = _events("נורלנד הודיעה כי לא תנרמל את יחסיה עם ולדוריה.", "he", make_article)
    assert any(e.type == "NORMALIZE" and e.status.value == "negated" and e.actors == [NL] for e in refused), refused
    done = _events("נורלנד נרמלה את יחסיה עם ולדוריה.", "he", make_article)
    assert any(e.type == "NORMALIZE" and e.status.value == "occurred" for e in done), done
    threat = _events("נורלנד הודיעה כי תמשיך לתקוף את ולדוריה.", "he", make_article)
    assert [e.status.value for e in threat if e.type == "ASSAULT"] == ["planned"], threat


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Norland's new embassy in Valdoria will be inaugurated on Monday.", "planned"),
        ("The Norland embassy in Valdoria was reopened last year.", "occurred"),
        ("The embassy of Norland reopened in Valdoria after ten years.", "occurred"),
    ],
)
def test_an_embassy_opened_as_the_subject(text: str, status: str, make_article: Callable[..., Article]) -> None:
    # the mission named before its verb: its owner opens it, the state it is placed in hosts it
    opened = [e for e in _events(text, "en", make_article) if e.type == "OPEN_EMBASSY"]
    assert [(e.actors, e.recipients, e.status.value) for e in opened] == [([NL], [VD], status)], opened


def test_a_mission_subject_names_no_sayer_as_opener(make_article: Callable[..., Article]) -> None:
    # "Valdoria said the embassy would be reopened": who opens it is not said; "the embassy said that
    # ... opened" and "will remain open" open nothing
    said = [e for e in _events("Valdoria said that the embassy would be reopened.", "en", make_article) if e.type == "OPEN_EMBASSY"]
    assert [(e.actors, e.status.value) for e in said] == [([], "planned")], said
    for text in ("The embassy said that new trade routes opened.", "The embassy will remain open on Sunday."):
        assert not [e for e in _events(text, "en", make_article) if e.type == "OPEN_EMBASSY"], text


def test_a_deal_with_a_party_and_striking_targets(make_article: Callable[..., Article]) -> None:
    # "a deal with Valdoria" is the noun, not the verb "to deal with"; "struck" is an attack only
    # with what an armed party holds after it, and striking a deal is agreeing
    for text in ("Norland reached a deal with Valdoria.", "Norland struck a deal with Valdoria on gas."):
        agreed = [e for e in _events(text, "en", make_article) if e.type == "AGREE"]
        assert [(e.actors, e.recipients) for e in agreed] == [([NL], [VD])], (text, agreed)
    assert not _events("Norland will deal with the crisis.", "en", make_article)
    struck = _events("Norland said it struck Valdoria military positions overnight.", "en", make_article)
    assert [(e.type, e.actors, e.recipients) for e in struck] == [("ASSAULT", [NL], [VD])], struck
    assert not [e for e in _events("Norland struck a deal with Valdoria.", "en", make_article) if e.type == "ASSAULT"]


def test_it_after_a_verb_of_saying_is_the_sayer(make_article: Callable[..., Article]) -> None:
    # "Norland's army said it struck Valdoria positions": the army's state struck, Valdoria was struck
    for text in ("Norland's army said it struck Valdoria positions.", "Norland said it had attacked Valdoria positions."):
        hit = [e for e in _events(text, "en", make_article) if e.type == "ASSAULT"]
        assert [(e.actors, e.recipients) for e in hit] == [([NL], [VD])], (text, hit)


def test_a_motive_or_a_means_after_the_act_is_no_act(make_article: Callable[..., Article]) -> None:
    # "in protest at", "in an airstrike": why and how the act before was done
    recalled = _events("Norland recalled its ambassador from Valdoria in protest at the remarks.", "en", make_article)
    assert [e.type for e in recalled] == ["SANCTION"], recalled
    killed = _events("Norland killed a Valdoria commander in an airstrike.", "en", make_article)
    assert [(e.type, e.actors) for e in killed] == [("ASSAULT", [NL])], killed


def test_calling_for_is_a_request_unless_a_resolution_calls(make_article: Callable[..., Article]) -> None:
    asked = _events("Norland issued a statement calling for talks with Valdoria.", "en", make_article)
    assert [(e.type, e.actors) for e in asked if e.type == "REQUEST"] == [("REQUEST", [NL])], asked
    vetoed = _events("Norland vetoed a resolution calling for sanctions on Valdoria.", "en", make_article)
    assert not [e for e in vetoed if e.type == "REQUEST"], vetoed


def test_a_pact_signed_in_the_passive_and_lifting_with_words_between(make_article: Callable[..., Article]) -> None:
    signed = _events("The agreement was signed by Norland and Valdoria in Geneva.", "en", make_article)
    assert [(e.type, sorted(e.actors)) for e in signed] == [("AGREE", sorted([NL, VD]))], signed
    lifted = _events("Norland lifted some sanctions on Valdoria.", "en", make_article)
    assert [(e.type, e.actors, e.recipients) for e in lifted] == [("WAIVE_SANCTION", [NL], [VD])], lifted


def test_the_pact_an_act_is_done_under_is_no_new_pact(make_article: Callable[..., Article]) -> None:
    freed = _events("Norland released ten Valdorian prisoners under the ceasefire agreement.", "en", make_article)
    assert [e.type for e in freed] == ["RETREAT"], freed


def test_supplying_weapons_and_exchanging_prisoners(make_article: Callable[..., Article]) -> None:
    # the weapons supplied are what is given, no attack; "prisoners of war" names no war
    supplied = _events("Norland supplied drones to Valdoria.", "en", make_article)
    assert [(e.type, e.actors, e.recipients) for e in supplied] == [("AID", [NL], [VD])], supplied
    swapped = _events("Norland and Valdoria exchanged hundreds of prisoners of war on Friday.", "en", make_article)
    assert [(e.type, sorted(e.actors)) for e in swapped] == [("RETREAT", sorted([NL, VD]))], swapped


def test_the_host_of_talks_between_a_pair_is_their_recipient(make_article: Callable[..., Article]) -> None:
    names = {**NAMES, "Ostmark": ("country:OM", GPE)}
    hosted = extract_events(make_article("Norland hosted talks between Valdoria and Ostmark.", "en", names), "en")
    talks = [e for e in hosted if e.type == "CONSULT"]
    assert len(talks) == 1 and NL in talks[0].recipients and NL not in talks[0].actors, talks


def test_the_owner_of_what_is_struck_is_acted_on(make_article: Callable[..., Article]) -> None:
    # "the positions of Valdoria", "מטרות של ולדוריה": Valdoria is struck; a passive's agent is left alone
    for text, lang in (("Norland struck the positions of Valdoria.", "en"), ("נורלנד תקפה מטרות של ולדוריה.", "he")):
        hit = [e for e in _events(text, lang, make_article) if e.type == "ASSAULT"]
        assert [(e.actors, e.recipients) for e in hit] == [([NL], [VD])], (text, hit)
    said = [e for e in _events("נורלנד הודיעה כי תקפה מטרות של ולדוריה.", "he", make_article) if e.type == "ASSAULT"]
    assert said and all(VD not in e.actors for e in said), said


@pytest.mark.parametrize(
    ("text", "lang", "actors"),
    [
        ("Valdoria must amend its constitution.", "en", []),
        ("Norland said that Valdoria must amend its constitution.", "en", [NL]),
        ("נורלנד הבהירה כי ולדוריה חייבת לתקן את חוקתה.", "he", [NL]),
    ],
)
def test_the_subject_of_must_is_the_one_asked(text: str, lang: str, actors: list[str], make_article: Callable[..., Article]) -> None:
    asked = [e for e in _events(text, lang, make_article) if e.type == "REQUEST"]
    assert [(e.actors, e.recipients) for e in asked] == [(actors, [VD])], asked


def test_an_offer_is_no_agreement_of_the_offerer(make_article: Callable[..., Article]) -> None:
    # "rejected the latest Norland offer": the offer is a proposal, not an agreement negated;
    # "offered to host talks": the talks are the act offered, planned
    rejected = _events("Valdoria rejected the latest offer from Norland.", "en", make_article)
    assert [e.type for e in rejected] == ["REJECT"], rejected
    offered = _events("Norland offered to host talks with Valdoria.", "en", make_article)
    assert [(e.type, e.status.value) for e in offered] == [("CONSULT", "planned")], offered


def test_an_act_told_after_that_with_no_doer_is_the_sayers(make_article: Callable[..., Article]) -> None:
    # "X הודיעה כי תקפה מטרות של Y": the attack is X's (Hebrew drops the subject that is the sayer's)
    said = [e for e in _events("נורלנד הודיעה כי תקפה מטרות של ולדוריה.", "he", make_article) if e.type == "ASSAULT"]
    assert [(e.actors, e.recipients) for e in said] == [([NL], [VD])], said


def test_who_refuses_to_act_is_who_would_act(make_article: Callable[..., Article]) -> None:
    # "refused to lift": the refuser would lift; "urged X to allow" stays X's act (events/borrowed.py)
    refused = {e.type: e for e in _events("Norland refused to lift sanctions on Valdoria.", "en", make_article)}
    assert refused["WAIVE_SANCTION"].actors == [NL] and refused["WAIVE_SANCTION"].status.value == "negated", refused
    urged = {e.type: e for e in _events("Norland urged Valdoria to open talks.", "en", make_article)}
    assert all(NL not in e.actors for t, e in urged.items() if t != "REQUEST"), urged
