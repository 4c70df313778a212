"""A snapshot of the explorer on the markup fixture (tests/fixtures/hostile/markup.toml).

Every name, alias, summary and quote in that file is Rich/Textual markup (`[/bold]`,
`[@click=app.quit]`, `[link=https://example.com]x[/link]`, `[KRW]`); the snapshot shows it
printed as written, unstyled. Update with `pytest tests/snapshots/test_hostile_snapshot.py
--snapshot-update`, then look at the SVG (e.g. `rsvg-convert -w 1400 x.svg -o x.png`) before
accepting it.
"""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from tui.facts import load
from tui.ui.app import FactsApp

MARKUP = Path(__file__).resolve().parents[1] / "fixtures" / "hostile" / "markup.toml"


async def settled(pilot: Pilot) -> None:
    await pilot.pause()
    detail = pilot.app.screen.query_one("DetailPane")
    assert getattr(detail, "entity", None) is not None and detail.entity.id == "evil"


def test_markup_is_shown_as_written(snap_compare) -> None:
    facts = load(MARKUP)
    app = FactsApp(facts, "en", watch=False)
    assert snap_compare(app, terminal_size=(120, 40), run_before=settled)
