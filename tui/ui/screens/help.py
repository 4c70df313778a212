"""The help screen: every key, generated from the same command tables as the bindings."""

from __future__ import annotations

from pathlib import Path

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.facts.messages import msg
from tui.facts.model import Language
from tui.ui.keymap import help_groups


def help_table(
    keymap: dict[str, str] | None = None, lang: Language = "en", hidden: frozenset[str] = frozenset()
) -> Group:
    """All commands the app offers (not the actions `hidden`), grouped: a heading per group, then
    keys on the left (the user's, if the settings file changes them) and what they do."""
    groups = help_groups(keymap, lang, hidden)
    key_width = max(cell_len(" / ".join(keys)) for _, rows in groups for keys, _ in rows)
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
        Binding("escape,q,question_mark,f1", "dismiss", msg("cmd.close_help", "en")),
        Binding("up,k", "scroll_up", msg("cmd.scroll_up", "en"), show=False),
        Binding("down,j", "scroll_down", msg("cmd.scroll_down", "en"), show=False),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            lang: Language = getattr(self.app, "lang", "en")
            yield Static(Text(msg("help.title", lang), style="bold"), id="help-title")
            keymap = getattr(self.app, "user_keymap", None)
            hidden: frozenset[str] = getattr(self.app, "hidden_actions", frozenset())  # editing, in a browser
            yield Static(help_table(keymap, lang, hidden), id="help-table")
            yield Static(Text(msg("help.mouse", lang), style="italic"), id="help-mouse")

    def action_scroll_up(self) -> None:
        self.query_one("#help-body").scroll_up()

    def action_scroll_down(self) -> None:
        self.query_one("#help-body").scroll_down()
