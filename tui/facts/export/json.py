"""The whole fact file as JSON matching `facts.schema.json` (read back by `json_import.from_json`)."""

from __future__ import annotations

from typing import Any, cast

import msgspec

from tui.facts.index import FactBase
from tui.facts.model import ENTITY_TYPES, FactFile


def fact_file(facts: FactBase) -> FactFile:
    """The FactFile a fact base was built from (meta and every table, in file order)."""
    return FactFile(
        meta=facts.meta, **cast(dict[str, Any], {t.TABLE: facts.of_kind(t.KIND) for t in ENTITY_TYPES})
    )


def to_json(facts: FactBase) -> str:
    """The whole file as pretty-printed JSON (UTF-8 text, Korean unescaped), valid against
    `facts.schema.json`. Every field is written, defaults included."""
    return msgspec.json.format(msgspec.json.encode(fact_file(facts)), indent=2).decode("utf-8") + "\n"
