"""The fact base of a changed fact file, built from the fact base it had before: no whole parse.

After the explorer writes a change, parsing the 51 MB file again would take seconds of tomli, which
holds the interpreter lock for long stretches. The edit touched a few entities; `rebuild` parses only
the entities whose lines changed and takes every other one from the old fact base, then checks what
changed as `load` would. It answers only when the result is certainly `load(new file)`; None means
"load it whole" (which also words the problems of an invalid file).

Why it is exact. A `Layout` is where every entity's ``[[table]]`` line is, in the file's bytes, and
whether the file is *block-local*: no multi-line string anywhere (no ``\"\"\"`` or ``'''``), and
every other line starting with ``[`` after the first entity is a sub-table of the entity above it
(``[organizations.valuation]`` under ``[[organizations]]``). In such a file a line that looks like
``[[table]]`` is a real header (it cannot sit inside a string, and inside an array or inline table
it would not be TOML), and each entity is exactly what its own lines parse to: nothing after its
lines reaches back into it. So the new file's entities are its blocks' entities in order, and a
block whose bytes did not change is the entity it was. The bytes before the first entity
(``[meta]``) must not change. Only the changed stretch of the new file is scanned: the layout of
the rest, and its being block-local, carry over from the old file's.

The changed blocks are parsed alone (each must be exactly one entry of its table), converted with
the loader's own rules, and checked as the loader checks a whole file: ids unique, every reference
of a new entity naming an entity of an allowed kind, no entity of the old file still naming one
that is gone, every rule (`tui.facts.rules`) kept. tests/facts/test_rebuild.py compares the result
with `loads` of the new text for random changes of every kind.

Works on bytes: a regular expression over bytes is several times faster than over the text of a
Korean file, whose characters take two bytes each in memory.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import msgspec
import tomli

from tui.facts.index import FactBase
from tui.facts.load import _convert
from tui.facts.model import ENTITY_TYPES, Entity, FactFile
from tui.facts.sanitize import clean_document, clean_tree

_TABLES = tuple(t.TABLE for t in ENTITY_TYPES)
_TABLE_NUMBER = {name.encode(): n for n, name in enumerate(_TABLES)}
_LINE = re.compile(rb"\n[ \t]*\[")
"""A line that starts with `[` (found at its newline)."""
_ENTRY = re.compile(rb"[ \t]*\[\[[ \t]*([A-Za-z0-9_-]+)[ \t]*\]\][ \t]*(?:#[^\n]*)?")
"""An entity's header line, `[[people]]`, as blocks.py and the loader read it."""
_SUB = re.compile(rb"[ \t]*\[\[?[ \t]*([A-Za-z0-9_-]+)[ \t]*\.")
"""A sub-table's header line, `[organizations.valuation]`, `[[people.roles]]`: its first name."""
_STRINGS = (b'"""', b"'''")
_SLICE = 1 << 20
"""Bytes searched or compared at a time: each call holds the interpreter lock for well under a ms."""


class _NotLocal(Exception):
    """A line that could reach outside its block, or a multi-line string."""


@dataclass(frozen=True)
class Layout:
    """Where the entities of a block-local fact file's bytes start (see the module's docstring)."""

    size: int
    starts: list[int]
    """The start of every entity's `[[table]]` line, in file order."""
    tables: bytearray
    """The table of each (its index in `ENTITY_TYPES`)."""
    by_table: tuple[list[int], ...]
    """For each table, the starts of its entities: entity n of a table starts at `by_table[t][n]`."""

    @property
    def first(self) -> int:
        """Where the first entity starts: the bytes before it (`[meta]`) are the head."""
        return self.starts[0] if self.starts else self.size


def scan(data: bytes) -> Layout | None:
    """The layout of a fact file's bytes, or None when it is not block-local."""
    try:
        _no_multiline_strings(data, 0, len(data))
        starts, tables = _entries(data, 0, len(data), head=True)
    except _NotLocal:
        return None
    by_table: tuple[list[int], ...] = tuple([] for _ in _TABLES)
    for start, table in zip(starts, tables, strict=True):
        by_table[table].append(start)
    return Layout(len(data), starts, tables, by_table)


def _no_multiline_strings(data: bytes, start: int, end: int) -> None:
    """Raise _NotLocal if `data[start:end]` holds `\"\"\"` or `'''` (searched a slice at a time)."""
    for at in range(start, end, _SLICE):
        stop = min(end, at + _SLICE + 2)
        if any(data.find(quotes, at, stop) >= 0 for quotes in _STRINGS):
            raise _NotLocal


def _entries(data: bytes, start: int, end: int, head: bool) -> tuple[list[int], bytearray]:
    """The entity headers among the lines starting in [start, end) (`start`: a line's start), or
    _NotLocal. Without `head`, the stretch must begin with an entity's header, after blank lines
    at most: removing a block can leave its separating blank line where the block began, and a
    blank line parses to nothing (it belongs, unread, to the block before)."""
    starts: list[int] = []
    tables = bytearray()
    current = -1  # the table of the entity being read; -1 in the head
    for at in _bracket_lines(data, start, end):
        line_end = data.find(b"\n", at, end)
        line = data[at : end if line_end < 0 else line_end].rstrip(b"\r")
        entry = _ENTRY.fullmatch(line)
        if entry is not None:
            table = _TABLE_NUMBER.get(entry.group(1))
            if table is None:
                raise _NotLocal
            starts.append(at)
            tables.append(table)
            current = table
        elif current >= 0:  # before the first entity, `[meta]` and the like are the head's
            sub = _SUB.match(line)
            if sub is None or _TABLE_NUMBER.get(sub.group(1)) != current:
                raise _NotLocal
    if not head and data[start : starts[0] if starts else end].strip():
        raise _NotLocal
    return starts, tables


def _bracket_lines(data: bytes, start: int, end: int) -> Iterator[int]:
    """The start of every line in [start, end) whose first character after blanks is `[`."""
    if start == 0:
        at = 3 if data.startswith(b"\xef\xbb\xbf") else 0
        if data[at : at + 64].lstrip(b" \t").startswith(b"["):
            yield at
    for match in _LINE.finditer(data, max(0, start - 1), end):
        yield match.start() + 1


@dataclass(frozen=True)
class Rebuilt:
    """The new file's fact base and layout."""

    facts: FactBase
    layout: Layout


def rebuild(
    before: FactBase, layout: Layout, old: bytes, new: bytes, same: tuple[int, int] = (0, 0)
) -> Rebuilt | None:
    """The fact base of the fact file `new`, certainly what `load` would give, made from `before`,
    the fact base of `old` (whose layout is `layout`); None when only a whole load can tell.

    `same`: how many bytes at the start and at the end the caller knows `old` and `new` share
    (a splice does): comparing 50 MB to find out takes a tenth of a second."""
    if layout.size != len(old) or any(
        len(before.of_kind(t.KIND)) != len(layout.by_table[n]) for n, t in enumerate(ENTITY_TYPES)
    ):
        return None  # not the layout of these bytes
    prefix = _common_prefix(old, new, same[0])
    if prefix < layout.first or prefix == len(old) == len(new):
        return None  # the head changed (or nothing did)
    suffix = _common_suffix(old, new, min(len(old), len(new)) - prefix, min(same[1], len(old) - prefix))
    # The changed stretch, widened to whole blocks: [start, end) in the old bytes.
    i = bisect_right(layout.starts, prefix) - 1
    j = bisect_right(layout.starts, len(old) - suffix)  # blocks starting inside the shared end
    start = layout.starts[i]
    end = layout.starts[j] if j < len(layout.starts) else len(old)
    shift = len(new) - len(old)
    try:
        _no_multiline_strings(new, start, end + shift)
        new_starts, new_tables = _entries(new, start, end + shift, head=False)
    except _NotLocal:
        return None
    old_blocks = [
        (layout.starts[k], layout.starts[k + 1] if k + 1 < len(layout.starts) else len(old), layout.tables[k])
        for k in range(i, j)
    ]
    bounds = [*new_starts[1:], end + shift] if new_starts else []  # no block left: all removed
    new_blocks = [(s, e, t) for s, e, t in zip(new_starts, bounds, new_tables, strict=True)]
    try:
        kept, removed, added = _compare(before, layout, old, new, old_blocks, new_blocks)
        parsed = [entity for entity in added if entity is not None]
        _check(before, removed, parsed)
    except _GiveUp:
        return None
    tables: dict[str, Any] = {}
    for n, entity_type in enumerate(ENTITY_TYPES):
        rows = before.of_kind(entity_type.KIND)
        first = bisect_left(layout.by_table[n], start)
        last = bisect_left(layout.by_table[n], end)
        middle = tuple(
            kept[k] if kept[k] is not None else added[k]  # type: ignore[misc]  # one of them is set
            for k, (_, _, t) in enumerate(new_blocks)
            if t == n
        )
        tables[entity_type.TABLE] = rows[:first] + middle + rows[last:]
    facts = before.changed(FactFile(meta=before.meta, **tables), removed, parsed)
    return Rebuilt(facts, _moved(layout, i, j, end, new_starts, new_tables, shift, len(new)))


class _GiveUp(Exception):
    """The changed blocks cannot be trusted to give what loading the new file gives."""


def _compare(
    before: FactBase,
    layout: Layout,
    old: bytes,
    new: bytes,
    old_blocks: list[tuple[int, int, int]],
    new_blocks: list[tuple[int, int, int]],
) -> tuple[list[Entity | None], list[Entity], list[Entity | None]]:
    """Pair the changed stretch's old and new blocks whose bytes are equal. Returns, for each new
    block, the old entity it still is (or None) and the entity it now parses to (or None); and
    the old entities no new block is (removed, or replaced by a changed block)."""

    def same(k: int, m: int) -> bool:
        (a, b, t), (c, d, u) = old_blocks[k], new_blocks[m]
        return t == u and b - a == d - c and old[a:b] == new[c:d]

    def entity_of(k: int) -> Entity:
        a, _, t = old_blocks[k]
        return before.of_kind(ENTITY_TYPES[t].KIND)[bisect_left(layout.by_table[t], a)]

    kept: list[Entity | None] = [None] * len(new_blocks)
    matched = [False] * len(old_blocks)
    k = m = 0
    while k < len(old_blocks) and m < len(new_blocks):
        if same(k, m):
            kept[m], matched[k] = entity_of(k), True
            k, m = k + 1, m + 1
        elif m + 1 < len(new_blocks) and same(k, m + 1):
            m += 1  # a block added before old block k
        elif k + 1 < len(old_blocks) and same(k + 1, m):
            k += 1  # old block k removed
        else:
            k, m = k + 1, m + 1  # changed in place
    removed = [entity_of(k) for k in range(len(old_blocks)) if not matched[k]]
    added = [None if kept[m] is not None else _parse(new, *new_blocks[m]) for m in range(len(new_blocks))]
    return kept, removed, added


def _parse(data: bytes, start: int, end: int, table: int) -> Entity:
    """The one entity a block's bytes hold, as the loader reads it, or _GiveUp."""
    entity_type = ENTITY_TYPES[table]
    try:
        source, needs_deep_clean = clean_document(data[start:end].decode("utf-8"))
        parsed: dict[str, Any] = tomli.loads(source)
        rows = parsed.get(entity_type.TABLE)
        if set(parsed) != {entity_type.TABLE} or not isinstance(rows, list) or len(rows) != 1:
            raise _GiveUp
        row = clean_tree(rows[0]) if needs_deep_clean else rows[0]
        return _convert(row, entity_type)  # type: ignore[no-any-return]  # msgspec returns Any
    except (UnicodeDecodeError, tomli.TOMLDecodeError, msgspec.ValidationError, ValueError, RecursionError):
        raise _GiveUp from None


def _check(before: FactBase, removed: list[Entity], added: list[Entity]) -> None:
    """_GiveUp unless the old file with `removed` taken out and `added` put in is valid: what the
    loader's checks would say of the whole new file, asked only of what changed."""
    from tui.facts.rules import entity_fine

    out = {entity.id: entity for entity in removed}
    new: dict[str, Entity] = {}
    for entity in added:
        if entity.id in new or (entity.id in before and entity.id not in out):
            raise _GiveUp  # an id used twice
        new[entity.id] = entity
    for entity in added:
        for reference in entity.references():
            target = new.get(reference.target)
            if target is None and reference.target not in out:
                target = before.get(reference.target)
            if target is None or target.KIND not in reference.kinds:
                raise _GiveUp
        if not entity_fine(entity):
            raise _GiveUp
    for entity_id, entity in out.items():
        again = new.get(entity_id)
        if again is not None and again.KIND == entity.KIND:
            continue  # still there, as the same kind: what names it still may
        if any(link.entity.id not in out for link in before.backlinks(entity_id)):
            raise _GiveUp  # an unchanged entity names one that is gone


def _moved(
    layout: Layout, i: int, j: int, end: int, starts: list[int], tables: bytearray, shift: int, size: int
) -> Layout:
    """The new file's layout: the old one's blocks [i, j) (up to `end`) replaced by `starts`, those
    after them moved by `shift`."""
    after = [start + shift for start in layout.starts[j:]]
    new_starts = layout.starts[:i] + starts + after
    new_tables = layout.tables[:i] + tables + layout.tables[j:]
    by_table: tuple[list[int], ...] = tuple([] for _ in _TABLES)
    for start, table in zip(starts, tables, strict=True):
        by_table[table].append(start)
    merged = []
    for n, old in enumerate(layout.by_table):
        first, last = bisect_left(old, layout.starts[i]), bisect_left(old, end)
        merged.append(old[:first] + by_table[n] + [start + shift for start in old[last:]])
    return Layout(size, new_starts, new_tables, tuple(merged))


def _common_prefix(a: bytes, b: bytes, known: int = 0) -> int:
    """How many bytes `a` and `b` share at the start (at least `known`; compared a slice at a time)."""
    limit, at = min(len(a), len(b)), min(known, len(a), len(b))
    while at < limit and a[at : at + _SLICE] == b[at : at + _SLICE]:
        at += _SLICE
    high = min(limit, at + _SLICE)
    if high == limit and a[at:limit] == b[at:limit]:  # only their lengths differ
        return limit
    low = at  # the first difference is in [low, high): halve it
    while high - low > 1:
        middle = (low + high) // 2
        if a[low:middle] == b[low:middle]:
            low = middle
        else:
            high = middle
    return low


def _common_suffix(a: bytes, b: bytes, limit: int, known: int = 0) -> int:
    """How many bytes (at most `limit`, at least `known`) `a` and `b` share at the end."""
    n = max(0, min(known, limit))
    while n + _SLICE <= limit and a[len(a) - n - _SLICE : len(a) - n] == b[len(b) - n - _SLICE : len(b) - n]:
        n += _SLICE
    low, high = n, min(limit, n + _SLICE) + 1  # the shared length is in [low, high)
    while high - low > 1:
        middle = (low + high) // 2
        if a[len(a) - middle : len(a) - low] == b[len(b) - middle : len(b) - low]:
            low = middle
        else:
            high = middle
    return low
