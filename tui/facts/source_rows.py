"""A source read paragraph by paragraph, as the rows of the explorer's source view.

`tui.facts.citations.by_paragraph` says which entries cite each paragraph; this lays that out as
one sequence of rows (a paragraph's heading, then its citations) and answers what the view asks of
it: which row a paragraph starts on ("what comes from paragraph 6?"), which row an entity's citation
is on, which paragraph a row belongs to. Nothing is copied per row beyond one list of references,
so a source cited by 100,000 entities opens in the time `by_paragraph` takes
(benchmarks/source_view_bench.py).

`where_cited` picks where the view opens from an entity or one of its fields, and `ParagraphJump`
turns typed digits into a paragraph. No Rich or Textual here.
"""

from __future__ import annotations

import bisect
from collections.abc import Container
from dataclasses import dataclass, field

from tui.facts.citations import Citation, Paragraph, by_paragraph, citations, provenance_of
from tui.facts.index import FactBase
from tui.facts.model import Entity, Source

Row = Paragraph | Citation
"""A row of the view: a paragraph's heading, or one entry citing it."""


@dataclass(slots=True)
class SourceRows:
    """The rows of one source: each paragraph's heading followed by the entries citing it."""

    source: Source
    rows: list[Row]
    heading_rows: list[int]
    """The row of each paragraph's heading, in order (rows of `paragraphs`)."""
    paragraphs: tuple[Paragraph, ...]
    _entry_rows: dict[tuple[str, int], int] | None = field(default=None, repr=False)

    def __len__(self) -> int:
        return len(self.rows)

    def row_of_paragraph(self, number: int) -> int | None:
        """The row of paragraph `number`'s heading, or None if the source has no such paragraph."""
        at = bisect.bisect_left(self.paragraphs, number, key=_number)
        if at < len(self.paragraphs) and self.paragraphs[at].number == number:
            return self.heading_rows[at]
        return None

    def row_of_entry(self, entity_id: str, index: int) -> int | None:
        """The row of `provenance[index]` of `entity_id`, if that entry cites this source."""
        if self._entry_rows is None:  # only asked for when the view opens on a citation
            self._entry_rows = {
                (row.entity.id, row.index): n for n, row in enumerate(self.rows) if isinstance(row, Citation)
            }
        return self._entry_rows.get((entity_id, index))

    def paragraph_at(self, row: int) -> Paragraph:
        """The paragraph that row `row` belongs to."""
        at = bisect.bisect_right(self.heading_rows, row) - 1
        return self.paragraphs[max(0, at)]

    def step(self, row: int, paragraphs: int) -> int:
        """The heading `paragraphs` paragraphs after (or, negative, before) the one of `row`."""
        at = bisect.bisect_right(self.heading_rows, row) - 1 + paragraphs
        return self.heading_rows[max(0, min(at, len(self.heading_rows) - 1))]


def _number(paragraph: Paragraph) -> int:
    return paragraph.number


def source_rows(facts: FactBase, source_id: str) -> SourceRows:
    """The rows of the source `source_id` (KeyError if there is no such source)."""
    paragraphs = by_paragraph(facts, source_id)
    rows: list[Row] = []
    headings: list[int] = []
    for paragraph in paragraphs:
        headings.append(len(rows))
        rows.append(paragraph)
        rows += paragraph.citations
    source = facts[source_id]
    assert isinstance(source, Source)  # by_paragraph raised KeyError otherwise
    return SourceRows(source, rows, headings, paragraphs)


@dataclass(frozen=True, slots=True)
class Place:
    """Where the source view opens: a source, and in it a paragraph and the entry of an entity."""

    source: str
    paragraph: int | None = None
    entity: str | None = None
    index: int | None = None
    """Which entry of the entity's provenance (`provenance[index]`)."""


def where_cited(entity: Entity, field: str | None = None) -> Place | None:
    """Where the source view opens from `entity`: a source at its top; otherwise the first entry
    citing `field` (if given and cited), else the entity's first entry, at its paragraph. None
    for an entity that cites nothing."""
    if isinstance(entity, Source):
        return Place(entity.id)
    entries = provenance_of(entity)
    if not entries:
        return None
    chosen = entries[0]
    if field is not None and (cited := citations(entity).get(field)):
        chosen = cited[0]
    index = next(n for n, entry in enumerate(entries) if entry is chosen)
    return Place(chosen.source, chosen.paragraph, entity.id, index)


class ParagraphJump:
    """Digits typed in the source view, read as a paragraph number.

    Each digit jumps at once: `6` goes to paragraph 6. A digit that continues the number typed so
    far into a paragraph the source has goes there (`1` then `2` is paragraph 12, if there is one);
    otherwise it starts a new number (on a source of 8 paragraphs, `6` then `3` is paragraph 3).
    Any other key ends the number (`reset`).
    """

    def __init__(self) -> None:
        self.typed = ""

    def digit(self, digit: str, exists: Container[int]) -> int | None:
        """The paragraph to go to after `digit`, given the paragraph numbers that exist; None if
        neither the longer number nor the digit alone is a paragraph."""
        assert digit.isdigit() and len(digit) == 1
        for typed in (self.typed + digit, digit):
            number = int(typed)
            if number in exists:
                self.typed = typed.lstrip("0") or "0"
                return number
        self.typed = ""
        return None

    def reset(self) -> None:
        self.typed = ""
