"""Keys go where the user means them: typing right after `s` lands in the search even while the
index is built; the palette answers once the index is ready; the explorer's keys work in the
timeline and relationships; nothing runs on a closing app."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from screen_text import notices, settle, squeeze, visible_text
from textual import events
from textual.command import CommandList, CommandPalette
from textual.widgets import Input, OptionList, Static, Tree

import tui.facts.search
from screenshots import wait_until
from tui.facts.messages import msg
from tui.ui.screens.export import ExportScreen
from tui.ui.screens.main import MainScreen
from tui.ui.screens.relations import RelationsScreen
from tui.ui.screens.search import SearchScreen
from tui.ui.screens.timeline import TimelineList, TimelineScreen
from tui.ui.widgets.filter_bar import FilterBar

SIZE = (120, 40)


@pytest.fixture
def slow_index(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """The search index is built only once the test sets the event (as a 100k-entity file takes seconds)."""
    release = threading.Event()
    build = tui.facts.search.SearchIndex.build

    def slow(facts):
        release.wait(timeout=20)
        return build(facts)

    monkeypatch.setattr(tui.facts.search.SearchIndex, "build", staticmethod(slow))
    yield release
    release.set()  # never leave a build thread waiting


def type_at_once(app, keys: list[str]) -> None:
    """Queue the keys together, as a fast typist (or a paste) delivers them."""
    for key in keys:
        app.post_message(events.Key(key, key if len(key) == 1 else None))


def search_count(app) -> str:
    return squeeze(visible_text(app, app.screen.query_one("#search-count", Static)))


# -- the search screen while the index is built -------------------------------------------------------


async def test_typing_right_after_s_goes_into_the_search_while_the_index_is_built(
    make_app, facts, slow_index: threading.Event
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert not app.search_ready
        type_at_once(app, ["s", "l", "e", "e", "한"])
        await settle(pilot)
        # The search is open at once and took the keys: `l` did not switch the language, `e` did
        # not open the export dialog.
        assert isinstance(app.screen, SearchScreen) and len(app.screen_stack) == 2
        assert app.screen.query_one(Input).value == "lee한"
        assert app.lang == "ko"
        assert not any(isinstance(s, ExportScreen) for s in app.screen_stack)
        assert search_count(app) == msg("search_indexing", "ko")

        # When the index is ready, the results of what was typed show.
        app.screen.query_one(Input).value = "이진형"
        slow_index.set()
        await wait_until(pilot, lambda: app.search_ready, "the index")
        await wait_until(pilot, lambda: "lee-jin-hyung" in str(app.screen._ids), "the results")  # type: ignore[attr-defined]
        assert app.screen.query_one(OptionList).option_count > 1
        await pilot.press("enter")
        assert isinstance(app.screen, MainScreen)
        assert app.main.detail.entity == facts["lee-jin-hyung"]


async def test_the_palette_answers_once_the_index_is_ready(make_app, slow_index: threading.Event) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"엘비스")
        assert isinstance(app.screen, CommandPalette)
        await pilot.pause(0.7)  # longer than the palette waits before it says "No matches found"
        slow_index.set()
        palette_list = app.screen.query_one(CommandList)
        await wait_until(
            pilot, lambda: "lvis" in squeeze(visible_text(app, palette_list)), "LVIS in the palette"
        )  # actual: "No matches found", for good
        await pilot.press("enter")
        assert isinstance(app.screen, MainScreen) and app.main.detail.entity.id == "lvis"


# -- the search screen --------------------------------------------------------------------------------


async def test_s_again_opens_with_the_last_query_selected_typing_replaces_it(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: app.search_ready, "the index")
        await pilot.press("s", *"엘비", "escape", "s")
        field = app.screen.query_one(Input)
        assert field.value == "엘비" and field.selected_text == "엘비"
        await pilot.press("뇌")
        assert field.value == "뇌"


async def test_a_long_query_with_no_match_is_quoted_shortened(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: app.search_ready, "the index")
        await pilot.press("s")
        query = "없는말" * 40
        app.screen.query_one(Input).value = query
        await settle(pilot)
        count = search_count(app)
        assert "…" in count and "없는말없는말" in count, count  # actual: the quote is cut off, empty
        assert count.endswith(("”.", "”에 맞는 항목이 없습니다."))


# -- the explorer's keys in the timeline and relationships --------------------------------------------


async def test_in_the_timeline_the_explorers_keys_work(make_app, facts) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        assert isinstance(app.screen, TimelineScreen)
        title = app.screen.query_one(".view-title", Static)

        # l: the view itself in the other language, header included.
        korean = squeeze(visible_text(app, title))
        await pilot.press("l")
        assert app.lang == "en" and isinstance(app.screen, TimelineScreen)
        english = squeeze(visible_text(app, title))
        assert english != korean and english.startswith(msg("timeline.title", "en"))
        rows = squeeze(visible_text(app, app.screen.query_one(TimelineList)))
        assert "Signing of the digital brain industry MOU" in rows
        await pilot.press("l")

        # y: the entity highlighted in the view, not the explorer's.
        await pilot.press("G")
        highlighted = app.screen.highlighted_id  # type: ignore[attr-defined]
        assert highlighted and highlighted != app.main.detail.entity.id
        await pilot.press("Y")
        assert app.clipboard == highlighted

        # 4: the view closes and the section shows; / closes it and the filter bar takes the keys.
        await pilot.press("4")
        assert isinstance(app.screen, MainScreen) and app.main.section == "person"
        await pilot.press("t", "slash")
        assert isinstance(app.screen, MainScreen)
        assert app.screen.query_one(FilterBar).active and isinstance(app.focused, Input)


async def test_in_the_relationships_r_and_t_switch_views_and_l_relabels(make_app, facts) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("R")
        assert isinstance(app.screen, RelationsScreen)
        tree = app.screen.query_one(Tree)
        await pilot.press("l")
        assert "Daegu Metropolitan City" in squeeze(visible_text(app, tree))
        await pilot.press("down")  # a neighbour
        neighbour = app.screen.highlighted_id  # type: ignore[attr-defined]
        assert neighbour and neighbour != "daegu-city"
        await pilot.press("R")  # its own relationships
        assert isinstance(app.screen, RelationsScreen) and app.screen.entity_id == neighbour
        assert len(app.screen_stack) == 2
        await pilot.press("t")
        assert isinstance(app.screen, TimelineScreen) and len(app.screen_stack) == 2


async def test_reloading_says_so(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("r")
        await wait_until(pilot, lambda: bool(notices(app)), "a notice")
        assert notices(app) == [msg("reloaded", "ko", name="facts.toml")]


async def test_a_command_chosen_in_the_palette_over_a_view_acts_on_the_views_entity(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t", "G")
        highlighted = app.screen.highlighted_id  # type: ignore[attr-defined]
        assert highlighted != app.main.detail.entity.id
        await pilot.press("ctrl+p", *msg("cmd.copy_id", app.lang))
        palette_list = app.screen.query_one(CommandList)
        await wait_until(
            pilot, lambda: msg("cmd.copy_id", app.lang) in visible_text(app, palette_list), "the command"
        )
        await pilot.press("enter")
        await settle(pilot)
        assert app.clipboard == highlighted
        assert isinstance(app.screen, TimelineScreen)


async def test_typing_right_after_slash_goes_into_the_filter(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        type_at_once(app, ["slash", "l", "e", "e"])  # the filter bar is mounted by the first /
        await settle(pilot)
        assert app.screen.query_one(FilterBar).active
        assert app.screen.query_one("#filter-input", Input).value == "lee"  # actual: "", l switched
        assert app.lang == "ko"
