"""The detail pane: one entity rendered with the shared Rich renderables, and its links."""

from __future__ import annotations

from pathlib import Path

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.facts import Entity, FactBase, Link
from tui.facts.model import Language
from tui.facts.text import kind_label
from tui.keymap import LINK_COMMANDS, bindings
from tui.render import entity_fields, link_text, mentions, source_citation

MAX_BACKLINKS = 40
"""A hub entity in a big file can be named thousands of times; list the first ones and count the rest."""


MAX_FIELD_CHARS = 5_000
"""Longer values are cut in the pane (with a note); `facts-tui show` prints them whole."""


class LinkList(OptionList):
    """The entity's links and backlinks; Enter or a click follows one."""

    BINDINGS = bindings(LINK_COMMANDS)


class DetailPane(VerticalScroll):
    """Shows one entity: title, fields, provenance, then links both ways."""

    DEFAULT_CSS = Path(__file__).with_suffix(".tcss").read_text(encoding="utf-8")

    class LinkFollowed(Message):
        """The user chose a link to `entity_id`."""

        def __init__(self, entity_id: str) -> None:
            super().__init__()
            self.entity_id = entity_id

    def __init__(self, facts: FactBase, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.facts = facts
        self.entity: Entity | None = None
        self.lang: Language = "ko"
        self._targets: list[str] = []

    def compose(self) -> ComposeResult:
        yield Static(id="detail-body")
        yield LinkList(id="links")

    def show(self, entity: Entity | None, lang: Language | None = None) -> None:
        """Render `entity` (None shows an empty-section message)."""
        self.entity = entity
        if lang is not None:
            self.lang = lang
        body = self.query_one("#detail-body", Static)
        links = self.query_one(LinkList)
        links.clear_options()
        self._targets = []
        if entity is None:
            body.update(Text("Nothing here.", style="italic"))
            links.display = False
            return
        try:
            body.update(self._body(entity))
            links.add_options(self._link_options(entity))
        except Exception as exc:  # a rendering bug must not take the app down with it
            body.update(Text(f"Could not show {entity.id}: {type(exc).__name__}: {exc}", style="bold red"))
            links.clear_options()
            self._targets = []
        links.display = bool(self._targets)
        self.scroll_home(animate=False)

    def _body(self, entity: Entity) -> Group:
        title = Text(entity.label(self.lang), style="bold")
        title.append(f"  {kind_label(entity.KIND, self.lang)}", style="dim")
        parts = [title, Text(), entity_fields(self.facts, entity, self.lang, max_chars=MAX_FIELD_CHARS)]
        citations = source_citation(self.facts, entity, self.lang)
        if citations:
            parts += [Text(), Text("Provenance", style="bold underline"), *citations]
        return Group(*parts)

    def _link_options(self, entity: Entity) -> list[Option | None]:
        options: list[Option | None] = []
        links = self.facts.links(entity.id)
        backlinks = mentions(self.facts, entity)
        if links:
            options.append(Option(Text("Links", style="bold underline"), disabled=True))
            options += [self._option(link, incoming=False) for link in links]
        if backlinks:
            header = Text("Mentioned in", style="bold underline")
            header.append(f" ({len(backlinks)})", style="dim")
            options.append(Option(header, disabled=True))
            options += [self._option(b, incoming=True) for b in backlinks[:MAX_BACKLINKS]]
            if len(backlinks) > MAX_BACKLINKS:
                more = Text(f"… and {len(backlinks) - MAX_BACKLINKS} more", style="dim")
                options.append(Option(more, disabled=True))
        return options

    def _option(self, link: Link, incoming: bool) -> Option:
        self._targets.append(link.entity.id)
        # The option id is our own index, never text from the file.
        return Option(link_text(link, self.lang, incoming=incoming), id=f"link-{len(self._targets) - 1}")

    @property
    def link_targets(self) -> list[str]:
        """The ids the link list leads to, in order."""
        return list(self._targets)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id and event.option.id.startswith("link-"):
            self.post_message(self.LinkFollowed(self._targets[int(event.option.id[5:])]))
