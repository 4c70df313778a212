"""A source's paragraphs in order, each heading followed by the entries that cite it (Line API).

A source may be cited by 100,000 entities, and a citation's quote wraps to several lines. Laying
every row out to learn the height of the whole would take seconds, so this list scrolls by rows,
not by lines: the scroll position is the row at the top of the widget, and only the rows on screen
(and, to know how far the list scrolls, the last screenful) are ever wrapped. A row shows at most
`MAX_ROW_LINES` lines, the last ending in '…'; Enter opens the entity, whose provenance shows it
whole.
"""

from __future__ import annotations

from pathlib import Path

from rich.console import RenderableType
from rich.padding import Padding
from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip

from tui.facts.citations import Citation
from tui.facts.messages import msg
from tui.facts.model import Language
from tui.facts.source_rows import ParagraphJump, SourceRows
from tui.render.entity import citation_line, cut_to, paragraph_heading
from tui.ui.keymap import LIST_COMMANDS, SOURCE_VIEW_COMMANDS, bindings, digit_bindings
from tui.ui.widgets.line_view import LineView

MAX_ROW_LINES = 6
"""A row (a long quote) is cut to this many lines, with '…'."""
INDENT = 3
"""How far a citation is indented under its paragraph's heading."""


class ParagraphList(LineView, can_focus=True):
    """The rows of a `SourceRows`: ↑↓, PgUp/PgDn, Home/End move the cursor; digits go to a
    paragraph, `{` and `}` to the previous and next one; Enter on a citation opens its entity."""

    DEFAULT_CSS = Path(__file__).with_suffix(".tcss").read_text(encoding="utf-8")
    COMPONENT_CLASSES = {"paragraph-list--cursor", "paragraph-list--heading"}
    BINDINGS = (
        bindings(SOURCE_VIEW_COMMANDS)
        + bindings(tuple(c for c in LIST_COMMANDS if c.action != "open"))  # Enter is the view's own
        + digit_bindings()
    )

    cursor: reactive[int] = reactive(0, always_update=True, init=False, repaint=False)
    """The row under the cursor."""

    class Opened(Message):
        """Enter (or a double click) on a citation: open its entity."""

        def __init__(self, paragraph_list: ParagraphList, entity_id: str) -> None:
            super().__init__()
            self.paragraph_list = paragraph_list
            self.entity_id = entity_id

        @property
        def control(self) -> ParagraphList:
            return self.paragraph_list

    class Moved(Message):
        """The cursor moved (the screen says which paragraph it is in)."""

        def __init__(self, paragraph_list: ParagraphList, row: int) -> None:
            super().__init__()
            self.paragraph_list = paragraph_list
            self.row = row

        @property
        def control(self) -> ParagraphList:
            return self.paragraph_list

    def __init__(self, rows: SourceRows, lang: Language, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows = rows
        self.lang: Language = lang
        self.jump = ParagraphJump()
        self._numbers = frozenset(p.number for p in rows.paragraphs)
        self._strips: LRUCache[int, list[Strip]] = LRUCache(1024)
        """Each row laid out at `_width` (cleared when the width or the language changes)."""
        self._width = 0
        self._shown: list[tuple[int | None, Strip]] = []
        """What each line of the widget shows, as of the last paint: the row it belongs to (None
        for the blank line before a heading, or below the last row) and the line."""
        self._shown_for: tuple[int, int, int] | None = None
        self._pending: tuple[int, bool] | None = None
        """A row to reveal (and whether at the top) once the widget has a size."""

    # -- content --------------------------------------------------------------------------------

    def set_language(self, lang: Language) -> None:
        """Show names, kinds and fields in `lang`, the cursor on the same row."""
        self.lang = lang
        self._relayout()

    def _relayout(self) -> None:
        self._strips.clear()
        self._shown_for = None
        self._fit()
        row, at_top = self._pending or (self.cursor, False)
        self._pending = None
        self._reveal(row, at_top)
        self.refresh()

    def on_resize(self) -> None:
        self._relayout()

    def _row_text(self, row: int) -> tuple[Text, int]:
        """A row's text and its indent."""
        item = self.rows.rows[row]
        if isinstance(item, Citation):
            return citation_line(item, self.lang), INDENT
        heading = paragraph_heading(item, self.lang)
        heading.stylize(self.get_component_rich_style("paragraph-list--heading", partial=True))
        return heading, 1

    def _row_strips(self, row: int) -> list[Strip]:
        """Row `row` laid out at the current width: at most `MAX_ROW_LINES` lines."""
        strips = self._strips.get(row)
        if strips is not None:
            return strips
        width = self._width
        try:
            text, indent = self._row_text(row)
        except Exception as exc:  # one bad row must not take the view (or the app) down
            text = Text(msg("row_cannot_show", self.lang, n=row + 1, error=type(exc).__name__), style="bold")
            indent = 1
        room = max(1, width - indent - 1)
        if len(text) > room * MAX_ROW_LINES:  # a megabyte quote is never wrapped whole
            text = text.divide([room * MAX_ROW_LINES])[0]
            text.append("…")
        lines = list(text.wrap(self.app.console, room, overflow="fold"))
        if len(lines) > MAX_ROW_LINES:
            lines = lines[:MAX_ROW_LINES]
            last = lines[-1]
            if last.cell_len >= room:
                cut_to(last, room - 1)
            last.append("…")
        strips = []
        for line in lines:
            line.end = ""
            strips.append(self._strip(Padding(line, (0, 1, 0, indent)), width))
        self._strips[row] = strips
        return strips

    def _strip(self, renderable: RenderableType, width: int) -> Strip:
        console = self.app.console
        segments = console.render(renderable, console.options.update(width=width, highlight=False))
        lines = Segment.split_and_crop_lines(segments, width, include_new_lines=False, pad=False)
        return Strip(next(iter(lines), []))

    def _gap(self, row: int, top: int) -> int:
        """The blank line before a paragraph's heading (none at the top of the widget)."""
        return 1 if row != top and not isinstance(self.rows.rows[row], Citation) else 0

    def _height(self, row: int, top: int) -> int:
        return len(self._row_strips(row)) + self._gap(row, top)

    # -- scrolling by rows ----------------------------------------------------------------------

    @property
    def top(self) -> int:
        """The row at the top of the widget."""
        return int(self.scroll_offset.y)

    def _fit(self) -> None:
        """Lay out at the current width and size the scroll area: it scrolls from the first row
        at the top to the row that puts the last screenful in view."""
        width = self.scrollable_content_region.width
        if width != self._width:
            self._width = width
            self._strips.clear()
        height = self.scrollable_content_region.height
        if not width or not height:
            return
        self.set_virtual_size(Size(width, self._last_top(height) + height))

    def _last_top(self, height: int) -> int:
        """The first row of the last screenful."""
        last = len(self.rows.rows) - 1
        top, used = last, len(self._row_strips(last)) if last >= 0 else 0
        while top > 0:
            more = used + self._gap(top, -1) + len(self._row_strips(top - 1))
            if more > height:
                break
            top, used = top - 1, more
        return max(0, top)

    def _reveal(self, row: int, at_top: bool = False) -> None:
        """Scroll so that `row` is in view (at the top, if `at_top`)."""
        height = self.scrollable_content_region.height
        if not height or not self._width:
            if at_top or self._pending is None:
                self._pending = (row, at_top)
            return
        top = self.top
        if at_top or row < top:
            top = row
        elif row - top >= height or sum(self._height(r, top) for r in range(top, row + 1)) > height:
            top, used = row, len(self._row_strips(row))
            while top > 0:
                more = used + self._gap(top, -1) + len(self._row_strips(top - 1))
                if more > height:
                    break
                top, used = top - 1, more
        if top != self.top:
            self.scroll_to(0, top, animate=False, immediate=True)

    # -- the cursor -----------------------------------------------------------------------------

    def validate_cursor(self, cursor: int) -> int:
        return max(0, min(cursor, len(self.rows.rows) - 1))

    def watch_cursor(self, old: int, new: int) -> None:
        self._reveal(new)
        self.refresh()
        self.post_message(self.Moved(self, new))

    def go_to(self, row: int, at_top: bool = False) -> None:
        """Put the cursor on `row`; `at_top` scrolls it to the top (a paragraph's heading, so that
        what cites it shows below)."""
        self._reveal(row, at_top)
        self.cursor = row

    def _move(self, row: int) -> None:
        self.jump.reset()
        self.cursor = row

    def action_cursor_up(self) -> None:
        self._move(self.cursor - 1)

    def action_cursor_down(self) -> None:
        self._move(self.cursor + 1)

    def action_first(self) -> None:
        self._move(0)

    def action_last(self) -> None:
        self._move(len(self.rows.rows) - 1)

    def _rows_in_view(self) -> int:
        return max(1, len({row for row, _ in self._shown if row is not None}) - 1)

    def action_page_up(self) -> None:
        self._move(self.cursor - self._rows_in_view())

    def action_page_down(self) -> None:
        self._move(self.cursor + self._rows_in_view())

    def action_next_paragraph(self) -> None:
        self.jump.reset()
        self.go_to(self.rows.step(self.cursor, +1), at_top=True)

    def action_previous_paragraph(self) -> None:
        self.jump.reset()
        heading = self.rows.step(self.cursor, 0)
        self.go_to(heading if heading < self.cursor else self.rows.step(self.cursor, -1), at_top=True)

    def action_paragraph_digit(self, digit: str) -> None:
        """A digit of a paragraph's number: go to it (see `ParagraphJump`)."""
        number = self.jump.digit(digit, self._numbers)
        if number is None:
            self.app.bell()
            return
        row = self.rows.row_of_paragraph(number)
        if row is not None:
            self.go_to(row, at_top=True)

    def action_open(self) -> None:
        item = self.rows.rows[self.cursor] if self.rows.rows else None
        if isinstance(item, Citation):
            self.post_message(self.Opened(self, item.entity.id))

    @property
    def highlighted(self) -> Citation | None:
        """The citation under the cursor (None on a heading)."""
        item = self.rows.rows[self.cursor] if self.rows.rows else None
        return item if isinstance(item, Citation) else None

    # -- drawing --------------------------------------------------------------------------------

    def _lay_out_screen(self) -> None:
        """Which row and line each line of the widget shows, from the top row down."""
        height = self.scrollable_content_region.height
        key = (self.top, self._width, height)
        if key == self._shown_for:
            return
        self._shown_for = key
        shown: list[tuple[int | None, Strip]] = []
        row, top = self.top, self.top
        while len(shown) < height and row < len(self.rows.rows):
            if self._gap(row, top):
                shown.append((None, Strip.blank(self._width)))
            shown += [(row, strip) for strip in self._row_strips(row)]
            row += 1
        self._shown = shown[:height]

    def render_lines(self, crop):
        if self.scrollable_content_region.width != self._width:
            self._fit()
        self._lay_out_screen()
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        style = self.base_style
        if y >= len(self._shown):
            return Strip.blank(width, style)
        row, strip = self._shown[y]
        if row is not None and row == self.cursor:
            style += self.get_component_rich_style("paragraph-list--cursor")
        return strip.apply_style(style).adjust_cell_length(width, style)

    def on_click(self, event: events.Click) -> None:
        row = self._shown[event.y][0] if 0 <= event.y < len(self._shown) else None
        if row is None:
            return
        self.focus()
        if row != self.cursor:
            self._move(row)
        elif event.chain >= 2:
            self.action_open()
