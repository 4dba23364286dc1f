"""English glosses of entities the KB does not know."""

from __future__ import annotations

from collections.abc import Callable

from dragoman.kb.names import readable
from dragoman.model import Article, EntityType
from dragoman.stages.link import Link

Build = Callable[..., Article]  # fixtures from tests/link/conftest.py
AddNer = Callable[..., int]


def _gloss(art: Article, i: int) -> str:
    return next(e.canonical for e in art.entities if i in e.mentions)


def test_romanisation_reads_matres_as_vowels_and_repeats_once() -> None:
    assert readable("موشيشفيلي", "ar") == "mushishfili"
    assert readable("سيمون", "ar") == "simun"
    assert readable("חגיייב", "he").count("y") + readable("חגיייב", "he").count("i") == 1


def test_a_vowelless_romanisation_is_not_presented_as_a_name(build: Build, ner: AddNer) -> None:
    # Letter by letter, מחלקת gives "Mhlkt": no reader can say it, so the name stays as written.
    art = build("הודיעה מחלקת ענייני החוץ כי הביקור נדחה.", "he")
    i = ner(art, "מחלקת ענייני החוץ", EntityType.ORG)
    Link()(art)
    assert _gloss(art, i) == "מחלקת ענייני החוץ"


def test_a_hebrew_gloss_with_vowels_writes_the_article_ha(build: Build, ner: AddNer) -> None:
    art = build("הודיע מכון מחקרי הביטחון כי הדוח יפורסם.", "he")
    i = ner(art, "מכון מחקרי הביטחון", EntityType.ORG)
    Link()(art)
    gloss = _gloss(art, i)
    assert gloss == "מכון מחקרי הביטחון" or (gloss.isascii() and gloss.split()[-1].startswith("ha-"))


def test_an_arabic_article_is_written_al(build: Build, ner: AddNer) -> None:
    art = build("قال معهد دراسات طريق الحرير إن الممر مهم.", "ar")
    i = ner(art, "معهد دراسات طريق الحرير", EntityType.ORG)
    Link()(art)
    assert _gloss(art, i).split()[-1].startswith("al-")


def test_hebrew_begadkefat_start_hard(build: Build, ner: AddNer) -> None:
    art = build("לפי ברוקינגס המצב קשה.", "he")
    i = ner(art, "ברוקינגס", EntityType.ORG)
    Link()(art)
    assert _gloss(art, i).startswith("B")


def test_a_latin_spelling_in_the_article_is_preferred(build: Build, ner: AddNer) -> None:
    art = build("قال النائب سيمون موشيشفيلي (Simon Moshishvili) إن العلاقات قوية.", "ar")
    i = ner(art, "سيمون موشيشفيلي", EntityType.PERSON)
    Link()(art)
    assert _gloss(art, i) == "Simon Moshishvili"


def test_without_a_latin_spelling_the_gloss_is_romanised(build: Build, ner: AddNer) -> None:
    art = build("قال النائب سيمون موشيشفيلي إن العلاقات قوية مع Azerbaijan.", "ar")
    i = ner(art, "سيمون موشيشفيلي", EntityType.PERSON)
    Link()(art)
    gloss = _gloss(art, i)
    # The romaniser's attested spelling of the given name, a readable one of the surname.
    assert gloss.split()[0] == "Simon" and len(gloss.split()) == 2
    assert gloss.isascii() and all(w[:1].isupper() and any(v in w for v in "aeiou") for w in gloss.split())


def test_arabic_names_read_with_their_vowels(build: Build, ner: AddNer) -> None:
    art = build("وقال المتحدث نادر حمدان الصباغ إن الوفد سيعود غدا.", "ar")
    i = ner(art, "نادر حمدان الصباغ", EntityType.PERSON)
    Link()(art)
    assert _gloss(art, i).startswith("Nader Hamdan")


def test_a_person_after_a_longer_title_is_glossed_by_the_name(build: Build, ner: AddNer) -> None:
    # the title mention (three words) is longer than the name (two) but never names the person
    art = build("يزور وزير الدفاع الفلبيني رامون تيوتو اليابان الأسبوع المقبل.", "ar")
    i = ner(art, "رامون تيوتو", EntityType.PERSON)
    Link()(art)
    titled = [e for e in art.entities if i in e.mentions]
    assert titled and len(titled[0].mentions) > 1  # the title and the name are one person
    assert _gloss(art, i).startswith("Ramon")
