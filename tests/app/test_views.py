"""The timeline (t) and the relationship view (R): what they show, Enter opens, Esc returns."""

from __future__ import annotations

import re

from screen_text import active_section, assert_showing, settle, squeeze, visible_lines, visible_text
from textual.widgets import Tree

from tui.facts.messages import msg
from tui.ui.screens.main import MainScreen
from tui.ui.screens.relations import RelationsScreen
from tui.ui.screens.timeline import TimelineList, TimelineScreen
from tui.ui.widgets.bars import KeyBar
from tui.ui.widgets.breadcrumb import Breadcrumb

SIZE = (120, 40)


def footer(app) -> str:
    return squeeze(visible_text(app, app.screen.query_one(KeyBar)))


def trail(app) -> str:
    return squeeze(visible_text(app, app.screen.query_one(Breadcrumb)))


def timeline_rows(app) -> list[str]:
    return [line.strip() for line in visible_lines(app, app.screen.query_one(TimelineList)) if line.strip()]


def row_of(rows: list[str], entity_id: str, what: str = "") -> int:
    """The index of the first row about `entity_id` (and saying `what`)."""
    return next(i for i, row in enumerate(rows) if f"({entity_id})" in row and what in row)


# -- the timeline ----------------------------------------------------------------------------------


async def test_the_timeline_lists_dated_items_in_order_periods_as_bars_undated_last(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, TimelineScreen)
        rows = timeline_rows(app)

        # Dates in order: the CES meeting (2023-01), the signing (2023-03-06), the article (2023-03-07).
        ces = row_of(rows, "ces-2023-meeting")
        signing = row_of(rows, "signing-mou-digital-brain")
        signed = row_of(rows, "mou-digital-brain", "체결")
        article = row_of(rows, "donga-2023-03-07")
        assert rows[ces].startswith("2023-01 ")
        assert rows[signing].startswith("2023-03-06 ") and rows[signed].startswith("2023-03-06 ")
        assert rows[article].startswith("2023-03-07 ")
        assert ces < signing < article and ces < signed < article
        dates = [row.split()[0] for row in rows if re.match(r"\d{4}-\d\d", row)]
        assert dates == sorted(dates)
        assert "●" in rows[ces] and "━" not in rows[ces]

        # Motor Valley: a period, a bar across its years on the axis's scale (2023 … 2028).
        axis = squeeze(visible_text(app, app.screen.query_one(".view-axis")))
        assert axis == "2023 2028"
        motor_valley = rows[row_of(rows, "motor-valley")]
        assert motor_valley.startswith("2023–2028 ")
        assert re.search(r"━{20,}", motor_valley), motor_valley
        assert "●" not in motor_valley

        # The Core Automotive MOU has no date: it is listed under the undated heading, with no date.
        heading = rows.index(msg("timeline.undated", "ko"))
        assert heading > article
        undated = row_of(rows, "mou-core-automotive", "체결")
        assert undated > heading
        assert rows[undated].startswith("— ") and "최근 (기사에 날짜" in rows[undated]
        assert row_of(rows, "signing-mou-core-automotive") > heading
        # Its investment deadline (2024-09) is a date the source gives: that row is dated.
        deadline = row_of(rows, "mou-core-automotive", "기한")
        assert article < deadline < heading and rows[deadline].startswith("2024-09 ")
        assert "760억 원" in rows[deadline]


async def assert_explorer_commands_are_offered(pilot, view: type) -> None:
    """A view's key bar offers the way back and the explorer's keys, which work here too
    (tests/app/test_keys_everywhere.py presses each)."""
    app = pilot.app
    keys = footer(app)
    assert f"Esc {msg('cmd.back_to_explorer.short', app.lang)}" in keys
    for offered in ("cmd.search", "cmd.timeline", "cmd.toggle_language.short"):
        assert msg(offered, app.lang) in keys, f"{offered} not in the footer of {view.__name__}: {keys}"
    assert isinstance(app.screen, view)


async def test_enter_on_a_timeline_row_opens_it_and_esc_changes_nothing(make_app, facts) -> None:
    app = make_app()
    start = facts.of_kind("organization")[0]
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        before = trail(app)
        keys = [f"{key} {msg(name, app.lang)}" for key, name in (("s", "cmd.search"), ("t", "cmd.timeline"))]
        assert all(key in footer(app) for key in [*keys, f"l {msg('cmd.toggle_language.short', app.lang)}"])
        await pilot.press("t")
        assert isinstance(app.screen, TimelineScreen)
        await assert_explorer_commands_are_offered(pilot, TimelineScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        await assert_showing(pilot, start)
        assert active_section(app) == start.KIND and trail(app) == before

        await pilot.press("t")
        await settle(pilot)
        last = re.findall(r"\(([a-z0-9-]+)\)", timeline_rows(app)[-1])[0]  # an undated event
        await pilot.press("G", "enter")
        assert isinstance(app.screen, MainScreen)
        signing = facts[last]
        await assert_showing(pilot, signing)
        assert active_section(app) == "event"
        assert (
            trail(app) == f"{msg('trail', 'ko')}{start.label('ko')} › {signing.label('ko')}"
        )  # a step in the history


# -- the relationship view --------------------------------------------------------------------------


def tree_lines(app) -> list[tuple[int, str]]:
    """The relationship tree on screen: (depth, text) per line, the guides taken off."""
    lines = []
    for line in visible_lines(app, app.screen.query_one(Tree)):
        match = re.match(r"^((?:[│ ]   )*)(?:[├└]── )?(?:▼ |▶ )?(.*)$", line)
        if match and match[2].strip():
            guides = match[1]
            depth = 0 if not line.startswith(("├", "└", "│", " ")) else len(guides) // 4 + 1
            lines.append((depth, match[2].strip()))
    return lines


async def test_r_shows_the_neighbourhood_two_hops_out_and_enter_opens_a_node(make_app, facts) -> None:
    app = make_app()
    lvis = facts["lvis"]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j")
        await assert_showing(pilot, lvis)
        await pilot.press("R")
        await settle(pilot)
        assert isinstance(app.screen, RelationsScreen)
        lines = tree_lines(app)
        assert lines[0] == (0, "엘비스 (lvis) · 기관")
        # One hop: what LVIS names (its founder) and what names it (the MOU it is a party to, ...).
        assert (1, "설립자: 이진형 (lee-jin-hyung) · 인물") in lines
        assert (
            1,
            "당사자로 참여한 협약: '디지털 브레인 산업 육성' 업무 협약 (mou-digital-brain) · 협약",
        ) in lines
        assert (1, "주관하는 사업: 뉴로매치 (neuromatch) · 사업") in lines
        # Two hops: the MOU's other parties, the founder's university.
        assert (2, "당사자: 대구시 (daegu-city) · 기관") in lines
        assert (2, "당사자: 대구디지털혁신진흥원 (dip) · 기관") in lines
        assert (2, "소속: 스탠퍼드대 (stanford-university) · 기관") in lines
        # The whole tree (some of it below the screen): every link of LVIS at depth 1, nothing past 2.
        tree: Tree[str] = app.screen.query_one(Tree)
        depth_one = {node.data for node in tree.root.children}
        linked = {link.entity.id for link in facts.links("lvis")}
        linked |= {link.entity.id for link in facts.backlinks("lvis") if link.role != "source"}
        assert depth_one == linked
        assert "kbri" not in {node.data for child in tree.root.children for node in child.children}
        assert "kbri" not in squeeze(visible_text(app))  # three hops: LVIS → founder → lecture → KBRI
        await assert_explorer_commands_are_offered(pilot, RelationsScreen)

        await pilot.press("down", "enter")  # the first node under LVIS: its founder
        assert isinstance(app.screen, MainScreen)
        founder = facts["lee-jin-hyung"]
        await assert_showing(pilot, founder)
        assert active_section(app) == "person"
        assert (
            trail(app) == f"{msg('trail', 'ko')}{lvis.label('ko')} › {founder.label('ko')}"
        )  # a step in the history


async def test_a_repeated_node_says_truthfully_that_it_is_elsewhere(make_app, facts) -> None:
    # The tree is built breadth first, so the entity's other place may be above or below it.
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "R")
        await settle(pilot)
        nodes, stack = [], [app.screen.query_one(Tree).root]
        while stack:
            node = stack.pop()
            nodes.append((str(node.label), node.data, bool(node.children)))
            stack.extend(node.children)
        assert not any("위 참조" in label or "see above" in label for label, _, _ in nodes)
        repeats = [
            (label, data) for label, data, _ in nodes if label.endswith("(이 트리의 다른 곳에도 있음)")
        ]
        assert repeats, "LVIS's tree meets the MOU twice"
        for label, data in repeats:
            others = [other for other, other_data, _ in nodes if other_data == data and other != label]
            assert others, f"{label!r} says it is elsewhere in the tree, but it is not"
