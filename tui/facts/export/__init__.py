"""A fact base written out as JSON, Markdown or CSV, and read back from JSON.

- `json.to_json` / `json_import.from_json`: the whole file as JSON matching `facts.schema.json`;
  loading it back gives an equal fact base (same entities, same order, same meta), checked like
  a TOML file.
- `markdown.to_markdown`: a readable briefing with anchors and links between entities.
- `csv.to_csv` / `csv.write_csv_dir`: one kind per CSV, or one file per kind in a directory.
- `export_to_path` (here): any of these to a path, never overwriting unless asked
  (`atomic.write_text`).

Pure data: no Textual or Rich here.
"""

from __future__ import annotations

from pathlib import Path

from tui.facts.export.atomic import write_text
from tui.facts.export.csv import CSV_COLUMNS, csv_file_name, csv_header, to_csv, write_csv_dir
from tui.facts.export.json import fact_file, to_json
from tui.facts.export.json_import import from_json
from tui.facts.export.markdown import entity_markdown, md_escape, md_link, to_markdown
from tui.facts.index import FactBase
from tui.facts.model import Language

__all__ = [
    "CSV_COLUMNS",
    "FORMATS",
    "csv_file_name",
    "csv_header",
    "entity_markdown",
    "export_to_path",
    "fact_file",
    "from_json",
    "md_escape",
    "md_link",
    "render",
    "to_csv",
    "to_json",
    "to_markdown",
    "write_csv_dir",
]

FORMATS: tuple[str, ...] = ("json", "markdown", "csv")


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
        write_text(path, text, overwrite)
    except FileExistsError:
        raise FileExistsError(f"{path} exists") from None
    return [path]
