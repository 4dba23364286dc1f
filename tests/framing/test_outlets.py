"""Outlet identity: URL, page metadata, masthead, dateline, footer; the registry is validated."""

from __future__ import annotations

import pytest

from dragoman.framing.outlets import RegistryError, identify_outlet, load_registry, registry
from dragoman.model import Article, Source


def _art(text: str = "Body text.", **source: str) -> Article:
    return Article.from_text(text, Source(**source))  # type: ignore[arg-type]


def test_registry_is_broad_and_every_entry_says_why() -> None:
    reg = registry()
    assert len(reg.outlets) >= 100
    countries = {o.country for o in reg.outlets}
    assert {"IL", "PS", "QA", "SA", "AE", "EG", "LB", "IR", "US", "GB"} <= countries
    for o in reg.outlets:
        assert len(o.source) >= 10 and o.names
    # Arabic, Hebrew and English names are all represented.
    assert all(any(lang in o.names for o in reg.outlets) for lang in ("ar", "he", "en"))


def test_url_host_subdomain_and_language_service_path() -> None:
    assert identify_outlet(_art(url="https://www.aljazeera.net/news/2024/1/1/x")).outlet == "aljazeera"
    assert identify_outlet(_art(url="https://english.aawsat.com/node/1")).outlet == "asharq-alawsat"
    assert identify_outlet(_art(url="https://www.bbc.com/arabic/articles/abc")).outlet == "bbc-arabic"
    assert identify_outlet(_art(url="https://www.bbc.com/news/world-1")).outlet == "bbc"
    # A host that merely ends with a registered name is not that outlet.
    m = identify_outlet(_art(url="https://notbbc.com/arabic/x"))
    assert (m.outlet, m.registered, m.how) == ("notbbc.com", False, "url")


def test_metadata_site_name_then_unregistered_fallback() -> None:
    m = identify_outlet(_art(outlet="The Times of Israel"))
    assert (m.outlet, m.registered, m.how) == ("times-of-israel", True, "metadata")
    m = identify_outlet(_art(outlet="Some Local Gazette"))
    assert (m.outlet, m.registered, m.how) == ("Some Local Gazette", False, "metadata")
    assert identify_outlet(_art()).outlet is None


@pytest.mark.parametrize(
    ("text", "outlet", "how", "evidence"),
    [
        ("الوقت- قالت مصادر إن الاجتماع انتهى.", "alwaght", "dateline", "الوقت"),
        ("BEIRUT (Reuters) - Officials said on Monday.", "reuters", "dateline", "Reuters"),
        ("رام الله / وفا / أعلنت الوزارة اليوم.", "wafa", "dateline", "وفا"),
        ("| הארץ |\nהממשלה התכנסה היום.", "haaretz", "masthead", "| הארץ |"),
        ("Gulf News | World | Middle East\nText of the story.", "gulf-news", "masthead", "Gulf News | World | Middle East"),
        ("Story.\nMore story.\n© 2025 Al Jazeera Media Network", "aljazeera", "footer", "© 2025 Al Jazeera Media Network"),
    ],
)
def test_text_evidence(text: str, outlet: str, how: str, evidence: str) -> None:
    art = _art(text)
    m = identify_outlet(art)
    assert (m.outlet, m.how) == (outlet, how)
    assert m.evidence is not None and art.text[m.evidence.start : m.evidence.end] == evidence


def test_names_in_running_text_are_citations_not_identity() -> None:
    # An ordinary word that is also an outlet's name, and a cited outlet, both in body sentences.
    assert identify_outlet(_art("في الوقت الذي تتواصل فيه المحادثات، قالت رويترز إن الوفد وصل.")).outlet is None
    # An ambiguous name inside a masthead list is not enough (الوقت could be a section title).
    assert identify_outlet(_art("أخبار | الوقت | رياضة\nنص الخبر.")).outlet is None


def test_url_beats_text_and_metadata() -> None:
    m = identify_outlet(_art("JERUSALEM (Reuters) - Text.", url="https://www.jpost.com/x", outlet="Reuters"))
    assert (m.outlet, m.how) == ("jpost", "url")


def test_registry_validation_rejects_bad_entries() -> None:
    base = "outlets:\n  - {id: a, names: {en: [A]}, domains: [a.com], country: QA, type: private, kind: online, source: 'reason here'}\n"
    assert load_registry(base).outlets[0].id == "a"
    with pytest.raises(RegistryError, match="listed by both"):
        load_registry(base + "  - {id: b, names: {en: [B]}, domains: [a.com], country: QA, type: private, kind: online, source: 'reason here'}\n")
    with pytest.raises(RegistryError, match="ambiguous"):
        load_registry("outlets:\n  - {id: c, names: {en: [C]}, ambiguous: [D], country: QA, type: private, kind: online, source: 'reason here'}\n")
    with pytest.raises(RegistryError):
        load_registry("outlets:\n  - {id: d, names: {en: [D]}, country: QA, type: tabloid, kind: online, source: 'reason here'}\n")
