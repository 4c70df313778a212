"""The edit form (`C`): every field of the highlighted entity, a reference picker, a citation, checked
as you type and saved as one change (one undo step). The form's logic is tested without the app in
tests/facts/test_edit_draft.py; these tests drive what a user does, with few keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input, OptionList, TextArea

from screenshots import wait_until
from tui.facts import FactBase, load
from tui.facts.bundled import bundled_fact_file
from tui.facts.edit.draft import form_groups
from tui.facts.model import Language
from tui.ui.app import FactsApp
from tui.ui.keymap import EDIT_ACTIONS
from tui.ui.screens.edit_field import EditFieldScreen
from tui.ui.screens.edit_form import EditFormScreen
from tui.ui.screens.ref_picker import RefPickerScreen
from tui.ui.widgets.list_field import ListField, ListRow
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


def put(widget: Widget, text: str) -> None:
    """Set an input's text, as if pasted (an `Input`, or a `TextArea`/`LineArea`)."""
    if isinstance(widget, Input):
        widget.value = text
    else:
        assert isinstance(widget, TextArea)
        widget.text = text


async def type_into(pilot: Pilot, widget: Widget, text: str) -> None:
    """Replace the input's text by typing `text`."""
    widget.focus()
    put(widget, "")
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
        put(input_at(form, "area"), "12.5 km2")
        put(input_at(form, "name.en"), "Motor Valley II")
        put(input_at(form, "summary.en"), "First line.\nSecond line.")
        await type_into(pilot, input_at(form, "period"), "2028-2023")  # ends before it starts
        await pilot.pause()
        assert input_at(form, "period").has_class("-problem")
        assert "period ends (2023) before it starts (2028)" in note_of(form, "period")  # check's words
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, EditFormScreen) and fact_file.read_bytes() == original
        put(input_at(form, "period"), "2023-2029")
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


def bilingual_lists(facts: FactBase) -> dict[tuple[str, str], str]:
    """Every list field of every kind whose rows have a Korean and an English input, with the
    entity of the file that has the most rows of it: (kind, field) → entity id."""
    most: dict[tuple[str, str], tuple[int, str]] = {}
    for entity in facts:
        for group in form_groups(entity.KIND):
            rows = len(getattr(entity, group.key)) if group.is_list else 0
            if rows and any(slot.language for slot in group.slots):
                key = (entity.KIND, group.key)
                most[key] = max(most.get(key, (0, "")), (rows, entity.id))
    return {key: entity_id for key, (_, entity_id) in most.items()}


def squeezed(text: str) -> str:
    """The characters of `text` without its spaces and line breaks (a wrap may move either)."""
    return "".join(text.split())


def shown(widget: Widget) -> str:
    """What the widget shows on screen, every line of it."""
    return "".join(strip.text for strip in widget.render_lines(Region(0, 0, *widget.size)))


def held(form: EditFormScreen, widget: Widget) -> str:
    """The whole value an input holds, as it would show it uncut (a reference by its label)."""
    if isinstance(widget, RefField):
        label = form._label_of(widget.value) or widget.value
        return label if label == widget.value else f"{label} ({widget.value})"
    return widget.value if isinstance(widget, Input) else widget.text if isinstance(widget, TextArea) else ""


@pytest.mark.parametrize("lang", ["ko", "en"])
async def test_every_bilingual_row_is_in_the_header_columns_and_no_value_is_cut_unmarked(
    lang: Language,
) -> None:
    """In every form with a list of two-language rows (goals, commitments, investments, roles,
    figures), each row's Korean and English inputs start at the header's `Korean` and `English`,
    as a name's do; and every input shows its whole value, or a cut that ends in `…`."""
    facts = load(bundled_fact_file())
    lists = bilingual_lists(facts)
    assert {field for _, field in lists} >= {"goals", "commitments", "investments", "roles", "figures"}
    app = FactsApp(facts, lang, watch=False)
    async with app.run_test(size=(80, 120)) as pilot:  # narrow: the columns are at their tightest
        for (_, field), entity_id in sorted(lists.items()):
            app.edit_form(entity_id)
            await wait_until(pilot, lambda: isinstance(app.screen, EditFormScreen), "the edit form")
            form = app.screen
            assert isinstance(form, EditFormScreen)
            korean, english = (
                form.query_one("#form-languages .form-ko"),
                form.query_one("#form-languages .form-en"),
            )
            rows = form._lists[field].rows
            assert rows, (entity_id, field)
            pairs = [*form.query(".form-pair")]
            assert any(isinstance(pair.parent and pair.parent.parent, ListRow) for pair in pairs)
            for pair in pairs:
                ko, en = pair.children
                where = (entity_id, form._paths().get(ko))
                assert (ko.region.x, en.region.x) == (korean.region.x, english.region.x), where
            for widget in form._paths():
                value, seen = squeezed(held(form, widget)), squeezed(shown(widget))
                if value:
                    assert seen == value or (seen.endswith("…") and value.startswith(seen[:-1])), (
                        entity_id,
                        form._paths()[widget],
                        seen,
                    )
                if isinstance(widget, TextArea):  # as tall as its text: nothing scrolled out of sight
                    assert widget.size.height >= widget.wrapped_document.height
            await pilot.press("escape")
            await wait_until(pilot, lambda: not isinstance(app.screen, EditFormScreen), "the form to close")


async def dialog_rows(pilot: Pilot, entity_id: str) -> tuple[EditFieldScreen, list[str], int]:
    """Open the field dialog on `entity_id`: the dialog, its rows as shown and the list's width."""
    app = pilot.app
    app.change_field(entity_id)  # type: ignore[attr-defined]
    await wait_until(pilot, lambda: isinstance(app.screen, EditFieldScreen), "the field dialog")
    dialog = app.screen
    assert isinstance(dialog, EditFieldScreen)
    fields = dialog.query_one("#edit-fields", OptionList)
    await wait_until(pilot, lambda: fields.virtual_size.height == len(dialog.fields), "one line a field")
    rows = [str(fields.get_option_at_index(n).prompt) for n in range(len(dialog.fields))]
    return dialog, rows, fields.scrollable_content_region.width


@pytest.mark.parametrize("lang", ["ko", "en"])
async def test_the_field_dialog_shows_each_field_on_one_line_whole_or_cut_with_an_ellipsis(
    lang: Language,
) -> None:
    """The field dialog (`c`) lists every field of an entity with long values (a summary, the
    commitments) one line each: a value wider than the list ends in `…`, never just stops."""
    app = FactsApp(load(bundled_fact_file()), lang, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        for entity_id in ("lvis", "mou-digital-brain"):
            dialog, rows, width = await dialog_rows(pilot, entity_id)
            cut = 0
            for field, row in zip(dialog.fields, rows, strict=True):
                value = " ".join(field.text.split())
                assert cell_len(row) <= width
                if value and not row.endswith(value):
                    assert row.endswith("…") and value.startswith(row[:-1].rsplit("  ", 1)[-1]), row
                    cut += 1
            assert cut  # a summary does not fit in 80 columns
            await pilot.press("escape")
            await wait_until(
                pilot, lambda: not isinstance(app.screen, EditFieldScreen), "the dialog to close"
            )
