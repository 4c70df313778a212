"""Export the fact base to a file: asks for a path, never overwrites without a second Enter."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tui.facts import FactBase
from tui.facts.export import export_to_path
from tui.facts.messages import msg
from tui.facts.model import Language
from tui.ui.screens.dialog import dialog_css

FORMATS = {".json": "json", ".md": "markdown", ".markdown": "markdown", ".csv": "csv"}


def format_for(path: Path) -> str | None:
    """The export format a file name asks for, by its extension; a path without one is a CSV folder."""
    if not path.suffix:
        return "csv"
    return FORMATS.get(path.suffix.lower())


class ExportScreen(ModalScreen[list[Path] | None]):
    """A path input. `.json`, `.md` or `.csv` (the current section), or a folder for one CSV per kind."""

    CSS_PATH = dialog_css(__file__)
    DEFAULT_CLASSES = "dialog-screen"
    BINDINGS = [Binding("escape", "cancel", msg("export.cancel", "en"))]

    def __init__(self, facts: FactBase, lang: Language, kind: str) -> None:
        super().__init__()
        self.facts = facts
        self.lang: Language = lang
        self.kind = kind
        self._confirm: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box", classes="dialog"):
            yield Static(Text(msg("export.title", self.lang), style="bold"))
            yield Static(Text(msg("export.formats", self.lang), style="dim"))
            yield Input(value="facts-export.md", id="export-path")
            yield Static(Text(msg("export.prompt", self.lang)), id="export-message")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        self._confirm = None
        self._say(msg("export.prompt", self.lang))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        path = Path(event.value.strip()).expanduser()
        fmt = format_for(path)
        if not event.value.strip() or fmt is None:
            self._say(msg("export.bad_path", self.lang), "-error")
            return
        kind = self.kind if path.suffix else None
        overwrite = self._confirm == path
        try:
            written = export_to_path(self.facts, fmt, path, kind=kind, overwrite=overwrite, lang=self.lang)
        except FileExistsError:
            self._confirm = path
            self._say(msg("export.exists", self.lang, path=path), "-warning")
            return
        except OSError as exc:
            self._say(msg("export.cannot_write", self.lang, path=path, error=exc.strerror or exc), "-error")
            return
        self.dismiss(written)

    def _say(self, message: str, level: str = "") -> None:
        widget = self.query_one("#export-message", Static)
        widget.set_classes(level)
        widget.update(Text(message))

    def action_cancel(self) -> None:
        self.dismiss(None)
