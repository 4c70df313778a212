"""An input that holds a reference to another entity: picked, never typed.

It shows the named entity's label and id (`LVIS (lvis)`); Enter, a click or typing a letter asks
for a picker (the screen opens one over the same search engine as `s`, limited to the kinds the
field allows), Delete clears it. The id is the value; the label only shows it, cut to the width
with `…` when it is wider. Its text starts where an `Input`'s does, so a form's columns line up.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from tui.render.entity import cut_to


class RefField(Widget, can_focus=True):
    """The id of an entity of `kinds`; `label_of(id)` names it (None for an id the file lacks)."""

    DEFAULT_CSS = """
    RefField {
        width: 1fr;
        height: 1;
        background: $boost;
        padding: 0;
        &:focus {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
        }
        &.-problem {
            background: $error 30%;
        }
    }
    """
    BINDINGS = [
        Binding("enter", "pick", "Pick…", show=False),
        Binding("delete", "clear", "Clear", show=False),
    ]

    value: reactive[str] = reactive("")

    class Pick(Message):
        """The user asks to pick the reference (`query`: what they started typing)."""

        def __init__(self, field: RefField, query: str = "") -> None:
            super().__init__()
            self.field = field
            self.query = query

        @property
        def control(self) -> RefField:
            return self.field

    class Changed(Message):
        """The reference changed."""

        def __init__(self, field: RefField) -> None:
            super().__init__()
            self.field = field

        @property
        def control(self) -> RefField:
            return self.field

    def __init__(
        self,
        value: str,
        kinds: tuple[str, ...],
        label_of: Callable[[str], str | None],
        placeholder: str,
        *,
        classes: str | None = None,
    ) -> None:
        super().__init__(classes=classes)
        self.kinds = kinds
        self.label_of = label_of
        self.placeholder = placeholder
        self.set_reactive(RefField.value, value)

    def render(self) -> Text:
        return cut_to(self._shown(), max(1, self.content_size.width))

    def _shown(self) -> Text:
        if not self.value:
            return Text(self.placeholder, style="dim")
        label = self.label_of(self.value)
        if label is None:  # an id the file does not have: shown as typed, the problem says why
            return Text(self.value)
        text = Text(label)
        if label != self.value:
            text.append(f" ({self.value})", style="dim")
        return text

    def watch_value(self, old: str, new: str) -> None:
        if old != new:
            self.post_message(self.Changed(self))

    def action_pick(self) -> None:
        self.post_message(self.Pick(self))

    def action_clear(self) -> None:
        self.value = ""

    def on_click(self, event: events.Click) -> None:
        self.focus()
        self.post_message(self.Pick(self))

    def on_key(self, event: events.Key) -> None:
        # Typing a letter starts a search for it: the picker opens with it typed.
        if event.is_printable and event.character and not event.character.isspace():
            event.stop()
            self.post_message(self.Pick(self, event.character))
