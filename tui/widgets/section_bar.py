"""The row of sections: `1 Organizations 7  2 Agreements 2 …`; keys, Tab or a click pick one.

A single line of text rather than Textual's `Tabs`: it does the same job here and costs a
fraction of the start-up time (measured in benchmarks/startup.py).
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import events
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from tui.keymap import SECTION_BAR_COMMANDS, bindings


class SectionBar(Widget, can_focus=True):
    """Shows every section with its count; the active one is highlighted."""

    DEFAULT_CSS = Path(__file__).with_suffix(".tcss").read_text(encoding="utf-8")
    COMPONENT_CLASSES = {"section-bar--active"}
    BINDINGS = bindings(SECTION_BAR_COMMANDS)

    active: reactive[str] = reactive("", init=False)

    class Changed(Message):
        """The active section changed to `kind`."""

        def __init__(self, kind: str) -> None:
            super().__init__()
            self.kind = kind

    def __init__(self, sections: list[tuple[str, str]], active: str, *, id: str | None = None) -> None:
        """`sections` is (kind, label) in order; labels are our own text, never data."""
        super().__init__(id=id)
        self.sections = sections
        self.set_reactive(SectionBar.active, active)
        self._spans: list[tuple[int, int, str]] = []

    def set_labels(self, sections: list[tuple[str, str]]) -> None:
        self.sections = sections
        self.refresh()

    def render(self) -> Text:
        width = self.content_region.width or 200
        # Narrow terminals get shorter labels rather than losing sections off the end.
        for shorten in (_full, _without_count, _number_only):
            text = self._render_labels(shorten)
            if text.cell_len <= width:
                return text
        return text

    def _render_labels(self, shorten) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        active_style = self.get_component_rich_style("section-bar--active")
        self._spans = []
        for n, (kind, label) in enumerate(self.sections, start=1):
            start = text.cell_len
            shown = label if kind == self.active else shorten(label)
            text.append(f" {n} {shown} ", style=active_style if kind == self.active else "")
            self._spans.append((start, text.cell_len, kind))
            text.append(" ")
        return text

    def watch_active(self, kind: str) -> None:
        self.post_message(self.Changed(kind))

    def _step(self, delta: int) -> None:
        kinds = [kind for kind, _ in self.sections]
        self.active = kinds[(kinds.index(self.active) + delta) % len(kinds)]

    def action_previous_section(self) -> None:
        self._step(-1)

    def action_next_section(self) -> None:
        self._step(+1)

    def on_click(self, event: events.Click) -> None:
        for start, end, kind in self._spans:
            if start <= event.x < end:
                self.active = kind
                return


def _full(label: str) -> str:
    return label


def _without_count(label: str) -> str:
    """'Organizations 7' → 'Organizations'."""
    return label.rsplit(" ", 1)[0]


def _number_only(label: str) -> str:
    """Just the key: the number before the label is enough to find the section."""
    return ""
