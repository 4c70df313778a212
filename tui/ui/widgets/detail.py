"""The detail pane: one entity rendered with the shared Rich renderables, and its links.

The pane is a single Line-API widget: the entity is rendered to lines once per entity (and
again when the width changes), and only the visible lines are drawn. Moving the list's cursor
changes what the pane shows but never its size, so no screen layout happens per move
(benchmarks/explorer.py).

The pane is a column of rows (the title, each field, each provenance entry, each link), and its
cursor moves over the rows a reader can act on: on a field, Enter (or `i`) shows the citations
of that field with their quotes; on a provenance entry, Enter (or `p`) opens the source at that
paragraph; on a link, Enter follows it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.console import RenderableType
from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.geometry import Region, Size
from textual.message import Message
from textual.strip import Strip

from tui.facts import Entity, FactBase
from tui.facts.citations import citable_set
from tui.facts.messages import msg
from tui.facts.model import Language
from tui.render.entity import entity_page
from tui.ui.keymap import DETAIL_COMMANDS, bindings
from tui.ui.widgets.line_view import LineView

MAX_BACKLINKS = 40
"""A hub entity in a big file can be named thousands of times; list the first ones and count the rest."""


MAX_FIELD_CHARS = 5_000
"""Longer values are cut in the pane (with a note); `facts-tui show` prints them whole."""


@dataclass(frozen=True, slots=True)
class _Row:
    """One entry of the pane: a link to `target`, the field `field`, the provenance entry
    `provenance[entry]`, or text to read (the title, a heading, a note)."""

    text: RenderableType
    target: str | None = None
    field: str | None = None
    entry: int | None = None

    @property
    def key(self) -> tuple[str, object] | None:
        """What the row is about, None if the cursor skips it: kept across a re-render."""
        if self.target is not None:
            return ("link", self.target)
        if self.field is not None:
            return ("field", self.field)
        if self.entry is not None:
            return ("entry", self.entry)
        return None


class DetailPane(LineView, can_focus=True):
    """Shows one entity: title, fields, provenance, then its links both ways.

    Focused, ↑/↓ move a cursor over the fields, the provenance entries and the links; Enter
    shows a field's citations, opens a provenance entry's source or follows a link; a click on a
    link follows it too. The page keys, Home/End and the mouse wheel scroll the text.
    """

    DEFAULT_CSS = Path(__file__).with_suffix(".tcss").read_text(encoding="utf-8")
    COMPONENT_CLASSES = {"detail-pane--cursor", "detail-pane--hover"}
    BINDINGS = bindings(DETAIL_COMMANDS)

    class LinkFollowed(Message):
        """The user chose a link to `entity_id`."""

        def __init__(self, entity_id: str) -> None:
            super().__init__()
            self.entity_id = entity_id

    class CitationRequested(Message):
        """Show the citations of `field` of `entity_id` (every citation of it when None)."""

        def __init__(self, entity_id: str, field: str | None) -> None:
            super().__init__()
            self.entity_id = entity_id
            self.field = field

    class SourceRequested(Message):
        """Open the source view where `entity_id` is cited: at `provenance[entry]` if given, else
        where `field` is cited, else at its first citation."""

        def __init__(self, entity_id: str, field: str | None, entry: int | None) -> None:
            super().__init__()
            self.entity_id = entity_id
            self.field = field
            self.entry = entry

    def __init__(self, facts: FactBase, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.facts = facts
        self.entity: Entity | None = None
        self.lang: Language = "ko"
        self._rows: list[_Row] = []
        self._row_strips: list[list[Strip]] = []
        """Each row rendered at `_width` (a row wraps to several lines when narrow)."""
        self._row_lines: list[tuple[int, int]] = []
        """For each row, its first line and line count (rows wrap when narrow)."""
        self._line_row: list[int] = []
        """For each line, the row it belongs to."""
        self._width = 0
        self._cursor: int | None = None
        self._hover: int | None = None
        self._into_links = False
        """Set when a link is followed: the entity it leads to opens with its first link chosen."""

    # -- what is shown --------------------------------------------------------------------------

    def show(self, entity: Entity | None, lang: Language | None = None) -> None:
        """Render `entity` (None shows an empty-section message) and scroll to its top.

        The same entity again (after a reload or a language switch) keeps its place: the scroll
        position and the row under the cursor stay, so saving the file does not lose the reader.
        """
        same = entity is not None and self.entity is not None and entity.id == self.entity.id
        scroll_y = self.scroll_offset.y if same else 0
        target = self._rows[self._cursor].key if same and self._cursor is not None else None
        # Where the chosen link is on screen: it stays on that row even if the text above it now
        # wraps to more or fewer lines (a longer name, the other language).
        link_row = (
            self._row_lines[self._cursor][0] - scroll_y
            if target is not None and self._cursor is not None
            else None
        )
        self.entity = entity
        if lang is not None:
            self.lang = lang
        self._cursor = self._hover = None
        if entity is None:
            self._rows = [_Row(Text(msg("detail.nothing", self.lang), style="italic"))]
        else:
            try:
                self._rows = self._page_rows(entity)
            except Exception as exc:  # a rendering bug must not take the app down with it
                message = msg(
                    "detail.cannot_show", self.lang, id=entity.id, error=f"{type(exc).__name__}: {exc}"
                )
                self._rows = [_Row(Text(message, style="bold red"))]
        self._layout_lines()
        if target is not None:
            self._cursor = next((n for n, row in enumerate(self._rows) if row.key == target), None)
            if self._cursor is not None and link_row is not None and self._cursor < len(self._row_lines):
                scroll_y = max(0, self._row_lines[self._cursor][0] - link_row)
        self.scroll_to(0, scroll_y, animate=False, immediate=True)
        into_links, self._into_links = self._into_links, False
        if into_links and not same:
            self.select_first_link()  # following links goes on from link to link, as Enter on a row

    def _page_rows(self, entity: Entity) -> list[_Row]:
        """The entity's page (`entity_page`, as `show` prints it) as rows the cursor stops on: a
        field a citation may name, a provenance entry, a link."""
        citable = citable_set(entity.KIND)
        page = entity_page(
            self.facts, entity, self.lang, max_chars=MAX_FIELD_CHARS, max_backlinks=MAX_BACKLINKS
        )
        return [
            _Row(
                row.renderable(),
                target=row.target,
                field=row.field if row.field in citable else None,
                entry=row.entry,
            )
            for row in page
        ]

    @property
    def link_targets(self) -> list[str]:
        """The ids the links lead to, in order."""
        return [row.target for row in self._rows if row.target]

    @property
    def highlighted_link(self) -> str | None:
        """The id under the cursor (None when the cursor is on no link)."""
        return None if self._cursor is None else self._rows[self._cursor].target

    @property
    def highlighted_field(self) -> str | None:
        """The key of the field under the cursor (None when the cursor is on no field)."""
        return None if self._cursor is None else self._rows[self._cursor].field

    @property
    def highlighted_entry(self) -> int | None:
        """Which provenance entry is under the cursor (None when the cursor is on none)."""
        return None if self._cursor is None else self._rows[self._cursor].entry

    # -- lines ----------------------------------------------------------------------------------

    def _layout_lines(self) -> None:
        """Render the rows at the current width, then size the scroll area.

        Lines are kept without the pane's colours, which are applied as they are drawn (so a
        theme or focus change needs no re-render). The virtual size is set without asking for
        a screen layout: the pane's own size does not change, only how far it scrolls.
        """
        width = self._width = self.scrollable_content_region.width
        if not width:  # not laid out yet: `on_resize` renders once the pane has a size
            return
        console = self.app.console
        options = console.options.update(width=width, highlight=False)

        def strips(renderable: RenderableType) -> list[Strip]:
            segments = console.render(renderable, options)
            return [
                Strip(line)
                for line in Segment.split_and_crop_lines(segments, width, include_new_lines=False, pad=False)
            ]

        self._row_strips = [strips(row.text) for row in self._rows]
        self._row_lines, self._line_row = [], []
        line = 0
        for n, row_strips in enumerate(self._row_strips):
            self._row_lines.append((line, len(row_strips)))
            self._line_row += [n] * len(row_strips)
            line += len(row_strips)
        self.set_virtual_size(Size(width, line))

    def _fit_width(self) -> None:
        """Lay the lines out again if the scrollable width is not the one they were laid out at."""
        if self.scrollable_content_region.width != self._width:
            self._layout_lines()

    def on_resize(self) -> None:
        self._fit_width()

    def watch_show_vertical_scrollbar(self) -> None:
        # A scrollbar that comes or goes changes the scrollable width without a resize; lines
        # laid out at the old width would lose their last cells. The gutter is reserved
        # (detail.tcss), so this is the safety net should that style change.
        self._fit_width()

    def render_lines(self, crop: Region) -> list[Strip]:
        self._fit_width()  # the lines are drawn at the width they were laid out at, always
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        index = y + self.scroll_offset.y
        width = self.scrollable_content_region.width
        style = self.base_style
        strip: Strip | None = None
        if (n := self._row_of(index)) is not None:
            strip = self._row_strips[n][index - self._row_lines[n][0]]
            if n == self._cursor and self.has_focus:
                style += self.get_component_rich_style("detail-pane--cursor")
            elif n == self._hover and self._rows[n].target:
                style += self.get_component_rich_style("detail-pane--hover")
        if strip is None:
            return Strip.blank(width, style)
        return strip.apply_style(style).adjust_cell_length(width, style)

    def _row_of(self, line: int) -> int | None:
        """The row drawn on `line` (of the whole pane, not the screen), if any."""
        return self._line_row[line] if 0 <= line < len(self._line_row) else None

    def _refresh_row(self, n: int | None) -> None:
        if n is not None and n < len(self._row_lines):
            first, height = self._row_lines[n]
            self.refresh(Region(0, first - self.scroll_offset.y, self.size.width, height))

    # -- the cursor -----------------------------------------------------------------------------

    def _set_cursor(self, n: int | None) -> None:
        old, self._cursor = self._cursor, n
        self._refresh_row(old)
        self._refresh_row(n)
        if n is not None:
            first, height = self._row_lines[n]
            self.scroll_to_region(Region(0, first, 1, height), animate=False, force=True, immediate=True)

    def _links_from(self, start: int, step: int) -> int | None:
        n = start
        while 0 <= n < len(self._rows):
            if self._rows[n].target:
                return n
            n += step
        return None

    def _selectable_from(self, start: int, step: int) -> int | None:
        """The first row from `start` on (going by `step`) that the cursor stops on."""
        n = start
        while 0 <= n < len(self._rows):
            if self._rows[n].key is not None:
                return n
            n += step
        return None

    def select_first_link(self) -> bool:
        """Enter the links from the top of the entity: the cursor goes on the first link if it
        shows without scrolling the title away; otherwise the pane stays at its top and Enter
        chooses the link (scrolling only then). False if there is no link."""
        first = self._links_from(0, 1)
        if first is None:
            return False
        self.scroll_to(0, 0, animate=False, immediate=True)
        start, height = self._row_lines[first]
        self._set_cursor(first if start + height <= self.scrollable_content_region.height else None)
        return True

    def action_cursor_down(self) -> None:
        """The next field, provenance entry or link; past the last one, scroll."""
        start = 0 if self._cursor is None else self._cursor + 1
        following = self._selectable_from(start, 1)
        if following is None:
            self.scroll_relative(y=1, animate=False, immediate=True)
        else:
            self._set_cursor(following)

    def action_cursor_up(self) -> None:
        """The previous row; above the first field the cursor leaves the rows and the text scrolls."""
        previous = None if self._cursor is None else self._selectable_from(self._cursor - 1, -1)
        if previous is None:
            self._set_cursor(None)
            self.scroll_relative(y=-1, animate=False, immediate=True)
        else:
            self._set_cursor(previous)

    def action_follow(self) -> None:
        """Enter: follow the link, show the field's citations or open the entry's source; with
        no row chosen, choose the first link (the first row if there is none)."""
        if self._cursor is None:
            first = self._links_from(0, 1)
            self._set_cursor(first if first is not None else self._selectable_from(0, 1))
            return
        row = self._rows[self._cursor]
        if row.target:
            self._into_links = True
            self.post_message(self.LinkFollowed(row.target))
        elif row.field is not None:
            self.action_citation()
        elif row.entry is not None:
            self.action_source_view()

    def action_citation(self) -> None:
        """`i`: the citations of the field under the cursor (of every field, elsewhere)."""
        if self.entity is not None:
            self.post_message(self.CitationRequested(self.entity.id, self.highlighted_field))

    def action_source_view(self) -> None:
        """`p`: the source where the row under the cursor is cited (see `SourceRequested`)."""
        if self.entity is not None:
            self.post_message(
                self.SourceRequested(self.entity.id, self.highlighted_field, self.highlighted_entry)
            )

    def action_page_up(self) -> None:
        self.scroll_page_up(animate=False)

    def action_page_down(self) -> None:
        self.scroll_page_down(animate=False)

    def action_top(self) -> None:
        self.scroll_home(animate=False)

    def action_bottom(self) -> None:
        self.scroll_end(animate=False)

    def on_focus(self) -> None:
        self._refresh_row(self._cursor)

    def on_blur(self) -> None:
        self._refresh_row(self._cursor)

    # -- mouse ----------------------------------------------------------------------------------

    def _row_at(self, y: int) -> int | None:
        """The row under the pointer at `y` (widget coordinates), if any."""
        return self._row_of(y + self.scroll_offset.y)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        n = self._row_at(event.y)
        if n != self._hover:
            old, self._hover = self._hover, n
            self._refresh_row(old)
            self._refresh_row(n)

    def on_leave(self) -> None:
        old, self._hover = self._hover, None
        self._refresh_row(old)

    def on_click(self, event: events.Click) -> None:
        """A click follows a link; on a field or a provenance entry it puts the cursor there (a
        double click acts on it, as Enter does)."""
        n = self._row_at(event.y)
        if n is None or self._rows[n].key is None:
            return
        self.focus()
        self._set_cursor(n)
        if self._rows[n].target or event.chain >= 2:
            self.action_follow()
