"""`facts-tui FILE`: a bad file is reported before any screen; hostile text is shown as written."""

from __future__ import annotations

from pathlib import Path

import pytest
from screen_text import assert_showing, column_of, settle, squeeze, visible_lines, visible_text
from textual.pilot import Pilot

from tui import cli
from tui.facts import load
from tui.facts.messages import msg
from tui.ui.app import FactsApp
from tui.ui.widgets.detail import DetailPane
from tui.ui.widgets.entity_list import EntityList

BROKEN = """\
[meta]
title = "Broken"

[[sources]]
id = "src"
outlet = { en = "Outlet" }
title = { en = "Title" }
published = 2023-03-07

[[organizations]]
id = "Not An Id"
kind = "company"
name = { en = "Acme" }
provenance = [{ source = "src" }]
"""

HOSTILE = """\
[meta]
title = "Hostile [/bold] title [@click=app.quit]"

[[sources]]
id = "src"
outlet = { ko = "동아일보", en = "Outlet [KRW]" }
title = { en = "Title [bold]x[/bold]" }
published = 2023-03-07

[[organizations]]
id = "evil"
kind = "company"
name = { ko = "악당 [/bold] 회사", en = "Evil [/bold] Corp" }
summary = { ko = "요약 [KRW] [@click=app.quit]", en = "Costs [KRW] [@click=app.quit]" }
provenance = [{ source = "src", paragraph = 1 }]

[[organizations]]
id = "clicky"
kind = "company"
name = { ko = "[@click=app.quit]누르면 종료[/]", en = "[@click=app.quit]Click to quit[/]" }
provenance = [{ source = "src", paragraph = 2 }]

[[projects]]
id = "fund"
name = { ko = "기금 [KRW]", en = "Fund [KRW]" }
owner = "clicky"
budget = { amount = 1000, currency = "KRW" }
provenance = [{ source = "src", paragraph = 3 }]
"""


@pytest.fixture
def no_app(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the test if the explorer is started."""

    def run(self, *args, **kwargs):
        pytest.fail("the app was started")

    monkeypatch.setattr(FactsApp, "run", run)


@pytest.mark.parametrize("argv", [["open", "{file}"], ["{file}"]], ids=["open FILE", "FILE"])
def test_a_broken_file_is_reported_before_any_screen(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str], no_app: None
) -> None:
    bad = tmp_path / "broken.toml"
    bad.write_text(BROKEN, encoding="utf-8")
    status = cli.main([a.format(file=bad) for a in argv])
    assert status == 2
    out, err = capsys.readouterr()
    report = out + err
    assert str(bad) in report
    assert "Not An Id" in report  # the offending value
    # In the file's language (Korean: it names none), as `facts-tui check` would say it.
    assert msg("problem.count_one", "ko", path=bad) in report
    assert "Traceback" not in report


def test_a_toml_syntax_error_is_reported_before_any_screen(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], no_app: None
) -> None:
    bad = tmp_path / "syntax.toml"
    bad.write_text('[meta]\ntitle = "unterminated\n', encoding="utf-8")
    assert cli.main(["open", str(bad)]) == 2
    out, err = capsys.readouterr()
    assert str(bad) in out + err
    assert "Traceback" not in out + err


def test_a_good_file_opens_the_explorer_and_q_quits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    good = tmp_path / "hostile.toml"
    good.write_text(HOSTILE, encoding="utf-8")
    seen: list[str] = []
    real_run = FactsApp.run

    def run_headless(self: FactsApp, *args, **kwargs):
        async def user(pilot: Pilot) -> None:
            await settle(pilot)
            seen.append(visible_text(pilot.app))
            await pilot.press("q")

        return real_run(self, headless=True, size=(100, 30), auto_pilot=user)

    monkeypatch.setattr(FactsApp, "run", run_headless)
    assert cli.main(["open", "--lang", "en", str(good)]) == 0
    assert seen, "the explorer did not start"
    assert "Evil [/bold] Corp" in seen[0]  # --lang en: English names


async def test_hostile_names_are_shown_literally_and_clicking_them_does_nothing_harmful(
    tmp_path: Path,
) -> None:
    path = tmp_path / "hostile.toml"
    path.write_text(HOSTILE, encoding="utf-8")
    facts = load(path)
    app = FactsApp(facts, "ko")
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        header = visible_lines(app)[0]
        assert "Hostile [/bold] title [@click=app.quit]" in header

        entity_list = app.screen.query_one(EntityList)
        rows = visible_lines(app, entity_list)
        assert rows[0].strip().startswith("악당 [/bold] 회사")
        assert rows[1].strip().startswith("[@click=app.quit]누르면 종료[/]")
        await assert_showing(pilot, facts["evil"])
        detail_text = squeeze(visible_text(app, app.screen.query_one(DetailPane)))
        assert "Evil [/bold] Corp" in detail_text
        assert "요약 [KRW] [@click=app.quit]" in detail_text

        # Click the [@click=app.quit] text in the list, then in the detail pane: nothing quits.
        await pilot.click(EntityList, offset=(3, 1))
        await assert_showing(pilot, facts["clicky"])
        detail = app.screen.query_one(DetailPane)
        clicked = 0
        for y, line in enumerate(visible_lines(app, detail)):
            if "[@click=app.quit]" in line:
                x = column_of(line, "[@click=app.quit]") + 3
                clicked += await pilot.click(offset=(detail.region.x + x, detail.region.y + y))
        assert clicked >= 2  # the title and the name field
        await settle(pilot)
        assert app.is_running and app.return_code is None
        await assert_showing(pilot, facts["clicky"])

        # The project's name with [KRW] in it, in its own section.
        await pilot.press("3")
        await assert_showing(pilot, facts["fund"])
        assert visible_lines(app, entity_list)[0].strip().startswith("기금 [KRW]")
