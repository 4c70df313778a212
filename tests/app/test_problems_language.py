"""The problems panel speaks the explorer's language (issue 11): a broken file's report is the one
`facts-tui check --lang LANG` prints, in Korean or English, and `l` says it again in the other."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

from screen_text import settle, visible_text

from screenshots import wait_until
from tui.cli import main
from tui.facts import load
from tui.facts.messages import msg
from tui.ui.app import FactsApp
from tui.ui.widgets.problems import ProblemsPanel

SIZE = (120, 40)


def check_report(path: Path, lang: str) -> str:
    """What `facts-tui check FILE --lang LANG` prints on stderr."""
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        assert main(["check", str(path), "--lang", lang]) == 2
    return err.getvalue().rstrip("\n")


def broken(text: str) -> str:
    """Three kinds of problem: a value of the wrong type, one the schema does not allow, and a
    reference to an entity that does not exist."""
    for old, new in (
        ('id = "lvis"\nkind = "company"', 'id = "lvis"\nkind = "corporation"'),
        ('parties = ["daegu-city", "lvis", "dip"]', 'parties = ["daegu-city", "lvis", "dipp"]'),
        ("founded = 2013", 'founded = "2013"'),
    ):
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


async def test_the_problems_panel_says_check_s_report_in_the_app_s_language_and_l_switches_it(
    fact_file: Path,
) -> None:
    app = FactsApp(load(fact_file), "ko", watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        fact_file.write_text(broken(fact_file.read_text(encoding="utf-8")), encoding="utf-8")
        await pilot.press("r")
        panel = app.screen.query_one(ProblemsPanel)
        await wait_until(pilot, lambda: panel.shown, "the problems panel")
        body = panel.query_one("#problems-body")
        korean = check_report(fact_file, "ko")
        assert str(body.content) == korean
        assert "3개" in korean.splitlines()[-1] and "정수 값이어야 합니다" in korean
        on_screen = "".join(visible_text(app, panel).split())
        assert "".join(msg("problems.title", "ko", path=fact_file, n=3).split()) in on_screen

        await pilot.press("l")
        await settle(pilot)
        english = check_report(fact_file, "en")
        assert str(body.content) == english
        assert english.splitlines()[-1] == f"3 problems in {fact_file}"
        on_screen = "".join(visible_text(app, panel).split())
        assert "".join(msg("problems.title", "en", path=fact_file, n=3).split()) in on_screen
