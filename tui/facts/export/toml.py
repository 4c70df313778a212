"""A whole fact file written as TOML, in the style of the bundled `facts.toml`.

For files made by a program (`facts-tui import`): `[meta]`, then one `[[table]]` per entity,
keys in the field table's order (`tui.facts.fields.KINDS`: id, kind, name … provenance), values as the edit commands write them (`edit.change.toml_value`:
inline tables, arrays on one line), an array of tables (provenance, roles …) one entry per line.
Fields at their default are left out. What it writes loads back to the same `FactFile`
(tests/facts/test_ftm_roundtrip.py).
"""

from __future__ import annotations

from typing import Any

import msgspec

from tui.facts.edit.change import toml_value
from tui.facts.fields import KINDS
from tui.facts.model import Entity, FactFile, Record

_TABLES = tuple(f.encode_name for f in msgspec.structs.fields(FactFile) if f.name != "meta")
"""The tables in the model's order (sources first), as files list them."""


def to_toml(facts: FactFile) -> str:
    """The file as TOML text (a trailing newline; no comments)."""
    parts = ["[meta]\n", *_body(facts.meta)]
    for table in _TABLES:
        for entity in getattr(facts, table):
            parts.append(f"\n[[{table}]]\n")
            parts.extend(_body(entity))
    return "".join(parts)


def _body(record: Record) -> list[str]:
    # Every key of the model is a bare key (lower case and '_'): none needs quoting.
    lines = []
    plain = _plain(record)
    if isinstance(record, Entity):
        order = {f.key: i for i, f in enumerate(KINDS[record.KIND].fields)}
        plain = dict(sorted(plain.items(), key=lambda item: order.get(item[0], len(order))))
    for key, value in plain.items():
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            items = "".join(f"  {toml_value(v)},\n" for v in value)
            lines.append(f"{key} = [\n{items}]\n")
        else:
            lines.append(f"{key} = {toml_value(value)}\n")
    return lines


def _plain(record: Record) -> dict[str, Any]:
    """The record's fields that differ from their defaults, records inside as dicts, tuples as lists."""
    out: dict[str, Any] = {}
    for f in msgspec.structs.fields(record):
        value = getattr(record, f.name)
        if value is None or (f.default is not msgspec.NODEFAULT and value == f.default):
            continue
        out[f.encode_name] = _value(value)
    return out


def _value(value: Any) -> Any:
    if isinstance(value, Record):
        return _plain(value)
    if isinstance(value, tuple):
        return [_value(v) for v in value]
    return value
