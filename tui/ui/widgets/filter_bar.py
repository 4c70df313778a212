"""The filter bar under a section's list: type to narrow it, `12 of 340`, Enter, Esc."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.geometry import Size
from textual.message import Message
from textual.widgets import Input, Static

from tui.facts.messages import msg
from tui.facts.model import Language
from tui.ui.keymap import FILTER_COMMANDS, bindings
from tui.ui.widgets.line_view import set_virtual_size_quietly


class FilterInput(Input):
    """Textual's Input, with Enter said in the key bar, and without a screen layout per keystroke.

    Input binds Enter itself, hidden, so the key bar never said what Enter does in the filter box:
    the registry's Enter (`submit`, Input's own action, which posts Submitted to the bar) is bound
    here instead, shown.

    Input resizes its scroll area on every change, which asks for a layout of the whole screen
    (all widgets measured, everything repainted: most of a keystroke's time at 100,000 rows,
    benchmarks/explorer.py). The filter box has a fixed size, so the scroll area is set quietly
    first and Input finds nothing left to change.
    """

    BINDINGS = bindings(tuple(c for c in FILTER_COMMANDS if c.action == "submit"))

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
    BINDINGS = bindings(tuple(c for c in FILTER_COMMANDS if c.action != "submit"))  # the box owns Enter

    class _Announcement(Message):
        """A message from the bar; `control` is the bar (so `@on(FilterBar.Changed, "#filter")` works)."""

        def __init__(self, bar: FilterBar) -> None:
            super().__init__()
            self.bar = bar

        @property
        def control(self) -> FilterBar:
            return self.bar

    class Changed(_Announcement):
        """The query changed (a keystroke)."""

        def __init__(self, bar: FilterBar, query: str) -> None:
            super().__init__(bar)
            self.query = query

    class Submitted(_Announcement):
        """Enter: go to the first hit."""

    class Cancelled(_Announcement):
        """Esc in the box: the filter is given up."""

    class ListRequested(_Announcement):
        """↓ in the box: move into the list."""

    def compose(self) -> ComposeResult:
        placeholder = msg("filter.placeholder", self._lang)
        yield FilterInput(placeholder=placeholder, id="filter-input", select_on_focus=False)
        yield Static(id="filter-count")

    @property
    def active(self) -> bool:
        return self.has_class("-active")

    @property
    def text(self) -> str:
        """What is typed in the bar ('' while it is closed)."""
        return self.query_one(Input).value if self.active else ""

    def open(self) -> None:
        """Show the bar and put the cursor in it, keeping any query already typed."""
        self.add_class("-active")
        # At once, not after the messages already queued (as `focus()` does): keys typed right
        # after `/` are then sent again to the box (FactsApp.on_event) instead of run as commands.
        self.screen.set_focus(self.query_one(Input))

    def close(self) -> None:
        self.remove_class("-active")
        field = self.query_one(Input)
        with field.prevent(Input.Changed):  # clearing is not typing: the list must not refilter
            field.value = ""

    _count: tuple[int, int] | None = None
    """The count shown (shown, total), said again when the language changes."""

    @property
    def _lang(self) -> Language:
        return getattr(self.app, "lang", "en")  # the explorer's language, as `l` last set it

    def set_language(self, lang: Language) -> None:
        """Say the placeholder in `lang` (the count follows at its next update)."""
        self.query_one(Input).placeholder = msg("filter.placeholder", lang)
        if self._count is not None:
            self.show_count(*self._count)

    def show_count(self, shown: int, total: int) -> None:
        self._count = (shown, total)
        lang = self._lang
        room = cell_len(msg("n_of_total", lang, n=total, total=total))
        self.show_status(msg("n_of_total", lang, n=shown, total=total), room=room)

    def show_status(self, status: str, room: int = 0) -> None:
        """Show `status` right-aligned in `room` cells. The count keeps its width while the
        total stays the same, so a keystroke repaints it without a screen layout."""
        if room == 0:
            self._count = None  # a status message, not a count: a language switch leaves it
        count = self.query_one("#filter-count", Static)
        width = max(room, cell_len(status)) + 2  # and its padding (cells: Hangul takes two)
        if count.styles.width is None or count.styles.width.value != width:
            count.styles.width = width  # a new section or a status message: one layout
        count.update(Text(" " * (width - 2 - cell_len(status)) + status), layout=False)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(self, event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Submitted(self))

    def action_cancel(self) -> None:
        self.post_message(self.Cancelled(self))

    def action_to_list(self) -> None:
        self.post_message(self.ListRequested(self))
