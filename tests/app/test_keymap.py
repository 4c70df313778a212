"""A user's keymap (the settings file's [keymap] table) changes what a key does and what the help shows."""

from __future__ import annotations

from screen_text import visible_lines

from tui.facts import FactBase
from tui.ui.app import FactsApp
from tui.ui.screens.help import HelpScreen
from tui.ui.screens.main import MainScreen
from tui.ui.screens.timeline import TimelineScreen


async def test_a_rebound_key_runs_the_command_and_the_old_key_does_not(facts: FactBase) -> None:
    app = FactsApp(facts, "en", watch=False, keymap={"app.timeline": "ctrl+t"})
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("t")
        assert isinstance(app.screen, MainScreen)
        await pilot.press("ctrl+t")
        assert isinstance(app.screen, TimelineScreen)


async def test_the_help_shows_the_users_keys(facts: FactBase) -> None:
    app = FactsApp(
        facts, "en", watch=False, keymap={"app.timeline": "ctrl+t", "list.cursor_down": "down,ctrl+n"}
    )
    async with app.run_test(size=(120, 120)) as pilot:
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        lines = [line.strip(" │") for line in visible_lines(app)]
        assert any(line.startswith("Ctrl+T ") for line in lines), "\n".join(lines)
        assert not any(line.startswith("t ") for line in lines)
        assert any(line.startswith("↓ / Ctrl+N ") for line in lines)


async def test_the_key_bar_shows_the_users_key(facts: FactBase) -> None:
    app = FactsApp(facts, "en", watch=False, keymap={"app.search": "ctrl+f"})
    async with app.run_test(size=(200, 30)):
        bar = visible_lines(app)[-1]
        assert "^f" in bar.lower() or "ctrl+f" in bar.lower(), bar
