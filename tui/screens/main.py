"""The explorer's main screen: sections, a list per section, the detail pane and the breadcrumb."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header

from tui.facts import ENTITY_KINDS, Entity, FactBase, FactFileError
from tui.facts.model import Language
from tui.history import History
from tui.keymap import SCREEN_COMMANDS, bindings
from tui.render import section_label
from tui.widgets.breadcrumb import Breadcrumb
from tui.widgets.detail import DetailPane, LinkList
from tui.widgets.entity_list import EntityList
from tui.widgets.problems import ProblemsPanel
from tui.widgets.section_bar import SectionBar


class MainScreen(Screen):
    """Browse a fact base: pick a section, move through its list, follow links, go back."""

    CSS_PATH = Path(__file__).with_name("main.tcss")
    BINDINGS = bindings(SCREEN_COMMANDS)

    def __init__(self, facts: FactBase, lang: Language) -> None:
        super().__init__()
        self.facts = facts
        self.lang: Language = lang
        self.history = History()
        self.section: str = next((k for k in ENTITY_KINDS if facts.of_kind(k)), ENTITY_KINDS[0])
        self._cursors: dict[str, int] = {}

    # -- layout ---------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        yield SectionBar(self._section_labels(), self.section, id="sections")
        with Horizontal(id="panes"):
            yield EntityList(id="entities")
            with Vertical(id="detail-column"):
                yield Breadcrumb(id="breadcrumb")
                yield DetailPane(self.facts, id="detail")
        yield ProblemsPanel(id="problems")
        yield Footer()

    def _section_labels(self) -> list[tuple[str, str]]:
        counts = self.facts.counts()
        return [(kind, f"{section_label(kind, self.lang)} {counts[kind]:,}") for kind in ENTITY_KINDS]

    def on_mount(self) -> None:
        self.entity_list.lang = self.lang
        self._open_section(self.section, cursor=0)
        self.entity_list.focus()

    @property
    def entity_list(self) -> EntityList:
        return self.query_one(EntityList)

    @property
    def detail(self) -> DetailPane:
        return self.query_one(DetailPane)

    # -- sections -------------------------------------------------------------------------------

    def action_show_section(self, kind: str) -> None:
        """Switch to a section (keys 1–6)."""
        self.query_one(SectionBar).active = kind
        self.entity_list.focus()

    def on_section_bar_changed(self, event: SectionBar.Changed) -> None:
        self._open_section(event.kind)

    def _open_section(self, kind: str, cursor: int | None = None) -> None:
        """Fill the list with a section's entities, the cursor where it was last (or at `cursor`)."""
        entity_list = self.entity_list
        if kind == self.section and entity_list.rows is self.facts.of_kind(kind) and cursor is None:
            return
        self._cursors[self.section] = entity_list.cursor
        self.section = kind
        rows = self.facts.of_kind(kind)
        entity_list.set_rows(rows, cursor if cursor is not None else self._cursors.get(kind, 0))
        if not rows:
            self.detail.show(None, self.lang)

    # -- following ------------------------------------------------------------------------------

    def go_to(self, entity_id: str, *, record: bool = True) -> None:
        """Select an entity in its own section and show it; `record` adds a history step."""
        entity = self.facts.get(entity_id)
        if entity is None:
            return
        if record:
            self.history.visit(entity_id)
        position = self.facts.position(entity_id)
        if entity.KIND != self.section or self.entity_list.rows is not self.facts.of_kind(entity.KIND):
            self.query_one(SectionBar).active = entity.KIND  # its Changed finds the list already filled
            self._open_section(entity.KIND, cursor=position)
        else:
            self.entity_list.cursor = position

    def on_entity_list_highlighted(self, event: EntityList.Highlighted) -> None:
        self._show(event.entity)

    def on_entity_list_opened(self, event: EntityList.Opened) -> None:
        self.history.visit(event.entity.id)
        links = self.query_one(LinkList)
        if links.display:
            links.focus()
            links.highlighted = links.highlighted or next(
                (i for i, o in enumerate(links.options) if not o.disabled), None
            )

    def on_detail_pane_link_followed(self, event: DetailPane.LinkFollowed) -> None:
        self.go_to(event.entity_id)

    def _show(self, entity: Entity) -> None:
        self.history.replace(entity.id)
        self.detail.show(entity, self.lang)
        self.query_one(Breadcrumb).show_trail(self.facts, self.history.trail(), self.lang)

    def action_back(self) -> None:
        """Back to the previous entity; with nowhere to go, from the links back to the list."""
        entity_id = self.history.back()
        if entity_id is not None:
            self.go_to(entity_id, record=False)
        elif isinstance(self.focused, LinkList):
            self.entity_list.focus()

    def action_forward(self) -> None:
        entity_id = self.history.forward()
        if entity_id is not None:
            self.go_to(entity_id, record=False)

    # -- language -------------------------------------------------------------------------------

    def set_language(self, lang: Language) -> None:
        """Show names, titles and amounts in `lang` (the other language where one is missing)."""
        self.lang = lang
        self.query_one(SectionBar).set_labels(self._section_labels())
        self.entity_list.set_language(lang)
        self.detail.show(self.detail.entity, lang)
        self.query_one(Breadcrumb).show_trail(self.facts, self.history.trail(), lang)

    # -- reloading ------------------------------------------------------------------------------

    def use_facts(self, facts: FactBase) -> None:
        """Swap in a reloaded fact base, keeping section, selection, scroll and history by id."""
        self.query_one(ProblemsPanel).hide()
        entity_list = self.entity_list
        selected = entity_list.highlighted.id if entity_list.highlighted else None
        old_cursor, scroll_y = entity_list.cursor, entity_list.scroll_y
        self.facts = facts
        self.detail.facts = facts
        self.history.keep_only(facts)
        self.query_one(SectionBar).set_labels(self._section_labels())
        rows = facts.of_kind(self.section)
        if selected in facts and facts[selected].KIND == self.section:
            cursor = facts.position(selected)
        else:
            cursor = min(old_cursor, max(0, len(rows) - 1))
        self._cursors = {}
        entity_list.set_rows(rows, cursor)
        entity_list.scroll_to(y=scroll_y, animate=False, immediate=True)
        if not rows:
            self.detail.show(None, self.lang)
        elif entity_list.highlighted is not None:
            self._show(entity_list.highlighted)

    def show_problems(self, error: FactFileError) -> None:
        """The file on disk is broken: keep what is shown and say what is wrong."""
        self.query_one(ProblemsPanel).show_problems(
            f"{error.path} has {len(error.problems)} problem(s); showing the last good data. "
            "Fix and save to reload (x hides this).",
            error.format(),
        )
        self.refresh_bindings()

    def action_dismiss_problems(self) -> None:
        self.query_one(ProblemsPanel).hide()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "dismiss_problems":
            return self.query_one(ProblemsPanel).shown
        return True
