"""The facts-tui explorer: a Textual app over a loaded fact base."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from pathlib import Path

from textual.app import App, SystemCommand
from textual.screen import Screen

from tui.facts import FactBase
from tui.facts.model import Language
from tui.keymap import APP_COMMANDS, SCREEN_COMMANDS, bindings
from tui.render import section_label
from tui.screens.main import MainScreen


class FactsApp(App[None]):
    """Browse a fact base: sections, details, links, history, help and the command palette."""

    CSS_PATH = Path(__file__).with_name("app.tcss")
    BINDINGS = bindings(APP_COMMANDS)
    COMMANDS = App.COMMANDS | {lambda: _providers().SectionProvider, lambda: _providers().EntityProvider}

    def __init__(self, facts: FactBase, lang: Language = "ko") -> None:
        super().__init__()
        self.facts = facts
        self.lang: Language = lang
        self.title = facts.meta.title
        self.sub_title = " · ".join(
            f"{section_label(kind, lang)} {n:,}" for kind, n in facts.counts().items() if n
        )

    def get_default_screen(self) -> MainScreen:
        return MainScreen(self.facts, self.lang)

    @property
    def main(self) -> MainScreen:
        """The main screen, wherever it is in the stack (help or palette may be on top)."""
        return next(s for s in self.screen_stack if isinstance(s, MainScreen))

    def open_entity(self, entity_id: str) -> None:
        """Show an entity in its section, as a step in the history (palette, search)."""
        self.main.go_to(entity_id)

    def open_section(self, kind: str) -> None:
        self.main.action_show_section(kind)

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen  # imported on first use: start-up time counts

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        main = self.main
        for command in SCREEN_COMMANDS + APP_COMMANDS:
            if not command.palette:
                continue
            target = self if command.scope == "app" else main
            keys = ", ".join(command.key_names)
            yield SystemCommand(
                command.description, f"Key: {keys}", partial(target.run_action, command.action)
            )


def _providers():
    """The palette providers, imported when the palette first opens rather than at start-up."""
    import tui.providers

    return tui.providers
