"""The source view (p) and the citation of the field under the cursor (i), as a user drives them."""

from __future__ import annotations

from screen_text import settle, squeeze, visible_lines, visible_text

from tui.facts import FactBase
from tui.facts.citations import citations
from tui.facts.messages import msg
from tui.facts.source_rows import source_rows
from tui.render.entity import paragraph_words
from tui.ui.screens.citation import CitationScreen
from tui.ui.screens.main import MainScreen
from tui.ui.screens.source_view import SourceViewScreen
from tui.ui.widgets.detail import DetailPane
from tui.ui.widgets.paragraph_list import ParagraphList

SOURCE = "donga-2023-03-07"
SIZE = (80, 24)


async def test_from_sources_a_digit_shows_what_comes_from_that_paragraph_and_enter_opens_it(
    make_app, facts: FactBase
) -> None:
    app = make_app()
    rows = source_rows(facts, SOURCE)
    sixth = rows.paragraphs[6]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("6", "p")  # the Sources section, then the source view of its source
        await settle(pilot)
        assert isinstance(app.screen, SourceViewScreen)
        listing = app.screen.query_one(ParagraphList)
        assert visible_lines(app, listing)[0].strip().startswith(paragraph_words(0, app.lang))

        await pilot.press("6")
        await settle(pilot)
        lines = visible_lines(app, listing)
        assert squeeze(lines[0]).startswith(paragraph_words(6, app.lang))  # its heading on top
        shown = squeeze(" ".join(lines))
        for citation in sixth.citations[:3]:  # then what cites it, quotes whole
            assert f"({citation.entity.id})" in shown
            assert squeeze(citation.quote) in shown

        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        first = sixth.citations[0].entity
        assert app.main.current_entity_id == first.id
        assert app.main.history.trail()[-2:] == [SOURCE, first.id]  # a step, as other jumps are
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert app.main.current_entity_id == SOURCE


async def test_the_field_under_the_cursor_shows_its_citation_and_opens_the_source_there(
    make_app, facts: FactBase
) -> None:
    app = make_app()
    lvis = facts["lvis"]
    cited = citations(lvis)["founded"][0]
    index = lvis.provenance.index(cited)
    async with app.run_test(size=SIZE) as pilot:
        app.main.go_to("lvis")
        await settle(pilot)
        await pilot.press("tab")
        detail = app.screen.query_one(DetailPane)
        while detail.highlighted_field != "founded":
            await pilot.press("down")
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.screen, CitationScreen)
        said = squeeze(visible_text(app))
        assert squeeze(cited.quote) in said
        assert paragraph_words(cited.paragraph, app.lang) in said

        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SourceViewScreen)
        listing = app.screen.query_one(ParagraphList)
        assert listing.cursor == source_rows(facts, SOURCE).row_of_entry("lvis", index)
        assert squeeze(cited.quote) in squeeze(visible_text(app, listing))

        await pilot.press("l")  # the other language, in place
        await settle(pilot)
        assert app.lang == "en"
        assert lvis.label("en") in visible_text(app, listing)
        rows = source_rows(facts, SOURCE)
        assert msg("cites.count", "en", n=len(rows) - len(rows.paragraphs)) in visible_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
