"""An input for one line of text that wraps on screen and grows to hold it, so none of it is hidden.

A goal, a commitment or a quote is often wider than its column; a one-line `Input` would show its
start and cut the rest without a mark. This is a soft-wrapped `TextArea` as tall as its text, that
keeps the text one line: Enter adds no line break and a pasted break becomes a space.
"""

from __future__ import annotations

from textual import events
from textual.widgets import TextArea


class LineArea(TextArea):
    """One line of text, wrapped to the width and as tall as it needs."""

    DEFAULT_CSS = """
    LineArea {
        height: auto;
        min-height: 1;
        padding: 0;
    }
    """

    def __init__(
        self,
        text: str = "",
        *,
        placeholder: str = "",
        classes: str | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(text, soft_wrap=True, compact=True, placeholder=placeholder, classes=classes, id=id)

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter":  # a one-line value: Enter does not break it
            event.prevent_default()

    async def _on_paste(self, event: events.Paste) -> None:
        event.prevent_default()  # TextArea's own paste would keep the line breaks
        if self.read_only:
            return
        text = " ".join(event.text.splitlines())
        result = self.replace(text, *self.selection)
        self.move_cursor(result.end_location)
        self.focus()
