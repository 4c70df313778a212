"""Snapshots of the explorer's finding and viewing features: the filter bar, the search screen, the
timeline, the relationship view and the English screens (pytest-textual-snapshot).

Update after a deliberate change with
`pytest tests/snapshots/test_feature_snapshots.py --snapshot-update`, then look at every changed SVG
before accepting it.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from screenshots import NARROW, WIDE, Flow, entity, search, timeline_view, wait_until
from tui.facts import FactBase, load
from tui.facts.messages import msg
from tui.ui.app import FactsApp

BUNDLED_FILE = Path(__file__).resolve().parents[2] / "facts.toml"


@functools.cache
def bundled() -> FactBase:
    """The bundled facts, loaded on first use: inside a test, never at import (tests/conftest.py
    points the cache at a private directory before that, but collection must not depend on it)."""
    return load(BUNDLED_FILE)


def make_app() -> FactsApp:
    """A fresh explorer on the bundled facts, in the file's language (Korean), not watching the file."""
    facts = bundled()
    return FactsApp(facts, facts.meta.language, watch=False)  # no file polling: nothing timed


def filtered(section_key: str, query: str, count: str) -> Flow:
    """`/` on a section with `query` typed, once the bar counts `count` (the matches highlighted)."""

    async def flow(pilot: Pilot) -> None:
        app = pilot.app
        await pilot.pause()
        await pilot.press(section_key, "slash")
        field = app.screen.query_one("#filter-input", Input)
        field.cursor_blink = False  # a steady cursor, the same in every shot
        await pilot.press(*query)
        status = app.screen.query_one("#filter-count")
        await wait_until(pilot, lambda: str(status.render()).strip() == count, f"{count!r} in the filter bar")

    return flow


def then_press(flow: Flow, *keys: str) -> Flow:
    async def both(pilot: Pilot) -> None:
        await flow(pilot)
        await pilot.press(*keys)
        await pilot.pause()

    return both


async def english(pilot: Pilot) -> None:
    """The explorer as it opens, switched to English with `l`."""
    await pilot.pause()
    await pilot.press("l")
    await pilot.pause()


def test_filter_bar_with_highlighted_matches(snap_compare) -> None:
    assert snap_compare(
        make_app(),
        terminal_size=WIDE,
        run_before=filtered("3", "모터", msg("n_of_total", "ko", n=3, total=10)),
    )


def test_search_screen_amount(snap_compare) -> None:
    assert snap_compare(
        make_app(), terminal_size=WIDE, run_before=search("760억", msg("search.n_matches", "ko", total=3))
    )


def test_timeline(snap_compare) -> None:
    assert snap_compare(make_app(), terminal_size=WIDE, run_before=timeline_view)


def test_relationships_of_lvis(snap_compare) -> None:
    assert snap_compare(make_app(), terminal_size=WIDE, run_before=then_press(entity("lvis"), "R"))


@pytest.mark.parametrize("size", [NARROW, WIDE], ids=["80x24", "120x40"])
def test_main_screen_in_english(snap_compare, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(), terminal_size=size, run_before=english)


async def in_the_links(pilot: Pilot) -> None:
    """A person's detail pane, focused, the cursor on its second link; the pointer elsewhere."""
    await pilot.pause()
    await pilot.press("4", "down", "enter", "down")
    await pilot.pause()


def test_detail_pane_link_cursor(snap_compare) -> None:
    assert snap_compare(make_app(), terminal_size=WIDE, run_before=in_the_links)
