"""Snapshots of the source view (`p` on the source, then `6`: what comes from paragraph 6) in both
languages at 80x24, and of the citations of a field (`i` on LVIS's founding year).

Update after a deliberate change with
`pytest tests/snapshots/test_source_view_snapshots.py --snapshot-update`, then read every changed
SVG with /work/shared/tools/svg-text against facts.toml before accepting it.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from textual.pilot import Pilot

from screenshots import NARROW
from tui.facts import FactBase, load
from tui.facts.model import Language
from tui.ui.app import FactsApp
from tui.ui.widgets.detail import DetailPane

BUNDLED_FILE = Path(__file__).resolve().parents[2] / "facts.toml"


@functools.cache
def bundled() -> FactBase:
    return load(BUNDLED_FILE)


async def paragraph_six(pilot: Pilot) -> None:
    """The Sources section, `p` on its source, `6`."""
    await pilot.pause()
    await pilot.press("6", "p")
    await pilot.pause()
    await pilot.press("6")
    await pilot.pause()


async def founded_citation(pilot: Pilot) -> None:
    """LVIS in the detail pane, the cursor on its founding year, `i`."""
    await pilot.pause()
    pilot.app.main.go_to("lvis")  # type: ignore[attr-defined]
    await pilot.pause()
    await pilot.press("tab")
    detail = pilot.app.screen.query_one(DetailPane)
    while detail.highlighted_field != "founded":
        await pilot.press("down")
    await pilot.press("i")
    await pilot.pause()


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_source_view_paragraph_six(snap_compare, lang: Language) -> None:
    app = FactsApp(bundled(), lang, watch=False)  # no file polling: nothing timed
    assert snap_compare(app, terminal_size=NARROW, run_before=paragraph_six)


def test_citation_of_a_field(snap_compare) -> None:
    app = FactsApp(bundled(), "ko", watch=False)
    assert snap_compare(app, terminal_size=NARROW, run_before=founded_citation)
