"""The mouse: click a section, a row or a link."""

from __future__ import annotations

from screen_text import (
    active_section,
    assert_showing,
    click_text,
    link_area_start,
    shown,
    visible_lines,
)

from tui.facts import ENTITY_KINDS
from tui.facts.text import section_label
from tui.ui.widgets.detail import DetailPane
from tui.ui.widgets.entity_list import EntityList
from tui.ui.widgets.section_bar import SectionBar

SIZE = (120, 40)


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

        detail = app.screen.query_one(DetailPane)
        in_links = slice(link_area_start(visible_lines(app, detail)), None)  # below the pane's text
        await click_text(pilot, f"({target.id})", within=detail, lines=in_links)
        await assert_showing(pilot, target)
        assert active_section(app) == target.KIND
        assert entity_list.highlighted == target
        await pilot.press("left_square_bracket")  # and back with the keyboard
        await assert_showing(pilot, person)

        # A double click on a row opens it: the focus goes to its links.
        await pilot.press("up")
        await click_text(pilot, person.label(app.lang), within=entity_list, times=2)
        assert app.focused is detail
        assert detail.highlighted_link == target.id  # the first link, under the cursor
        assert shown(app) == person  # the pane scrolls to the links; its title may be out of view
