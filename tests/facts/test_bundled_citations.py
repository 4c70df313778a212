"""Every fact in the bundled file is cited field by field, with the article's own words.

The article's text is kept in `tests/fixtures/seed-article.txt` (a clean clone has no
/work/shared), and split into the paragraphs that facts.toml numbers: 0 is the headline, the deck,
the photo caption and the page furniture; 1..8 are the body paragraphs in order. A quote must be
found, character for character (the same ‘ ’, ㈜, ㎡ and spacing), in the paragraph its entry names:
a quote in the wrong paragraph, or a paraphrase, fails here.
"""

from __future__ import annotations

import re
from pathlib import Path

import msgspec
import pytest

from tui.facts import FactBase
from tui.facts.citations import uncited_fields
from tui.facts.fields import KINDS, Field
from tui.facts.model import TYPE_BY_KIND, Dated, Named, Provenance, Source

REPO = Path(__file__).resolve().parents[2]
ARTICLE = REPO / "tests" / "fixtures" / "seed-article.txt"
SEED = Path("/work/shared/seed/daegu-future-industries-2023-03-07.txt")
"""Where the development workspace keeps the article; the fixture is a copy of it."""
SOURCE_ID = "donga-2023-03-07"
NOT_CLAIMS = {"id", "provenance", "tags"}
"""Fields no entry names: the id and the provenance are the file's own, tags are the curator's labels."""
LONGEST_QUOTE = 60
"""A quote is a phrase or a clause that shows where a fact is, not a paragraph copied out."""


def article_paragraphs(text: str) -> list[str]:
    """The article in the parts facts.toml numbers: [0] everything that is not body text, [1..8] the
    body paragraphs in order.

    A body paragraph is a line that ends a sentence ('…다.'). The headline and the deck end without
    a full stop, the photo caption ends with its credit ('대구시 제공') and the page furniture
    (outlet, time of input, byline, tags, buttons) is not prose, so all of those make part 0.
    """
    body: list[str] = []
    other: list[str] = []
    for line in text.splitlines():
        (body if line.rstrip().endswith(".") else other).append(line)
    return ["\n".join(other), *body]


@pytest.fixture(scope="module")
def paragraphs() -> list[str]:
    return article_paragraphs(ARTICLE.read_text(encoding="utf-8"))


def cited_entities(facts: FactBase) -> list[Named]:
    return [entity for entity in facts if isinstance(entity, Named)]


def entries(facts: FactBase) -> list[tuple[Named, int, Provenance]]:
    """Every provenance entry of the file, with its entity and its number (1-based, as `check` counts)."""
    return [(e, n, p) for e in cited_entities(facts) for n, p in enumerate(e.provenance, 1)]


# -- the article and its paragraphs ---------------------------------------------------------------------


def test_the_fixture_is_the_article_the_workspace_keeps() -> None:
    if not SEED.is_file():
        pytest.skip(f"the article is not at {SEED} (a clean clone has only the fixture)")
    assert ARTICLE.read_bytes() == SEED.read_bytes()


def test_the_splitter_numbers_paragraphs_as_the_fact_files_header_does(
    paragraphs: list[str], bundled: FactBase, bundled_text: str
) -> None:
    source = bundled[SOURCE_ID]
    assert isinstance(source, Source)
    assert len(paragraphs) == 9 == source.paragraphs + 1
    first_words = [
        "대구시, 미래 산업 육성으로",  # the headline opens part 0
        "대구시가 미래 산업 개척에",
        "시와 뇌 전문기업인 엘비스(LVIS)",
        "LVIS는 2013년 미국",
        "시와 LVIS는 올해 1월",
        "이 대표는 협약 체결 이후",
        "대구시는 또 최근",
        "이번 협약은 시가",
        "대구시는 모빌리티 산업을",
    ]
    for number, (paragraph, words) in enumerate(zip(paragraphs, first_words, strict=True)):
        assert paragraph.startswith(words), number
    # The header comment of facts.toml names the first words of the first and the last body paragraph.
    header = "\n".join(line for line in bundled_text.splitlines()[:12] if line.startswith("#"))
    named = re.findall(r'"([^"]+)…" \((\d)\)', header)
    assert [n for _, n in named] == ["1", "8"]
    for words, number in named:
        assert paragraphs[int(number)].startswith(words)
    # Part 0 holds the deck, the photo caption and the byline, and no body sentence.
    assert "‘디지털 브레인 산업 육성’ 협약 체결" in paragraphs[0]
    assert "(왼쪽부터)이 업무 협약을 체결하고 있다. 대구시 제공" in paragraphs[0]
    assert "장영훈 기자 jang@donga.com" in paragraphs[0]
    assert not any(body[:20] in paragraphs[0] for body in paragraphs[1:])


# -- quotes -------------------------------------------------------------------------------------------------


def test_every_quote_is_the_articles_own_words_in_the_paragraph_it_cites(
    bundled: FactBase, paragraphs: list[str]
) -> None:
    quoted = [(e, n, p) for e, n, p in entries(bundled) if p.quote]
    assert quoted
    wrong = []
    for entity, number, entry in quoted:
        assert entry.source == SOURCE_ID
        if entry.quote not in paragraphs[entry.paragraph]:
            elsewhere = [i for i, text in enumerate(paragraphs) if entry.quote in text]
            where = f"found in paragraph {elsewhere}" if elsewhere else "not in the article"
            wrong.append(
                f"{entity.id} provenance #{number} (paragraph {entry.paragraph}): {entry.quote!r} {where}"
            )
    assert wrong == []


def test_every_quote_is_a_phrase_not_a_paragraph(bundled: FactBase, paragraphs: list[str]) -> None:
    long = [
        f"{e.id} provenance #{n}: {len(p.quote)} characters"
        for e, n, p in entries(bundled)
        if len(p.quote) > LONGEST_QUOTE or p.quote.strip() == paragraphs[p.paragraph].strip()
    ]
    assert long == []


# -- fields -------------------------------------------------------------------------------------------------


def claims(kind: str) -> list[Field]:
    """The fields of `kind` that a source states (the parts of a field are cited with it)."""
    return [f for f in KINDS[kind].fields if f.key not in NOT_CLAIMS and not f.part_of]


def _default(kind: str, key: str) -> object:
    info = next(i for i in msgspec.structs.fields(TYPE_BY_KIND[kind]) if i.name == key)
    if info.default_factory is not msgspec.NODEFAULT:
        return info.default_factory()
    return info.default


def has_value(entity: Named, field: Field) -> bool:
    """Whether the entity gives the field: a value of its own, or a part set ('recently' for a date)."""
    parts = [f for f in KINDS[entity.KIND].fields if f.part_of == field.key]
    return bool(getattr(entity, field.key)) or any(
        getattr(entity, part.key) != _default(entity.KIND, part.key) for part in parts
    )


def test_every_field_with_a_value_of_every_entity_is_named_by_an_entry(bundled: FactBase) -> None:
    # What `facts-tui check` warns about, read through the library...
    assert {e.id: missing for e in cited_entities(bundled) if (missing := uncited_fields(e))} == {}
    # ...and a field given only by a part is cited too: an agreement dated only 'recently'.
    uncited = {}
    for entity in cited_entities(bundled):
        named = {name for entry in entity.provenance for name in entry.fields}
        missing = [f.key for f in claims(entity.KIND) if has_value(entity, f) and f.key not in named]
        if missing:
            uncited[entity.id] = missing
    assert uncited == {}
    noted_only = {
        e.id for e in cited_entities(bundled) if isinstance(e, Dated) and e.date_note and not e.date
    }
    assert "mou-core-automotive" in noted_only  # so the second check has something to check


def test_every_named_field_is_a_claim_of_that_kind(bundled: FactBase) -> None:
    wrong = []
    for entity, number, entry in entries(bundled):
        allowed = {f.key for f in claims(entity.KIND)}
        wrong += [f"{entity.id} provenance #{number}: {name}" for name in entry.fields if name not in allowed]
    assert wrong == []


def test_every_entry_names_what_it_supports_and_only_fields_the_entity_gives(bundled: FactBase) -> None:
    # An entry naming no field would cite the entity as a whole; one naming an empty field cites nothing.
    vague, empty = [], []
    for entity, number, entry in entries(bundled):
        if not entry.fields:
            vague.append(f"{entity.id} provenance #{number}")
        fields = {f.key: f for f in claims(entity.KIND)}
        empty += [
            f"{entity.id} provenance #{number}: {name}"
            for name in entry.fields
            if name in fields and not has_value(entity, fields[name])
        ]
    assert (vague, empty) == ([], [])


def test_no_entity_repeats_an_entry(bundled: FactBase) -> None:
    repeated = [
        entity.id
        for entity in cited_entities(bundled)
        if len({(p.paragraph, p.quote) for p in entity.provenance}) != len(entity.provenance)
    ]
    assert repeated == []
