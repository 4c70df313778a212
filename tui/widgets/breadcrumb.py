"""Where you came from: the last few entities in the history, oldest first."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from tui.facts import FactBase
from tui.facts.model import Language


class Breadcrumb(Static):
    """`LVIS › Digital brain MOU › 대구시`; the current entity is bold."""

    DEFAULT_CSS = """
    Breadcrumb {
        height: 1;
        padding: 0 1;
        color: $text-muted;
        background: $surface;
    }
    """

    def show_trail(self, facts: FactBase, trail: list[str], lang: Language) -> None:
        text = Text("Trail: ", no_wrap=True, overflow="ellipsis", style="dim")
        for n, entity_id in enumerate(trail):
            entity = facts.get(entity_id)
            label = entity.label(lang) if entity else entity_id
            if n:
                text.append(" › ")
            text.append(label, style="bold not dim" if n == len(trail) - 1 else "")
        self.update(text)
