"""People the KB does not know: spelling variants, propagation, titles in apposition, name keys."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from dragoman.link import name_key
from dragoman.model import Article, EntityType, MentionKind
from dragoman.model.ids import local_entity_id
from dragoman.stages.link import Link, LinkSettings

Build = Callable[..., Article]  # fixtures from tests/link/conftest.py
AddNer = Callable[..., int]


def _owner(art: Article, i: int) -> str | None:
    return next((e.id for e in art.entities if i in e.mentions), None)


def _people(art: Article) -> list[str]:
    return [e.id for e in art.entities if e.type is EntityType.PERSON]


def test_surname_variants_of_one_person_cluster(build: Build, ner: AddNer) -> None:
    text = "قال النائب غريغوري باتشيشفيلي إن الزيارة مهمة. وأضاف باتشيافيلي أن التعاون سيستمر."
    art = build(text, "ar")
    full = ner(art, "غريغوري باتشيشفيلي", EntityType.PERSON)
    variant = ner(art, "باتشيافيلي", EntityType.PERSON)
    Link()(art)
    assert _owner(art, full) == _owner(art, variant) == local_entity_id(art.id, name_key('غريغوري باتشيشفيلي', 'ar'))


def test_a_variant_between_two_people_joins_neither(build: Build, ner: AddNer) -> None:
    text = "التقى ديفيد كوزلوف مع مارك كوزلوك. وقال كوزلوت إن اللقاء كان جيدا."
    art = build(text, "ar")
    a = ner(art, "ديفيد كوزلوف", EntityType.PERSON)
    b = ner(art, "مارك كوزلوك", EntityType.PERSON)
    v = ner(art, "كوزلوت", EntityType.PERSON)
    Link()(art)
    assert len({_owner(art, a), _owner(art, b), _owner(art, v)}) == 3


def test_people_with_one_surname_and_other_given_names_stay_apart(build: Build, ner: AddNer) -> None:
    art = build("وصل أندريه باتشيشفيلي ثم وصل نيكولاي باتشيشفيلي.", "ar")
    a = ner(art, "أندريه باتشيشفيلي", EntityType.PERSON)
    b = ner(art, "نيكولاي باتشيشفيلي", EntityType.PERSON)
    Link()(art)
    assert _owner(art, a) != _owner(art, b)


def test_untagged_repetitions_of_a_name_are_found(build: Build, ner: AddNer) -> None:
    text = "قدم غريغوري باتشيشفيلي اقتراحا. وأشار باتشياشفيلي إلى ضرورة التعاون. وقال لباتشاشفيلي مؤيدوه."
    art = build(text, "ar")
    full = ner(art, "غريغوري باتشيشفيلي", EntityType.PERSON)
    n = len(art.mentions)
    Link()(art)
    found = [i for i in range(n, len(art.mentions)) if art.mentions[i].source == "link"]
    surfaces = [art.span_text(art.mentions[i].span) for i in found]
    assert surfaces == ["باتشياشفيلي", "لباتشاشفيلي"]
    heads = [art.span_text(art.mentions[i].head or art.mentions[i].span) for i in found]
    assert heads == ["باتشياشفيلي", "باتشاشفيلي"]  # the clitic ل stays out of the head
    assert {_owner(art, i) for i in found} == {_owner(art, full)}
    art = build(text, "ar")
    ner(art, "غريغوري باتشيشفيلي", EntityType.PERSON)
    Link(LinkSettings(propagate_people=False))(art)
    assert not [m for m in art.mentions if m.source == "link"]


def test_a_repeated_misspelling_is_found_at_each_occurrence(build: Build, ner: AddNer) -> None:
    # the same untagged spelling twice, bare and behind the clitic ل: each occurrence is the person
    text = "قدم غريغوري باتشيشفيلي اقتراحا. وأشار باتشياشفيلي إلى التعاون. وقال باتشياشفيلي لباتشياشفيلي شكرا."
    art = build(text, "ar")
    full = ner(art, "غريغوري باتشيشفيلي", EntityType.PERSON)
    n = len(art.mentions)
    Link()(art)
    found = [i for i in range(n, len(art.mentions)) if art.mentions[i].source == "link"]
    assert [art.span_text(art.mentions[i].span) for i in found] == ["باتشياشفيلي", "باتشياشفيلي", "لباتشياشفيلي"]
    assert [art.span_text(art.mentions[i].head or art.mentions[i].span) for i in found][-1] == "باتشياشفيلي"
    assert {_owner(art, i) for i in found} == {_owner(art, full)}


def test_a_lone_word_anchors_nothing(build: Build, ner: AddNer) -> None:
    # a single tagged word may be the tagger's noise: its look-alikes are not added
    art = build("وأشار باتشيشفيلي إلى التعاون. وقال باتشياشفيلي إن الوضع جيد.", "ar")
    ner(art, "باتشيشفيلي", EntityType.PERSON)
    Link()(art)
    assert not [m for m in art.mentions if m.source == "link"]


def test_a_kb_person_named_by_title_gathers_a_misspelt_full_name(build: Build) -> None:
    text = "יועץ הנשיא האזרי הגיע לירושלים. חיכמת חגיייב נפגש עם עמיתו, ולחגיייב הוגשה תוכנית."
    art = Link()(build(text, "he", date(2025, 4, 1)))
    ent = art.entity("person:hikmet-hajiyev")
    assert ent is not None
    surfaces = [art.span_text(art.mentions[i].span) for i in ent.mentions]
    assert surfaces == ["יועץ הנשיא האזרי", "חיכמת חגיייב", "ולחגיייב"]
    added = [art.mentions[i] for i in ent.mentions if art.mentions[i].source == "link"]
    assert all(m.kb_id == "person:hikmet-hajiyev" for m in added)


def test_a_name_before_a_title_joins_its_holder(build: Build, ner: AddNer) -> None:
    art = build("אמר חיכמת חג'ייבוב, יועץ הנשיא האזרי, כי היחסים טובים.", "he", date(2025, 4, 1))
    name = ner(art, "חיכמת חג'ייבוב", EntityType.PERSON)
    Link()(art)
    assert _owner(art, name) == "person:hikmet-hajiyev"
    titles = [i for i, m in enumerate(art.mentions) if m.kind is MentionKind.TITLE]
    assert titles and all(_owner(art, i) == "person:hikmet-hajiyev" for i in titles)


def test_an_unknown_name_next_to_an_open_title_takes_the_title(build: Build, ner: AddNer) -> None:
    art = build("قال وزير الخارجية الإسرائيلي، غريغوري باتشيشفيلي، إن الزيارة مهمة.", "ar")  # undated
    name = ner(art, "غريغوري باتشيشفيلي", EntityType.PERSON)
    Link()(art)
    title = next(i for i, m in enumerate(art.mentions) if m.kind is MentionKind.TITLE)
    assert _owner(art, title) == _owner(art, name) == local_entity_id(art.id, name_key('غريغوري باتشيشفيلي', 'ar'))


def test_a_corrected_surname_takes_its_title_along(build: Build, ner: AddNer) -> None:
    # "كهين" misspells Cohen: once it joins Eli Cohen, so does the title before it
    art = build("التقى الرئيس ووزير الخارجية الإسرائيلي كهين في باكو. وقال إيلي كوهين إن اللقاء مهم.", "ar")
    alone = ner(art, "كهين", EntityType.PERSON)
    Link()(art)
    title = next(i for i, m in enumerate(art.mentions) if m.kind is MentionKind.TITLE)
    assert _owner(art, alone) == _owner(art, title) == "person:eli-cohen"
    assert not [e for e in art.entities if e.id.startswith("local:")]


def test_name_keys_meet_across_scripts_and_spellings() -> None:
    key = name_key("Hajiyev", "en")
    assert key == name_key("حاجييف", "ar") == name_key("חג'ייב", "he") == name_key("חגייב", "he")
    assert name_key("חגיייב", "he") == key  # three yods
    assert name_key("חיכמת חגיייב", "he") == name_key("Hikmet Hajiyev", "en")


def test_a_lone_word_with_a_kb_surnames_key_is_not_that_person(build: Build, ner: AddNer) -> None:
    # "هوكستان" shares the consonant key of Hochstein's surname (هوكشتاين) but the article never
    # names him: a lone word's key links nobody, while his surname as the KB spells it still does
    art = build("زار وزير الخارجية هوكستان أمس.", "ar")
    i = ner(art, "هوكستان", EntityType.PERSON)
    Link()(art)
    assert _owner(art, i) != "person:hochstein"
    art = build("وصل هوكشتاين إلى بيروت أمس.", "ar")
    Link()(art)
    assert art.entity("person:hochstein") is not None
