"""When a background job fails, the explorer says so and keeps going."""

from __future__ import annotations

import pytest
from screen_text import notices, settle, squeeze, visible_text

import tui.facts.search
from tui.facts.messages import msg
from tui.ui.screens.main import MainScreen
from tui.ui.widgets.filter_bar import FilterBar


async def test_a_failing_search_index_costs_the_search_not_the_app(
    make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(facts):
        raise MemoryError("no room for the index")

    monkeypatch.setattr(tui.facts.search.SearchIndex, "build", staticmethod(broken))
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await app.workers.wait_for_complete()  # the index of a small file is built at start-up
        await settle(pilot)
        assert app.is_running
        await pilot.press("slash", "d")
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, MainScreen)
        bar = app.screen.query_one(FilterBar)
        assert msg("filter.unavailable", app.lang) in squeeze(visible_text(app, bar))
        await pilot.pause()  # the toasts are mounted after the notification
        assert any("no room for the index" in notice for notice in notices(app))  # says why
        await pilot.press("escape", "j")  # browsing goes on
        await settle(pilot)
        assert app.is_running
