"""Snapshots of the explorer's screens (pytest-textual-snapshot).

The flows are `tui.screenshots`'s, the ones the README's screenshots are taken with.
Update after a deliberate change with `pytest tests/snapshots --snapshot-update`, then look at
every changed SVG before accepting it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from tui.app import FactsApp
from tui.facts import load
from tui.screenshots import NARROW, WIDE, Flow, entity, help_screen, light_theme, main_screen, palette

FACTS = load(Path(__file__).resolve().parents[2] / "facts.toml")


def make_app() -> FactsApp:
    """A fresh explorer on the bundled facts, in the file's language (Korean)."""
    return FactsApp(FACTS, FACTS.meta.language)


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
    assert FACTS.get(entity_id) is not None, f"{entity_id} is no longer in facts.toml"
    assert snap_compare(make_app(), terminal_size=WIDE, run_before=entity(entity_id))


def test_help_screen(snap_compare) -> None:
    assert snap_compare(make_app(), terminal_size=WIDE, run_before=help_screen)


def test_help_screen_light_narrow(snap_compare) -> None:
    assert snap_compare(make_app(), terminal_size=NARROW, run_before=then(light_theme, help_screen))


def test_command_palette_with_a_query(snap_compare) -> None:
    assert snap_compare(make_app(), terminal_size=WIDE, run_before=palette("LVIS", "lvis-daegu-branch"))


def test_the_screenshot_script_writes_an_svg(tmp_path: Path) -> None:
    from tui import screenshots

    assert screenshots.main(["--out", str(tmp_path), "--only", "narrow"]) == 0
    svg = (tmp_path / "narrow.svg").read_text(encoding="utf-8")
    assert svg.startswith("<svg") and "daegu-city" in svg
