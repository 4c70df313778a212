"""Copying the shown entity (y, Y) and exporting the file (e): what is copied, what is written, and
that an existing file is never replaced without a second Enter."""

from __future__ import annotations

from pathlib import Path

from screen_text import assert_showing, notices, settle, squeeze, visible_text
from textual.widgets import Input

from tui.facts.export import from_json
from tui.facts.messages import msg
from tui.ui.screens.export import ExportScreen
from tui.ui.screens.main import MainScreen

SIZE = (120, 40)


def dialog_message(app) -> str:
    return squeeze(visible_text(app, app.screen.query_one("#export-message")))


async def test_y_copies_the_entity_as_markdown_and_shift_y_its_id(make_app, facts, monkeypatch) -> None:
    app = make_app()
    copied: list[str] = []
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    agreement = facts["mou-core-automotive"]
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("2", "j")
        await assert_showing(pilot, agreement)
        await pilot.press("y")
        assert len(copied) == 1
        markdown = copied[0]
        assert markdown.startswith("## 대구시-㈜코아오토모티브 업무 협약\n")
        assert "`mou-core-automotive`" in markdown
        assert "760억 원 (KRW 76.0 billion)" in markdown  # the investment, as the detail pane shows it
        assert notices(app) == [msg("toast.copied_markdown", app.lang, id="mou-core-automotive")]

        await pilot.press("Y")
        assert copied[1:] == ["mou-core-automotive"]
        assert notices(app)[-1] == msg("toast.copied_id", app.lang, id="mou-core-automotive")
        await assert_showing(pilot, agreement)  # copying changes nothing on screen


async def open_export(pilot, path: str | None = None) -> Input:
    """`e`, then (if given) replace the suggested path with `path` as a user would type it."""
    await pilot.press("e")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ExportScreen)
    field = pilot.app.screen.query_one(Input)
    assert pilot.app.focused is field
    if path is not None:
        await pilot.press("ctrl+u", *path)
    return field


async def test_e_writes_markdown_never_overwrites_without_a_second_enter_esc_cancels(
    make_app, facts, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)  # the dialog's paths are relative to where the explorer runs
    target = tmp_path / "facts-export.md"
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        field = await open_export(pilot)
        assert field.value == target.name  # the suggested name
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        assert list(tmp_path.iterdir()) == []
        assert notices(app) == []

        await open_export(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        briefing = target.read_text(encoding="utf-8")
        assert briefing.startswith(f"# {facts.meta.title}\n")
        assert "### 엘비스" in briefing and "760억 원" in briefing
        assert notices(app) == [msg("toast.exported", app.lang, paths="facts-export.md")]

        # The file exists now (and the user has edited it): Enter warns and writes nothing.
        target.write_text("my notes\n", encoding="utf-8")
        await open_export(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ExportScreen)
        warning = msg("export.exists", app.lang, path="facts-export.md")
        assert dialog_message(app) == warning
        assert target.read_text(encoding="utf-8") == "my notes\n"
        assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no temporary file left

        # Editing the path forgets that warning: Enter on the same file warns again.
        await pilot.press("end", "backspace", "d", "enter")  # .md → .m → .md
        await settle(pilot)
        assert isinstance(app.screen, ExportScreen)
        assert dialog_message(app) == warning
        assert target.read_text(encoding="utf-8") == "my notes\n"

        # A second Enter replaces it.
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert target.read_text(encoding="utf-8") == briefing
        assert notices(app)[-1] == msg("toast.exported", app.lang, paths="facts-export.md")


async def test_a_json_export_loads_back(make_app, facts, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_export(pilot, "a.json")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
    path = tmp_path / "a.json"
    loaded = from_json(path.read_text(encoding="utf-8"), path)
    assert [e.id for e in loaded] == [e.id for e in facts]
    assert loaded["mou-core-automotive"] == facts["mou-core-automotive"]
    assert loaded.meta == facts.meta
