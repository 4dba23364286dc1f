"""Every KB file and language resource loads against its schema, and the data is coherent."""

from __future__ import annotations

import os
import re
import subprocess
import sys
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


_EVIL = """
import pickle, sys
class Evil:
    def __reduce__(self):
        return (open, (sys.argv[1], "w"))
with open(sys.argv[2], "wb") as fh:
    pickle.dump(Evil(), fh)
"""

_LOOKUP = """
import dragoman
art = dragoman.extract(text="Azerbaijan and Israel signed the accord in Baku; Jeyhun Bayramov attended.")
print(sorted(e.id for e in art.entities))
"""


def _run(code: str, cache: Path, *args: str) -> str:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "DRAGOMAN_CACHE": str(cache / "dragoman")}
    done = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_nothing_in_a_cache_folder_is_ever_loaded(tmp_path: Path) -> None:
    # Finding 9: ~/.cache/dragoman/kb-<hash>.pickle had a predictable name and was unpickled
    # unchecked, so a planted file ran code, and a wrong-type one broke every article.
    cache = tmp_path / "cache"
    first = _run(_LOOKUP, cache)
    planted = tmp_path / "planted"
    entries = [p for p in cache.rglob("*") if p.is_file()]
    for entry in entries:  # whatever a run leaves there, an attacker can replace
        _run(_EVIL, cache, str(planted), str(entry))
    assert _run(_LOOKUP, cache) == first
    assert not planted.exists(), "a file in the cache folder was unpickled"
    assert entries == [], f"a run wrote into the user's cache folder: {entries}"


def test_no_module_unpickles_anything() -> None:
    import dragoman

    src = Path(dragoman.__file__).parent
    offenders = [str(p.relative_to(src)) for p in src.rglob("*.py") if re.search(r"\bpickle\.loads?\(", p.read_text("utf-8"))]
    assert offenders == []


def test_language_files_read_the_same_with_the_c_loader() -> None:
    import yaml

    from dragoman.lang.loader import _Loader, _root

    for path in sorted(Path(str(_root())).rglob("*.yaml")):
        text = path.read_text("utf-8")
        assert yaml.load(text, Loader=_Loader) == yaml.safe_load(text), path
