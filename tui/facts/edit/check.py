"""Is a changed text still a valid fact file? Answered fast for a change to one entity, exactly otherwise.

`check_change` first tries the fast way: the changed entity's block alone is parsed, converted and
checked with the loader's own rules (`tui.facts.rules`) and its references are looked up in the fact
base the file had before the change. That answer is kept only when it is certainly what loading the
whole new text would say: the block parses on its own as exactly one entity of its table with the
same id, and every rule passes. Anything else — a problem, a new id, a block this scan cannot read
alone — falls back to loading the whole new text, which also gives the problems, located and
worded as `facts-tui check` words them (tests/facts/test_edit.py checks that the two agree).
"""

from __future__ import annotations

import os

import msgspec
import tomli

from tui.facts.edit.blocks import find
from tui.facts.index import FactBase
from tui.facts.load import _convert, loads
from tui.facts.model import KIND_BY_TABLE
from tui.facts.rules import entity_fine
from tui.facts.sanitize import clean_document, clean_tree


def check_change(before: FactBase, text: str, changed: list[str], path: str) -> FactBase | None:
    """Raise FactFileError if `text` is not a valid fact file. `changed` are the ids whose blocks
    changed (their ids unchanged); returns the new fact base when the whole text was loaded, None
    when the fast check was enough."""
    fast = os.environ.get("FACTS_TUI_EDIT_FULL_CHECK") != "1"  # benchmarks/edit_bench.py compares both
    if fast and changed and all(_entity_still_valid(before, text, entity_id) for entity_id in changed):
        return None
    return loads(text.removeprefix("\ufeff"), path)


def _entity_still_valid(before: FactBase, text: str, entity_id: str) -> bool:
    old = before.get(entity_id)
    block = find(text, entity_id)
    if old is None or block is None or KIND_BY_TABLE.get(block.table) is not type(old):
        return False
    source, needs_deep_clean = clean_document(block.text(text))
    try:
        data = tomli.loads(source)
    except tomli.TOMLDecodeError:
        return False
    rows = data.get(block.table)
    if set(data) != {block.table} or not isinstance(rows, list) or len(rows) != 1:
        return False
    row = clean_tree(rows[0]) if needs_deep_clean else rows[0]
    try:
        entity = _convert(row, type(old))
    except (msgspec.ValidationError, ValueError):
        return False
    if entity.id != entity_id:
        return False
    for reference in entity.references():
        target = before.get(reference.target)
        if target is None or target.KIND not in reference.kinds:
            return False
    return entity_fine(entity)
