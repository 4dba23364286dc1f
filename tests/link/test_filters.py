"""Unknown NER names: function words, common words, weak single tokens, edges and conjunctions."""

from __future__ import annotations

from collections.abc import Callable

from dragoman.lang import load_resource
from dragoman.lang.loader import available_languages
from dragoman.link import LinkingData, name_key
from dragoman.model import Article, EntityType
from dragoman.model.ids import local_entity_id
from dragoman.stages.link import Link, LinkSettings

Build = Callable[..., Article]  # fixtures from tests/link/conftest.py
AddNer = Callable[..., int]


def _owner(art: Article, i: int) -> str | None:
    return next((e.id for e in art.entities if i in e.mentions), None)


def test_every_linking_file_validates() -> None:
    langs = [lang for lang in available_languages() if load_resource(lang, "linking", LinkingData)]
    assert {"ar", "he", "en"} <= set(langs)


def test_function_and_common_words_are_not_entities(build: Build, ner: AddNer) -> None:
    art = build("وقال المتحدث فإن الأمن مستقر في المنطقة.", "ar")
    fa_inna = ner(art, "فإن", EntityType.PERSON)
    security = ner(art, "الأمن", EntityType.ORG)
    Link()(art)
    assert _owner(art, fa_inna) is None and _owner(art, security) is None
    art = build("זה הכוח שמוביל את האזור.", "he")
    leads = ner(art, "שמוביל", EntityType.GPE)  # ש + a frequent participle
    Link()(art)
    assert _owner(art, leads) is None


def test_filters_can_be_switched_off(build: Build, ner: AddNer) -> None:
    art = build("وقال المتحدث فإن الأمن مستقر.", "ar")
    i = ner(art, "الأمن", EntityType.ORG)
    Link(LinkSettings(filter_common_words=False))(art)
    assert _owner(art, i) is not None


def test_a_rare_single_name_stays_and_a_weak_one_goes(build: Build, ner: AddNer) -> None:
    art = build("وصل موشيشفيلي أمس، وقال غورباتيوك إن الوضع صعب.", "ar")
    strong = ner(art, "موشيشفيلي", EntityType.PERSON, score=0.95)
    weak = ner(art, "غورباتيوك", EntityType.PERSON, score=0.3)
    Link()(art)
    assert _owner(art, strong) == local_entity_id(art.id, name_key('موشيشفيلي', 'ar'))
    assert _owner(art, weak) is None
    art = build("وقال غورباتيوك إن الوضع صعب.", "ar")
    weak = ner(art, "غورباتيوك", EntityType.PERSON, score=0.3)
    Link(LinkSettings(min_single_token_score=0.0))(art)
    assert _owner(art, weak) is not None


def test_frequent_misc_words_are_left_to_the_tagger(build: Build, ner: AddNer) -> None:
    art = build("ارتفع سعر دولار أمس.", "ar")  # currencies are MISC in ANERcorp: frequent and right
    i = ner(art, "دولار", EntityType.MISC)
    Link()(art)
    assert _owner(art, i) is not None


def test_stop_words_at_the_edges_are_trimmed_into_the_head(build: Build, ner: AddNer) -> None:
    art = build("قال سيمون موشيشفيلي إن العلاقات قوية.", "ar")
    i = ner(art, "قال سيمون موشيشفيلي", EntityType.PERSON)
    Link()(art)
    m = art.mentions[i]
    assert m.head is not None and art.span_text(m.head) == "سيمون موشيشفيلي"
    assert _owner(art, i) == local_entity_id(art.id, name_key('سيمون موشيشفيلي', 'ar'))


def test_a_conjunction_between_two_known_names_splits_the_mention(build: Build, ner: AddNer) -> None:
    text = "מכון גייטסטון פרסם דוח. מכון ברוקינגס הגיב. לדברי מכון גייטסטון ומכון ברוקינגס המצב קשה."
    art = build(text, "he")
    first = ner(art, "מכון גייטסטון", EntityType.ORG)
    second = ner(art, "מכון ברוקינגס", EntityType.ORG)
    both = ner(art, "מכון גייטסטון ומכון ברוקינגס", EntityType.ORG)
    Link()(art)
    assert art.span_text(art.mentions[both].head or art.mentions[both].span) == "מכון גייטסטון"
    assert _owner(art, both) == _owner(art, first)
    (added,) = [i for i, m in enumerate(art.mentions) if m.source == "link"]
    assert art.span_text(art.mentions[added].span) == "מכון ברוקינגס"
    assert _owner(art, added) == _owner(art, second) != _owner(art, first)


def test_a_conjunction_inside_an_unknown_name_is_kept(build: Build, ner: AddNer) -> None:
    art = build("הודיעה קרן גולדמן וברקוביץ על מענק.", "he")
    i = ner(art, "קרן גולדמן וברקוביץ", EntityType.ORG)
    Link()(art)
    assert art.mentions[i].head is None and _owner(art, i) is not None
    assert not [m for m in art.mentions if m.source == "link"]


def test_places_joined_by_a_conjunction_are_not_a_person(build: Build, ner: AddNer) -> None:
    art = build("המשלחת ביקרה באסיה ואפריקה בחודש שעבר.", "he")
    i = ner(art, "אסיה ואפריקה", EntityType.PERSON)
    Link()(art)
    assert not (_owner(art, i) or "").startswith("local:")
    assert not [e for e in art.entities if e.type is EntityType.PERSON]


def test_a_name_after_a_title_stays_whatever_word_it_spells(build: Build, ner: AddNer) -> None:
    # "כהן" reads as כ + הן ("like them"), a function word, but "השר כהן" is minister Cohen
    art = build("השר כהן נפגש עם השגריר. הם כהן וחבריו.", "he")
    titled = ner(art, "כהן", EntityType.PERSON)
    bare = ner(art, "כהן", EntityType.PERSON, nth=1)
    Link()(art)
    assert _owner(art, titled) is not None
    assert _owner(art, bare) is None
