"""The export dialog's second Enter replaces a file and keeps its mode (it shares the CLI's writer)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from screen_text import settle

from tui.ui.screens.export import ExportScreen
from tui.ui.screens.main import MainScreen

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


async def test_overwriting_from_the_dialog_keeps_the_mode(make_app, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "facts-export.md"  # the dialog's suggested name
    target.write_text("my notes\n", encoding="utf-8")
    target.chmod(0o644)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, ExportScreen)
        await pilot.press("enter")  # warns: the file exists
        await settle(pilot)
        assert isinstance(app.screen, ExportScreen)
        await pilot.press("enter")  # replaces it
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
    assert target.read_text(encoding="utf-8").startswith("# ")
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert [p.name for p in tmp_path.iterdir()] == [target.name]
