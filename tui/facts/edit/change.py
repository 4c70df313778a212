"""Changes to a fact file's text: set a field, add, rename or remove an entity.

Each change rewrites only the blocks of the entities it touches (`tui.facts.edit.blocks`); every
other byte of the file — comments, blank lines, key order, quoting, CRLF line ends, a BOM — stays
as it was. Inside a touched block, tomlkit keeps the layout of the keys that do not change; a new
or changed value is written in the file's own style (`{ ko = "…", en = "…" }`).

tomlkit has known faults this module steps around: it moves a comment above a `[[x]]` element to
the previous element when sub-tables are inserted (values are written as inline tables here, never
as new sub-tables), and emptying an array of tables leaves `key = []` at the top of the table
(an emptied one is removed instead). Whatever comes out is checked before it is written
(`tui.facts.edit.check`).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from json.encoder import encode_basestring
from typing import Any

import tomlkit
import tomlkit.exceptions
from tomlkit.items import AoT, Array, InlineTable, Table

from tui.facts.edit.blocks import Block, blocks, find
from tui.facts.edit.values import Assignment
from tui.facts.model import KIND_BY_TABLE, TYPE_BY_KIND

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


class ChangeError(ValueError):
    """A change that cannot be made to this text (the entity is not where it should be, …)."""


def set_field(text: str, entity_id: str, assignment: Assignment) -> str:
    """`text` with one field of one entity set (or removed, when the value is None)."""
    block = _block(text, entity_id)

    def edit(row: Table) -> None:
        _assign(row, assignment.path, assignment.value)
        for path, value in assignment.also:
            _assign(row, path, value if value != "day" else None)  # day precision is the default

    return _rewrite(text, block, edit)


def change_entity(
    text: str, entity_id: str, assignments: Sequence[Assignment], appended: Mapping[str, Any] | None = None
) -> str:
    """`text` with several fields of one entity set at once and an item appended to some of its
    lists (`appended`: key → item): one rewrite of its block, the edit form's one change."""
    block = _block(text, entity_id)

    def edit(row: Table) -> None:
        for assignment in assignments:
            _assign(row, assignment.path, assignment.value)
            for path, value in assignment.also:
                _assign(row, path, value if value != "day" else None)
        for key, item in (appended or {}).items():
            _append(row, key, item)

    return _rewrite(text, block, edit)


def add_entity(text: str, kind: str, values: dict[str, Any]) -> str:
    """`text` with a new entity of `kind` after the last one of its kind (or at the end)."""
    table = TYPE_BY_KIND[kind].TABLE
    body = "".join(f"{_key(k)} = {toml_value(v, fold=True)}\n" for k, v in values.items() if v is not None)
    newline = "\r\n" if "\r\n" in text else "\n"
    new = f"[[{table}]]\n{body}".replace("\n", newline)
    same = [b for b in blocks(text) if b.table == table]
    if same:
        at = same[-1].end
        return text[:at] + newline + new + text[at:]
    tail = text if text.endswith(("\n", "\r\n")) or not text else text + newline
    return tail + newline + new


def rename(text: str, old: str, new: str, referrers: list[str]) -> str:
    """`text` with the entity `old` called `new`, and every reference to it in `referrers` too."""
    text = _rewrite(text, _block(text, old), lambda row: row.__setitem__("id", new))
    for entity_id in dict.fromkeys(referrers):
        if entity_id == old:
            entity_id = new
        text = _rewrite(text, _block(text, entity_id), lambda row: _replace_refs(row, old, new))
    return text


def remove(text: str, entity_id: str, referrers: list[str]) -> str:
    """`text` without the entity, and without the references to it in `referrers` (cascade)."""
    for other in dict.fromkeys(referrers):
        if other != entity_id:
            text = _rewrite(text, _block(text, other), lambda row: _drop_refs(row, entity_id))
    block = _block(text, entity_id)
    start, end = block.start, block.end
    # Take one separating blank line with it, so two blocks do not end up two blank lines apart.
    following = text[end:]
    blank = re.match(r"[ \t]*\r?\n", following)
    if blank:
        end += blank.end()
    return text[:start] + text[end:]


# -- values in the file's style ---------------------------------------------------------------------


def toml_value(value: Any, fold: bool = False) -> str:
    """A value as this project writes it: inline tables with spaces, arrays on one line; with
    `fold`, a long one-line text as a folded multi-line string (see FOLD_CELLS), as an edit in place
    writes it into a hand-kept file."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, str):
        if fold and "\n" not in value and value[:1].strip() and _cells(value) > FOLD_CELLS:
            return _folded(value)
        return basic_string(value)
    if isinstance(value, dict):
        inner = ", ".join(f"{_key(k)} = {toml_value(v, fold)}" for k, v in value.items() if v is not None)
        return f"{{ {inner} }}" if inner else "{}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_value(v, fold) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} to TOML")


FOLD_CELLS = 96
"""A one-line text longer than this (in terminal cells: a Hangul syllable is two) is written as the
bundled file writes its summaries: a multi-line string folded at spaces with line-ending
backslashes, which TOML joins back into the same one line."""


def basic_string(value: str) -> str:
    """A TOML basic string: a JSON string, with DEL escaped too (JSON allows it, TOML does not).
    `encode_basestring` is what json.dumps(ensure_ascii=False) calls, without making an encoder
    per string (the whole-file writer, tui/facts/export/toml.py, quotes millions)."""
    return encode_basestring(value).replace("\x7f", "\\u007f")


def _cells(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _folded(value: str) -> str:
    """`value` as a multi-line basic string, folded after a space before each line would pass
    FOLD_CELLS cells: `\\` at a line's end drops the newline and the next line's leading blanks,
    so a fold goes only where a space is followed by a non-blank character."""
    escaped = basic_string(value)[1:-1]
    lines: list[str] = []
    line = ""
    for word in re.split(r"(?<= )(?=\S)", escaped):
        if line and _cells(line) + _cells(word) > FOLD_CELLS:
            lines.append(line)
            line = ""
        line += word
    lines.append(line)
    return '"""\\\n' + "\\\n".join(lines) + '"""'


def _key(key: str) -> str:
    return key if _BARE_KEY.match(key) else json.dumps(key, ensure_ascii=False)


def _item(value: Any) -> Any:
    """A tomlkit item written in this project's style."""
    return tomlkit.parse(f"x = {toml_value(value, fold=True)}\n")["x"]


# -- rewriting one block ------------------------------------------------------------------------------


def _block(text: str, entity_id: str) -> Block:
    block = find(text, entity_id)
    if block is None:
        raise ChangeError(
            f"cannot find where '{entity_id}' is written (its [[table]] header and id = \"{entity_id}\" line)"
        )
    return block


def _rewrite(text: str, block: Block, edit) -> str:
    original = block.text(text)
    crlf = "\r\n" in original
    source = original.replace("\r\n", "\n") if crlf else original
    try:
        document = tomlkit.parse(source)
    except tomlkit.exceptions.ParseError:
        raise ChangeError(f"the lines of '{block.entity_id}' do not read as TOML on their own") from None
    rows = document.get(block.table)
    if not isinstance(rows, AoT) or len(rows) != 1:
        raise ChangeError(f"the lines of '{block.entity_id}' do not read as one [[{block.table}]] entry")
    edit(rows[0])
    rewritten = tomlkit.dumps(document)
    if not rewritten.endswith("\n"):
        rewritten += "\n"
    if not source.endswith("\n"):  # the block was the file's last line, with no newline after it
        rewritten = rewritten[:-1]
    if crlf:
        rewritten = rewritten.replace("\n", "\r\n")
    return text[: block.start] + rewritten + text[block.end :]


def _assign(row: Table, path: tuple[str | int, ...], value: Any) -> None:
    container: Any = row
    for n, part in enumerate(path[:-1]):
        following = path[n + 1]
        if isinstance(part, int):
            try:
                container = container[part]
            except IndexError:
                raise ChangeError(f"there is no item {part} in {'.'.join(map(str, path[:n]))}") from None
            continue
        if part not in container:
            if value is None:
                return  # removing something that is not there
            if isinstance(following, int):
                raise ChangeError(f"there is no {part} to set item {following} of")
            container[part] = tomlkit.inline_table()
        container = container[part]
    last = path[-1]
    if isinstance(last, int):
        raise ChangeError("set a field of a list item (roles.0.title.ko), not the whole item")
    if value is None:
        if last in container:
            del container[last]
        return
    if isinstance(container.get(last), AoT) and isinstance(value, list) and value:
        container[last] = _tables(str(last), value)  # [[x.roles]] stays an array of tables
    else:
        container[last] = _item(value)


def _tables(key: str, items: list[Any]) -> AoT:
    """An array of tables written as `[[x.key]]` blocks, one blank line between them."""
    body = "\n".join(
        f"[[{key}]]\n" + "".join(f"{_key(k)} = {toml_value(v, fold=True)}\n" for k, v in item.items())
        for item in items
    )
    return tomlkit.parse(body)[key]


def _append(row: Table, key: str, item: Any) -> None:
    """Append `item` to the list under `key`, written as the list already is."""
    current = row.get(key)
    if isinstance(current, AoT):
        current.append(_tables(key, [item])[0])
    elif isinstance(current, Array):
        current.append(_item(item))
    else:
        row[key] = _item([item])


# -- references ---------------------------------------------------------------------------------------

_REFERENCE_KEYS: dict[str, tuple[str, ...]] = {
    # the key a reference is written under → the key inside a record that holds the id ("" = the value)
    "provenance": ("source",),
    "founders": ("",),
    "parent": ("",),
    "roles": ("organization",),
    "parties": ("",),
    "signatories": ("",),
    "commitments": ("party",),
    "investments": ("by",),
    "projects": ("",),
    "owner": ("",),
    "organizations": ("",),
    "agreements": ("",),
    "participants": ("",),
    "quote": ("speaker",),
    "related": ("",),
}
"""Where ids are written, by `Reference.field` (tests check it against every kind's `references()`)."""


def reference_fields() -> set[str]:
    """Every `Reference.field` the model yields (for the test that keeps `_REFERENCE_KEYS` whole)."""
    return set(_REFERENCE_KEYS)


def _replace_refs(row: Table, old: str, new: str) -> None:
    for key, (inner,) in _REFERENCE_KEYS.items():
        if key not in row:
            continue
        value = row[key]
        if inner == "":
            if isinstance(value, Array | list):
                for n, item in enumerate(list(value)):
                    if item == old:
                        value[n] = new
            elif value == old:
                row[key] = new
        elif isinstance(value, AoT | Array | list):
            for record in value:
                if record.get(inner) == old:
                    record[inner] = new
        elif isinstance(value, Table | InlineTable) and value.get(inner) == old:
            value[inner] = new


def _drop_refs(row: Table, target: str) -> None:
    for key, (inner,) in _REFERENCE_KEYS.items():
        if key not in row:
            continue
        value = row[key]
        if inner == "":
            if isinstance(value, Array | list):
                kept = [item for item in value if item != target]
                if len(kept) != len(value):
                    row[key] = _item(list(kept)) if kept else _item([])
                    if not kept:
                        del row[key]
            elif value == target:
                del row[key]
        elif isinstance(value, AoT | Array | list):
            for n in reversed(range(len(value))):
                if value[n].get(inner) == target:
                    del value[n]
            if len(value) == 0:
                del row[key]  # tomlkit would otherwise leave `key = []` above the table
        elif isinstance(value, Table | InlineTable) and value.get(inner) == target:
            del value[inner]


__all__ = [
    "KIND_BY_TABLE",
    "ChangeError",
    "add_entity",
    "change_entity",
    "remove",
    "rename",
    "set_field",
    "toml_value",
]
