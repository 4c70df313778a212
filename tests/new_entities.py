"""A new entity of any kind with the fields its kind requires, as the new-entity dialog writes one:
for the tests that add entities through the edit library (the edit service's, the rebuild's)."""

from __future__ import annotations

from typing import Any

from tui.facts import FactBase
from tui.facts.edit.plan import new_entity_values, required_fields, suggest_id
from tui.facts.edit.values import parse
from tui.facts.model import TYPE_BY_KIND


def new_entity(facts: FactBase, kind: str) -> tuple[str, dict[str, Any]]:
    """(its suggested id, its values): every required field filled, citing the file's first source."""
    typed = [parse(TYPE_BY_KIND[kind], path, _value(kind, path, facts)) for path in required_fields(kind)]
    new_id = suggest_id(facts, kind, "A New One")
    return new_id, new_entity_values(new_id, typed, facts.of_kind("source")[0].id, 1)


def _value(kind: str, path: str, facts: FactBase) -> str:
    """A value a new entity's required field accepts."""
    if path.endswith(".en"):
        return "A New One"
    if path.endswith(".ko"):
        return "새 항목"
    if path == "kind":
        return {"organization": "company", "event": "meeting"}[kind]
    if path == "parties":
        return facts.of_kind("organization")[0].id
    if path in ("published", "date"):
        return "2023-03-07"
    if path == "date_note.en":
        return ""
    raise AssertionError(path)
