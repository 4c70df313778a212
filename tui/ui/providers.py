"""Command palette providers: every command, section and entity reachable by name, in Korean or English."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual.app import SystemCommand
from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui.facts import ENTITY_KINDS
from tui.facts.messages import both, msg
from tui.facts.model import Language
from tui.facts.text import section_label
from tui.render.hit import hit_text
from tui.ui.search_service import SearchUnavailable

if TYPE_CHECKING:
    from tui.ui.app import FactsApp

TEXTUAL_COMMANDS: dict[str, tuple[str, str]] = {
    "Change the current theme": ("palette.theme", "palette.theme_help"),
    "Quit the application as soon as possible": ("cmd.quit", "palette.quit_help"),
    "Show help for the focused widget and a summary of available keys": (
        "palette.keys",
        "palette.keys_show_help",
    ),
    "Hide the keys and widget help panel": ("palette.keys", "palette.keys_hide_help"),
    "Maximize the focused widget": ("palette.maximize", "palette.maximize_help"),
    "Minimize the widget and restore to normal size": ("palette.minimize", "palette.minimize_help"),
    "Save an SVG 'screenshot' of the current screen": ("palette.screenshot", "palette.screenshot_help"),
}
"""Textual's own palette commands, by their (English) help: the messages that say them."""


def textual_command(command: SystemCommand, lang: Language) -> tuple[tuple[str, ...], SystemCommand]:
    """One of Textual's palette commands in `lang`, with the names it is found by."""
    keys = TEXTUAL_COMMANDS.get(command.help)
    if keys is None:  # a command this table does not know yet: as Textual says it
        return (command.title,), command
    title, help_text = keys
    return both(title), command._replace(title=msg(title, lang), help=msg(help_text, lang))


def _hit(matcher, names: tuple[str, ...], title: str, help_text: str) -> tuple[float, Text | str, str] | None:
    """How a command matches: its best score over its names, and the title and help to show
    (the title in the app's language; matched by its other name, the help says that name)."""
    score, name = max((matcher.match(name), name) for name in names)
    if score <= 0:
        return None
    if name in title:
        return score, matcher.highlight(title), help_text
    return score, title, f"{name} · {help_text}" if help_text else name


class CommandProvider(Provider):
    """Every command (the explorer's and Textual's) by its Korean or English name, shown in the
    app's language: in place of Textual's system commands provider, which knows one name."""

    def _commands(self) -> list[tuple[tuple[str, ...], SystemCommand]]:
        return list(self.app.palette_commands(self.screen))  # type: ignore[attr-defined]

    async def discover(self) -> Hits:
        for _names, command in sorted(self._commands(), key=lambda c: c[1].title):
            if command.discover:
                yield DiscoveryHit(command.title, command.callback, help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for names, command in self._commands():
            found = _hit(matcher, names, command.title, command.help)
            if found is not None:
                score, title, help_text = found
                yield Hit(score, title, command.callback, help=help_text)


class SectionProvider(Provider):
    """'Organizations', 'People', ... or '기관', '인물' open that section, in either language."""

    def _title(self, kind: str) -> str:
        lang = self.app.lang  # type: ignore[attr-defined]
        return msg("palette.section", lang, section=section_label(kind, lang))

    async def discover(self) -> Hits:
        lang = self.app.lang  # type: ignore[attr-defined]
        for kind in ENTITY_KINDS:
            yield DiscoveryHit(
                self._title(kind),
                partial(self.app.open_section, kind),  # type: ignore[attr-defined]
                help=msg("palette.section_help", lang, section=section_label(kind, lang)),
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        lang = self.app.lang  # type: ignore[attr-defined]
        for kind in ENTITY_KINDS:
            names = (self._title(kind), section_label(kind, "ko"), section_label(kind, "en"))
            found = _hit(matcher, names, self._title(kind), "")
            if found is not None:
                score, title, help_text = found
                help_text = help_text or msg("palette.section_help", lang, section=section_label(kind, lang))
                yield Hit(score, title, partial(self.app.open_section, kind), help=help_text)  # type: ignore[attr-defined]


PALETTE_CHROME = 8
"""Cells of the palette's width that a hit's text cannot use: the list's padding and scrollbar."""
MIN_HIT_WIDTH = 30


class EntityProvider(Provider):
    """Any entity by its Korean or English name, alias, id, place, amount or date: the search
    engine's hits, drawn as the search screen and the command line draw them (`tui.render.hit`)."""

    LIMIT = 30

    async def search(self, query: str) -> Hits:
        app = cast("FactsApp", self.app)
        if not app.search_ready:
            # Big files index on first use: wait for it (the palette shows it is busy meanwhile,
            # and drops this search if the query changes), then answer.
            try:
                await app.search.ready()
            except SearchUnavailable:  # the app says so in a notification
                return
        result = app.search_index.search(query, limit=self.LIMIT, lang=app.lang)
        width = max(MIN_HIT_WIDTH, app.size.width - PALETTE_CHROME)
        for n, hit in enumerate(result.hits):
            name = app.facts[hit.entity_id].label(app.lang)
            label = hit_text(hit, name, app.lang, kind=True, two_lines=True, width=width)
            # The palette parses `help` strings as markup, so data goes only in the Text prompt.
            # Hits arrive best first; the palette sorts by score, so the score keeps that order.
            yield Hit(1.0 - n / (self.LIMIT + 1), label, partial(app.open_entity, hit.entity_id))
