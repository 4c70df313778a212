"""The filter bar (/) keeps what it found: Enter lands on the best match, the first row listed;
Esc after landing (or moving in the list) clears the filter and stays there; Esc while still
typing puts the selection back where it was."""

from __future__ import annotations

from screen_text import active_section, assert_showing, settle, shown
from textual.widgets import Input

from tui.ui.widgets.entity_list import EntityList
from tui.ui.widgets.filter_bar import FilterBar, FilterInput

SIZE = (120, 40)


def list_of(app) -> EntityList:
    return app.screen.query_one(EntityList)


async def filter_for(pilot, query: str) -> None:
    """`/` and `query` (put in the box at once: the keys themselves are tested elsewhere)."""
    await pilot.press("slash")
    pilot.app.screen.query_one(FilterInput).value = query
    await settle(pilot)


async def test_esc_after_enter_keeps_the_entity_found(make_app, facts) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"한국뇌", "enter")
        await assert_showing(pilot, facts["kbri"])
        await pilot.press("escape")
        bar = app.screen.query_one(FilterBar)
        assert not bar.active
        assert len(list_of(app).rows) == len(facts.of_kind("organization"))  # the whole section is back
        await assert_showing(pilot, facts["kbri"])  # actual: daegu-city, where the cursor was before
        assert list_of(app).highlighted == facts["kbri"]
        assert isinstance(app.focused, EntityList)


async def test_esc_after_moving_in_the_filtered_list_keeps_that_entity(make_app, facts) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await filter_for(pilot, "뇌")
        first, second = list_of(app).rows[0], list_of(app).rows[1]
        await pilot.press("down")  # ↓ in the box: into the list, on the first hit
        assert isinstance(app.focused, EntityList)
        await assert_showing(pilot, first)
        await pilot.press("down")
        await assert_showing(pilot, second)
        await pilot.press("escape")
        assert not app.screen.query_one(FilterBar).active
        assert len(list_of(app).rows) == len(facts.of_kind("project"))
        await assert_showing(pilot, second)


async def test_esc_while_typing_puts_the_selection_back(make_app, facts) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down")  # LVIS
        await filter_for(pilot, "한국뇌")
        assert isinstance(app.focused, Input)
        assert shown(app) == facts["kbri"]
        await pilot.press("escape")
        await assert_showing(pilot, facts["lvis"])


async def test_enter_lands_on_the_best_match_which_is_the_first_row_listed(make_app, facts) -> None:
    expected = {
        ("organization", "코아"): "core-automotive",  # actual: daegu-city, whose text mentions 코아
        ("organization", "한국뇌"): "kbri",
        ("organization", "엘비스"): "lvis",
        ("organization", "lvis"): "lvis",
        ("organization", "대구디"): "dip",
        ("person", "이진"): "lee-jin-hyung",
        ("project", "모터밸리"): "motor-valley",
        ("project", "뇌 디지털"): "brain-digital-hospital",
    }
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        for (section, query), best in expected.items():
            await pilot.press(str(1 + ["organization", "agreement", "project", "person"].index(section)))
            await filter_for(pilot, query)
            rows = list_of(app).rows
            ranked = app.search_index.search(query, kinds=section, lang=app.lang).hits
            assert [e.id for e in rows] == [h.entity_id for h in ranked]  # listed best first
            assert rows[0].id == best, (query, [e.id for e in rows])
            await pilot.press("enter")
            await assert_showing(pilot, facts[best])
            assert active_section(app) == section
            await pilot.press("escape")
            await assert_showing(pilot, facts[best])
