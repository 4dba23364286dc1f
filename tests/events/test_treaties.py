"""The treaty and alignment extension: sanctions and waivers, normalisation, embassies, preconditions."""

from __future__ import annotations

from collections.abc import Callable

from dragoman.events.extract import extract_events
from dragoman.model import Article, EntityType, EventStatus

GPE = EntityType.GPE


def test_section_907_sanction_and_its_waiver_in_arabic(make_article: Callable[..., Article]) -> None:
    text = (
        "بموجب المادة 907 يحظر على الولايات المتحدة تقديم أي مساعدة مباشرة لأذربيجان. "
        "وقال المتحدث إن تنفيذ هذه العقوبات تم تعليقه مؤقتا."
    )
    names = {
        "المادة 907": ("law:section-907", EntityType.LAW),
        "الولايات المتحدة": ("country:US", GPE),
        "أذربيجان": ("country:AZ", GPE),
    }
    types = {e.type for e in extract_events(make_article(text, "ar", names), "ar")}
    assert {"IMPOSE_SANCTION", "WAIVE_SANCTION"} <= types


def test_english_waiver_and_sanction(make_article: Callable[..., Article]) -> None:
    names = {"Washington": ("country:US", GPE), "Azerbaijan": ("country:AZ", GPE)}
    text = "Washington waived Section 907 restrictions on aid to Azerbaijan. Congress imposed sanctions on Azerbaijan in 1992."
    evs = extract_events(make_article(text, "en", names), "en")
    assert any(e.type == "WAIVE_SANCTION" and e.actors == ["country:US"] for e in evs)
    assert any(e.type == "IMPOSE_SANCTION" for e in evs)


def test_hebrew_restriction_is_a_sanction(make_article: Callable[..., Article]) -> None:
    names = {"אזרבייג'ן": ("country:AZ", GPE)}
    text = "סעיף 907 המגביל את הסיוע האמריקני לאזרבייג'ן."
    ev = next(e for e in extract_events(make_article(text, "he", names), "he") if e.type == "IMPOSE_SANCTION")
    assert "country:AZ" in ev.recipients


def test_precondition_makes_the_accession_conditional(make_article: Callable[..., Article]) -> None:
    names = {"أرمينيا": ("country:AM", GPE), "أذربيجان": ("country:AZ", GPE)}
    text = "تعتبر الإدارة أن التوصل إلى اتفاق سلام بين أذربيجان وأرمينيا شرطاً أساسياً للانضمام إلى الاتفاقيات."
    evs = extract_events(make_article(text, "ar", names), "ar")
    assert any(e.type == "PRECONDITION" for e in evs)
    accession = next(e for e in evs if e.type == "ACCEDE")
    assert accession.status is EventStatus.CONDITIONAL


def test_normalisation_and_refusal(make_article: Callable[..., Article]) -> None:
    names = {"السعودية": ("country:SA", GPE), "إسرائيل": ("country:IL", GPE)}
    text = "تؤكد السعودية أنها لن تعترف بإسرائيل."
    ev = next(e for e in extract_events(make_article(text, "ar", names), "ar") if e.type == "NORMALIZE")
    assert ev.status is EventStatus.NEGATED
