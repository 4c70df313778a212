"""Curating the fact file from the explorer: `E` opens the user's editor at the entity, `c` changes
one field through a checked dialog, `u` / `U` undo and redo the session's changes.

Every test edits a copy of the bundled facts.toml in tmp_path. The editor is a stand-in Python
script that records its arguments and changes the file at the line it is given. Textual cannot
hand a headless test's terminal to a program (`App.suspend` raises there), so the Pilot test of
`E` swaps `suspend` for a no-op; the command line an editor gets is tested on its own.
"""

from __future__ import annotations

import contextlib
import json
import shlex
import sys
from pathlib import Path

import pytest
from screen_text import settle, shown, squeeze, visible_text
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from screenshots import wait_until
from tui.facts import FactBase, FactFileError, load, loads
from tui.facts.bundled import bundled_fact_file
from tui.facts.edit import FileChangedError
from tui.facts.edit.change import set_field
from tui.facts.edit.form import form_fields, preview
from tui.facts.edit.plan import set_fields
from tui.facts.edit.values import parse
from tui.facts.messages import msg
from tui.ui.app import FactsApp
from tui.ui.edit_service import EditService, read_snapshot
from tui.ui.editor import editor_argv
from tui.ui.screens.conflict import ConflictScreen
from tui.ui.screens.edit_field import EditFieldScreen
from tui.ui.screens.help import HelpScreen

pytestmark = pytest.mark.usefixtures("fast_polling")

SIZE = (120, 40)


@pytest.fixture
def notes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The toasts the app shows (title and message), in order."""
    said: list[str] = []
    original = FactsApp.notify

    def notify(self, message, *, title="", **kwargs):
        said.append(f"{title} {message}".strip())
        return original(self, message, title=title, **kwargs)

    monkeypatch.setattr(FactsApp, "notify", notify)
    return said


def header_line(text: str, entity_id: str) -> int:
    """The 1-based line of the `[[table]]` header of `entity_id`, found without the edit library."""
    lines = text.split("\n")
    at = lines.index(f'id = "{entity_id}"')
    return max(n for n in range(at) if lines[n].startswith("[[")) + 1


# -- the editor's command line -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("editor", "expected"),
    [
        ("vim", ["vim", "+12", "{file}"]),
        ("nvim", ["nvim", "+12", "{file}"]),
        ("nano", ["nano", "+12", "{file}"]),
        ("emacs -nw", ["emacs", "-nw", "+12", "{file}"]),
        ("/usr/bin/hx", ["/usr/bin/hx", "+12", "{file}"]),
        ("code --wait", ["code", "--wait", "--goto", "{file}:12"]),
        ("codium -w", ["codium", "-w", "--goto", "{file}:12"]),
        ("subl -w", ["subl", "-w", "{file}:12"]),
        ("'/opt/my editor/ed' --flag", ["/opt/my editor/ed", "--flag", "+12", "{file}"]),
        ("some-unknown-editor", ["some-unknown-editor", "+12", "{file}"]),
    ],
)
def test_the_editor_gets_the_file_and_line_in_its_own_form(tmp_path: Path, editor: str, expected) -> None:
    path = tmp_path / "a dir; rm -rf x" / "facts.toml"  # a path a shell would misread: one argument
    argv = editor_argv({"EDITOR": editor}, path, 12)
    assert argv == [part.format(file=path) for part in expected]


def test_visual_comes_before_editor_and_no_editor_is_none(tmp_path: Path) -> None:
    path = tmp_path / "f.toml"
    assert editor_argv({"VISUAL": "nvim", "EDITOR": "nano"}, path, 3) == ["nvim", "+3", str(path)]
    assert editor_argv({"VISUAL": " ", "EDITOR": "nano"}, path, 3) == ["nano", "+3", str(path)]
    assert editor_argv({}, path, 3) is None
    assert editor_argv({"EDITOR": ""}, path, 3) is None


def test_a_relative_path_cannot_read_as_an_option() -> None:
    argv = editor_argv({"EDITOR": "vi"}, Path("-rf.toml"), 1)
    assert argv is not None and Path(argv[-1]).is_absolute()


# -- the form's fields and the value read back -----------------------------------------------------


def test_every_field_of_every_entity_reads_back_its_own_text(facts: FactBase) -> None:
    """Typing a field's shown value back is accepted (a form that shows what it cannot take back
    would refuse the user's unchanged value)."""
    for entity in facts:
        fields = form_fields(entity)
        assert fields and "id" not in [f.path for f in fields]
        for field in fields:
            parse(type(entity), field.path, field.text)  # raises FieldError if it does not


def test_setting_a_field_to_its_shown_value_keeps_the_entity(facts: FactBase) -> None:
    """One entity per kind: each field set to the text the form shows loads as the same entity."""
    text = bundled_fact_file().read_text(encoding="utf-8")
    for kind in ("organization", "agreement", "project", "person", "event", "source"):
        entity = facts.of_kind(kind)[0]
        for field in form_fields(entity):
            after = set_field(text, entity.id, parse(type(entity), field.path, field.text))
            if after != text:
                assert loads(after)[entity.id] == entity, field.path


def test_the_preview_says_money_in_both_languages_and_dates_with_their_precision(facts: FactBase) -> None:
    organization, agreement = type(facts["lvis"]), type(facts.of_kind("agreement")[0])
    assert preview(organization, "valuation.money", "760억", "en") == "760억 원 (KRW 76.0 billion)"
    assert preview(agreement, "date", "2024-09", "en") == "2024-09 (to the month)"
    assert preview(agreement, "date", "2024", "ko") == "2024 (연 단위)"
    assert preview(organization, "founded", "", "en") == msg("edit.removes", "en")


# -- the session's undo and redo, without the app ---------------------------------------------------


def test_undo_and_redo_write_back_the_exact_bytes(tmp_path: Path) -> None:
    """CRLF line ends and a BOM included: undoing every change gives back the original bytes."""
    path = tmp_path / "facts.toml"
    original = "\ufeff".encode() + bundled_fact_file().read_bytes().replace(b"\n", b"\r\n")
    path.write_bytes(original)
    facts = load(path)
    session = EditService(path)
    session.loaded(facts, read_snapshot(path))
    texts = [original.decode("utf-8")]
    for year in ("2014", "2015"):
        change = session.apply(set_fields("lvis", [parse(type(facts["lvis"]), "founded", year)], year))
        texts.append(change.after)
    assert path.read_bytes() == texts[-1].encode("utf-8")
    session.undo()
    session.undo()
    assert path.read_bytes() == original and not session.can_undo
    session.redo()
    assert path.read_bytes() == texts[1].encode("utf-8")


def test_undo_refuses_a_file_changed_on_disk(fact_file: Path) -> None:
    facts = load(fact_file)
    session = EditService(fact_file)
    session.loaded(facts, read_snapshot(fact_file))
    after = session.apply(set_fields("lvis", [parse(type(facts["lvis"]), "founded", "2014")], "")).after
    someone_else = after + "\n# someone else's line\n"
    fact_file.write_text(someone_else, encoding="utf-8")
    with pytest.raises(FileChangedError):
        session.undo()
    assert fact_file.read_text(encoding="utf-8") == someone_else and session.can_undo


# -- the field dialog -------------------------------------------------------------------------------


async def open_dialog(pilot: Pilot, entity_id: str, field: str) -> EditFieldScreen:
    """The explorer on `entity_id`, `c` pressed, `field` picked."""
    app: FactsApp = pilot.app  # type: ignore[assignment]
    app.main.go_to(entity_id)
    await settle(pilot)
    await pilot.press("c")
    await settle(pilot)
    dialog = app.screen
    assert isinstance(dialog, EditFieldScreen)
    dialog.query_one(OptionList).highlighted = [f.path for f in dialog.fields].index(field)
    await settle(pilot)
    return dialog


async def type_value(pilot: Pilot, dialog: EditFieldScreen, value: str) -> None:
    dialog.query_one(Input).value = value
    await settle(pilot)


def dialog_text(pilot: Pilot) -> str:
    return squeeze(visible_text(pilot.app))


async def test_the_dialog_shows_a_money_value_read_back(fact_file: Path) -> None:
    app = FactsApp(load(fact_file), "en")
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot, "lvis", "valuation.money")
        assert dialog.query_one(Input).value == "335,600,000,000 KRW"  # the current value, to edit
        await type_value(pilot, dialog, "760억")
        assert "→ 760억 원 (KRW 76.0 billion)" in dialog_text(pilot)
        await type_value(pilot, dialog, "760 bananas")
        assert "Cannot use this value" in dialog_text(pilot)


async def test_a_value_that_breaks_the_file_is_refused_in_checks_words(fact_file: Path) -> None:
    original = fact_file.read_bytes()
    app = FactsApp(load(fact_file), "en")
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot, "lvis", "parent")
        await type_value(pilot, dialog, "no-such-org")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is dialog  # still open, to fix the value
        after = set_field(original.decode(), "lvis", parse(type(app.facts["lvis"]), "parent", "no-such-org"))
        with pytest.raises(FactFileError) as check:
            loads(after, str(fact_file))
        assert check.value.format() in dialog.problems_text  # `facts-tui check`'s own report
        assert msg("edit.invalid", "en") in dialog.problems_text
        assert "no-such-org" in dialog_text(pilot)
        assert fact_file.read_bytes() == original
        assert not app.edits.can_undo


async def test_a_good_value_is_written_shown_undone_and_redone(fact_file: Path, notes: list[str]) -> None:
    original = fact_file.read_bytes()
    app = FactsApp(load(fact_file), "en")
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot, "lvis", "founded")
        await type_value(pilot, dialog, "2014")
        await pilot.press("f2")  # the diff first: nothing written yet
        await settle(pilot)
        assert "-founded = 2013" in dialog_text(pilot) and "+founded = 2014" in dialog_text(pilot)
        assert fact_file.read_bytes() == original
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.facts["lvis"].founded == 2014, "the reload")
        written = fact_file.read_bytes()
        assert written == original.replace(b"founded = 2013", b"founded = 2014")
        entity = shown(app)
        assert entity is not None and entity.id == "lvis" and entity.founded == 2014
        assert "● modified" in app.sub_title
        assert any("lvis.founded = 2014" in note for note in notes)

        await pilot.press("u")
        await wait_until(pilot, lambda: app.facts["lvis"].founded == 2013, "the undo's reload")
        assert fact_file.read_bytes() == original
        assert "●" not in app.sub_title
        await pilot.press("U")
        await wait_until(pilot, lambda: app.facts["lvis"].founded == 2014, "the redo's reload")
        assert fact_file.read_bytes() == written
        await pilot.press("u")
        await wait_until(pilot, lambda: app.facts["lvis"].founded == 2013, "the undo's reload")
        await pilot.press("ctrl+r")
        await wait_until(pilot, lambda: app.facts["lvis"].founded == 2014, "ctrl+r's reload")
        assert fact_file.read_bytes() == written


async def test_cancel_writes_nothing(fact_file: Path) -> None:
    original = fact_file.read_bytes()
    app = FactsApp(load(fact_file), "en")
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot, "lvis", "founded")
        await type_value(pilot, dialog, "2014")
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, EditFieldScreen)
        assert fact_file.read_bytes() == original and not app.edits.can_undo


async def test_a_file_changed_on_disk_is_not_overwritten(fact_file: Path, notes: list[str]) -> None:
    app = FactsApp(load(fact_file), "en", watch=False)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot, "lvis", "founded")
        await type_value(pilot, dialog, "2014")
        theirs = fact_file.read_text(encoding="utf-8") + "\n# saved by someone else\n"
        fact_file.write_text(theirs, encoding="utf-8")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ConflictScreen), "the conflict dialog")
        assert "+# saved by someone else" in dialog_text(pilot)  # what changed, as a diff
        assert fact_file.read_text(encoding="utf-8") == theirs
        await pilot.press("escape")  # cancel: nothing written, the field dialog still open
        await settle(pilot)
        assert app.screen is dialog and fact_file.read_text(encoding="utf-8") == theirs
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, EditFieldScreen)

        # Reload and apply again: their line and the change both in the file.
        dialog = await open_dialog(pilot, "lvis", "founded")
        await type_value(pilot, dialog, "2015")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ConflictScreen), "the conflict dialog")
        await pilot.press("r")
        await wait_until(pilot, lambda: app.facts["lvis"].founded == 2015, "the reload")
        assert fact_file.read_text(encoding="utf-8") == theirs.replace("founded = 2013", "founded = 2015")

        # And undo does not write over someone else's save either.
        theirs = fact_file.read_text(encoding="utf-8") + "# again\n"
        fact_file.write_text(theirs, encoding="utf-8")
        await pilot.press("u")
        await settle(pilot)
        assert fact_file.read_text(encoding="utf-8") == theirs
        assert any(note.startswith(msg("edit.undo_refused", "en")) for note in notes)


# -- E: the user's editor ---------------------------------------------------------------------------

EDITOR_SCRIPT = """\
import json, sys
from pathlib import Path
Path(__file__).with_suffix(".json").write_text(json.dumps(sys.argv[1:]))
line, path = int(sys.argv[-2].lstrip("+")), Path(sys.argv[-1])
lines = path.read_text(encoding="utf-8").split("\\n")
if not lines[line - 1].startswith("[["):
    sys.exit(1)  # not opened at the entity's header: change nothing
for n in range(line, len(lines)):
    if 'en = "LVIS"' in lines[n]:
        lines[n] = lines[n].replace('en = "LVIS"', 'en = "LVIS (edited)"')
        break
path.write_text("\\n".join(lines), encoding="utf-8")
"""


@pytest.fixture
def stand_in_editor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """$EDITOR set to a script that records its arguments and edits LVIS below the given line; the
    app's `suspend` a no-op (a headless test has no terminal to hand over)."""
    script = tmp_path / "stand in editor.py"
    script.write_text(EDITOR_SCRIPT, encoding="utf-8")
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", shlex.join([sys.executable, str(script)]))
    monkeypatch.setattr(FactsApp, "suspend", lambda self: contextlib.nullcontext())
    return script


async def test_E_opens_the_editor_at_the_entity_and_reloads_on_return(
    fact_file: Path, stand_in_editor: Path
) -> None:
    original = fact_file.read_bytes()
    app = FactsApp(load(fact_file), "en")
    async with app.run_test(size=SIZE) as pilot:
        app.main.go_to("lvis")
        await settle(pilot)
        await pilot.press("E")
        await wait_until(pilot, lambda: app.facts["lvis"].name.en == "LVIS (edited)", "the reload")
        argv = json.loads(stand_in_editor.with_suffix(".json").read_text())
        assert argv == [f"+{header_line(original.decode(), 'lvis')}", str(fact_file.absolute())]
        entity = shown(app)
        assert entity is not None and entity.id == "lvis"
        assert "LVIS (edited)" in visible_text(app)
        assert "● modified" in app.sub_title
        await pilot.press("u")  # the editor's change is undone like any other
        await wait_until(pilot, lambda: app.facts["lvis"].name.en == "LVIS", "the undo's reload")
        assert fact_file.read_bytes() == original


async def test_E_without_an_editor_says_to_set_one(
    fact_file: Path, monkeypatch: pytest.MonkeyPatch, notes: list[str]
) -> None:
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    app = FactsApp(load(fact_file), "en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("E")
        await settle(pilot)
        assert notes == [msg("edit.no_editor", "en")]
        assert "$EDITOR" in notes[0]


async def test_E_where_the_terminal_cannot_be_handed_over_says_so(
    fact_file: Path, monkeypatch: pytest.MonkeyPatch, notes: list[str]
) -> None:
    """Textual's own `suspend` in a headless run: a message, not a crash; the file untouched."""
    monkeypatch.setenv("EDITOR", "vi")
    original = fact_file.read_bytes()
    app = FactsApp(load(fact_file), "en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("E")
        await settle(pilot)
        assert notes == [msg("edit.cannot_suspend", "en")]
        assert fact_file.read_bytes() == original


# -- in a browser -----------------------------------------------------------------------------------


@pytest.mark.parametrize("web", [False, True])
async def test_editing_is_not_offered_in_a_browser(
    fact_file: Path, monkeypatch: pytest.MonkeyPatch, stand_in_editor: Path, web: bool
) -> None:
    """`facts-tui serve` runs the app with Textual's web driver (`is_web`): no key, help row or
    palette entry writes the file there. In a terminal, all of them are offered."""
    monkeypatch.setattr(FactsApp, "is_web", property(lambda self: web))
    original = fact_file.read_bytes()
    app = FactsApp(load(fact_file), "en")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        offered = app.screen.active_bindings.get("c")
        assert (offered is not None and offered[2]) is not web  # (node, binding, enabled, tooltip)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, EditFieldScreen) is not web
        if not web:
            await pilot.press("escape")
        await pilot.press("E")
        await settle(pilot)
        assert (app.facts["lvis"].name.en == "LVIS") is web
        names = [c.title for _n, c in app.palette_commands(app.screen)]
        offered = {msg(k, "en") for k in ("cmd.change_field", "cmd.open_in_editor", "cmd.undo", "cmd.redo")}
        assert bool(offered & set(names)) is not web
        await pilot.resize_terminal(120, 120)  # the whole help on screen, no scrolling
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        help_text = squeeze(visible_text(app))
        for words in offered:
            assert (words in help_text) is not web, words
    if web:
        assert fact_file.read_bytes() == original
