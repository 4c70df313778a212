"""The timeline view: everything dated, periods as bars across the years; Enter opens an entity."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static

from tui.facts import FactBase
from tui.facts.model import Language
from tui.facts.timeline import TimelineItem, items_of, timeline, year_span
from tui.keymap import VIEW_COMMANDS, bindings
from tui.timeline import BAR_WIDTH, DATE_WIDTH, UNDATED_LABEL, axis_text, timeline_row
from tui.widgets.bars import KeyBar, TitleBar
from tui.widgets.virtual_list import VirtualList


class TimelineList(VirtualList):
    """Timeline items one per line; the undated ones follow under their own heading row."""

    class Opened(Message):
        def __init__(self, entity_id: str) -> None:
            super().__init__()
            self.entity_id = entity_id

    def __init__(self, facts: FactBase, items: list[TimelineItem], lang: Language) -> None:
        super().__init__(id="timeline-list")
        self.facts = facts
        self.lang: Language = lang
        self.span = year_span(items)
        dated = [i for i in items if not i.undated]
        undated = [i for i in items if i.undated]
        # None marks the heading row before the undated items.
        self.rows: list[TimelineItem | None] = [*dated, *([None, *undated] if undated else [])]

    @property
    def row_count(self) -> int:
        return len(self.rows)

    def render_row(self, index: int, width: int) -> Text:
        item = self.rows[index]
        if item is None:
            return Text(UNDATED_LABEL[self.lang], style="bold underline")
        return timeline_row(item, self.facts, self.lang, self.span, BAR_WIDTH)

    def row_opened(self, index: int) -> None:
        item = self.rows[index]
        if item is not None:
            self.post_message(self.Opened(item.entity_id))


class TimelineScreen(Screen[str | None]):
    """Dismisses with the id of the entity to open, or None."""

    CSS_PATH = Path(__file__).with_name("views.tcss")
    BINDINGS = bindings(VIEW_COMMANDS)

    def __init__(self, facts: FactBase, lang: Language, selected: str | None = None) -> None:
        super().__init__()
        self.facts = facts
        self.lang: Language = lang
        self.items = timeline(facts)
        self.selected = selected

    def compose(self) -> ComposeResult:
        yield TitleBar()
        title = Text("Timeline" if self.lang == "en" else "연표", style="bold")
        title.append("  Enter opens · Esc returns", style="dim")
        yield Static(title, classes="view-title")
        axis = Text(" " * (DATE_WIDTH + 2))
        axis.append_text(axis_text(year_span(self.items), BAR_WIDTH))
        yield Static(axis, classes="view-axis")
        yield TimelineList(self.facts, self.items, self.lang)
        yield KeyBar()

    def on_mount(self) -> None:
        timeline_list = self.query_one(TimelineList)
        timeline_list.rows_changed()
        if self.selected is not None:
            rows = [i for i in items_of(self.items, self.selected)]
            if rows:
                item = self.items[rows[0]]
                timeline_list.cursor = timeline_list.rows.index(item)
        timeline_list.focus()

    def on_timeline_list_opened(self, event: TimelineList.Opened) -> None:
        self.dismiss(event.entity_id)

    def action_close(self) -> None:
        self.dismiss(None)
