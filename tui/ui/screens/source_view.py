"""The source view: a source's paragraphs in order (0 is the headline, deck or caption), under
each the entities and fields that cite it, with their quotes. "What comes from paragraph 6?" is
`p` on the source, then `6`. Enter opens the citing entity in the explorer, as a history step.

Opened with `p` on a source (the Sources section), on an entity (where it is cited), or from a
citation (a provenance entry in the detail pane, the citation dialog of a field).
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from tui.facts import FactBase
from tui.facts.messages import msg
from tui.facts.model import Language
from tui.facts.source_rows import Place, source_rows
from tui.render.entity import paragraph_words
from tui.render.styles import DIM
from tui.ui.screens.view import ExplorerView
from tui.ui.widgets.bars import KeyBar, TitleBar
from tui.ui.widgets.paragraph_list import ParagraphList


class SourceViewScreen(ExplorerView):
    """Dismisses with the id of the entity to open, or None."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")

    def __init__(self, facts: FactBase, place: Place, lang: Language) -> None:
        super().__init__()
        self.facts = facts
        self.place = place
        self.lang: Language = lang
        self.rows = source_rows(facts, place.source)

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(self._title(), classes="view-title")
        yield Static(self._where(0), id="source-where")
        yield ParagraphList(self.rows, self.lang, id="paragraph-list")
        yield KeyBar()

    def on_mount(self) -> None:
        paragraphs = self.query_one(ParagraphList)
        place = self.place
        heading = self.rows.row_of_paragraph(place.paragraph) if place.paragraph is not None else None
        entry = (
            self.rows.row_of_entry(place.entity, place.index)
            if place.entity is not None and place.index is not None
            else None
        )
        if heading is not None:
            paragraphs.go_to(heading, at_top=True)  # what else cites that paragraph shows below
        if entry is not None:
            paragraphs.go_to(entry)
        paragraphs.focus()

    def _title(self) -> Text:
        """The source's title and id (cut with '…' when narrow; the keys are in the key bar)."""
        source = self.rows.source
        title = Text(source.title.pick(self.lang), style="bold")
        title.append(f" ({source.id})", style=DIM)
        return title

    def _where(self, row: int) -> Text:
        """'Dong-A Ilbo, 2023-03-07 · 108 citations · paragraph 6 · row 40 of 117'."""
        source = self.rows.source
        cited = len(self.rows) - len(self.rows.paragraphs)
        where = Text(f"{source.outlet.pick(self.lang)}, {source.published.isoformat()}")
        where.append(" · " + msg("cites.count", self.lang, n=cited), style=DIM)
        if self.rows.rows:
            paragraph = paragraph_words(self.rows.paragraph_at(row).number, self.lang)
            position = msg(
                "source_view.where", self.lang, paragraph=paragraph, n=row + 1, total=len(self.rows)
            )
            where.append(f" · {position}")
        return where

    def on_paragraph_list_moved(self, event: ParagraphList.Moved) -> None:
        self.query_one("#source-where", Static).update(self._where(event.row))

    def on_paragraph_list_opened(self, event: ParagraphList.Opened) -> None:
        self.dismiss(event.entity_id)

    @property
    def highlighted_id(self) -> str | None:
        """The citing entity under the cursor; on a paragraph's heading, the source."""
        citation = self.query_one(ParagraphList).highlighted
        return citation.entity.id if citation is not None else self.rows.source.id

    def set_language(self, lang: Language) -> None:
        self.lang = lang
        self.query_one(".view-title", Static).update(self._title())
        paragraphs = self.query_one(ParagraphList)
        self.query_one("#source-where", Static).update(self._where(paragraphs.cursor))
        paragraphs.set_language(lang)

    def action_source_view(self) -> None:
        """`p` again closes the source view."""
        self.dismiss(None)
