"""Where you came from: the last few entities in the history, oldest first."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from tui.facts import FactBase
from tui.facts.messages import msg
from tui.facts.model import Language
from tui.render.entity import cut_to

SEPARATOR = " › "


class Breadcrumb(Widget):
    """`Trail: LVIS › Digital brain MOU › 대구시`; the current entity is bold.

    When the trail is wider than the pane, the oldest steps give way (`… › `) so the
    current entity is always shown.
    """

    DEFAULT_CSS = """
    Breadcrumb {
        height: 1;
        padding: 0 1;
        color: $text-muted;
        background: $surface;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._labels: list[str] = []
        self._lang: Language = "ko"

    def show_trail(self, facts: FactBase, trail: list[str], lang: Language) -> None:
        self._labels = [facts[i].label(lang) if i in facts else i for i in trail]
        self._lang = lang
        self.refresh()

    def render(self) -> Text:
        width = self.content_region.width or 80
        labels = list(self._labels)
        dropped = False
        while True:
            # Muted by the widget's colour; dimming it again would leave it unreadable.
            text = Text(msg("trail", self._lang), no_wrap=True, overflow="ellipsis")
            if dropped:
                text.append("…" + SEPARATOR)
            for n, label in enumerate(labels):
                if n:
                    text.append(SEPARATOR)
                text.append(label, style="bold" if n == len(labels) - 1 else "")
            if text.cell_len <= width or len(labels) <= 1:
                cut_to(text, width)
                return text
            labels.pop(0)
            dropped = True
