"""The detail pane on its own: its link cursor, scrolling a long entity, wrapping on resize."""

from __future__ import annotations

from screen_text import (
    assert_showing,
    content_lines,
    detail_values,
    missing,
    rendered_lines,
    settle,
    squeeze,
    visible_lines,
    visible_text,
    without_spaces,
)

from tui.facts import FactBase
from tui.facts.messages import msg
from tui.render.entity import mentions
from tui.ui.widgets.detail import DetailPane
from tui.ui.widgets.entity_list import EntityList


def pane(app) -> DetailPane:
    return app.screen.query_one(DetailPane)


async def test_the_cursor_moves_over_fields_citations_and_links_and_leaves_them_upwards(
    make_app, facts: FactBase
) -> None:
    app = make_app()
    agreement = facts["mou-digital-brain"]
    targets = [link.entity.id for link in facts.links(agreement.id)]
    assert len(targets) >= 3
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await assert_showing(pilot, agreement)
        await pilot.press("enter")  # into the pane: its top stays in view, the links are below it
        detail = pane(app)
        assert app.focused is detail
        await assert_showing(pilot, agreement)
        assert detail.highlighted_link is None
        await pilot.press("down")  # the first field a citation may name (not the id)
        assert detail.highlighted_field == "kind"
        while detail.highlighted_link is None:  # then every provenance entry, then the links
            await pilot.press("down")
        assert detail.highlighted_link == targets[0]
        await pilot.press("j", "down")  # the headings are skipped
        assert detail.highlighted_link == targets[2]
        await pilot.press("k", "up")
        assert detail.highlighted_link == targets[0]
        await pilot.press("up")  # above the first link: the last provenance entry
        assert detail.highlighted_link is None
        assert detail.highlighted_entry == len(agreement.provenance) - 1
        await pilot.press("home")  # scrolls to the top; ↑ from the first field leaves the rows
        while detail.highlighted_field != "kind":
            await pilot.press("up")
        await pilot.press("up")
        assert detail.highlighted_field is None and detail.highlighted_entry is None
        # With no row chosen, Enter chooses the first link; it does not follow it.
        await pilot.press("enter")
        await settle(pilot)
        assert detail.entity == agreement
        assert detail.highlighted_link == targets[0]
        await pilot.press("escape")  # back to the list
        assert isinstance(app.focused, EntityList)


async def test_a_long_entity_scrolls_with_the_page_keys(make_app, facts: FactBase) -> None:
    app = make_app()
    agreement = facts["mou-digital-brain"]
    last_backlink = facts.backlinks(agreement.id)[-1].entity
    async with app.run_test(size=(80, 24)) as pilot:  # far too small for the whole agreement
        await pilot.press("2")
        await assert_showing(pilot, agreement)
        await pilot.press("tab")
        detail = pane(app)
        assert app.focused is detail
        title = squeeze(agreement.label(app.lang))
        assert squeeze(visible_text(app, detail)).startswith(title)

        await pilot.press("pagedown")
        await settle(pilot)
        assert not squeeze(visible_text(app, detail)).startswith(title)
        await pilot.press("end")
        await settle(pilot)
        assert f"({last_backlink.id})" in squeeze(visible_text(app, detail))
        await pilot.press("home")
        await settle(pilot)
        assert squeeze(visible_text(app, detail)).startswith(title)
        await pilot.press("pagedown", "pageup")
        await settle(pilot)
        assert squeeze(visible_text(app, detail)).startswith(title)


async def test_text_rewraps_when_the_terminal_is_resized(make_app, facts: FactBase) -> None:
    app = make_app()
    agreement = facts["mou-digital-brain"]
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.press("2")
        await assert_showing(pilot, agreement)
        wide = visible_lines(app, pane(app))
        await pilot.resize_terminal(90, 50)
        await settle(pilot)
        narrow = visible_lines(app, pane(app))
        assert max(map(len, narrow)) < max(map(len, wide))
        # Nothing is cut: the same words are on screen, only wrapped differently.
        assert squeeze(" ".join(narrow)).startswith(squeeze(agreement.label(app.lang)))
        shown_words = squeeze(" ".join(narrow)).split()
        for word in (agreement.name.en or "").split():  # the long English name, wrapped, not cropped
            assert word in shown_words
        await pilot.resize_terminal(200, 50)
        await settle(pilot)
        assert visible_lines(app, pane(app)) == wide


async def test_moving_and_filtering_lay_nothing_out(make_app, facts: FactBase, monkeypatch) -> None:
    """A cursor move or a filter keystroke repaints the list and the pane, and does not ask for a
    layout of the whole screen (every widget measured and repainted): what kept them under 50 ms
    at 100,000 entities (benchmarks/explorer.py). At this size every detail needs a scrollbar, so
    none appears or goes."""
    from textual.screen import Screen

    app = make_app()
    async with app.run_test(size=(80, 14)) as pilot:
        await pilot.press("3")
        await settle(pilot)
        layouts: list[str] = []
        real = Screen._refresh_layout

        def counted(screen, *args, **kwargs):
            layouts.append(type(screen).__name__)
            return real(screen, *args, **kwargs)

        monkeypatch.setattr(Screen, "_refresh_layout", counted)
        for key in ("j", "j", "k", "G", "g"):
            await pilot.press(key)
            await settle(pilot)
        assert layouts == []
        await pilot.press("slash")  # the filter bar appears: that is a layout
        await settle(pilot)
        layouts.clear()
        await pilot.press("2", "0", "2")  # the count and the list change, nothing moves
        await settle(pilot)
        count = msg("n_of_total", app.lang, n=len(app.screen.entity_list.rows), total=10)
        assert squeeze(visible_text(app, app.screen.query_one("#filter-count"))) == count
        assert layouts == []


def in_view(detail: DetailPane) -> str:
    """The pane's lines in view, as drawn, joined without spaces (a long name or id may fold)."""
    top = detail.scroll_offset.y
    return without_spaces(
        "".join(rendered_lines(detail)[top : top + detail.scrollable_content_region.height])
    )


async def test_entering_the_pane_keeps_the_title_in_view(make_app, facts: FactBase) -> None:
    """Enter on a row goes into the pane: the cursor goes on the first link only if that shows
    with the top of the entity (title, id); otherwise the top stays in view and Enter again goes to it."""
    for size in ((100, 30), (80, 24)):
        app = make_app()
        chose, waited = 0, 0
        async with app.run_test(size=size) as pilot:
            detail, entity_list = pane(app), app.screen.query_one(EntityList)
            for entity in facts:
                if not facts.links(entity.id) and not mentions(facts, entity):
                    continue
                app.screen.go_to(entity.id)
                entity_list.focus()
                entity_list.action_open()
                await pilot.pause(0)  # the row is shown, then opened; the focus moves
                assert app.focused is detail and detail.entity == entity
                top = in_view(detail)
                for shown_first in (entity.label(app.lang), entity.id):
                    assert without_spaces(shown_first) in top, f"{shown_first!r} out of view at {size}"
                first = detail.link_targets[0]
                if detail.highlighted_link is None:
                    waited += 1
                    detail.action_follow()  # Enter again chooses the first link
                else:
                    chose += 1
                assert detail.highlighted_link == first
                assert f"({first})" in in_view(detail)
        assert chose and waited, f"at {size} both cases are met"


async def test_moving_between_short_and_long_entities_rewraps_the_text(make_app, facts: FactBase) -> None:
    """At 120x40 a long entity needs a scrollbar and a short one does not: the width of the text
    changes as the cursor moves (j), and every line is laid out again at the new width, so no
    value loses the end of a line to the scrollbar (the size the test above avoids)."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        detail = pane(app)
        needed = set()
        for lang in ("ko", "en"):
            if app.lang != lang:
                app.action_toggle_language()
            await pilot.press("1", "g")
            for _ in facts.of_kind("organization"):
                await settle(pilot)
                entity = detail.entity
                assert entity is not None
                needed.add(detail.virtual_size.height > detail.scrollable_content_region.height)
                lines = content_lines(app, detail)
                if detail.virtual_size.height > len(lines):  # the rest, drawn as if scrolled to
                    lines += rendered_lines(detail)[len(lines) :]
                lost = missing(detail_values(facts, entity, lang), lines)
                assert not lost, f"{entity.id} in {lang}: cut on screen: {lost}"
                await pilot.press("j")
        assert needed == {True, False}
