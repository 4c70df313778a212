"""The help screen: every key, generated from the same command tables as the bindings."""

from __future__ import annotations

from pathlib import Path

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.keymap import ALL_GROUPS


def help_table() -> Table:
    """All commands, grouped: keys on the left, what they do on the right."""
    table = Table.grid(padding=(0, 2))
    table.add_column(no_wrap=True, style="bold")
    table.add_column()
    for n, (title, commands) in enumerate(ALL_GROUPS):
        if n:
            table.add_row("", "")
        table.add_row(Text(title, style="bold underline"), "")
        seen: set[str] = set()
        for command in commands:
            keys = " / ".join(command.key_names)
            if keys in seen:
                continue
            seen.add(keys)
            table.add_row(Text(keys), Text(command.description))
    return table


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
