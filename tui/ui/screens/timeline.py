"""The timeline view: everything dated, periods as bars across the years; Enter opens an entity."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import Static

from tui.facts import FactBase
from tui.facts.messages import msg
from tui.facts.model import Language
from tui.facts.timeline import TimelineItem, dated_items, items_of, timeline, undated_items, year_span
from tui.render.timeline import BAR_WIDTH, DATE_WIDTH, axis_text, timeline_row
from tui.ui.screens.view import ExplorerView
from tui.ui.widgets.bars import KeyBar, TitleBar
from tui.ui.widgets.virtual_list import VirtualList


class TimelineList(VirtualList):
    """Timeline items one per line; the undated ones follow under their own heading row."""

    class Opened(Message):
        """Enter (or a double click) on an item: open its entity."""

        def __init__(self, timeline_list: TimelineList, entity_id: str) -> None:
            super().__init__()
            self.timeline_list = timeline_list
            self.entity_id = entity_id

        @property
        def control(self) -> TimelineList:
            return self.timeline_list

    def __init__(self, facts: FactBase, items: list[TimelineItem], lang: Language) -> None:
        super().__init__(id="timeline-list")
        self.facts = facts
        self.lang: Language = lang
        self.span = year_span(items)
        dated, undated = dated_items(items), undated_items(items)
        # None marks the heading row before the undated items.
        self.rows: list[TimelineItem | None] = [*dated, *([None, *undated] if undated else [])]

    @property
    def row_count(self) -> int:
        return len(self.rows)

    def render_row(self, index: int, width: int) -> Text:
        item = self.rows[index]
        if item is None:
            return Text(msg("timeline.undated", self.lang), style="bold underline")
        return timeline_row(item, self.facts, self.lang, self.span, BAR_WIDTH)

    def row_opened(self, index: int) -> None:
        item = self.rows[index]
        if item is not None:
            self.post_message(self.Opened(self, item.entity_id))


class TimelineScreen(ExplorerView):
    """Dismisses with the id of the entity to open, or None."""

    CSS_PATH = Path(__file__).with_name("views.tcss")

    def __init__(self, facts: FactBase, lang: Language, selected: str | None = None) -> None:
        super().__init__()
        self.facts = facts
        self.lang: Language = lang
        self.items = timeline(facts)
        self.selected = selected

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(self._title(), classes="view-title")
        axis = Text(" " * (DATE_WIDTH + 2))
        axis.append_text(axis_text(year_span(self.items), BAR_WIDTH))
        yield Static(axis, classes="view-axis")
        yield TimelineList(self.facts, self.items, self.lang)
        yield KeyBar()

    def on_mount(self) -> None:
        timeline_list = self.query_one(TimelineList)
        timeline_list.rows_changed()
        if self.selected is not None:
            rows = items_of(self.items, self.selected)
            if rows:
                item = self.items[rows[0]]
                timeline_list.cursor = timeline_list.rows.index(item)
        timeline_list.focus()

    def _title(self) -> Text:
        title = Text(msg("timeline.title", self.lang), style="bold")
        title.append(msg("timeline.hint", self.lang), style="dim")
        return title

    @property
    def highlighted_id(self) -> str | None:
        timeline_list = self.query_one(TimelineList)
        rows = timeline_list.rows
        item = rows[timeline_list.cursor] if 0 <= timeline_list.cursor < len(rows) else None
        return item.entity_id if item is not None else None

    def set_language(self, lang: Language) -> None:
        self.lang = lang
        self.query_one(".view-title", Static).update(self._title())
        timeline_list = self.query_one(TimelineList)
        timeline_list.lang = lang
        timeline_list.refresh()

    def action_timeline(self) -> None:
        """`t` again closes the timeline."""
        self.dismiss(None)

    def on_timeline_list_opened(self, event: TimelineList.Opened) -> None:
        self.dismiss(event.entity_id)
