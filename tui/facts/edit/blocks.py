"""Where each entity is written in a fact file's text, so that an edit can replace just its lines.

An entity's *block* runs from its ``[[table]]`` header to the next top-level header (``[[name]]``
or ``[name]`` with an undotted name). Its sub-tables (``[[agreements.commitments]]``,
``[organizations.valuation]``) are inside it. Comment lines written right above the header (with
no blank line between) belong to it; blank lines and comments after its last key stay where they
are, between blocks, so removing or replacing a block never eats a section banner.

A header-looking line inside a multi-line string would fool this scan; `tui.facts.edit.check`
parses every block it changes on its own and falls back to checking the whole file when a block
does not parse as exactly one entity (the same reasoning as `tui.facts.chunks`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.facts.model import KIND_BY_TABLE

_HEADER = re.compile(r"^[ \t]*\[(\[)?[ \t]*([A-Za-z0-9_\-]+)[ \t]*\]\]?[ \t]*(?:#.*)?\r?$", re.MULTILINE)
"""A top-level header line: `[[organizations]]` or `[meta]` (dotted names are sub-tables)."""
_ID_LINE = re.compile(r"""^[ \t]*id[ \t]*=[ \t]*(?:"((?:[^"\\\n]|\\.)*)"|'([^'\n]*)')""", re.MULTILINE)


@dataclass(frozen=True)
class Block:
    """One entity's lines: `text[start:end]`, from its leading comments to its last line."""

    table: str
    entity_id: str | None
    start: int
    header: int
    """Where its `[[table]]` line starts."""
    end: int

    def text(self, document: str) -> str:
        return document[self.start : self.end]


def blocks(text: str) -> list[Block]:
    """Every entity block of `text`, in order."""
    headers = [(m.start(), m.group(2), bool(m.group(1))) for m in _HEADER.finditer(text)]
    found: list[Block] = []
    for n, (start, name, is_array) in enumerate(headers):
        if not is_array or name not in KIND_BY_TABLE:
            continue
        limit = headers[n + 1][0] if n + 1 < len(headers) else len(text)
        end = _content_end(text, start, limit)
        if n + 1 < len(headers):
            end = min(end, _lead_start(text, limit))
        id_match = _ID_LINE.search(text, start, end)
        entity_id = None
        if id_match:
            entity_id = id_match.group(1) if id_match.group(1) is not None else id_match.group(2)
        found.append(
            Block(name, entity_id, _lead_start(text, start), start, max(end, _line_end(text, start)))
        )
    return found


def find(text: str, entity_id: str) -> Block | None:
    """The block of the entity with `entity_id`, if it is written where this scan can see it.

    Looks for its `id = "…"` line first and reads only the headers around it: on a 50 MB file that
    is a string search, not a scan of 100,000 blocks."""
    quoted = re.escape(entity_id)
    line = re.compile(rf"""[ \t]*id[ \t]*=[ \t]*(?:"{quoted}"|'{quoted}')[ \t]*(?:#.*)?\r?""")
    for start, end in _lines_with(text, entity_id):
        if not line.fullmatch(text, start, end):
            continue
        headers = list(_HEADER.finditer(text, max(0, start - _LOOK_BACK), start))
        header = headers[-1] if headers else None
        if header is None or not header.group(1) or header.group(2) not in KIND_BY_TABLE:
            continue  # not the first key of an entity (a sub-table's `id`, or too far to look)
        following = _HEADER.search(text, end)
        limit = following.start() if following else len(text)
        block_end = _content_end(text, header.start(), limit)
        if following:
            block_end = min(block_end, _lead_start(text, limit))
        return Block(header.group(2), entity_id, _lead_start(text, header.start()), header.start(), block_end)
    return None


def _lines_with(text: str, entity_id: str):
    """(start, end) of every line holding `"entity_id"` or `'entity_id'`: a plain string search."""
    for needle in (f'"{entity_id}"', f"'{entity_id}'"):
        at = text.find(needle)
        while at >= 0:
            start = text.rfind("\n", 0, at) + 1
            end = text.find("\n", at)
            end = len(text) if end < 0 else end
            yield start, end
            at = text.find(needle, end)


_LOOK_BACK = 1_000_000
"""How far above its `id` line an entity's header may be (a longer entity is refused, not misread)."""


def _line_end(text: str, pos: int) -> int:
    newline = text.find("\n", pos)
    return len(text) if newline < 0 else newline + 1


def _lead_start(text: str, header: int) -> int:
    """The start of the comment lines right above `header` (no blank line between), or `header`."""
    start = header
    while start > 0:
        previous = text.rfind("\n", 0, start - 1) + 1
        line = text[previous:start].strip()
        if not line.startswith("#"):
            break
        start = previous
    return start


def _content_end(text: str, start: int, limit: int) -> int:
    """The end of the last line in [start, limit) that holds TOML: blank lines and comments after it
    stay out (they separate blocks, like a section banner)."""
    end = limit
    while end > start:
        previous = text.rfind("\n", start, end - 1) + 1
        line = text[previous:end].strip()
        if line and not line.startswith("#"):
            return end
        end = previous
    return end
