"""Small hand-built corpora for the tracker (our own sentences, built with tests/builders.py).

Every article is made the way the pipeline would leave it: sentences,
linked mentions and entities, events with their status, claims.  The
states and agreements are KB ids; dates are publication dates.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from builders import Builder, span
from dragoman.model import Article, Claim, EntityType, EventStatus
from dragoman.model.ids import assign_claim_ids
from dragoman.text.tokenize import sentence_spans

AA = "agreement:abraham-accords"


class TBuilder(Builder):
    """A Builder whose article has real sentences and can hold claims."""

    def __init__(self, text: str, language: str, published: date | None, outlet: str = "Example Ledger",
                 path: str | None = None) -> None:
        super().__init__(text, language, outlet=outlet, published=published, path=path)
        self.a.sentences = sentence_spans(text)

    def state(self, words: str, iso: str, nth: int = 0) -> str:
        return self.mention(words, f"country:{iso}", nth=nth, etype=EntityType.GPE)

    def agreement(self, words: str, nth: int = 0) -> str:
        return self.mention(words, AA, nth=nth, etype=EntityType.AGREEMENT)

    def law(self, words: str, kb_id: str) -> str:
        return self.mention(words, kb_id, etype=EntityType.LAW)

    def clause(self, trigger: str, type_: str, status: EventStatus, actors: list[str], recipients: list[str],
               evidence: str) -> None:
        """An event whose evidence is ``evidence`` (its clause), not the whole text."""
        self.event(trigger, type_, status, actors, recipients)
        self.a.events[-1].evidence = [span(self.a.text, evidence)]

    def claim(self, claimant: str, words: str) -> None:
        self.a.claims.append(Claim("", claimant, None, [span(self.a.text, words)], []))

    def done(self) -> Article:
        article = super().done()
        assign_claim_ids(article.id, article.claims)
        return article


def oman_talks() -> Article:
    b = TBuilder("Officials are discussing Oman's joining the Abraham Accords. Qatar was not named.", "en",
                 date(2025, 3, 1), path="en/oman-talks.txt")
    om, aa = b.state("Oman", "OM"), b.agreement("Abraham Accords")
    b.state("Qatar", "QA")
    b.clause("joining", "ACCEDE", EventStatus.TALKS, [om], [aa], "Officials are discussing Oman's joining the Abraham Accords")
    return b.done()


def oman_joined() -> Article:
    b = TBuilder("Oman joined the Abraham Accords on Monday.", "en", date(2025, 6, 2), outlet="Example Wire")
    om, aa = b.state("Oman", "OM"), b.agreement("Abraham Accords")
    b.clause("joined", "ACCEDE", EventStatus.OCCURRED, [om], [aa], "Oman joined the Abraham Accords on Monday")
    return b.done()


def kuwait_conditional() -> Article:
    text = "Kuwait would join the Abraham Accords only if there is a path to a Palestinian state, its minister said."
    b = TBuilder(text, "en", date(2025, 4, 1))
    kw, aa = b.state("Kuwait", "KW"), b.agreement("Abraham Accords")
    minister = b.local("its minister", "kuwaiti minister")
    b.clause("join", "ACCEDE", EventStatus.CONDITIONAL, [kw], [aa],
             "Kuwait would join the Abraham Accords only if there is a path to a Palestinian state")
    b.claim(minister, "Kuwait would join the Abraham Accords only if there is a path to a Palestinian state")
    return b.done()


def kuwait_declined_he() -> Article:
    b = TBuilder("כווית סירבה להצטרף להסכמי אברהם.", "he", date(2025, 5, 1), outlet="דוגמה")
    kw, aa = b.state("כווית", "KW"), b.agreement("הסכמי אברהם")
    b.clause("להצטרף", "ACCEDE", EventStatus.NEGATED, [kw], [aa], "כווית סירבה להצטרף להסכמי אברהם")
    return b.done()


def kuwait_talks_ar_undated() -> Article:
    b = TBuilder("تجري الإدارة محادثات مع الكويت حول انضمامها إلى اتفاقيات إبراهيم.", "ar", None, outlet="مثال")
    kw, aa = b.state("الكويت", "KW"), b.agreement("اتفاقيات إبراهيم")
    b.clause("انضمامها", "ACCEDE", EventStatus.TALKS, [], [aa], "تجري الإدارة محادثات مع الكويت حول انضمامها إلى اتفاقيات إبراهيم")
    del kw
    return b.done()


def azerbaijan_sanctions() -> Article:
    text = ("Talks on Azerbaijan's joining the Abraham Accords continue. "
            "Section 907 restricts US aid to Azerbaijan. Experts say its waiver should be renewed.")
    b = TBuilder(text, "en", date(2025, 7, 1))
    az, aa = b.state("Azerbaijan", "AZ"), b.agreement("Abraham Accords")
    b.state("Azerbaijan", "AZ", nth=1)
    law = b.law("Section 907", "law:freedom-support-act-907")
    us = b.state("US", "US")
    b.clause("joining", "ACCEDE", EventStatus.TALKS, [az], [aa], "Talks on Azerbaijan's joining the Abraham Accords continue")
    b.clause("restricts", "IMPOSE_SANCTION", EventStatus.OCCURRED, [us], [az], "Section 907 restricts US aid to Azerbaijan")
    b.claim("described:experts", "Experts say its waiver should be renewed")
    del law
    return b.done()


def members_news() -> Article:
    text = "The United Arab Emirates discussed the Abraham Accords. Bahrain withdrew from the Abraham Accords."
    b = TBuilder(text, "en", date(2026, 1, 5))
    b.state("United Arab Emirates", "AE")
    b.agreement("Abraham Accords")
    b.state("Bahrain", "BH")
    b.agreement("Abraham Accords", nth=1)
    return b.done()


def qatar_expansion() -> Article:
    b = TBuilder("The envoy wants to expand the Abraham Accords to include Qatar.", "en", date(2025, 8, 1))
    b.agreement("Abraham Accords")
    b.state("Qatar", "QA")
    return b.done()


def jordan_beside_an_accession() -> Article:
    text = "Oman joined the Abraham Accords, a diplomat from Jordan noted."
    b = TBuilder(text, "en", date(2025, 6, 3))
    om, aa = b.state("Oman", "OM"), b.agreement("Abraham Accords")
    b.state("Jordan", "JO")
    b.clause("joined", "ACCEDE", EventStatus.OCCURRED, [om], [aa], "Oman joined the Abraham Accords")
    return b.done()


def oman_wish_ar() -> Article:
    b = TBuilder("قال الوزير إن عمان ترغب في الانضمام إلى اتفاقيات إبراهيم.", "ar", date(2025, 9, 1), outlet="مثال")
    om, aa = b.state("عمان", "OM"), b.agreement("اتفاقيات إبراهيم")
    b.clause("الانضمام", "ACCEDE", EventStatus.OCCURRED, [om], [aa], "عمان ترغب في الانضمام إلى اتفاقيات إبراهيم")
    return b.done()


def azerbaijan_peace_he() -> Article:
    text = "אזרבייג'ן תצטרף להסכמי אברהם רק בתנאי שייחתם הסכם שלום עם ארמניה, אמר השליח."
    b = TBuilder(text, "he", date(2025, 7, 2), outlet="דוגמה")
    az, aa = b.state("אזרבייג'ן", "AZ"), b.agreement("הסכמי אברהם")
    b.state("ארמניה", "AM")
    envoy = b.local("השליח", "envoy")
    b.clause("תצטרף", "ACCEDE", EventStatus.CONDITIONAL, [az], [aa], "אזרבייג'ן תצטרף להסכמי אברהם רק בתנאי שייחתם הסכם שלום עם ארמניה")
    b.claim(envoy, "אזרבייג'ן תצטרף להסכמי אברהם רק בתנאי שייחתם הסכם שלום עם ארמניה")
    return b.done()


def azerbaijan_obstacle() -> Article:
    text = "The main obstacle to Azerbaijan joining the Abraham Accords is its conflict with Armenia."
    b = TBuilder(text, "en", date(2025, 7, 3))
    az, aa = b.state("Azerbaijan", "AZ"), b.agreement("Abraham Accords")
    b.state("Armenia", "AM")
    b.clause("joining", "ACCEDE", EventStatus.TALKS, [az], [aa], text.rstrip("."))
    return b.done()


CORPUS: tuple[Callable[[], Article], ...] = (
    oman_talks, oman_joined, kuwait_conditional, kuwait_declined_he, kuwait_talks_ar_undated, azerbaijan_sanctions,
    members_news, qatar_expansion, jordan_beside_an_accession, oman_wish_ar, azerbaijan_peace_he,
    azerbaijan_obstacle,
)


@pytest.fixture
def corpus() -> list[Article]:
    return [make() for make in CORPUS]


@pytest.fixture
def articles() -> dict[str, Article]:
    return {make.__name__: make() for make in CORPUS}
