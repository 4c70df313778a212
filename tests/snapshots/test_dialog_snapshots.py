"""Snapshots of the explorer's dialogs, in Korean and English at 80x24: a new organization (`a`),
delete with its referrers listed (`D`), rename an id (`I`), the conflict dialog (the file changed on
disk while a rename was being saved), the edit form's reference picker, the export dialog (`e`) and
the relationships view (`R`, at the size and in the language test_feature_snapshots leaves out).

Each test works on a copy of the bundled file, in tmp_path made the working directory: a dialog
that could write writes there, and the conflict dialog's title names `facts.toml`, the same on
every run. Nothing is written before the shot but the conflict's "someone else's save".

Update after a deliberate change with
`pytest tests/snapshots/test_dialog_snapshots.py --snapshot-update`, then read every changed SVG
with /work/shared/tools/svg-text before accepting it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from screenshots import NARROW, Flow, wait_until
from tui.facts import load
from tui.facts.model import Language
from tui.ui.app import FactsApp

BUNDLED_FILE = Path(__file__).resolve().parents[2] / "facts.toml"

LANGS = pytest.mark.parametrize("lang", ["ko", "en"])


@pytest.fixture
def fact_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the bundled facts as `facts.toml` in the working directory (tmp_path)."""
    shutil.copyfile(BUNDLED_FILE, tmp_path / "facts.toml")
    monkeypatch.chdir(tmp_path)
    return Path("facts.toml")


def make_app(fact_file: Path, lang: Language) -> FactsApp:
    """The explorer on the copy, in `lang`, not watching the file (nothing timed)."""
    return FactsApp(load(fact_file), lang, watch=False)


def on_screen(name: str) -> Flow:
    async def wait(pilot: Pilot) -> None:
        await wait_until(pilot, lambda: type(pilot.app.screen).__name__ == name, name)

    return wait


def steady(pilot: Pilot) -> None:
    """Every input on the top screen with a cursor that does not blink: the same in every shot."""
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False


def at(entity_id: str, *keys: str, screen: str) -> Flow:
    """`entity_id` shown, `keys` pressed, once `screen` is up with its cursors steady."""

    async def flow(pilot: Pilot) -> None:
        await pilot.pause()
        pilot.app.open_entity(entity_id)  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.press(*keys)
        await on_screen(screen)(pilot)
        steady(pilot)
        await pilot.pause()

    return flow


async def new_organization(pilot: Pilot) -> None:
    """`a` on the organizations, a name typed in both languages: the id suggested from the English."""
    await pilot.pause()
    await pilot.press("1", "a")
    await on_screen("NewEntityScreen")(pilot)
    steady(pilot)
    dialog = pilot.app.screen
    dialog.query_one("#new-name-ko", Input).value = "대구 디지털 다리"
    dialog.query_one("#new-name-en", Input).value = "Daegu Digital Bridge"
    await wait_until(
        pilot, lambda: dialog.query_one("#new-id", Input).value == "daegu-digital-bridge", "the suggested id"
    )


async def rename_conflict(pilot: Pilot) -> None:
    """A rename of `dip` saved after another program appended a line to the file."""
    await at("dip", "I", screen="RenameScreen")(pilot)
    pilot.app.screen.query_one(Input).value = "daegu-dip"
    path = Path("facts.toml")
    path.write_text(path.read_text(encoding="utf-8") + "# saved by someone else\n", encoding="utf-8")
    await pilot.press("enter")
    await on_screen("ConflictScreen")(pilot)


async def reference_picker(pilot: Pilot) -> None:
    """The edit form (`C`) on LVIS, Enter on its parent: the organizations to pick from."""
    await at("lvis", "C", screen="EditFormScreen")(pilot)
    form = pilot.app.screen
    parent = next(w for w, path in form._paths().items() if path == "parent")  # type: ignore[attr-defined]
    parent.focus()
    await pilot.press("enter")
    await on_screen("RefPickerScreen")(pilot)
    steady(pilot)
    picker = pilot.app.screen
    await wait_until(pilot, lambda: bool(picker.ids), "the organizations listed")  # type: ignore[attr-defined]


@LANGS
def test_new_entity(snap_compare, fact_file: Path, lang: Language) -> None:
    assert snap_compare(make_app(fact_file, lang), terminal_size=NARROW, run_before=new_organization)


@LANGS
def test_delete_lists_the_referrers(snap_compare, fact_file: Path, lang: Language) -> None:
    flow = at("dip", "D", screen="DeleteScreen")
    assert snap_compare(make_app(fact_file, lang), terminal_size=NARROW, run_before=flow)


@LANGS
def test_rename(snap_compare, fact_file: Path, lang: Language) -> None:
    flow = at("dip", "I", screen="RenameScreen")
    assert snap_compare(make_app(fact_file, lang), terminal_size=NARROW, run_before=flow)


@LANGS
def test_conflict(snap_compare, fact_file: Path, lang: Language) -> None:
    assert snap_compare(make_app(fact_file, lang), terminal_size=NARROW, run_before=rename_conflict)


@LANGS
def test_reference_picker(snap_compare, fact_file: Path, lang: Language) -> None:
    assert snap_compare(make_app(fact_file, lang), terminal_size=NARROW, run_before=reference_picker)


@LANGS
def test_export(snap_compare, fact_file: Path, lang: Language) -> None:
    flow = at("lvis", "e", screen="ExportScreen")
    assert snap_compare(make_app(fact_file, lang), terminal_size=NARROW, run_before=flow)


@LANGS
def test_relationships(snap_compare, fact_file: Path, lang: Language) -> None:
    flow = at("lvis", "R", screen="RelationsScreen")
    assert snap_compare(make_app(fact_file, lang), terminal_size=NARROW, run_before=flow)
