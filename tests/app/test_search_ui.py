"""Finding things in the explorer: the filter bar (/), the search screen (s), n / N and the palette."""

from __future__ import annotations

from rich.style import Style
from screen_text import (
    active_section,
    assert_showing,
    notices,
    settle,
    shown,
    squeeze,
    visible_lines,
    visible_text,
)
from textual.command import CommandInput, CommandList, CommandPalette
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input, OptionList

from screenshots import wait_until
from tui.facts.messages import msg
from tui.ui.screens.main import MainScreen
from tui.ui.screens.search import SearchScreen
from tui.ui.widgets.breadcrumb import Breadcrumb
from tui.ui.widgets.entity_list import EntityList
from tui.ui.widgets.filter_bar import FilterBar

SIZE = (120, 40)


def list_rows(app) -> list[str]:
    """The list's rows on screen (a notification's left edge, ▌, may lie over its last column)."""
    rows = [row.replace("▌", "").strip() for row in visible_lines(app, app.screen.query_one(EntityList))]
    return [row for row in rows if row]


def filter_bar_text(app) -> str:
    return squeeze(visible_text(app, app.screen.query_one(FilterBar)).replace("▌", " "))


def count(shown: int, total: int) -> str:
    """The filter bar's count, as the explorer (in Korean, the bundled file's language) says it."""
    return msg("n_of_total", "ko", n=shown, total=total)


def trail(app) -> str:
    return squeeze(visible_text(app, app.screen.query_one(Breadcrumb)))


def cell_styles(widget: Widget, y: int) -> list[tuple[str, Style]]:
    """The characters of line `y` of `widget` as it draws them, each with its style."""
    return [(char, segment.style or Style()) for segment in widget.render_line(y) for char in segment.text]


def styled(cells: list[tuple[str, Style]], text: str) -> list[Style]:
    """The styles of the characters of the first occurrence of `text` in a line of cells."""
    line = "".join(char for char, _ in cells)
    start = line.index(text)
    return [style for _, style in cells[start : start + len(text)]]


def assert_match_highlighted(app, name: str, matched: str, rest: str) -> None:
    """In the list row of `name`, `matched` is marked (bold underline) and `rest` is not."""
    entity_list = app.screen.query_one(EntityList)
    row = next(y for y, line in enumerate(visible_lines(app, entity_list)) if line.strip().startswith(name))
    cells = cell_styles(entity_list, row)
    assert all(s.underline and s.bold for s in styled(cells, matched)), f"{matched!r} is not highlighted"
    assert not any(s.underline for s in styled(cells, rest)), f"{rest!r} should not be highlighted"


# -- the filter bar --------------------------------------------------------------------------------


async def test_slash_filters_as_you_type_enter_goes_to_the_first_hit_esc_clears(make_app, facts) -> None:
    app = make_app()
    projects = facts.of_kind("project")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("3", "slash")
        bar = app.screen.query_one(FilterBar)
        assert bar.display and isinstance(app.focused, Input) and bar in app.focused.ancestors
        assert (
            filter_bar_text(app) == f"{msg('filter.placeholder', 'ko')} {count(len(projects), len(projects))}"
        )
        assert active_section(app) == "project"

        # Narrower as you type, the count with it; Korean initials (choseong) work: ㅁㅌ is 모터, 스마트.
        await pilot.press("ㅁ")
        some = [row.split("  ")[0] for row in list_rows(app)]
        assert len(projects) > len(some) > 4
        assert filter_bar_text(app) == f"ㅁ {count(len(some), len(projects))}"
        await pilot.press("ㅌ")
        hits = [row.split("  ")[0] for row in list_rows(app)]
        assert len(hits) < len(some) and set(hits) <= set(some)
        assert "모터밸리 사업" in hits and "디지털 스마트 팩토리" in hits and "뉴로매치" not in hits
        # Best match first, as the search ranks them (Enter takes the first row).
        ranked = app.search_index.ranked_ids("ㅁㅌ", kinds="project", lang="ko")
        assert hits == [facts[i].label("ko") for i in ranked][: len(hits)]
        assert filter_bar_text(app) == f"ㅁㅌ {count(len(hits), len(projects))}"
        await assert_showing(pilot, next(p for p in projects if p.label("ko") == hits[0]))
        # The matched text is marked in each row.
        assert_match_highlighted(app, "모터밸리 사업", "모터", "밸리 사업")
        assert_match_highlighted(app, "저출력 구동 모터 등", "모터", "저출력 구동")
        assert_match_highlighted(app, "디지털 스마트 팩토리", "마트", "디지털 스")

        # Enter: the first hit, the list focused and still narrowed; n / N step through the hits.
        await pilot.press("enter")
        assert isinstance(app.focused, EntityList)
        assert bar.display and filter_bar_text(app) == f"ㅁㅌ {count(len(hits), len(projects))}"
        first = shown(app)
        assert first is not None and first.label("ko") == hits[0]
        assert trail(app).endswith(hits[0])
        await pilot.press("n")
        assert shown(app).label("ko") == hits[1]
        assert notices(app)[-1] == msg("toast.hit_n_of_total", "ko", n=2, total=len(hits))
        await pilot.press("N", "N")  # back to the first, then round to the last
        await assert_showing(pilot, next(p for p in projects if p.label("ko") == hits[-1]))
        assert notices(app)[-1] == msg("toast.hit_n_of_total", "ko", n=len(hits), total=len(hits))

        # Esc: the filter is gone, the whole section is back, the list has the keys.
        await pilot.press("escape")
        assert not bar.display
        assert len(list_rows(app)) == len(projects)
        assert isinstance(app.focused, EntityList)
        await pilot.press("slash")  # the next / starts empty
        assert (
            filter_bar_text(app) == f"{msg('filter.placeholder', 'ko')} {count(len(projects), len(projects))}"
        )


async def test_a_row_kept_for_a_match_it_does_not_show_says_where_it_is(make_app, facts) -> None:
    """`모터` keeps 코아오토모티브's plant for its tag: the row says `#모터` (marked), while rows
    whose names hold the match say nothing more; a match in the subtitle is marked there."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "slash", "모", "터")
        rows = {row.split("  ")[0]: row for row in list_rows(app)}
        plant = facts["core-automotive-plant"].label("ko")
        assert rows[plant].startswith(f"{plant}  #모터  "), rows[plant]
        assert_match_highlighted(app, f"{plant}  #", "모터", plant)
        assert all("#" not in row for name, row in rows.items() if "모터" in name)
        await pilot.press("backspace", "backspace", "7", "6", "0", "억")
        row = next(row for row in list_rows(app) if row.startswith(plant))
        assert row == f"{plant}  시설 · 760억 원"  # no hint: the amount is on the row
        assert_match_highlighted(app, plant, "760억", plant)


FILTER_CLOSE_RESETS_THE_CURSOR = (
    "tui/ui/widgets/filter_bar.py FilterBar.close sets the input's value to '', which posts Input.Changed "
    "→ FilterBar.Changed('') → MainScreen.on_filter_bar_changed → _apply_filter('') → "
    "entity_list.set_rows(all_rows, 0): handled after the caller has put the cursor where it wants it, "
    "so the cursor ends on row 0 of the section"
)


async def test_esc_restores_the_selection_from_before_the_filter(make_app, facts) -> None:
    app = make_app()
    projects = facts.of_kind("project")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "G")
        before = projects[-1]
        await assert_showing(pilot, before)
        await pilot.press("slash", "뇌")
        assert before.label("ko") not in [row.split("  ")[0] for row in list_rows(app)]
        assert shown(app) != before

        await pilot.press("escape")
        await assert_showing(pilot, before)  # actual: projects[0]
        assert app.screen.query_one(EntityList).highlighted == before
        assert trail(app).endswith(before.label("ko"))


async def test_jumping_to_an_entity_while_the_list_is_filtered_shows_it(make_app, facts) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "slash", "뇌")
        app.open_entity("lvis")  # as the palette and the search screen do
        await settle(pilot)
        assert active_section(app) == "organization"
        await assert_showing(pilot, facts["lvis"])  # actual: daegu-city, the first organization
        assert trail(app).endswith("› 엘비스")


# -- the search screen ------------------------------------------------------------------------------


async def open_search(pilot: Pilot, query: str) -> None:
    await pilot.press("s")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, SearchScreen), "the search screen")
    if query:
        await pilot.press(*query)


def search_lines(app) -> list[str]:
    return [line.strip() for line in visible_lines(app, app.screen.query_one(OptionList)) if line.strip()]


async def test_s_searches_everything_grouped_by_kind_enter_opens_and_n_steps(make_app, facts) -> None:
    app = make_app()
    start = facts.of_kind("organization")[0]
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_search(pilot, "760억")
        count = squeeze(visible_text(app, app.screen.query_one("#search-count")))
        assert count == msg("search.n_matches", "ko", total=3)
        lines = search_lines(app)
        # Section order, each heading with its count, then its hits: name, field, snippet.
        org = lines.index("기관 1")
        agreement = lines.index("협약 1")
        project = lines.index("사업 1")
        # Groups come in the order of their best hit: the exact amounts before a mention in a text
        # (the company's citation of the article, "이 회사는 2024년 9월까지 760억 원을 투자해").
        assert agreement < project < org
        assert lines[org + 1].startswith("㈜코아오토모티브  ") and "760억" in lines[org + 1]
        # Each hit names its field as the detail pane does: the agreement's investment, the budget.
        assert lines[agreement + 1] == "대구시-㈜코아오토모티브 업무 협약  투자: 760억 원"
        assert lines[project + 1] == "㈜코아오토모티브 전용 공장 및 연구소  예산: 760억 원"
        # The matched text of each snippet is highlighted.
        results = app.screen.query_one(OptionList)
        marked = [y for y, line in enumerate(visible_lines(app, results)) if "760억" in line]
        assert len(marked) == 3
        for y in marked:
            assert all(style.reverse for style in styled(cell_styles(results, y), "760억"))

        # Enter opens the highlighted hit (the first: the agreement) in its section, as a step.
        await pilot.press("enter")
        assert isinstance(app.screen, MainScreen)
        agreement = facts["mou-core-automotive"]
        await assert_showing(pilot, agreement)
        assert active_section(app) == "agreement"
        assert app.screen.query_one(EntityList).highlighted == agreement
        assert trail(app) == f"{msg('trail', 'ko')}{start.label('ko')} › {agreement.label('ko')}"
        await pilot.press("left_square_bracket")
        await assert_showing(pilot, start)

        # n / N go through the hits in the order they were listed: agreement, project, organization.
        for key, entity_id, where in (
            ("n", "core-automotive-plant", msg("toast.hit_n_of_total", "ko", n=2, total=3)),
            ("n", "core-automotive", msg("toast.hit_n_of_total", "ko", n=3, total=3)),
            (
                "n",
                "mou-core-automotive",
                msg("toast.hit_n_of_total", "ko", n=1, total=3),
            ),  # round to the first
            ("N", "core-automotive", msg("toast.hit_n_of_total", "ko", n=3, total=3)),
        ):
            await pilot.press(key)
            await assert_showing(pilot, facts[entity_id])
            assert active_section(app) == facts[entity_id].KIND
            assert notices(app)[-1] == where


async def test_n_before_any_search_says_so_and_does_nothing(make_app, facts) -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        before = (shown(app), trail(app), active_section(app), app.focused)
        # A search closed with Esc is no search: it changes nothing, and leaves nothing for n.
        await open_search(pilot, "")
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        await pilot.press("n", "N")
        assert notices(app) == [msg("toast.no_search_yet", "ko")] * 2
        assert (shown(app), trail(app), active_section(app), app.focused) == before
        await assert_showing(pilot, facts.of_kind("organization")[0])


async def test_the_palette_forgives_a_typo(make_app, facts) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"nueromatch")

        def results() -> str:
            return squeeze(visible_text(app, app.screen.query_one(CommandList)))

        await wait_until(pilot, lambda: "(neuromatch)" in results() or "· neuromatch" in results(), "a hit")
        assert "nueromatch" in squeeze(visible_text(app, app.screen.query_one(CommandInput)))
        first = results()
        assert first.startswith(facts["neuromatch"].label("ko")), first
        assert "이름: NeuroMatch" in first  # the field that matched, in the app's language
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        await assert_showing(pilot, facts["neuromatch"])
        assert active_section(app) == "project"
