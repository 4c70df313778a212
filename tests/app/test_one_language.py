"""One language at a time: every screen of the explorer reads in Korean, or in English, never a mix.

The explorer is walked in each language — every section with its detail pane, the filter bar
with a count, the search screen with results, help, the palette, the timeline, the
relationships, the export dialog, toasts and the problems panel of a broken file — and what is
on screen must hold no interface word of the other language (tests/app/one_language.py says
what is let through: the fact file's own text, key names, ids, amounts).
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from one_language import OtherLanguage
from screen_text import settle, visible_text
from textual.pilot import Pilot

from screenshots import wait_until
from tui.facts import ENTITY_KINDS, FactBase, load
from tui.facts.messages import msg
from tui.ui.app import FactsApp
from tui.ui.screens.main import MainScreen
from tui.ui.widgets.detail import DetailPane
from tui.ui.widgets.problems import ProblemsPanel

REPO = Path(__file__).resolve().parents[2]
SIZE = (150, 60)


async def walk(pilot: Pilot, fact_file: Path) -> list[tuple[str, str]]:
    """(place, screen text) for every screen the walk passes."""
    app = pilot.app
    seen: list[tuple[str, str]] = []

    def look(place: str) -> None:
        seen.append((place, visible_text(app)))

    await settle(pilot)
    for n, kind in enumerate(ENTITY_KINDS, start=1):
        await pilot.press(str(n))
        await settle(pilot)
        look(f"section {kind}")
        detail = app.screen.query_one(DetailPane)
        if detail.virtual_size.height > detail.size.height:  # the rest of the detail pane
            detail.scroll_to(y=detail.max_scroll_y, animate=False, immediate=True)
            await settle(pilot)
            look(f"section {kind}, the detail pane scrolled to its end")
    await pilot.press("1", "slash", "대")
    await settle(pilot)
    look("filter bar with a count")
    await pilot.press("escape", "escape")
    await pilot.press("n")  # no search yet: a toast says so
    await settle(pilot)
    look("toast")
    await pilot.press("Y")
    await settle(pilot)
    look("copied toast")
    await pilot.press("question_mark")
    await settle(pilot)
    look("help")
    app.screen.query_one("#help-body").scroll_end(animate=False, immediate=True)
    await settle(pilot)
    look("help, scrolled to its end")
    await pilot.press("escape", "ctrl+p")
    await settle(pilot)
    look("palette")
    await pilot.press(*msg("palette.theme", app.lang))
    await wait_until(
        pilot, lambda: msg("palette.theme_help", app.lang) in visible_text(app), "the theme picker"
    )
    await pilot.press("enter")
    await settle(pilot)
    look("theme picker")  # its list is the themes' names, let through
    await pilot.press("escape")
    await settle(pilot)
    await pilot.press("escape", "s", *"대구")
    await wait_until(pilot, lambda: "대구" in visible_text(app), "the search results")
    await settle(pilot)
    look("search screen with results")
    await pilot.press("escape")
    await settle(pilot)
    await pilot.press("t")
    await settle(pilot)
    look("timeline")
    await pilot.press("end")
    await settle(pilot)
    look("timeline, undated items")
    await pilot.press("escape", "R")
    await settle(pilot)
    look("relationships")
    await pilot.press("escape", "e")
    await settle(pilot)
    look("export dialog")
    await pilot.press("escape")
    await settle(pilot)
    fact_file.write_text("[meta\n", encoding="utf-8")
    await pilot.press("r")
    await wait_until(
        pilot, lambda: any(p.shown for p in app.screen.query(ProblemsPanel)), "the problems panel"
    )
    await settle(pilot)
    assert isinstance(app.screen, MainScreen)
    # The panel's body is the report `facts-tui check` prints; its title is the explorer's.
    panel = app.screen.query_one(ProblemsPanel)
    seen.append(("problems panel", visible_text(app, panel.query_one("#problems-title"))))
    return seen


@pytest.fixture
def fact_file(tmp_path: Path) -> Path:
    path = tmp_path / "facts.toml"
    shutil.copy(REPO / "facts.toml", path)
    return path


@pytest.mark.parametrize("lang", ["ko", "en"])
async def test_every_screen_is_in_one_language(fact_file: Path, lang: str) -> None:
    facts = load(fact_file)
    app = FactsApp(facts, lang=lang, watch=False)
    async with app.run_test(size=SIZE) as pilot:
        seen = await walk(pilot, fact_file)
    problems = OtherLanguage(facts, lang, names=app.available_themes).check(seen)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", ["ko", "en"])
async def test_l_switches_every_word_of_the_interface(fact_file: Path, lang: str) -> None:
    """Started in one language and switched with `l`, the screen reads wholly in the other."""
    facts = load(fact_file)
    app = FactsApp(facts, lang="en" if lang == "ko" else "ko", watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "slash", "m", "enter")  # a filter count, a detail pane, a trail
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        assert app.lang == lang
        seen = [("explorer after l", visible_text(app))]
        await pilot.press("slash")
        await settle(pilot)
        seen.append(("filter bar after l", visible_text(app)))
        switched_back = []
        for view in ("t", "R"):  # and in a view: switched there, and back, it reads in each
            await pilot.press("escape", "escape", view, "l")
            await settle(pilot)
            switched_back.append((f"{view} view after l", visible_text(app)))
            await pilot.press("l")
            await settle(pilot)
            seen.append((f"{view} view after l, l", visible_text(app)))
    other = "en" if lang == "ko" else "ko"
    problems = OtherLanguage(facts, lang).check(seen) + OtherLanguage(facts, other).check(switched_back)
    assert not problems, "\n".join(problems)


def every_detail(facts: FactBase, lang: str) -> list[tuple[str, str]]:
    """Every entity as the command line and the detail pane render it (the same pieces)."""
    from rich.console import Console

    from tui.render.entity import render_entity

    console = Console(width=400, record=True, file=io.StringIO())
    texts = []
    for entity in facts:
        console.print(render_entity(facts, entity, lang))
        texts.append((entity.id, console.export_text()))
    return texts


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_entity_reads_in_one_language(lang: str) -> None:
    facts = load(REPO / "facts.toml")
    problems = OtherLanguage(facts, lang).check(every_detail(facts, lang))
    assert not problems, "\n".join(problems)
