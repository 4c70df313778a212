"""The command palette (Ctrl+P): jump to any entity by name, open a section, switch theme; Esc closes it."""

from __future__ import annotations

import asyncio

import pytest
from screen_text import active_section, assert_showing, settle, squeeze, visible_text
from textual.command import CommandInput, CommandList, CommandPalette
from textual.pilot import Pilot

from tui.facts.messages import both, msg
from tui.facts.text import section_label
from tui.ui.app import FactsApp
from tui.ui.screens.main import MainScreen
from tui.ui.screens.timeline import TimelineScreen

SIZE = (120, 40)


def palette_text(pilot: Pilot) -> str:
    """What the palette shows: the query typed, then the results."""
    palette = pilot.app.screen
    assert isinstance(palette, CommandPalette)
    query = visible_text(pilot.app, palette.query_one(CommandInput))
    results = visible_text(pilot.app, palette.query_one(CommandList))
    return squeeze(f"{query}\n{results}")


async def palette_shows(pilot: Pilot, *texts: str, timeout: float = 3.0) -> str:
    """Wait until the palette's results (searched in the background) show every one of `texts`."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        await pilot.pause()
        shown = palette_text(pilot)
        if all(text in shown for text in texts) or loop.time() > deadline:
            return shown


async def search(pilot: Pilot, query: str, *expect: str) -> str:
    """Ctrl+P, type `query`; returns what the palette shows once `expect` is among it."""
    await pilot.press("ctrl+p")
    assert isinstance(pilot.app.screen, CommandPalette)
    await pilot.press(*query)
    shown = await palette_shows(pilot, query, *expect)
    assert shown.startswith(f"🔎 {query}") or shown.startswith(query), shown
    return shown


async def test_a_korean_or_english_name_jumps_to_the_entity(make_app, facts) -> None:
    app = make_app()
    lvis = facts["lvis"]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")  # start somewhere else: the people
        for query in ("엘비스", "LVIS"):
            shown = await search(pilot, query, "lvis")
            # The first result, the one Enter takes, is LVIS (by its name in the app's language).
            assert shown.split(query, 1)[1].strip().startswith(f"{lvis.label(app.lang)} "), shown
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, MainScreen)
            await assert_showing(pilot, lvis)
            assert active_section(app) == "organization"
            await pilot.press("5")  # and away again before the next query
            assert active_section(app) == "event"


async def test_a_section_name_offers_the_section_and_themes_are_offered(make_app, facts) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        section = msg("palette.section", app.lang, section=section_label("person", app.lang))
        shown = await search(pilot, "People", section)  # found by its English name in either language
        assert section in shown
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert active_section(app) == "person"
        await assert_showing(pilot, facts.of_kind("person")[0])

        # Textual's own "Theme" command is there, and lists the themes, light ones included.
        theme, change = msg("palette.theme", app.lang), msg("palette.theme_help", app.lang)
        shown = await search(pilot, "theme", change)
        assert theme in shown and change in shown
        await pilot.press("enter")
        shown = await palette_shows(pilot, "textual-light")
        assert "textual-light" in shown
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)


async def commands_found_by(pilot: Pilot, query: str, shown_as: str) -> str:
    """Ctrl+P, `query`: what the palette lists once `shown_as` is among it; Esc closes it."""
    shown = await search(pilot, query, shown_as)
    await pilot.press("escape")
    await settle(pilot)
    return shown


@pytest.mark.parametrize("lang", ["ko", "en"])
async def test_a_command_is_found_by_either_name_and_shown_in_the_app_language(facts, lang: str) -> None:
    app = FactsApp(facts, lang=lang, watch=False)
    async with app.run_test(size=SIZE) as pilot:
        for command in ("cmd.timeline", "cmd.help"):
            ko, en = both(command)
            for query in (ko, en):
                shown = await commands_found_by(pilot, query, msg(command, lang))
                results = shown.split(query, 1)[1]
                assert results.strip().startswith(msg(command, lang)), shown  # the first hit, in `lang`
        # Enter on it runs it: 연표 opens the timeline, in English too.
        await pilot.press("ctrl+p", *"연표")
        await palette_shows(pilot, msg("cmd.timeline", lang))
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, TimelineScreen)
