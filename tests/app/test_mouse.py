"""The mouse: click a section, a row or a link."""

from __future__ import annotations

from rich.cells import cell_len
from screen_text import (
    active_section,
    assert_showing,
    column_of,
    link_area_start,
    settle,
    shown,
    visible_lines,
)
from textual.pilot import Pilot
from textual.widget import Widget

from tui.facts import ENTITY_KINDS
from tui.facts.text import section_label
from tui.widgets.detail import DetailPane
from tui.widgets.entity_list import EntityList
from tui.widgets.section_bar import SectionBar

SIZE = (120, 40)


async def click_text(pilot: Pilot, text: str, within: Widget, times: int = 1, in_links: bool = False) -> None:
    """Click the middle of the first place `text` is shown in a widget (`times` 2: double click);
    `in_links`: only in the detail pane's links, below its text."""
    region = within.region
    lines = visible_lines(pilot.app, within)
    first = link_area_start(lines) if in_links else 0
    for y, line in enumerate(lines):
        if y >= first and text in line:
            x = column_of(line, text) + cell_len(text) // 2
            assert await pilot.click(offset=(region.x + x, region.y + y), times=times)
            await settle(pilot)
            return
    raise AssertionError(f"{text!r} is not shown in {within!r}:\n" + "\n".join(lines))


async def test_clicking_a_section_label_switches_section(make_app, facts) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        bar = app.screen.query_one(SectionBar)
        for n in (3, 6):
            kind = ENTITY_KINDS[n - 1]
            await click_text(pilot, f"{n} {section_label(kind, app.lang)}", within=bar)
            assert active_section(app) == kind
            await assert_showing(pilot, facts.of_kind(kind)[0])


async def test_clicking_a_row_selects_it_and_clicking_a_link_follows_it(make_app, facts) -> None:
    app = make_app()
    person = facts["kim-yu-hyun"]  # a short detail: its links fit on a 40-line screen
    target = facts.links(person.id)[0].entity
    assert target.KIND != person.KIND
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        entity_list = app.screen.query_one(EntityList)
        await click_text(pilot, person.label(app.lang), within=entity_list)
        await assert_showing(pilot, person)
        assert entity_list.highlighted == person
        assert app.focused is entity_list

        await click_text(pilot, f"({target.id})", within=app.screen.query_one(DetailPane), in_links=True)
        await assert_showing(pilot, target)
        assert active_section(app) == target.KIND
        assert entity_list.highlighted == target
        await pilot.press("left_square_bracket")  # and back with the keyboard
        await assert_showing(pilot, person)

        # A double click on a row opens it: the focus goes to its links.
        await pilot.press("up")
        await click_text(pilot, person.label(app.lang), within=entity_list, times=2)
        detail = app.screen.query_one(DetailPane)
        assert app.focused is detail
        assert detail.highlighted_link == target.id  # the first link, under the cursor
        assert shown(app) == person  # the pane scrolls to the links; its title may be out of view
