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


def test_a_hebrew_organisation_gloss_is_readable(build: Build, ner: AddNer) -> None:
    art = build("הודיעה מחלקת ענייני החוץ כי הביקור נדחה.", "he")
    i = ner(art, "מחלקת ענייני החוץ", EntityType.ORG)
    Link()(art)
    gloss = _gloss(art, i)
    words = gloss.split()
    assert len(words) == 3 and words[2].startswith("ha-")  # the article, written as it is read
    assert all(w.split("-")[-1][:1].isupper() for w in words)
    assert "yy" not in gloss.lower() and gloss.isascii()


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
    assert _gloss(art, i) == "Simun Mushishfili"
