"""An entity's page (`render.entity_page`): one layout for the detail pane and `facts-tui show`.

The pane draws the page's rows with a cursor on some of them; `show` prints the same rows and
then the Citations grid. Checked over every entity of the bundled file, in both languages.
"""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from tui.facts import FactBase
from tui.facts.messages import msg
from tui.render.entity import entity_page, mentions, render_entity

LANGS = ["ko", "en"]
SECTIONS = ["heading.provenance", "heading.links", "heading.mentioned_in", "heading.citations"]


def show_lines(facts: FactBase, entity_id: str, lang: str) -> list[str]:
    console = Console(width=200, record=True, file=io.StringIO(), color_system=None)
    console.print(render_entity(facts, facts[entity_id], lang))  # type: ignore[arg-type]
    return [line.rstrip() for line in console.export_text().splitlines()]


@pytest.mark.parametrize("lang", LANGS)
def test_show_prints_the_page_in_the_panes_order_then_its_citations(bundled: FactBase, lang: str) -> None:
    """Title, fields, provenance, links, mentioned in, then (only in `show`) citations."""
    for entity in bundled:
        lines = show_lines(bundled, entity.id, lang)
        headings = [msg(key, lang) for key in SECTIONS]
        found = [n for n, line in enumerate(lines) for h in headings if line.split(" (")[0] == h]
        order = [headings.index(lines[n].split(" (")[0]) for n in found]
        assert order == sorted(order), f"{entity.id} in {lang}: sections out of order"
        assert lines[0].startswith(entity.label(lang)), f"{entity.id} in {lang}: the title first"
        page = entity_page(bundled, entity, lang)
        heading_rows = [row.text.plain.split(" (")[0] for row in page if row.kind == "heading"]
        assert heading_rows == [lines[n].split(" (")[0] for n in found][: len(heading_rows)]


@pytest.mark.parametrize("lang", LANGS)
def test_every_row_says_what_it_is_about(bundled: FactBase, lang: str) -> None:
    """Fields carry their key, provenance entries their index, links and backlinks their target
    (what the pane's cursor acts on), in the fact base's order."""
    for entity in bundled:
        page = entity_page(bundled, entity, lang)
        assert [row.kind for row in page[:2]] == ["title", "blank"]
        entries = [row.entry for row in page if row.kind == "provenance"]
        assert entries == list(range(len(bundled.sources_of(entity))))
        links = [row.target for row in page if row.kind == "link"]
        assert links == [link.entity.id for link in bundled.links(entity.id)]
        backlinks = [row.target for row in page if row.kind == "backlink"]
        assert backlinks == [b.entity.id for b in mentions(bundled, entity)]
        for row in page:
            assert (row.kind == "field") == (row.field is not None) == (row.label is not None)


@pytest.mark.parametrize("lang", LANGS)
def test_capped_backlinks_are_the_first_ones_and_a_count_of_the_rest(bundled: FactBase, lang: str) -> None:
    """The pane's cap lists the first backlinks and says how many more; the heading counts all."""
    cap = 3
    capped_some = False
    for entity in bundled:
        whole = entity_page(bundled, entity, lang)
        capped = entity_page(bundled, entity, lang, max_backlinks=cap)
        total = sum(row.kind == "backlink" for row in whole)
        if total <= cap:
            assert [r.text.plain for r in capped] == [r.text.plain for r in whole]
            continue
        capped_some = True
        assert [r.text.plain for r in capped[:-1]] == [r.text.plain for r in whole][: len(capped) - 1]
        assert sum(row.kind == "backlink" for row in capped) == cap
        assert capped[-1].kind == "more"
        assert capped[-1].text.plain == msg("detail.n_more", lang, n=total - cap)
        heading = next(r for r in capped if r.kind == "heading" and r.text.plain.endswith(f"({total})"))
        assert heading.text.plain.startswith(msg("heading.mentioned_in", lang))
    assert capped_some
