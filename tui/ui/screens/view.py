"""What the explorer and its views (timeline, relationships) share: the commands on the entity
the user is on, and, for the views, Esc to return and the explorer's keys passed on."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen

from tui.facts.model import Language
from tui.ui.keymap import view_bindings

if TYPE_CHECKING:
    from tui.ui.app import FactsApp


class EntityActions:
    """The commands on the entity the user is on (s, t, R, p, i, y, Y, e). A screen that offers them
    says which entity that is (`current_entity_id`); the app does the work."""

    app: FactsApp

    @property
    def current_entity_id(self) -> str | None:
        """The id of the entity the user is on, or None."""
        raise NotImplementedError

    async def action_search(self) -> None:
        await self.app.open_search()

    def action_timeline(self) -> None:
        self.app.show_timeline(self.current_entity_id)

    def action_relations(self) -> None:
        self.app.show_relations(self.current_entity_id)

    @property
    def current_field(self) -> str | None:
        """The field of the current entity the user is on, if the screen has a field cursor."""
        return None

    def action_source_view(self) -> None:
        self.app.show_source(self.current_entity_id, self.current_field)

    def action_citation(self) -> None:
        self.app.show_citations(self.current_entity_id, self.current_field)

    def action_copy_markdown(self) -> None:
        self.app.copy_markdown(self.current_entity_id)

    def action_copy_id(self) -> None:
        self.app.copy_id(self.current_entity_id)

    def action_export(self) -> None:
        self.app.open_export()

    def action_change_field(self) -> None:
        self.app.change_field(self.current_entity_id)

    def action_edit_form(self) -> None:
        self.app.edit_form(self.current_entity_id)

    def action_open_in_editor(self) -> None:
        self.app.open_in_editor(self.current_entity_id)

    def action_add_entity(self) -> None:
        self.app.add_entity(self.app.main.section)

    def action_delete_entity(self) -> None:
        self.app.delete_entity(self.current_entity_id)

    def action_rename_entity(self) -> None:
        self.app.rename_entity(self.current_entity_id)

    def check_edit_action(self, action: str) -> bool | None:
        """False for a command that writes the file where the app offers none (in a browser)."""
        return action not in self.app.hidden_actions


class ExplorerView(EntityActions, Screen[str | None]):  # type: ignore[misc]  # EntityActions types `app` as FactsApp, Textual as App[object]
    """A full-screen view over the explorer. Dismisses with the id of an entity to open, or None.

    The explorer's keys (1–6, /, n, [ …) close the view and act in the explorer; the commands on
    an entity (y, e, R …) act on the one highlighted here.
    """

    BINDINGS = view_bindings()

    @property
    def highlighted_id(self) -> str | None:
        """The id of the entity under the cursor, or None."""
        raise NotImplementedError

    @property
    def current_entity_id(self) -> str | None:
        return self.highlighted_id

    def set_language(self, lang: Language) -> None:
        """Show the view in `lang`."""
        raise NotImplementedError

    async def action_explorer(self, action: str) -> None:
        """Close the view, then run `action` in the explorer (a key the explorer owns)."""
        await self.app.run_in_explorer(action)

    def action_close(self) -> None:
        self.dismiss(None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.check_edit_action(action)
