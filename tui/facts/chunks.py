"""Parse a large fact file a few dozen entities at a time, so that its raw dicts never all exist at once.

tomli builds the whole document as dicts and lists, over twice the size of the entity Structs
msgspec then makes of them: at 100,000 entities (51 MB) that tree alone peaks near 480 MB, and
loading near 550 MB; read in pieces, loading peaks near 275 MB, and is faster too. Here the
sanitized text is cut just before some top-level ``[[table]]`` headers; each piece is parsed,
converted to Structs with the loader's own `convert`, and dropped before the next is parsed; the
`FactFile` is assembled from the converted pieces at the end.

`read` answers only when that certainly gives what parsing the whole text gives; None means "parse
it whole" (`tui.facts.load` then reports every problem, located, as it always has). Why it is exact:

* Pieces start only at a line that looks like ``[[name]]`` with an undotted name. If such a line is
  really inside a multi-line string or array, the piece before it ends inside that string or array
  and fails to parse: tomli reads a piece exactly as it reads the whole text up to there (statements
  end at a newline; strings and arrays are closed explicitly). So when every piece parses, every cut
  is at a real header, and each later piece starts a new entry of a top-level array of tables.
* The first piece (``[meta]`` and anything else before the first ``[[name]]`` line) converts as a
  `FactFile` of its own. A later piece may hold at its top level only arrays of tables, named after
  the entity tables and not defined by the first piece. A header that reaches outside its piece
  (``[meta]`` again, ``[people.x]`` after the last ``[[people]]`` went into an earlier piece, or a
  second ``[organizations]``) makes a table at the piece's top level or reuses a first-piece key, so
  `read` gives up and the whole-document parse accepts or rejects it. Within those rules the
  document's tables are the first piece's plus the later pieces' arrays joined in order, and tomli's
  checks against redefining a table (kept per key path, reset by each ``[[name]]``) cannot differ.
* Every piece must parse and convert; any failure gives up, as does anything unexpected.
* When TOML escapes may produce unsafe characters, each piece's dicts are cleaned before converting,
  as the whole tree would be (`clean_tree`); a later piece's top-level keys must already be plain
  table names, so cleaning cannot merge two keys across pieces.

Never imports Textual. The caller checks the meaning (references, dates) of what `read` returns.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import chain, pairwise
from typing import Any

import msgspec
import tomli

from tui.facts.model import FactFile
from tui.facts.sanitize import clean_tree

MIN_CHARS = 1_000_000
"""Texts shorter than this are parsed whole: there is little memory to save, and no overhead to pay."""
CHUNK_CHARS = 32_000
"""About how many characters go into one piece: some 70 entities of a typical file.

Small on purpose: a piece's dicts (about ten bytes per character) then stay in the CPU's cache from
parsing to converting to freeing, which makes reading in pieces faster than parsing the file whole
(at 100,000 entities, 0.8 of tomli's time against 0.87). Pieces of a million characters were a
fifth slower, slower than parsing whole; 15,000 to 60,000 measured alike.
"""

_TABLES: dict[str, Any] = {
    f.encode_name: f.type for f in msgspec.structs.fields(FactFile) if f.encode_name != "meta"
}
"""The arrays of tables a later piece may hold, each with the type it converts to."""

_HEADER = re.compile(r"\n[ \t]*\[\[[ \t]*(?:[A-Za-z0-9_-]+|\"[^\"\\\n]*\"|'[^'\n]*')[ \t]*\]\]")
"""A line starting an entry of a top-level array of tables: ``[[people]]``, ``[[ "people" ]] # note``.

Not ``[[people.roles]]``: that entry belongs to the ``[[people]]`` before it, in the same piece.
"""


Progress = Callable[[float, int], None]
"""`progress(fraction, entities)`: the share of the text read (0.0 to 1.0) and the entities read so far."""


class _GiveUp(Exception):
    """The pieces cannot be trusted to give what the whole document gives."""


def starts(text: str, chunk_chars: int | None = None) -> list[int]:
    """Where the pieces start: 0, the first ``[[name]]`` line, then one about every `chunk_chars`."""
    step = CHUNK_CHARS if chunk_chars is None else chunk_chars
    found = [0]
    match = _HEADER.search(text)
    while match is not None:
        found.append(match.start() + 1)  # just after the newline: "\r\n" stays whole
        match = _HEADER.search(text, match.start() + 1 + step)
    return found


def read(
    text: str,
    deep_clean: bool,
    convert: Callable[[Any, Any], Any],
    chunk_chars: int | None = None,
    progress: Progress | None = None,
) -> FactFile | None:
    """The FactFile of a sanitized text, read piece by piece; None when only the whole document can tell.

    `deep_clean`: whether the parsed values need `clean_tree` (from `clean_document`). `convert`:
    the loader's strict conversion, `convert(value, type)`. None also for a text without any
    ``[[name]]`` line: there is nothing to cut. `progress` is called after each piece; what it
    raises, if not an `Exception` (the loader's `LoadCancelled`), stops the reading.
    """
    bounds = starts(text, chunk_chars)
    if len(bounds) < 2:
        return None
    bounds.append(len(text))
    try:
        return _read(text, bounds, deep_clean, convert, progress)
    except Exception:  # a syntax error, a wrong type, a cut that cannot be trusted, or a surprise:
        return None  # the whole-document path decides, and says what is wrong


def _read(
    text: str,
    bounds: list[int],
    deep_clean: bool,
    convert: Callable[[Any, Any], Any],
    progress: Progress | None,
) -> FactFile:
    head = tomli.loads(text[: bounds[1]])
    if deep_clean:
        head = clean_tree(head)
    first = convert(head, FactFile)
    taken = frozenset(head)
    del head
    parts: dict[str, list[tuple]] = {name: [getattr(first, name)] for name in _TABLES}
    entities = sum(len(rows) for (rows,) in parts.values())
    for begin, end in pairwise(bounds[1:]):
        for name, rows in _piece(text[begin:end], taken, deep_clean, convert):
            parts[name].append(rows)
            entities += len(rows)
        if progress is not None:
            progress(end / len(text), entities)
    tables = {
        name: got[0] if len(got) == 1 else tuple(chain.from_iterable(got)) for name, got in parts.items()
    }
    return FactFile(meta=first.meta, **tables)


def _piece(
    source: str, taken: frozenset[str], deep_clean: bool, convert: Callable[[Any, Any], Any]
) -> list[tuple[str, tuple]]:
    """A later piece's arrays of tables, converted; its dicts are freed when this returns."""
    data = tomli.loads(source)
    for name, rows in data.items():
        if name not in _TABLES or name in taken or not isinstance(rows, list):
            raise _GiveUp(name)
    if deep_clean:
        data = clean_tree(data)
    return [(name, convert(rows, _TABLES[name])) for name, rows in data.items()]
