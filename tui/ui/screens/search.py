"""The search screen: results across every kind as you type, grouped by kind, Enter opens one."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.facts import FactBase
from tui.facts.messages import msg
from tui.facts.model import Language
from tui.facts.search import Hit, SearchIndex, SearchResult
from tui.facts.text import section_label
from tui.render.hit import hit_text
from tui.ui.keymap import SEARCH_COMMANDS, bindings
from tui.ui.widgets.bars import KeyBar

RESULT_LIMIT = 200
"""Hits listed; the count above the list always gives the total."""
QUOTED_QUERY_CELLS = 40
"""A query quoted back ("No matches for …") is cut to this many cells."""


class SearchInput(Input):
    """The search box. Input binds Enter itself, hidden, so the key bar never said that Enter opens
    the highlighted hit: the registry's Enter (`submit`, Input's own action; the screen opens the
    hit on Submitted) is bound here, shown."""

    BINDINGS = bindings(tuple(c for c in SEARCH_COMMANDS if c.action == "submit"))


class SearchScreen(ModalScreen[tuple[str, list[str]] | None]):
    """Dismisses with (chosen id, the listed hit ids in display order) for n / N, or None."""

    CSS_PATH = Path(__file__).with_name("search.tcss")
    BINDINGS = bindings(tuple(c for c in SEARCH_COMMANDS if c.action != "submit"))  # the box owns Enter

    def __init__(self, facts: FactBase, index: SearchIndex | None, lang: Language, query: str = "") -> None:
        """`index` None: it is being built; the screen takes the typing and searches once
        `use_index` hands it over. `query` is typed in, selected (typing replaces it)."""
        super().__init__()
        self.facts = facts
        self.index = index
        self.lang: Language = lang
        self.initial_query = query
        self._ids: list[str] = []
        self._result = SearchResult([], 0)
        self._width = 0
        """The hits' width when they were last drawn (0: not laid out yet, drawn uncut)."""

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box"):
            yield SearchInput(
                value=self.initial_query,
                placeholder=msg("search.placeholder", self.lang),
                id="search-input",
                select_on_focus=True,
            )
            yield Static(id="search-count")
            yield OptionList(id="search-results")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self._search(self.initial_query)
        self.call_after_refresh(self._fit_hits)  # the list's width is known once it is laid out

    def on_resize(self) -> None:
        self.call_after_refresh(self._fit_hits)

    def _hit_width(self) -> int:
        """Cells a hit's line may take: the list's width less its gutter and the option's padding."""
        results = self.query_one(OptionList)
        padding = results.get_component_styles("option-list--option").padding.width
        return max(0, results.scrollable_content_region.width - results._get_left_gutter_width() - padding)

    def _fit_hits(self) -> None:
        """Draw the hits again if the list's width changed, keeping the highlighted one."""
        if self.is_attached and self._hit_width() != self._width:
            results = self.query_one(OptionList)
            highlighted = results.highlighted
            self._show(self._result)
            results.highlighted = highlighted

    @property
    def query_text(self) -> str:
        """What is typed in the search box."""
        return self.query_one(Input).value

    def use_index(self, facts: FactBase, index: SearchIndex) -> None:
        """The index is ready: search for what was typed meanwhile."""
        if not self.is_attached:
            return
        self.facts, self.index = facts, index
        self._search(self.query_text)

    def search_unavailable(self) -> None:
        """The index could not be built: say so instead of "building"."""
        if self.is_attached and self.index is None:
            self.query_one("#search-count", Static).update(Text(msg("search_unavailable", self.lang)))

    def on_input_changed(self, event: Input.Changed) -> None:
        self._search(event.value)

    def _search(self, query: str) -> None:
        if self.index is None:
            self.query_one("#search-count", Static).update(
                Text(msg("search_indexing", self.lang), style="dim")
            )
            return
        result = self.index.search(query, limit=RESULT_LIMIT, lang=self.lang)
        self._show(result)
        count = self.query_one("#search-count", Static)
        if not query.strip():
            count.update(Text(msg("search.type_to_search", self.lang), style="dim"))
        elif result.total == 0:
            quoted = Text(" ".join(query.split()))
            quoted.truncate(QUOTED_QUERY_CELLS, overflow="ellipsis")
            count.update(Text(msg("search_no_matches", self.lang, query=quoted.plain), style="dim"))
        else:
            shown = len(result.hits)
            if shown < result.total:
                said = msg("search.n_matches_best", self.lang, total=result.total, shown=shown)
            else:
                said = msg(
                    "search.one_match" if result.total == 1 else "search.n_matches",
                    self.lang,
                    total=result.total,
                )
            count.update(Text(said))
        self._highlight_first()

    def _show(self, result: SearchResult) -> None:
        self._result, self._width = result, self._hit_width()
        results = self.query_one(OptionList)
        results.clear_options()
        results.add_options(self._options(result))

    def _options(self, result: SearchResult) -> list[Option]:
        """Hits grouped by kind, ranked within each group; sets `_ids` to match."""
        by_kind: dict[str, list[Hit]] = {}
        for hit in result.hits:
            by_kind.setdefault(hit.kind, []).append(hit)
        options: list[Option] = []
        self._ids = []
        for kind in by_kind:  # groups in the order of their best hit: the top hit comes first
            header = Text(section_label(kind, self.lang), style="bold underline")
            header.append(f" {len(by_kind[kind])}", style="dim")
            options.append(Option(header, disabled=True))
            for hit in by_kind[kind]:
                name = self.facts[hit.entity_id].label(self.lang)
                line = hit_text(hit, name, self.lang, width=self._width or None)
                # The option id is our own index, never text from the file.
                options.append(Option(line, id=f"hit-{len(self._ids)}"))
                self._ids.append(hit.entity_id)
        return options

    def _highlight_first(self) -> None:
        results = self.query_one(OptionList)
        results.highlighted = next((i for i, o in enumerate(results.options) if not o.disabled), None)

    def action_next_result(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_previous_result(self) -> None:
        self.query_one(OptionList).action_cursor_up()

    def action_open_result(self) -> None:
        results = self.query_one(OptionList)
        if results.highlighted is None:
            return
        self._open(results.get_option_at_index(results.highlighted))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_open_result()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self._open(event.option)

    def _open(self, option: Option) -> None:
        if option.id and option.id.startswith("hit-"):
            self.dismiss((self._ids[int(option.id[4:])], list(self._ids)))

    def action_close(self) -> None:
        self.dismiss(None)
