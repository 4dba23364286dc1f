"""dragoman.Boilerplate.v2: page rules on one article; an outlet's repeated lines only through the outlet_chrome layer."""

from __future__ import annotations

from pathlib import Path

from dragoman.model import Article, Source
from dragoman.pipeline import Pipeline
from dragoman.stages.boilerplate import OUTLET_CHROME, PageChrome, PageChromeV2

BODY = [
    "Azerbaijan and Israel signed a new trade agreement in Baku on Monday, officials said.",
    "The talks are at an early stage and no agreement is guaranteed, the officials added.",
]
PAGE = f"Caspian Morning Brief\n{BODY[0]}\n{BODY[1]}\nFollow our live coverage today\n"


def _chrome(art: Article) -> dict[str, str]:
    return {art.span_text(b.span): b.reason for b in art.boilerplate}


def test_without_the_layer_only_the_page_itself_counts() -> None:
    arts = [Article.from_text(PAGE.replace("Monday", day), Source(outlet="X")) for day in ("Monday", "Friday", "Sunday")]
    stage = PageChromeV2()
    marked = [_chrome(stage(a)) for a in arts]
    assert all("Caspian Morning Brief" not in m for m in marked)  # v1 would count it across the three
    assert all(a.ext[OUTLET_CHROME] == frozenset() for a in arts)
    # The same pages through v1 in one batch: its memory marks the line, which is why v2 replaces it.
    batch = [Article.from_text(PAGE.replace("Monday", day), Source(outlet="X")) for day in ("Monday", "Friday", "Sunday")]
    v1 = Pipeline([PageChrome()], initial=frozenset({"raw", "text"}))
    assert all("Caspian Morning Brief" in _chrome(r.article) for r in v1.run_batch(batch))


def test_the_layer_marks_the_outlets_lines_and_is_narrowed_to_this_page() -> None:
    art = Article.from_text(PAGE, Source(outlet="X"))
    art.ext[OUTLET_CHROME] = frozenset({"caspian morning brief", "a line this page does not have"})
    art = PageChromeV2()(art)
    assert _chrome(art)["Caspian Morning Brief"] == "outlet_repeat"
    assert art.ext[OUTLET_CHROME] == frozenset({"caspian morning brief"})
    again = Article.from_text(PAGE, Source(outlet="X"))
    again.ext[OUTLET_CHROME] = art.ext[OUTLET_CHROME]
    assert PageChromeV2()(again).boilerplate == art.boilerplate  # the narrowed layer is all that mattered


def test_headline_and_prose_are_never_outlet_chrome() -> None:
    art = Article.from_text(PAGE, Source(outlet="X"))
    art.ext[OUTLET_CHROME] = frozenset({"caspian morning brief", BODY[0].lower().rstrip(".")})
    chrome = _chrome(PageChromeV2()(art))
    assert BODY[0] not in chrome


def test_known_chrome_lines_file(tmp_path: Path) -> None:
    lines = tmp_path / "chrome.txt"
    lines.write_text("X\tCaspian Morning Brief\n", "utf-8")
    from dragoman.stages.boilerplate import PageChromeSettings

    art = PageChromeV2(PageChromeSettings(corpus_lines=str(lines)))(Article.from_text(PAGE, Source(outlet="X")))
    assert _chrome(art)["Caspian Morning Brief"] == "known_chrome"
