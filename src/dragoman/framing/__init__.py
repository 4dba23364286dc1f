"""Framing by outlet: who published an article, how it names each actor, its loaded wording,
whom it lets speak, and its stance toward the key actors, per article and per outlet.

Pure functions over annotated ``Article`` objects (docs/framing.md):

* ``frame_article(article)`` -> ``ArticleFraming`` (outlet, names, markers, sourcing, stance);
* ``profile`` / ``merge`` -> per-outlet ``OutletProfile``, mergeable in any order;
* ``framing_report(articles)`` -> the JSON ``dragoman framing --format json`` prints.

Language knowledge is data: ``lang/data/<code>/framing.yaml`` (loaded wording),
``framing/data/outlets.yaml`` (outlet registry), ``sides.yaml`` and ``sourcing.yaml``.
"""

from __future__ import annotations

from dragoman.framing.article import ArticleFraming, frame_article
from dragoman.framing.markers import Marker, find_markers
from dragoman.framing.naming import name_counts, top_name
from dragoman.framing.outlets import Outlet, OutletMatch, OutletRegistry, identify_outlet, registry
from dragoman.framing.profile import (
    OutletProfile,
    empty,
    merge,
    negate,
    outlet_json,
    outlet_profiles,
    profile,
)
from dragoman.framing.report import SCHEMA_VERSION, framing_report, report_of, schema, validate
from dragoman.framing.sourcing import Sourcing, sourcing_profile
from dragoman.framing.stance import ArticleStance, Decision, Stance, bias_label

__all__ = [
    "SCHEMA_VERSION",
    "ArticleFraming",
    "ArticleStance",
    "Decision",
    "Marker",
    "Outlet",
    "OutletMatch",
    "OutletProfile",
    "OutletRegistry",
    "Sourcing",
    "Stance",
    "bias_label",
    "empty",
    "find_markers",
    "frame_article",
    "framing_report",
    "identify_outlet",
    "merge",
    "name_counts",
    "negate",
    "outlet_json",
    "outlet_profiles",
    "profile",
    "registry",
    "report_of",
    "schema",
    "sourcing_profile",
    "top_name",
    "validate",
]
