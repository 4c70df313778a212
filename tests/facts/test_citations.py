"""Citations per field (tui/facts/citations.py): which names a provenance entry may give in `fields`,
what each field is cited by, what is left uncited, and a source read paragraph by paragraph.

The loader's rule is checked on both of its paths: the fast one (`tui.facts.rules.fine`, which
only answers "all fine?") and the full one that collects located problems (`FACTS_TUI_FULL_CHECK=1`).
"""

from __future__ import annotations

import importlib.util
import re
from collections import Counter
from pathlib import Path

import msgspec
import pytest
import tomli

from tui.facts import FactBase, FactFileError, loads
from tui.facts.citations import (
    MAX_LISTED_PARAGRAPHS,
    by_paragraph,
    citable_fields,
    citations,
    marks,
    uncited,
    uncited_fields,
    uncited_problems,
)
from tui.facts.fields import KINDS, field_rows
from tui.facts.load import FULL_CHECK
from tui.facts.locate import Locator
from tui.facts.model import ENTITY_KINDS, TYPE_BY_KIND, FactFile
from tui.facts.rules import fine

REPO = Path(__file__).resolve().parents[2]
MINIMAL = (REPO / "tests" / "fixtures" / "minimal.toml").read_text(encoding="utf-8")
ACME_PROVENANCE = 'provenance = [{ source = "src", paragraph = 1 }]'
MOU_PROVENANCE = 'provenance = [{ source = "src", paragraph = 3 }]'


def with_provenance(old: str, new: str, text: str = MINIMAL) -> str:
    assert text.count(old) == 1
    return text.replace(old, new)


def fast_path_accepts(text: str) -> bool:
    return fine(msgspec.convert(tomli.loads(text), FactFile))


def problems_of(text: str) -> list:
    with pytest.raises(FactFileError) as info:
        loads(text, "cited.toml")
    return info.value.problems


# -- what may be cited ---------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ENTITY_KINDS)
def test_citable_fields_are_the_kinds_own_top_level_fields_but_id_provenance_and_parts(kind: str) -> None:
    table = KINDS[kind].fields
    cited = citable_fields(kind)
    assert set(cited) <= {f.key for f in table}
    assert not {"id", "provenance"} & set(cited)
    assert not {f.key for f in table if f.part_of} & set(cited)
    if kind == "source":
        assert cited == ()  # a source is what is cited; it has no provenance of its own
    else:
        assert {"name", "summary", "tags"} <= set(cited)
        assert [k for k in (f.key for f in table) if k in cited] == list(cited)  # the table's order


# -- the loader's rule, both paths -----------------------------------------------------------------------


def test_entries_naming_citable_fields_or_none_keep_a_file_valid() -> None:
    text = with_provenance(
        ACME_PROVENANCE,
        'provenance = [{ source = "src", paragraph = 1, fields = ["founded", "valuation"] },'
        ' { source = "src", paragraph = 2 }, { source = "src", paragraph = 3, fields = ["founded"] }]',
    )
    assert fast_path_accepts(text)
    facts = loads(text)
    assert facts["acme"].provenance[0].fields == ("founded", "valuation")
    assert facts["acme"].provenance[1].fields == ()
    assert fast_path_accepts(MINIMAL) and loads(MINIMAL)  # a file naming no fields at all


def test_a_name_that_is_not_a_citable_field_is_a_located_problem_with_did_you_mean() -> None:
    text = with_provenance(
        ACME_PROVENANCE,
        'provenance = [{ source = "src", paragraph = 1 },\n'
        '  { source = "src", paragraph = 2, fields = ["founded", "foundrs"] }]',
    )
    assert not fast_path_accepts(text)
    (problem,) = problems_of(text)
    line = text.split("\n").index('  { source = "src", paragraph = 2, fields = ["founded", "foundrs"] }]') + 1
    assert (problem.line, problem.where) == (line, "organizations[acme].provenance[#2].fields")
    assert text.split("\n")[line - 1][problem.col - 1 :].startswith('"foundrs"')  # the name itself
    assert problem.message == "'foundrs' is not a field a citation of kind 'organization' can name"
    assert problem.hint == "did you mean 'founders'?"


@pytest.mark.parametrize(
    ("name", "hint"),
    [
        ("date_precision", "'date_precision' is part of 'date': name 'date'"),
        ("date_note", "'date_note' is part of 'date': name 'date'"),
        ("id", "'id' is not something a source says: leave it out"),
        ("provenance", "'provenance' is not something a source says: leave it out"),
        ("partys", "did you mean 'parties'?"),
        ("zzzz", "name one of this kind's fields: " + ", ".join(citable_fields("agreement"))),
    ],
)
def test_each_uncitable_name_says_what_to_write_instead(name: str, hint: str) -> None:
    text = with_provenance(
        MOU_PROVENANCE, f'provenance = [{{ source = "src", paragraph = 3, fields = ["date", "{name}"] }}]'
    )
    assert not fast_path_accepts(text)
    (problem,) = problems_of(text)
    assert problem.where == "agreements[mou].provenance[#1].fields"
    assert problem.hint == hint


def test_every_bad_name_of_every_entity_is_reported_at_once() -> None:
    text = MINIMAL
    bad = 0
    for match in re.finditer(r'provenance = \[\{ source = "src"(, paragraph = \d)? \}\]', MINIMAL):
        old = match.group(0)
        text = text.replace(old, old[:-3] + ', fields = ["nope", "name", "nah"] }]')
        bad += 2
    problems = problems_of(text)
    assert len(problems) == bad
    assert all(p.where.endswith(".fields") and p.line and p.col for p in problems)


def test_fast_path_agrees_with_the_full_check_on_every_citable_and_uncitable_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(FULL_CHECK, "1")
    for kind in ENTITY_KINDS[:-1]:  # the named kinds; sources have no provenance
        table = KINDS[kind]
        names = [f.key for f in table.fields] + ["nope", "Name"]
        for name in names:
            text = _cite_in_first_of(kind, name)
            try:
                loads(text)
                full = True
            except FactFileError:
                full = False
            assert fast_path_accepts(text) is full, (kind, name)
            assert full is (name in citable_fields(kind)), (kind, name)


def _cite_in_first_of(kind: str, name: str) -> str:
    """minimal.toml with the first entity of `kind` citing `name` in its one provenance entry."""
    table = TYPE_BY_KIND[kind].TABLE
    start = MINIMAL.index(f"[[{table}]]")
    at = MINIMAL.index("provenance = [{", start)
    end = MINIMAL.index("}]", at)
    return MINIMAL[:end] + f', fields = ["{name}"] ' + MINIMAL[end:]


# -- an entity's citations, on a generated file --------------------------------------------------------


def _generated(entities: int, seed: int, cited: float) -> str:
    spec = importlib.util.spec_from_file_location("facts_generate", REPO / "benchmarks" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.generate(entities, seed, cited)


@pytest.fixture(scope="module")
def half_cited_text() -> str:
    return _generated(300, seed=4, cited=0.5)


@pytest.fixture(scope="module")
def half_cited(half_cited_text: str) -> FactBase:
    return loads(half_cited_text, "half.toml")


def test_a_generated_file_with_every_field_cited_loads_on_the_fast_path_and_leaves_nothing_uncited() -> None:
    text = _generated(200, seed=9, cited=1.0)
    assert fast_path_accepts(text)
    facts = loads(text)
    assert not list(uncited(facts))
    assert sum(len(citations(e)) for e in facts) > 200


def test_citations_and_uncited_fields_split_every_given_field_of_every_entity(half_cited: FactBase) -> None:
    for entity in half_cited:
        cited, missing = citations(entity), uncited_fields(entity)
        named = [name for entry in getattr(entity, "provenance", ()) for name in entry.fields]
        assert set(cited) == set(named)
        assert list(cited) == [k for k in citable_fields(entity.KIND) if k in cited]  # the table's order
        for key, entries in cited.items():
            assert entries == tuple(e for e in entity.provenance if key in e.fields)  # file order
        assert not set(missing) & set(cited)
        for key in citable_fields(entity.KIND):
            given = bool(getattr(entity, key))
            if key in missing:
                assert given and key != "tags"
            elif given and key not in cited:
                assert key == "tags" or (key == "kind" and entity.kind in ("mou", "program"))
    assert not uncited_fields(half_cited.of_kind("source")[0])


def test_a_kind_the_file_does_not_write_is_not_uncited() -> None:
    facts = loads(MINIMAL)
    assert "kind" not in uncited_fields(facts["mou"])  # agreements default to "mou"
    assert "kind" not in uncited_fields(facts["plan"])  # projects to "program"
    assert "kind" in uncited_fields(facts["acme"])  # organizations must say


def test_marks_name_the_paragraphs_of_the_first_source_and_the_id_of_others() -> None:
    text = with_provenance(
        ACME_PROVENANCE,
        'provenance = [{ source = "src", paragraph = 3, fields = ["founded"] },'
        ' { source = "src", paragraph = 0, fields = ["founded", "name"] },'
        ' { source = "other", paragraph = 2, fields = ["founded"] }, { source = "src", paragraph = 3, fields = ["founded"] }]',
    )
    text += '\n[[sources]]\nid = "other"\noutlet = { en = "Other" }\ntitle = { en = "T" }\npublished = 2023-03-08\n'
    assert marks(loads(text)["acme"]) == {"name": "¶0", "founded": "¶3, 0; other ¶2"}


def test_show_marks_every_cited_field_of_every_entity_and_no_other(half_cited: FactBase) -> None:
    for entity in half_cited:
        expected = marks(entity)
        for lang in ("ko", "en"):
            rows = list(field_rows(half_cited, entity, lang))
            got = {}
            for row in rows:
                cites = [p for line in row.items for p in line if p.kind == "cite"]
                if cites:
                    assert len(cites) == 1 and row.items[-1][-1] is cites[0]  # at the end of the value
                    got[row.field.key] = cites[0].text.strip()
            shown = {row.field.key for row in rows}
            assert got == {k: v for k, v in expected.items() if k in shown}
            assert set(expected) - shown <= {
                "date"
            }  # a cited field is shown (an undated date shows its note)


# -- a source paragraph by paragraph -------------------------------------------------------------------


def test_by_paragraph_lists_every_entry_of_the_source_exactly_once_in_paragraph_order(
    half_cited: FactBase,
) -> None:
    for source in half_cited.of_kind("source"):
        paragraphs = by_paragraph(half_cited, source.id)
        numbers = [p.number for p in paragraphs]
        assert numbers == sorted(set(numbers))
        assert set(range(source.paragraphs + 1)) <= set(numbers)
        listed = Counter((c.entity.id, c.index) for p in paragraphs for c in p.citations)
        expected = Counter(
            (e.id, i)
            for e in half_cited
            for i, entry in enumerate(getattr(e, "provenance", ()))
            if entry.source == source.id
        )
        assert listed == expected and max(listed.values(), default=1) == 1
        for paragraph in paragraphs:
            for c in paragraph.citations:
                entry = c.entity.provenance[c.index]
                assert (entry.paragraph, entry.fields, entry.quote) == (paragraph.number, c.fields, c.quote)


def test_by_paragraph_lists_a_paragraph_beyond_the_count_and_refuses_what_is_not_a_source() -> None:
    facts = loads(with_provenance(ACME_PROVENANCE, 'provenance = [{ source = "src", paragraph = 9 }]'))
    assert [p.number for p in by_paragraph(facts, "src")] == [0, 1, 2, 3, 4, 5, 9]
    for wrong in ("acme", "nope"):
        with pytest.raises(KeyError):
            by_paragraph(facts, wrong)


def test_a_huge_paragraph_count_lists_a_bounded_number_of_paragraphs() -> None:
    facts = loads(MINIMAL.replace("paragraphs = 5", f"paragraphs = {2**62}"))
    assert len(by_paragraph(facts, "src")) == MAX_LISTED_PARAGRAPHS + 1


# -- located warnings ------------------------------------------------------------------------------


def test_every_uncited_field_is_located_on_the_line_of_its_key(
    half_cited: FactBase, half_cited_text: str
) -> None:
    problems = uncited_problems(half_cited, half_cited_text)
    assert len(problems) == sum(1 for _ in uncited(half_cited)) > 100
    lines = half_cited_text.split("\n")
    for problem in problems:
        key = problem.where.rsplit(".", 1)[1]
        assert problem.line is not None and problem.col is not None, problem
        line = lines[problem.line - 1]
        assert line.startswith(f"{key} = ") or re.match(rf"\[\[?\w+\.{key}\]", line), (problem.where, line)
        assert problem.message == "no citation" and f'fields = ["{key}"]' in problem.hint
    assert [p.line for p in problems] == sorted(p.line or 0 for p in problems)


def test_keys_of_finds_each_key_where_position_of_does(half_cited: FactBase, half_cited_text: str) -> None:
    locator = Locator(half_cited_text, tomli.loads(half_cited_text))
    for entity in list(half_cited)[::7]:
        index = half_cited.position(entity.id)
        keys = locator.keys_of(entity.TABLE, index)
        for key in citable_fields(entity.KIND) or ("title",):
            if key in keys:
                assert keys[key] == locator.position_of((entity.TABLE, index, key)), (entity.id, key)


def test_the_documented_example_cites_only_citable_fields() -> None:
    text = (REPO / "docs" / "schema.md").read_text(encoding="utf-8")
    block = text.split("**Citing fields.**", 1)[1].split("```toml\n", 1)[1].split("```", 1)[0]
    entity = tomli.loads(block)["organizations"][0]
    named = {name for entry in entity["provenance"] for name in entry.get("fields", ())}
    assert named and named <= set(citable_fields("organization"))
    assert set(entity) - named - {"id", "provenance"} == {"tags"}  # every other field it gives is cited
