"""Entity linking: mentions grouped into the article's entities, KB actors by id, others by name."""

from dragoman.kb.names import name_key
from dragoman.link.linker import Linker, LinkOptions
from dragoman.link.rules import GlossPrefix, LinkingData

__all__ = ["GlossPrefix", "LinkOptions", "Linker", "LinkingData", "name_key"]
