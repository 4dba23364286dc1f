"""Arabic acts of diplomacy and force named by verbs the trigger lists lacked (travel with its
destination, notifying, exercises, past preventing, passive agreement), phrases that only look like
acts (a threat posed, achieving peace, a statement issued, searching for), and status cues (a step
under study, an expected act, an act lasting until another)."""

from __future__ import annotations

from collections.abc import Callable

from dragoman.events.extract import EventHit, find_hits
from dragoman.model import Article, EntityType, EventStatus


def _hits(art: Article, etype: str) -> list[EventHit]:
    return [h for h in find_hits(art, "ar") if h.event.type == etype]


def _triggers(art: Article, etype: str) -> list[str]:
    return [art.span_text(h.event.trigger) for h in _hits(art, etype) if h.event.trigger]


def test_heading_to_a_place_is_a_visit(make_article: Callable[..., Article]) -> None:
    art = make_article("وتوجه وزير خارجية نورلاند إلى عمان في زيارة قصيرة.", "ar")
    assert "وتوجه" in _triggers(art, "CONSULT")
    art = make_article("وغادر الوزير الفالدوري العاصمة متوجها إلى أنقرة.", "ar")
    assert _triggers(art, "CONSULT") == ["متوجها"]
    # extending thanks to someone is no journey
    assert _hits(make_article("وتوجه الوزير بالشكر إلى الحكومة الفالدورية.", "ar"), "CONSULT") == []


def test_notifying_a_party_consults_it(make_article: Callable[..., Article]) -> None:
    art = make_article("وأخطرت حكومة نورلاند السفارة الفالدورية بقرارها.", "ar")
    assert _triggers(art, "CONSULT") == ["وأخطرت"]


def test_exercises_mobilise_and_joint_ones_cooperate(make_article: Callable[..., Article]) -> None:
    art = make_article("وأجرت القوات الفالدورية تدريبات عسكرية قرب الحدود.", "ar")
    assert _triggers(art, "MOBILIZE") == ["تدريبات عسكرية"]
    art = make_article("ونفذ جيش نورلاند مناورات عسكرية مشتركة مع قوات فالدوريا.", "ar")
    assert _triggers(art, "COOPERATE") == ["مناورات عسكرية مشتركة"]
    assert _hits(art, "MOBILIZE") == []
    # political manoeuvres are no exercise
    assert _hits(make_article("واتهم النائب الحكومة بالمناورات السياسية.", "ar"), "MOBILIZE") == []


def test_preventing_told_as_done_coerces(make_article: Callable[..., Article]) -> None:
    art = make_article("ومنعت السلطات الفالدورية وفدا من نورلاند من دخول البلاد.", "ar")
    assert _triggers(art, "COERCE") == ["ومنعت"]
    # preventing an escalation is a goal of restraint
    assert _hits(make_article("ودعا الوزير إلى منع التصعيد في المنطقة.", "ar"), "COERCE") == []


def test_a_passive_agreement(make_article: Callable[..., Article]) -> None:
    art = make_article("وتم الاتفاق على استئناف الرحلات بين نورلاند وفالدوريا.", "ar")
    assert _triggers(art, "AGREE") == ["وتم الاتفاق"]


def test_phrases_that_only_look_like_acts(make_article: Callable[..., Article]) -> None:
    threat = make_article("واعتبر المحلل أن الخطوة تشكل تهديدا لأمن المنطقة.", "ar")
    assert _hits(threat, "THREATEN") == []
    peace = make_article("وأكد الجانبان حرصهما على تحقيق السلام في المنطقة.", "ar")
    assert _hits(peace, "ACCUSE") == []
    issued = make_article("وجاء ذلك في بيان صادر عن وزارة الخارجية الفالدورية.", "ar")
    assert _hits(issued, "COERCE") == []
    search = make_article("وتواصل فرق الإنقاذ البحث عن ناجين.", "ar")
    assert _hits(search, "CONSULT") == []
    # an inquiry opened still accuses
    inquiry = make_article("وفتحت نورلاند تحقيقا في الهجوم على سفارتها.", "ar")
    assert _hits(inquiry, "ACCUSE") != []


def _status(art: Article, etype: str) -> list[EventStatus]:
    return [h.event.status for h in _hits(art, etype)]


def test_a_step_under_study_is_hypothetical(make_article: Callable[..., Article]) -> None:
    art = make_article("وتدرس حكومة نورلاند فتح سفارة في فالدوريا.", "ar")
    assert _status(art, "OPEN_EMBASSY") == [EventStatus.HYPOTHETICAL]


def test_an_expected_act_is_planned(make_article: Callable[..., Article]) -> None:
    art = make_article("ومن المنتظر أن تبدأ مفاوضات بين نورلاند وفالدوريا.", "ar")
    assert _status(art, "CONSULT") == [EventStatus.PLANNED]


def test_an_act_to_come_until_another_is_conditional(make_article: Callable[..., Article]) -> None:
    art = make_article("وقال الوزير إن نورلاند سوف تفرض عقوبات على فالدوريا حتى تنسحب قواتها.", "ar")
    assert EventStatus.CONDITIONAL in _status(art, "IMPOSE_SANCTION")
    art = make_article("وقال إن نورلاند سوف تواصل دعمها لفالدوريا ريثما يتم التوصل إلى حل.", "ar")
    assert _status(art, "SUPPORT") == [EventStatus.CONDITIONAL]
    # "until" before a noun of time conditions nothing told as done
    art = make_article("ودعمت نورلاند فالدوريا حتى نهاية العام.", "ar")
    assert _status(art, "SUPPORT") == [EventStatus.OCCURRED]


def test_a_future_verb_glued_to_and_is_an_act_with_its_own_conjunct(make_article: Callable[..., Article]) -> None:
    # و + س + imperfect: the future particle behind "and" had hidden the verb from the trigger lists
    art = make_article("غادر وفد نورلاند العاصمة إلى أنقرة وسيتوجه إلى الدوحة.", "ar")
    visits = _hits(art, "CONSULT")
    assert len(visits) == 1 and visits[0].event.status is EventStatus.PLANNED
    # its evidence is its own conjunct, not the departure told before it
    assert art.span_text(visits[0].event.evidence[0]).startswith("وسيتوجه")


def test_in_this_case_makes_an_act_conditional(make_article: Callable[..., Article]) -> None:
    art = make_article("وسيتوجه وفد نورلاند إلى الدوحة في هذه الحالة.", "ar")
    assert [h.event.status for h in _hits(art, "CONSULT")] == [EventStatus.CONDITIONAL]


def test_congratulating_and_exchanging_prisoners(make_article: Callable[..., Article]) -> None:
    assert _triggers(make_article("هنأت نورلاند فالدوريا بعيدها الوطني.", "ar"), "SUPPORT") == ["هنأت"]
    assert _triggers(make_article("تبادلت نورلاند وفالدوريا الأسرى يوم الخميس.", "ar"), "RETREAT") == ["تبادلت"]
    # exchanging views is no release
    assert _hits(make_article("تبادل الطرفان وجهات النظر.", "ar"), "RETREAT") == []


def test_a_state_passed_through_is_no_party_but_one_that_expressed_is(make_article: Callable[..., Article]) -> None:
    names = {"نورلاند": ("country:NL", EntityType.GPE), "أوستمارك": ("country:OM", EntityType.GPE)}
    aid = _hits(make_article("أرسلت نورلاند مساعدات إنسانية إلى القطاع عبر أوستمارك.", "ar", names), "AID")
    assert aid and aid[0].event.actors == ["country:NL"] and "country:OM" not in aid[0].event.recipients
    # "عبر X عن" is X expressing something: X keeps its part
    backed = _hits(make_article("عبر أوستمارك عن دعمه لنورلاند.", "ar", names), "SUPPORT")
    assert backed and backed[0].event.actors == ["country:OM"]


def test_an_act_an_agreement_lays_down_is_its_signatories(make_article: Callable[..., Article]) -> None:
    names = {
        "نورلاند": ("country:NL", EntityType.GPE),
        "فالدوريا": ("country:VD", EntityType.GPE),
        "أوستمارك": ("country:OM", EntityType.GPE),
    }
    text = "ووقعت نورلاند وفالدوريا اتفاقا للسلام في أوستمارك. ويتضمن الاتفاق بنودا للتعاون في مجال الطاقة مع أوستمارك."
    (coop,) = _hits(make_article(text, "ar", names), "COOPERATE")
    # the signatories commit to it, whatever party the clause names near the word
    assert coop.event.actors == ["country:NL", "country:VD"]
    assert coop.event.status is EventStatus.PLANNED
    # with no agreeing told before, the verb lays down nothing of anyone's
    (alone,) = _hits(make_article("ويتضمن البرنامج بنودا للتعاون مع أوستمارك.", "ar", names), "COOPERATE")
    assert alone.event.status is EventStatus.OCCURRED
    # an act told in another clause of the sentence is no commitment
    text = "ووقعت نورلاند وفالدوريا اتفاقا. ويتضمن الاتفاق بنودا عديدة، بينما هاجمت أوستمارك الحدود."
    (attack,) = _hits(make_article(text, "ar", names), "ASSAULT")
    assert attack.event.actors == ["country:OM"]


def test_a_negotiating_team_is_no_talks(make_article: Callable[..., Article]) -> None:
    assert _hits(make_article("وستصل فرق التفاوض إلى الدوحة غدا.", "ar"), "CONSULT") == []
    art = make_article("وقال رئيس وفد المفاوضات النورلاندي إن المحادثات مع فالدوريا ستستأنف.", "ar")
    assert _triggers(art, "CONSULT") == ["المحادثات"]
    # talks themselves still are
    assert _triggers(make_article("وبدأت المفاوضات بين نورلاند وفالدوريا.", "ar"), "CONSULT") == ["المفاوضات"]


def test_a_person_heading_a_delegation_acts_for_its_party(make_article: Callable[..., Article]) -> None:
    names = {
        "سمير حداد": ("person:haddad", EntityType.PERSON),
        "فالدوريا": ("country:VD", EntityType.GPE),
        "نورلاند": ("country:NL", EntityType.GPE),
    }
    art = make_article("ووصل وفد نورلاند برئاسة سمير حداد إلى فالدوريا لإجراء محادثات.", "ar", names)
    (visit,) = _hits(art, "CONSULT")
    assert visit.event.actors == ["person:haddad", "country:NL"] and visit.event.recipients == ["country:VD"]
    # a party named elsewhere in the sentence is not the one he heads
    art = make_article("ووصل سمير حداد إلى فالدوريا بدعوة من نورلاند.", "ar", names)
    assert all("country:NL" not in h.event.actors for h in _hits(art, "CONSULT"))


def test_preventing_a_partys_project_in_future_is_a_threat(make_article: Callable[..., Article]) -> None:
    names = {"نورلاند": ("country:NL", EntityType.GPE), "سمير حداد": ("person:haddad", EntityType.PERSON)}
    art = make_article("وأكد سمير حداد أن نورلاند ستمنع إنشاء القاعدة الفالدورية على الحدود.", "ar", names)
    (threat,) = _hits(art, "THREATEN")
    assert art.span_text(threat.event.trigger) == "ستمنع" and threat.event.actors == ["country:NL"]
    # a rule stated in the imperfect and a goal of restraint name no party's project
    assert _hits(make_article("يمنع القانون إنشاء المصانع قرب النهر.", "ar", names), "THREATEN") == []
    assert _hits(make_article("وستمنع الحكومة التصعيد.", "ar", names), "THREATEN") == []


def test_violating_agreements_told_by_someone_is_his_charge(make_article: Callable[..., Article]) -> None:
    names = {"فالدوريا": ("country:VD", EntityType.GPE), "سمير حداد": ("person:haddad", EntityType.PERSON)}
    art = make_article("وقال سمير حداد، اليوم الأحد، إن فالدوريا تنتهك اتفاق الهدنة.", "ar", names)
    (charge,) = _hits(art, "ACCUSE")
    assert charge.event.actors == ["person:haddad"] and charge.event.recipients == ["country:VD"]
    # told as the outlet's own narrative, the violator is still the one charged, never the accuser
    (told,) = _hits(make_article("وانتهكت فالدوريا الهدنة أمس.", "ar", names), "ACCUSE")
    assert told.event.actors == [] and told.event.recipients == ["country:VD"]


def test_party_an_agreement_was_made_with_is_not_charged(make_article: Callable[..., Article]) -> None:
    names = {
        "فالدوريا": ("country:VD", EntityType.GPE),
        "نورلاند": ("country:NL", EntityType.GPE),
        "سمير حداد": ("person:haddad", EntityType.PERSON),
    }
    art = make_article("وقال سمير حداد إن فالدوريا تنتهك التفاهمات المبرمة مع نورلاند.", "ar", names)
    (charge,) = _hits(art, "ACCUSE")
    # the violator is charged; the party the accords were concluded with is neither accuser nor accused
    assert charge.event.actors == ["person:haddad"] and charge.event.recipients == ["country:VD"]
