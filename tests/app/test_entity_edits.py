"""Adding, deleting and renaming entities from the explorer (`a`, `D`, `I`): each change is written
through the app's edit service, then the file is loaded again and the right entity shown.

Every test edits a copy of the bundled facts.toml (the `fact_file` fixture).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from screen_text import settle, shown, squeeze, visible_text
from textual.widgets import Input

from screenshots import wait_until
from tui.facts import load
from tui.facts.edit.plan import referrers
from tui.ui.app import FactsApp
from tui.ui.screens.delete import DeleteScreen
from tui.ui.screens.new_entity import NewEntityScreen
from tui.ui.screens.rename import RenameScreen

pytestmark = pytest.mark.usefixtures("fast_polling")

SIZE = (120, 40)


async def test_a_new_organization_is_written_and_selected(fact_file: Path) -> None:
    app = FactsApp(load(fact_file), "en", watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "a")  # organizations, new
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, NewEntityScreen) and dialog.kind == "organization"
        dialog.query_one("#new-name-ko", Input).value = "대구 디지털 다리"
        dialog.query_one("#new-name-en", Input).value = "Daegu Digital Bridge"
        await settle(pilot)
        assert dialog.query_one("#new-id", Input).value == "daegu-digital-bridge"  # from the name
        dialog.query_one("#new-kind", Input).value = "nonprofit-ish"
        dialog.query_one("#new-kind", Input).focus()
        await pilot.press("enter")
        await wait_until(pilot, lambda: bool(dialog.problems_text), "the refusal")
        assert "nonprofit-ish" in dialog.problems_text and app.screen is dialog
        dialog.query_one("#new-kind", Input).value = "company"
        await pilot.press("enter")
        await wait_until(pilot, lambda: "daegu-digital-bridge" in app.facts, "the reload")
        await settle(pilot)
        entity = shown(app)
        assert entity is not None and entity.id == "daegu-digital-bridge"
        assert entity.provenance[0].source == app.facts.of_kind("source")[0].id
        assert "Daegu Digital Bridge" in visible_text(app)
        await pilot.press("u")  # one step to undo
        await wait_until(pilot, lambda: "daegu-digital-bridge" not in app.facts, "the undo")


async def test_delete_lists_every_referrer_then_cancel_or_cascade(fact_file: Path) -> None:
    original = fact_file.read_bytes()
    app = FactsApp(load(fact_file), "en", watch=False)
    async with app.run_test(size=SIZE) as pilot:
        app.main.go_to("dip")
        await settle(pilot)
        await pilot.press("D")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, DeleteScreen)
        listed = referrers(app.facts, "dip")
        text = squeeze(visible_text(app))
        for entity_id in listed:  # each one named, before anything is written
            assert entity_id in text and app.facts[entity_id].label("en") in text
        await pilot.press("enter")  # the focus is on Cancel
        await settle(pilot)
        assert not isinstance(app.screen, DeleteScreen) and fact_file.read_bytes() == original

        await pilot.press("D")
        await settle(pilot)
        await pilot.click("#delete-remove")
        await wait_until(pilot, lambda: "dip" not in app.facts, "the reload")
        assert not any(r.target == "dip" for e in app.facts for r in e.references())
        assert all(entity_id in app.facts for entity_id in listed)  # only their references went


async def test_a_renamed_id_is_followed_by_history_trail_and_selection(fact_file: Path) -> None:
    app = FactsApp(load(fact_file), "en", watch=False)
    async with app.run_test(size=SIZE) as pilot:
        for entity_id in ("dip", "lvis", "dip"):  # as links followed: steps in the history
            app.main.go_to(entity_id)
            await settle(pilot)
        assert app.main.history.trail()[-3:] == ["dip", "lvis", "dip"]
        await pilot.press("I")
        await settle(pilot)
        assert isinstance(app.screen, RenameScreen)
        app.screen.query_one(Input).value = "daegu-dip"
        await pilot.press("enter")
        await wait_until(pilot, lambda: "daegu-dip" in app.facts, "the reload")
        await settle(pilot)
        entity = shown(app)
        assert entity is not None and entity.id == "daegu-dip"
        trail = app.main.history.trail()
        assert trail[-3:] == ["daegu-dip", "lvis", "daegu-dip"] and "dip" not in trail
        label = app.facts["daegu-dip"].label("en")
        assert label in squeeze(visible_text(app, app.main.query_one("#breadcrumb")))
        await pilot.press("left_square_bracket", "left_square_bracket")  # back twice
        await settle(pilot)
        entity = shown(app)
        assert entity is not None and entity.id == "daegu-dip"
