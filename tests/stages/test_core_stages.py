from dragoman.model import Article, Boilerplate, Span
from dragoman.stages.normalize import Normalize
from dragoman.stages.sentences import Sentences


def _with_chrome(text: str, chrome: str) -> Article:
    art = Article.from_text(text)
    i = text.index(chrome)
    art.boilerplate = [Boilerplate(Span(i, i + len(chrome)), "test")]
    art.provided.add("boilerplate")
    return art


def test_sentences_skip_boilerplate_and_tokens_lie_inside_sentences() -> None:
    text = "שתפו בפייסבוק\nנתניהו נפגש עם חגייב. הם דנו בהסכמי אברהם.\n0 תגובות"
    art = Sentences()(_with_chrome(text, "0 תגובות"))
    sents = [art.span_text(s) for s in art.sentences]
    assert sents == ["שתפו בפייסבוק", "נתניהו נפגש עם חגייב.", "הם דנו בהסכמי אברהם."]
    assert all(any(s.contains(t) for s in art.sentences) for t in art.tokens)
    assert "תגובות" not in [art.span_text(t) for t in art.tokens]


def test_sentences_arabic_question_mark_and_english() -> None:
    art = Article.from_text("هل تنضم أذربيجان؟ قال المسؤول: نعم. Officials agreed.")
    art.provided.add("boilerplate")
    art = Sentences()(art)
    assert [art.span_text(s) for s in art.sentences] == ["هل تنضم أذربيجان؟", "قال المسؤول: نعم.", "Officials agreed."]


def test_normalize_stage_offsets_map_into_text() -> None:
    art = Normalize()(Article.from_text("وأَذْرَبِيجان"))
    assert art.norm == "واذربيجان"
    assert art.norm_offsets is not None and len(art.norm_offsets) == len(art.norm) + 1
    assert all(art.text[o] == "ا" or art.text[o] in "وأذربيجن" for o in art.norm_offsets[:-1])
