"""The explorer's main screen: sections, a list per section, the detail pane and the breadcrumb."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen

from tui.facts import ENTITY_KINDS, Entity, FactBase, FactFileError
from tui.facts.messages import msg
from tui.facts.model import Language
from tui.facts.text import section_label
from tui.ui.history import History
from tui.ui.keymap import ENTITY_COMMANDS, SCREEN_COMMANDS, bindings
from tui.ui.screens.view import EntityActions
from tui.ui.widgets.bars import KeyBar, TitleBar
from tui.ui.widgets.breadcrumb import Breadcrumb
from tui.ui.widgets.detail import DetailPane
from tui.ui.widgets.entity_list import EntityList
from tui.ui.widgets.filter_bar import FilterBar
from tui.ui.widgets.problems import ProblemsPanel
from tui.ui.widgets.section_bar import SectionBar

if TYPE_CHECKING:
    from tui.facts.search import SearchIndex


class MainScreen(EntityActions, Screen):  # type: ignore[misc]  # EntityActions types `app` as FactsApp, Textual as App[object]
    """Browse a fact base: pick a section, move through its list, follow links, go back."""

    CSS_PATH = Path(__file__).with_name("main.tcss")
    BINDINGS = bindings(SCREEN_COMMANDS + ENTITY_COMMANDS)

    def __init__(self, facts: FactBase, lang: Language) -> None:
        super().__init__()
        self.facts = facts
        self.lang: Language = lang
        self.history = History()
        self.section: str = next((k for k in ENTITY_KINDS if facts.of_kind(k)), ENTITY_KINDS[0])
        self._cursors: dict[str, int] = {}
        self._before_filter: str | None = None
        self.hits: list[str] = []
        """The ids found by the last search or filter, stepped through with n / N."""
        self._hit = -1
        self._step_on_next_show = False
        """Set when a section switch is about to highlight an entity: that is a new step, not a move."""

    # -- layout ---------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield SectionBar(self._section_labels(), self.section, id="sections")
        with Horizontal(id="panes"):
            with Vertical(id="list-column"):
                yield EntityList(id="entities")
            with Vertical(id="detail-column"):
                yield Breadcrumb(id="breadcrumb")
                yield DetailPane(self.facts, id="detail")
        yield KeyBar()

    def _section_labels(self) -> list[tuple[str, str]]:
        counts = self.facts.counts()
        return [(kind, f"{section_label(kind, self.lang)} {counts[kind]:,}") for kind in ENTITY_KINDS]

    def on_mount(self) -> None:
        self.entity_list.lang = self.lang
        self._open_section(self.section, cursor=0)
        self.entity_list.focus()

    @property
    def current_entity_id(self) -> str | None:
        """The entity in the detail pane."""
        entity = self.detail.entity
        return entity.id if entity is not None else None

    @property
    def entity_list(self) -> EntityList:
        return self.query_one(EntityList)

    @property
    def detail(self) -> DetailPane:
        return self.query_one(DetailPane)

    # The filter bar and the problems panel are mounted when first needed: fewer widgets to
    # style before the first frame (benchmarks/startup.py).

    @property
    def filter_bar(self) -> FilterBar:
        """The filter bar (mounted by the first `action_filter`)."""
        return self.query_one(FilterBar)

    @property
    def filtering(self) -> bool:
        """Whether the list is narrowed by the filter bar."""
        return any(bar.active for bar in self.query(FilterBar))

    async def _problems_panel(self) -> ProblemsPanel:
        if not self.query(ProblemsPanel):
            await self.mount(ProblemsPanel(id="problems"), before=self.query_one(KeyBar))
        return self.query_one(ProblemsPanel)

    @property
    def search_index(self) -> SearchIndex:
        return self.app.search_index  # type: ignore[attr-defined]

    # -- sections -------------------------------------------------------------------------------

    def action_show_section(self, kind: str) -> None:
        """Switch to a section (keys 1–6)."""
        self.query_one(SectionBar).active = kind
        self.entity_list.focus()

    def on_section_bar_changed(self, event: SectionBar.Changed) -> None:
        if event.kind != self.section:
            self._step_on_next_show = True
        self._open_section(event.kind)

    def _open_section(self, kind: str, cursor: int | None = None) -> None:
        """Fill the list with a section's entities, the cursor where it was last (or at `cursor`)."""
        entity_list = self.entity_list
        if kind == self.section and entity_list.rows is self.facts.of_kind(kind) and cursor is None:
            return
        if self.filtering:
            self.filter_bar.close()
        elif entity_list.rows is self.facts.of_kind(self.section):
            self._cursors[self.section] = entity_list.cursor
        self.section = kind
        rows = self.facts.of_kind(kind)
        entity_list.set_rows(rows, cursor if cursor is not None else self._cursors.get(kind, 0))
        if not rows:
            self.detail.show(None, self.lang)

    # -- following ------------------------------------------------------------------------------

    def go_to(self, entity_id: str, *, record: bool = True) -> None:
        """Select an entity in its own section and show it; `record` adds a history step.

        If the section's list is filtered and the entity is among the rows, the filter stays.
        """
        entity = self.facts.get(entity_id)
        if entity is None:
            return
        if record:
            self.history.visit(entity_id)
        row = self.entity_list.index_of(entity_id) if entity.KIND == self.section else None
        if row is not None:
            self.entity_list.cursor = row
            return
        self._open_section(entity.KIND, cursor=self.facts.position(entity_id))
        self.query_one(SectionBar).active = entity.KIND  # its Changed finds the list already filled

    def on_entity_list_highlighted(self, event: EntityList.Highlighted) -> None:
        self._show(event.entity)

    def on_entity_list_opened(self, event: EntityList.Opened) -> None:
        self.history.visit(event.entity.id)
        if self.detail.link_targets:
            self.detail.focus()
            self.detail.select_first_link()

    def on_detail_pane_link_followed(self, event: DetailPane.LinkFollowed) -> None:
        self.go_to(event.entity_id)

    @property
    def current_field(self) -> str | None:
        """The field under the detail pane's cursor."""
        return self.detail.highlighted_field

    def on_detail_pane_citation_requested(self, event: DetailPane.CitationRequested) -> None:
        self.app.show_citations(event.entity_id, event.field)

    def on_detail_pane_source_requested(self, event: DetailPane.SourceRequested) -> None:
        self.app.show_source(event.entity_id, event.field, event.entry)

    def _show(self, entity: Entity) -> None:
        if self._step_on_next_show:
            self._step_on_next_show = False
            self.history.visit(entity.id)
        else:
            self.history.replace(entity.id)  # moving the cursor: where you are changes, no new step
        self.detail.show(entity, self.lang)
        self.query_one(Breadcrumb).show_trail(self.facts, self.history.trail(), self.lang)

    def action_leave(self) -> None:
        """Esc: one level out. From the detail pane to the list, then clear a filter (keeping the
        entity the filter led to), then go back."""
        if isinstance(self.focused, DetailPane):
            self.entity_list.focus()
        elif self.filtering:
            self._cancel_filter(keep_selection=True)
        else:
            self.action_back()

    def action_back(self) -> None:
        """Back to the previous entity in the history."""
        entity_id = self.history.back()
        if entity_id is not None:
            self.go_to(entity_id, record=False)

    def action_forward(self) -> None:
        entity_id = self.history.forward()
        if entity_id is not None:
            self.go_to(entity_id, record=False)

    # -- filter and hits ------------------------------------------------------------------------

    async def action_filter(self) -> None:
        """Open the filter bar on the current section."""
        if not self.query(FilterBar):
            await self.query_one("#list-column").mount(FilterBar(id="filter"))
        if not self.filtering:
            highlighted = self.entity_list.highlighted
            self._before_filter = highlighted.id if highlighted else None
            self._cursors[self.section] = self.entity_list.cursor
        self.filter_bar.open()
        self._apply_filter(self.filter_bar.text)

    def on_filter_bar_changed(self, event: FilterBar.Changed) -> None:
        self._apply_filter(event.query)

    def _apply_filter(self, query: str) -> None:
        all_rows = self.facts.of_kind(self.section)
        if query.strip() and not self.app.search_ready:  # type: ignore[attr-defined]
            self.filter_bar.show_status(msg("filter.indexing", self.lang))
            self.app.with_search_index(lambda: self._apply_filter(self.filter_bar.text))  # type: ignore[attr-defined]
            return
        explain = None
        if not query.strip():
            rows: Sequence[Entity] = all_rows
        else:
            # Best match first, as the search screen ranks them: Enter takes the first row.
            ids = self.search_index.ranked_ids(query, kinds=self.section, lang=self.lang)
            rows = self.facts.view(ids)  # entities are looked up as their rows are drawn
            explain = partial(self.search_index.hit, query=query)  # a row says why it is there: '#모터'
        self.entity_list.set_rows(rows, 0, highlight=query.strip(), explain=explain)
        self.filter_bar.show_count(len(rows), len(all_rows))
        if not rows:
            self.detail.show(None, self.lang)

    def search_unavailable(self) -> None:
        """The search index could not be built: the filter bar says so instead of "indexing…"."""
        if self.filtering:
            self.filter_bar.show_status(msg("filter.unavailable", self.lang))

    def on_filter_bar_submitted(self, event: FilterBar.Submitted) -> None:
        """Enter: go to the first hit, keep the list narrowed; n / N step through the rest."""
        rows = self.entity_list.rows
        self.set_hits([e.id for e in rows])
        self.entity_list.focus()
        if rows:
            self.entity_list.cursor = 0
            self.history.visit(rows[0].id)

    def on_filter_bar_cancelled(self, event: FilterBar.Cancelled) -> None:
        self._cancel_filter(keep_selection=False)

    def on_filter_bar_list_requested(self, event: FilterBar.ListRequested) -> None:
        """↓ in the filter box: into the list, on the first hit."""
        self.entity_list.focus()

    def _cancel_filter(self, keep_selection: bool) -> None:
        """Clear the filter. Esc while typing puts the cursor back where it was before filtering;
        after Enter or a move in the filtered list (`keep_selection`) it stays on that entity."""
        landed = self.entity_list.highlighted if keep_selection else None
        self.filter_bar.close()
        before = landed.id if landed is not None else self._before_filter
        all_rows = self.facts.of_kind(self.section)
        if before is not None and before in self.facts and self.facts[before].KIND == self.section:
            cursor = self.facts.position(before)
        else:
            cursor = self._cursors.get(self.section, 0)
        self.entity_list.set_rows(all_rows, cursor)
        self.entity_list.focus()

    def set_hits(self, ids: list[str], current: int = 0) -> None:
        """Remember the hits of a search for n / N."""
        self.hits = ids
        self._hit = current if ids else -1

    def action_next_hit(self) -> None:
        self._step_hit(+1)

    def action_previous_hit(self) -> None:
        self._step_hit(-1)

    def _step_hit(self, delta: int) -> None:
        if not self.hits:
            self.notify(msg("toast.no_search_yet", self.lang), timeout=3, markup=False)
            return
        self._hit = (self._hit + delta) % len(self.hits)
        self.go_to(self.hits[self._hit])
        self.notify(
            msg("toast.hit_n_of_total", self.lang, n=self._hit + 1, total=len(self.hits)), timeout=1.5
        )

    # -- language -------------------------------------------------------------------------------

    def set_language(self, lang: Language) -> None:
        """Show names, titles and amounts in `lang` (the other language where one is missing)."""
        self.lang = lang
        self.query_one(SectionBar).set_labels(self._section_labels())
        self.entity_list.set_language(lang)
        self.detail.show(self.detail.entity, lang)
        self.query_one(Breadcrumb).show_trail(self.facts, self.history.trail(), lang)
        for bar in self.query(FilterBar):
            bar.set_language(lang)
        for panel in self.query(ProblemsPanel):
            panel.set_language(lang)
        self.refresh_bindings()  # the key bar says its keys in `lang`

    # -- reloading ------------------------------------------------------------------------------

    def use_facts(self, facts: FactBase) -> None:
        """Swap in a reloaded fact base, keeping section, selection, filter, scroll and history by id."""
        for panel in self.query(ProblemsPanel):
            panel.hide()
        self.refresh_bindings()  # x (hide problems) leaves the key bar with them
        entity_list = self.entity_list
        selected = entity_list.highlighted.id if entity_list.highlighted else None
        old_cursor, scroll_y = entity_list.cursor, entity_list.scroll_y
        self.facts = facts
        self.detail.facts = facts
        self.history.keep_only(facts)
        self.hits = [i for i in self.hits if i in facts]
        self._hit = min(self._hit, len(self.hits) - 1)
        self.query_one(SectionBar).set_labels(self._section_labels())
        self._cursors = {}
        if self.filtering:
            self._apply_filter(self.filter_bar.text)
            row = entity_list.index_of(selected) if selected else None
            entity_list.cursor = row if row is not None else min(old_cursor, len(entity_list.rows) - 1)
        else:
            rows = facts.of_kind(self.section)
            if selected is not None and selected in facts and facts[selected].KIND == self.section:
                cursor = facts.position(selected)
            else:
                cursor = min(old_cursor, max(0, len(rows) - 1))
            entity_list.set_rows(rows, cursor)
        entity_list.scroll_to(y=scroll_y, animate=False, immediate=True)
        if not entity_list.rows:
            self.detail.show(None, self.lang)
        elif entity_list.highlighted is not None:
            # If the shown entity is gone, what takes its place is a new step: replacing would
            # overwrite the step history fell back to, which still exists.
            self._step_on_next_show = selected not in facts
            self._show(entity_list.highlighted)

    def renamed(self, old: str, new: str) -> None:
        """An entity's id changed in the file: history, trail, hits and remembered places follow
        (the reload that brings the renamed entity then finds it by its new id)."""
        self.history.rename(old, new)
        self.hits = [new if hit == old else hit for hit in self.hits]
        if self._before_filter == old:
            self._before_filter = new
        self.query_one(Breadcrumb).show_trail(self.facts, self.history.trail(), self.lang)

    async def show_problems(self, error: FactFileError) -> None:
        """The file on disk is broken: keep what is shown and say what is wrong."""
        panel = await self._problems_panel()
        panel.show_problems(
            lambda lang: msg("problems.title", lang, path=error.path, n=len(error.problems)),
            error.format,  # said again in the other language on `l`
        )
        self.refresh_bindings()

    def action_dismiss_problems(self) -> None:
        for panel in self.query(ProblemsPanel):
            panel.hide()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if getattr(self.app, "quitting", False):  # keys queued behind q start nothing
            return False
        if action == "dismiss_problems":
            return any(panel.shown for panel in self.query(ProblemsPanel))
        return self.check_edit_action(action)
