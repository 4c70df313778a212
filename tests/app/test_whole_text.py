"""Every character of a fact reaches the screen: wrapped in the detail pane, never cropped.

The detail pane lays its lines out at its scrollable width. When a scrollbar comes or goes
that width changes, and lines laid out at the old width lose their last character (`산격청사에서`
drawn as `산격청사에`). These tests walk every entity of the bundled file and a sample of a
generated one, in both languages, at sizes where the pane needs a scrollbar and where it does
not, and check that each value the pane shows is on screen whole.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from rich.cells import cell_len
from screen_text import (
    content_lines,
    detail_values,
    missing,
    rendered_lines,
    repaint,
    settle,
    without_spaces,
)
from textual.widgets import OptionList, Tree

from tui.facts import ENTITY_KINDS, Entity, FactBase, load
from tui.facts.messages import msg
from tui.facts.text import kind_label
from tui.render.entity import entity_subtitle
from tui.render.timeline import timeline_row
from tui.ui.app import FactsApp
from tui.ui.screens.relations import RelationsScreen
from tui.ui.screens.search import SearchScreen
from tui.ui.screens.timeline import TimelineList, TimelineScreen
from tui.ui.widgets.detail import DetailPane
from tui.ui.widgets.entity_list import EntityList

REPO = Path(__file__).resolve().parents[2]

SIZES = [(80, 24), (100, 30), (120, 40), (200, 60), (120, 90)]
"""Small to large: at the small ones most entities need a scrollbar, at 120x90 hardly any."""


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> FactBase:
    """A sample of a generated file: 300 entities of every kind, long names and summaries."""
    path = tmp_path_factory.mktemp("generated") / "facts.toml"
    script = REPO / "benchmarks" / "generate.py"
    subprocess.run(
        [sys.executable, script, "--entities", "300", "--out", path], check=True, capture_output=True
    )
    return load(path)


async def check_every_entity(
    facts: FactBase, entities: list[Entity], lang: str, size: tuple[int, int]
) -> set[bool]:
    """Show each entity in turn and check the pane; returns which cases were met (True: the pane
    needed a scrollbar)."""
    app = FactsApp(facts, lang)
    scrolled: set[bool] = set()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        detail = app.screen.query_one(DetailPane)
        for n, entity in enumerate(entities):
            detail.show(entity, lang)
            needs_scrollbar = detail.virtual_size.height > detail.scrollable_content_region.height
            if n == 0 or needs_scrollbar != detail.show_vertical_scrollbar:
                # The scrollbar comes or goes: that takes a layout and a paint, as on screen.
                # (Otherwise nothing on screen changes size, and the lines are read as they are.)
                await repaint(pilot)
            lines = rendered_lines(detail)
            if n == 0:  # the lines read here are the lines on screen
                on_screen = content_lines(app, detail)
                drawn = [line.rstrip() for line in lines[: len(on_screen)]]
                assert drawn + [""] * (len(on_screen) - len(drawn)) == on_screen
            lost = missing(detail_values(facts, entity, lang), lines)
            assert not lost, f"{entity.id} at {size} in {lang}: cut on screen: {lost}\n" + "\n".join(lines)
            scrolled.add(needs_scrollbar)
    return scrolled


@pytest.mark.parametrize("lang", ["ko", "en"])
async def test_every_value_of_every_bundled_entity_is_shown_whole(facts: FactBase, lang: str) -> None:
    cases: set[bool] = set()
    for size in SIZES:
        cases |= await check_every_entity(facts, list(facts), lang, size)
    assert cases == {True, False}, "both a pane with a scrollbar and one without were checked"


@pytest.mark.parametrize("lang", ["ko", "en"])
async def test_every_value_of_a_generated_sample_is_shown_whole(generated: FactBase, lang: str) -> None:
    sample = list(generated)[::10]
    for size in SIZES:
        await check_every_entity(generated, sample, lang, size)


# -- rows: cut with an ellipsis, the whole text one keystroke away -----------------------------------

ROW_SIZES = [(60, 24), (80, 11), (120, 40), (200, 50)]
"""At 80x11 the projects need a scrollbar in the list and the other sections do not."""


def assert_whole_or_ellipsis(shown: str, whole: str, where: str) -> None:
    """A row shows its whole text, or as much as fits followed by '…'."""
    shown, whole = shown.strip(), whole.strip()
    if shown == whole:
        return
    assert shown.endswith("…"), f"{where}: cut without an ellipsis: {shown!r} of {whole!r}"
    kept = shown[:-1].rstrip()
    assert kept and whole.startswith(kept), f"{where}: {shown!r} is not the start of {whole!r}"


@pytest.mark.parametrize("lang", ["ko", "en"])
async def test_list_rows_are_whole_or_end_in_an_ellipsis(facts: FactBase, lang: str) -> None:
    for size in ROW_SIZES:
        app = FactsApp(facts, lang)
        async with app.run_test(size=size) as pilot:
            entity_list = app.screen.query_one(EntityList)
            for kind in ENTITY_KINDS:
                app.screen.action_show_section(kind)
                await repaint(pilot)
                for entity, line in zip(entity_list.rows, rendered_lines(entity_list), strict=True):
                    whole = entity.label(lang)
                    if subtitle := entity_subtitle(entity, lang).plain:
                        whole += "  " + subtitle
                    assert_whole_or_ellipsis(line, whole, f"{entity.id} at {size}")


@pytest.mark.parametrize("lang", ["ko", "en"])
async def test_timeline_rows_are_whole_or_end_in_an_ellipsis(facts: FactBase, lang: str) -> None:
    for size in ROW_SIZES:
        app = FactsApp(facts, lang)
        async with app.run_test(size=size) as pilot:
            await app.push_screen(TimelineScreen(facts, lang))
            await settle(pilot)
            rows = app.screen.query_one(TimelineList)
            for n, line in enumerate(rendered_lines(rows)):
                item = rows.rows[n]
                whole = (
                    msg("timeline.undated", lang)
                    if item is None
                    else timeline_row(item, facts, lang, rows.span).plain
                )
                assert_whole_or_ellipsis(line, whole, f"timeline row {n} at {size}")


GUIDES = re.compile(r"^[\s│┃║├└┣┗╠╚─━═]*(?:[▼▶] )?")
"""The tree's guides and expand icon before a node's label."""


@pytest.mark.parametrize("lang", ["ko", "en"])
async def test_relationship_rows_are_alike_and_whole_or_end_in_an_ellipsis(
    facts: FactBase, lang: str
) -> None:
    hubs = sorted(facts, key=lambda e: -len(facts.links(e.id)) - len(facts.backlinks(e.id)))[:4]
    for size in ((80, 24), (120, 40)):
        app = FactsApp(facts, lang)
        async with app.run_test(size=size) as pilot:
            for entity in hubs:
                await app.push_screen(RelationsScreen(facts, entity.id, lang))
                await settle(pilot)
                tree = app.screen.query_one(Tree)
                width = tree.scrollable_content_region.width
                for y, line in enumerate(rendered_lines(tree)):
                    assert cell_len(line.rstrip()) <= width
                    node = tree.get_node_at_line(y)
                    assert node is not None
                    label = GUIDES.sub("", line)
                    assert_whole_or_ellipsis(
                        label, str(node.label), f"{entity.id}'s tree, line {y} at {size}"
                    )
                    if node.data is not None:  # one format for the root and the rest: name (id) · kind
                        whole = str(node.label)
                        assert f"{node.data}) · {kind_label(facts[node.data].KIND, lang)}" in whole, whole
                app.pop_screen()
                await settle(pilot)


@pytest.mark.parametrize("lang", ["ko", "en"])
async def test_search_results_are_shown_whole(facts: FactBase, lang: str) -> None:
    for size in ((80, 24), (120, 40)):
        app = FactsApp(facts, lang)
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            for query in ("대구", "LVIS", "2023", "뇌"):
                await app.push_screen(SearchScreen(facts, app.search_index, lang, query))
                await settle(pilot)
                results = app.screen.query_one(OptionList)
                shown = without_spaces("".join(rendered_lines(results)))
                assert results.option_count > 1
                for option in results.options:
                    assert without_spaces(str(option.prompt)) in shown, f"{str(option.prompt)!r} at {size}"
                app.pop_screen()
                await settle(pilot)
