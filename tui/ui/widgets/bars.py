"""The title bar and the key bar: Textual's Header and Footer, each drawn as one line.

Header and Footer are built from many small widgets (Footer recomposes a widget per key
each time the focus moves); these two are single widgets that repaint a line, which keeps
start-up, focus changes and resizes cheap (benchmarks/startup.py, benchmarks/explorer.py).
They look like the originals and read the same theme colours.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual import events
from textual.app import RenderResult
from textual.binding import Binding
from textual.keys import _character_to_key, key_to_character
from textual.widget import Widget
from textual.widgets import Input

from tui.facts.messages import msg
from tui.facts.model import Language
from tui.render.entity import cut_to
from tui.ui.keymap import binding_description


class TitleBar(Widget):
    """The app's title and subtitle, centred: `대구 미래 산업 · Daegu … — facts.toml · 32 항목`."""

    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        width: 100%;
        height: 1;
        background: $panel;
        color: $text;  /* not $foreground: the dim subtitle needs the stronger colour in light themes */
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def on_mount(self) -> None:
        self.watch(self.app, "title", self._changed, init=False)
        self.watch(self.app, "sub_title", self._changed, init=False)

    def _changed(self, _value: str) -> None:
        self.refresh()

    def render(self) -> RenderResult:
        # Titles come from the fact file: plain Text, never markup. When the line is too short,
        # the title gives way and the subtitle (the file's name and size) stays whole.
        width = self.size.width
        subtitle = Text(f" — {self.app.sub_title}" if self.app.sub_title else "", style="dim")
        title = Text(self.app.title, no_wrap=True, overflow="ellipsis", end="")
        cut_to(title, max(1, width - subtitle.cell_len))
        title.append_text(subtitle)
        title.pad_left(max(0, (width - title.cell_len) // 2))
        title.truncate(width)
        return title


class KeyBar(Widget):
    """The keys that work where the focus is, as in Textual's Footer; click one to press it.

    The command palette's key sits at the right-hand end.
    """

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        width: 100%;
        height: 1;
        background: $footer-background;
        color: $footer-foreground;
        & > .key-bar--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        &:light > .key-bar--key {
            color: $text-primary;  /* Textual's light footer key colour reads at 2.9:1 (tests/app/test_contrast.py) */
        }
        & > .key-bar--description {
            color: $footer-description-foreground;
        }
        & > .key-bar--hover {
            background: $block-hover-background;
        }
    }
    """
    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description", "key-bar--hover"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._spans: list[tuple[int, int, str]] = []
        """Where each key is drawn: (first cell, end cell, key to press)."""
        self._hover: str | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen: object) -> None:
        self.refresh()

    def _shown_bindings(self) -> tuple[list[tuple[Binding, bool]], tuple[Binding, bool] | None]:
        """The shown bindings, one per action in the order Textual gives them, and the palette's."""
        by_action: dict[str, tuple[Binding, bool]] = {}
        palette = None
        typing = isinstance(self.screen.focused, Input)
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if binding.key == self.app.COMMAND_PALETTE_BINDING and self.app.ENABLE_COMMAND_PALETTE:
                palette = (binding, enabled)
            elif typing and _types_a_character(binding.key):
                continue  # in a text box the key types itself: `q` is a letter, not Quit
            elif binding.show:
                by_action.setdefault(binding.action, (binding, enabled))
        return list(by_action.values()), palette

    def render(self) -> RenderResult:
        key_style = self.get_component_rich_style("key-bar--key", partial=True)
        description_style = self.get_component_rich_style("key-bar--description", partial=True)
        # The hover colour is translucent: take it blended over the bar, as a background only.
        hover_style = Style(bgcolor=self.get_component_rich_style("key-bar--hover").bgcolor)
        shown, palette = self._shown_bindings()
        lang: Language = getattr(self.app, "lang", "en")  # the explorer's language, as `l` last set it
        self._spans = []

        def entry(text: Text, binding: Binding, enabled: bool, description: str) -> None:
            start = text.cell_len
            text.append(f" {self.app.get_key_display(binding)} ", style=key_style)
            text.append(f"{description} ", style=description_style)
            if not enabled:
                text.stylize("dim", start)
            if binding.key == self._hover:
                text.stylize(hover_style, start)
            self._spans.append((start, text.cell_len, binding.key))

        line = Text(no_wrap=True, overflow="ellipsis", end="")
        for binding, enabled in shown:
            entry(line, binding, enabled, binding_description(binding, lang, short=True))
        if palette is not None:
            right = Text(end="")
            binding, enabled = palette
            entry(right, binding, enabled, msg("key_bar.palette", lang))
            start, end, key = self._spans.pop()
            # Every entry starts and ends with a space, so the palette's may follow the last one
            # directly: the same two spaces as between any two entries.
            room = self.size.width - right.cell_len
            if line.cell_len > room:  # too many keys for the line: whole keys give way, the palette's stays
                fitting = [span for span in self._spans if span[1] <= room]
                line.truncate(fitting[-1][1] if fitting else 0, overflow="crop")  # cells, not characters
                self._spans = fitting
            gap = max(0, self.size.width - line.cell_len - right.cell_len)
            offset = line.cell_len + gap
            line.append(" " * gap)
            line.append_text(right)
            self._spans.append((offset + start, offset + end, key))
        return line

    def _key_at(self, x: int) -> str | None:
        return next((key for start, end, key in self._spans if start <= x < end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        key = self._key_at(event.x)
        if key != self._hover:
            self._hover = key
            self.refresh()

    def on_leave(self) -> None:
        if self._hover is not None:
            self._hover = None
            self.refresh()

    def on_click(self, event: events.Click) -> None:
        key = self._key_at(event.x)
        if key is not None:
            event.stop()
            self.app.simulate_key(key)


_PRINTABLE_KEYS = frozenset(_character_to_key(chr(code)) for code in range(32, 127))
"""The names Textual gives the keys of printable ASCII characters: 'q', 'question_mark', 'slash'."""


def _types_a_character(key: str) -> bool:
    """Whether `key` types a character into a text box (`q`, `?`, `/`), rather than being a command key."""
    if key in _PRINTABLE_KEYS:
        return True
    character = key_to_character(key)
    return character is not None and character.isprintable()
