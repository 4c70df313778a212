"""The edit form (`C`): every field of the highlighted entity, a reference picker, a citation, checked
as you type and saved as one change (one undo step). The form's logic is tested without the app in
tests/facts/test_edit_draft.py; these tests drive what a user does, with few keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input, TextArea

from screenshots import wait_until
from tui.facts import load
from tui.ui.app import FactsApp
from tui.ui.keymap import EDIT_ACTIONS
from tui.ui.screens.edit_form import EditFormScreen
from tui.ui.screens.ref_picker import RefPickerScreen
from tui.ui.widgets.list_field import ListField
from tui.ui.widgets.ref_field import RefField

pytestmark = pytest.mark.usefixtures("fast_polling")

SIZE = (120, 40)


async def open_form(pilot: Pilot, entity_id: str) -> EditFormScreen:
    app = pilot.app
    await pilot.pause()
    app.open_entity(entity_id)  # type: ignore[attr-defined]
    await pilot.pause()
    await pilot.press("C")
    await wait_until(pilot, lambda: isinstance(app.screen, EditFormScreen), "the edit form")
    assert isinstance(app.screen, EditFormScreen)
    return app.screen


def input_at(form: EditFormScreen, path: str) -> Widget:
    """The input of `path` (a row's by its place: 'aliases.0')."""
    return next(w for w, p in form._paths().items() if p == path)


async def type_into(pilot: Pilot, widget: Widget, text: str) -> None:
    """Replace the input's text by typing `text`."""
    widget.focus()
    if isinstance(widget, Input):
        widget.value = ""
    await pilot.press(*text)
    await pilot.pause()


def note_of(form: EditFormScreen, key: str) -> str:
    return str(form.query_one(f"#group-{key} .form-note").render())


async def test_typed_values_are_read_back_marked_cited_and_saved_as_one_undo_step(fact_file: Path) -> None:
    original = fact_file.read_bytes()
    app = FactsApp(load(fact_file), "en")
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(pilot, "motor-valley")
        await type_into(pilot, input_at(form, "budget"), "3400억")
        assert "3400억 원 (KRW 340.0 billion)" in note_of(form, "budget")  # shown parsed before it is kept
        input_at(form, "area").value = "12.5 km2"  # type: ignore[attr-defined]
        input_at(form, "name.en").value = "Motor Valley II"  # type: ignore[attr-defined]
        summary = input_at(form, "summary.en")
        assert isinstance(summary, TextArea)
        summary.text = "First line.\nSecond line."
        await type_into(pilot, input_at(form, "period"), "2028-2023")  # ends before it starts
        await pilot.pause()
        assert input_at(form, "period").has_class("-problem")
        assert "period ends (2023) before it starts (2028)" in note_of(form, "period")  # check's words
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, EditFormScreen) and fact_file.read_bytes() == original
        input_at(form, "period").value = "2023-2029"  # type: ignore[attr-defined]
        await pilot.pause()
        assert "paragraph" in str(form.query_one("#form-status").render()) or form.citation_issues
        await type_into(pilot, form.query_one("#citation-paragraph"), "5")
        assert form.can_save
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: not isinstance(app.screen, EditFormScreen), "the form to close")
        await wait_until(pilot, lambda: fact_file.read_bytes() != original, "the file to be written")
        project = load(fact_file)["motor-valley"]
        assert project.budget is not None and project.budget.amount == 340_000_000_000
        assert (project.area.value, project.area.unit) == (12.5, "km2")  # type: ignore[union-attr]
        assert project.name.en == "Motor Valley II" and project.summary.en == "First line.\nSecond line."
        cited = project.provenance[-1]
        assert (cited.paragraph, set(cited.fields)) == (5, {"budget", "area", "name", "summary", "period"})
        await pilot.press("u")  # the whole form was one change
        await wait_until(pilot, lambda: fact_file.read_bytes() == original, "the undo")


async def test_a_date_keeps_its_precision_and_cancel_writes_nothing(fact_file: Path) -> None:
    original = fact_file.read_bytes()
    app = FactsApp(load(fact_file), "ko")
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(pilot, "mou-digital-brain")
        await type_into(pilot, input_at(form, "date"), "2024-09")
        assert "2024-09 (월 단위)" in note_of(form, "date")
        assert form.outcome is not None and form.outcome.fields == ("date",)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, EditFormScreen)
    assert fact_file.read_bytes() == original


async def test_the_picker_finds_by_korean_initials_and_a_typo_within_the_kinds_allowed(
    fact_file: Path,
) -> None:
    app = FactsApp(load(fact_file), "en")
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(pilot, "lvis")
        parent = input_at(form, "parent")
        assert isinstance(parent, RefField)
        parent.focus()
        await pilot.press("ㄷ", "ㄱ")  # typing on a reference opens the picker with it
        await wait_until(pilot, lambda: isinstance(app.screen, RefPickerScreen), "the picker")
        picker = app.screen
        assert isinstance(picker, RefPickerScreen)
        await wait_until(pilot, lambda: "daegu-city" in picker.ids, "Daegu by its initials")
        assert all(picker.facts[i].KIND == "organization" for i in picker.ids)  # a parent is an organization
        picker.query_one(Input).value = "stanfrod"
        await wait_until(pilot, lambda: picker.ids[:1] == ["stanford-university"], "Stanford, typo and all")
        await pilot.press("enter")
        await wait_until(pilot, lambda: parent.value == "stanford-university", "the pick")
        assert isinstance(app.screen, EditFormScreen) and form.outcome is not None
        assert form.outcome.fields == ("parent",)


async def test_list_rows_are_added_and_removed(fact_file: Path) -> None:
    app = FactsApp(load(fact_file), "en")
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(pilot, "lvis")
        aliases = form._lists["aliases"]
        assert isinstance(aliases, ListField)
        aliases.query_one(".list-add").focus()
        await pilot.press("enter")
        await pilot.press(*"Elvis")
        await pilot.pause()
        aliases.rows[0].query_one(".list-row-remove").focus()
        await pilot.press("enter")
        await pilot.pause()
        draft = form.draft()
        assert [draft.texts[f"aliases.{n}"] for n in range(len(aliases.rows))] == ["엘비스(LVIS)", "Elvis"]
        assert draft.rows["aliases"] == (1, None)
        assert form.outcome is not None and form.outcome.fields == ("aliases",)


def test_the_form_is_not_offered_where_nothing_may_be_written() -> None:
    assert "edit_form" in EDIT_ACTIONS  # `serve` and a fact base without a file hide it
