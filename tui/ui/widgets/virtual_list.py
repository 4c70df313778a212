"""A keyboard- and mouse-driven list that renders only its visible rows (Textual's Line API).

Filling it with 100,000 rows costs nothing: a subclass says how many rows there are and how
to draw one, and only the rows on screen are ever drawn. `EntityList` and the timeline are
built on it.
"""

from __future__ import annotations

from pathlib import Path

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.strip import Strip

from tui.facts.messages import msg
from tui.render.entity import cut_to
from tui.ui.keymap import LIST_COMMANDS, bindings
from tui.ui.widgets.line_view import LineView


class VirtualList(LineView, can_focus=True):
    """Rows with a cursor. Subclasses implement `row_count`, `render_row`, `row_highlighted`
    and `row_opened`; the cursor row is drawn with the `virtual-list--cursor` style."""

    DEFAULT_CSS = Path(__file__).with_suffix(".tcss").read_text(encoding="utf-8")
    COMPONENT_CLASSES = {"virtual-list--cursor", "virtual-list--dim", "virtual-list--match"}
    BINDINGS = bindings(LIST_COMMANDS)

    cursor: reactive[int] = reactive(0, always_update=True, init=False, repaint=False)
    """The cursor's row. Changing it repaints the two rows concerned, not the whole list."""

    # -- for subclasses -------------------------------------------------------------------------

    @property
    def row_count(self) -> int:
        raise NotImplementedError

    def render_row(self, index: int, width: int) -> Text:
        """The text of one row (it is cut to `width` with an ellipsis)."""
        raise NotImplementedError

    def row_highlighted(self, index: int) -> None:
        """The cursor moved onto `index` (post a message)."""

    def row_opened(self, index: int) -> None:
        """Enter, or a double click, on `index` (post a message)."""

    # -- content and cursor ---------------------------------------------------------------------

    def rows_changed(self, cursor: int = 0) -> None:
        """Call after the rows change: resizes the scroll area and puts the cursor at `cursor`."""
        self.set_virtual_size(Size(self.size.width, self.row_count))
        self.cursor = cursor

    def validate_cursor(self, cursor: int) -> int:
        return max(0, min(cursor, self.row_count - 1)) if self.row_count else 0

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh_line(old)
        self.refresh_line(new)
        self.scroll_to_region(Region(0, new, 1, 1), animate=False, force=True, immediate=True)
        if 0 <= new < self.row_count:
            self.row_highlighted(new)

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = self.row_count - 1

    def action_page_up(self) -> None:
        self.cursor -= max(1, self.scrollable_content_region.height - 1)

    def action_page_down(self) -> None:
        self.cursor += max(1, self.scrollable_content_region.height - 1)

    def action_open(self) -> None:
        if 0 <= self.cursor < self.row_count:
            self.row_opened(self.cursor)

    def on_click(self, event: events.Click) -> None:
        row = event.y + self.scroll_offset.y
        if 0 <= row < self.row_count:
            self.focus()
            if row != self.cursor:
                self.cursor = row
            elif event.chain >= 2:
                self.action_open()

    # -- rendering ------------------------------------------------------------------------------

    def on_resize(self) -> None:
        self.set_virtual_size(Size(self.size.width, self.row_count))

    def text_style(self, component: str) -> Style:  # type: ignore[override]  # DOMNode.text_style is a property; this is a method
        """A component's colour and text style without its background, so the cursor row keeps its own.

        (The full style is needed: its colour is blended against the background, which a
        partial style would not do, leaving muted text invisible in light themes.)
        """
        full = self.get_component_rich_style(component)
        return Style(color=full.color, bold=full.bold, italic=full.italic, underline=full.underline)

    def render_line(self, y: int) -> Strip:
        index = y + self.scroll_offset.y
        width = self.scrollable_content_region.width
        base = self.base_style
        if index >= self.row_count:
            return Strip.blank(width, base)
        try:
            line = self.render_row(index, width)
        except Exception as exc:  # one bad row must not take the list (or the app) down
            line = Text(
                msg("row_cannot_show", getattr(self, "lang", "en"), n=index + 1, error=type(exc).__name__),
                style="bold",
            )
        line.no_wrap = True
        cut_to(line, max(1, width - 1))
        style: Style = base
        if index == self.cursor:
            style = base + self.get_component_rich_style("virtual-list--cursor")
        line.pad_left(1)
        segments = [
            Segment(s.text, style + s.style if s.style else style) for s in line.render(self.app.console)
        ]
        return Strip(segments).adjust_cell_length(width, style)
