"""Every KB file and language resource loads against its schema, and the data is coherent."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from dragoman.kb.langdata import RESOURCES, demonyms, policy, titles
from dragoman.kb.loader import FILES, KbError, data_files, load_kb, read_file
from dragoman.kb.schema import Actor, Role
from dragoman.lang import available_languages, registered_resources
from dragoman.model import EntityType, MentionKind


def test_every_kb_file_has_a_schema_and_validates() -> None:
    files = data_files()
    assert set(files) == set(FILES), "a kb/data file without a schema (or a schema without a file)"
    for name in files:
        assert isinstance(read_file(name), FILES[name])


def test_unknown_file_is_refused() -> None:
    with pytest.raises(KbError):
        read_file("nonexistent.yaml")


def test_every_language_resource_of_ours_validates() -> None:
    for name, schema in RESOURCES.items():
        assert registered_resources()[name] is schema
    for lang in available_languages():
        demonyms(lang)
        titles(lang)
        policy(lang)
    assert titles("he") is not None and titles("ar") is not None and titles("en") is not None


def test_schemas_forbid_unknown_keys() -> None:
    with pytest.raises(ValidationError):
        Actor.model_validate({"id": "person:x", "type": "PERSON", "canonical": "X", "nmes": {}})
    with pytest.raises(ValidationError):
        Role.model_validate({"role": "president", "of": "country:US", "start": "2025/01/20"})


def test_every_entry_loads_with_names() -> None:
    kb = load_kb()
    named = {n.kb_id for n in kb.names}
    for rec in kb.records.values():
        assert rec.id in named, f"{rec.id} has no names"
        assert rec.canonical
    qids = [r.qid for r in kb.records.values() if r.qid]
    assert len(qids) == len(set(qids)), "two actors share a QID"


def test_role_keys_are_shared_with_titles() -> None:
    kb = load_kb()
    held = {r.role for rec in kb.records.values() for r in rec.roles}
    for lang in ("ar", "he", "en"):
        t = titles(lang)
        assert t is not None
        for title in t.titles:
            assert title.role in held, f"{lang} title role {title.role!r} is held by nobody in the KB"
            if title.default_of:
                assert title.default_of in kb.records


def test_countries_in_three_scripts_and_nisbas() -> None:
    kb = load_kb()
    forms = {(n.lang, n.text, n.kind) for n in kb.names if n.kb_id == "country:IL"}
    assert ("ar", "إسرائيل", MentionKind.NAME) in forms
    assert ("he", "ישראל", MentionKind.NAME) in forms
    assert ("ar", "الكيان الصهيوني", MentionKind.ALIAS) in forms
    nisba = {n.text for n in kb.names if n.kb_id == "country:AZ" and n.kind is MentionKind.NISBA}
    assert {"اذربيجاني", "اذري", "אזרי", "אזרים", "azerbaijani"} <= nisba  # folded; generated and curated
    assert kb.records["country:AZ"].type is EntityType.GPE
    metonyms = {n.text for n in kb.names if n.kb_id == "country:AZ" and n.kind is MentionKind.METONYM}
    assert {"باكو", "באקו", "Baku"} <= metonyms


def test_disk_cache_round_trips_and_can_be_disabled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dragoman.kb.cache import cached
    from dragoman.kb.loader import build_kb

    monkeypatch.setenv("DRAGOMAN_CACHE", str(tmp_path))
    built = cached("kb", build_kb)
    (entry,) = tmp_path.glob("kb-*.pickle")
    again = cached("kb", lambda: pytest.fail("the cache was not used"))
    assert again.records == built.records and len(again.names) == len(built.names)
    entry.write_bytes(b"not a pickle")  # a damaged entry is rebuilt, not fatal
    assert cached("kb", build_kb).records.keys() == built.records.keys()
    monkeypatch.setenv("DRAGOMAN_CACHE", "off")
    assert cached("kb", lambda: "fresh") == "fresh"
