"""dragoman.Boilerplate.v1: page chrome marked as spans, body left alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from dragoman.lang import available_languages, load_resource
from dragoman.model import Article, Source
from dragoman.stages.boilerplate import (
    HTML_BODY_LINES,
    BoilerplateCues,
    BoilerplateSettings,
    PageChrome,
    line_keys,
)
from dragoman.stages.read import Read

AR_BODY = [
    "أفادت مصادر مطلعة بأن الإدارة الأمريكية تبحث مع أذربيجان إمكانية انضمامها إلى اتفاقيات إبراهيم قريبا.",
    "وأوضحت المصادر أن المحادثات ما زالت في مراحلها الأولى، ولا يوجد ضمان للتوصل إلى اتفاق في غضون أشهر.",
]
HE_BODY = [
    "יועץ הנשיא האזרי ביקר בישראל ונפגש עם ראש הממשלה לדיון מקיף על היחסים בין המדינות.",
    "הביקור התקיים לאחר הצהרה משותפת של ראש הממשלה ומזכיר המדינה האמריקני על פרויקט הגרעין.",
]
EN_BODY = [
    "Azerbaijan is in talks to join the Abraham Accords, three officials said on Tuesday in Baku.",
    "The talks are at an early stage and no agreement is guaranteed, the officials added.",
]


def _marked(text: str, stage: PageChrome | None = None, **source: str) -> tuple[Article, dict[str, str]]:
    art = Article.from_text(text, Source(**source))  # type: ignore[arg-type]
    art = (stage or PageChrome())(art)
    return art, {art.span_text(b.span): b.reason for b in art.boilerplate}


def _body_text(art: Article) -> str:
    return "".join(art.span_text(s) for s in art.body_spans())


def test_cue_files_validate_and_forbid_unknown_keys() -> None:
    langs = [lang for lang in available_languages() if load_resource(lang, "boilerplate", BoilerplateCues)]
    assert {"ar", "he", "en"} <= set(langs)
    with pytest.raises(ValidationError):
        BoilerplateCues.model_validate({"groups": [{"reason": "x", "prefixs": ["typo"]}]})


def test_arabic_related_links_and_comment_tail() -> None:
    title = "واشنطن تبحث توسيع اتفاقيات إبراهيم"
    text = "\n".join(
        [
            title,
            AR_BODY[0],
            "اقرأ أيضا: إسرائيل تقتل قياديا بارزا في جنوب لبنان",
            AR_BODY[1],
            "عقبات قائمة",  # a subheading inside the body stays body
            AR_BODY[0].replace("قريبا", "خلال أسابيع"),
            "شوف كمان: الجيش يدمر مقاتلتين في مطار طهران",
            "التعليقات",
        ]
    )
    art, marked = _marked(text)
    assert marked["اقرأ أيضا: إسرائيل تقتل قياديا بارزا في جنوب لبنان"] == "related"
    assert marked["التعليقات"] == "comments"
    assert "شوف كمان: الجيش يدمر مقاتلتين في مطار طهران" in marked
    body = _body_text(art)
    for line in [title, *AR_BODY, "عقبات قائمة"]:
        assert line in body
    assert art.text == text  # marking never edits


def test_arabic_masthead_with_name_on_next_line() -> None:
    text = "\n".join(["رئيس مجلسى الإدارة والتحرير", "محمد أحمد", "", "عنوان الخبر عن أذربيجان", *AR_BODY])
    art, marked = _marked(text)
    assert marked["رئيس مجلسى الإدارة والتحرير"] == "masthead"
    assert marked["محمد أحمد"] == "masthead"
    assert "عنوان الخبر عن أذربيجان" in _body_text(art)


def test_hebrew_tail_widgets_and_credit() -> None:
    text = "\n\n".join(
        [
            'פגישת יועץ הנשיא האזרי עם רה"מ',
            "יועץ הנשיא נחת בישראל ונועד עם ראש הממשלה | כל הפרטים",
            "הפגישה בירושלים (צילום: לשכת העיתונות)",
            *HE_BODY,
            "הכתבה עניינה אותך?",
            "תהילים להצלחת חיילי צה״ל",
            "-נקראים כעת\n-פרקים נקראו\n-ספרים נקראו",
            "3 תגובות",
            "זו תגובה ארוכה של קורא שכתב הרבה מילים על הכתבה הזאת ועל המצב הכללי במדינה כולה.",
        ]
    )
    art, marked = _marked(text)
    assert marked["| כל הפרטים"] == "teaser"
    assert marked["הפגישה בירושלים (צילום: לשכת העיתונות)"] == "caption"
    assert marked["הכתבה עניינה אותך?"] == "engagement"
    assert "-פרקים נקראו" in marked and "3 תגובות" in marked
    # a reader comment after the comments header is prose, but it is in the tail
    assert (
        marked["זו תגובה ארוכה של קורא שכתב הרבה מילים על הכתבה הזאת ועל המצב הכללי במדינה כולה."] == "tail"
    )
    body = _body_text(art)
    assert 'פגישת יועץ הנשיא האזרי עם רה"מ' in body
    assert "יועץ הנשיא נחת בישראל ונועד עם ראש הממשלה " in body
    for line in HE_BODY:
        assert line in body


def test_english_menu_byline_share_and_duplicates() -> None:
    text = "\n".join(
        [
            "Home",
            "World",
            "Middle East",
            "Azerbaijan in talks to join Abraham Accords",
            "By Jane Smith",
            "Share this article",
            EN_BODY[0],
            "Newsletter signup box",
            EN_BODY[1],
            "Newsletter signup box",
            "Photo: Reuters",
            "Read more: Israel and Azerbaijan sign gas deal",
            "© 2025 Example News. All rights reserved.",
        ]
    )
    art, marked = _marked(text)
    assert marked["Home"] in {"navigation", "menu"} and marked["Middle East"] == "menu"
    assert marked["By Jane Smith"] == "byline"
    assert marked["Share this article"] == "share"
    assert sum(art.span_text(b.span) == "Newsletter signup box" for b in art.boilerplate) == 2
    assert "Read more: Israel and Azerbaijan sign gas deal" in marked
    body = _body_text(art)
    assert "Azerbaijan in talks to join Abraham Accords" in body
    assert EN_BODY[0] in body and EN_BODY[1] in body


def test_subheadings_between_paragraphs_are_body() -> None:
    text = "\n".join([EN_BODY[0], "Early stage", EN_BODY[1], "Armenia", EN_BODY[0]])
    art, marked = _marked(text)
    assert "Early stage" not in marked and "Armenia" not in marked


def test_crlf_spans_exclude_line_ends() -> None:
    text = "Home\r\nWorld\r\nSport\r\n" + EN_BODY[0] + "\r\n"
    art, marked = _marked(text)
    assert set(marked) == {"Home", "World", "Sport"}


def test_outlet_memory_marks_lines_repeated_across_articles() -> None:
    stage = PageChrome(BoilerplateSettings(min_outlet_repeats=3))
    promo = "Listen to our daily podcast"
    texts = [f"Story {i} headline here\n{EN_BODY[i % 2]}\n{promo}\n{EN_BODY[(i + 1) % 2]}" for i in range(4)]
    arts = [Article.from_text(t, Source(outlet="Example")) for t in texts]
    out = list(stage.pipe(arts))
    # pipe() reads ahead, so even the first article knows the promo line repeats
    for art in out:
        assert any(art.span_text(b.span) == promo and b.reason == "outlet_repeat" for b in art.boilerplate)
        assert art.text.split("\n")[0] in _body_text(art)
    other = stage(
        Article.from_text(f"A headline\n{EN_BODY[0]}\n{promo}\n{EN_BODY[1]}", Source(outlet="Other"))
    )
    assert all(b.reason != "outlet_repeat" for b in other.boilerplate)


def test_call_counts_each_article_once_and_prime() -> None:
    stage = PageChrome(BoilerplateSettings(min_outlet_repeats=2))
    art = Article.from_text(
        f"Headline\n{EN_BODY[0]}\nSubscribe to Example Plus\n{EN_BODY[1]}", Source(outlet="E")
    )
    stage(art)
    stage(art)  # same article again: still one article's worth of evidence
    assert all(b.reason != "outlet_repeat" for b in art.boilerplate)
    stage.prime([Article.from_text(f"Other\n{EN_BODY[1]}\nSubscribe to Example Plus\n", Source(outlet="E"))])
    stage(art)
    assert "outlet_repeat" in {b.reason for b in art.boilerplate}
    assert "subscribe to example plus" in line_keys(art.text)


def test_corpus_lines_file(tmp_path: Path) -> None:
    f = tmp_path / "chrome.txt"
    f.write_text("Example Daily — trusted since 1901\nExample\tWeather widget\n", "utf-8")
    stage = PageChrome(BoilerplateSettings(corpus_lines=str(f)))
    text = f"Headline\nExample Daily — trusted since 1901\nWeather widget\n{EN_BODY[0]}"
    _, marked = _marked(text, stage, outlet="Example")
    assert marked == {"Example Daily — trusted since 1901": "known_chrome", "Weather widget": "known_chrome"}
    _, marked = _marked(text, stage, outlet="Elsewhere")
    assert "Weather widget" not in marked


def test_html_uses_read_stage_body_decision() -> None:
    page = (
        "<html><body><nav><a href='/'>Home</a> <a>World</a></nav><article><h1>Talks in Baku</h1>"
        f"<p>{EN_BODY[0]}</p><p>{EN_BODY[1]}</p></article>"
        "<aside><p>Sponsored: the best hotels in Baku for your next holiday trip this year.</p></aside>"
        "</body></html>"
    )
    art = Read()(Article.from_bytes(page.encode(), Source(format="html")))
    assert HTML_BODY_LINES in art.ext
    art = PageChrome()(art)
    body = _body_text(art)
    assert EN_BODY[0] in body and "Talks in Baku" in body
    assert "best hotels" not in body and "Home World" not in body


def test_seed_003_hebrew_chrome(seeds_dir: Path) -> None:
    path = next(seeds_dir.glob("003_*.txt"))
    art = Article.from_bytes(path.read_bytes(), Source(path=str(path)))
    art = PageChrome()(Read()(art))
    body = _body_text(art)
    chrome = "\n".join(art.span_text(b.span) for b in art.boilerplate)
    for cue in ("0 תגובות", "עכשיו בכותרות", "לקריאת תהילים", "הכתבה עניינה אותך?", "-ספרים נקראו"):
        assert cue in chrome and cue not in body
    paragraphs = [p for p in art.text.split("\n") if len(p.split()) >= 15]
    assert len(paragraphs) >= 8
    for p in paragraphs[:-1]:
        if "אין לשלוח תגובות" not in p:
            assert p.split(" | ")[0] in body  # the "| all the details" teaser is chrome
    assert art.text.split("\n")[2] in body  # the headline


@pytest.mark.parametrize("prefix", ["000", "001", "002", "004"])
def test_seed_bodies_keep_headline_and_paragraphs(seeds_dir: Path, prefix: str) -> None:
    path = next(seeds_dir.glob(f"{prefix}_*.txt"))
    art = PageChrome()(Read()(Article.from_bytes(path.read_bytes(), Source(path=str(path)))))
    body = _body_text(art)
    for p in art.text.split("\n"):
        if len(p.split()) >= 12:
            assert p in body or any(cue in p for cue in ("مواضيع مشابهة", "شوف كمان")), p


def test_unknown_setting_rejected() -> None:
    with pytest.raises(ValidationError):
        BoilerplateSettings(windows=3)  # type: ignore[call-arg]


def test_html_standfirst_dropped_by_extractor_stays_body() -> None:
    lead = (
        "Azerbaijan's president sent his adviser to Jerusalem to discuss the accords and regional security."
    )
    page = (
        "<html><head><title>Adviser meets PM | Example</title></head><body>"
        "<div class='nav'><a>News</a> <a>World</a></div>"
        f"<div class='article'><div class='kicker'>Diplomacy</div><h1>Adviser meets PM</h1>"
        f"<h2 class='subtitle'>{lead}</h2>"
        f"<div class='content'><p>{EN_BODY[0]}</p><p>{EN_BODY[1]}</p><p>{EN_BODY[0]}</p></div></div>"
        "<div class='more'><h3>Most read</h3><ul><li><a>Another story about something else</a></li></ul></div>"
        "</body></html>"
    )
    art = Read()(Article.from_bytes(page.encode(), Source(format="html")))
    assert not any(art.span_text(sp) == lead for sp in art.ext[HTML_BODY_LINES])  # trafilatura dropped it
    art = PageChrome()(art)
    body = _body_text(art)
    assert "Adviser meets PM" in body and lead in body and EN_BODY[1] in body
    assert "Another story" not in body and "Most read" not in body


@pytest.mark.parametrize(
    ("prefix", "chrome_lines"),
    [
        ("001", ["مواضيع مشابهة:", "شوف كمان: الجيش", "شوف كمان: ترامب", "التعليقات"]),
        ("002", ["رئيس مجلسى الإدارة والتحرير", "محمد الباز"]),
    ],
)
def test_seed_arabic_chrome(seeds_dir: Path, prefix: str, chrome_lines: list[str]) -> None:
    path = next(seeds_dir.glob(f"{prefix}_*.txt"))
    art = PageChrome()(Read()(Article.from_bytes(path.read_bytes(), Source(path=str(path)))))
    marked = [art.span_text(b.span) for b in art.boilerplate]
    for start in chrome_lines:
        assert any(m.startswith(start) for m in marked), start
    body_lines = [ln for ln in art.text.split("\n") if ln.strip() and not any(ln == m for m in marked)]
    assert len(body_lines) >= 5


def test_observe_reuses_its_line_split_only_for_the_same_text() -> None:
    # observe() splits each article's lines once for counting and marking; an article whose
    # text changed after observe() must be split again, and the stash must not outlive a batch.
    promo = "Listen to our daily podcast"
    texts = [f"Story {i} headline here\n{EN_BODY[i % 2]}\n{promo}\n{EN_BODY[(i + 1) % 2]}" for i in range(3)]
    stage = PageChrome(BoilerplateSettings(min_outlet_repeats=3))
    batch = [Article.from_text(t, Source(outlet="Example")) for t in texts]
    stage.observe(batch)
    marked = [stage(a) for a in batch]
    assert all(promo in {a.span_text(b.span) for b in a.boilerplate} for a in marked)
    assert not stage._batch_lines  # each article took its own lines
    changed = Article.from_text(texts[0], Source(outlet="Example"))
    stage.observe([changed])
    changed.text = f"New headline of the story\n{EN_BODY[0]}\n{EN_BODY[1]}"
    out = stage(changed)
    fresh = PageChrome(BoilerplateSettings(min_outlet_repeats=3))(
        Article.from_text(changed.text, Source(outlet="X"))
    )
    assert out.boilerplate == fresh.boilerplate


def test_date_stamps_bylines_embeds_and_handles_by_shape() -> None:
    text = "\n".join(
        [
            "مصر والأردن تبحثان تعزيز التعاون في مجال الطاقة",
            "الثلاثاء 4 مارس 2025 - 10:30",
            AR_BODY[0],
            "شاهد | لحظة وصول الوفد إلى المطار pic.twitter.com/Xy12AbCd",
            "— قناة مثال الإخبارية (@ExampleNewsAr) March 4, 2025",
            "مثال_الأخبار",
            "https://example.com/news/2025/03/04/story-1234",
            AR_BODY[1],
        ]
    )
    art, marked = _marked(text)
    assert marked["الثلاثاء 4 مارس 2025 - 10:30"] == "dateline"
    assert marked["شاهد | لحظة وصول الوفد إلى المطار pic.twitter.com/Xy12AbCd"] == "embed"
    assert marked["— قناة مثال الإخبارية (@ExampleNewsAr) March 4, 2025"] == "embed"
    assert marked["مثال_الأخبار"] == "embed"
    assert marked["https://example.com/news/2025/03/04/story-1234"] == "embed"
    body = _body_text(art)
    assert "مصر والأردن تبحثان تعزيز التعاون في مجال الطاقة" in body
    assert AR_BODY[0] in body and AR_BODY[1] in body

    he = "\n".join(["שיחות בין ירושלים לבאקו", "דנה לוי | מדיני 4.3.2025 | 10:30", *HE_BODY])
    art, marked = _marked(he)
    assert marked["דנה לוי | מדיני 4.3.2025 | 10:30"] == "dateline"
    # a year or a number alone on a line, or a sentence with a date, is not a date stamp
    en = "\n".join(
        ["Talks in Baku", EN_BODY[0], "2025", "On 4 March 2025 the talks resumed in Baku.", EN_BODY[1]]
    )
    _art, marked = _marked(en)
    assert "2025" not in marked and "On 4 March 2025 the talks resumed in Baku." not in marked


def test_inline_datelines_metadata_fields_and_date_stamps() -> None:
    lead = "Egypt's foreign minister met his Jordanian counterpart on Tuesday to discuss Gaza."
    cases = {
        "CAIRO — ": "CAIRO — " + lead,
        "TEL AVIV, Israel (AP) — ": "TEL AVIV, Israel (AP) — " + lead,
        "Amman, Mar 4 (Reuters).- ": "Amman, Mar 4 (Reuters).- " + lead,
        "(Reuters) - ": "(Reuters) - " + lead,
        "بيروت (رويترز) - ": "بيروت (رويترز) - " + AR_BODY[0],
        "date 2025-03-04 ": " date 2025-03-04 " + lead,  # the span starts at the line's first letter
    }
    for chrome, line in cases.items():
        art, marked = _marked("\n".join(["A headline of four words", line, EN_BODY[1]]))
        assert chrome in marked, (chrome, marked)
        assert line.split(chrome)[1] in _body_text(art)
    art, marked = _marked("\n".join(["الدوحة-قنا", AR_BODY[0], AR_BODY[1]]))
    assert marked["الدوحة-قنا"] == "dateline"
    stamp = "Iran denied the report on Sunday. 04.03.2025"
    art, marked = _marked("\n".join(["A headline of four words", stamp, EN_BODY[1]]))
    assert marked[" 04.03.2025"] == "metadata"
    assert "Iran denied the report on Sunday." in _body_text(art)
    # a capitalised sentence opening is not a dateline
    _art, marked = _marked(
        "\n".join(["A headline of four words", "NATO said on Monday it would meet.", *EN_BODY])
    )
    assert not marked


def test_short_lines_between_headline_and_lead_are_page_labels() -> None:
    text = "\n".join(
        [
            "وزير الخارجية المصري يزور عمّان لبحث الأوضاع في غزة",
            "جريدة المثال",  # the outlet's name
            "سارة محمود",  # the author
            AR_BODY[0],
            "عقبات قائمة",  # a sub-heading between paragraphs stays
            AR_BODY[1],
        ]
    )
    art, marked = _marked(text)
    assert marked["جريدة المثال"] == "byline" and marked["سارة محمود"] == "byline"
    # a headline that ends like a sentence is still the headline
    exclaimed = "\n".join(["الوفد يغادر القاهرة إلى الدوحة في هذه الحالة!", "جريدة المثال", *AR_BODY])
    _art, marked = _marked(exclaimed)
    assert marked == {"جريدة المثال": "byline"}
    assert "عقبات قائمة" not in marked
    assert "وزير الخارجية المصري يزور عمّان لبحث الأوضاع في غزة" in _body_text(art)


def test_captions_with_agency_credit_and_numbered_skip_links() -> None:
    caption = "وزير الخارجية الأردني يستقبل نظيره المصري في عمّان، 4 آذار/مارس 2025 (رويترز)"
    text = "\n".join(
        [
            "1. تخطي إلى المحتوى",
            "2. تخطي إلى القائمة الرئيسية",
            "عنوان الخبر عن الأردن ومصر",
            caption,
            *AR_BODY,
        ]
    )
    art, marked = _marked(text)
    assert marked[caption] == "caption"
    assert marked["1. تخطي إلى المحتوى"] == "navigation"
    # wire copy that closes a paragraph with the agency's name after a full stop is body
    closing = AR_BODY[1] + " (رويترز)"
    _art, marked = _marked("\n".join(["عنوان الخبر عن الأردن ومصر", AR_BODY[0], closing]))
    assert closing not in marked
