"""A change to a fact file as a value: what a screen hands the app to write (`tui.edit_service`).

A `PlannedChange` holds a function from the file's text (and the fact base loaded from it) to the
new text, so the same change can be planned again on a newer text: after a conflict the file is
loaded again and the change applied to what is on disk now. Planning touches no file; reading,
checking and writing are the service's. The constructors below cover what the explorer changes:

    set_fields("lvis", [parse(Organization, "founded", "2014")], "lvis.founded = 2014")
    add_entity("organization", {"id": "acme", "name": {"en": "Acme"}, ...}, "added acme")
    rename_entity("dip", "daegu-dip", "renamed dip to daegu-dip")
    remove_entity("dip", cascade=True, summary="removed dip")

A plan raises ChangeError or FieldError when the change cannot be made to the text it is given
(an id taken, an entity referred to and no cascade); nothing is written then.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from tui.facts.edit import change
from tui.facts.edit.change import ChangeError
from tui.facts.edit.values import Assignment
from tui.facts.index import FactBase


@dataclass(frozen=True)
class PlannedChange:
    """A change not yet written: `plan(text, facts)` gives the file's new text."""

    plan: Callable[[str, FactBase], str]
    entity_ids: tuple[str, ...]
    """The entities whose blocks the change rewrites with their ids kept: only those are checked
    again (the fast check); () has the whole new text checked, as after an add, rename or remove."""
    summary: str
    """What changes, in a line, in the user's language: the toasts and the undo say it."""
    select: str | None = None
    """The entity to show once the change is written (None: stay where you are)."""


def set_fields(entity_id: str, assignments: Sequence[Assignment], summary: str) -> PlannedChange:
    """Set (or remove, for a None value) fields of one entity; the entity stays selected."""

    def plan(text: str, facts: FactBase) -> str:
        for assignment in assignments:
            text = change.set_field(text, entity_id, assignment)
        return text

    return PlannedChange(plan, (entity_id,), summary, select=entity_id)


def add_entity(kind: str, values: dict[str, Any], summary: str) -> PlannedChange:
    """A new entity of `kind` (its `values` as the file holds them, `id` first), then selected."""
    entity_id = str(values["id"])

    def plan(text: str, facts: FactBase) -> str:
        taken = facts.get(entity_id)
        if taken is not None:
            raise ChangeError(f"the id '{entity_id}' is taken (by a {taken.KIND}); choose another")
        return change.add_entity(text, kind, values)

    return PlannedChange(plan, (), summary, select=entity_id)


def rename_entity(old: str, new: str, summary: str) -> PlannedChange:
    """The entity `old` called `new`; every reference to it follows."""

    def plan(text: str, facts: FactBase) -> str:
        taken = facts.get(new)
        if taken is not None and new != old:
            raise ChangeError(f"the id '{new}' is taken (by a {taken.KIND}); choose another")
        return change.rename(text, old, new, [link.entity.id for link in facts.backlinks(old)])

    return PlannedChange(plan, (), summary, select=new)


def referrers(facts: FactBase, entity_id: str) -> list[str]:
    """The other entities that refer to `entity_id`, sorted: what `facts-tui rm` names, what the
    explorer's delete dialog lists, and what a cascade removes the references from."""
    return sorted({link.entity.id for link in facts.backlinks(entity_id)} - {entity_id})


def remove_entity(entity_id: str, cascade: bool, summary: str) -> PlannedChange:
    """The entity removed; with `cascade` the references to it too, else refused while there are any."""

    def plan(text: str, facts: FactBase) -> str:
        others = referrers(facts, entity_id)
        if others and not cascade:
            raise ChangeError(f"{entity_id} is referred to by {', '.join(others)}")
        return change.remove(text, entity_id, others)

    return PlannedChange(plan, (), summary)
