"""A verb denying a statement negates the act the statement tells and is no event of its own."""

from __future__ import annotations

from dragoman.events.candidates import bare_article
from dragoman.events.extract import extract_events
from dragoman.model import EventStatus


def _told(text: str, lang: str) -> list[tuple[str, EventStatus]]:
    art = bare_article(text, lang, use_ner=False)
    return [(e.type, e.status) for e in extract_events(art, lang)]


def test_denied_reports_negate_the_act_they_tell() -> None:
    told = _told("Norland denied reports that its envoy held talks with Valdoria last week.", "en")
    assert ("CONSULT", EventStatus.NEGATED) in told
    assert all(t != "REJECT" for t, _ in told)


def test_an_arabic_denial_of_what_was_said_reaches_a_distant_act() -> None:
    # "Norland's foreign ministry denied the circulating reports of its conducting negotiations with Valdoria."
    told = _told("نفت وزارة خارجية نورلاند الأنباء المتداولة عن إجرائها مفاوضات مع فالدوريا.", "ar")
    assert told == [("CONSULT", EventStatus.NEGATED)]


def test_a_refusal_of_a_thing_stays_a_refusal() -> None:
    told = _told("The council of Norland rejected the proposal of Valdoria on Monday.", "en")
    assert "REJECT" in [t for t, _ in told]


def test_every_act_the_denied_report_tells_is_negated() -> None:
    text = "Norland denied reports that its envoy met the Valdorian king and signed a trade agreement with Valdoria."
    told = _told(text, "en")
    assert told and all(st is EventStatus.NEGATED for _, st in told)


def test_a_refusal_followed_by_a_pronoun_is_no_denied_statement() -> None:
    told = _told("Valdorian rebels on Monday rejected an Ostmark peace plan and said they opposed the deployment of troops.", "en")
    assert told and told[0] == ("REJECT", EventStatus.OCCURRED)
    assert all(st is not EventStatus.NEGATED for _, st in told)
