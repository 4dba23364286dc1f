"""Per-language knowledge as validated data files.

Each language is a folder ``lang/data/<code>/`` of YAML files, one per
resource (``morphology.yaml``, ``months.yaml``...).  The module that uses a
resource declares its schema with ``register_resource``; the loader
validates every file against it, and a file with no registered schema is an
error, so nothing in a folder is silently ignored.  Adding a language means
adding a folder, not editing code.
"""

from dragoman.lang.loader import (
    LanguageDataError,
    available_languages,
    load_resource,
    register_resource,
    registered_resources,
    resource_for_all,
)

__all__ = [
    "LanguageDataError",
    "available_languages",
    "load_resource",
    "register_resource",
    "registered_resources",
    "resource_for_all",
]
