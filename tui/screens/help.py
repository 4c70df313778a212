"""The help screen: every key, generated from the same command tables as the bindings."""

from __future__ import annotations

from pathlib import Path

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.keymap import help_groups


def help_table() -> Group:
    """All commands, grouped: a heading per group, then keys on the left and what they do."""
    groups = help_groups()
    key_width = max(len(" / ".join(keys)) for _, rows in groups for keys, _ in rows)
    parts: list[RenderableType] = []
    for n, (title, rows) in enumerate(groups):
        if n:
            parts.append(Text())
        parts.append(Text(title, style="bold underline"))
        grid = Table.grid(padding=(0, 2))
        grid.add_column(no_wrap=True, style="bold", width=key_width)
        grid.add_column()
        for keys, description in rows:
            grid.add_row(Text(" / ".join(keys)), Text(description))
        parts.append(grid)
    return Group(*parts)


class HelpScreen(ModalScreen[None]):
    """Keys and what they do. Esc, q, ? or F1 closes it."""

    CSS_PATH = Path(__file__).with_name("help.tcss")
    BINDINGS = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close help"),
        Binding("up,k", "scroll_up", "Scroll up", show=False),
        Binding("down,j", "scroll_down", "Scroll down", show=False),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static(Text("facts-tui — keys", style="bold"), id="help-title")
            yield Static(help_table(), id="help-table")
            yield Static(
                Text(
                    "The mouse works too: click a section, a row or a link; scroll with the wheel.",
                    style="italic",
                ),
                id="help-mouse",
            )

    def action_scroll_up(self) -> None:
        self.query_one("#help-body").scroll_up()

    def action_scroll_down(self) -> None:
        self.query_one("#help-body").scroll_down()
