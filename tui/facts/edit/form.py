"""What the explorer's "change a field" form offers and shows: an entity's settable fields with
their values as one would type them, and a typed value read back in words.

`form_fields(entity)` lists every path `values.parse` accepts from text, the items of a list of
records included (`roles.0.title.ko`). `preview(entity_type, path, text, lang)` says what typing
`text` would write — money in both languages, a date with its precision, a quantity as the detail
pane shows it (`330,000 m²`) — or raises FieldError.
No Rich or Textual here.
"""

from __future__ import annotations

import datetime as dt
import re
import typing
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import msgspec

from tui.facts.edit.values import FieldError, field_types, parse, without_none
from tui.facts.messages import msg
from tui.facts.model import Entity, Language, Money, Period, Quantity
from tui.facts.money import format_date, format_money
from tui.facts.text import field_label as part_label
from tui.facts.text import quantity_text

_WHOLE = (Money, Period, Quantity)
"""Records typed as one value (`760억`, `2023-2028`, `330000 m2`) rather than part by part."""
_PRECISIONS = ("date_precision", "due_precision")


@dataclass(frozen=True)
class FormField:
    """One settable field of an entity: its path and its value as text one could type back."""

    path: str
    text: str


def form_fields(entity: Entity) -> list[FormField]:
    """Every field of `entity` the form can set, in the model's order (its id is renamed instead)."""
    found: list[FormField] = []

    def walk(tp: Any, value: Any, prefix: str) -> None:
        for name, hint in _cached_hints(tp).items():
            path = f"{prefix}{name}"
            inner = without_none(hint)
            current = getattr(value, name, None) if value is not None else None
            if path == "id":
                continue
            if isinstance(inner, type) and issubclass(inner, msgspec.Struct) and inner not in _WHOLE:
                walk(inner, current, f"{path}.")
            elif typing.get_origin(inner) is tuple and _is_struct(typing.get_args(inner)[0]):
                for n, item in enumerate(current or ()):
                    walk(typing.get_args(inner)[0], item, f"{path}.{n}.")
            else:
                found.append(FormField(path, typed_text(current, value, name)))

    walk(type(entity), entity, "")
    order = _shown_order(entity.KIND)
    found.sort(key=lambda f: order.get(f.path.split(".")[0], len(order)))  # stable: model order within
    return [f for f in found if _settable(type(entity), f.path)]


def _shown_order(kind: str) -> dict[str, int]:
    """The kind's fields in the order the detail pane shows them (tui.facts.fields), if it has one."""
    try:
        from tui.facts.fields import KINDS
    except ImportError:
        return {}
    kind_fields = KINDS.get(kind)
    return {f.key: n for n, f in enumerate(kind_fields.fields)} if kind_fields else {}


def field_label(path: str, lang: Language) -> str:
    """A path in words, part by part: 'valuation.money' → '기업 가치 › 금액'; 'name.en' → '이름 › 영어'."""
    return " › ".join(part_label(part, lang) for part in path.split("."))


def preview(entity_type: type[Entity], path: str, text: str, lang: Language) -> str:
    """What writing `text` at `path` would set, in words; FieldError when it cannot be used."""
    assignment = parse(entity_type, path, text)
    value = assignment.value
    if value is None:
        return msg("edit.removes", lang)
    if isinstance(value, dict) and set(value) == {"amount", "currency"}:
        return format_money(Money(amount=value["amount"], currency=value["currency"]))
    if isinstance(value, dict) and "start" in value:
        return f"{value['start']}–{value.get('end', '')}"
    if isinstance(value, dict) and "unit" in value:  # as the detail pane says it: `330,000 m²`
        return quantity_text(Quantity(value=value["value"], unit=value["unit"]), lang)
    if isinstance(value, dt.date):
        precision = next((v for p, v in assignment.also if p[-1] in _PRECISIONS), "day")
        return msg(
            "edit.date_value",
            lang,
            date=format_date(value, precision),
            precision=msg(f"edit.precision.{precision}", lang),
        )
    if isinstance(value, list):
        return ", ".join(value) if value else msg("edit.empty_list", lang)
    return str(value)


def _settable(entity_type: type[Entity], path: str) -> bool:
    return _settable_shape(entity_type, re.sub(r"\.\d+\.", ".0.", path))


@lru_cache(maxsize=1024)
def _settable_shape(entity_type: type[Entity], path: str) -> bool:
    """Whether `parse` takes a value at `path` (list items all as item 0: they share a type)."""
    try:
        parse(entity_type, path, "")
    except FieldError:
        return False
    return True


@lru_cache(maxsize=256)
def _cached_hints(tp: Any) -> dict[str, Any]:
    return field_types(tp)


def _is_struct(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, msgspec.Struct)


def typed_text(value: Any, owner: Any, name: str) -> str:
    """A value as one would type it: money as `76,000,000,000 KRW`, a date at its precision (read
    from `owner`'s `<name>_precision`), a time as `14:30`. The field dialog and the edit form
    (`draft.py`) both start their inputs from it."""
    if value is None:
        return ""
    if isinstance(value, Money):
        return f"{value.amount:,} {value.currency}"
    if isinstance(value, Period):
        return f"{value.start}-{value.end if value.end is not None else ''}"
    if isinstance(value, Quantity):
        return f"{value.value:g} {value.unit}"
    if isinstance(value, dt.time):
        return value.strftime("%H:%M") if not value.second else value.isoformat()
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        precision = getattr(owner, f"{name}_precision", "day") or "day"
        return format_date(value, precision)
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value)
    return str(value)
