"""The fact base as a library: load a fact file, look things up, follow links. No Textual here."""

from tui.facts.index import FactBase, Link
from tui.facts.load import FactFileError, Problem, load, loads
from tui.facts.model import ENTITY_KINDS, Entity

__all__ = ["ENTITY_KINDS", "Entity", "FactBase", "FactFileError", "Link", "Problem", "load", "loads"]
