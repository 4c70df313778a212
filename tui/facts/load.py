"""Read, sanitize and validate a fact file into a `FactBase`, or report every problem in it.

Valid files take the fast path: one msgspec `convert` of the whole document, then one
pass over the references that only answers "all fine?". Only when that fails does the slow
path walk the data field by field to collect every problem, each located by table, id,
field and line. A file that loaded before and has not changed comes from `tui.facts.cache`.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
import typing
from collections.abc import Iterable, Iterator, Mapping
from functools import cache, partial
from pathlib import Path
from typing import Any

import msgspec
import tomli

from tui.facts import cache as fact_cache
from tui.facts import chunks
from tui.facts.index import FactBase, gc_paused
from tui.facts.messages import Joined, Said
from tui.facts.model import (
    ENTITY_TYPES,
    KIND_BY_TABLE,
    Entity,
    FactFile,
    FileMeta,
)
from tui.facts.problems import FactFileError, Found, Problem
from tui.facts.sanitize import clean_document, clean_tree

MAX_SUGGESTED = 50
"""Did-you-mean lookups scan every id; only the first problems get one."""

Progress = chunks.Progress
"""`progress(fraction, entities)`: how far `load` has got (0.0 to 1.0 of the text read, and the
entities read so far). Called between steps and after every piece of a large file; it may raise
`LoadCancelled` to stop the load."""


# -- reading ----------------------------------------------------------------------------------------


def _fail(path: Path | str, message: Said, hint: Said, **where: Any) -> FactFileError:
    return FactFileError(path, [Problem(message, hint=hint, **where)])


def read_bytes(path: Path) -> tuple[bytes, os.stat_result | None]:
    """The file's bytes and its status (None if not known), or a FactFileError saying why it cannot be read."""
    try:
        with open(path, "rb") as f:
            try:
                status: os.stat_result | None = os.fstat(f.fileno())
            except OSError:
                status = None
            return f.read(), status
    except FileNotFoundError:
        raise _fail(path, Said("problem.not_found"), Said("problem.hint.not_found")) from None
    except IsADirectoryError:
        raise _fail(path, Said("problem.is_directory"), Said("problem.hint.is_directory")) from None
    except PermissionError:
        raise _fail(path, Said("problem.permission_denied"), Said("problem.hint.permission_denied")) from None
    except OSError as exc:
        reason = str(exc.strerror or exc)  # the system's words, in its language: quoted as they are
        raise _fail(
            path, Said("problem.cannot_read", error=reason), Said("problem.hint.cannot_read")
        ) from None


def peek_meta(path: Path, limit: int = 65_536) -> FileMeta | None:
    """The `[meta]` table from the file's first bytes, sanitized, or None if it cannot be read there.

    For what the explorer shows while a large file loads (its title and language); the load
    itself checks everything again.
    """
    try:
        with open(path, "rb") as f:
            head = f.read(limit).decode("utf-8-sig", errors="ignore")
        bounds = chunks.starts(head)
        if len(bounds) < 2:
            return None  # no [[table]] within the limit: where [meta] ends is unknown
        text, needs_deep_clean = clean_document(head[: bounds[1]])
        data = tomli.loads(text)
        if needs_deep_clean:
            data = clean_tree(data)
        return _convert(data["meta"], FileMeta)
    except Exception:  # anything wrong is the load's to report
        return None


def decode_text(data: bytes, path: Path | str) -> str:
    """The text of a fact file's bytes, or a FactFileError saying why they are not one."""
    fail = partial(_fail, path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        line_start = before.rfind(b"\n") + 1
        col = len(before[line_start:].decode("utf-8", errors="replace")) + 1  # characters, like TOML errors
        raise fail(
            Said("problem.not_utf8", byte=f"{data[exc.start]:02x}"),
            Said("problem.hint.not_utf8"),
            line=line,
            col=col,
        ) from None
    if not text or text.isspace():  # like `not text.strip()`, without copying 50 MB
        raise fail(Said("problem.empty"), Said("problem.hint.empty"))
    return text


def _parse_clean(text: str, path: Path | str, needs_deep_clean: bool) -> dict[str, Any]:
    """Parse a sanitized text whole (`needs_deep_clean` from `clean_document`), or a FactFileError."""
    try:
        data = tomli.loads(text)
    except tomli.TOMLDecodeError as exc:
        line, col = getattr(exc, "lineno", None), getattr(exc, "colno", None)
        message = getattr(exc, "msg", str(exc))
        lines = text.split("\n")  # not splitlines(): U+2028 inside a string is not a line break in TOML
        excerpt = lines[line - 1].rstrip("\r") if line and line <= len(lines) else ""
        raise FactFileError(
            path,
            [
                Problem(
                    Said("problem.toml_syntax", detail=_toml_said(message)),
                    line=line,
                    col=col,
                    excerpt=excerpt.strip()[:120],
                    hint=Said("problem.hint.toml_syntax"),
                )
            ],
        ) from None
    except RecursionError:
        raise _too_deep(text, path) from None
    except ValueError:  # Python refuses to convert an integer of more than 4,300 digits
        raise _too_long(text, path) from None
    if needs_deep_clean:
        try:
            data = clean_tree(data)
        except RecursionError:
            raise _too_deep(text, path) from None
    return data


_TOML_SHAPES = tuple(
    (re.compile(pattern), key)
    for pattern, key in (
        (r"Invalid initial character for a key part", "problem.toml.invalid_key_start"),
        (r"Invalid value", "problem.toml.invalid_value"),
        (r"Found invalid character (?P<char>.+)", "problem.toml.invalid_character"),
        (r"Cannot declare (?P<key>.+) twice", "problem.toml.declared_twice"),
        (r"Expected '\]' at the end of a table declaration", "problem.toml.table_end"),
        (r"Expected '\]\]' at the end of an array declaration", "problem.toml.array_end"),
        (r"Cannot mutate immutable namespace (?P<key>.+)", "problem.toml.immutable"),
        (r"Cannot overwrite a value", "problem.toml.overwrite"),
        (r"Expected '=' after a key in a key/value pair", "problem.toml.equals"),
        (r"Invalid hex value", "problem.toml.hex"),
        (r"Escaped character is not a Unicode scalar value", "problem.toml.not_scalar"),
        (r"Expected newline or end of document after a statement", "problem.toml.newline"),
        (r"Cannot redefine namespace (?P<key>.+)", "problem.toml.redefine"),
        (r"Unclosed array", "problem.toml.unclosed_array"),
        (r"Duplicate inline table key (?P<key>.+)", "problem.toml.duplicate_inline_key"),
        (r"Unclosed inline table", "problem.toml.unclosed_inline_table"),
        (r"Unescaped '\\' in a string", "problem.toml.unescaped_backslash"),
        (r"Illegal character (?P<char>.+)", "problem.toml.illegal_character"),
        (r"Expected (?P<expect>'.+')", "problem.toml.expected"),
        (r"Unterminated string", "problem.toml.unterminated_string"),
        (r"Invalid date or datetime", "problem.toml.invalid_date"),
        (r"Invalid statement", "problem.toml.invalid_statement"),
    )
)
"""tomli's messages (tomli/_parser.py), each with the key that says it in either language."""


def _toml_said(message: str) -> Said:
    """tomli's English `message` as a `Said`; one not in `_TOML_SHAPES` is quoted as it is."""
    for pattern, key in _TOML_SHAPES:
        match = pattern.fullmatch(message)
        if match is not None:
            said = Said(key, **match.groupdict())
            if said == message:  # English exactly as tomli said it
                return said
    return Said("problem.quoted", detail=message)


_DEEP = re.compile(r"(?:[\[{]\s*){64,}")
_LONG_NUMBER = re.compile(r"[0-9_]{4300,}|0[xob][0-9a-fA-F_]{1000,}")


def _line_of(text: str, pattern: re.Pattern[str]) -> tuple[int | None, int | None]:
    match = pattern.search(text)
    if match is None:
        return None, None
    start = text.rfind("\n", 0, match.start()) + 1
    return text.count("\n", 0, match.start()) + 1, match.start() - start + 1


def _too_deep(text: str, path: Path | str) -> FactFileError:
    line, col = _line_of(text, _DEEP)
    if line is None:  # nested inline tables or a long dotted key: the line with the most nesting
        lines = text.split("\n")
        depth = [sum(map(row.count, "[{.")) for row in lines]
        line, col = depth.index(max(depth)) + 1, 1
    return FactFileError(
        path,
        [Problem(Said("problem.too_deep"), line=line, col=col, hint=Said("problem.hint.too_deep"))],
    )


def _too_long(text: str, path: Path | str) -> FactFileError:
    line, col = _line_of(text, _LONG_NUMBER)
    return FactFileError(
        path,
        [
            Problem(
                Said("problem.too_long"),
                line=line,
                col=col,
                hint=Said("problem.hint.too_long"),
            )
        ],
    )


def load(path: Path | str, cache: bool = True, progress: Progress | None = None) -> FactBase:
    """Load a fact file into a FactBase, or raise FactFileError with every problem in it.

    With `cache` (the default), a file that loaded before and has not changed since (same
    path, size, mtime and content hash) comes from the cache of validated files instead of
    being parsed again; see `tui.facts.cache` (`FACTS_TUI_NO_CACHE=1` turns it off).
    `progress` is told how far the load has got (see `Progress`).
    """
    path = Path(path)
    report = progress or _no_progress
    data, status = read_bytes(path)
    report(0.0, 0)
    with gc_paused():
        slot = None
        if cache and status is not None and stat.S_ISREG(status.st_mode):
            slot = fact_cache.slot_for(path, data, status)
            if slot is not None:
                cached = slot.fetch()
                if cached is not None:
                    return FactBase(cached, path)
                report(0.0, 0)
        text, needs_deep_clean = clean_document(decode_text(data, path), data)
        del data  # from here on the text is all that is needed
        report(0.0, 0)
        facts = _read(text, path, needs_deep_clean, progress)
        del text
        if slot is not None:
            report(1.0, sum(len(getattr(facts, t.TABLE)) for t in ENTITY_TYPES))
            slot.store(facts)
        return FactBase(facts, path)


def _no_progress(fraction: float, entities: int) -> None:
    pass


def loads(text: str, path: str = "<string>") -> FactBase:
    """Load a fact file from a string (for tests and tools). Never cached."""
    with gc_paused():
        text, needs_deep_clean = clean_document(text)
        return FactBase(_read(text, path, needs_deep_clean), Path(path))


def _read(text: str, path: Path | str, needs_deep_clean: bool, progress: Progress | None = None) -> FactFile:
    """The validated FactFile of a sanitized text, or a FactFileError with every problem in it.

    A large text is first read piece by piece (`tui.facts.chunks`), never holding the whole raw
    tree; that answer is kept only when it is certainly the whole document's and certainly valid.
    Otherwise, and always for ordinary sizes, the whole document is parsed (the raw tree is the
    bulk of the memory; it is freed on return, before caching) and validated, problems and all.
    """
    if len(text) >= chunks.MIN_CHARS and not _full_check():
        facts = chunks.read(text, needs_deep_clean, _convert, progress=progress)
        if facts is not None and _certainly_meaningful(facts):
            return facts
        del facts  # wrong somewhere, or not certainly right: free it before parsing again
    data = _parse_clean(text, path, needs_deep_clean)
    return _validate(data, Path(path), text)


TOML_TYPES = (dt.date, dt.time)
"""TOML has dates and times of its own, so a quoted "2023-03-06" is a string, not a date."""


def _convert(value: Any, tp: Any) -> Any:
    return msgspec.convert(value, tp, builtin_types=TOML_TYPES)


def load_data(data: dict[str, Any], path: Path, text: str = "") -> FactBase:
    """Validate parsed data into a FactBase: fast path first, the thorough one on failure."""
    return FactBase(_validate(data, path, text), path)


def _validate(data: dict[str, Any], path: Path, text: str) -> FactFile:
    """The validated FactFile, or a FactFileError with every problem in `data`."""
    try:
        facts = _convert(data, FactFile)
    except (msgspec.ValidationError, ValueError):  # ValueError: msgspec quoting a 5,000-digit number
        problems, facts = _collect_structure_problems(data)
    else:
        if _certainly_meaningful(facts):
            return facts
        problems = []
    kind_of, duplicates = _raw_ids(data)
    problems += duplicates
    problems += _check_meaning(facts, kind_of)
    if problems:
        from tui.facts.locate import Locator  # only a file with problems needs it

        locator = Locator(text, data)
        placed = [locator.place(p) for p in problems]
        placed.sort(key=lambda p: p.line or 0)
        raise FactFileError(path, placed)
    return facts


# -- the thorough pass -------------------------------------------------------------------------------


def _collect_structure_problems(data: dict[str, Any]) -> tuple[list[Found], FactFile]:
    """Walk the data against the model, field by field; keep the entities that are valid."""
    problems: list[Found] = []
    _check_value(data, FactFile, (), problems, shallow_tables=True)
    tables: dict[str, Any] = {}
    for entity_type in ENTITY_TYPES:
        rows = data.get(entity_type.TABLE)
        if not isinstance(rows, list):
            continue
        good = []
        for i, row in enumerate(rows):
            found: list[Found] = []
            _check_value(row, entity_type, (entity_type.TABLE, i), found)
            if found:
                problems += found
                partial = _without_bad_fields(row, entity_type, found)
                if partial is not None:  # still check its references and dates, in this same pass
                    good.append(partial)
            else:
                good.append(_convert(row, entity_type))
        tables[entity_type.TABLE] = tuple(good)
    try:
        meta = _convert(data.get("meta"), FileMeta)
    except (msgspec.ValidationError, ValueError):
        meta = FileMeta(title="")
    return problems, FactFile(meta=meta, **tables)


def _without_bad_fields(row: Any, entity_type: type[Entity], found: list[Found]) -> Entity | None:
    """The entity without the fields that have problems, if that still makes a valid entity."""
    if not isinstance(row, dict):
        return None
    bad = {f.path[2] for f in found if len(f.path) > 2}
    try:
        return _convert({k: v for k, v in row.items() if k not in bad}, entity_type)
    except (msgspec.ValidationError, ValueError):
        return None


def _check_value(value: Any, tp: Any, path: tuple, out: list[Found], shallow_tables: bool = False) -> None:
    """Append a problem for everything in `value` that does not fit type `tp`."""
    if typing.get_origin(tp) is typing.Annotated:
        base = typing.get_args(tp)[0]
        if typing.get_origin(base) is tuple:  # a constrained list: check items, then the list's own rules
            _check_value(value, base, path, out)
            if any(f.path[: len(path)] == path for f in out):
                return
        _convert_or_report(value, tp, path, out)
        return
    if isinstance(tp, type) and issubclass(tp, msgspec.Struct):
        _check_struct(value, tp, path, out, shallow_tables)
        return
    if typing.get_origin(tp) is tuple:
        if not isinstance(value, list):
            out.append(Found(path, Said("problem.expected_array", found=_describe(value))))
            return
        item_type = typing.get_args(tp)[0]
        for i, item in enumerate(value):
            _check_value(item, item_type, (*path, i), out)
        return
    args = typing.get_args(tp)
    if type(None) in args:  # Optional[X]: TOML has no null, so check against X
        inner = [a for a in args if a is not type(None)]
        if len(inner) == 1:
            _check_value(value, inner[0], path, out)
            return
    _convert_or_report(value, tp, path, out)


def _check_struct(value: Any, tp: type[msgspec.Struct], path: tuple, out: list[Found], shallow: bool) -> None:
    if not isinstance(value, dict):
        out.append(Found(path, Said("problem.expected_table", found=_describe(value))))
        return
    fields = _fields_of(tp)
    for key in value:
        if key not in fields:
            close = _close_matches(key, fields)
            hint = (
                Said("problem.hint.did_you_mean", word=close[0])
                if close
                else Said("problem.hint.allowed_keys", keys=", ".join(fields))
            )
            out.append(Found((*path, key), Said("problem.unknown_key", key=key), hint))
    for name, info in fields.items():
        if name not in value:
            if info.required:
                message = Said("problem.missing_field", name=name)
                out.append(Found((*path, name), message, Said("problem.hint.missing_field", name=name)))
            continue
        if shallow and name in KIND_BY_TABLE:
            if not isinstance(value[name], list):
                out.append(
                    Found(
                        (*path, name),
                        Said("problem.expected_tables", found=_describe(value[name])),
                        Said("problem.hint.expected_tables", name=name),
                    )
                )
            continue  # entities are checked one by one by the caller
        _check_value(value[name], info.type, (*path, name), out)


@cache
def _fields_of(tp: type[msgspec.Struct]) -> dict[str, msgspec.structs.FieldInfo]:
    """The fields of a record type by their key in the file. Once per type: msgspec evaluates the
    annotations again on every call, which made the walk of a file with problems ten times slower."""
    return {f.encode_name: f for f in msgspec.structs.fields(tp)}


def _convert_or_report(value: Any, tp: Any, path: tuple, out: list[Found]) -> None:
    try:
        _convert(value, tp)
    except msgspec.ValidationError as exc:
        message = str(exc)
        suffix_at = message.find(" - at `$")
        inner: tuple = ()
        if suffix_at >= 0:
            inner = _parse_msgspec_path(message[suffix_at + 8 : -1])
            message = message[:suffix_at]
        out.append(Found((*path, *inner), _humanize(message, value), _hint_for(message, tp)))
    except ValueError:  # msgspec could not even quote the value: an integer of thousands of digits
        message = Said("problem.expected_other", expected=_expected(tp), found=_describe(value))
        out.append(Found(path, message, Said("problem.hint.int64")))


def _expected(tp: Any) -> str:
    literal = _literal_values(tp)
    if literal:
        return Said("problem.type.one_of", values=", ".join(literal))
    name = getattr(tp, "__name__", None)
    return _type_said(name) if name is not None else Said("problem.type.smaller")


def _parse_msgspec_path(text: str) -> tuple:
    parts: list[str | int] = []
    for piece in text.replace("]", "").replace("[", ".").split("."):
        if piece:
            parts.append(int(piece) if piece.isdigit() else piece.strip("'\""))
    return tuple(parts)


_MSGSPEC_SHAPES = tuple(
    (re.compile(pattern), key)
    for pattern, key in (
        (r"Expected `(?P<type>[^`]+)`", "problem.expected"),
        (r"Expected `(?P<type>[^`]+)` (?P<op>[<>]=?) (?P<bound>\S+)", "problem.expected_bound"),
        (r"Expected `(?P<type>[^`]+)` matching regex (?P<pattern>.+)", "problem.expected_pattern"),
        (r"Expected `(?P<type>[^`]+)` of length (?P<op>[<>]=?) (?P<bound>\S+)", "problem.expected_length"),
        (r"Invalid enum value (?P<value>.+)", "problem.invalid_enum"),
    )
)
"""msgspec's messages (without ', got ...' and the path) in the shapes its validation of the
model's types gives them (read from msgspec 0.23's `_core.c`), each with the key that says it."""
_OPERATORS = {">=": "problem.op.ge", "<=": "problem.op.le", ">": "problem.op.gt", "<": "problem.op.lt"}


def _humanize(message: str, value: Any) -> Said:
    """msgspec's 'Expected `int`, got `str`' becomes "expected int, found a string '2013'"."""
    message = message.split(", got ")[0]
    found = _describe(value)
    plain = message.replace("`", "")
    detail = f"{plain[0].lower()}{plain[1:]}"
    for pattern, key in _MSGSPEC_SHAPES:
        match = pattern.fullmatch(message)
        if match is None:
            continue
        values: dict[str, Any] = {**match.groupdict(), "found": found}
        if "type" in values:
            values["type"] = _type_said(values["type"])
        if "op" in values:
            values["op"] = Said(_OPERATORS[values["op"]])
        said = Said(key, **values)
        if said == f"{detail}, found {found}":  # English exactly as before
            return said
    return Said("problem.invalid_other", detail=detail, found=found)


def _type_said(name: str) -> Said:
    """msgspec's name of a type (`int`, `str | null`) in either language."""
    if " | " in name:
        return Joined("problem.type_or", parts=tuple(_type_said(part) for part in name.split(" | ")))
    key = f"problem.type.{name}"
    return Said(key) if key in _TYPE_KEYS else Said("problem.quoted", detail=name)


_TYPE_KEYS = frozenset(f"problem.type.{t}" for t in ("int", "float", "str", "bool", "array", "object"))
_TYPE_KEYS |= {f"problem.type.{t}" for t in ("date", "time", "datetime", "null")}


def _hint_for(message: str, tp: Any) -> Said | str:
    text = message.lower()
    literal = _literal_values(tp)
    if literal:
        return Said("problem.hint.one_of", values=", ".join(literal))
    if "expected `date`" in text:
        return Said("problem.hint.date")
    if "expected `time`" in text:
        return Said("problem.hint.time")
    if "matching regex" in text and "a-z0-9" in text:
        return Said("problem.hint.id")
    if "matching regex" in text and "[a-z]{3}" in text:  # the currency pattern, lower-cased above
        return Said("problem.hint.currency_code")
    if "<= 9223372036854775807" in text:
        return Said("problem.hint.too_large")
    if ">= 0" in text:
        return Said("problem.hint.negative")
    if "expected `int`" in text:
        return Said("problem.hint.int")
    if "expected `str`" in text:
        return Said("problem.hint.str")
    if "length >= 1" in text:
        return Said("problem.hint.at_least_one")
    return ""


def _literal_values(tp: Any) -> list[str]:
    if typing.get_origin(tp) is typing.Annotated:
        tp = typing.get_args(tp)[0]
    if typing.get_origin(tp) is typing.Literal:
        return [str(a) for a in typing.get_args(tp)]
    return []


def _describe(value: Any) -> Said:
    """'a string '2013'', 'an empty array', 'datetime': the value a problem found, in either language."""
    if isinstance(value, bool):
        return Said("problem.value.true" if value else "problem.value.false")
    if isinstance(value, (list, dict)):
        empty = "empty_" if not value else ""
        return Said(f"problem.value.{empty}{'array' if isinstance(value, list) else 'table'}")
    if isinstance(value, int) and value.bit_length() > 128:  # repr may refuse it
        return Said("problem.value.huge_integer", digits=int(value.bit_length() * 0.30103) + 1)
    kind = {str: "string", int: "integer", float: "number"}.get(type(value))
    if kind is None:
        return _type_said(type(value).__name__)  # a TOML date, time or datetime
    shown = repr(value)
    if len(shown) > 40:
        shown = shown[:37] + "..."
    return Said(f"problem.value.{kind}", shown=shown)


# -- meaning, fast: is everything fine? -------------------------------------------------------------

FULL_CHECK = "FACTS_TUI_FULL_CHECK"
"""Set to 1, every file is checked the full way, entity by entity, even one the fast check finds
fine: tests and benchmarks compare the two ways with it."""


def _full_check() -> bool:
    return os.environ.get(FULL_CHECK) == "1"


def _certainly_meaningful(facts: FactFile) -> bool:
    """True only if `_raw_ids` and `_check_meaning` would find nothing, for a file that converted:
    `tui.facts.rules.fine`, the same rules and references asked table by table (False when
    `FACTS_TUI_FULL_CHECK=1` asks for the full check)."""
    if _full_check():
        return False
    from tui.facts.rules import fine  # reads the field table, which start-up need not import

    return fine(facts)


# -- meaning: ids, references, dates --------------------------------------------------------------


def _raw_ids(data: dict[str, Any]) -> tuple[dict[str, str], list[Found]]:
    """Every id written in the file with its kind, and the duplicates.

    Read from the raw data so that an entity with a broken field still counts: its id
    exists, and references to it are not reported as dangling.
    """
    kind_of: dict[str, str] = {}
    first_seen: dict[str, tuple[str, int]] = {}
    duplicates: list[Found] = []
    for table, entity_type in KIND_BY_TABLE.items():
        rows = data.get(table)
        if not isinstance(rows, list):
            continue
        for i, row in enumerate(rows):
            entity_id = row.get("id") if isinstance(row, dict) else None
            if not isinstance(entity_id, str):
                continue
            if entity_id in first_seen:
                other, j = first_seen[entity_id]
                duplicates.append(
                    Found(
                        (table, i, "id"),
                        Said("problem.duplicate_id", id=entity_id, first=f"{other}[#{j + 1}]"),
                        Said("problem.hint.duplicate_id"),
                    )
                )
            else:
                first_seen[entity_id] = (table, i)
                kind_of[entity_id] = entity_type.KIND
    return kind_of, duplicates


def _check_meaning(facts: FactFile, kind_of: dict[str, str]) -> list[Found]:
    """Dangling or mistyped references, and every rule of `tui.facts.rules` an entity breaks."""
    from tui.facts.rules import breaches

    problems: list[Found] = []
    suggestions = [MAX_SUGGESTED]
    for entity_type in ENTITY_TYPES:
        for i, entity in enumerate(getattr(facts, entity_type.TABLE)):
            path = (entity_type.TABLE, i)
            problems += _reference_problems(entity, path, kind_of, suggestions)
            problems += breaches(entity, path)
    return problems


def _reference_problems(
    entity: Entity, path: tuple, kind_of: Mapping[str, str], suggestions: list[int]
) -> Iterator[Found]:
    """The entity's references to ids that do not exist or name the wrong kind. `suggestions[0]`
    is how many more did-you-mean lookups may be made (each scans every id)."""
    for ref in entity.references():
        kind = kind_of.get(ref.target)
        if kind is None:
            hint = Said("problem.hint.missing_target")
            if suggestions[0] > 0:
                suggestions[0] -= 1
                close = _close_matches(ref.target, kind_of)
                if close:
                    hint = Said("problem.hint.did_you_mean", word=close[0])
            message = Said("problem.missing_target", role=_role(ref.role), id=ref.target)
            yield Found(path, message, hint, ref.target, ref.field)
        elif kind not in ref.kinds:
            kinds = Joined("problem.or", parts=tuple(Said(f"problem.kind.{k}") for k in ref.kinds))
            yield Found(
                path,
                Said("problem.wrong_kind", role=_role(ref.role), id=ref.target, kind=_a(kind), kinds=kinds),
                Said("problem.hint.wrong_kind"),
                ref.target,
                ref.field,
            )


def entity_problems(row: Any, entity_type: type[Entity], kind_of: Mapping[str, str]) -> list[Found]:
    """Every problem `check` would find in one entity's table `row` (each path starts with its table
    and index 0), its references looked up in `kind_of` (the file's ids → their kinds): the edit
    form checks what is typed with the loader's own rules and words."""
    from tui.facts.rules import breaches

    path = (entity_type.TABLE, 0)
    found: list[Found] = []
    _check_value(row, entity_type, path, found)
    if found:  # as the loader does: what is left without the bad fields is checked too
        entity = _without_bad_fields(row, entity_type, found)
        if entity is None:
            return found
    else:
        try:
            entity = _convert(row, entity_type)
        except (msgspec.ValidationError, ValueError) as error:  # what the walk leaves to msgspec
            return [Found(path, Said("problem.quoted", detail=str(error)))]
    return [*found, *_reference_problems(entity, path, kind_of, [1]), *breaches(entity, path)]


def _close_matches(word: str, candidates: Iterable[str]) -> list[str]:
    """The candidate most like `word` (similarity ratio at least 60 of 100), for did-you-mean hints.

    rapidfuzz compares a wrong id with 100,000 ids in about 30 ms, where difflib took half a
    second and so only looked at ids with the same first letter (benchmarks/README.md)."""
    from rapidfuzz import fuzz, process  # imported by the first problem, not at start-up

    found = process.extractOne(word, list(candidates), scorer=fuzz.ratio, score_cutoff=60)
    return [found[0]] if found else []


def _a(kind: str) -> Said:
    """'an agreement', 'a person'; in Korean, the kind."""
    return Said(f"problem.a_kind.{kind}")


def _role(role: str) -> Said:
    """What a reference is to the entity naming it ('signatory'), in either language
    (`problem.role.*`, one for each role of `tui.facts.rules.ROLES`)."""
    return Said(f"problem.role.{role}")
