"""Find the line a problem is on. Only used when a file has problems, so speed matters little.

tomli keeps no positions, so this scans the text for the entity's `[[table]]` header and then
for the key (or the referenced id) inside that entity's block.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from tui.facts.problems import Found, Problem

_HEADER = re.compile(r"^[ \t]*\[\[?[ \t]*([A-Za-z0-9_.\-\"' ]+?)[ \t]*\]\]?", re.MULTILINE)


class Locator:
    """Maps a path into the parsed data (`('organizations', 3, 'founded')`) to a line of the text."""

    def __init__(self, text: str, data: dict[str, Any]) -> None:
        self.text = text
        self.data = data
        self.lines = [line.rstrip("\r") for line in text.split("\n")]  # as TOML counts lines
        self._headers: list[tuple[int, str]] | None = None
        self._by_table: dict[str, list[int]] | None = None
        self._ends: list[int] | None = None
        self._line_starts: list[int] | None = None
        self._taken: set[tuple[int, int]] = set()

    def place(self, found: Found) -> Problem:
        """The problem with its `where` spelled out and its line and excerpt filled in."""

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

        Keys are looked for in order, each from where the one before was found (`figures`, then
        its `value`), so an inner key is not mistaken for one of the same name earlier on; an
        index picks that element of the array before it (`commitments`, 2: the third
        `[[agreements.commitments]]`, or the third item of an inline array). A `needle` (a
        referenced id) is looked for from its `near` key on; each needle found is given to one
        problem only, so two references to the same missing id point at their own places.
        """
        if not path:
            return None, None
        table = path[0]
        index = path[1] if len(path) > 1 and isinstance(path[1], int) else None
        start, end = self._block(table, index)
        if start is None:
            return None, None
        parts = [*path[2 if index is not None else 1 :], *([near] if near else [])]
        found: tuple[int, int] | None = None  # 0-based (line, column)
        at = (start, 0)
        for part in parts:
            if isinstance(part, int):
                hit = self._element(found, part, end) if found is not None else None
            else:
                hit = self._find(_key_pattern(part), at, end)
            if hit is None:
                break
            found = at = hit
        if needle:
            hit = self._find(re.compile(r"[\"']" + re.escape(needle) + r"[\"']"), at, end, self._taken)
            if hit is None:  # every occurrence already has its problem: the same one again
                hit = self._find(re.compile(r"[\"']" + re.escape(needle) + r"[\"']"), at, end)
            if hit is not None:
                self._taken.add(hit)
                return hit[0] + 1, hit[1] + 1
        return (found[0] + 1, found[1] + 1) if found is not None else (start + 1, 1)

    def keys_of(self, table: str, index: int) -> dict[str, tuple[int, int]]:
        """1-based (line, column) of each top-level key of the index-th `[[table]]`, as
        `position_of` finds one: `key = ...` lines before the entity's first sub-table, and the
        sub-tables' headers (`[[agreements.commitments]]` is `commitments`). One pass over the
        entity's lines, for many keys of many entities at once."""
        start, end = self._block(table, index)
        found: dict[str, tuple[int, int]] = {}
        if start is None:
            return found
        in_sub_table = False
        for n in range(start + 1, end):
            line = self.lines[n]
            header = _HEADER.match(line)
            if header is not None:
                name = _header_name(header.group(1))
                if name.startswith(table + "."):
                    found.setdefault(name[len(table) + 1 :].split(".")[0], (n + 1, 1))
                in_sub_table = True
            elif not in_sub_table and (key := _TOP_KEY.match(line)) is not None:
                found.setdefault(key.group(1), (n + 1, len(line) - len(line.lstrip()) + 1))
        return found

    def _find(
        self,
        pattern: re.Pattern[str],
        at: tuple[int, int],
        end: int,
        skip: set[tuple[int, int]] | frozenset = frozenset(),
    ) -> tuple[int, int] | None:
        """0-based (line, column) of the first match from `at` on, before line `end`, not in `skip`."""
        line, col = at
        for n in range(line, end):
            for match in pattern.finditer(self.lines[n], col if n == line else 0):
                if (n, match.start()) not in skip:
                    return n, match.start()
        return None

    def _element(self, key_at: tuple[int, int], index: int, end: int) -> tuple[int, int] | None:
        """0-based (line, column) of item `index` of the array whose key (or header) is at `key_at`."""
        line, col = key_at
        header = _HEADER.match(self.lines[line])
        if header is not None and self.lines[line].lstrip().startswith("[["):
            name = _header_name(header.group(1))
            same = [n for n, other in self._header_lines() if line <= n < end and other == name]
            return (same[index], 0) if index < len(same) else None
        equals = self.text.find("=", self._offset(line, col))
        opening = equals + 1
        while opening < len(self.text) and self.text[opening] in " \t":
            opening += 1
        if equals < 0 or not self.text.startswith("[", opening):
            return None  # not an inline array: the key's own place will do
        item = _nth_item(self.text, opening + 1, index)
        return self._position(item) if item is not None else None

    def _offset(self, line: int, col: int) -> int:
        if self._line_starts is None:
            starts = [0]
            for n, text in enumerate(self.text.split("\n")[:-1]):
                starts.append(starts[n] + len(text) + 1)
            self._line_starts = starts
        return self._line_starts[line] + col

    def _position(self, offset: int) -> tuple[int, int]:
        self._offset(0, 0)
        assert self._line_starts is not None
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line, offset - self._line_starts[line]

    def _header_lines(self) -> list[tuple[int, str]]:
        if self._headers is None:
            self._index_headers()
        assert self._headers is not None
        return self._headers

    def _index_headers(self) -> None:
        """Every header's line and name, and where each table's headers are: one pass over the text."""
        self._headers = []
        self._by_table = {}
        line, counted_to = 0, 0
        for m in _HEADER.finditer(self.text):
            line += self.text.count("\n", counted_to, m.start())
            counted_to = m.start()
            name = _header_name(m.group(1))
            self._by_table.setdefault(name, []).append(len(self._headers))
            self._headers.append((line, name))

    def _block_ends(self) -> list[int]:
        """For each header, the line where its block ends: the next header not inside it
        (`[[table.sub]]` belongs to the `[[table]]` before it). One pass, so that locating a
        problem in each of 100,000 entities does not rescan the headers each time."""
        if self._ends is None:
            headers = self._header_lines()
            ends = [len(self.lines)] * len(headers)
            open_headers: list[int] = []
            for h, (line, name) in enumerate(headers):
                while open_headers and not name.startswith(headers[open_headers[-1]][1] + "."):
                    ends[open_headers.pop()] = line
                open_headers.append(h)
            self._ends = ends
        return self._ends

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
            return self._headers[h][0], self._block_ends()[h]
        # `table = [...]` written inline: point at its first line.
        match = re.search(rf"^[ \t]*{re.escape(table)}[ \t]*=", self.text, re.MULTILINE)
        if match:
            line = self.text.count("\n", 0, match.start())
            return line, line + 1
        return None, 0


_TOP_KEY = re.compile(r"\s*[\"']?([A-Za-z0-9_-]+)[\"']?\s*=")
"""A `key = value` line (bare or quoted key; dotted keys are not used in fact files)."""


def _key_pattern(key: str) -> re.Pattern[str]:
    """`key =` at the start of a line or inside an inline table, quoted or bare, or a
    `[[table.key]]` header that opens it."""
    k = re.escape(key)
    return re.compile(
        r"(?:^|(?<=[{,\s]))[\"']?" + k + r"[\"']?\s*=" + r"|^\s*\[\[?\s*[\w.\"'-]*\b" + k + r"[\"']?\s*\]"
    )


def _header_name(written: str) -> str:
    """`agreements.commitments` from `"agreements" . commitments` as a header may spell it."""
    if not any(c in written for c in "\"' \t"):  # as almost every header is written: nothing to undo
        return written
    return ".".join(part.strip().strip("\"'") for part in written.split("."))


def _nth_item(text: str, offset: int, index: int) -> int | None:
    """Where item `index` of the inline array whose items start at `offset` begins, or None.

    Skips strings (all four TOML kinds), comments and nested arrays and tables.
    """
    depth, item, n, size = 0, 0, offset, len(text)
    at_item_start = True
    while n < size:
        ch = text[n]
        if ch in " \t\r\n":
            n += 1
            continue
        if ch == "#":
            n = text.find("\n", n)
            n = size if n < 0 else n
            continue
        if at_item_start and depth == 0:
            if ch == "]":
                return None
            if item == index:
                return n
            at_item_start = False
        if ch in "\"'":
            n = _after_string(text, n)
            continue
        if ch in "[{":
            depth += 1
        elif ch in "]}":
            if depth == 0:
                return None
            depth -= 1
        elif ch == "," and depth == 0:
            item += 1
            at_item_start = True
        n += 1
    return None


def _after_string(text: str, n: int) -> int:
    """The offset just past the TOML string that starts at `n`."""
    quote = text[n]
    if text.startswith(quote * 3, n):
        close = text.find(quote * 3, n + 3)
        if close < 0:
            return len(text)
        close += 3
        while text.startswith(quote, close):  # up to two quotes may end the content: '''''
            close += 1
        return close
    n += 1
    while n < len(text):
        ch = text[n]
        if ch == "\\" and quote == '"':
            n += 2
            continue
        if ch == quote or ch == "\n":
            return n + 1
        n += 1
    return n
