"""The facts-tui explorer: a Textual app over a loaded fact base."""

from __future__ import annotations

import asyncio
import gc
import os
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, cast
from weakref import WeakKeyDictionary

from rich.console import RenderableType
from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen
from textual.worker import get_current_worker

from tui.facts import FactBase, FactFileError, load
from tui.facts.load import Progress, peek_meta
from tui.facts.messages import msg
from tui.facts.model import Language
from tui.facts.sanitize import printable
from tui.ui.keymap import (
    APP_COMMANDS,
    ENTITY_COMMANDS,
    GLOBAL_COMMANDS,
    SCREEN_COMMANDS,
    Command,
    bindings,
    key_name,
)
from tui.ui.screens.main import MainScreen
from tui.ui.screens.view import ExplorerView
from tui.ui.search_service import SearchService
from tui.ui.watcher import FileWatcher

if TYPE_CHECKING:
    from tui.facts.edit.plan import PlannedChange, Refused
    from tui.facts.search import SearchIndex
    from tui.facts.source_rows import Place
    from tui.ui.edit_service import Change, EditService, Snapshot
    from tui.ui.screens.loading import LoadingScreen

EAGER_INDEX_LIMIT = 20_000
"""Files up to this many entities get their search index built right after start-up."""
POLL_SECONDS = 0.5
"""How often the file is checked for changes (a stat call; see tui/ui/watcher.py)."""


class FactsApp(App[None]):
    """Browse a fact base: sections, details, links, history, help and the command palette."""

    CSS_PATH = Path(__file__).with_name("app.tcss")
    BINDINGS = bindings(GLOBAL_COMMANDS)
    COMMANDS = {
        lambda: _providers().CommandProvider,  # in place of Textual's: finds a command by either name
        lambda: _providers().SectionProvider,
        lambda: _providers().EntityProvider,
    }

    def __init__(
        self,
        facts: FactBase | Path,
        lang: Language | None = None,
        watch: bool = True,
        keymap: dict[str, str] | None = None,
        theme: str | None = None,
    ) -> None:
        """`facts`: a fact base, or the path of a big file to load behind a progress bar after the
        first frame. `lang`: None for the file's own language."""
        super().__init__()
        self.user_keymap: dict[str, str] = keymap or {}
        """The settings file's keys, by binding id (tui/commands/settings.py); the help shows them."""
        if keymap:
            self.set_keymap(keymap)
        if theme:
            self.theme = theme
        self.watch_file = watch
        self._watcher: FileWatcher | None = None
        self.search = SearchService(lambda: self.facts, self._build_search_index)
        """The search index of the fact base shown, built in the background."""
        self._key_targets: WeakKeyDictionary[events.Key, DOMNode] = WeakKeyDictionary()
        """Where each key was sent: a key that comes back unhandled after the focus moved is sent again."""
        self._lang_asked = lang
        self._edits: EditService | None = None
        self._select_after_reload: str | None = None
        """The entity to show once the file written by an edit has been loaded again."""
        self.loading: Path | None = None
        """The file being loaded behind the loading screen; None once `facts` is there."""
        self.load_error: FactFileError | None = None
        """Why the file could not be opened (the app has exited; the command line reports it)."""
        if isinstance(facts, Path):
            self.loading = facts
            meta = peek_meta(facts)  # the title and language to show while it loads
            self.lang: Language = lang or (meta.language if meta else "ko")
            self.title = meta.title if meta else ""
            self.sub_title = msg("loading.sub_title", self.lang, name=printable(facts.name))
        else:
            self.facts = facts
            self.lang = lang or facts.meta.language
            self._show_title()

    def _show_title(self) -> None:
        # The section bar gives the counts per kind; the header names the file and the total.
        self.title = self.facts.meta.title
        name = printable(self.facts.path.name) if self.facts.path else ""
        total = msg("entities", self.lang, n=len(self.facts))
        if name and self._edits is not None and self._edits.can_undo:  # changes `u` can undo
            name = msg("edit.title_modified", self.lang, name=name)
        self.sub_title = f"{name} · {total}" if name else total

    def _opened(self) -> None:
        """The fact base is here: index it for search, watch its file, and keep the text it was
        loaded from for the edit service (read in a thread)."""
        if self.facts.path is not None and not self.is_web:
            self._remember_loaded_text(self.facts)
        if len(self.facts) <= EAGER_INDEX_LIMIT:
            # Build the search index off the event loop, now that the first frame is up.
            self.with_search_index(lambda: None)
        self.watch_file = self.watch_file and self.facts.path is not None
        if self.watch_file and self.facts.path is not None:
            self._watcher = FileWatcher(self.facts.path)
            self.set_interval(POLL_SECONDS, self._poll_file)

    @work(thread=True, group="edit-base", exit_on_error=False)
    def _remember_loaded_text(self, facts: FactBase) -> None:
        """Read the file the first fact base came from, off the event loop: a save refuses to
        write over a file that has changed since (and shows how)."""
        assert facts.path is not None
        snapshot = _snapshot_quietly(facts.path)
        self.call_from_thread(self._edit_base_read, facts, snapshot)

    def _edit_base_read(self, facts: FactBase, snapshot: Snapshot | None) -> None:
        if facts is self.facts:  # not replaced by a reload meanwhile (which brought its own)
            self.edits.loaded(facts, snapshot)

    def on_ready(self) -> None:
        _keep_for_good()  # the first frame is up: what exists now lives as long as the app
        if self.loading is None:
            # Only now: the index build and the file read are threads that would share the
            # interpreter with the first frame and delay it (about 25 ms of CPU before `Ready`).
            self._opened()

    def get_default_screen(self) -> Screen:
        if self.loading is not None:
            from tui.ui.screens.loading import LoadingScreen  # only big files need it

            return LoadingScreen(self.loading, self.lang, partial(_load_for_explorer, self.loading))
        return MainScreen(self.facts, self.lang)

    def on_loading_screen_loaded(self, event: LoadingScreen.Loaded) -> None:
        """The big file is loaded: the explorer replaces the loading screen, or the app exits
        and the command line prints the file's problems, as `facts-tui check` does."""
        if isinstance(event.result, FactFileError):
            self.load_error = event.result
            self.exit(return_code=2)
            return
        self.loading = None
        self.facts = event.result
        self.lang = self._lang_asked or self.facts.meta.language
        self._show_title()
        # Over the loading screen, not instead of it: Textual cannot switch away from the first
        # screen (its switch_screen fails there). The loading screen stays below, idle, unseen.
        main = MainScreen(self.facts, self.lang)
        # Textual never reads the CSS_PATH of a first screen, so the explorer of a small file
        # has always been drawn without main.tcss; a pushed one would read it and look different.
        main.css_path = []
        self.push_screen(main)
        self._opened()
        self.call_after_refresh(_keep_for_good)

    @property
    def main(self) -> MainScreen:
        """The main screen, wherever it is in the stack (help or palette may be on top)."""
        return next(s for s in self.screen_stack if isinstance(s, MainScreen))

    def open_entity(self, entity_id: str) -> None:
        """Show an entity in its section, as a step in the history (palette, search)."""
        self._close_views()
        self.main.go_to(entity_id)

    def open_section(self, kind: str) -> None:
        self._close_views()
        self.main.action_show_section(kind)

    def _close_views(self) -> None:
        """Back to the explorer from the timeline or relationships (the palette opens over them)."""
        while isinstance(self.screen, ExplorerView):
            self.pop_screen()

    async def run_in_explorer(self, action: str) -> None:
        """Close the views and run one of the explorer's actions (a view passes its keys on)."""
        self._close_views()
        if isinstance(self.screen, MainScreen):
            await self.main.run_action(action)

    # -- search ---------------------------------------------------------------------------------

    @property
    def search_ready(self) -> bool:
        """Whether the search index of the current fact base is built."""
        return self.search.is_ready

    @property
    def search_index(self) -> SearchIndex:
        """The search index of the current fact base (built now, blocking, if it is not ready)."""
        return self.search.index

    def with_search_index(self, then: Callable[[], object]) -> None:
        """Run `then` once the index is ready, building it in a background thread if needed.

        Big files build it on first use rather than at start-up: the build holds the
        interpreter for long stretches, which would make the first seconds of browsing stutter.
        """
        if self.search.build() and len(self.facts) > EAGER_INDEX_LIMIT:
            self.notify(msg("toast.indexing", self.lang, n=len(self.facts)), timeout=3)
        self.search.when_ready(then)

    @work(thread=True, group="index", exit_on_error=False)
    def _build_search_index(self, facts: FactBase) -> None:
        """Build the index of `facts` off the event loop, and say how it went on the loop."""
        from tui.facts.search import SearchIndex  # a big module: imported when first needed

        try:
            index = SearchIndex.build(facts)
        except Exception as error:  # a bug, or memory: it costs the search, not the app
            self.call_from_thread(self._search_failed, error)
            return
        self.call_from_thread(self._search_built, facts, index)

    def _search_built(self, facts: FactBase, index: SearchIndex) -> None:
        self.search.built(facts, index)
        _keep_for_good()

    def _search_failed(self, error: Exception) -> None:
        """Say the search is unavailable, and why; the explorer goes on without it."""
        self.search.failed(error)
        self.main.search_unavailable()
        from tui.ui.screens.search import SearchScreen

        for screen in self.screen_stack:
            if isinstance(screen, SearchScreen):
                screen.search_unavailable()
        self._say_failed("toast.search_failed", error)

    _last_query = ""
    """What the search screen held when it last closed: `s` opens with it, selected."""

    async def open_search(self) -> None:
        """Open the search screen at once, even while the index is built: it takes the typing
        and shows the results when the index is ready. The entity chosen opens as a history step."""
        from tui.ui.screens.search import SearchScreen

        index = self.search_index if self.search_ready else None
        screen = SearchScreen(self.facts, index, self.lang, self._last_query)

        def opened(result: tuple[str, list[str]] | None) -> None:
            self._last_query = screen.query_text
            if result is not None:
                entity_id, hits = result
                self.main.set_hits(hits, hits.index(entity_id))
                self.open_entity(entity_id)

        # Awaited: the screen and its input are mounted before the next key is handled, so keys
        # typed right after `s` are typed into the search, not taken as commands.
        await self.push_screen(screen, opened)
        if index is None:
            self.with_search_index(lambda: screen.use_index(self.facts, self.search.index))

    quitting = False
    """Set by `exit`: keys still queued behind `q` must not start anything."""

    def exit(self, result: None = None, return_code: int = 0, message: RenderableType | None = None) -> None:
        self.quitting = True
        super().exit(result, return_code, message)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.loading is not None:  # nothing to act on yet
            return action == "quit"
        if action in self.hidden_actions:
            return False
        if action in ("undo", "redo") and self.screen.is_modal:  # not under a dialog or the help
            return False
        return not self.quitting

    # -- views ----------------------------------------------------------------------------------

    def _open_returned(self, entity_id: str | None) -> None:
        if entity_id is not None:
            self.open_entity(entity_id)

    def show_timeline(self, entity_id: str | None) -> None:
        """Everything dated, periods as bars; the first item of `entity_id` is selected."""
        from tui.ui.screens.timeline import TimelineScreen

        self._close_views()
        self.push_screen(TimelineScreen(self.facts, self.lang, entity_id), self._open_returned)

    def show_relations(self, entity_id: str | None) -> None:
        """The neighbourhood of `entity_id`, two hops out."""
        from tui.ui.screens.relations import RelationsScreen

        if entity_id is None:
            self.notify(msg("toast.nothing_selected", self.lang), timeout=2)
            return
        self._close_views()
        self.push_screen(RelationsScreen(self.facts, entity_id, self.lang), self._open_returned)

    def show_source(self, entity_id: str | None, field: str | None = None, entry: int | None = None) -> None:
        """The source view where `entity_id` is cited: at its provenance entry `entry` if given,
        else where `field` is cited, else at its first citation; a source from its top."""
        from tui.facts.source_rows import Place, where_cited

        entity = self.facts.get(entity_id or "")
        if entity is None:
            self.notify(msg("toast.nothing_selected", self.lang), timeout=2)
            return
        entries = getattr(entity, "provenance", ())
        if entry is not None and 0 <= entry < len(entries):
            cited = entries[entry]
            place: Place | None = Place(cited.source, cited.paragraph, entity.id, entry)
        else:
            place = where_cited(entity, field)
        if place is None:
            self.notify(msg("source_view.no_source", self.lang, id=entity.id), timeout=3, markup=False)
            return
        self.open_source_view(place)

    def open_source_view(self, place: Place) -> None:
        """A source's paragraphs with what cites each, at `place`; Enter opens an entity."""
        from tui.ui.screens.source_view import SourceViewScreen

        self._close_views()
        self.push_screen(SourceViewScreen(self.facts, place, self.lang), self._open_returned)

    def show_citations(self, entity_id: str | None, field: str | None = None) -> None:
        """The citations of `field` of `entity_id` (all of them when None), each with its source,
        paragraph and quote; the one chosen opens the source view there."""
        from tui.ui.screens.citation import CitationScreen

        entity = self.facts.get(entity_id or "")
        if entity is None:
            self.notify(msg("toast.nothing_selected", self.lang), timeout=2)
            return

        def chosen(place: Place | None) -> None:
            if place is not None:
                self.open_source_view(place)

        self.push_screen(CitationScreen(self.facts, entity, field, self.lang), chosen)

    # -- copy and export ------------------------------------------------------------------------

    def copy_markdown(self, entity_id: str | None) -> None:
        """Copy an entity as Markdown (OSC 52: works over SSH in terminals that allow it)."""
        from tui.facts.export import entity_markdown

        entity = self.facts.get(entity_id or "")
        if entity is not None:
            self.copy_to_clipboard(entity_markdown(self.facts, entity, self.lang))
            self.notify(msg("toast.copied_markdown", self.lang, id=entity.id), timeout=2, markup=False)

    def copy_id(self, entity_id: str | None) -> None:
        entity = self.facts.get(entity_id or "")
        if entity is not None:
            self.copy_to_clipboard(entity.id)
            self.notify(msg("toast.copied_id", self.lang, id=entity.id), timeout=2, markup=False)

    def open_export(self) -> None:
        """The export dialog, for the explorer's section."""
        from tui.ui.screens.export import ExportScreen

        def exported(paths: list[Path] | None) -> None:
            if paths:
                written = ", ".join(str(p) for p in paths[:3]) + (" …" if len(paths) > 3 else "")
                self.notify(msg("toast.exported", self.lang, paths=written), timeout=4, markup=False)

        self.push_screen(ExportScreen(self.facts, self.lang, self.main.section), exported)

    # -- editing the file -------------------------------------------------------------------------

    @property
    def hidden_actions(self) -> frozenset[str]:
        """The commands not offered here: those that write the file, in a browser (`facts-tui
        serve`) or when the facts come from no file."""
        from tui.ui.keymap import EDIT_ACTIONS

        facts = getattr(self, "facts", None)
        if self.is_web or facts is None or facts.path is None:
            return EDIT_ACTIONS
        return frozenset()

    @property
    def edits(self) -> EditService:
        """The one way the explorer writes its file (tui/ui/edit_service.py): checked, atomic, never
        over someone else's save; the session's changes, to undo and redo."""
        if self._edits is None:
            from tui.ui.edit_service import EditService

            assert self.facts.path is not None
            self._edits = EditService(self.facts.path)
            self._edits.loaded(self.facts, None)
        return self._edits

    async def save(self, planned: PlannedChange) -> Change | Refused | None:
        """Write `planned` through the edit service, in a thread: the explorer keeps its frames.

        The outcome: the Change written (said in a toast, the file loaded again, `planned.select`
        shown); Refused, with the reason in the user's words (a dialog shows it and stays open);
        None when the file had changed on disk and the user cancelled in the conflict dialog. On
        "reload and apply again" the file is loaded again and the same change planned on it."""
        from tui.facts.edit import ChangeError, FieldError, FileChangedError
        from tui.facts.edit.plan import Refused
        from tui.ui.edit_service import NothingToChange

        if "change_field" in self.hidden_actions:
            return Refused(msg("edit.not_here", self.lang))
        path = printable(str(self.facts.path))
        while True:
            try:
                change = await asyncio.to_thread(self.edits.apply, planned)
            except FileChangedError as conflict:
                if await self._ask_conflict(conflict.diff) != "reload":
                    return None
                refused = await self.reload_now()
                if refused is not None:
                    return refused
                continue
            except NothingToChange:
                return Refused(msg("edit.nothing_to_change", self.lang))
            except FactFileError as error:
                return Refused(f"{msg('edit.invalid', self.lang)}\n{error.format(self.lang)}")
            except (ChangeError, FieldError) as error:
                return Refused(msg("edit.bad_value", self.lang, error=error))
            except (OSError, UnicodeDecodeError) as error:
                reason = getattr(error, "strerror", None) or error
                return Refused(msg("edit.cannot_write", self.lang, path=path, error=reason))
            if planned.renamed is not None:
                self.main.renamed(*planned.renamed)  # history and trail follow before the reload
            self._written(change, msg("edit.written", self.lang, summary=change.summary), change.select)
            return change

    async def change_diff(self, planned: PlannedChange) -> str | Refused:
        """`planned` as a unified diff of the TOML, planned on the file as loaded; nothing written."""
        from tui.facts.edit import ChangeError, FieldError
        from tui.facts.edit.plan import Refused

        try:
            return await asyncio.to_thread(self.edits.diff, planned)
        except (ChangeError, FieldError) as error:
            return Refused(msg("edit.bad_value", self.lang, error=error))
        except (OSError, UnicodeDecodeError, FactFileError) as error:
            path = printable(str(self.facts.path))
            return Refused(msg("edit.cannot_write", self.lang, path=path, error=error))

    async def _ask_conflict(self, diff: str) -> str | None:
        """The conflict dialog's answer: "reload" (load the file again and apply the change to
        it) or None (cancel)."""
        from tui.ui.screens.conflict import ConflictScreen

        answer: asyncio.Future[str | None] = asyncio.get_running_loop().create_future()
        path = printable(str(self.facts.path))
        self.push_screen(ConflictScreen(path, diff, self.lang), answer.set_result)
        return await answer

    async def reload_now(self) -> Refused | None:
        """Load the file again and show it, waiting for it (the conflict dialog's reload); Refused
        when the file on disk is not a valid fact file now (its problems are shown too)."""
        assert self.facts.path is not None
        if self._watcher is not None:
            self._watcher.mark_seen()
        from tui.facts.edit.plan import Refused

        result, snapshot = await asyncio.to_thread(_load_with_snapshot, self.facts.path)
        await self._reloaded(result, snapshot, quiet=True)
        if isinstance(result, FactFileError):
            return Refused(f"{msg('edit.invalid_on_disk', self.lang)}\n{result.format(self.lang)}")
        return None

    def add_entity(self, kind: str) -> None:
        """The new-entity dialog for `kind` (the explorer's section); the new entity is selected."""
        from tui.ui.screens.new_entity import NewEntityScreen

        if "add_entity" in self.hidden_actions:
            return
        self._close_views()
        near = self.facts.get(self.main.current_entity_id or "")
        self.push_screen(NewEntityScreen(self.facts, kind, self.lang, near))

    def delete_entity(self, entity_id: str | None) -> None:
        """The delete dialog: what refers to the entity, listed before anything is written."""
        from tui.ui.screens.delete import DeleteScreen

        entity = self.facts.get(entity_id or "")
        if entity is None or "delete_entity" in self.hidden_actions:
            return
        self._close_views()
        self.push_screen(DeleteScreen(self.facts, entity, self.lang))

    def rename_entity(self, entity_id: str | None) -> None:
        """The rename dialog: a new id, and every reference, the history and the trail follow."""
        from tui.ui.screens.rename import RenameScreen

        entity = self.facts.get(entity_id or "")
        if entity is None or "rename_entity" in self.hidden_actions:
            return
        self._close_views()
        self.push_screen(RenameScreen(self.facts, entity, self.lang))

    def edit_form(self, entity_id: str | None) -> None:
        """The form for every field of the entity; its change is written as one (one undo step)."""
        from tui.ui.screens.edit_form import EditFormScreen

        entity = self.facts.get(entity_id or "")
        if entity is None or "edit_form" in self.hidden_actions:
            return
        self._close_views()
        form = EditFormScreen(
            self.facts, entity, self.lang, lambda: self.search_index, self.save, self.change_diff
        )
        self.push_screen(form)

    def change_field(self, entity_id: str | None) -> None:
        """The dialog that changes one field of the entity, checked, then written."""
        from tui.ui.screens.edit_field import EditFieldScreen

        entity = self.facts.get(entity_id or "")
        if entity is None or "change_field" in self.hidden_actions:
            return
        self._close_views()
        self.push_screen(EditFieldScreen(self.facts, entity, self.lang))

    def _written(self, change: Change, said: str, entity_id: str | None = None) -> None:
        """A change is on disk: say so, mark the title, show the new fact base and the entity.

        The edit service built the new fact base while it checked the change; only when it could
        not (or someone saved the file since) is the file loaded again."""
        self._show_title()
        self._select_after_reload = entity_id or (change.entity_ids[0] if change.entity_ids else None)
        self.notify(said, timeout=3, markup=False)
        written = self.edits.written()
        if written is not None and self._shows_own_write():
            if self._watcher is not None:
                self._watcher.mark_seen()
            self.call_later(self._reloaded, *written, True)
        else:
            self.action_reload()

    def open_in_editor(self, entity_id: str | None) -> None:
        """Open the file in $VISUAL or $EDITOR at the entity's line, the explorer suspended; then
        load it again, the same entity selected. The edit can be undone like any other."""
        from textual.app import SuspendNotSupported

        from tui.facts.edit.blocks import find
        from tui.ui.edit_service import Change, read_snapshot
        from tui.ui.editor import editor_argv, line_of, run_editor

        path = self.facts.path
        if path is None or "open_in_editor" in self.hidden_actions:
            return
        try:
            before = read_snapshot(path).data.decode("utf-8")
        except (OSError, UnicodeDecodeError, FactFileError) as error:
            self.notify(msg("edit.editor_failed", self.lang, error=error), severity="error", markup=False)
            return
        block = find(before, entity_id) if entity_id else None
        argv = editor_argv(os.environ, path, line_of(before, block.header) if block else 1)
        if argv is None:
            self.notify(msg("edit.no_editor", self.lang), severity="warning", timeout=6, markup=False)
            return
        try:
            with self.suspend():
                run_editor(argv)
        except SuspendNotSupported:
            self.notify(msg("edit.cannot_suspend", self.lang), severity="warning", markup=False)
            return
        except OSError as error:  # the editor is not installed, or not executable
            self.notify(
                msg("edit.editor_failed", self.lang, error=error.strerror or error),
                severity="error",
                timeout=8,
                markup=False,
            )
            return
        try:
            after: str | None = read_snapshot(path).data.decode("utf-8")
        except (OSError, UnicodeDecodeError, FactFileError):
            after = None  # gone or unreadable: the reload says what is wrong
        if after is not None and after != before:
            summary = msg("edit.edited_in_editor", self.lang, id=entity_id or printable(path.name))
            self.edits.record(Change(path, before, after, (), summary, entity_id))
            self._show_title()
        self._select_after_reload = entity_id
        self.action_reload()

    async def action_undo(self) -> None:
        """Write back the file as it was before the last change of this session."""
        await self._step_edits(undo=True)

    async def action_redo(self) -> None:
        """Write the last undone change again."""
        await self._step_edits(undo=False)

    async def _step_edits(self, undo: bool) -> None:
        from tui.facts.edit import FileChangedError

        session = self.edits
        if not (session.can_undo if undo else session.can_redo):
            self.notify(msg("edit.nothing_to_undo" if undo else "edit.nothing_to_redo", self.lang), timeout=2)
            return
        try:
            change = await asyncio.to_thread(session.undo if undo else session.redo)
        except IndexError:  # a second key pressed while the first was writing: it took the last one
            return
        except FileChangedError:
            path = printable(str(self.facts.path))
            self._refuse(undo, msg("edit.conflict", self.lang, path=path))
            return
        except FactFileError as error:
            self._refuse(undo, f"{msg('edit.invalid', self.lang)}\n{error.format(self.lang)}")
            return
        except OSError as error:
            path = printable(str(self.facts.path))
            self._refuse(undo, msg("edit.cannot_write", self.lang, path=path, error=error.strerror or error))
            return
        said = msg("edit.undone" if undo else "edit.redone", self.lang, summary=change.summary)
        self._written(change, said, change.select)

    def _refuse(self, undo: bool, why: str) -> None:
        title = msg("edit.undo_refused" if undo else "edit.redo_refused", self.lang)
        self.notify(why, title=title, severity="error", timeout=10, markup=False)

    # -- language -------------------------------------------------------------------------------

    def action_toggle_language(self) -> None:
        """Switch names, titles and amounts between Korean and English everywhere."""
        from tui.ui.screens.citation import CitationScreen  # a field's citations say them again too

        self.lang = "en" if self.lang == "ko" else "ko"
        self._show_title()
        self.main.set_language(self.lang)
        for screen in self.screen_stack:
            if isinstance(screen, ExplorerView | CitationScreen):
                screen.set_language(self.lang)
            screen.refresh_bindings()  # its key bar says the keys in the new language

    # -- reloading ------------------------------------------------------------------------------

    def _poll_file(self) -> None:
        assert self._watcher is not None
        if self._edits is not None and self._edits.busy:
            return  # a save of ours: its end says what to show, the next poll what else changed
        change = self._watcher.poll()
        if change == "changed" and not self._shows_own_write():
            self.action_reload()
        elif change == "missing":
            self.notify(
                msg("toast.file_gone", self.lang, path=printable(str(self.facts.path))),
                title=msg("toast.file_missing", self.lang),
                severity="warning",
                markup=False,
            )

    def _shows_own_write(self) -> bool:
        """Whether the file on disk is the one the edit service last wrote and has the fact base of
        (`_written` shows it): no need to load it again."""
        path = self.facts.path
        return self._edits is not None and path is not None and self._edits.wrote(_stamp_of(path))

    def action_reload(self) -> None:
        """Load the file again in the background; the current view stays until it is ready."""
        if self.facts.path is None:
            return
        if self._watcher is not None:
            self._watcher.mark_seen()
        self._load_again(self.facts.path)

    @work(thread=True, exclusive=True, group="reload", exit_on_error=False)
    def _load_again(self, path: Path) -> None:
        """Load `path` off the event loop; the result is shown unless a newer reload started."""
        try:
            result, snapshot = _load_with_snapshot(path)
        except Exception as error:  # a bug: the explorer goes on with what it has
            self.call_from_thread(self._say_failed, "toast.reload_failed", error)
            return
        if not get_current_worker().is_cancelled:
            self.call_from_thread(self._reloaded, result, snapshot)  # type: ignore[arg-type]  # mypy cannot solve Textual's `T | Awaitable[T]` for a coroutine

    async def _reloaded(
        self, result: FactBase | FactFileError, snapshot: Snapshot | None = None, quiet: bool = False
    ) -> None:
        if isinstance(result, FactFileError):
            await self.main.show_problems(result)
            return
        if self._edits is not None:
            self._edits.loaded(result, snapshot)
        self.facts = result
        self._show_title()
        self.main.use_facts(result)
        selected, self._select_after_reload = self._select_after_reload, None
        if selected is not None and selected in result and self.main.current_entity_id != selected:
            self.main.go_to(selected, record=False)
        name = printable(result.path.name) if result.path else ""
        if not quiet:
            self.notify(msg("reloaded", self.lang, name=name), timeout=2, markup=False)
        _keep_for_good()
        if len(result) <= EAGER_INDEX_LIMIT or self.search.waited_for:
            self.search.build()

    def _say_failed(self, what: str, error: Exception) -> None:
        """Say what failed, in words; the explorer keeps running on what it has."""
        self.notify(
            f"{type(error).__name__}: {error}",
            title=msg(what, self.lang),
            severity="error",
            timeout=10,
            markup=False,
        )

    # -- keys typed ahead ------------------------------------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        """Keys typed ahead go where the previous key moved the focus.

        Textual hands each key to the focused widget as it arrives, so keys typed together with
        `s` (or `/`) all go to the list before `s` has opened the search; by the time they come
        back unhandled, the search box has the focus and they would be lost. Such a key is sent
        again, now to the widget that has the focus.
        """
        if isinstance(event, events.Key):
            if not event.is_forwarded:
                self._key_targets[event] = self.focused or self.screen
            else:
                target = self._key_targets.pop(event, None)
                if target is not None and target is not (self.focused or self.screen):
                    self.post_message(events.Key(event.key, event.character))
                    return
        await super().on_event(event)

    def get_key_display(self, binding: Binding) -> str:
        """Keys in the key bar as the help names them (Esc, F1, Ctrl+P), Enter as ⏎ for room."""
        key = binding.key_display or binding.key
        return "⏎" if key == "enter" else key_name(key)

    def action_help(self) -> None:
        from tui.ui.screens.help import HelpScreen  # imported on first use: start-up time counts

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_command_palette(self) -> None:
        """The command palette, its prompt in the app's language."""
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(cast("App[object]", self)):
            placeholder = msg("palette.placeholder", self.lang)
            self.push_screen(CommandPalette(placeholder=placeholder, id="--command-palette"))

    def search_themes(self) -> None:
        """The theme picker (the palette's Theme command), its prompt in the app's language."""
        from textual.command import CommandPalette
        from textual.theme import ThemeProvider

        placeholder = msg("palette.themes_placeholder", self.lang)
        self.push_screen(CommandPalette(providers=[ThemeProvider], placeholder=placeholder))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        for _names, command in self.palette_commands(screen):
            yield command

    async def _run_command(self, command: Command) -> None:
        """Run a command chosen in the palette where its key would: on the app, on the view
        under the palette (the commands on an entity), else on the explorer."""
        if command.scope == "app":
            await self.run_action(command.action)
        elif command in ENTITY_COMMANDS and isinstance(self.screen, ExplorerView):
            await self.screen.run_action(command.action)
        else:
            await self.run_in_explorer(command.action)

    def palette_commands(self, screen: Screen) -> Iterable[tuple[tuple[str, ...], SystemCommand]]:
        """Every command the palette offers, in the app's language, with the names it is found
        by: Korean and English (`연표` finds Timeline in either language)."""
        providers = _providers()
        for textual_command in super().get_system_commands(screen):
            yield providers.textual_command(textual_command, self.lang)
        for command in SCREEN_COMMANDS + APP_COMMANDS:
            if not command.palette or command.action in self.hidden_actions:
                continue
            keys = msg("palette.key", self.lang, keys=", ".join(command.key_names))
            action = partial(self._run_command, command)
            yield command.names, SystemCommand(command.describe(self.lang), keys, action)


def _keep_for_good() -> None:
    """Hand every object alive now to the garbage collector's permanent generation, and turn the
    collector on (`facts-tui` starts with it off).

    After start-up, a reload or a search-index build, what is alive stays alive: modules, the
    fact base, the index, the screens. Python's full collections, every few thousand
    allocations, would walk all of it again each time: pauses of 20-70 ms at 100,000 entities,
    in the middle of a keystroke (benchmarks/explorer.py). Frozen objects are still freed by
    reference counting (the fact base of a previous reload is acyclic); only a reference cycle
    among them would never be collected.
    """
    gc.freeze()
    gc.enable()  # the command line keeps it off until the first frame (tui/cli.py)


def _providers():
    """The palette providers, imported when the palette first opens rather than at start-up."""
    import tui.ui.providers

    return tui.ui.providers


def _load_for_explorer(path: Path, progress: Progress) -> FactBase:
    """Load a big file for the loading screen (in its worker thread), with its link index built:
    at 100,000 entities that is 0.4 s the explorer's first frame would otherwise wait for."""
    facts = load(path, progress=progress)
    first = next(iter(facts), None)
    if first is not None:
        facts.backlinks(first.id)
    return facts


def _load_quietly(path) -> FactBase | FactFileError:
    """Load for a reload: a broken file is a result to show, not an error to raise."""
    try:
        return load(path)
    except FactFileError as error:
        return error


def _stamp_of(path: Path) -> tuple[int, int] | None:
    """The file's size and modification time, as the edit service stamps what it writes."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_size, status.st_mtime_ns


def _snapshot_quietly(path: Path) -> Snapshot | None:
    """The file's bytes for the edit service, or None when they cannot be read now."""
    from tui.ui.edit_service import read_snapshot

    try:
        return read_snapshot(path)
    except (OSError, FactFileError):
        return None


def _load_with_snapshot(path: Path) -> tuple[FactBase | FactFileError, Snapshot | None]:
    """Load for a reload, with the bytes the fact base came from (None if the file changed while
    it was loaded: the bytes would not be those of the fact base)."""
    snapshot = _snapshot_quietly(path)
    result = _load_quietly(path)
    try:
        status = os.stat(path)
    except OSError:
        return result, None
    if snapshot is None or (status.st_size, status.st_mtime_ns) != snapshot.stamp:
        return result, None
    return result, snapshot
