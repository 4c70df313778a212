"""A whole fact file written as TOML, in the style of the bundled `facts.toml`.

For files made by a program (`facts-tui import`): `[meta]`, then one `[[table]]` per entity,
keys in the field table's order (`tui.facts.fields.KINDS`: id, kind, name … provenance), values as
the edit commands write them (`edit.change.toml_value`: inline tables with spaces, arrays on one
line), an array of tables (provenance, roles …) one entry per line. Fields at their default are left
out. What it writes loads back to the same `FactFile` (tests/facts/test_ftm_roundtrip.py).

The records are written directly rather than turned into dicts for `toml_value` first: at 100,000
entities that detour (and `msgspec.structs.fields`, which re-reads a class's annotations on every
call) cost more than the rest of an import. Each class's keys, order and defaults are read once
(`_plan`); strings are quoted by `toml_value`'s own `basic_string`, every other scalar by
`toml_value` itself; tests/facts/test_export_toml.py proves the output equal to `toml_value`'s.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import msgspec

from tui.facts.edit.change import basic_string, toml_value
from tui.facts.fields import KINDS
from tui.facts.model import Entity, FactFile, Record

_TABLES = tuple(f.encode_name for f in msgspec.structs.fields(FactFile) if f.name != "meta")
"""The tables in the model's order (sources first), as files list them."""

_NONE: Any = msgspec.NODEFAULT
"""A field without a default: always written (unless None)."""


def to_toml(facts: FactFile) -> str:
    """The file as TOML text (a trailing newline; no comments)."""
    parts = ["[meta]\n"]
    _body(facts.meta, parts)
    for table in _TABLES:
        header = f"\n[[{table}]]\n"
        for entity in getattr(facts, table):
            parts.append(header)
            _body(entity, parts)
    return "".join(parts)


@cache
def _plan(cls: type) -> tuple[tuple[str, str, Any], ...]:
    """(attribute, key, default) of each field a record of `cls` writes, in the order it writes
    them: an entity's in its kind's field table order (unknown keys last), else the model's."""
    fields = [
        (f.name, f.encode_name, f.default if f.default_factory is msgspec.NODEFAULT else f.default_factory())
        for f in msgspec.structs.fields(cls)
    ]
    if issubclass(cls, Entity):
        order = {f.key: i for i, f in enumerate(KINDS[cls.KIND].fields)}
        fields.sort(key=lambda field: order.get(field[1], len(order)))
    return tuple(fields)


def _items(record: Record) -> list[tuple[str, Any]]:
    """The record's (key, value) pairs that are not None and differ from their defaults."""
    out = []
    for attr, key, default in _plan(type(record)):
        value = getattr(record, attr)
        if value is None or (default is not _NONE and value == default):
            continue
        out.append((key, value))
    return out


def _body(record: Record, parts: list[str]) -> None:
    # Every key of the model is a bare key (lower case and '_'): none needs quoting.
    for key, value in _items(record):
        if type(value) is tuple and value and all(isinstance(v, Record) for v in value):
            parts.append(f"{key} = [\n")
            parts.extend(f"  {_value(v)},\n" for v in value)
            parts.append("]\n")
        else:
            parts.append(f"{key} = {_value(value)}\n")


def _value(value: Any) -> str:
    """`toml_value` of the value as plain data (a record as the dict of its `_items`)."""
    if type(value) is str:
        return basic_string(value)  # what toml_value writes a one-line string with
    if isinstance(value, Record):
        inner = ", ".join(f"{key} = {_value(v)}" for key, v in _items(value))
        return f"{{ {inner} }}" if inner else "{}"
    if isinstance(value, tuple):
        return "[" + ", ".join([_value(v) for v in value]) + "]"
    return toml_value(value)
