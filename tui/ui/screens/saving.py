"""What every dialog that changes the fact file shares: it hands a planned change to the app's
edit service (`FactsApp.save`, which checks and writes it off the UI thread) and closes with the
change written, or stays open and shows why the change was refused.

The dialogs plan changes (`tui.facts.edit.plan`); none of them reads or writes the file.
"""

from __future__ import annotations

from rich.text import Text
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.facts.edit.plan import Change, PlannedChange, Refused


class SavingDialog(ModalScreen[Change | None]):
    """A modal dialog that saves through the app. `PROBLEMS` is the id of its Static that shows a
    refusal; `problems_text` holds the last one shown (tests read it)."""

    PROBLEMS = "problems"

    problems_text: str = ""

    def save(self, planned: PlannedChange) -> None:
        """Write `planned` through the app, in a worker; the dialog closes once it is written."""
        self.run_worker(self._save(planned), group="save", exclusive=True)

    async def _save(self, planned: PlannedChange) -> None:
        outcome = await self.app.save(planned)  # type: ignore[attr-defined]  # FactsApp.save; App does not declare it
        if isinstance(outcome, Refused):
            self.show_problem(Text(outcome.reason))
        elif outcome is not None:
            self.dismiss(outcome)

    def show_problem(self, text: Text) -> None:
        """Show why the change cannot be written (data reaches the widget as Text, never markup)."""
        self.problems_text = text.plain
        problems = self.query_one(f"#{self.PROBLEMS}", Static)
        problems.update(text)
        problems.add_class("-shown")

    def action_cancel(self) -> None:
        self.dismiss(None)
