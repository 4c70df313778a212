"""A new entity in the explorer's section: its names, the fields its kind requires, and where it
comes from (a source and paragraph); its id is suggested from the English name as it is typed.

Values are read as `facts-tui add --set` reads them (tui.facts.edit.values). The dialog hands the
change to the app (`FactsApp.save`), which checks it as `facts-tui check` would and writes it; the
new entity is then selected. A refused change's reason is shown here, to fix. Other fields are
set afterwards with the field dialog or the edit form.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, Label, Static

from tui.facts import Entity, FactBase
from tui.facts.edit.form import field_label
from tui.facts.edit.plan import add_entity, new_entity_values, required_fields, suggest_id
from tui.facts.edit.values import Assignment, FieldError, field_types, parse, without_none
from tui.facts.messages import msg
from tui.facts.model import TYPE_BY_KIND, Language
from tui.facts.sanitize import clean
from tui.facts.text import kind_label
from tui.ui.screens.dialog import dialog_css
from tui.ui.screens.saving import SavingDialog


def _input_id(path: str) -> str:
    return "new-" + path.replace(".", "-")


class NewEntityScreen(SavingDialog):
    """One input per required field, the id, the source and paragraph; Enter adds it."""

    PROBLEMS = "new-problems"

    CSS_PATH = dialog_css(__file__)
    DEFAULT_CLASSES = "dialog-screen"
    BINDINGS = [Binding("escape", "cancel", msg("edit.cancel", "en"))]

    def __init__(self, facts: FactBase, kind: str, lang: Language, near: Entity | None = None) -> None:
        super().__init__()
        self.facts = facts
        self.kind = kind
        self.lang: Language = lang
        self.paths = required_fields(kind)
        self.cites = kind != "source"
        """Every entity but a source names the source it comes from."""
        self._source = _nearby_source(facts, near)
        self._id_typed = False
        """Whether the user has typed the id: then it no longer follows the English name."""
        self.problems_text = ""

    def compose(self) -> ComposeResult:
        with Vertical(id="new-box", classes="dialog"):
            title = msg("new.title", self.lang, kind=kind_label(self.kind, self.lang))
            yield Static(Text(title), id="new-title")
            with VerticalScroll(id="new-fields"):
                for path in self.paths:
                    yield Label(Text(f"{field_label(path, self.lang)}  {path}"))
                    choices = self._choices(path)
                    if choices:  # wrapped under the label: a placeholder would cut them off
                        yield Static(Text(choices), classes="new-choices")
                    yield Input(id=_input_id(path))
                yield Label(Text(msg("new.id", self.lang)))
                yield Input(value=suggest_id(self.facts, self.kind, ""), id="new-id")
                if self.cites:
                    yield Label(Text(msg("new.source", self.lang)))
                    yield Input(value=self._source, id="new-source")
                    yield Label(Text(msg("new.paragraph", self.lang)))
                    yield Input(value="0", id="new-paragraph")
            yield Static(Text(""), id="new-problems")
            yield Static(Text(msg("new.hint", self.lang)), id="new-hint")

    def _choices(self, path: str) -> str:
        """The choices of a field that has a fixed set (an organization's kind), else nothing."""
        hint = without_none(field_types(TYPE_BY_KIND[self.kind]).get(path))
        choices = getattr(hint, "__args__", ()) if getattr(hint, "__origin__", None) is not None else ()
        if choices and all(isinstance(c, str) for c in choices):
            return " · ".join(choices)
        return ""

    def on_mount(self) -> None:
        self.query(Input).first().focus()

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        if event.input.id == "new-id":
            self._id_typed = self._id_typed or event.input.has_focus
        elif event.input.id in (_input_id("name.en"), _input_id("title.en")) and not self._id_typed:
            self.query_one("#new-id", Input).value = suggest_id(self.facts, self.kind, event.value)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        try:
            values = self._values()
        except FieldError as error:
            self._problem(msg("edit.bad_value", self.lang, error=error))
            return
        entity_id = values["id"]
        summary = msg("new.summary", self.lang, kind=kind_label(self.kind, self.lang), id=entity_id)
        self.save(add_entity(self.kind, values, summary))

    def _values(self) -> dict:
        """The new entity as the file will hold it; FieldError for a value that cannot be used."""
        entity_type = TYPE_BY_KIND[self.kind]
        assignments: list[Assignment] = [
            parse(entity_type, path, self.query_one(f"#{_input_id(path)}", Input).value)
            for path in self.paths
        ]
        entity_id = clean(self.query_one("#new-id", Input).value.strip())
        if not entity_id:
            raise FieldError(msg("new.no_id", self.lang))
        source: str | None = None
        paragraph = 0
        if self.cites:
            source = clean(self.query_one("#new-source", Input).value.strip())
            if not source:
                raise FieldError(msg("new.no_source", self.lang))
            text = self.query_one("#new-paragraph", Input).value.strip() or "0"
            if not text.isdigit():
                raise FieldError(msg("new.bad_paragraph", self.lang))
            paragraph = int(text)
        return new_entity_values(entity_id, assignments, source, paragraph)

    def _problem(self, reason: str) -> None:
        self.show_problem(Text(reason))


def _nearby_source(facts: FactBase, near: Entity | None) -> str:
    """The source a new entity most likely comes from: that of the entity the user was on, else
    the file's first source."""
    for provenance in getattr(near, "provenance", ()):
        return provenance.source
    sources = facts.of_kind("source")
    return sources[0].id if sources else ""
