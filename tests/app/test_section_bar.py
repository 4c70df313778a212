"""The section bar names every section at any width from 60 columns, in both languages."""

from __future__ import annotations

import re

import pytest
from screen_text import settle, visible_text

from tui.facts import ENTITY_KINDS, FactBase
from tui.facts.messages import msg
from tui.facts.text import section_label
from tui.ui.widgets.section_bar import SectionBar, SectionName, section_line


def names(counts: dict[str, int], lang: str) -> list[SectionName]:
    """The sections as the main screen labels them ('Organizations 7')."""
    return [
        SectionName.of(kind, f"{section_label(kind, lang)} {counts[kind]:,}", lang) for kind in ENTITY_KINDS
    ]


def unnamed(line: str, lang: str) -> list[str]:
    """The sections whose key and name (full or short), whole, are not on `line`."""
    missing = []
    for n, kind in enumerate(ENTITY_KINDS, start=1):
        full, short = re.escape(section_label(kind, lang)), re.escape(msg(f"section_short.{kind}", lang))
        if not re.search(rf"(^| ){n} ({full}|{short})( [\d,]+)?( |$)", line):
            missing.append(kind)
    return missing


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_section_is_named_whole_at_every_width(facts: FactBase, lang: str) -> None:
    small = facts.counts()
    big = {kind: 16_667 for kind in ENTITY_KINDS}  # a 100,000-entity file
    for counts in (small, big):
        sections = names(counts, lang)
        for active in ENTITY_KINDS:
            for width in range(60, 201):
                text, spans = section_line(sections, active, width)
                assert text.cell_len <= width
                assert not unnamed(text.plain, lang), (width, active, text.plain)
                assert [kind for _, _, kind in spans] == list(ENTITY_KINDS)
            # Wide enough, every label is whole, with its count.
            assert (
                text.plain.split()
                == " ".join(f"{n} {s.full} {s.count}" for n, s in enumerate(sections, 1)).split()
            )


@pytest.mark.parametrize("lang", ["ko", "en"])
async def test_the_bar_on_screen_names_every_section(make_app, lang: str) -> None:
    app = make_app()
    async with app.run_test(size=(200, 30)) as pilot:
        if app.lang != lang:
            app.action_toggle_language()
        for width in (60, 80, 100, 200):
            await pilot.resize_terminal(width, 30)
            await settle(pilot)
            line = visible_text(app, app.screen.query_one(SectionBar))
            assert not unnamed(line, lang), (width, line)
