"""`facts-tui BIG_FILE`: the frame paints at once, a progress bar shows while the file loads, only
the quit keys work meanwhile, then the explorer appears; a bad big file is reported as
`facts-tui check` reports it, after the screen is gone. Small files open as before, with no
loading screen.

The bundled file stands in for a big one (`LOADING_SCREEN_BYTES` lowered); a gated loader keeps
it loading for as long as a test needs.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from screen_text import active_section, squeeze, visible_lines, visible_text
from textual.pilot import Pilot

import tui.ui.app as app_module
from tui import cli
from tui.commands import open as open_command
from tui.facts import ENTITY_KINDS, load
from tui.ui.app import FactsApp
from tui.ui.screens.loading import LoadingScreen
from tui.ui.screens.main import MainScreen
from tui.ui.widgets.entity_list import EntityList

REPO = Path(__file__).resolve().parents[2]
BUNDLED = REPO / "facts.toml"

Script = Callable[[Pilot], Awaitable[None]]


class GatedLoad:
    """Stands in for `load`: reports progress until released, then loads the file for real.

    Like the real loader, it stops when its progress callback raises (the app quitting).
    """

    def __init__(self) -> None:
        self.started = threading.Event()
        self.release = threading.Event()
        self.cancelled = False

    def __call__(self, path: Path, progress=None, **kwargs):
        self.started.set()
        deadline = time.monotonic() + 30  # a safety net: a broken quit must not hang the suite
        while not self.release.wait(0.01) and time.monotonic() < deadline:
            try:
                progress(0.25, 1234)
            except BaseException:
                self.cancelled = True
                raise
        return load(path, progress=progress, **kwargs)

    async def until_started(self, pilot: Pilot) -> None:
        while not self.started.is_set():
            await pilot.pause(0.01)


@pytest.fixture
def big(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file counts as big; the progress shows at once."""
    monkeypatch.setattr(open_command, "LOADING_SCREEN_BYTES", 0)
    monkeypatch.setattr(LoadingScreen, "SHOW_AFTER_SECONDS", 0.001)
    monkeypatch.setattr(LoadingScreen, "POLL_SECONDS", 0.02)


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch, big: None) -> GatedLoad:
    gated = GatedLoad()
    monkeypatch.setattr(app_module, "load", gated)
    return gated


def run_cli(monkeypatch: pytest.MonkeyPatch, argv: list[str], script: Script | None) -> int:
    """`facts-tui ARGV` with the explorer headless, driven by `script` (None: nobody types)."""
    real_run = FactsApp.run

    def run_headless(self: FactsApp, *args, **kwargs):
        return real_run(self, headless=True, size=(100, 30), auto_pilot=script)

    monkeypatch.setattr(FactsApp, "run", run_headless)
    return cli.main(argv)


async def until_explorer(pilot: Pilot) -> None:
    for _ in range(500):
        if isinstance(pilot.app.screen, MainScreen) and pilot.app.screen.query(EntityList):
            await pilot.pause()
            return
        await pilot.pause(0.01)
    raise AssertionError("the explorer never appeared")


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--lang", "en"], ["Loading facts.toml… 1,234 entities", "facts.toml · loading"]),
        ([], ["facts.toml 불러오는 중… 1,234개 항목", "facts.toml · 불러오는 중"]),  # the file's language
    ],
    ids=["--lang en", "file's language"],
)
def test_the_frame_and_a_progress_bar_show_while_the_file_loads_then_the_explorer(
    monkeypatch: pytest.MonkeyPatch, gate: GatedLoad, argv: list[str], words: list[str]
) -> None:
    seen: dict[str, object] = {}

    async def user(pilot: Pilot) -> None:
        await gate.until_started(pilot)
        await pilot.pause(0.1)
        seen["screen"] = type(pilot.app.screen)
        seen["loading"] = squeeze(visible_text(pilot.app))
        seen["title"] = visible_lines(pilot.app)[0]
        seen["keys"] = visible_lines(pilot.app)[-1]
        gate.release.set()
        await until_explorer(pilot)
        seen["explorer"] = visible_lines(pilot.app)[0]
        await pilot.press("q")

    assert run_cli(monkeypatch, ["open", *argv, str(BUNDLED)], user) == 0
    facts = load(BUNDLED)
    assert seen["screen"] is LoadingScreen
    for word in words:
        assert word in seen["loading"]
    assert "25%" in seen["loading"]
    assert seen["keys"].split()[0] == "q" and len(seen["keys"].split()) == 2  # q quits; nothing else
    assert facts.meta.title.split(" ")[0] in seen["title"]  # the file's own title, read from its head
    assert f"{len(facts)}" in seen["explorer"]  # the explorer's title bar counts the entities


def test_keys_typed_while_loading_are_swallowed_not_run_in_the_explorer(
    monkeypatch: pytest.MonkeyPatch, gate: GatedLoad
) -> None:
    seen: dict[str, object] = {}

    async def user(pilot: Pilot) -> None:
        await gate.until_started(pilot)
        # A section, the search, the timeline, the palette, moves, and Enter: none may happen.
        await pilot.press("2", "slash", "t", "ctrl+p", "down", "down", "enter", "x", "escape")
        seen["still loading"] = isinstance(pilot.app.screen, LoadingScreen)
        gate.release.set()
        await until_explorer(pilot)
        app = pilot.app
        seen["stack"] = [type(s).__name__ for s in app.screen_stack]
        seen["section"] = active_section(app)
        seen["cursor"] = app.screen.query_one(EntityList).cursor
        await pilot.press("q")

    assert run_cli(monkeypatch, ["open", str(BUNDLED)], user) == 0
    assert seen["still loading"]
    assert seen["stack"][-1] == "MainScreen"  # no search, timeline or palette on top
    assert seen["section"] == ENTITY_KINDS[0]
    assert seen["cursor"] == 0


@pytest.mark.parametrize("key", ["q", "ctrl+c"])
def test_q_and_ctrl_c_quit_while_loading_and_stop_the_loader(
    monkeypatch: pytest.MonkeyPatch, gate: GatedLoad, capsys: pytest.CaptureFixture[str], key: str
) -> None:
    async def user(pilot: Pilot) -> None:
        await gate.until_started(pilot)
        await pilot.press(key)

    start = time.monotonic()
    assert run_cli(monkeypatch, ["open", str(BUNDLED)], user) == 0
    assert time.monotonic() - start < 15  # not the gate's 30 s: the loader was stopped
    assert gate.cancelled
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err and err == ""


def test_a_big_bad_file_never_opens_and_is_reported_as_check_reports_it(
    monkeypatch: pytest.MonkeyPatch, big: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "broken.toml"
    bad.write_text(BUNDLED.read_text(encoding="utf-8") + '\n[[organizations]]\nid = "Not An Id"\n', "utf-8")
    assert cli.main(["check", str(bad)]) == 2
    checked = capsys.readouterr()

    opened_explorer: list[bool] = []
    real_push = FactsApp.push_screen

    def push_screen(self: FactsApp, screen, *args, **kwargs):
        opened_explorer.append(isinstance(screen, MainScreen))
        return real_push(self, screen, *args, **kwargs)

    monkeypatch.setattr(FactsApp, "push_screen", push_screen)
    assert run_cli(monkeypatch, ["open", str(bad)], None) == 2  # the app exits by itself
    opened = capsys.readouterr()
    assert not any(opened_explorer)
    assert opened.err == checked.err and "Not An Id" in opened.err
    assert "Traceback" not in opened.out + opened.err


def test_a_loader_that_fails_is_reported_in_words(
    monkeypatch: pytest.MonkeyPatch, big: None, capsys: pytest.CaptureFixture[str]
) -> None:
    def out_of_memory(path: Path, progress=None, **kwargs):
        raise MemoryError("no room")

    monkeypatch.setattr(app_module, "load", out_of_memory)
    assert run_cli(monkeypatch, ["open", str(BUNDLED)], None) == 2
    out, err = capsys.readouterr()
    assert "MemoryError: no room" in err and str(BUNDLED) in err
    assert "Traceback" not in out + err


def test_a_small_file_opens_the_explorer_straight_away(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, object] = {}

    async def user(pilot: Pilot) -> None:
        seen["stack"] = [type(s).__name__ for s in pilot.app.screen_stack]
        await pilot.press("q")

    assert BUNDLED.stat().st_size < open_command.LOADING_SCREEN_BYTES
    assert run_cli(monkeypatch, ["open", str(BUNDLED)], user) == 0
    assert seen["stack"] == ["MainScreen"]


def test_opening_the_explorer_imports_no_other_command() -> None:
    """The other commands' modules (search, export, editing) would slow the first frame."""
    code = (
        "import sys\n"
        "from tui import cli\n"
        "from tui.ui.app import FactsApp\n"
        "FactsApp.run = lambda self, *a, **k: None\n"
        "cli.main([sys.argv[1]])\n"
        "commands = {f'tui.commands.{cli.MODULE_OF.get(n, n)}' for n in cli.COMMAND_MODULES}\n"
        "print(sorted(m for m in sys.modules if m in commands))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(BUNDLED)], capture_output=True, text=True, check=True, cwd=REPO
    )
    assert done.stdout.split() == ["['tui.commands.open']"]  # the settings module is no command
