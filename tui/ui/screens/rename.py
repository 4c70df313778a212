"""Give an entity a new id: every reference to it in the file follows (the same change as
`facts-tui rename`), and so do the explorer's history, trail and selection.

The dialog hands the change to the app (`FactsApp.save`) and closes once it is written; a refused
id (taken, or not an id the schema allows) is said here, to fix.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Static

from tui.facts import Entity, FactBase
from tui.facts.edit.plan import referrers, rename_entity
from tui.facts.messages import msg
from tui.facts.model import Language
from tui.facts.sanitize import clean
from tui.ui.screens.dialog import dialog_css
from tui.ui.screens.saving import SavingDialog


class RenameScreen(SavingDialog):
    """The current id to edit, how many references follow, and what went wrong."""

    PROBLEMS = "rename-problems"

    CSS_PATH = dialog_css(__file__)
    DEFAULT_CLASSES = "dialog-screen"
    BINDINGS = [Binding("escape", "cancel", msg("edit.cancel", "en"))]

    def __init__(self, facts: FactBase, entity: Entity, lang: Language) -> None:
        super().__init__()
        self.facts = facts
        self.entity = entity
        self.lang: Language = lang
        self.problems_text = ""

    def compose(self) -> ComposeResult:
        name = self.entity.label(self.lang)
        following = len(referrers(self.facts, self.entity.id))
        with Vertical(id="rename-box", classes="dialog"):
            yield Static(
                Text(msg("rename.title", self.lang, name=name, id=self.entity.id)), id="rename-title"
            )
            yield Input(value=self.entity.id, id="rename-id")
            yield Static(Text(msg("rename.hint", self.lang, n=following)), id="rename-hint")
            yield Static(Text(""), id="rename-problems")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted, "#rename-id")
    def _submitted(self, event: Input.Submitted) -> None:
        new = clean(event.value.strip())
        if not new or new == self.entity.id:
            self._problem(msg("edit.nothing_to_change", self.lang))
            return
        summary = msg("rename.summary", self.lang, old=self.entity.id, new=new)
        self.save(rename_entity(self.entity.id, new, summary))

    def _problem(self, reason: str) -> None:
        self.show_problem(Text(reason))
