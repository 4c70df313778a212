"""Citations per field (tui/facts/citations.py): which names a provenance entry may give in `fields`,
what each field is cited by, what is left uncited, and a source read paragraph by paragraph.

The loader's rule is checked on both of its paths: the fast one (`_certainly_meaningful`, which
only answers "all fine?") and the full one that collects located problems.
"""

from __future__ import annotations

import re
from pathlib import Path

import msgspec
import pytest
import tomli

from tui.facts import FactFileError, loads
from tui.facts.citations import citable_fields
from tui.facts.fields import KINDS
from tui.facts.load import _certainly_meaningful
from tui.facts.model import ENTITY_KINDS, TYPE_BY_KIND, FactFile

MINIMAL = (Path(__file__).resolve().parents[1] / "fixtures" / "minimal.toml").read_text(encoding="utf-8")
ACME_PROVENANCE = 'provenance = [{ source = "src", paragraph = 1 }]'
MOU_PROVENANCE = 'provenance = [{ source = "src", paragraph = 3 }]'


def with_provenance(old: str, new: str, text: str = MINIMAL) -> str:
    assert text.count(old) == 1
    return text.replace(old, new)


def fast_path_accepts(text: str) -> bool:
    return _certainly_meaningful(msgspec.convert(tomli.loads(text), FactFile))


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


def test_fast_path_agrees_with_the_full_check_on_every_citable_and_uncitable_name() -> None:
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
