"""A fact base written out as JSON, Markdown or CSV, and read back from JSON.

- `to_json` / `from_json`: the whole file as JSON matching `facts.schema.json`; loading it back
  gives an equal fact base (same entities, same order, same meta), checked like a TOML file.
- `to_markdown`: a readable briefing: title, a section per kind, each entity a heading with an
  anchor (its id), its key fields, and links to the entities it names (`[LVIS](#lvis)`).
- `to_csv` / `write_csv_dir`: one kind per CSV, or one file per kind in a directory.
- `export_to_path`: any of these to a path, never overwriting unless asked.

Pure data: no Textual or Rich here.
"""

from __future__ import annotations

import csv
import datetime as dt
import gc
import io
import os
import re
import tempfile
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import msgspec

from tui.facts.index import FactBase
from tui.facts.load import FactFileError, Problem, load_data
from tui.facts.model import (
    ENTITY_KINDS,
    ENTITY_TYPES,
    TYPE_BY_KIND,
    Agreement,
    Dated,
    Entity,
    Event,
    FactFile,
    Language,
    Money,
    Named,
    Organization,
    Person,
    Project,
    Source,
)
from tui.facts.money import format_date, format_money
from tui.facts.sanitize import clean_tree
from tui.facts.text import both_languages, date_text, period_text, quantity_text, section_label

FORMATS: tuple[str, ...] = ("json", "markdown", "csv")
SUFFIXES: dict[str, str] = {"json": ".json", "markdown": ".md", "csv": ".csv"}


# -- JSON ----------------------------------------------------------------------------------------


def fact_file(facts: FactBase) -> FactFile:
    """The FactFile a fact base was built from (meta and every table, in file order)."""
    return FactFile(meta=facts.meta, **{t.TABLE: facts.of_kind(t.KIND) for t in ENTITY_TYPES})


def to_json(facts: FactBase) -> str:
    """The whole file as pretty-printed JSON (UTF-8 text, Korean unescaped), valid against
    `facts.schema.json`. Every field is written, defaults included."""
    return msgspec.json.format(msgspec.json.encode(fact_file(facts)), indent=2).decode("utf-8") + "\n"


def from_json(text: str | bytes, path: str | Path = "<json>") -> FactBase:
    """A fact base from JSON written by `to_json` (or by hand, following `facts.schema.json`).

    The JSON is decoded into a `FactFile` by msgspec (types, patterns, required fields), then
    goes through the same checks as a TOML file: every string cleaned (no terminal escapes or
    bidi controls), ids unique, references resolved, dates consistent. Any problem raises
    FactFileError. A JSON `null` means the field is absent (every nullable field defaults to None).
    """
    # Millions of small containers, none in a cycle: the cyclic collector would only slow this down.
    collecting = gc.isenabled()
    gc.disable()
    try:
        try:
            decoded = msgspec.json.decode(text, type=FactFile)
        except msgspec.ValidationError as exc:
            raise FactFileError(path, [Problem(f"does not fit the schema: {exc}")]) from None
        except msgspec.DecodeError as exc:
            raise FactFileError(path, [Problem(f"not valid JSON: {exc}")]) from None
        # Back to plain data, dates and times kept as objects and arrays as lists, just as TOML
        # parsing gives them, so the loader checks it exactly like a TOML file.
        data = _as_parsed(msgspec.to_builtins(decoded, builtin_types=(dt.date, dt.time)))
        del decoded
        if _needs_cleaning(text):
            data = clean_tree(data)
        return load_data(data, Path(path))
    finally:
        if collecting:
            gc.enable()


# A JSON escape can produce any character; the others are the ones `sanitize.clean` removes
# (raw C0 controls are not valid in JSON strings at all).
_RISKY_JSON = re.compile(r"\\u|[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _needs_cleaning(text: str | bytes) -> bool:
    """Whether any string in the JSON may hold what `clean_tree` removes or normalizes."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    return _RISKY_JSON.search(text) is not None or not unicodedata.is_normalized("NFC", text)


def _as_parsed(value: Any) -> Any:
    """Tuples as lists and no None values, like data parsed from TOML."""
    if isinstance(value, dict):
        return {k: _as_parsed(v) for k, v in value.items() if v is not None}
    if isinstance(value, (list, tuple)):
        return [_as_parsed(v) for v in value]
    return value


# -- plain-text formatting shared by Markdown and CSV ---------------------------------------------


# -- Markdown ------------------------------------------------------------------------------------

# Characters that Markdown (CommonMark and GitHub's extensions) may read as syntax anywhere in a line.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&$])")
# ... and at the start of a line only: list items, setext underlines, ordered lists.
_MD_LINE_START = re.compile(r"^(\s*)([-+=])")
_MD_ORDERED = re.compile(r"^(\s*\d+)([.)])")
_WHITESPACE = re.compile(r"\s+")


def md_escape(text: str) -> str:
    """Data text made literal in Markdown, on one line.

    Every character that can start inline Markdown syntax is backslash-escaped (brackets,
    `*`, `_`, backticks, `<`, `>`, `#`, `|`, `~`, `&`, `$` and backslashes), line breaks become
    spaces, and a leading `-`, `+`, `=` or `1.` is escaped too, so the text can add no link,
    emphasis, heading, list, table or HTML, nor break the structure around it. (`(`, `)` and
    `!` need no escape: without `[` they make no link or image.)
    """
    text = _WHITESPACE.sub(" ", text).strip()
    text = _MD_SPECIAL.sub(r"\\\1", text)
    if _MD_ORDERED.match(text):
        return _MD_ORDERED.sub(r"\1\\\2", text, count=1)
    return _MD_LINE_START.sub(r"\1\\\2", text, count=1)


def _anchor(entity_id: str) -> str:
    # Ids are [a-z0-9._-] (the schema's pattern), safe in an HTML attribute and a URL fragment.
    return f'<a id="{entity_id}"></a>'


def _section_anchor(kind: str) -> str:
    # Ids never start with '_', so a section's anchor cannot clash with an entity's.
    return f"_{TYPE_BY_KIND[kind].TABLE}"


def md_link(facts: FactBase, entity_id: str, lang: Language) -> str:
    """`[LVIS](#lvis)`: a link to the entity's anchor, named in `lang`."""
    entity = facts.get(entity_id)
    name = entity.label(lang) if entity is not None else entity_id
    return f"[{md_escape(name)}](#{entity_id})"


def _md_fields(facts: FactBase, e: Entity, lang: Language) -> Iterable[tuple[str, str]]:
    """(label, Markdown) for each key field; data escaped, references as links."""

    def links(ids: Iterable[str]) -> str:
        return ", ".join(md_link(facts, i, lang) for i in ids)

    yield "id", f"`{e.id}`"
    kind = getattr(e, "kind", "")
    yield "kind", md_escape(f"{e.KIND} ({kind})" if kind else e.KIND)
    if isinstance(e, Named):
        yield "name", md_escape(both_languages(e.name))
        if e.aliases:
            yield "aliases", md_escape(", ".join(e.aliases))
    if isinstance(e, Source):
        yield "outlet", md_escape(both_languages(e.outlet))
        yield "title", md_escape(both_languages(e.title))
        if e.author:
            yield "author", md_escape(e.author)
        stamp = e.published.isoformat()
        if e.published_time:
            stamp += f" {e.published_time.strftime('%H:%M')}"
        yield "published", md_escape(stamp)
        if e.url:
            yield "url", md_escape(e.url)
    if isinstance(e, Organization):
        if e.location:
            yield "location", md_escape(e.location.pick(lang))
        if e.founded:
            yield "founded", str(e.founded)
        if e.founders:
            yield "founders", links(e.founders)
        if e.valuation:
            yield "valuation", md_escape(f"{format_money(e.valuation.money, lang)} ({e.valuation.as_of})")
        if e.parent:
            yield "parent", md_link(facts, e.parent, lang)
    if isinstance(e, Person):
        for role in e.roles:
            years = f" ({role.since or ''}–{role.until or ''})" if role.since or role.until else ""
            yield (
                "role",
                f"{md_escape(role.title.pick(lang))}, {md_link(facts, role.organization, lang)}{years}",
            )
    if isinstance(e, Dated):
        yield "date", md_escape(date_text(e, lang))
        if e.place:
            yield "place", md_escape(e.place.pick(lang))
    if isinstance(e, Agreement):
        yield "parties", links(e.parties)
        if e.signatories:
            yield "signatories", links(e.signatories)
        for c in e.commitments:
            yield "commitment", f"{md_link(facts, c.party, lang)}: {md_escape(c.text.pick(lang))}"
        for inv in e.investments:
            line = f"{md_link(facts, inv.by, lang)}: {md_escape(format_money(inv.money, lang))}"
            if inv.due:
                line += md_escape(f", by {format_date(inv.due, inv.due_precision)}")
            if inv.purpose:
                line += " — " + md_escape(inv.purpose.pick(lang))
            if inv.place:
                line += " " + md_escape(f"({inv.place.pick(lang)})")
            yield "investment", line
        if e.projects:
            yield "projects", links(e.projects)
    if isinstance(e, Project):
        if e.owner:
            yield "owner", md_link(facts, e.owner, lang)
        if e.budget:
            yield "budget", md_escape(format_money(e.budget, lang))
        if e.period:
            yield "period", md_escape(period_text(e))
        if e.area:
            yield "area", md_escape(quantity_text(e.area, lang))
        for fig in e.figures:
            yield "figure", md_escape(quantity_text(fig, lang))
        if e.location:
            yield "location", md_escape(e.location.pick(lang))
        if e.vision:
            yield "vision", md_escape(e.vision.pick(lang))
        for goal in e.goals:
            yield "goal", md_escape(goal.pick(lang))
        if e.organizations:
            yield "organizations", links(e.organizations)
        if e.agreements:
            yield "agreements", links(e.agreements)
    if isinstance(e, Event):
        if e.participants:
            yield "participants", links(e.participants)
        if e.quote:
            quote = f"“{md_escape(e.quote.text)}”"
            if e.quote.speaker:
                quote += f" — {md_link(facts, e.quote.speaker, lang)}"
            elif e.quote.speaker_note:
                quote += f" — {md_escape(e.quote.speaker_note.pick(lang))}"
            yield "quote", quote
        if e.related:
            yield "related", links(e.related)
    if e.tags:
        yield "tags", md_escape(", ".join(e.tags))


def to_markdown(facts: FactBase, lang: Language = "ko") -> str:
    """A briefing of the whole file in Markdown (see the module's docstring)."""
    out = [f"# {md_escape(facts.meta.title)}", ""]
    if facts.meta.description:
        out += [md_escape(facts.meta.description), ""]
    kinds = [kind for kind in ENTITY_KINDS if facts.of_kind(kind)]
    for kind in kinds:
        out.append(f"- [{section_label(kind, lang)}](#{_section_anchor(kind)}) ({len(facts.of_kind(kind))})")
    if kinds:
        out.append("")
    for kind in kinds:
        out += [f'<a id="{_section_anchor(kind)}"></a>', "", f"## {section_label(kind, lang)}", ""]
        for entity in facts.of_kind(kind):
            out += [_anchor(entity.id), "", entity_markdown(facts, entity, lang, level=3)]
    return "\n".join(out).rstrip("\n") + "\n"


def entity_markdown(facts: FactBase, entity: Entity, lang: Language = "ko", level: int = 2) -> str:
    """One entity in Markdown: a heading, its key fields, summary, mentions and sources.

    Used for each entity of `to_markdown` and, alone, for the explorer's copy command.
    """
    out = [f"{'#' * level} {md_escape(entity.label(lang))}", ""]
    out += [f"- **{label}:** {value}" for label, value in _md_fields(facts, entity, lang)]
    out.append("")
    if entity.summary:
        out += [md_escape(entity.summary.pick(lang)), ""]
    referred = [b for b in facts.backlinks(entity.id) if b.role != "source"]
    if referred:
        mentions = ", ".join(f"{md_link(facts, b.entity.id, lang)} ({b.role})" for b in referred)
        out += [f"*Mentioned in:* {mentions}", ""]
    paragraphs: dict[str, list[str]] = {}
    for source, prov in facts.sources_of(entity):
        paragraphs.setdefault(source.id, []).append(str(prov.paragraph))
    if paragraphs:
        cited = [f"{md_link(facts, sid, lang)} ¶ {', '.join(ps)}" for sid, ps in paragraphs.items()]
        out += [f"*Sources:* {'; '.join(cited)}", ""]
    return "\n".join(out)


# -- CSV -----------------------------------------------------------------------------------------

Column = tuple[str, Callable[[Any], Any]]


def _ids(ids: Iterable[str]) -> str:
    return ";".join(ids)


def _iso(value: dt.date | dt.time | None) -> str:
    return value.isoformat() if value is not None else ""


def _money_columns(prefix: str, get: Callable[[Any], Money | None]) -> list[Column]:
    return [
        (f"{prefix}_amount", lambda e: m.amount if (m := get(e)) else ""),
        (f"{prefix}_currency", lambda e: m.currency if (m := get(e)) else ""),
    ]


def _name_columns(kind: str) -> list[Column]:
    if kind == "source":
        return [("name_ko", lambda e: e.title.ko), ("name_en", lambda e: e.title.en)]
    return [("name_ko", lambda e: e.name.ko), ("name_en", lambda e: e.name.en)]


_DATED_COLUMNS: list[Column] = [
    ("date", lambda e: _iso(e.date)),
    ("date_precision", lambda e: e.date_precision if e.date else ""),
    ("date_note_ko", lambda e: e.date_note.ko),
    ("date_note_en", lambda e: e.date_note.en),
]

CSV_COLUMNS: dict[str, list[Column]] = {
    "source": [
        ("outlet_ko", lambda e: e.outlet.ko),
        ("outlet_en", lambda e: e.outlet.en),
        ("published", lambda e: _iso(e.published)),
        ("published_time", lambda e: _iso(e.published_time)),
        ("author", lambda e: e.author),
        ("url", lambda e: e.url),
    ],
    "organization": [
        ("kind", lambda e: e.kind),
        ("location_ko", lambda e: e.location.ko),
        ("location_en", lambda e: e.location.en),
        ("founded", lambda e: e.founded or ""),
        ("parent", lambda e: e.parent or ""),
    ],
    "person": [
        ("title_ko", lambda e: e.roles[0].title.ko if e.roles else ""),
        ("title_en", lambda e: e.roles[0].title.en if e.roles else ""),
        ("organizations", lambda e: _ids(r.organization for r in e.roles)),
    ],
    "agreement": [
        ("kind", lambda e: e.kind),
        *_DATED_COLUMNS,
        ("parties", lambda e: _ids(e.parties)),
        ("signatories", lambda e: _ids(e.signatories)),
        ("projects", lambda e: _ids(e.projects)),
    ],
    "project": [
        ("kind", lambda e: e.kind),
        ("owner", lambda e: e.owner or ""),
        *_money_columns("budget", lambda e: e.budget),
        ("period_start", lambda e: e.period.start if e.period else ""),
        ("period_end", lambda e: (e.period.end or "") if e.period else ""),
    ],
    "event": [
        ("kind", lambda e: e.kind),
        *_DATED_COLUMNS,
        ("participants", lambda e: _ids(e.participants)),
    ],
}
"""The columns of each kind's CSV after id, name_ko and name_en (a source's name is its title)."""

_CSV_COVERED: dict[str, set[str]] = {
    "source": {"title", "outlet", "published", "published_time", "author", "url"},
    "organization": {"name", "kind", "location", "founded", "parent"},
    "person": {"name"},
    "agreement": {
        "name",
        "kind",
        "date",
        "date_precision",
        "date_note",
        "parties",
        "signatories",
        "projects",
    },
    "project": {"name", "kind", "owner", "budget", "period"},
    "event": {"name", "kind", "date", "date_precision", "date_note", "participants"},
}
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
    columns = [*_name_columns(kind), *CSV_COLUMNS[kind]]
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
        _write(path, to_csv(facts, kind), overwrite)
    return [path for path, _ in targets]


# -- to a path -----------------------------------------------------------------------------------


def render(facts: FactBase, fmt: str, kind: str | None = None, lang: Language = "ko") -> str:
    """The export as text: 'json', 'markdown', or 'csv' (which needs `kind`)."""
    if fmt == "json":
        return to_json(facts)
    if fmt == "markdown":
        return to_markdown(facts, lang)
    if fmt == "csv":
        if kind is None:
            raise ValueError("csv needs a kind (one file per kind), or use write_csv_dir")
        return to_csv(facts, kind)
    raise ValueError(f"unknown format {fmt!r}; formats: {', '.join(FORMATS)}")


def _write(path: Path, text: str, overwrite: bool) -> None:
    """Write UTF-8 text; never replaces an existing file unless `overwrite`, and then atomically."""
    data = text.encode("utf-8")
    if not overwrite:
        with path.open("xb") as f:  # exclusive create: fails if the file exists, even in a race
            f.write(data)
        return
    if path.is_dir():
        raise IsADirectoryError(f"{path} is a directory")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def export_to_path(
    facts: FactBase,
    fmt: str,
    path: str | Path,
    kind: str | None = None,
    overwrite: bool = False,
    lang: Language = "ko",
) -> list[Path]:
    """Export to `path` and return the files written.

    'json' and 'markdown' write one file; 'csv' with a `kind` writes one file, without one a
    directory of files (`write_csv_dir`). Raises FileExistsError if that would replace a file
    and `overwrite` is False (nothing is written then), ValueError for an unknown format, and
    OSError when the path cannot be written (missing parent directory, permissions, ...).
    """
    path = Path(path)
    if fmt == "csv" and kind is None:
        return write_csv_dir(facts, path, overwrite)
    text = render(facts, fmt, kind, lang)
    if not overwrite and path.exists():
        raise FileExistsError(f"{path} exists")
    try:
        _write(path, text, overwrite)
    except FileExistsError:
        raise FileExistsError(f"{path} exists") from None
    return [path]
