"""Find the line a problem is on. Only used when a file has problems, so speed matters little.

tomli keeps no positions, so this scans the text for the entity's `[[table]]` header and then
for the key (or the referenced id) inside that entity's block.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tui.facts.load import Problem, _Found

_HEADER = re.compile(r"^[ \t]*\[\[?[ \t]*([A-Za-z0-9_.\-\"' ]+?)[ \t]*\]\]?", re.MULTILINE)


class Locator:
    """Maps a path into the parsed data (`('organizations', 3, 'founded')`) to a line of the text."""

    def __init__(self, text: str, data: dict[str, Any]) -> None:
        self.text = text
        self.data = data
        self.lines = [line.rstrip("\r") for line in text.split("\n")]  # as TOML counts lines
        self._headers: list[tuple[int, str]] | None = None
        self._by_table: dict[str, list[int]] | None = None

    def place(self, found: _Found) -> Problem:
        """The problem with its `where` spelled out and its line and excerpt filled in."""
        from tui.facts.load import Problem

        line, col = self.position_of(found.path, found.needle, found.near)
        excerpt = self.lines[line - 1].strip()[:120] if line else ""
        return Problem(
            found.message,
            where=self.describe(found.path),
            line=line,
            col=col,
            hint=found.hint,
            excerpt=excerpt,
        )

    def describe(self, path: tuple) -> str:
        """`organizations[lvis].valuation.money.amount`; entities by id, or `[#3]` when they have none."""
        out = ""
        for depth, part in enumerate(path):
            if isinstance(part, int):
                label = f"#{part + 1}"
                if depth == 1:
                    row = self._row(path[0], part)
                    if isinstance(row, dict) and isinstance(row.get("id"), str) and row["id"]:
                        label = row["id"]
                out += f"[{label}]"
            else:
                out += f".{part}" if out else str(part)
        return out

    def position_of(self, path: tuple, needle: str = "", near: str = "") -> tuple[int | None, int | None]:
        """1-based (line, column) of the thing at `path`, or of the nearest enclosing thing found.

        Keys are looked for in order, each from the line of the one before (`figures`, then its
        `value`), so an inner key is not mistaken for one of the same name earlier on. A
        `needle` (a referenced id) is looked for from its `near` key on.
        """
        if not path:
            return None, None
        table = path[0]
        start, end = self._block(table, path[1] if len(path) > 1 and isinstance(path[1], int) else None)
        if start is None:
            return None, None
        keys = [p for p in path[1:] if isinstance(p, str)] + ([near] if near else [])
        found: tuple[int, int] | None = None
        line = start
        for key in keys:
            hit = self._find(_key_pattern(key), line, end)
            if hit is None:
                break
            found = hit
            line = hit[0] - 1
        if needle:
            hit = self._find(re.compile(r"[\"']" + re.escape(needle) + r"[\"']"), line, end)
            if hit is not None:
                return hit
        return found if found is not None else (start + 1, 1)

    def _find(self, pattern: re.Pattern[str], start: int, end: int) -> tuple[int, int] | None:
        """1-based (line, column) of the first match in lines [start, end), or None."""
        for n in range(start, end):
            match = pattern.search(self.lines[n])
            if match:
                return n + 1, match.start() + 1
        return None

    def _index_headers(self) -> None:
        """Every header's line and name, and where each table's headers are: one pass over the text."""
        self._headers = []
        self._by_table = {}
        line, counted_to = 0, 0
        for m in _HEADER.finditer(self.text):
            line += self.text.count("\n", counted_to, m.start())
            counted_to = m.start()
            name = m.group(1).replace('"', "").replace("'", "")
            self._by_table.setdefault(name, []).append(len(self._headers))
            self._headers.append((line, name))

    def _row(self, table: str, index: int) -> Any:
        rows = self.data.get(table)
        return rows[index] if isinstance(rows, list) and 0 <= index < len(rows) else None

    def _block(self, table: str, index: int | None) -> tuple[int | None, int]:
        """0-based [start, end) line range of `[table]`, or of the index-th `[[table]]`."""
        if self._headers is None:
            self._index_headers()
        assert self._headers is not None and self._by_table is not None
        positions = self._by_table.get(table, [])
        wanted = 0 if index is None else index
        if wanted < len(positions):
            h = positions[wanted]
            line = self._headers[h][0]
            end = len(self.lines)
            for later_line, later_name in self._headers[h + 1 :]:
                if not later_name.startswith(table + "."):  # [[table.sub]] belongs to the entity
                    end = later_line
                    break
            return line, end
        # `table = [...]` written inline: point at its first line.
        match = re.search(rf"^[ \t]*{re.escape(table)}[ \t]*=", self.text, re.MULTILINE)
        if match:
            line = self.text.count("\n", 0, match.start())
            return line, line + 1
        return None, 0


def _key_pattern(key: str) -> re.Pattern[str]:
    """`key =` at the start of a line or inside an inline table, quoted or bare, or a
    `[[table.key]]` header that opens it."""
    k = re.escape(key)
    return re.compile(
        r"(?:^|(?<=[{,\s]))[\"']?" + k + r"[\"']?\s*=" + r"|^\s*\[\[?\s*[\w.\"'-]*\b" + k + r"[\"']?\s*\]"
    )
