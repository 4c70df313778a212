"""One kind per CSV (id, names, the kind's own columns, the rest as JSON), or a directory of them."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable, Iterable
from operator import attrgetter
from pathlib import Path
from typing import Any, cast

import msgspec

from tui.facts.export.atomic import write_text
from tui.facts.fields import KINDS, Field, KindFields
from tui.facts.index import FactBase
from tui.facts.model import ENTITY_KINDS, TYPE_BY_KIND

Column = tuple[str, Callable[[Any], Any]]


def _ids(ids: Iterable[str]) -> str:
    return ";".join(ids)


def _iso(value: dt.date | dt.time | None) -> str:
    return value.isoformat() if value is not None else ""


def _field_columns(field: Field) -> tuple[list[Column], bool]:
    """A field's columns, by its type, and whether they hold all of it (else it also goes in `data`)."""
    get = attrgetter(field.key)
    key = field.key
    match field.type:
        case "bilingual":
            return [(f"{key}_ko", lambda e: get(e).ko), (f"{key}_en", lambda e: get(e).en)], True
        case "kind" | "choice" | "text" | "url":
            return [(key, get)], True
        case "year" | "ref":
            return [(key, lambda e: get(e) or "")], True
        case "refs":
            return [(key, lambda e: _ids(get(e)))], True
        case "money":
            return [
                (f"{key}_amount", lambda e: m.amount if (m := get(e)) else ""),
                (f"{key}_currency", lambda e: m.currency if (m := get(e)) else ""),
            ], True
        case "period":
            return [
                (f"{key}_start", lambda e: p.start if (p := get(e)) else ""),
                (f"{key}_end", lambda e: (p.end or "") if (p := get(e)) else ""),
            ], True
        case "date":
            columns: list[Column] = [(key, lambda e: _iso(get(e)))]
            if field.precision:
                precision = attrgetter(field.precision)
                columns.append((field.precision, lambda e: precision(e) if get(e) else ""))
            if field.note:
                columns += _field_columns(Field(field.note, "bilingual"))[0]
            if field.time:
                time = attrgetter(field.time)
                columns.append((field.time, lambda e: _iso(time(e))))
            return columns, True
        case "roles":
            # The first title, and every organization: the rest of the roles stays in `data`.
            return [
                ("title_ko", lambda e: r[0].title.ko if (r := get(e)) else ""),
                ("title_en", lambda e: r[0].title.en if (r := get(e)) else ""),
                ("organizations", lambda e: _ids(role.organization for role in get(e))),
            ], False
    raise ValueError(f"a {field.type} field ({key}) has no CSV columns")


def _kind_columns(kind: KindFields) -> tuple[list[Column], set[str]]:
    columns: list[Column] = []
    name = kind.field(kind.name)
    covered = {name.key}
    for field in map(kind.field, kind.csv):
        field_columns, whole = _field_columns(field)
        columns += field_columns
        if whole:
            covered |= {field.key, *(part.key for part in kind.fields if part.part_of == field.key)}
    return columns, covered


_NAME_COLUMNS: dict[str, list[Column]] = {
    kind: [
        (
            f"name_{lang}",
            cast(Callable[[Any], Any], lambda e, get=attrgetter(f"{fields.name}.{lang}"): get(e)),
        )
        for lang in ("ko", "en")
    ]
    for kind, fields in KINDS.items()
}
"""name_ko and name_en: a source's name is its title."""

CSV_COLUMNS: dict[str, list[Column]] = {kind: _kind_columns(KINDS[kind])[0] for kind in ENTITY_KINDS}
"""The columns of each kind's CSV after id, name_ko and name_en, from `KindFields.csv`."""

_CSV_COVERED: dict[str, set[str]] = {kind: _kind_columns(KINDS[kind])[1] for kind in ENTITY_KINDS}
"""Fields fully shown by the columns above; every other field goes into the `data` column as JSON."""

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    # A text cell starting with '=', '+', '-' or '@' runs as a formula in spreadsheets: quote it.
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_header(kind: str) -> list[str]:
    """The column names of one kind's CSV."""
    return ["id", "name_ko", "name_en", *(name for name, _ in CSV_COLUMNS[kind]), "data"]


def to_csv(facts: FactBase, kind: str) -> str:
    """The entities of one kind as CSV: id, name_ko, name_en, the kind's own columns, then `data`,
    a JSON object of the remaining fields (summary, tags, provenance, ...).

    Lists of ids are joined with ';'. Text that a spreadsheet would run as a formula (starting
    with '=', '+', '-' or '@') is prefixed with an apostrophe.
    """
    if kind not in CSV_COLUMNS:
        raise ValueError(f"unknown kind {kind!r}; kinds: {', '.join(ENTITY_KINDS)}")
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(csv_header(kind))
    columns = [*_NAME_COLUMNS[kind], *CSV_COLUMNS[kind]]
    covered = _CSV_COVERED[kind] | {"id"}
    for entity in facts.of_kind(kind):
        rest = {k: v for k, v in msgspec.to_builtins(entity).items() if k not in covered}
        data = msgspec.json.encode(rest).decode("utf-8")
        writer.writerow([entity.id, *(_cell(get(entity)) for _, get in columns), data])
    return buffer.getvalue()


def csv_file_name(kind: str) -> str:
    """'organizations.csv': a kind's file in a CSV directory."""
    return f"{TYPE_BY_KIND[kind].TABLE}.csv"


def write_csv_dir(facts: FactBase, out_dir: str | Path, overwrite: bool = False) -> list[Path]:
    """One CSV per kind in `out_dir` (created if missing; its parent must exist).

    Raises FileExistsError, before writing anything, if a file it would write exists and
    `overwrite` is False. Returns the paths written.
    """
    out_dir = Path(out_dir)
    targets = [(out_dir / csv_file_name(kind), kind) for kind in ENTITY_KINDS]
    if out_dir.exists() and not out_dir.is_dir():
        raise FileExistsError(f"{out_dir} exists and is not a directory")
    if not overwrite:
        existing = [str(path) for path, _ in targets if path.exists()]
        if existing:
            raise FileExistsError(f"would overwrite {', '.join(existing)}")
    out_dir.mkdir(exist_ok=True)
    for path, kind in targets:
        write_text(path, to_csv(facts, kind), overwrite)
    return [path for path, _ in targets]
