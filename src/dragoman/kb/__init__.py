"""The knowledge base: canonical actors, their names in many languages, dated roles.

Data lives in ``kb/data/`` (CLDR-generated country and city names kept
apart from our curated files) and in ``lang/data/<code>/`` (demonyms,
titles, matching policy).  ``load_kb`` merges and validates it once per
process; ``alias_index`` is the per-language lookup the gazetteer uses;
``name_key`` gives a cross-script key for clustering names not in the KB.
See docs/kb.md for the format and how to add an actor.
"""

from dragoman.kb.index import AliasIndex, IndexEntry, alias_index, name_tokens
from dragoman.kb.loader import KbError, KbName, KnowledgeBase, Record, load_kb
from dragoman.kb.names import name_key, romanize, skeleton

__all__ = [
    "AliasIndex",
    "IndexEntry",
    "KbError",
    "KbName",
    "KnowledgeBase",
    "Record",
    "alias_index",
    "load_kb",
    "name_key",
    "name_tokens",
    "romanize",
    "skeleton",
]
