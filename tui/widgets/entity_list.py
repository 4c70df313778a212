"""A list of entities that stays fast at 100,000 rows: only the visible lines are rendered."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.facts import Entity
from tui.facts.model import Language
from tui.facts.search import match_span
from tui.keymap import LIST_COMMANDS, bindings
from tui.render import entity_subtitle


class EntityList(ScrollView, can_focus=True):
    """Entities one per line: name, then a dim subtitle (kind, date, amount).

    Rows are any sequence of entities (a fact base's tuple, or a filtered list); nothing is
    copied or pre-rendered, so setting 100,000 rows is instant.
    """

    DEFAULT_CSS = Path(__file__).with_suffix(".tcss").read_text(encoding="utf-8")
    COMPONENT_CLASSES = {"entity-list--cursor", "entity-list--subtitle", "entity-list--match"}
    BINDINGS = bindings(LIST_COMMANDS)

    cursor: reactive[int] = reactive(0, always_update=True, init=False)

    class Highlighted(Message):
        """The cursor moved onto an entity."""

        def __init__(self, entity: Entity) -> None:
            super().__init__()
            self.entity = entity

    class Opened(Message):
        """Enter was pressed on an entity."""

        def __init__(self, entity: Entity) -> None:
            super().__init__()
            self.entity = entity

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._rows: Sequence[Entity] = ()
        self._highlight = ""
        self._position: dict[str, int] | None = None
        self.lang: Language = "ko"

    # -- content --------------------------------------------------------------------------------

    @property
    def rows(self) -> Sequence[Entity]:
        return self._rows

    @property
    def highlighted(self) -> Entity | None:
        """The entity under the cursor, if any."""
        return self._rows[self.cursor] if 0 <= self.cursor < len(self._rows) else None

    def set_rows(self, rows: Sequence[Entity], cursor: int = 0, highlight: str = "") -> None:
        """Show `rows` with the cursor at `cursor`; `highlight` is a query to mark in the names."""
        self._rows = rows
        self._highlight = highlight
        self._position = None
        self.virtual_size = Size(self.size.width, len(rows))
        self.cursor = max(0, min(cursor, len(rows) - 1))
        self.refresh()

    def index_of(self, entity_id: str) -> int | None:
        """The row of an entity, or None if it is not in this list."""
        if self._position is None:
            self._position = {e.id: i for i, e in enumerate(self._rows)}
        return self._position.get(entity_id)

    def set_language(self, lang: Language) -> None:
        self.lang = lang
        self.refresh()

    # -- cursor ---------------------------------------------------------------------------------

    def validate_cursor(self, cursor: int) -> int:
        return max(0, min(cursor, len(self._rows) - 1)) if self._rows else 0

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh_line(old)
        self.refresh_line(new)
        self.scroll_to_region(Region(0, new, 1, 1), animate=False, force=True, immediate=True)
        entity = self.highlighted
        if entity is not None:
            self.post_message(self.Highlighted(entity))

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = len(self._rows) - 1

    def action_page_up(self) -> None:
        self.cursor -= max(1, self.scrollable_content_region.height - 1)

    def action_page_down(self) -> None:
        self.cursor += max(1, self.scrollable_content_region.height - 1)

    def action_open(self) -> None:
        entity = self.highlighted
        if entity is not None:
            self.post_message(self.Opened(entity))

    def on_click(self, event: events.Click) -> None:
        row = event.y + self.scroll_offset.y
        if 0 <= row < len(self._rows):
            self.focus()
            if row == self.cursor and event.chain >= 2:
                self.action_open()
            self.cursor = row

    # -- rendering ------------------------------------------------------------------------------

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self._rows))

    def _text_style(self, component: str) -> Style:
        """A component's colour and text style without its background, so the cursor row keeps its own.

        (The full style is needed: its colour is blended against the background, which a
        partial style would not do, leaving muted text invisible in light themes.)
        """
        full = self.get_component_rich_style(component)
        return Style(color=full.color, bold=full.bold, italic=full.italic, underline=full.underline)

    def render_line(self, y: int) -> Strip:
        index = y + self.scroll_offset.y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if index >= len(self._rows):
            return Strip.blank(width, base)
        entity = self._rows[index]
        line = Text(entity.label(self.lang), no_wrap=True, end="")
        span = match_span(line.plain, self._highlight) if self._highlight else None
        if span:
            line.stylize(self._text_style("entity-list--match"), *span)
        subtitle = entity_subtitle(entity, self.lang)
        if subtitle:
            line.append("  ")
            line.append_text(subtitle)
            if index != self.cursor:  # on the cursor row the cursor's colours are easier to read
                line.stylize(
                    self._text_style("entity-list--subtitle"),
                    len(line) - len(subtitle),
                )
        line.truncate(max(1, width - 1), overflow="ellipsis")
        style: Style = base
        if index == self.cursor:
            style = base + self.get_component_rich_style("entity-list--cursor")
        line.pad_left(1)
        segments = [
            Segment(s.text, style + s.style if s.style else style) for s in line.render(self.app.console)
        ]
        return Strip(segments).adjust_cell_length(width, style)
