"""The edit form as data: which inputs an entity's form has, and what the typed texts would write.

`form_groups(kind)` builds the form from the field table (`tui.facts.fields.KINDS`): one group per
field the file can hold, in the table's order, each with its inputs (`Slot`s). A field's parts go
with it (a date with its note and time; its precision is read from how the date is typed), a
bilingual text has a Korean and an English input, a list (aliases, goals, references, roles,
commitments, investments, figures) has rows that can be added and removed.

`Draft` is what the form holds: the text of every input, by dotted path with the row's place
(`roles.1.title.en`), and where each list's rows came from. `evaluate(facts, entity, draft)` reads
the draft as `facts-tui set` reads a value (`values.parse`: `760억`, `2024-09`, `330000 m2`),
checks the entity it would make with the loader's own rules and words (`load.entity_problems`, the
same as `check`) and gives the problems by input and the field changes to write, with the fields
they touch (for the citation). `apply(text, entity, outcome, citation)` writes them and the
citation as ONE change of the file's text. No Rich or Textual here.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import msgspec

from tui.facts.edit.change import change_entity
from tui.facts.edit.form import typed_text
from tui.facts.edit.values import Assignment, FieldError, parse
from tui.facts.fields import KINDS, Field
from tui.facts.index import FactBase
from tui.facts.load import entity_problems
from tui.facts.messages import msg, said
from tui.facts.model import Entity, Language, Source
from tui.facts.problems import Found

InputType = Literal[
    "line",  # one line of text
    "prose",  # several lines (a summary)
    "choice",  # one of `choices`
    "ref",  # an id of an entity of `kinds`, picked
    "money",  # `760억`, `76 billion`, `76,000,000,000 KRW`
    "date",  # `2023-03-07`, `2024-09`, `2023`
    "time",  # `03:00`
    "number",  # a whole number (a year, a count)
    "quantity",  # `330000 m2`
    "period",  # `2023-2028`
]


@dataclass(frozen=True)
class Slot:
    """One input: its path inside the entity (inside a row, for a list's rows), how it is typed,
    the kinds a reference may name and the values a choice may take."""

    path: str
    input: InputType
    kinds: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()

    @property
    def language(self) -> str:
        """'ko' or 'en' for one language of a bilingual text, else ''."""
        last = self.path.rsplit(".", 1)[-1]
        return last if last in ("ko", "en") else ""


@dataclass(frozen=True)
class Group:
    """One field of the kind in the form: its inputs, or, for a list, the inputs of each row
    (paths relative to the row; "" is the row's value itself)."""

    field: Field
    slots: tuple[Slot, ...]
    is_list: bool = False

    @property
    def key(self) -> str:
        return self.field.key


def _bilingual(path: str, input: InputType = "line") -> tuple[Slot, ...]:
    return (Slot(f"{path}.ko", input), Slot(f"{path}.en", input))


_ORG = ("organization",)
_RECORDS: dict[str, tuple[Slot, ...]] = {
    # the inputs of one row of a list of records, by the field type of tui.facts.fields
    "roles": (
        Slot("organization", "ref", _ORG),
        *_bilingual("title"),
        Slot("since", "number"),
        Slot("until", "number"),
    ),
    "commitments": (Slot("party", "ref", _ORG), *_bilingual("text")),
    "investments": (
        Slot("by", "ref", _ORG),
        Slot("money", "money"),
        Slot("due", "date"),
        *_bilingual("purpose"),
        *_bilingual("place"),
    ),
    "quantities": (Slot("", "quantity"), *_bilingual("label")),
    "bilingual_list": (Slot("ko", "line"), Slot("en", "line")),
    "texts": (Slot("", "line"),),
    "tags": (Slot("", "line"),),
}


def form_groups(kind: str) -> tuple[Group, ...]:
    """Every field of `kind` the form edits, in the field table's order, with its inputs. The id
    is renamed instead (every reference follows); provenance is added by the citation."""
    table = KINDS[kind]
    groups: list[Group] = []
    for f in table.fields:
        if f.part_of or f.type in ("id", "provenance"):
            continue
        key = f.key
        match f.type:
            case "kind" | "choice":
                groups.append(Group(f, (Slot(key, "choice", choices=table.choices(key)),)))
            case "text" | "url":
                groups.append(Group(f, (Slot(key, "line"),)))
            case "bilingual":
                groups.append(Group(f, _bilingual(key)))
            case "prose":
                groups.append(Group(f, _bilingual(key, "prose")))
            case "ref":
                groups.append(Group(f, (Slot(key, "ref", f.kinds),)))
            case "refs":
                groups.append(Group(f, (Slot("", "ref", f.kinds),), is_list=True))
            case "money" | "period" | "quantity":
                slots: tuple[Slot, ...] = (Slot(key, f.type),)
                if f.type == "quantity":
                    slots += _bilingual(f"{key}.label")
                groups.append(Group(f, slots))
            case "year" | "count":
                groups.append(Group(f, (Slot(key, "number"),)))
            case "date":
                slots = (Slot(key, "date"),)
                if f.time:
                    slots += (Slot(f.time, "time"),)
                if f.note:
                    slots += _bilingual(f.note)
                groups.append(Group(f, slots))
            case "valuation":
                groups.append(Group(f, (Slot(f"{key}.money", "money"), Slot(f"{key}.as_of", "number"))))
            case "quote":
                slots = (Slot(f"{key}.text", "line"), Slot(f"{key}.speaker", "ref", f.kinds))
                groups.append(Group(f, slots + _bilingual(f"{key}.speaker_note")))
            case _:
                groups.append(Group(f, _RECORDS[f.type], is_list=True))
    return tuple(groups)


# -- the draft: what is typed ----------------------------------------------------------------------


@dataclass(frozen=True)
class Draft:
    """The form's inputs: `texts` by path (a list's rows by their place now: `roles.1.since`), and
    for each list the index each row had in the entity (None for a row added in the form)."""

    texts: Mapping[str, str]
    rows: Mapping[str, tuple[int | None, ...]] = field(default_factory=dict)


def row_path(key: str, n: int, slot: Slot) -> str:
    """The path of a row's input: `aliases.2`, `roles.0.title.ko`."""
    return f"{key}.{n}.{slot.path}" if slot.path else f"{key}.{n}"


def initial_draft(entity: Entity) -> Draft:
    """The draft of the entity as it is: every input holds its value as one would type it."""
    texts: dict[str, str] = {}
    rows: dict[str, tuple[int | None, ...]] = {}
    for group in form_groups(entity.KIND):
        if group.is_list:
            items = getattr(entity, group.key)
            rows[group.key] = tuple(range(len(items)))
            for n, item in enumerate(items):
                for slot in group.slots:
                    texts[row_path(group.key, n, slot)] = _text_at(item, slot.path)
        else:
            for slot in group.slots:
                texts[slot.path] = _text_at(entity, slot.path)
    return Draft(texts, rows)


def _text_at(value: Any, path: str) -> str:
    """The value at `path` inside `value` as one would type it back."""
    owner = None
    name = ""
    for part in path.split(".") if path else ():
        owner, name = value, part
        value = getattr(value, part, None) if value is not None else None
    if value == 0 and name == "paragraphs":
        return ""  # a source's paragraph count left unknown (0) is an empty input, not "0"
    return typed_text(value, owner, name)


# -- reading a draft --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    """What a draft would write: the field changes, the fields they touch (for the citation) and
    the problems by input path (a problem no input owns is under its field's key, or "")."""

    changes: tuple[Assignment, ...]
    fields: tuple[str, ...]
    problems: Mapping[str, tuple[str, ...]]
    row: dict[str, Any]
    """The entity's table as it would be written."""

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def changed(self) -> bool:
        return bool(self.changes)


def evaluate(facts: FactBase, entity: Entity, draft: Draft, lang: Language = "en") -> Outcome:
    """Read every input of `draft`, check the entity it makes as `check` would, and say what changes
    (the problems in `lang`, in `check`'s words)."""
    entity_type = type(entity)
    before = _pruned(_raw(entity))
    after = copy.deepcopy(before)
    initial = initial_draft(entity)
    problems: dict[str, list[str]] = {}

    def put(path: str, text: str) -> None:
        try:
            assignment = parse(entity_type, path, text)
        except FieldError as error:
            problems.setdefault(path, []).append(str(error).removeprefix(f"{path}: "))
            return
        _put(after, assignment.path, assignment.value)
        last = assignment.path[-1]
        if assignment.value is None and last in ("date", "due"):  # no date, no precision of it
            _put(after, (*assignment.path[:-1], f"{last}_precision"), None)
        for also, value in assignment.also:
            _put(after, also, value)

    for group in form_groups(entity.KIND):
        if group.is_list:
            order = draft.rows.get(group.key, ())
            old = before.get(group.key, [])
            items = [
                copy.deepcopy(old[i]) if i is not None and i < len(old) else _blank(group) for i in order
            ]
            after[group.key] = items
            for n, was in enumerate(order):
                for slot in group.slots:
                    path = row_path(group.key, n, slot)
                    text = draft.texts.get(path, "")
                    start = initial.texts.get(row_path(group.key, was, slot), "") if was is not None else ""
                    if text != start:
                        put(path, text)
        else:
            for slot in group.slots:
                text = draft.texts.get(slot.path, "")
                if text != initial.texts.get(slot.path, ""):
                    put(slot.path, text)
    after = _pruned(after)
    for found in entity_problems(after, entity_type, _KindOf(facts)):
        where = ".".join(str(p) for p in found.path[2:])
        text = said(found.message, lang)  # as `check` says it
        if found.hint:
            text += "\n" + msg("problem.hint", lang, hint=said(found.hint, lang))
        problems.setdefault(_owner(where, found, draft), []).append(text)
    changes = tuple(_changes(before, after, ()))
    touched = tuple(dict.fromkeys(_whole(entity.KIND, str(c.path[0])) for c in changes))
    return Outcome(changes, touched, {k: tuple(v) for k, v in problems.items()}, after)


def _blank(group: Group) -> Any:
    """A new row before anything is typed in it: a record, or an empty value."""
    return {} if any(s.path for s in group.slots) else ""


def _owner(where: str, found: Found, draft: Draft) -> str:
    """The input a problem at `where` belongs to: the longest path of the draft it starts with; a
    reference's problem belongs to the input holding the id (`found.needle`) under its key."""
    if not where and found.near:
        holders = [
            path
            for path, text in draft.texts.items()
            if (path == found.near or path.startswith(f"{found.near}.")) and text.strip() == found.needle
        ]
        where = holders[0] if holders else found.near
    while where:
        if where in draft.texts:
            return where
        if "." not in where:
            return where
        where = where.rsplit(".", 1)[0]
    return ""


def _whole(kind: str, key: str) -> str:
    """The field a key is shown in: `date_precision` → `date` (a citation names the whole)."""
    for f in KINDS[kind].fields:
        if f.key == key:
            return f.part_of or key
    return key


class _KindOf(Mapping[str, str]):
    """The fact base's ids → their kinds, as the loader's reference check reads them."""

    def __init__(self, facts: FactBase) -> None:
        self.facts = facts

    def __getitem__(self, entity_id: str) -> str:
        entity = self.facts.get(entity_id)
        if entity is None:
            raise KeyError(entity_id)
        return entity.KIND

    def __iter__(self) -> Iterator[str]:
        return (e.id for e in self.facts)

    def __len__(self) -> int:
        return len(self.facts)


# -- tables as the file holds them -------------------------------------------------------------------


def _raw(entity: Entity) -> dict[str, Any]:
    """The entity as a TOML table: money as { amount, currency }, dates as dates."""
    return msgspec.to_builtins(entity, builtin_types=(dt.date, dt.time))


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == {} or value == []


def _pruned(value: Any) -> Any:
    """`value` without what a file leaves out: empty texts, tables and lists, day precision."""
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            item = _pruned(item)
            if _empty(item) or (key in ("date_precision", "due_precision") and item == "day"):
                continue
            out[key] = item
        return out
    if isinstance(value, list | tuple):
        return [_pruned(v) for v in value if v is not None and v != ""]  # an empty row of texts or ids
    return value


def _put(table: dict[str, Any], path: Sequence[str | int], value: Any) -> None:
    container: Any = table
    for n, part in enumerate(path[:-1]):
        if isinstance(part, int):
            container = container[part]
            continue
        if not isinstance(container.get(part), dict | list):
            if value is None:
                return
            container[part] = [] if isinstance(path[n + 1], int) else {}
        container = container[part]
    last = path[-1]
    if isinstance(last, int):
        container[last] = "" if value is None else value
    elif value is None:
        container.pop(last, None)
    elif isinstance(value, dict) and isinstance(container.get(last), dict) and "unit" in value:
        container[last] = {**container[last], **value}  # a quantity typed again keeps its label
    else:
        container[last] = value


def _changes(before: Any, after: Any, path: tuple[str | int, ...]) -> Iterator[Assignment]:
    """The assignments that turn table `before` into `after`: part by part where both are tables
    (or lists of tables of the same length), so the file keeps its layout around the change."""
    for key in dict.fromkeys([*before, *after]):
        old, new = before.get(key), after.get(key)
        if old == new:
            continue
        here = (*path, key)
        if isinstance(old, dict) and isinstance(new, dict) and not _whole_value(new):
            yield from _changes(old, new, here)
        elif (
            isinstance(old, list)
            and isinstance(new, list)
            and len(old) == len(new)
            and all(isinstance(v, dict) for v in [*old, *new])
        ):
            for n, (o, w) in enumerate(zip(old, new, strict=True)):
                if o != w:
                    yield from _changes(o, w, (*here, n))
        else:
            yield Assignment(here, new)


def _whole_value(table: dict[str, Any]) -> bool:
    """Money and periods are written whole: `{ amount = …, currency = "KRW" }`."""
    return set(table) <= {"amount", "currency"} or set(table) <= {"start", "end"}


# -- the citation and the one change ------------------------------------------------------------------


@dataclass(frozen=True)
class Citation:
    """Where the changed facts come from: a source, its paragraph, optionally its exact words."""

    source: str
    paragraph: int
    quote: str = ""

    def entry(self, fields: Sequence[str]) -> dict[str, Any]:
        """The provenance entry naming `fields`, as the file writes it."""
        entry: dict[str, Any] = {"source": self.source, "paragraph": self.paragraph}
        if fields:
            entry["fields"] = list(fields)
        if self.quote:
            entry["quote"] = self.quote
        return entry


def needs_citation(kind: str) -> bool:
    """Whether a changed fact of `kind` must cite a source (a source is itself the citation)."""
    return any(f.type == "provenance" for f in KINDS[kind].fields)


def apply(text: str, entity: Entity, outcome: Outcome, citation: Citation | None) -> str:
    """`text` with the outcome's changes and the citation's provenance entry: one change."""
    appended: dict[str, Any] = {}
    if citation is not None:
        appended["provenance"] = citation.entry(outcome.fields)
    return change_entity(text, entity.id, outcome.changes, appended)


def citation_problems(facts: FactBase, source: str, paragraph: str) -> dict[str, str]:
    """What is wrong with a citation as typed, by input ('source', 'paragraph'); {} when fine."""
    found: dict[str, str] = {}
    target = facts.get(source.strip())
    if not source.strip():
        found["source"] = "form.source_missing"
    elif target is None or target.KIND != "source":
        found["source"] = "form.source_unknown"
    text = paragraph.strip()
    if not text.isdigit():
        found["paragraph"] = "form.paragraph_missing"
    elif isinstance(target, Source) and target.paragraphs and int(text) > target.paragraphs:
        found["paragraph"] = "form.paragraph_beyond"
    return found
