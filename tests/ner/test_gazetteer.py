"""Gazetteer matching on hand-made tables (no shipped data needed)."""

from __future__ import annotations

from dragoman.ner import gazetteer


def test_longest_match_first_with_stripped_first_token() -> None:
    table = {("الولايات", "المتحده"): "country", ("المتحده",): "city", ("بغداد",): "city"}
    # token 0 may match through a stem (والولايات -> الولايات); later tokens as written
    forms = [("والولايات", "الولايات"), ("المتحده",), ("و",), ("لبغداد", "بغداد")]
    assert gazetteer.match(forms, table, gazetteer.max_len(table)) == [(0, 2, "country"), (3, 4, "city")]


def test_no_match_across_unmatched_tokens() -> None:
    table = {("ארצות", "הברית"): "country"}
    assert gazetteer.match([("ארצות",), ("של",), ("הברית",)], table, 2) == []


def test_variants_drop_geresh_and_space_hyphens() -> None:
    v = gazetteer._variants({"ג'ורג'", "בית-לחם"})
    assert "גורג" in v and "ג'ורג'" in v
    assert "בית - לחם" in v


def test_shipped_gazetteer_has_every_language_and_kind() -> None:
    data = gazetteer.load()
    for lang in ("ar", "he", "en"):
        kinds = set(data[lang].values())
        assert {"country", "city"} <= kinds
    assert data["he"][("ירושלים",)] == "city"
    assert data["ar"][("مصر",)] == "country"


def test_precomputed_reaches_give_the_same_matches() -> None:
    # The featurizer memoises each word's reach; passing it must not change what matches.
    table = {("new", "york"): "city", ("york",): "town", ("new", "york", "city"): "city", ("amman",): "city"}
    forms = [("in",), ("new",), ("york", "ork"), ("city",), ("and",), ("wamman", "amman"), ("new",)]
    reaches = [gazetteer.reach(f, table) for f in forms]
    assert reaches == [0, 3, 1, 0, 0, 1, 3]
    assert gazetteer.match(forms, table, 3, reaches) == gazetteer.match(forms, table, 3)
    assert gazetteer.match(forms, table, 3) == [(1, 4, "city"), (5, 6, "city")]


def test_precomputed_one_token_kinds_give_the_same_matches() -> None:
    # The featurizer memoises each word's one-token entry too; the first form that is one wins.
    table = {("new", "york"): "city", ("york",): "town", ("ork",): "river", ("amman",): "city", ("new",): "adj"}
    forms = [("in",), ("new",), ("york", "ork"), ("wamman", "amman"), ("new",), ("",), ("ork", "york")]
    singles = [gazetteer.single(f, table) for f in forms]
    assert singles == [None, "adj", "town", "city", "adj", None, "river"]
    reaches = [gazetteer.reach(f, table) for f in forms]
    expected = [(1, 3, "city"), (3, 4, "city"), (4, 5, "adj"), (6, 7, "river")]
    assert gazetteer.match(forms, table, 2) == expected
    assert gazetteer.match(forms, table, 2, reaches, singles) == expected
