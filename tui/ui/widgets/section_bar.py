"""The row of sections: `1 Organizations 7  2 Agreements 2 …`; keys, Tab or a click pick one.

When the line does not fit, the labels get shorter (`2 Agr. 2`, then `2 Agr.`), never cut: every
section stays named down to 60 columns, in both languages.

A single line of text rather than Textual's `Tabs`: it does the same job here and costs a
fraction of the start-up time (measured in benchmarks/startup.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.style import Style
from rich.text import Text
from textual import events
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from tui.facts.messages import msg
from tui.facts.model import Language
from tui.ui.keymap import SECTION_BAR_COMMANDS, bindings


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
        lang: Language = getattr(self.screen, "lang", "en")  # the screen's language: the labels are in it
        sections = [SectionName.of(kind, label, lang) for kind, label in self.sections]
        text, self._spans = section_line(
            sections, self.active, width, self.get_component_rich_style("section-bar--active")
        )
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


@dataclass(frozen=True, slots=True)
class SectionName:
    """A section's label in its forms, longest first: 'Organizations 7', 'Orgs 7', 'Orgs'."""

    kind: str
    full: str
    short: str
    count: str

    @classmethod
    def of(cls, kind: str, label: str, lang: Language) -> SectionName:
        """From a label as the screen gives it ('Organizations 7')."""
        name, _, count = label.rpartition(" ")
        if not name or not count.replace(",", "").isdigit():
            name, count = label, ""
        return cls(kind, name, msg(f"section_short.{kind}", lang), count)

    def form(self, level: int) -> str:
        """0: full name and count; 1: short name and count; 2: short name."""
        name = self.full if level == 0 else self.short
        return f"{name} {self.count}" if self.count and level < 2 else name


LEVELS: tuple[tuple[int, int], ...] = ((0, 0), (0, 1), (1, 1), (1, 2), (2, 2))
"""(active section's form, other sections' form), tried in turn until the line fits: narrow
terminals get shorter labels rather than losing sections, or their names, off the end."""


def section_line(
    sections: list[SectionName], active: str, width: int, active_style: Style | str = ""
) -> tuple[Text, list[tuple[int, int, str]]]:
    """The bar's line at `width` cells, and where each section is on it (start, end, kind)."""
    for active_level, other_level in LEVELS:
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        spans = []
        for n, section in enumerate(sections, start=1):
            if n > 1:
                text.append(" ")
            start = text.cell_len
            is_active = section.kind == active
            shown = section.form(active_level if is_active else other_level)
            text.append(f" {n} {shown} ", style=active_style if is_active else "")
            spans.append((start, text.cell_len, section.kind))
        if text.cell_len <= width:
            break
    return text, spans
