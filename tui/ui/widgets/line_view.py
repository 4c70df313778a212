"""The base of the explorer's Line-API widgets (the lists and the detail pane).

Two things every such widget needs to stay fast, in one place:

- Setting the scroll area's size must not ask for a screen layout. The widget's own size does
  not change when its content does, only how far it scrolls; a layout (every widget measured
  and the whole screen repainted) is left to Textual when a scrollbar appears or goes.
- The widget's base style is worked out once per paint (`DOMNode.rich_style` walks up the DOM
  and is not cached), not once per line.
"""

from __future__ import annotations

from rich.style import Style
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget


def set_virtual_size_quietly(widget: Widget, size: Size) -> None:
    """Set how big `widget`'s scrollable content is without asking for a screen layout (the
    scrollbars are updated; showing or hiding one still lays the screen out)."""
    if size != widget.virtual_size:
        widget.set_reactive(Widget.virtual_size, size)
        widget._scroll_update(size)


class LineView(ScrollView):
    """A `ScrollView` whose subclasses draw lines with `base_style` and size themselves with
    `set_virtual_size`."""

    base_style = Style()
    """The widget's Rich style, as of the current paint."""

    def set_virtual_size(self, size: Size) -> None:
        """Set how big the scrollable content is, without a screen layout, and repaint."""
        set_virtual_size_quietly(self, size)
        self.refresh()

    def render_lines(self, crop: Region) -> list[Strip]:
        self.base_style = self.rich_style
        return super().render_lines(crop)
