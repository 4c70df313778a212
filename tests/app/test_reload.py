"""Live reload: the explorer follows its fact file on disk (tui/ui/watcher.py polls it every 0.5 s).

Each test copies the bundled facts.toml into tmp_path and opens the copy. A good save shows the
new data with the section, the selection and the history kept by id; a broken save keeps the
last good data on screen with the same report `facts-tui check` prints; deleting and recreating
the file, or renaming a new version over it (how editors save), is followed; `r` reloads by hand
when watching is off. Waits poll the app with a timeout rather than sleeping a fixed time.
"""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from screen_text import active_section, assert_showing, settle, shown, squeeze, visible_lines, visible_text
from textual.pilot import Pilot

from screenshots import wait_until
from tui.cli import main
from tui.facts import FactBase, load, loads
from tui.facts.messages import msg
from tui.ui.app import FactsApp
from tui.ui.widgets.detail import DetailPane
from tui.ui.widgets.entity_list import EntityList
from tui.ui.widgets.problems import ProblemsPanel

pytestmark = pytest.mark.usefixtures("fast_polling")

SIZE = (120, 40)

LVIS_NAME = 'name = { ko = "엘비스", en = "LVIS" }'
FORUM_NAME = 'name = { ko = "뇌 연구자·기업인 포럼 및 좌담회",'


def changed(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"{old!r} is not in the bundled facts.toml exactly once"
    return text.replace(old, new)


def renamed_lvis(text: str, name: str) -> str:
    return changed(text, LVIS_NAME, f'name = {{ ko = "{name}", en = "LVIS" }}')


def without_entity(text: str, entity_id: str) -> str:
    """`text` without the `[[table]]` block (sub-tables included) of one entity."""
    lines = text.split("\n")
    at = lines.index(f'id = "{entity_id}"')
    start = max(n for n in range(at) if lines[n].startswith("[["))
    own = lines[start].rstrip("]") + "."  # "[[events." : a sub-table of this entity
    end = next(
        (n for n in range(at + 1, len(lines)) if lines[n].startswith("[") and not lines[n].startswith(own)),
        len(lines),
    )
    result = "\n".join(lines[:start] + lines[end:])
    assert entity_id not in loads(result)  # and the rest is still a valid file
    return result


def save(path: Path, text: str) -> None:
    """Write in place, as `echo > file` does (the inode stays)."""
    path.write_text(text, encoding="utf-8")


def save_by_rename(path: Path, text: str) -> None:
    """Write a temporary file next to `path` and rename it over `path`, as most editors save."""
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def showing_name(app: FactsApp, entity_id: str, name: str) -> Callable[[], bool]:
    def condition() -> bool:
        entity = shown(app)
        return entity is not None and entity.id == entity_id and entity.label(app.lang) == name

    return condition


def entity_list(app: FactsApp) -> EntityList:
    return app.screen.query_one(EntityList)


def problems_shown(app: FactsApp) -> bool:
    """Whether the problems panel is up (it is mounted when first needed)."""
    return any(panel.shown for panel in app.screen.query(ProblemsPanel))


def problems_panel(app: FactsApp) -> ProblemsPanel:
    return app.screen.query_one(ProblemsPanel)


async def open_on_lvis(pilot: Pilot) -> FactBase:
    """The explorer as it opens (organizations), the cursor moved down onto LVIS, the second row."""
    app = pilot.app
    await settle(pilot)
    await pilot.press("down")
    facts: FactBase = app.facts  # type: ignore[attr-defined]
    await assert_showing(pilot, facts["lvis"])
    assert entity_list(app).cursor == 1
    return facts


async def assert_reloaded_lvis(pilot: Pilot, name: str, old: FactBase) -> None:
    """The new data is in: LVIS under its new name, still selected in its section, in list and detail."""
    app = pilot.app
    assert app.facts is not old  # type: ignore[attr-defined]
    new = app.facts["lvis"]  # type: ignore[attr-defined]
    assert new.name.ko == name
    await assert_showing(pilot, new)
    assert active_section(app) == "organization"
    assert entity_list(app).cursor == 1
    assert visible_lines(app, entity_list(app))[1].strip().startswith(name)
    assert app.focused is entity_list(app)
    assert not problems_shown(app)


def check_report(path: Path) -> str:
    """What `facts-tui check FILE` prints for a broken file (on stderr; Textual holds sys.stderr while
    the app runs, so it is taken here)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        assert main(["check", str(path)]) == 2
    assert out.getvalue() == ""
    return err.getvalue()


def no_space(text: str) -> str:
    """`text` with every space and line break gone: wrapping cannot change it."""
    return "".join(text.replace("│", " ").split())


# -- a good save -----------------------------------------------------------------------------------


async def test_a_good_save_shows_the_new_data_and_keeps_the_selection(fact_file: Path) -> None:
    app = FactsApp(load(fact_file), "ko", watch=True)
    async with app.run_test(size=SIZE) as pilot:
        old = await open_on_lvis(pilot)
        title, sub_title = app.title, app.sub_title
        save(fact_file, renamed_lvis(fact_file.read_text(encoding="utf-8"), "엘비스 새 이름"))
        await wait_until(pilot, showing_name(app, "lvis", "엘비스 새 이름"), "the new name")
        await assert_reloaded_lvis(pilot, "엘비스 새 이름", old)
        assert (app.title, app.sub_title) == (title, sub_title)
        # The breadcrumb and the link lists of other entities use the new name too.
        assert "엘비스 새 이름" in visible_text(app, app.screen.query_one("#breadcrumb"))
        app.open_entity("mou-digital-brain")
        await settle(pilot)
        assert "엘비스 새 이름 (lvis)" in squeeze(visible_text(app, app.screen.query_one("#detail")))


async def test_a_save_keeps_the_detail_pane_where_the_reader_was(fact_file: Path) -> None:
    app = FactsApp(load(fact_file), "ko", watch=True)
    async with app.run_test(size=(100, 20)) as pilot:  # short: the agreement needs scrolling
        await pilot.press("2", "enter")  # the digital brain MOU, into its pane
        detail = app.screen.query_one(DetailPane)
        while detail.highlighted_link is None:  # down over its fields and citations to the links
            await pilot.press("down")
        await pilot.press("down")
        chosen = detail.highlighted_link
        assert chosen is not None
        scrolled = detail.scroll_offset.y
        assert scrolled > 0
        before = visible_lines(app, detail)
        old = app.facts
        save(fact_file, renamed_lvis(fact_file.read_text(encoding="utf-8"), "엘비스 새 이름"))
        await wait_until(pilot, lambda: app.facts is not old, "the reload")
        assert detail.entity is not None and detail.entity.id == "mou-digital-brain"
        assert detail.scroll_offset.y >= scrolled  # not back at the top (the longer name may wrap)
        assert detail.highlighted_link == chosen
        after = [line.replace("엘비스 새 이름", "엘비스") for line in visible_lines(app, detail)]
        assert after[-1] == before[-1]  # the same lines in view, the chosen link on the same row
        # Another entity still opens at its top.
        await pilot.press("escape", "down")
        await settle(pilot)
        assert detail.scroll_offset.y == 0


# -- a broken save, then a fix --------------------------------------------------------------------------


BREAKS = {
    "toml-syntax": lambda text: changed(text, LVIS_NAME, LVIS_NAME[:-2]),  # no closing brace
    "two-problems": lambda text: changed(
        changed(text, 'id = "lvis"\nkind = "company"', 'id = "lvis"\nkind = "corporation"'),
        'parties = ["daegu-city", "lvis", "dip"]',
        'parties = ["daegu-city", "lvis", "dipp"]',
    ),
}


@pytest.mark.parametrize("breaking", BREAKS.values(), ids=BREAKS.keys())
async def test_a_broken_save_keeps_the_last_good_data_and_shows_what_check_says(
    fact_file: Path, breaking: Callable[[str], str]
) -> None:
    good = fact_file.read_text(encoding="utf-8")
    app = FactsApp(load(fact_file), "ko", watch=True)
    async with app.run_test(size=SIZE) as pilot:
        old = await open_on_lvis(pilot)
        save(fact_file, breaking(good))
        await wait_until(pilot, lambda: problems_shown(app), "the problems panel")
        panel = problems_panel(app)

        # The last good data stays, selection and all.
        assert app.facts is old
        await assert_showing(pilot, old["lvis"])
        assert entity_list(app).cursor == 1
        assert visible_lines(app, entity_list(app))[1].strip().startswith("엘비스")

        # The panel says what `facts-tui check` says, word for word.
        report = check_report(fact_file)
        assert str(panel.query_one("#problems-body").content) == report.rstrip("\n")
        on_screen = no_space(visible_text(app, panel))
        titles = (msg("problems.title", app.lang, path=fact_file, n=n) for n in range(1, 10))
        assert any(no_space(title) in on_screen for title in titles)  # "... showing the last good data"
        # All but the last line (see test_the_whole_report_is_on_screen).
        assert no_space("\n".join(report.splitlines()[:-1])) in on_screen

        # Fix it (with a change, to see the new data arrive): the panel goes, the new data shows.
        save(fact_file, renamed_lvis(good, "엘비스 고침"))
        await wait_until(pilot, lambda: not problems_shown(app), "the problems panel to go")
        await wait_until(pilot, showing_name(app, "lvis", "엘비스 고침"), "the fixed file's data")
        await assert_reloaded_lvis(pilot, "엘비스 고침", old)
        assert "showing the last good data" not in visible_text(app)


async def test_the_whole_report_is_on_screen(fact_file: Path) -> None:
    app = FactsApp(load(fact_file), "ko", watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        save(fact_file, BREAKS["toml-syntax"](fact_file.read_text(encoding="utf-8")))
        await pilot.press("r")
        await wait_until(pilot, lambda: problems_shown(app), "the problems panel")
        report = check_report(fact_file)  # its last line is "1 problem in FILE"
        assert no_space(report) in no_space(visible_text(app))


# -- how editors save --------------------------------------------------------------------------------


async def test_deleting_and_recreating_the_file_is_followed(fact_file: Path) -> None:
    good = fact_file.read_text(encoding="utf-8")
    app = FactsApp(load(fact_file), "ko", watch=True)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        old = await open_on_lvis(pilot)
        fact_file.unlink()
        await wait_until(
            pilot,
            lambda: msg("toast.file_missing", app.lang) in visible_text(app),
            "the 'File missing' notice",
        )
        assert app.is_running and app.facts is old
        await assert_showing(pilot, old["lvis"])
        assert not problems_shown(app)

        save(fact_file, renamed_lvis(good, "엘비스 다시"))
        await wait_until(pilot, showing_name(app, "lvis", "엘비스 다시"), "the recreated file's data")
        await assert_reloaded_lvis(pilot, "엘비스 다시", old)

        # And the watcher keeps following the new file.
        newer = app.facts
        save(fact_file, renamed_lvis(good, "엘비스 또"))
        await wait_until(pilot, showing_name(app, "lvis", "엘비스 또"), "a later save")
        await assert_reloaded_lvis(pilot, "엘비스 또", newer)


async def test_a_new_version_renamed_over_the_file_is_followed(fact_file: Path) -> None:
    good = fact_file.read_text(encoding="utf-8")
    app = FactsApp(load(fact_file), "ko", watch=True)
    async with app.run_test(size=SIZE) as pilot:
        old = await open_on_lvis(pilot)
        inode = fact_file.stat().st_ino
        save_by_rename(fact_file, renamed_lvis(good, "엘비스 이름 바꿈"))
        assert fact_file.stat().st_ino != inode
        await wait_until(pilot, showing_name(app, "lvis", "엘비스 이름 바꿈"), "the renamed-over version")
        await assert_reloaded_lvis(pilot, "엘비스 이름 바꿈", old)

        newer = app.facts
        save_by_rename(fact_file, renamed_lvis(good, "엘비스 두 번째"))
        await wait_until(pilot, showing_name(app, "lvis", "엘비스 두 번째"), "a second renamed-over version")
        await assert_reloaded_lvis(pilot, "엘비스 두 번째", newer)
        assert not any(p.name.endswith(".tmp") for p in fact_file.parent.iterdir())


# -- by hand ---------------------------------------------------------------------------------------------


async def test_r_reloads_by_hand_when_watching_is_off(fact_file: Path) -> None:
    app = FactsApp(load(fact_file), "ko", watch=False)
    async with app.run_test(size=SIZE) as pilot:
        old = await open_on_lvis(pilot)
        save(fact_file, renamed_lvis(fact_file.read_text(encoding="utf-8"), "엘비스 손으로"))
        await pilot.pause(0.3)  # three polls' time: nothing is watching
        assert app.facts is old
        await assert_showing(pilot, old["lvis"])

        await pilot.press("r")
        await wait_until(pilot, showing_name(app, "lvis", "엘비스 손으로"), "the hand reload")
        await assert_reloaded_lvis(pilot, "엘비스 손으로", old)


async def test_r_on_a_broken_file_shows_the_problems_and_x_hides_them(fact_file: Path) -> None:
    app = FactsApp(load(fact_file), "ko", watch=False)
    async with app.run_test(size=SIZE) as pilot:
        old = await open_on_lvis(pilot)
        save(fact_file, BREAKS["toml-syntax"](fact_file.read_text(encoding="utf-8")))
        await pilot.press("r")
        await wait_until(pilot, lambda: problems_shown(app), "the problems panel")
        panel = problems_panel(app)
        assert str(panel.query_one("#problems-body").content) == check_report(fact_file).rstrip("\n")
        assert app.facts is old
        await pilot.press("x")
        await settle(pilot)
        assert not panel.shown
        await assert_showing(pilot, old["lvis"])


# -- history, selection and filter, by id ----------------------------------------------------------------


async def test_history_and_selection_are_kept_by_id_and_a_removed_entity_is_forgotten(
    fact_file: Path,
) -> None:
    good = fact_file.read_text(encoding="utf-8")
    app = FactsApp(load(fact_file), "ko", watch=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        facts = app.facts
        for entity_id in ("signing-mou-digital-brain", "lvis", "brain-forum-2023-03-06"):
            app.open_entity(entity_id)
            await settle(pilot)
        screen = app.main
        assert screen.history.trail() == [
            "daegu-city",
            "signing-mou-digital-brain",
            "lvis",
            "brain-forum-2023-03-06",
        ]
        assert active_section(app) == "event"
        assert entity_list(app).cursor == 3

        # The second event goes, and the forum (the fourth, selected) is renamed.
        text = changed(
            without_entity(good, "signing-mou-digital-brain"), FORUM_NAME, 'name = { ko = "포럼 새 이름",'
        )
        save(fact_file, text)
        await wait_until(pilot, showing_name(app, "brain-forum-2023-03-06", "포럼 새 이름"), "the reload")
        assert app.facts is not facts
        assert screen.history.trail() == ["daegu-city", "lvis", "brain-forum-2023-03-06"]
        assert active_section(app) == "event"
        assert entity_list(app).cursor == 2  # the same entity, one row up
        assert visible_lines(app, entity_list(app))[2].strip().startswith("포럼 새 이름")
        await assert_showing(pilot, app.facts["brain-forum-2023-03-06"])

        # Back and forward step over the removed entity.
        await pilot.press("left_square_bracket")
        await assert_showing(pilot, app.facts["lvis"])
        assert active_section(app) == "organization"
        await pilot.press("left_square_bracket")
        await assert_showing(pilot, app.facts["daegu-city"])
        await pilot.press("right_square_bracket", "right_square_bracket")
        await assert_showing(pilot, app.facts["brain-forum-2023-03-06"])
        assert "포럼 새 이름" in visible_text(app, app.screen.query_one("#breadcrumb"))

        # The selected entity itself goes: the cursor stays on its row, now the next event.
        after = without_entity(text, "brain-forum-2023-03-06")
        save(fact_file, after)
        await wait_until(pilot, lambda: "brain-forum-2023-03-06" not in app.facts, "the second reload")
        await settle(pilot)
        events = app.facts.of_kind("event")
        assert entity_list(app).cursor == 2
        await assert_showing(pilot, events[2])
        assert "brain-forum-2023-03-06" not in screen.history.trail()
        assert app.is_running


async def test_back_after_the_shown_entity_is_removed_goes_to_the_step_before_it(fact_file: Path) -> None:
    good = fact_file.read_text(encoding="utf-8")
    app = FactsApp(load(fact_file), "ko", watch=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for entity_id in ("lvis", "brain-forum-2023-03-06"):
            app.open_entity(entity_id)
            await settle(pilot)
        assert app.main.history.trail() == ["daegu-city", "lvis", "brain-forum-2023-03-06"]
        save(fact_file, without_entity(good, "brain-forum-2023-03-06"))
        await wait_until(pilot, lambda: "brain-forum-2023-03-06" not in app.facts, "the reload")
        await settle(pilot)
        assert "lvis" in app.main.history.trail()
        await pilot.press("left_square_bracket")
        await assert_showing(pilot, app.facts["lvis"])


async def test_a_filter_stays_across_a_reload(fact_file: Path) -> None:
    app = FactsApp(load(fact_file), "ko", watch=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"엘비")
        await settle(pilot)
        rows = entity_list(app).rows
        assert [e.id for e in rows] == ["lvis"]
        save(fact_file, renamed_lvis(fact_file.read_text(encoding="utf-8"), "엘비스 필터"))
        await wait_until(pilot, showing_name(app, "lvis", "엘비스 필터"), "the reload")
        assert app.main.filter_bar.active
        assert [e.id for e in entity_list(app).rows] == ["lvis"]
        assert visible_lines(app, entity_list(app))[0].strip().startswith("엘비스 필터")
