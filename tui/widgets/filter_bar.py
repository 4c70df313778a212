"""The filter bar under a section's list: type to narrow it, `12 of 340`, Enter, Esc."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.geometry import Size
from textual.message import Message
from textual.widgets import Input, Static

from tui.keymap import FILTER_COMMANDS, bindings
from tui.widgets.line_view import set_virtual_size_quietly


class FilterInput(Input):
    """Textual's Input, without a screen layout per keystroke.

    Input resizes its scroll area on every change, which asks for a layout of the whole screen
    (all widgets measured, everything repainted: most of a keystroke's time at 100,000 rows,
    benchmarks/explorer.py). The filter box has a fixed size, so the scroll area is set quietly
    first and Input finds nothing left to change.
    """

    def _watch_value(self, value: str) -> None:
        set_virtual_size_quietly(self, Size(self.content_width, 1))
        super()._watch_value(value)


class FilterBar(Horizontal):
    """An input and a count. Posts `Changed` per keystroke, `Submitted` on Enter, `Cancelled` on Esc."""

    DEFAULT_CSS = """
    FilterBar {
        height: 1;
        display: none;
        background: $panel;
        & > Input { width: 1fr; height: 1; border: none; padding: 0 1; background: $panel; }
        & > Input:focus { border: none; background-tint: $foreground 5%; }
        & > #filter-count { padding: 0 1; color: $text-muted; }
    }
    FilterBar.-active { display: block; }
    """
    BINDINGS = bindings(tuple(c for c in FILTER_COMMANDS if c.action != "submit"))  # Input owns Enter

    class Changed(Message):
        def __init__(self, query: str) -> None:
            super().__init__()
            self.query = query

    class Submitted(Message):
        pass

    class Cancelled(Message):
        pass

    def compose(self) -> ComposeResult:
        yield FilterInput(placeholder="filter this section…", id="filter-input", select_on_focus=False)
        yield Static(id="filter-count")

    @property
    def active(self) -> bool:
        return self.has_class("-active")

    @property
    def query(self) -> str:
        return self.query_one(Input).value if self.active else ""

    def open(self) -> None:
        """Show the bar and put the cursor in it, keeping any query already typed."""
        self.add_class("-active")
        self.query_one(Input).focus()

    def close(self) -> None:
        self.remove_class("-active")
        field = self.query_one(Input)
        with field.prevent(Input.Changed):  # clearing is not typing: the list must not refilter
            field.value = ""

    def show_count(self, shown: int, total: int) -> None:
        self.show_status(f"{shown:,} of {total:,}", room=len(f"{total:,} of {total:,}"))

    def show_status(self, status: str, room: int = 0) -> None:
        """Show `status` right-aligned in `room` cells. The count keeps its width while the
        total stays the same, so a keystroke repaints it without a screen layout."""
        count = self.query_one("#filter-count", Static)
        width = max(room, len(status)) + 2  # and its padding
        if count.styles.width is None or count.styles.width.value != width:
            count.styles.width = width  # a new section or a status message: one layout
        count.update(Text(status.rjust(width - 2)), layout=False)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Submitted())

    def action_cancel(self) -> None:
        self.post_message(self.Cancelled())
