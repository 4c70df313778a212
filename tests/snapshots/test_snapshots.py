"""Snapshots of the explorer's screens (pytest-textual-snapshot).

The flows are `tests/screenshots.py`'s, the ones the README's screenshots are taken with.
Update after a deliberate change with `pytest tests/snapshots --snapshot-update`, then look at
every changed SVG before accepting it.
"""

from __future__ import annotations

import ast
import functools
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from textual.pilot import Pilot

from screenshots import NARROW, WIDE, Flow, entity, help_screen, light_theme, main_screen, palette
from tui.facts import FactBase, load
from tui.ui.app import FactsApp

BUNDLED_FILE = Path(__file__).resolve().parents[2] / "facts.toml"


@functools.cache
def bundled() -> FactBase:
    """The bundled facts, loaded on first use: inside a test, never at import (tests/conftest.py
    points the cache at a private directory before that, but collection must not depend on it)."""
    return load(BUNDLED_FILE)


def make_app() -> FactsApp:
    """A fresh explorer on the bundled facts, in the file's language (Korean), not watching the file."""
    facts = bundled()
    return FactsApp(facts, facts.meta.language, watch=False)  # no file polling: nothing timed


def then(*flows: Flow) -> Flow:
    """One flow after another."""

    async def flow(pilot: Pilot) -> None:
        for step in flows:
            await step(pilot)

    return flow


@pytest.mark.parametrize("size", [NARROW, WIDE], ids=["80x24", "120x40"])
@pytest.mark.parametrize("theme", ["dark", "light"])
def test_main_screen(snap_compare, size: tuple[int, int], theme: str) -> None:
    flow = main_screen if theme == "dark" else light_theme
    assert snap_compare(make_app(), terminal_size=size, run_before=flow)


@pytest.mark.parametrize(
    "entity_id",
    ["mou-digital-brain", "motor-valley", "lee-jin-hyung"],
    ids=["agreement", "project", "person"],
)
def test_entity_detail(snap_compare, entity_id: str) -> None:
    assert bundled().get(entity_id) is not None, f"{entity_id} is no longer in facts.toml"
    assert snap_compare(make_app(), terminal_size=WIDE, run_before=entity(entity_id))


def test_help_screen(snap_compare) -> None:
    assert snap_compare(make_app(), terminal_size=WIDE, run_before=help_screen)


def test_help_screen_light_narrow(snap_compare) -> None:
    assert snap_compare(make_app(), terminal_size=NARROW, run_before=then(light_theme, help_screen))


def test_command_palette_with_a_query(snap_compare) -> None:
    assert snap_compare(make_app(), terminal_size=WIDE, run_before=palette("LVIS", "lvis-daegu-branch"))


def test_the_screenshot_script_writes_an_svg(tmp_path: Path) -> None:
    import screenshots

    assert screenshots.main(["--out", str(tmp_path), "--only", "narrow"]) == 0
    svg = (tmp_path / "narrow.svg").read_text(encoding="utf-8")
    assert svg.startswith("<svg") and "daegu-city" in svg


def test_the_cache_used_by_tests_is_a_private_temporary_directory(private_cache_dir: Path) -> None:
    from tui.facts import cache

    used = cache.cache_dir()
    assert used == private_cache_dir
    assert used.is_relative_to(Path(tempfile.gettempdir()))
    assert not used.is_relative_to(Path.home())


def test_collecting_and_running_snapshot_tests_leaves_the_user_cache_alone(tmp_path: Path) -> None:
    """pytest in a fresh home directory, without our cache override: collecting the snapshot
    modules and running a test that loads the bundled file writes nothing under that home."""
    home, xdg_cache = tmp_path / "home", tmp_path / "xdg-cache"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("FACTS_TUI_CACHE_DIR", "FACTS_TUI_NO_CACHE")}
    env.update(HOME=str(home), XDG_CACHE_HOME=str(xdg_cache))
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "tests/snapshots",
            "-k",
            "screenshot_script",
        ],
        cwd=BUNDLED_FILE.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0 and "1 passed" in run.stdout, run.stdout + run.stderr
    written = sorted(str(p) for top in (home, xdg_cache) if top.exists() for p in top.rglob("*"))
    assert not written, f"the tests wrote to the user's directories: {written}"


@pytest.mark.parametrize("module", sorted(Path(__file__).parent.glob("test_*.py")), ids=lambda p: p.stem)
def test_snapshots_are_taken_at_a_set_size_of_an_app_that_polls_nothing(module: Path) -> None:
    """A snapshot must not depend on the terminal running the tests, nor on a timer: every
    `snap_compare` names its terminal size and every app in a snapshot module has its file
    watcher off (flows that type into an Input stop its cursor blinking themselves)."""
    calls = [
        node for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))) if isinstance(node, ast.Call)
    ]

    def keyword(call: ast.Call, name: str) -> ast.expr | None:
        return next((k.value for k in call.keywords if k.arg == name), None)

    for call in calls:
        called = call.func.id if isinstance(call.func, ast.Name) else None
        if called == "snap_compare":
            assert keyword(call, "terminal_size") is not None, (
                f"{module.name}:{call.lineno}: no terminal_size"
            )
        if called == "FactsApp":
            watch = keyword(call, "watch")
            assert isinstance(watch, ast.Constant) and watch.value is False, f"{module.name}:{call.lineno}"
