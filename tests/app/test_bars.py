"""The title bar and the key bar: what they show, and a click on a key presses it."""

from __future__ import annotations

from screen_text import click_text, settle, squeeze, visible_text
from textual.command import CommandPalette

from tui.facts.messages import msg
from tui.ui.screens.help import HelpScreen
from tui.ui.widgets.bars import KeyBar, TitleBar
from tui.ui.widgets.detail import DetailPane
from tui.ui.widgets.entity_list import EntityList

SIZE = (120, 40)


def keys(app) -> str:
    return squeeze(visible_text(app, app.screen.query_one(KeyBar)))


async def click_key(pilot, label: str) -> None:
    """Click the middle of `label` in the key bar."""
    await click_text(pilot, label, within=pilot.app.screen.query_one(KeyBar))


async def test_the_key_bar_follows_the_focus(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.focused, EntityList)
        in_list = keys(app)
        say = {key: msg(key, app.lang) for key in ("cmd.filter", "cmd.quit", "cmd.follow_row.short")}
        assert say["cmd.filter"] in in_list and say["cmd.quit"] in in_list
        assert say["cmd.follow_row.short"] not in in_list
        assert in_list.endswith(
            msg("key_bar.palette", app.lang)
        )  # the palette's key sits at the right-hand end
        await pilot.press("enter")  # into the detail pane's links
        await settle(pilot)
        assert isinstance(app.focused, DetailPane)
        in_detail = keys(app)
        assert say["cmd.follow_row.short"] in in_detail


async def test_clicking_a_key_presses_it(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await click_key(pilot, msg("cmd.help", app.lang))
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await settle(pilot)
        await click_key(pilot, msg("key_bar.palette", app.lang))
        assert isinstance(app.screen, CommandPalette)


async def test_the_title_bar_names_the_file_and_its_size(make_app, facts) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        title = squeeze(visible_text(app, app.screen.query_one(TitleBar)))
        assert title.startswith(squeeze(facts.meta.title))
        assert title.endswith(f"facts.toml · {msg('entities', app.lang, n=len(facts))}")


async def test_on_a_narrow_terminal_the_palette_key_stays_in_view(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(50, 20)) as pilot:
        await settle(pilot)
        shown = keys(app)
        assert shown.endswith(f"Ctrl+P {msg('key_bar.palette', app.lang)}")
        assert msg("cmd.quit", app.lang) not in shown  # the other keys give way, whole
        await click_key(pilot, msg("key_bar.palette", app.lang))
        assert isinstance(app.screen, CommandPalette)
