"""The facts-tui explorer: a Textual app over a loaded fact base."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from tui.facts import FactBase, FactFileError, load
from tui.facts.model import Language
from tui.facts.sanitize import printable
from tui.keymap import APP_COMMANDS, SCREEN_COMMANDS, bindings
from tui.screens.main import MainScreen
from tui.watcher import FileWatcher

if TYPE_CHECKING:
    from tui.facts.search import SearchIndex

EAGER_INDEX_LIMIT = 20_000
"""Files up to this many entities get their search index built right after start-up."""
POLL_SECONDS = 0.5
"""How often the file is checked for changes (a stat call; see tui/watcher.py)."""


class FactsApp(App[None]):
    """Browse a fact base: sections, details, links, history, help and the command palette."""

    CSS_PATH = Path(__file__).with_name("app.tcss")
    BINDINGS = bindings(APP_COMMANDS)
    COMMANDS = App.COMMANDS | {lambda: _providers().SectionProvider, lambda: _providers().EntityProvider}

    def __init__(self, facts: FactBase, lang: Language = "ko", watch: bool = True) -> None:
        super().__init__()
        self.facts = facts
        self.lang: Language = lang
        self.watch_file = watch and facts.path is not None
        self._watcher: FileWatcher | None = None
        self._index: tuple[FactBase, SearchIndex] | None = None
        """The search index and the fact base it was built from."""
        self._when_indexed: list[Callable[[], object]] = []
        self._show_title()

    def _show_title(self) -> None:
        # The section bar gives the counts per kind; the header names the file and the total.
        self.title = self.facts.meta.title
        name = printable(self.facts.path.name) if self.facts.path else ""
        total = f"{len(self.facts):,} {'entities' if self.lang == 'en' else '항목'}"
        self.sub_title = f"{name} · {total}" if name else total

    def on_mount(self) -> None:
        if len(self.facts) <= EAGER_INDEX_LIMIT:
            # Build the search index after the first frame, off the event loop: start-up stays fast.
            self.call_after_refresh(self.with_search_index, lambda: None)
        if self.watch_file and self.facts.path is not None:
            self._watcher = FileWatcher(self.facts.path)
            self.set_interval(POLL_SECONDS, self._poll_file)

    def on_ready(self) -> None:
        _keep_for_good()  # the first frame is up: what exists now lives as long as the app

    def get_default_screen(self) -> MainScreen:
        return MainScreen(self.facts, self.lang)

    @property
    def main(self) -> MainScreen:
        """The main screen, wherever it is in the stack (help or palette may be on top)."""
        return next(s for s in self.screen_stack if isinstance(s, MainScreen))

    def open_entity(self, entity_id: str) -> None:
        """Show an entity in its section, as a step in the history (palette, search)."""
        self.main.go_to(entity_id)

    def open_section(self, kind: str) -> None:
        self.main.action_show_section(kind)

    # -- search ---------------------------------------------------------------------------------

    def _build_index(self) -> None:
        from tui.facts.search import SearchIndex  # a big module: imported when first needed

        facts = self.facts
        self._index = (facts, SearchIndex.build(facts))

    @property
    def search_ready(self) -> bool:
        """Whether the search index of the current fact base is built."""
        return self._index is not None and self._index[0] is self.facts

    @property
    def search_index(self) -> SearchIndex:
        """The search index of the current fact base (built now, blocking, if it is not ready)."""
        if not self.search_ready:
            self._build_index()
        assert self._index is not None
        return self._index[1]

    def with_search_index(self, then: Callable[[], object]) -> None:
        """Run `then` once the index is ready, building it in a background thread if needed.

        Big files build it on first use rather than at start-up: the build holds the
        interpreter for long stretches, which would make the first seconds of browsing stutter.
        """
        if self.search_ready:
            then()
            return
        self._when_indexed.append(then)
        if len(self._when_indexed) == 1:
            if len(self.facts) > EAGER_INDEX_LIMIT:
                self.notify(f"Indexing {len(self.facts):,} entities for search…", timeout=3)
            self._start_indexing()

    def _start_indexing(self) -> None:
        # A failing build (a bug, or memory) costs the search, not the app and the user's place.
        self.run_worker(self._build_index, thread=True, group="index", exit_on_error=False)

    def _indexed(self) -> None:
        if not self.search_ready:  # the file was reloaded meanwhile: build again
            self._start_indexing()
            return
        _keep_for_good()
        waiting, self._when_indexed = self._when_indexed, []
        for then in waiting:
            then()

    def action_search(self, query: str = "") -> None:
        """Open the search screen; the entity chosen there opens as a step in the history."""
        from tui.screens.search import SearchScreen

        if isinstance(self.screen, SearchScreen):
            return

        def opened(result: tuple[str, list[str]] | None) -> None:
            if result is not None:
                entity_id, hits = result
                self.main.set_hits(hits, hits.index(entity_id))
                self.open_entity(entity_id)

        self.with_search_index(
            lambda: self.push_screen(SearchScreen(self.facts, self.search_index, self.lang, query), opened)
        )

    MAIN_SCREEN_ONLY = frozenset(
        {"timeline", "relations", "search", "toggle_language", "copy_markdown", "copy_id", "export"}
    )
    """Actions that act on the explorer's selection: off (and out of the footer) in other screens."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in self.MAIN_SCREEN_ONLY and not isinstance(self.screen, MainScreen):
            return False
        return True

    # -- views ----------------------------------------------------------------------------------

    def _open_returned(self, entity_id: str | None) -> None:
        if entity_id is not None:
            self.open_entity(entity_id)

    def action_timeline(self) -> None:
        """Everything dated, periods as bars; the highlighted entity's first item is selected."""
        from tui.screens.timeline import TimelineScreen

        current = self.main.detail.entity
        screen = TimelineScreen(self.facts, self.lang, current.id if current else None)
        self.push_screen(screen, self._open_returned)

    def action_relations(self) -> None:
        """The highlighted entity's neighbourhood, two hops out."""
        from tui.screens.relations import RelationsScreen

        current = self.main.detail.entity
        if current is None:
            self.notify("Nothing selected.", timeout=2)
            return
        self.push_screen(RelationsScreen(self.facts, current.id, self.lang), self._open_returned)

    # -- copy and export ------------------------------------------------------------------------

    def action_copy_markdown(self) -> None:
        """Copy the shown entity as Markdown (OSC 52: works over SSH in terminals that allow it)."""
        from tui.facts.export import entity_markdown

        entity = self.main.detail.entity
        if entity is not None:
            self.copy_to_clipboard(entity_markdown(self.facts, entity, self.lang))
            self.notify(f"Copied {entity.id} as Markdown.", timeout=2, markup=False)

    def action_copy_id(self) -> None:
        entity = self.main.detail.entity
        if entity is not None:
            self.copy_to_clipboard(entity.id)
            self.notify(f"Copied id {entity.id}.", timeout=2, markup=False)

    def action_export(self) -> None:
        from tui.screens.export import ExportScreen

        def exported(paths: list[Path] | None) -> None:
            if paths:
                written = ", ".join(str(p) for p in paths[:3]) + (" …" if len(paths) > 3 else "")
                self.notify(f"Exported to {written}", timeout=4, markup=False)

        self.push_screen(ExportScreen(self.facts, self.lang, self.main.section), exported)

    # -- language -------------------------------------------------------------------------------

    def action_toggle_language(self) -> None:
        """Switch names, titles and amounts between Korean and English everywhere."""
        self.lang = "en" if self.lang == "ko" else "ko"
        self._show_title()
        self.main.set_language(self.lang)

    # -- reloading ------------------------------------------------------------------------------

    def _poll_file(self) -> None:
        assert self._watcher is not None
        change = self._watcher.poll()
        if change == "changed":
            self.action_reload()
        elif change == "missing":
            self.notify(
                f"{printable(str(self.facts.path))} is gone; showing the last good data until it comes back.",
                title="File missing",
                severity="warning",
                markup=False,
            )

    def action_reload(self) -> None:
        """Load the file again in the background; the current view stays until it is ready."""
        if self.facts.path is None:
            return
        if self._watcher is not None:
            self._watcher.mark_seen()
        self.run_worker(
            partial(_load_quietly, self.facts.path),
            thread=True,
            exclusive=True,
            group="reload",
            exit_on_error=False,
        )

    async def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            self._worker_failed(event.worker)
            return
        if event.worker.group == "index" and event.state == WorkerState.SUCCESS:
            self._indexed()
        if event.worker.group != "reload" or event.state != WorkerState.SUCCESS:
            return
        result = event.worker.result
        if isinstance(result, FactFileError):
            await self.main.show_problems(result)
            return
        self.facts = result
        self._show_title()
        self.main.use_facts(result)
        _keep_for_good()
        if len(result) <= EAGER_INDEX_LIMIT or self._when_indexed:
            self._start_indexing()

    def _worker_failed(self, worker: Worker) -> None:
        """Say what failed, in words; the explorer keeps running on what it has."""
        error = worker.error
        what = "Search is unavailable" if worker.group == "index" else "Reloading failed"
        if worker.group == "index":
            self._when_indexed = []  # nothing will run them; the next search tries again
            self.main.search_unavailable()
        self.notify(
            f"{type(error).__name__}: {error}", title=what, severity="error", timeout=10, markup=False
        )

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen  # imported on first use: start-up time counts

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        main = self.main
        for command in SCREEN_COMMANDS + APP_COMMANDS:
            if not command.palette:
                continue
            target = self if command.scope == "app" else main
            keys = ", ".join(command.key_names)
            yield SystemCommand(
                command.description, f"Key: {keys}", partial(target.run_action, command.action)
            )


def _keep_for_good() -> None:
    """Hand every object alive now to the garbage collector's permanent generation.

    After start-up, a reload or a search-index build, what is alive stays alive: modules, the
    fact base, the index, the screens. Python's full collections, every few thousand
    allocations, would walk all of it again each time: pauses of 20-70 ms at 100,000 entities,
    in the middle of a keystroke (benchmarks/explorer.py). Frozen objects are still freed by
    reference counting (the fact base of a previous reload is acyclic); only a reference cycle
    among them would never be collected.
    """
    gc.freeze()


def _providers():
    """The palette providers, imported when the palette first opens rather than at start-up."""
    import tui.providers

    return tui.providers


def _load_quietly(path) -> FactBase | FactFileError:
    """Load for a reload: a broken file is a result to show, not an error to raise."""
    try:
        return load(path)
    except FactFileError as error:
        return error
