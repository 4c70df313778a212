"""Every string in a loaded fact base, for tests that check what loading did to text."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import msgspec

from tui.facts import FactBase


def strings(value: Any) -> Iterator[str]:
    """Every string inside a loaded entity or the meta table (names, aliases, summaries, quotes, ...)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, msgspec.Struct):
        for name in value.__struct_fields__:
            yield from strings(getattr(value, name))
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from strings(item)


def all_strings(facts: FactBase) -> list[str]:
    return [*strings(facts.meta), *(s for entity in facts for s in strings(entity))]
