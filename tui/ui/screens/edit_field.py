"""Change one field of an entity: pick the field, type the value, see it read back, write it.

The value is read as `facts-tui set` reads it (tui.facts.edit.values). The dialog reads and writes
no file: it hands the change to the app (`FactsApp.save`, through tui/ui/edit_service.py), which
checks it as `facts-tui check` would, writes it atomically and never over a file changed on disk
since it was loaded (the conflict dialog asks what to do). A refused change's reason is shown
here, to fix the value. The dialog returns the `Change` written, or None.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.facts import Entity, FactBase
from tui.facts.edit.change import ChangeError
from tui.facts.edit.form import FormField, field_label, form_fields, preview
from tui.facts.edit.plan import PlannedChange, Refused, set_fields
from tui.facts.edit.values import FieldError, parse
from tui.facts.messages import msg
from tui.facts.model import Language
from tui.render.entity import cut_to
from tui.ui.screens.saving import SavingDialog
from tui.ui.widgets.diff_text import diff_text


class EditFieldScreen(SavingDialog):
    """The fields of one entity, a value box with what it would write, and the change as a diff."""

    PROBLEMS = "edit-problems"

    CSS_PATH = Path(__file__).with_name("edit_field.tcss")
    BINDINGS = [
        Binding("escape", "cancel", msg("edit.cancel", "en")),
        Binding("f2", "show_diff", msg("edit.show_diff", "en")),
        Binding("up", "previous_field", msg("edit.previous_field", "en"), show=False),
        Binding("down", "next_field", msg("edit.next_field", "en"), show=False),
    ]

    def __init__(self, facts: FactBase, entity: Entity, lang: Language) -> None:
        super().__init__()
        self.facts = facts
        self.entity = entity
        self.lang: Language = lang
        self.fields: list[FormField] = form_fields(entity)
        self.problems_text = ""
        """The problem shown, as plain text ("" when none is): the tests read it."""
        self._width = 0
        """The width the list's rows were last cut to."""

    def compose(self) -> ComposeResult:
        name = self.entity.label(self.lang)
        with Vertical(id="edit-box"):
            yield Static(
                Text(msg("edit.dialog_title", self.lang, name=name, id=self.entity.id)), id="edit-title"
            )
            yield OptionList(*(self._option(f) for f in self.fields), id="edit-fields")
            yield Input(placeholder=msg("edit.value_placeholder", self.lang), id="edit-value")
            yield Static(Text(""), id="edit-preview")
            yield Static(Text(""), id="edit-problems")
            with VerticalScroll(id="edit-diff"):
                yield Static(Text(""), id="edit-diff-text")
            yield Static(Text(msg("edit.hint", self.lang)), id="edit-hint")

    def _option(self, field: FormField) -> Option:
        return Option(self._row(field, None), id=field.path)

    def _row(self, field: FormField, width: int | None) -> Text:
        """A field's row in the list: its name, its path and its value on one line, cut to `width`
        cells with `…` (the whole value is in the box below once the row is picked)."""
        words = field_label(field.path, self.lang)
        row = Text(words, style="bold")
        if words.replace(" › ", ".") != field.path:  # 'founded' in English says it already
            row.append(f"  {field.path}", style="dim")
        row.append(f"  {' '.join(field.text.split())}")  # a line break would start a second line
        return cut_to(row, width) if width is not None else row

    def on_mount(self) -> None:
        fields = self.query_one(OptionList)
        if self.fields:
            fields.highlighted = 0
        self.query_one(Input).focus()
        self.call_after_refresh(self._fit_rows)  # the list's width is known once it is laid out

    def on_resize(self) -> None:
        self.call_after_refresh(self._fit_rows)

    def _row_width(self) -> int:
        """Cells a row may take: the list's width less its gutter and the option's padding."""
        fields = self.query_one(OptionList)
        padding = fields.get_component_styles("option-list--option").padding.width
        return max(1, fields.scrollable_content_region.width - fields._get_left_gutter_width() - padding)

    def _fit_rows(self) -> None:
        """Cut every row to the list's width, so that none wraps onto a line of its own."""
        if not self.is_attached:
            return
        fields, width = self.query_one(OptionList), self._row_width()
        if width == self._width:
            return
        self._width = width
        for n, field in enumerate(self.fields):
            fields.replace_option_prompt_at_index(n, self._row(field, width))

    @property
    def field(self) -> FormField | None:
        """The field picked in the list."""
        index = self.query_one(OptionList).highlighted
        return self.fields[index] if index is not None and 0 <= index < len(self.fields) else None

    # -- picking and typing ---------------------------------------------------------------------

    @on(OptionList.OptionHighlighted)
    def _picked(self, event: OptionList.OptionHighlighted) -> None:
        field = self.field
        if field is not None:
            value = self.query_one(Input)
            value.value = field.text
            value.select_all()  # typing replaces the value; an arrow key keeps it to edit
            self._forget_outcome()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.query_one(Input).focus()

    def action_previous_field(self) -> None:
        self.query_one(OptionList).action_cursor_up()

    def action_next_field(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    @on(Input.Changed, "#edit-value")
    def _typed(self, event: Input.Changed) -> None:
        self._show_preview(event.value)

    def _show_preview(self, value: str) -> None:
        field = self.field
        shown = self.query_one("#edit-preview", Static)
        if field is None:
            return
        try:
            words = preview(type(self.entity), field.path, value, self.lang)
        except FieldError as error:
            shown.update(Text(msg("edit.bad_value", self.lang, error=error)))
            shown.add_class("-error")
            return
        shown.update(Text(msg("edit.parsed", self.lang, value=words)))
        shown.remove_class("-error")

    # -- planning, checking, writing --------------------------------------------------------------

    def _plan(self) -> PlannedChange | None:
        """The change the typed value makes, or None (the problem is shown)."""
        field = self.field
        if field is None:
            return None
        value = self.query_one(Input).value
        try:
            assignment = parse(type(self.entity), field.path, value)
        except (FieldError, ChangeError) as error:
            self._problem(Text(msg("edit.bad_value", self.lang, error=error)))
            return None
        shown = value.strip() or msg("edit.removes", self.lang)
        return set_fields(self.entity.id, [assignment], f"{self.entity.id}.{field.path} = {shown}")

    @on(Input.Submitted, "#edit-value")
    def _submitted(self, event: Input.Submitted) -> None:
        self._forget_outcome()
        planned = self._plan()
        if planned is not None:
            self.save(planned)  # the app writes it, off the UI thread; a refusal stays on screen

    def action_show_diff(self) -> None:
        """Show (or hide) the change as a diff of the TOML; nothing is written."""
        box = self.query_one("#edit-diff")
        if box.has_class("-shown"):
            box.remove_class("-shown")
            return
        planned = self._plan()
        if planned is not None:
            self.run_worker(self._show_diff(planned), group="diff", exclusive=True)

    async def _show_diff(self, planned: PlannedChange) -> None:
        diff = await self.app.change_diff(planned)  # type: ignore[attr-defined]  # FactsApp.change_diff
        if isinstance(diff, Refused):
            self._problem(Text(diff.reason))
            return
        self.query_one("#edit-diff-text", Static).update(
            diff_text(diff) if diff else Text(msg("edit.no_diff", self.lang))
        )
        self.query_one("#edit-diff").add_class("-shown")

    def _problem(self, text: Text) -> None:
        self.show_problem(text)

    def _forget_outcome(self) -> None:
        """A new field or value: the last attempt's problem and diff no longer apply."""
        self.problems_text = ""
        self.query_one("#edit-problems").remove_class("-shown")
        self.query_one("#edit-diff").remove_class("-shown")
