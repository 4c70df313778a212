"""Delete an entity: everything that refers to it is listed before anything is written.

With no references, Enter removes it. With references, the choice is to cancel or to remove the
references too (the same cascade as `facts-tui rm --cascade`), each referrer named. The dialog
hands the change to the app (`FactsApp.save`) and closes once it is written.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Static

from tui.facts import Entity, FactBase
from tui.facts.edit.plan import referrers, remove_entity
from tui.facts.messages import msg
from tui.facts.model import Language
from tui.facts.text import kind_label
from tui.ui.screens.dialog import dialog_css
from tui.ui.screens.saving import SavingDialog


class DeleteScreen(SavingDialog):
    """The entity, what refers to it, and Remove / Cancel."""

    PROBLEMS = "delete-problems"

    CSS_PATH = dialog_css(__file__)
    DEFAULT_CLASSES = "dialog-screen"
    BINDINGS = [Binding("escape", "cancel", msg("delete.cancel", "en"))]

    def __init__(self, facts: FactBase, entity: Entity, lang: Language) -> None:
        super().__init__()
        self.facts = facts
        self.entity = entity
        self.lang: Language = lang
        self.referrers: list[str] = referrers(facts, entity.id)
        """The ids of the entities that refer to this one: their references go with it."""
        self.problems_text = ""

    def compose(self) -> ComposeResult:
        name = self.entity.label(self.lang)
        with Vertical(id="delete-box", classes="dialog"):
            yield Static(
                Text(msg("delete.title", self.lang, name=name, id=self.entity.id)), id="delete-title"
            )
            if self.referrers:
                yield Static(Text(msg("delete.referred", self.lang, n=len(self.referrers))))
                with VerticalScroll(id="delete-referrers"):
                    yield Static(self._referrer_lines(), id="delete-referrer-list")
            else:
                yield Static(Text(msg("delete.no_referrers", self.lang)))
            yield Static(Text(""), id="delete-problems")
            with Horizontal(id="delete-buttons"):
                key = "delete.remove_cascade" if self.referrers else "delete.remove"
                yield Button(msg(key, self.lang, n=len(self.referrers)), id="delete-remove", variant="error")
                yield Button(msg("delete.cancel", self.lang), id="delete-cancel")

    def _referrer_lines(self) -> Text:
        text = Text()
        for entity_id in self.referrers:
            other = self.facts[entity_id]
            text.append(f"• {other.label(self.lang)}", style="bold")
            text.append(f"  {kind_label(other.KIND, self.lang)} · {entity_id}\n", style="dim")
        text.rstrip()
        return text

    def on_mount(self) -> None:
        # Without references Enter removes; with them the safe button has the focus.
        self.query_one("#delete-cancel" if self.referrers else "#delete-remove").focus()

    @on(Button.Pressed, "#delete-remove")
    def _remove(self) -> None:
        key = "delete.summary_cascade" if self.referrers else "delete.summary"
        summary = msg(key, self.lang, id=self.entity.id, n=len(self.referrers))
        planned = remove_entity(self.entity.id, cascade=True, summary=summary, listed=self.referrers)
        self.save(planned)

    @on(Button.Pressed, "#delete-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()
