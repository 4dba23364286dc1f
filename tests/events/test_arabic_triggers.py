"""Arabic trigger vocabulary: protests told by their doers, generic nouns in a longer phrase,
weapons a few words after their verb, passive verbs, and a recipient shared within a sentence."""

from __future__ import annotations

from collections.abc import Callable

from dragoman.events.extract import EventHit, find_hits
from dragoman.model import Article, EntityType

PERSON = EntityType.PERSON


def _hits(art: Article, etype: str) -> list[EventHit]:
    return [h for h in find_hits(art, "ar") if h.event.type == etype]


def _triggers(art: Article, etype: str) -> list[str]:
    return [art.span_text(h.event.trigger) for h in _hits(art, etype) if h.event.trigger]


def test_a_march_of_protesters_is_a_protest(make_article: Callable[..., Article]) -> None:
    assert _triggers(make_article("وسار المتظاهرون نحو مبنى البرلمان.", "ar"), "PROTEST") == ["وسار"]
    assert _triggers(make_article("وخرج مئات المتظاهرين من المساجد بعد الصلاة.", "ar"), "PROTEST") == ["وخرج"]
    # the same verbs without a crowd of protesters after them are no protest
    assert _hits(make_article("وخرج الوزير من الاجتماع قبل نهايته.", "ar"), "PROTEST") == []
    assert _hits(make_article("وتوجه الرئيس الى المطار.", "ar"), "PROTEST") == []


def test_taking_part_in_a_protest_names_one(make_article: Callable[..., Article]) -> None:
    assert _triggers(make_article("وشارك المئات في التظاهرة أمام السفارة.", "ar"), "PROTEST") == ["وشارك"]
    # the bare definite noun still names a kind of event
    assert _hits(make_article("انتقد الكاتب التظاهرات في مقاله.", "ar"), "PROTEST") == []


def test_a_generic_noun_inside_a_longer_trigger(make_article: Callable[..., Article]) -> None:
    art = make_article("وتوقف العمال عن العمل للاحتجاج على تأخر الرواتب.", "ar")
    assert _triggers(art, "PROTEST") == ["للاحتجاج على"]
    assert _hits(make_article("الاحتجاج حق للجميع.", "ar"), "PROTEST") == []


def test_gathering_is_not_bringing_together(make_article: Callable[..., Article]) -> None:
    assert _hits(make_article("وهي رابطة تجمع بين البلدين منذ عقود.", "ar"), "PROTEST") == []
    assert _hits(make_article("القراءات تجمع على وجود ثلاثة تيارات.", "ar"), "PROTEST") == []


def test_detainees_are_not_protesters(make_article: Callable[..., Article]) -> None:
    # المحتجزين begins like المحتجين, and تحتجز like تحتج
    art = make_article("وتحتجز الشرطة عشرات المحتجزين في السجن المركزي.", "ar")
    assert _hits(art, "PROTEST") == []
    assert "وتحتجز" in _triggers(art, "COERCE")


def test_rockets_a_few_words_after_their_verb(make_article: Callable[..., Article]) -> None:
    art = make_article("وأطلقت الطائرات صباح امس ثلاثة صواريخ على القرية.", "ar")
    assert _triggers(art, "ASSAULT") == ["وأطلقت"]
    assert _hits(make_article("أطلقت الوزارة حملة جديدة لمكافحة التدخين.", "ar"), "ASSAULT") == []
    released = make_article("وأطلق سراح عشرة معتقلين أمس.", "ar")
    assert _hits(released, "ASSAULT") == []
    assert [h.event.type for h in find_hits(released, "ar")] == ["RETREAT"]


def test_blowing_up_is_not_dawn(make_article: Callable[..., Article]) -> None:
    assert _triggers(make_article("وفجر مسلحون الجسر الرئيسي في المدينة.", "ar"), "ASSAULT") == ["وفجر"]
    assert _hits(make_article("وصل الوفد فجر امس الى القاهرة.", "ar"), "ASSAULT") == []
    assert _hits(make_article("واعتقل الجيش فجرا ثلاثة مطلوبين.", "ar"), "ASSAULT") == []


def test_the_subject_of_a_passive_verb_was_attacked(make_article: Callable[..., Article]) -> None:
    names = {"سمير حداد": ("person:haddad", PERSON)}
    (hit,) = _hits(make_article("واغتيل سمير حداد في بيروت امس.", "ar", names), "ASSAULT")
    assert hit.event.actors == []
    assert hit.event.recipients == ["person:haddad"]


def test_subjected_to_violence_by_someone(make_article: Callable[..., Article]) -> None:
    names = {"سمير حداد": ("person:haddad", PERSON), "حزب الشعب": ("org:people", EntityType.ORG)}
    art = make_article("وتعرض سمير حداد للضرب على ايدي عناصر حزب الشعب.", "ar", names)
    (hit,) = _hits(art, "ASSAULT")
    assert art.span_text(hit.event.trigger) == "وتعرض"
    assert hit.event.recipients == ["person:haddad"]
    assert hit.event.actors == ["org:people"]
    # subjected to criticism is no assault
    assert _hits(make_article("وتعرض الوزير لانتقادات حادة.", "ar"), "ASSAULT") == []


def test_a_recipient_named_by_a_later_telling(make_article: Callable[..., Article]) -> None:
    names = {"سمير حداد": ("person:haddad", PERSON)}
    art = make_article("وخرج المتظاهرون الى الشوارع وهتفوا ضد سمير حداد.", "ar", names)
    hits = _hits(art, "PROTEST")
    assert [art.span_text(h.event.trigger) for h in hits if h.event.trigger] == ["وخرج", "وهتفوا"]
    assert all(h.event.recipients == ["person:haddad"] for h in hits)
    assert [art.span_text(m.mention.span) for m in hits[0].args.recipients] == ["سمير حداد"]


def test_measures_against_a_party_are_a_sanction(make_article: Callable[..., Article]) -> None:
    names = {"نورلاند": ("country:NL", EntityType.GPE), "فالدوريا": ("country:VD", EntityType.GPE)}
    # "Norland took new measures against Valdoria."
    art = make_article("واتخذت نورلاند إجراءات جديدة ضد فالدوريا.", "ar", names)
    assert _triggers(art, "SANCTION") == ["إجراءات"]
    # measures with no party they are against are no sanction ("measures to protect the coast")
    assert _hits(make_article("واتخذت نورلاند إجراءات لحماية الساحل.", "ar", names), "SANCTION") == []


def test_informing_a_party_is_a_consultation(make_article: Callable[..., Article]) -> None:
    names = {"نورلاند": ("country:NL", EntityType.GPE), "فالدوريا": ("country:VD", EntityType.GPE)}
    # "Norland informed Valdoria of its decision"
    (hit,) = _hits(make_article("وأبلغت نورلاند فالدوريا قرارها.", "ar", names), "CONSULT")
    assert (hit.event.actors, hit.event.recipients) == (["country:NL"], ["country:VD"])
    # أخطار ("dangers") is no notification without a passive cue before it
    assert _hits(make_article("وحذر التقرير من أخطار التلوث.", "ar", names), "CONSULT") == []


def test_informed_by_a_party_it_told(make_article: Callable[..., Article]) -> None:
    names = {"نورلاند": ("country:NL", EntityType.GPE), "فالدوريا": ("country:VD", EntityType.GPE)}
    # "Norland said it had been sent no official letter by Valdoria": Valdoria is the one that tells
    art = make_article("وقالت نورلاند إنها لم تتبلغ رسالة رسمية من جانب فالدوريا.", "ar", names)
    (hit,) = _hits(art, "CONSULT")
    assert hit.event.actors == ["country:VD"]
    assert "country:VD" not in hit.event.recipients
    assert hit.event.status.value == "negated"


def test_a_circumstantial_participle_shares_the_doer(make_article: Callable[..., Article]) -> None:
    names = {"نورلاند": ("country:NL", EntityType.GPE), "فالدوريا": ("country:VD", EntityType.GPE)}
    # "Norland keeps up its raids on Valdoria, ignoring all the international calls"; the name in
    # scare quotes is still the verb's subject
    art = make_article('وتواصل "نورلاند" غاراتها على فالدوريا، متجاهلة النداءات الدولية كافة.', "ar", names)
    (rejected,) = _hits(art, "REJECT")
    assert art.span_text(rejected.event.trigger) == "متجاهلة"
    assert rejected.event.actors == ["country:NL"]


NV = {"نورلاند": ("country:NL", EntityType.GPE), "فالدوريا": ("country:VD", EntityType.GPE)}


def test_derived_verbs_in_the_imperfect(make_article: Callable[..., Article]) -> None:
    # the imperfect of a verb whose past opens with alef drops it (افتتح: تفتتح), so stripping the
    # imperfect prefix alone would not reach the past form the group lists
    opens = make_article("تفتتح نورلاند سفارة في فالدوريا الأسبوع المقبل.", "ar", NV)
    (hit,) = _hits(opens, "OPEN_EMBASSY")
    assert hit.event.actors == ["country:NL"]
    assert hit.event.status.value == "planned"
    assert _triggers(make_article("وستفتتح نورلاند قنصلية في فالدوريا.", "ar", NV), "OPEN_EMBASSY") == ["وستفتتح"]
    assert _triggers(make_article("تستضيف نورلاند محادثات مع فالدوريا.", "ar", NV), "CONSULT")[0] == "تستضيف"
    assert _triggers(make_article("وتستنكر نورلاند قرار فالدوريا.", "ar", NV), "ACCUSE") == ["وتستنكر"]
    # "the government expects growth": يتوقع is to expect, no signing (يوقع)
    assert find_hits(make_article("تتوقع حكومة نورلاند نموا اقتصاديا هذا العام.", "ar", NV), "ar") == []


def test_expected_to_open_is_planned(make_article: Callable[..., Article]) -> None:
    art = make_article("ويتوقع أن تفتح نورلاند سفارة في فالدوريا.", "ar", NV)
    (hit,) = _hits(art, "OPEN_EMBASSY")
    assert hit.event.status.value == "planned"


def test_an_impersonal_passive_has_no_pronoun_doer(make_article: Callable[..., Article]) -> None:
    # "the minister said that [it] was notified to Valdoria": أنه before تم is a dummy "it", so
    # Valdoria, named after the passive, is the party told, and no person is made its doer
    names = {**NV, "سمير حداد": ("person:haddad", PERSON)}
    text = "والتقى سمير حداد وزير الدفاع. وقال الوزير إنه تم إبلاغ فالدوريا بالقرار."
    (hit,) = [h for h in _hits(make_article(text, "ar", names), "CONSULT") if h.event.recipients == ["country:VD"]]
    assert "person:haddad" not in hit.event.actors


def test_sending_aid_and_lifting_sanctions_with_words_between(make_article: Callable[..., Article]) -> None:
    # the verb carries the act and its tense; رفع without sanctions after it raises prices
    from dragoman.events.extract import extract_events

    sent = extract_events(make_article("أعلنت الوزارة أن نورلاند سترسل مساعدات إنسانية إلى فالدوريا.", "ar"), "ar")
    assert [e.status.value for e in sent if e.type == "AID"] == ["planned"], sent
    lifted = make_article("رفعت نورلاند بعض العقوبات المفروضة على فالدوريا.", "ar")
    assert _triggers(lifted, "WAIVE_SANCTION") == ["رفعت"]
    assert [e.type for e in extract_events(lifted, "ar")] == ["WAIVE_SANCTION"]
    assert _hits(make_article("رفعت الحكومة أسعار الوقود.", "ar"), "WAIVE_SANCTION") == []
