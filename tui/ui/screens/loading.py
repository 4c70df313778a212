"""What the explorer shows while a big fact file loads: the frame at once, then a progress bar.

The file is read in a thread worker started after the first frame, so the frame is painted as
fast as for a small file. Only the quit keys work here (q, Ctrl+Q, Ctrl+C); every other key is
swallowed, so nothing typed meanwhile reaches the explorer that replaces this screen.

Its style is DEFAULT_CSS, not a .tcss file: Textual does not read the CSS_PATH of the first screen.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import ProgressBar, Static
from textual.worker import Worker, WorkerState, get_current_worker

from tui.facts import FactBase
from tui.facts.messages import Said, msg
from tui.facts.model import Language
from tui.facts.problems import FactFileError, LoadCancelled, Problem
from tui.facts.sanitize import printable
from tui.ui.widgets.bars import KeyBar, TitleBar

Progress = Callable[[float, int], None]
"""`progress(fraction, entities)`, as `tui.facts.load.load` calls it."""

QUIT_KEYS = frozenset({"q", "ctrl+q", "ctrl+c"})
"""Keys that reach the app's bindings while loading; the rest are swallowed."""


class LoadingScreen(Screen):
    """The file's name, the entities read so far and a progress bar, until the file is loaded."""

    # Fixed sizes: a new count or percentage repaints two lines, never lays the screen out again
    # (a layout every poll took a tenth of the loader's time at 100,000 entities).
    DEFAULT_CSS = """
    LoadingScreen {
        align: center middle;
    }
    #loading-box {
        display: none;
        width: 60;
        max-width: 100%;
        height: 3;
    }
    #loading-label {
        width: 100%;
        height: 1;
        margin-bottom: 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """
    BINDINGS = [Binding("ctrl+c", "app.quit", "Quit", show=False)]

    POLL_SECONDS = 0.2
    """How often the progress bar catches up with the loader."""
    SHOW_AFTER_SECONDS = 0.25
    """A file that loads faster than this never shows its progress bar: no flash."""

    class Loaded(Message):
        """The load ended: the fact base, or every problem in the file."""

        def __init__(self, result: FactBase | FactFileError) -> None:
            super().__init__()
            self.result = result

    def __init__(self, path: Path, lang: Language, loader: Callable[[Progress], FactBase]) -> None:
        """`loader(progress)` loads the file at `path` (the app gives it: screens read no files)."""
        super().__init__()
        self.path = path
        self.lang: Language = lang
        self._name = printable(path.name)
        self._loader = loader
        self._poll: Timer | None = None
        self._progress: tuple[float, int] = (0.0, 0)
        """Where the loader is: set by its thread, read by the poll (one tuple: an atomic swap)."""

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="loading-box"):
            yield Static(Content(msg("loading.file", self.lang, name=self._name)), id="loading-label")
            yield ProgressBar(total=1.0, show_eta=False, id="loading-bar")
        yield KeyBar()

    def on_mount(self) -> None:
        # Start the loader once the first frame is out: it would compete with it for the GIL.
        self.call_after_refresh(self._start)
        self.set_timer(self.SHOW_AFTER_SECONDS, self._reveal)

    def _start(self) -> None:
        self.run_worker(self._load, thread=True, group="load", exit_on_error=False)
        self._poll = self.set_interval(self.POLL_SECONDS, self._show_progress)

    def _reveal(self) -> None:
        self.query_one("#loading-box").display = True
        self._show_progress()

    def _load(self) -> FactBase | FactFileError | None:
        worker = get_current_worker()

        def progress(fraction: float, entities: int) -> None:
            if worker.is_cancelled:  # the app is quitting: stop at the next piece
                raise LoadCancelled
            self._progress = (fraction, entities)

        try:
            return self._loader(progress)
        except FactFileError as error:
            return error
        except LoadCancelled:
            return None

    def _show_progress(self) -> None:
        fraction, entities = self._progress
        if fraction >= 1.0:
            text = msg("loading.checking", self.lang, name=self._name, n=entities)
        elif entities:
            text = msg("loading.entities", self.lang, name=self._name, n=entities)
        else:
            text = msg("loading.file", self.lang, name=self._name)
        self.query_one("#loading-label", Static).update(Content(text))  # a file name: never markup
        self.query_one(ProgressBar).progress = fraction

    def on_key(self, event: events.Key) -> None:
        if event.key not in QUIT_KEYS:
            event.stop()  # before the app's bindings see it: nothing is run, nothing is queued

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group != "load" or not worker.is_finished:
            return
        if self._poll is not None:
            self._poll.stop()
        if event.state == WorkerState.SUCCESS and worker.result is not None:
            self.post_message(self.Loaded(worker.result))
        elif event.state == WorkerState.ERROR:  # a bug or no memory: said in words, never a traceback
            error = worker.error
            problem = Problem(Said("problem.cannot_load", detail=f"{type(error).__name__}: {error}"))
            self.post_message(self.Loaded(FactFileError(self.path, [problem])))
