"""A change to a fact file as a value: what a screen hands the app to write (`tui.ui.edit_service`).

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

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import msgspec

from tui.facts.edit import change
from tui.facts.edit.change import ChangeError
from tui.facts.edit.values import Assignment, field_types, without_none
from tui.facts.index import FactBase
from tui.facts.model import TYPE_BY_KIND, Bilingual, Dated


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
    renamed: tuple[str, str] | None = None
    """(old id, new id) when the change renames an entity: the history and trail follow it."""


@dataclass(frozen=True)
class Change:
    """One change written to the file (by `tui.ui.edit_service`): its whole text before and after."""

    path: Path
    before: str
    after: str
    entity_ids: tuple[str, ...] = ()
    """The entities whose blocks changed with their ids kept (for the fast check); () checks the
    whole text."""
    summary: str = ""
    """What changed, in a line: 'lvis.founded = 2014'."""
    select: str | None = None
    """The entity to show once it is written (and once it is undone or redone)."""


@dataclass(frozen=True)
class Refused:
    """What `FactsApp.save` gives back when nothing was written: why, in the user's words
    (`facts-tui check`'s report for a change that would make the file invalid)."""

    reason: str


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


def required_fields(kind: str) -> list[str]:
    """The fields a new entity of `kind` cannot do without, as paths to type (a name in two
    languages is two paths): what the new-entity form asks for besides the id and its source.
    An agreement or event needs a date or, when the source gives none, a note saying so: both
    are asked for, either will do."""
    paths: list[str] = []
    entity_type = TYPE_BY_KIND[kind]
    for item in msgspec.structs.fields(entity_type):
        if item.required and item.name not in ("id", "provenance"):
            if without_none(field_types(entity_type)[item.name]) is Bilingual:
                paths += [f"{item.name}.ko", f"{item.name}.en"]
            else:
                paths.append(item.name)
    if issubclass(entity_type, Dated):  # a date, or a date_note saying the source gives none
        paths += ["date", "date_note.en"]
    return paths


def suggest_id(facts: FactBase, kind: str, english_name: str) -> str:
    """An id for a new entity: its English name as a slug ('Daegu Digital Bridge' →
    'daegu-digital-bridge'), made unique with -2, -3…; the kind's name when there is no name."""
    slug = re.sub(r"[^a-z0-9]+", "-", english_name.lower()).strip("-")[:70].strip("-") or kind
    candidate, n = slug, 2
    while candidate in facts:
        candidate, n = f"{slug}-{n}", n + 1
    return candidate


def new_entity_values(
    entity_id: str, assignments: Sequence[Assignment], source: str | None, paragraph: int
) -> dict[str, Any]:
    """A new entity's values as `add_entity` takes them: its id, the typed fields, and where it
    comes from (no source: a source entity, which cites none)."""
    values: dict[str, Any] = {"id": entity_id}
    for assignment in assignments:
        for path, item in ((assignment.path, assignment.value), *assignment.also):
            if item is None or item == "day":  # nothing typed; the default precision
                continue
            target = values
            for part in path[:-1]:
                target = target.setdefault(str(part), {})
            target[str(path[-1])] = item
    if source is not None:
        values["provenance"] = [{"source": source, "paragraph": paragraph}]
    return values


def rename_entity(old: str, new: str, summary: str) -> PlannedChange:
    """The entity `old` called `new`; every reference to it follows."""

    def plan(text: str, facts: FactBase) -> str:
        taken = facts.get(new)
        if taken is not None and new != old:
            raise ChangeError(f"the id '{new}' is taken (by a {taken.KIND}); choose another")
        return change.rename(text, old, new, [link.entity.id for link in facts.backlinks(old)])

    return PlannedChange(plan, (), summary, select=new, renamed=(old, new))


def referrers(facts: FactBase, entity_id: str) -> list[str]:
    """The other entities that refer to `entity_id`, sorted: what `facts-tui rm` names, what the
    explorer's delete dialog lists, and what a cascade removes the references from."""
    return sorted({link.entity.id for link in facts.backlinks(entity_id)} - {entity_id})


def remove_entity(
    entity_id: str, cascade: bool, summary: str, listed: Sequence[str] | None = None
) -> PlannedChange:
    """The entity removed; with `cascade` the references to it too, else refused while there are
    any. `listed`: the referrers the user was shown; if others refer to it by the time the change
    is planned (the file changed meanwhile), it is refused rather than reaching further."""

    def plan(text: str, facts: FactBase) -> str:
        others = referrers(facts, entity_id)
        if others and not cascade:
            raise ChangeError(f"{entity_id} is referred to by {', '.join(others)}")
        if listed is not None and set(others) - set(listed):
            new = ", ".join(sorted(set(others) - set(listed)))
            raise ChangeError(f"{entity_id} is now also referred to by {new}; nothing was removed")
        return change.remove(text, entity_id, others)

    return PlannedChange(plan, (), summary)
