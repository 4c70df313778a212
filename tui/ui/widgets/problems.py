"""A panel with the problems of a fact file that failed to reload; the last good data stays."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from tui.facts.model import Language


class ProblemsPanel(VerticalScroll):
    """Shown under the panes while the file on disk is broken; the next good save hides it.

    Not docked: a docked panel would share the bottom edge with the Footer and hide its last line.
    """

    DEFAULT_CSS = """
    ProblemsPanel {
        height: auto;
        max-height: 40%;
        border-top: heavy $error;
        background: $panel;
        padding: 0 1;
        display: none;
        & > #problems-title { text-style: bold; color: $text-error; }
    }
    ProblemsPanel.-shown { display: block; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="problems-title")
        yield Static(id="problems-body")

    _title: Callable[[Language], str] | None = None
    _report: Callable[[Language], str] | None = None

    def show_problems(self, title: Callable[[Language], str], report: Callable[[Language], str]) -> None:
        """Show `report` (the text `facts-tui check` prints, as `FactFileError.format` says it in a
        language) under `title`, both in the app's language."""
        self._title, self._report = title, report
        self.set_language(getattr(self.app, "lang", "en"))
        self.add_class("-shown")

    def set_language(self, lang: Language) -> None:
        """Say the title and every problem in `lang` (places, excerpts and file names stay as written)."""
        if self._title is not None and self._report is not None:
            self.query_one("#problems-title", Static).update(Text(self._title(lang)))
            self.query_one("#problems-body", Static).update(Text(self._report(lang)))

    def hide(self) -> None:
        self.remove_class("-shown")

    @property
    def shown(self) -> bool:
        return self.has_class("-shown")
