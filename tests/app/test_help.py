"""The help screen: opened by ? or F1, it lists every binding of the command registry."""

from __future__ import annotations

import re

from screen_text import squeeze, visible_lines
from textual.app import App

from tui.facts.messages import msg
from tui.facts.model import Language
from tui.ui.keymap import ALL_GROUPS, Command
from tui.ui.screens.help import HelpScreen
from tui.ui.screens.main import MainScreen

TALL = (120, 120)  # tall enough that the whole help fits without scrolling

_ROW = re.compile(r"^(?P<keys>\S.*?)\s{2,}(?P<description>\S.*)$")


def help_box(app: App) -> list[str]:
    """The lines inside the help screen's box, borders and padding stripped."""
    lines = visible_lines(app)
    top = next(n for n, line in enumerate(lines) if "╭" in line)
    bottom = next(n for n, line in enumerate(lines) if "╰" in line)
    inside = []
    for line in lines[top + 1 : bottom]:
        start, end = line.index("│"), line.rindex("│")
        inside.append(line[start + 1 : end].strip())
    return inside


def help_rows(lines: list[str]) -> list[tuple[list[str], str]]:
    """(key names, start of the description) for every line that looks like a key row."""
    rows = []
    for line in lines:
        match = _ROW.match(line)
        if match:
            rows.append((match["keys"].split(), match["description"].strip()))
    return rows


def find_row(rows: list[tuple[list[str], str]], command: Command, lang: Language) -> bool:
    description = squeeze(command.describe(lang))
    return any(
        set(command.key_names) <= set(keys) and description.startswith(squeeze(start)) for keys, start in rows
    )


async def test_question_mark_opens_help_and_esc_closes_it(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        assert any(msg("help.title", app.lang) in line for line in help_box(app))
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("f1")  # F1 again closes it
        assert isinstance(app.screen, MainScreen)
        await pilot.press("question_mark")
        await pilot.press("q")  # q closes help; it does not quit the app
        assert isinstance(app.screen, MainScreen)
        assert app.is_running and app.return_code is None


async def test_help_lists_every_binding_of_the_registry(make_app) -> None:
    app = make_app()
    async with app.run_test(size=TALL) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        lines = help_box(app)
        text = squeeze("\n".join(lines))
        rows = help_rows(lines)
        lang = app.lang
        last_group, last_commands = ALL_GROUPS[-1]
        assert msg(last_group, lang) in lines and squeeze(last_commands[-1].describe(lang)) in text, (
            f"the end of the help is not on screen: missing, or cut off at {TALL} (then make TALL taller)"
        )
        missing = []
        for title, commands in ALL_GROUPS:
            if msg(title, lang) not in lines:
                missing.append(f"group {msg(title, lang)!r}")
            for command in commands:
                if squeeze(command.describe(lang)) not in text or not find_row(rows, command, lang):
                    missing.append(f"{' / '.join(command.key_names)}: {command.describe(lang)}")
        assert not missing, f"not in the help screen: {missing}"
