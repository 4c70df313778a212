"""The file changed on disk while a change was being saved: show how, then reload and apply the
change again, or cancel. Nothing has been written when this dialog is up.

Dismisses with "reload" or None.
"""

from __future__ import annotations

import re

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from tui.facts.messages import msg
from tui.facts.model import Language
from tui.ui.screens.dialog import dialog_css
from tui.ui.widgets.diff_text import diff_text

_FIRST_HUNK = re.compile(r"^@@", re.MULTILINE)


class ConflictScreen(ModalScreen[str | None]):
    """What changed on disk since the file was loaded, as a diff, and the two ways on."""

    CSS_PATH = dialog_css(__file__)
    DEFAULT_CLASSES = "dialog-screen"
    BINDINGS = [
        Binding("escape", "cancel", msg("conflict.cancel", "en")),
        Binding("r", "reload", msg("conflict.reload", "en")),
    ]

    def __init__(self, path: str, diff: str, lang: Language) -> None:
        super().__init__()
        self.path = path
        self.diff = diff
        self.lang: Language = lang

    def compose(self) -> ComposeResult:
        with Vertical(id="conflict-box", classes="dialog"):
            yield Static(Text(msg("conflict.title", self.lang, path=self.path)), id="conflict-title")
            yield Static(Text(msg("conflict.explain", self.lang)))
            with VerticalScroll(id="conflict-diff"):
                diff = _without_file_header(self.diff)
                shown = diff_text(diff) if diff else Text(msg("conflict.no_diff", self.lang))
                yield Static(shown, id="conflict-diff-text")
            with Horizontal(id="conflict-buttons"):
                yield Button(msg("conflict.reload", self.lang), id="conflict-reload", variant="warning")
                yield Button(msg("conflict.cancel", self.lang), id="conflict-cancel")

    def on_mount(self) -> None:
        self.query_one("#conflict-reload").focus()

    @on(Button.Pressed, "#conflict-reload")
    def action_reload(self) -> None:
        """Load the file as it is now and apply the same change to it."""
        self.dismiss("reload")

    @on(Button.Pressed, "#conflict-cancel")
    def action_cancel(self) -> None:
        """Write nothing; the file stays as the other program saved it."""
        self.dismiss(None)


def _without_file_header(diff: str) -> str:
    """The diff from its first hunk: the title names the file already, and the `---`/`+++` lines
    label the two texts in English words, on a screen that may be Korean."""
    hunk = _FIRST_HUNK.search(diff)
    return diff[hunk.start() :] if hunk is not None else diff
