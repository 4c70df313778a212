"""Moving around the explorer with the keyboard: sections, the list, links, back and forward."""

from __future__ import annotations

from screen_text import active_section, assert_showing, settle, shown, squeeze, visible_lines, visible_text

from tui.facts import ENTITY_KINDS
from tui.ui.widgets.breadcrumb import Breadcrumb
from tui.ui.widgets.detail import DetailPane
from tui.ui.widgets.entity_list import EntityList
from tui.ui.widgets.section_bar import SectionBar

SIZE = (120, 40)


def first_of(facts, kind):
    return facts.of_kind(kind)[0]


def list_rows(app) -> list[str]:
    return [line.strip() for line in visible_lines(app, app.screen.query_one(EntityList))]


def trail(app) -> str:
    return squeeze(visible_text(app, app.screen.query_one(Breadcrumb)))


async def test_starts_on_the_first_section_and_number_keys_switch_section(make_app, facts) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        kind = next(k for k in ENTITY_KINDS if facts.of_kind(k))
        assert active_section(app) == kind
        await assert_showing(pilot, first_of(facts, kind))
        assert isinstance(app.focused, EntityList)
        # The list shows the section's entities, in file order, from the top.
        for row, entity in zip(list_rows(app), facts.of_kind(kind), strict=False):
            assert row.startswith(entity.label(app.lang))

        # Out of order, so that no key can pass by just staying where it was.
        for n in (3, 1, 6, 2, 5, 4):
            kind = ENTITY_KINDS[n - 1]
            await pilot.press(str(n))
            assert active_section(app) == kind
            await assert_showing(pilot, first_of(facts, kind))
            assert list_rows(app)[0].startswith(first_of(facts, kind).label(app.lang))
            assert isinstance(app.focused, EntityList)


async def test_tab_order_and_arrows_on_the_section_bar(make_app, facts) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("shift+tab")
        bar = app.screen.query_one(SectionBar)
        assert app.focused is bar
        stops = []
        for _ in range(6):
            await pilot.press("tab")
            stops.append(type(app.focused))
            if app.focused is bar:
                break
        # Section bar → list → (…) → links → back to the section bar.
        assert stops[0] is EntityList
        assert DetailPane in stops
        assert stops[-1] is SectionBar
        assert stops.index(EntityList) < stops.index(DetailPane)

        # ← and → on the focused section bar.
        await pilot.press("right")
        assert active_section(app) == ENTITY_KINDS[1]
        await assert_showing(pilot, first_of(facts, ENTITY_KINDS[1]))
        await pilot.press("left", "left")  # wraps round from the first to the last
        assert active_section(app) == ENTITY_KINDS[-1]
        await assert_showing(pilot, first_of(facts, ENTITY_KINDS[-1]))
        assert app.focused is bar


async def test_list_keys_move_the_cursor_and_the_detail_follows(make_app, facts) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        rows = facts.of_kind("project")
        assert len(rows) >= 4
        for key, index in (
            ("j", 1),
            ("down", 2),
            ("k", 1),
            ("up", 0),
            ("k", 0),  # the cursor stops at the top
            ("G", len(rows) - 1),
            ("g", 0),
            ("end", len(rows) - 1),
            ("home", 0),
        ):
            await pilot.press(key)
            await assert_showing(pilot, rows[index])
            assert app.screen.query_one(EntityList).highlighted == rows[index]


async def test_page_keys_move_by_a_screenful(make_app, facts) -> None:
    app = make_app()
    async with app.run_test(size=(100, 10)) as pilot:  # a list a few rows high
        await pilot.press("3")
        rows = facts.of_kind("project")
        entity_list = app.screen.query_one(EntityList)
        assert 2 < len(list_rows(app)) < len(rows) - 1, "the terminal is meant to show part of the list"
        await pilot.press("pagedown")
        await settle(pilot)
        moved = shown(app)
        assert moved is not None
        index = rows.index(moved)
        assert 1 < index < len(rows) - 1
        # The row under the cursor is scrolled into view.
        assert moved.label(app.lang) in visible_text(app, entity_list)
        await pilot.press("pagedown")
        await assert_showing(pilot, rows[-1])
        await pilot.press("pageup", "pageup")
        await assert_showing(pilot, rows[0])


def highlighted_link(app) -> str:
    """The id of the link under the detail pane's cursor; the link is in view."""
    detail = app.screen.query_one(DetailPane)
    target = detail.highlighted_link
    assert target is not None
    assert f"({target})" in visible_text(app, detail)
    return target


async def test_links_enter_follows_and_back_and_forward_retrace(make_app, facts) -> None:
    app = make_app()
    async with app.run_test(size=(200, 40)) as pilot:  # wide: the whole trail fits
        await pilot.press("3")
        project = first_of(facts, "project")
        target = facts.links(project.id)[0].entity
        assert target.KIND != project.KIND

        # Enter on a row: the focus goes to the first of its links.
        await pilot.press("enter")
        assert isinstance(app.focused, DetailPane)
        assert highlighted_link(app) == target.id
        # Esc first leaves the links for the list (Backspace and [ go straight back).
        await pilot.press("escape")
        assert isinstance(app.focused, EntityList)

        # Enter on a link: the target is shown, selected in its own section.
        await pilot.press("enter", "enter")
        await assert_showing(pilot, target)
        assert active_section(app) == target.KIND
        assert app.screen.query_one(EntityList).highlighted == target
        rows = list_rows(app)
        assert any(row.startswith(target.label(app.lang)) for row in rows)
        assert not any(row.startswith(project.label(app.lang)) for row in rows)
        assert trail(app).endswith(f"{project.label(app.lang)} › {target.label(app.lang)}")

        # Still in the links, now the target's: follow one more.
        assert isinstance(app.focused, DetailPane)
        await pilot.press("down", "enter")
        await settle(pilot)
        third = shown(app)
        assert third is not None and third not in (project, target)
        steps = (project, target, third)
        assert trail(app).endswith(" › ".join(e.label(app.lang) for e in steps))

        organization = first_of(facts, "organization")
        for key, entity in (
            ("left_square_bracket", target),
            ("backspace", project),
            ("left_square_bracket", organization),  # switching section was a step too
            ("left_square_bracket", organization),  # at the start of the history, back stays put
            ("right_square_bracket", project),
            ("right_square_bracket", target),
            ("right_square_bracket", third),
            ("right_square_bracket", third),  # at the end, forward stays put
            ("backspace", target),
        ):
            await pilot.press(key)
            await assert_showing(pilot, entity)
            assert active_section(app) == entity.KIND
        # Back does not forget the way forward; the breadcrumb ends where you are.
        assert trail(app).endswith(f"{project.label(app.lang)} › {target.label(app.lang)}")
        await pilot.press("right_square_bracket")
        await assert_showing(pilot, third)


async def test_a_section_switch_is_a_step_back_returns_to_the_entity_jumped_to(make_app, facts) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_entity("lvis")  # as the palette or the search screen does
        await assert_showing(pilot, facts["lvis"])
        await pilot.press("4")
        await assert_showing(pilot, first_of(facts, "person"))
        await pilot.press("left_square_bracket")
        await assert_showing(pilot, facts["lvis"])
        assert active_section(app) == "organization"


async def test_esc_clears_a_filter_before_going_back(make_app, facts) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "slash", "m", "o", "t", "o", "r", "enter")
        filtered = list_rows(app)
        assert filtered and all("모터" in row or "motor" in row.lower() for row in filtered[:1])
        await pilot.press("escape")  # clears the filter, the list is whole again
        assert len(list_rows(app)) > len(filtered)
        assert isinstance(app.focused, EntityList)


async def test_breadcrumb_always_shows_the_current_entity(make_app, facts) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for entity_id in ("digital-brain-industry", "daegu-city", "mou-digital-brain"):
            app.open_entity(entity_id)  # as the command palette does
            await settle(pilot)
        # Too long for the pane: the oldest steps give way, the current entity stays in view.
        assert trail(app).endswith(facts["mou-digital-brain"].label(app.lang))


async def test_q_quits(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code == 0
    assert not app.is_running
