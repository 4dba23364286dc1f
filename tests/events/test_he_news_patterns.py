"""Hebrew news patterns (lang/data/he/events.yaml, status.yaml; events/argmodel.py, extract.py):
a passive summons, future sanctions, a wish to join, bodies named after an act, an appeal with
אל, and the second party of "mediated between X and Y"."""

from __future__ import annotations

from collections.abc import Callable

from dragoman.events.extract import extract_events
from dragoman.model import Article, EntityType, Event, EventStatus

GPE = EntityType.GPE
NL, VD, OM = "country:NL", "country:VD", "country:OM"
NAMES = {"נורלנד": (NL, GPE), "ולדוריה": (VD, GPE), "אוסטמרק": (OM, GPE)}


def _events(text: str, make: Callable[..., Article]) -> list[Event]:
    return extract_events(make(text, "he", NAMES), "he")


def _one(text: str, code: str, make: Callable[..., Article]) -> Event:
    found = [e for e in _events(text, make) if e.type == code]
    assert len(found) == 1, found
    return found[0]


def test_a_passive_summons_acts_on_its_subject(make_article: Callable[..., Article]) -> None:
    # "Norland's ambassador was summoned for a reprimand by the government of Valdoria"
    event = _one("שגריר נורלנד זומן אתמול לשיחת נזיפה על ידי ממשלת ולדוריה.", "SANCTION", make_article)
    assert event.actors == [VD] and event.recipients == [NL], event


def test_a_passive_summons_with_no_agent_leaves_the_summoned_a_recipient(make_article: Callable[..., Article]) -> None:
    # "Norland's ambassador was summoned for a clarification at the foreign ministry"
    event = _one("שגריר נורלנד זומן לשיחת בירור במשרד החוץ בבירה.", "SANCTION", make_article)
    assert NL in event.recipients and NL not in event.actors, event


def test_a_summons_needs_its_reprimand(make_article: Callable[..., Article]) -> None:
    # "the witness was summoned to testify": no diplomatic summons
    assert not [e for e in _events("העד מנורלנד זומן להעיד בבית המשפט.", make_article) if e.type == "SANCTION"]


def test_future_sanctions_are_planned(make_article: Callable[..., Article]) -> None:
    event = _one("ולדוריה תטיל סנקציות חדשות על נורלנד.", "IMPOSE_SANCTION", make_article)
    assert event.status is EventStatus.PLANNED and event.actors == [VD] and event.recipients == [NL], event


def test_past_sanctions_stay_done(make_article: Callable[..., Article]) -> None:
    event = _one("ולדוריה הטילה סנקציות חדשות על נורלנד.", "IMPOSE_SANCTION", make_article)
    assert event.status is EventStatus.OCCURRED, event


def test_a_wish_to_join_is_planned(make_article: Callable[..., Article]) -> None:
    event = _one("נורלנד מעוניינת להצטרף לברית עם ולדוריה.", "ACCEDE", make_article)
    assert event.status is EventStatus.PLANNED, event
    assert _one("נורלנד רוצה להצטרף לברית.", "ACCEDE", make_article).status is EventStatus.PLANNED


def test_bodies_named_after_an_act_name_none(make_article: Callable[..., Article]) -> None:
    # "Valdoria's commission of inquiry published its findings", "Norland's aid agency published a report"
    assert not [e for e in _events("ועדת החקירה של ולדוריה פרסמה את מסקנותיה.", make_article) if e.type == "ACCUSE"]
    assert not [e for e in _events("סוכנות הסיוע של נורלנד פרסמה דוח.", make_article) if e.type == "AID"]
    assert not [e for e in _events("נורלנד הצטרפה לארגון שיתוף הפעולה של האזור.", make_article) if e.type == "COOPERATE"]


def test_an_appeal_with_el_is_a_request(make_article: Callable[..., Article]) -> None:
    # "Norland appealed to Valdoria to lift the restrictions"
    event = _one("נורלנד פנתה אל ולדוריה כדי שתסיר את המחסום.", "REQUEST", make_article)
    assert event.actors == [NL] and event.recipients == [VD], event


def test_mediation_between_a_pair_is_with_both(make_article: Callable[..., Article]) -> None:
    # "Ostmark mediated between Norland and Valdoria in contacts on the border"
    events = _events("אוסטמרק תיווכה בין נורלנד לולדוריה במגעים על הגבול.", make_article)
    consult = [e for e in events if e.type == "CONSULT"]
    assert len(consult) == 1, events  # the contacts are where the mediation was done, no act of their own
    assert consult[0].actors == [OM] and set(consult[0].recipients) == {NL, VD}, consult


def test_a_signing_in_a_relative_clause_with_a_resumptive_pronoun_restates_it(make_article: Callable[..., Article]) -> None:
    # "Norland and Valdoria signed a trade agreement last night. Ostmark's president wrote this morning
    # about the declaration the two states signed": no relative pronoun, עליה stands for the declaration
    for text in (
        "נורלנד וולדוריה חתמו אמש על הסכם סחר. נשיאת אוסטמרק כתבה הבוקר על ההצהרה עליה חתמו שתי המדינות כי היא צעד חשוב.",
        "נורלנד וולדוריה חתמו אמש על הסכם סחר. אוסטמרק פרסמה הבוקר הודעה על ההסכם שעליו חתמה נורלנד עם ולדוריה.",
    ):
        agree = [e for e in _events(text, make_article) if e.type == "AGREE"]
        assert len(agree) == 1 and set(agree[0].actors) == {NL, VD} and len(agree[0].evidence) == 2, agree


def test_a_pronoun_after_the_verb_opens_no_relative_clause(make_article: Callable[..., Article]) -> None:
    # "The agreement was signed last week. Norland and Valdoria signed it.": עליו after its verb is its object
    agree = [e for e in _events("ההסכם נחתם בשבוע שעבר. חתמו עליו נורלנד וולדוריה.", make_article) if e.type == "AGREE"]
    assert any(set(e.actors) == {NL, VD} for e in agree), agree


def test_talks_named_as_a_time_anchor_restate_the_talks_told(make_article: Callable[..., Article]) -> None:
    # "Norland and Valdoria held a round of talks on the border yesterday. As the talks ended,
    # Ostmark announced it would send a delegation": the end of the talks dates Ostmark's act
    events = _events("נורלנד וולדוריה קיימו אתמול סבב שיחות על הגבול. עם סיום השיחות, אוסטמרק הודיעה כי תשלח משלחת לאזור.", make_article)
    consult = [e for e in events if e.type == "CONSULT"]
    assert len(consult) == 1 and set(consult[0].actors) == {NL, VD} and len(consult[0].evidence) == 2, events


def test_a_visit_named_as_a_time_anchor_restates_the_visit(make_article: Callable[..., Article]) -> None:
    # "Norland's foreign minister visited Valdoria and met his counterpart. At the end of the visit ..."
    events = _events("שר החוץ של נורלנד ביקר בולדוריה ונפגש עם עמיתו. בתום הביקור, אוסטמרק הודיעה כי תשלח משלחת לאזור.", make_article)
    consult = [e for e in events if e.type == "CONSULT"]
    assert len(consult) == 1 and consult[0].actors == [NL] and consult[0].recipients == [VD], events


def test_an_anchored_act_with_nothing_told_before_stays(make_article: Callable[..., Article]) -> None:
    # "At the end of a phone call with Valdoria, Norland announced ...": the call is told only here
    events = _events("בתום שיחת טלפון עם ולדוריה, נורלנד הודיעה כי תפתח שגרירות.", make_article)
    assert [e for e in events if e.type == "CONSULT"], events


def test_a_ruler_title_heads_a_coordinated_subject(make_article: Callable[..., Article]) -> None:
    # "Norland's prime minister Yosef Cohen and the ruler of Valdoria Ron Levi signed a joint declaration":
    # שליט (ruler) heads its state's name as נשיא does, so both signers and their states act
    names = {**NAMES, "יוסף כהן": ("person:YK", EntityType.PERSON), "רון לוי": ("person:RL", EntityType.PERSON)}
    text = "ראש ממשלת נורלנד יוסף כהן ושליט ולדוריה רון לוי חתמו אמש בבירה על הצהרה משותפת."
    agree = [e for e in extract_events(make_article(text, "he", names), "he") if e.type == "AGREE"]
    assert len(agree) == 1 and {NL, VD} <= set(agree[0].actors), agree


def test_the_two_states_are_the_pair_told_before(make_article: Callable[..., Article]) -> None:
    # "Norland and Valdoria signed a peace agreement yesterday. In the water sector too, the two states
    # said they would rather cooperate"
    text = "נורלנד וולדוריה חתמו אתמול על הסכם שלום. גם בענף המים אמרו שתי המדינות שהן מעדיפות לשתף פעולה."
    cooperate = [e for e in _events(text, make_article) if e.type == "COOPERATE"]
    assert len(cooperate) == 1 and set(cooperate[0].actors) == {NL, VD}, cooperate


def test_the_two_state_solution_names_no_pair(make_article: Callable[..., Article]) -> None:
    # "... In another meeting this morning the two-state solution was discussed": nobody named meets
    text = "נורלנד וולדוריה חתמו אתמול על הסכם שלום. בפגישה נוספת הבוקר דובר על פתרון שתי המדינות."
    consult = [e for e in _events(text, make_article) if e.type == "CONSULT"]
    assert consult and not consult[0].actors, consult


def test_holding_relations_is_cooperation(make_article: Callable[..., Article]) -> None:
    # "Norland and Valdoria have held full diplomatic relations since 1995", "Norland announced it will
    # hold trade ties with Valdoria", "the economic relations between Norland and Valdoria have existed for years"
    held = _one("נורלנד וולדוריה מקיימות יחסים דיפלומטיים מלאים מאז 1995.", "COOPERATE", make_article)
    assert set(held.actors) == {NL, VD} and held.status is EventStatus.OCCURRED, held
    promised = _one("נורלנד הודיעה כי תקיים קשרי מסחר עם ולדוריה.", "COOPERATE", make_article)
    assert promised.actors == [NL] and promised.recipients == [VD] and promised.status is EventStatus.PLANNED, promised
    existing = _one("היחסים הכלכליים בין נורלנד לולדוריה מתקיימים כבר שנים.", "COOPERATE", make_article)
    assert set(existing.actors) == {NL, VD}, existing


def test_cutting_relations_stays_a_sanction(make_article: Callable[..., Article]) -> None:
    events = _events("נורלנד ניתקה את היחסים עם ולדוריה.", make_article)
    assert [e.type for e in events] == ["SANCTION"], events


def test_readiness_for_an_act_is_planned(make_article: Callable[..., Article]) -> None:
    # "Norland expressed readiness to hold trade ties with Valdoria": not yet held
    event = _one("נורלנד הביעה נכונות לקיים קשרי מסחר עם ולדוריה.", "COOPERATE", make_article)
    assert event.status is EventStatus.PLANNED, event
    # "Norland is ready to join the alliance"
    assert _one("נורלנד מוכנה להצטרף לברית.", "ACCEDE", make_article).status is EventStatus.PLANNED


def test_asking_a_named_party_for_something_is_a_request(make_article: Callable[..., Article]) -> None:
    # "Norland asked Valdoria for humanitarian aid": the party asked stands between the asking and the aid,
    # so the asking is a request of its own and the aid, Valdoria's, only asked for
    events = _events("נורלנד ביקשה מולדוריה סיוע הומניטרי.", make_article)
    request = [e for e in events if e.type == "REQUEST"]
    assert len(request) == 1 and request[0].actors == [NL] and request[0].recipients == [VD], events
    aid = [e for e in events if e.type == "AID"]
    assert all(e.status is not EventStatus.OCCURRED for e in aid), aid
    # asking to join, with nobody asked, is the joining
    assert [e.type for e in _events("נורלנד ביקשה להצטרף לברית.", make_article)] == ["ACCEDE"]


def test_accepting_a_proposal_is_agreeing_with_its_proposer(make_article: Callable[..., Article]) -> None:
    # "Norland accepted Valdoria's ceasefire proposal", "Norland's government adopted Valdoria's plan"
    for text in ("נורלנד קיבלה את הצעת ולדוריה להפסקת אש.", "ממשלת נורלנד אימצה את התוכנית של ולדוריה."):
        event = _one(text, "AGREE", make_article)
        assert event.actors == [NL] and event.recipients == [VD], event
    # "Norland received a letter from Valdoria" and "received an offer to host the games" accept nothing
    assert not [e for e in _events("נורלנד קיבלה מכתב מולדוריה.", make_article) if e.type == "AGREE"]
    assert not _events("נורלנד קיבלה הצעה לארח את המשחקים.", make_article)


def test_establishing_relations_by_a_verb_is_normalization(make_article: Callable[..., Article]) -> None:
    # "Norland and Valdoria established diplomatic relations": כוננו ends in נו as "we" verbs do, but a
    # named subject right before it makes it "they"
    event = _one("נורלנד וולדוריה כוננו יחסים דיפלומטיים.", "NORMALIZE", make_article)
    assert set(event.actors) == {NL, VD}, event
    planned = _one("נורלנד תכונן יחסים דיפלומטיים עם ולדוריה בשנה הבאה.", "NORMALIZE", make_article)
    assert planned.actors == [NL] and planned.recipients == [VD] and planned.status is EventStatus.PLANNED, planned


def test_a_party_behind_a_preposition_leaves_a_we_verb_first_person(make_article: Callable[..., Article]) -> None:
    # "With Valdoria we agreed on cooperation": the speaker agreed, Valdoria is no subject
    events = _events("עם ולדוריה סיכמנו על שיתוף פעולה.", make_article)
    assert all(VD not in e.actors for e in events if e.type == "AGREE"), events


def test_passive_attacks_and_arrests_act_on_their_subject(make_article: Callable[..., Article]) -> None:
    # "an activist from Norland was murdered by Valdoria", "a Norlandic base was attacked by Valdoria",
    # "Norland's citizens were arrested by Valdoria's police": the subject suffered the act, the party
    # after על ידי did it
    for text, code in (
        ("פעיל מנורלנד נרצח על ידי ולדוריה.", "ASSAULT"),
        ("בסיס נורלנדי הותקף על ידי ולדוריה.", "ASSAULT"),
        ("חייל נורלנדי נחטף על ידי ולדוריה.", "ASSAULT"),
        ("אזרחי נורלנד נעצרו על ידי משטרת ולדוריה.", "COERCE"),
    ):
        event = _one(text, code, make_article)
        assert event.actors == [VD] and event.recipients == [NL], (text, event)
    # the active verb keeps its subject as the doer
    event = _one("ולדוריה הרגה שלושה חיילים של נורלנד.", "ASSAULT", make_article)
    assert event.actors == [VD] and event.recipients == [NL], event


def test_a_past_verb_ending_in_a_final_letter_is_read(make_article: Callable[..., Article]) -> None:
    # "Norland's prime minister agreed with Valdoria on a ceasefire": סיכם, the stem of סיכמ* with a final mem
    event = _one("ראש ממשלת נורלנד סיכם עם ולדוריה על הפסקת אש.", "AGREE", make_article)
    assert event.actors == [NL] and event.recipients == [VD], event


def test_present_and_future_forms_of_hostile_and_contact_verbs(make_article: Callable[..., Article]) -> None:
    cases = (
        ("נורלנד מגנה את ולדוריה על ההפגזה.", "ACCUSE", EventStatus.OCCURRED),  # condemns
        ("נורלנד תגנה את ולדוריה.", "ACCUSE", EventStatus.PLANNED),  # will condemn
        ("נורלנד הגישה תלונה נגד ולדוריה.", "ACCUSE", EventStatus.OCCURRED),  # filed a complaint against
        ("נורלנד מזהירה את ולדוריה.", "THREATEN", EventStatus.OCCURRED),  # warns
        ("נורלנד תוקפת מטרות בולדוריה.", "ASSAULT", EventStatus.OCCURRED),  # attacks
        ("נורלנד הודיעה כי תחזיר את שגרירה מולדוריה.", "SANCTION", EventStatus.PLANNED),  # will recall its ambassador
        ("נורלנד שלחה מכתב לולדוריה.", "CONSULT", EventStatus.OCCURRED),  # sent a letter to
    )
    for text, code, status in cases:
        event = _one(text, code, make_article)
        assert event.actors == [NL] and event.recipients == [VD] and event.status is status, (text, event)


def test_look_alike_words_are_no_acts(make_article: Callable[..., Article]) -> None:
    # "Norland defends Valdoria" (מגנה על), "a bright future" (עתיד מזהיר), "the decision is in force" (בתוקף)
    assert not [e for e in _events("נורלנד מגנה על ולדוריה.", make_article) if e.type == "ACCUSE"]
    assert not _events("לנורלנד צפוי עתיד מזהיר.", make_article)
    assert not _events("ההחלטה של נורלנד בתוקף מהיום.", make_article)


def test_violations_invasions_and_cancelled_visits(make_article: Callable[..., Article]) -> None:
    cases = (
        ("נורלנד הפרה את הפסקת האש עם ולדוריה.", "ASSAULT"),  # violated the ceasefire (CAMEO 196)
        ("צבא נורלנד פלש לולדוריה.", "COERCE"),  # invaded (CAMEO 192)
        ("נשיא נורלנד ביטל את ביקורו בולדוריה.", "SANCTION"),  # cancelled his visit
    )
    for text, code in cases:
        events = _events(text, make_article)
        assert [e.type for e in events] == [code], (text, events)
        assert events[0].actors == [NL] and events[0].recipients == [VD], (text, events)


def test_an_offered_act_is_planned(make_article: Callable[..., Article]) -> None:
    # "Norland offered Valdoria economic aid", "Norland offered to mediate between Valdoria and Ostmark"
    assert _one("נורלנד הציעה לולדוריה סיוע כלכלי.", "AID", make_article).status is EventStatus.PLANNED
    assert _one("נורלנד הציעה לתווך בין ולדוריה לאוסטמרק.", "CONSULT", make_article).status is EventStatus.PLANNED


PNAMES = {**NAMES, "הרקן": ("person:HK", EntityType.PERSON), "ורגה": ("person:VG", EntityType.PERSON), "דנמור": ("person:DM", EntityType.PERSON)}


def test_a_host_repeats_את_before_each_guest(make_article: Callable[..., Article]) -> None:
    # "Harken hosted Varga and Dunmore in the capital": Hebrew repeats the object marker, one role
    events = [e for e in extract_events(make_article("הרקן אירח את ורגה ואת דנמור בבירה.", "he", PNAMES), "he") if e.type == "CONSULT"]
    assert len(events) == 1 and events[0].actors == ["person:HK"], events
    assert set(events[0].recipients) == {"person:VG", "person:DM"}, events


def test_an_accepted_proposal_names_its_authors_by_agent(make_article: Callable[..., Article]) -> None:
    # "Norland agreed to the proposal for a prisoner release presented to it by Valdoria and Ostmark":
    # the act the proposal is for stands between, the proposers are still whose proposal is accepted
    event = _one("נורלנד הסכימה להצעה לשחרור אסירים שהוצגה לה על ידי ולדוריה ואוסטמרק.", "AGREE", make_article)
    assert event.actors == [NL] and set(event.recipients) == {VD, OM}, event
    # told as a noun: "after Norland's acceptance of the prisoner-release plan presented by Valdoria"
    event = _one("לאחר הסכמת נורלנד לתוכנית לשחרור אסירים שהוצגה על ידי ולדוריה, השיחות נמשכו.", "AGREE", make_article)
    assert event.actors == [NL] and event.recipients == [VD], event


def test_an_accepted_proposal_told_again_with_its_authors_is_one_acceptance(make_article: Callable[..., Article]) -> None:
    # "After Norland's acceptance of the plan the go-betweens put forward, the talks resumed. A senior
    # official confirmed that Norland agreed to the plan presented to it by Valdoria."
    text = (
        "לאחר הסכמת נורלנד לתוכנית שהגישו המתווכים, השיחות התחדשו. "
        "בכיר אישר כי נורלנד הסכימה לתוכנית לשחרור אסירים שהוצגה לה על ידי ולדוריה."
    )
    event = _one(text, "AGREE", make_article)
    assert event.actors == [NL] and event.recipients == [VD] and len(event.evidence) == 2, event

