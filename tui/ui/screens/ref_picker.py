"""Pick the entity a reference names: the search engine of `s` (Korean initials, typos, both
languages), limited to the kinds the field allows. Dismisses with the chosen id, or None."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.facts import FactBase
from tui.facts.messages import msg
from tui.facts.model import Language
from tui.facts.search import SearchIndex
from tui.facts.text import kind_label
from tui.ui.screens.dialog import dialog_css

PICK_LIMIT = 50
"""Entities listed; a longer query narrows them."""


class RefPickerScreen(ModalScreen[str | None]):
    """A query box over the entities of `kinds`, best match first."""

    CSS_PATH = dialog_css(__file__)
    DEFAULT_CLASSES = "dialog-screen"
    BINDINGS = [
        Binding("escape", "cancel", msg("edit.cancel", "en")),
        Binding("down", "cursor_down", show=False),
        Binding("up", "cursor_up", show=False),
    ]

    def __init__(
        self,
        facts: FactBase,
        index: SearchIndex,
        kinds: tuple[str, ...],
        lang: Language,
        title: str,
        query: str = "",
    ) -> None:
        super().__init__()
        self.facts = facts
        self.index = index
        self.kinds = kinds
        self.lang: Language = lang
        self.title_text = title
        self.initial_query = query
        self.ids: list[str] = []
        """The ids listed, in order: the tests read them."""

    def compose(self) -> ComposeResult:
        with Vertical(id="picker-box", classes="dialog"):
            yield Static(Text(self.title_text), id="picker-title")
            yield Input(
                self.initial_query,
                placeholder=msg("form.picker_placeholder", self.lang),
                id="picker-query",
                compact=True,
            )
            yield OptionList(id="picker-results")

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self._search(self.initial_query)

    @on(Input.Changed, "#picker-query")
    def _typed(self, event: Input.Changed) -> None:
        self._search(event.value)

    def _search(self, query: str) -> None:
        if query.strip():
            self.ids = self.index.ranked_ids(query, kinds=self.kinds, lang=self.lang)[:PICK_LIMIT]
        else:  # nothing typed yet: the kinds' entities in the file's order
            self.ids = [e.id for kind in self.kinds for e in self.facts.of_kind(kind)][:PICK_LIMIT]
        results = self.query_one(OptionList)
        results.clear_options()
        if not self.ids:
            results.add_option(Option(Text(msg("form.picker_none", self.lang), style="dim"), disabled=True))
            return
        results.add_options(self._option(n, entity_id) for n, entity_id in enumerate(self.ids))
        results.highlighted = 0

    def _option(self, n: int, entity_id: str) -> Option:
        entity = self.facts[entity_id]
        line = Text(entity.label(self.lang), style="bold")
        line.append(f"  {entity_id}", style="dim")
        if len(self.kinds) > 1:
            line.append(f"  {kind_label(entity.KIND, self.lang)}", style="dim italic")
        return Option(line, id=f"pick-{n}")  # our own index, never text from the file

    def action_cursor_down(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one(OptionList).action_cursor_up()

    @on(Input.Submitted, "#picker-query")
    def _submitted(self, event: Input.Submitted) -> None:
        self._choose(self.query_one(OptionList).highlighted)

    @on(OptionList.OptionSelected, "#picker-results")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option_index)

    def _choose(self, index: int | None) -> None:
        if index is not None and 0 <= index < len(self.ids):
            self.dismiss(self.ids[index])

    def action_cancel(self) -> None:
        self.dismiss(None)
