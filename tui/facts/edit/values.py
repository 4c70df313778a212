"""Values as people type them on the command line or in a form, turned into what the file holds.

`parse(entity_type, "valuation.money", "760억")` gives the key path inside the entity and the value
to write there, typed as the schema types it: money as `{ amount, currency }`, dates with their
precision (`2024-09` also sets `date_precision = "month"`), lists from comma-separated text. An
empty value means "remove this field". Every string is sanitized as the loader would.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from dataclasses import dataclass
from typing import Any, Literal

import msgspec

from tui.facts.model import Bilingual, Entity, Money, Period, Quantity
from tui.facts.money import MoneyTextError, parse_date, parse_money
from tui.facts.sanitize import clean

_PRECISION_OF = {"date": "date_precision", "due": "due_precision"}
"""Date fields whose precision is written beside them."""


class FieldError(ValueError):
    """A field path or value that cannot be used; `unknown` marks a field that does not exist."""

    def __init__(self, message: str, unknown: bool = False, suggestions: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.unknown = unknown
        self.suggestions = suggestions


@dataclass(frozen=True)
class Assignment:
    """What to write: `value` at `path` inside the entity (None removes the key), plus side settings."""

    path: tuple[str | int, ...]
    value: Any
    also: tuple[tuple[tuple[str | int, ...], Any], ...] = ()


def field_paths(entity_type: type[Entity]) -> list[str]:
    """Every settable path of a kind, for did-you-mean: 'name.en', 'valuation.money', 'founded'."""
    paths: list[str] = []

    def walk(tp: Any, prefix: str, depth: int) -> None:
        for name, hint in field_types(tp).items():
            path = f"{prefix}{name}"
            paths.append(path)
            inner = without_none(hint)
            if depth < 2 and isinstance(inner, type) and issubclass(inner, msgspec.Struct):
                if inner not in (Money,):
                    walk(inner, f"{path}.", depth + 1)

    walk(entity_type, "", 0)
    return paths


def parse(entity_type: type[Entity], field: str, text: str) -> Assignment:
    """The assignment for `field` (a dotted path such as 'name.en' or 'roles.0.title.ko') = `text`."""
    parts: list[str | int] = [int(p) if p.isdigit() else p for p in field.split(".")]
    tp: Any = entity_type
    for n, part in enumerate(parts):
        if isinstance(part, int):
            inner = without_none(tp)
            if typing.get_origin(inner) is not tuple:
                raise _unknown(entity_type, field)
            tp = typing.get_args(inner)[0]
            continue
        hints = field_types(without_none(tp))
        if part not in hints:
            raise _unknown(entity_type, field)
        tp = hints[part]
        if n == 0 and part in ("id",):
            raise FieldError(
                "an id is changed with `facts-tui rename OLD NEW`, which updates every reference"
            )
    path = tuple(parts)
    value = text.strip()
    if value == "":
        return Assignment(path, None)
    return _typed(path, tp, clean(value), field)


def _typed(path: tuple[str | int, ...], tp: Any, text: str, field: str) -> Assignment:
    tp = without_none(tp)
    if tp is str:
        return Assignment(path, text)
    if tp is int:
        try:
            return Assignment(path, int(text.replace(",", "").replace("_", "")))
        except ValueError:
            raise FieldError(f"{field}: {text!r} is not a whole number") from None
    if tp is float:
        try:
            return Assignment(path, float(text.replace(",", "")))
        except ValueError:
            raise FieldError(f"{field}: {text!r} is not a number") from None
    if typing.get_origin(tp) is Literal:
        choices = typing.get_args(tp)
        if text not in choices:
            raise FieldError(f"{field}: {text!r} is not one of: {', '.join(map(str, choices))}")
        return Assignment(path, text)
    if tp is dt.date:
        try:
            date, precision = parse_date(text)
        except ValueError as exc:
            raise FieldError(f"{field}: {exc}") from None
        key = path[-1]
        if isinstance(key, str) and key in _PRECISION_OF:
            return Assignment(path, date, (((*path[:-1], _PRECISION_OF[key]), precision),))
        if precision != "day":
            raise FieldError(f"{field}: a full date is needed here (2023-03-07)")
        return Assignment(path, date)
    if tp is dt.time:
        try:
            return Assignment(path, dt.time.fromisoformat(text))
        except ValueError:
            raise FieldError(f"{field}: {text!r} is not a time (03:00 or 03:00:00)") from None
    if tp is Money:
        try:
            money = parse_money(text)
        except MoneyTextError as exc:
            raise FieldError(f"{field}: {exc}") from None
        return Assignment(path, {"amount": money.amount, "currency": money.currency})
    if tp is Bilingual:
        raise FieldError(f"{field} is in two languages: set {field}.ko or {field}.en")
    if tp is Period:
        start, _, end = text.replace("–", "-").partition("-")
        try:
            period: dict[str, int] = {"start": int(start)}
            if end.strip():
                period["end"] = int(end)
        except ValueError:
            raise FieldError(f"{field}: write a period as 2023-2028, or 2023- when open-ended") from None
        return Assignment(path, period)
    if tp is Quantity:
        number, _, unit = text.partition(" ")
        try:
            return Assignment(path, {"value": float(number.replace(",", "")), "unit": unit.strip()})
        except ValueError:
            raise FieldError(f"{field}: write a quantity as a number and a unit: 330000 m2") from None
    if typing.get_origin(tp) is tuple:
        item = typing.get_args(tp)[0]
        if item is str:
            return Assignment(path, [clean(v.strip()) for v in text.split(",") if v.strip()])
        raise FieldError(f"{field} is a list of records: set one of its items, e.g. {field}.0.…")
    raise FieldError(f"{field} cannot be set from text; set one of its parts ({field}.…)")


def field_types(tp: Any) -> dict[str, Any]:
    """The fields of a schema class (a msgspec Struct) with their types; {} for anything else."""
    if not (isinstance(tp, type) and issubclass(tp, msgspec.Struct)):
        return {}
    hints = typing.get_type_hints(tp)
    return {f.name: hints[f.name] for f in msgspec.structs.fields(tp)}


def without_none(tp: Any) -> Any:
    """`X | None` → `X`; any other type as it is."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return tp


def _unknown(entity_type: type[Entity], field: str) -> FieldError:
    import difflib

    close = tuple(difflib.get_close_matches(field, field_paths(entity_type), n=3, cutoff=0.6))
    hint = f" Did you mean: {', '.join(close)}?" if close else ""
    return FieldError(f"{entity_type.KIND} has no field '{field}'.{hint}", unknown=True, suggestions=close)
