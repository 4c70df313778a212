"""The source view's rows: a source's paragraphs in order, each followed by what cites it; where
the view opens from an entity or a field; digits read as a paragraph number."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.facts import FactBase, load
from tui.facts.citations import Citation, Paragraph, by_paragraph, citations, provenance_of
from tui.facts.source_rows import ParagraphJump, Place, source_rows, where_cited

REPO = Path(__file__).resolve().parents[2]
SOURCE = "donga-2023-03-07"


@pytest.fixture(scope="module")
def facts() -> FactBase:
    return load(REPO / "facts.toml")


def test_rows_are_each_paragraph_then_every_entry_citing_it(facts: FactBase) -> None:
    rows = source_rows(facts, SOURCE)
    expected: list[object] = []
    for paragraph in by_paragraph(facts, SOURCE):
        expected += [paragraph.number, *((c.entity.id, c.index) for c in paragraph.citations)]
    shown = [r.number if isinstance(r, Paragraph) else (r.entity.id, r.index) for r in rows.rows]
    assert shown == expected
    numbers = [p.number for p in rows.paragraphs]
    assert numbers == list(range(rows.source.paragraphs + 1))  # 0 (headline) to the last, in order


def test_every_paragraph_and_every_citation_of_the_source_has_its_row(facts: FactBase) -> None:
    rows = source_rows(facts, SOURCE)
    for paragraph in rows.paragraphs:
        row = rows.row_of_paragraph(paragraph.number)
        assert row is not None and rows.rows[row] is paragraph
    assert rows.row_of_paragraph(rows.source.paragraphs + 1) is None
    cited = 0
    for entity in facts:
        for index, entry in enumerate(provenance_of(entity)):
            row = rows.row_of_entry(entity.id, index)
            if entry.source != SOURCE:
                assert row is None
                continue
            cited += 1
            assert row is not None
            citation = rows.rows[row]
            assert isinstance(citation, Citation) and citation.entity is entity
            assert rows.paragraph_at(row).number == entry.paragraph  # under the paragraph it cites
    assert cited == len(rows) - len(rows.paragraphs)


def test_stepping_goes_from_heading_to_heading_and_stops_at_the_ends(facts: FactBase) -> None:
    rows = source_rows(facts, SOURCE)
    headings = rows.heading_rows
    for n, heading in enumerate(headings):
        end = headings[n + 1] if n + 1 < len(headings) else len(rows)
        for row in range(heading, end):
            assert rows.step(row, 0) == heading
            assert rows.step(row, 1) == headings[min(n + 1, len(headings) - 1)]
            assert rows.step(row, -1) == headings[max(n - 1, 0)]


def test_the_view_opens_where_the_entity_or_its_field_is_cited(facts: FactBase) -> None:
    for entity in facts:
        place = where_cited(entity)
        entries = provenance_of(entity)
        if entity.KIND == "source":
            assert place == Place(entity.id)
            continue
        assert place is not None and place.index == 0
        assert (place.source, place.paragraph) == (entries[0].source, entries[0].paragraph)
        for field, cited in citations(entity).items():
            place = where_cited(entity, field)
            assert place is not None and place.index is not None
            entry = entries[place.index]
            assert entry is cited[0] and field in entry.fields
            assert (place.source, place.paragraph, place.entity) == (entry.source, entry.paragraph, entity.id)


def test_an_uncited_field_opens_at_the_entity_s_first_citation(facts: FactBase) -> None:
    lvis = facts["lvis"]
    assert "id" not in citations(lvis)
    assert where_cited(lvis, "id") == where_cited(lvis)


@pytest.mark.parametrize(
    ("paragraphs", "typed", "reached"),
    [
        (range(9), "6", [6]),
        (range(9), "63", [6, 3]),  # no paragraph 63: the 3 starts a new number
        (range(31), "12", [1, 12]),
        (range(31), "123", [1, 12, 3]),
        (range(31), "0", [0]),
        (range(31), "06", [0, 6]),
        (range(5), "9", [None]),  # no such paragraph: nothing happens
        (range(5), "93", [None, 3]),
    ],
)
def test_digits_go_to_a_paragraph_as_they_are_typed(paragraphs: range, typed: str, reached: list) -> None:
    jump = ParagraphJump()
    assert [jump.digit(d, paragraphs) for d in typed] == reached


def test_another_key_ends_the_number(facts: FactBase) -> None:
    jump = ParagraphJump()
    assert jump.digit("1", range(31)) == 1
    jump.reset()
    assert jump.digit("2", range(31)) == 2  # not 12


UNCITED_SOURCE = """
[meta]
title = "one source"
schema_version = 1
language = "ko"

[[sources]]
id = "s"
outlet = { ko = "신문", en = "Paper" }
title = { ko = "기사", en = "Article" }
published = 2023-03-07
paragraphs = 3
"""


def test_a_source_cited_by_nothing_still_lists_its_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "facts.toml"
    path.write_text(UNCITED_SOURCE, encoding="utf-8")
    facts = load(path, cache=False)
    rows = source_rows(facts, "s")
    assert [r.number for r in rows.rows if isinstance(r, Paragraph)] == [0, 1, 2, 3]
    assert len(rows) == 4 and rows.row_of_entry("s", 0) is None
    assert rows.step(0, 10) == 3 and rows.step(3, -10) == 0


def test_only_a_source_has_rows(facts: FactBase) -> None:
    with pytest.raises(KeyError):
        source_rows(facts, "lvis")  # not a source
    with pytest.raises(KeyError):
        source_rows(facts, "no-such-source")
