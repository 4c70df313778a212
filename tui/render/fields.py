"""An entity's fields as Rich text: the label and value rows of the detail pane and `facts-tui show`.

What is shown and how comes from `tui.facts.fields`; this only styles its pieces. Every piece
becomes `rich.text.Text` built from plain strings, never markup.
"""

from __future__ import annotations

from collections.abc import Iterator

from rich.text import Text

from tui.facts.fields import FieldRow, Line, field_rows, lead_mark
from tui.facts.index import FactBase
from tui.facts.model import Entity, Language
from tui.render.styles import DIM

_STYLES = {"dim": DIM, "quote": "italic", "cite": DIM}
_INLINE = ("texts", "tags")
"""Types whose items share a line, 'a, b'; other lists put an item on each line."""
_BULLETED = ("roles", "commitments", "investments", "quantities", "bilingual_list")
"""Types whose items may run over several lines: each gets a bullet when there are several."""


def line_text(line: Line) -> Text:
    """One line of a value: a reference as its name and its dim id, 'LVIS (lvis)'."""
    text = Text()
    for piece in line:
        if piece.kind == "ref":
            text.append(piece.text)
            text.append(f" ({piece.target})", style=DIM)
        else:
            text.append(piece.text, style=_STYLES.get(piece.kind, ""))
    return text


def value_text(row: FieldRow) -> Text:
    """A field's value: its items on one line ('a, b'), or one per line, bulleted when several
    of them may each run over lines.

    A list shows its citation mark first, on the label's line (`lead_mark`): even one written on
    one line may wrap and leave its mark alone below it."""
    mark, items = lead_mark(row, inline=False)
    lines = [line_text(line) for line in items]
    if row.field.type in _INLINE:
        lines = [Text(", ").join(lines)]
    elif row.field.type in _BULLETED and len(lines) > 1:
        lines = [Text("• ").append_text(line) for line in lines]
    return Text("\n").join([Text(mark, style=_STYLES["cite"]), *lines] if mark else lines)


def field_grid_rows(facts: FactBase, entity: Entity, lang: Language) -> Iterator[tuple[str, str, Text]]:
    """(key, label in `lang`, value) for each field the entity gives, in the field table's order."""
    for row in field_rows(facts, entity, lang):
        yield row.field.key, row.label, value_text(row)
