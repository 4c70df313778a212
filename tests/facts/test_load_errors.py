"""A broken fact file is reported in full: every problem, each with its line, column, place and a fix.

Most cases break tests/fixtures/minimal.toml with one or more text edits and assert the complete
list of problems, in order, as (line, col, where, message). A line is given by a piece of text that
occurs on exactly one line of the broken file (or by its number), so the table reads like the file.
"""

from __future__ import annotations

import builtins
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from tui.facts import FactBase, FactFileError, Problem, load, loads

MINIMAL = (Path(__file__).resolve().parents[1] / "fixtures" / "minimal.toml").read_text(encoding="utf-8")
ID_REGEX = "^[a-z0-9][a-z0-9._-]{0,79}$"


class Case(NamedTuple):
    edits: list[tuple[str, str]]
    """(old, new) replacements applied to minimal.toml; each `old` must occur exactly once."""
    expected: list[tuple[str | int | None, int | None, str, str]]
    """(line: unique text on it, or its number, or None; col; where; message), in the reported order."""


def broken(edits: list[tuple[str, str]]) -> str:
    text = MINIMAL
    for old, new in edits:
        assert text.count(old) == 1, f"edit target {old!r} must occur exactly once"
        text = text.replace(old, new)
    return text


def line_of(text: str, anchor: str | int | None) -> int | None:
    """The 1-based number of the one line of `text` containing `anchor` (ints are line numbers)."""
    if anchor is None or isinstance(anchor, int):
        return anchor
    found = [n for n, line in enumerate(text.split("\n"), 1) if anchor in line]
    assert len(found) == 1, f"{anchor!r} is on lines {found}, expected exactly one"
    return found[0]


def problems_of(text: str, path: str = "broken.toml") -> list[Problem]:
    with pytest.raises(FactFileError) as info:
        loads(text, path)
    assert info.value.problems, "a FactFileError must carry at least one problem"
    return info.value.problems


CASES: dict[str, Case] = {
    # -- TOML syntax: tomli's message, its line and column ---------------------------------------
    "toml-syntax-trailing-comma": Case(
        [("founded = 2013", "founded = 2013,")],
        [("founded = 2013,", 15, "", "TOML syntax: Expected newline or end of document after a statement")],
    ),
    "toml-syntax-unterminated-string": Case(
        [('title = "Test file"', 'title = "Test file')],
        [('title = "Test file', 19, "", "TOML syntax: Illegal character '\\n'")],
    ),
    "toml-syntax-key-twice": Case(
        [("founded = 2013", "founded = 2013\nfounded = 2014")],
        [("founded = 2014", 15, "", "TOML syntax: Cannot overwrite a value")],
    ),
    "impossible-date-feb-30": Case(
        [("date = 2023-03-06", "date = 2023-02-30")],
        [("date = 2023-02-30", 8, "", "TOML syntax: Invalid date or datetime")],
    ),
    # -- wrong types ------------------------------------------------------------------------------
    "string-for-integer": Case(
        [("founded = 2013", 'founded = "2013"')],
        [('founded = "2013"', 1, "organizations[acme].founded", "expected int, found a string '2013'")],
    ),
    "boolean-for-integer": Case(
        [("founded = 2013", "founded = true")],
        [("founded = true", 1, "organizations[acme].founded", "expected int, found a boolean True")],
    ),
    "float-for-integer-amount": Case(
        [("amount = 288000000000", "amount = 2.88e11")],
        [
            (
                "amount = 2.88e11",
                12,
                "projects[plan].budget.amount",
                "expected int, found a number 288000000000.0",
            )
        ],
    ),
    "string-for-array": Case(
        [('parties = ["acme", "city"]', 'parties = "acme"')],
        [('parties = "acme"', 1, "agreements[mou].parties", "expected an array, found a string 'acme'")],
    ),
    "string-for-table": Case(
        [('name = { en = "City" }', 'name = "City"')],
        [('name = "City"', 1, "organizations[city].name", "expected a table, found a string 'City'")],
    ),
    "datetime-for-date": Case(
        [("published = 2023-03-07", "published = 2023-03-07T10:00:00")],
        [("published = ", 1, "sources[src].published", "expected date, found datetime")],
    ),
    "unknown-enum-value": Case(
        [('kind = "company"', 'kind = "compnay"')],
        [
            (
                'kind = "compnay"',
                1,
                "organizations[acme].kind",
                "invalid enum value 'compnay', found a string 'compnay'",
            )
        ],
    ),
    "table-for-array-of-tables": Case(
        [("[[events]]", "[events]")],
        [("[events]", 1, "events", "expected an array of tables, found a table")],
    ),
    # -- missing and unknown fields ---------------------------------------------------------------
    "missing-required-field": Case(
        [('name = { en = "Kim" }\n', "")],
        [("[[people]]", 1, "people[kim].name", "missing required field 'name'")],
    ),
    "missing-meta": Case(
        [('[meta]\ntitle = "Test file"\n', "")],
        [(None, None, "meta", "missing required field 'meta'")],
    ),
    "empty-required-array": Case(
        [('parties = ["acme", "city"]', "parties = []")],
        [
            (
                "parties = []",
                1,
                "agreements[mou].parties",
                "expected array of length >= 1, found an empty array",
            )
        ],
    ),
    "name-without-any-language": Case(
        [('name = { en = "City" }', "name = {}")],
        [("name = {}", 1, "organizations[city].name", "name has neither 'ko' nor 'en'")],
    ),
    "unknown-key": Case(
        [('signatories = ["kim"]', 'signatory = ["kim"]')],
        [("signatory = ", 1, "agreements[mou].signatory", "unknown key 'signatory'")],
    ),
    "unknown-top-level-table": Case(
        [("[[events]]", "[[event]]")],
        [("[[event]]", 1, "event", "unknown key 'event'")],
    ),
    # -- ids and references -----------------------------------------------------------------------
    "duplicate-id-across-kinds": Case(
        [('id = "plan"', 'id = "acme"')],
        [(42, 1, "projects[acme].id", "duplicate id 'acme' (first used by organizations[#1])")],
    ),
    "bad-id-pattern": Case(
        [('id = "talk"', 'id = "Talk Show"')],
        [
            (
                'id = "Talk Show"',
                1,
                "events[Talk Show].id",
                f"expected str matching regex '{ID_REGEX}', found a string 'Talk Show'",
            )
        ],
    ),
    "reference-to-missing-id": Case(
        [('signatories = ["kim"]', 'signatories = ["kimm"]')],
        [('signatories = ["kimm"]', 16, "agreements[mou]", "signatory 'kimm' does not exist")],
    ),
    "reference-of-wrong-kind": Case(
        [('participants = ["kim"]', 'participants = ["plan"]')],
        [
            (
                'participants = ["plan"]',
                17,
                "events[talk]",
                "participant 'plan' is a project, expected person or organization",
            )
        ],
    ),
    "provenance-to-missing-source": Case(
        [
            (
                'provenance = [{ source = "src", paragraph = 2 }]',
                'provenance = [{ source = "scr", paragraph = 2 }]',
            )
        ],
        [('source = "scr"', 26, "people[kim]", "source 'scr' does not exist")],
    ),
    # -- values the schema forbids ----------------------------------------------------------------
    "negative-money": Case(
        [("amount = 288000000000", "amount = -5")],
        [("amount = -5", 12, "projects[plan].budget.amount", "expected int >= 0, found an integer -5")],
    ),
    "bad-currency-code": Case(
        [('currency = "KRW" }\n', 'currency = "krw" }\n')],
        [
            (
                'currency = "krw"',
                35,
                "projects[plan].budget.currency",
                "expected str matching regex '^[A-Z]{3}$', found a string 'krw'",
            )
        ],
    ),
    "negative-paragraph": Case(
        [("paragraph = 4", "paragraph = -1")],
        [
            (
                "paragraph = -1",
                33,
                "projects[plan].provenance[#1].paragraph",
                "expected int >= 0, found an integer -1",
            )
        ],
    ),
    "year-zero": Case(
        [("founded = 2013", "founded = 0")],
        [("founded = 0", 1, "organizations[acme].founded", "expected int >= 1, found an integer 0")],
    ),
    "unsupported-schema-version": Case(
        [('title = "Test file"', 'title = "Test file"\nschema_version = 2')],
        [("schema_version = 2", 1, "meta.schema_version", "invalid enum value 2, found an integer 2")],
    ),
    # -- facts that contradict themselves ---------------------------------------------------------
    "period-ends-before-it-starts": Case(
        [("period = { start = 2023, end = 2028 }", "period = { start = 2028, end = 2023 }")],
        [("period = ", 1, "projects[plan].period", "period ends (2023) before it starts (2028)")],
    ),
    "agreement-with-neither-date-nor-note": Case(
        [("date = 2023-03-06\n", "")],
        [("[[agreements]]", 1, "agreements[mou].date", "no date and no date_note")],
    ),
    "event-with-neither-date-nor-note": Case(
        [('date_note = { en = "The article gives no date" }\n', "")],
        [("[[events]]", 1, "events[talk].date", "no date and no date_note")],
    ),
    "organization-is-its-own-parent": Case(
        [("founded = 2013", 'founded = 2013\nparent = "acme"')],
        [('parent = "acme"', 1, "organizations[acme].parent", "an organization cannot be its own parent")],
    ),
    # -- several problems at once: all of them, sorted by line -------------------------------------
    "misspelt-table-breaks-references": Case(
        [('[[organizations]]\nid = "city"', '[[organisations]]\nid = "city"')],
        [
            ("[[organisations]]", 1, "organisations", "unknown key 'organisations'"),
            ('parties = ["acme", "city"]', 20, "agreements[mou]", "party 'city' does not exist"),
            ('owner = "city"', 9, "projects[plan]", "owner 'city' does not exist"),
        ],
    ),
    "five-unrelated-problems": Case(
        [
            ("founded = 2013", 'founded = "2013"'),
            ('name = { en = "Kim" }\n', ""),
            ('signatories = ["kim"]', 'signatories = ["kimm"]'),
            ("period = { start = 2023, end = 2028 }", "period = { start = 2028, end = 2023 }"),
            ('date_note = { en = "The article gives no date" }\n', ""),
        ],
        [
            ('founded = "2013"', 1, "organizations[acme].founded", "expected int, found a string '2013'"),
            ("[[people]]", 1, "people[kim].name", "missing required field 'name'"),
            ('signatories = ["kimm"]', 16, "agreements[mou]", "signatory 'kimm' does not exist"),
            ("period = ", 1, "projects[plan].period", "period ends (2023) before it starts (2028)"),
            ("[[events]]", 1, "events[talk].date", "no date and no date_note"),
        ],
    ),
}


def test_minimal_fixture_is_valid() -> None:
    facts = loads(MINIMAL)
    assert isinstance(facts, FactBase)
    assert facts.counts() == {
        "organization": 2,
        "agreement": 1,
        "project": 1,
        "person": 1,
        "event": 1,
        "source": 1,
    }


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_broken_file_reports_exactly_these_problems(case: Case) -> None:
    text = broken(case.edits)
    expected = [(line_of(text, anchor), col, where, message) for anchor, col, where, message in case.expected]
    actual = [(p.line, p.col, p.where, p.message) for p in problems_of(text)]
    assert actual == expected


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_every_located_problem_quotes_its_line(case: Case) -> None:
    text = broken(case.edits)
    lines = text.split("\n")
    for problem in problems_of(text):
        if problem.line is not None:
            assert problem.excerpt == lines[problem.line - 1].strip()[:120]


@pytest.mark.parametrize(
    ("edits", "hint"),
    [
        ([('signatories = ["kim"]', 'signatory = ["kim"]')], "did you mean 'signatories'?"),
        ([("[[events]]", "[[event]]")], "did you mean 'events'?"),
        ([('signatories = ["kim"]', 'signatories = ["kimm"]')], "did you mean 'kim'?"),
        ([('owner = "city"', 'owner = "cty"')], "did you mean 'city'?"),
        (
            [("founded = 2013", 'founded = "2013"')],
            "write a whole number without quotes or separators, like 76000000000",
        ),
        ([("amount = 288000000000", "amount = -5")], "amounts and counts cannot be negative"),
        (
            [('id = "talk"', 'id = "Talk"')],
            "ids use lower-case letters, digits, '.', '_' and '-', like daegu-city",
        ),
        (
            [("published = 2023-03-07", "published = 2023-03-07T10:00:00")],
            "write a TOML date without quotes, like 2023-03-06",
        ),
        (
            [('kind = "lecture"', 'kind = "talk"')],
            "use one of: meeting, signing, lecture, forum, declaration, quote, announcement, other",
        ),
        (
            [("period = { start = 2023, end = 2028 }", "period = { start = 2028, end = 2023 }")],
            "swap start and end",
        ),
    ],
)
def test_problem_hint_says_how_to_fix_it(edits: list[tuple[str, str]], hint: str) -> None:
    (problem,) = problems_of(broken(edits))
    assert problem.hint == hint


def test_bad_currency_hint_names_iso_4217() -> None:
    (problem,) = problems_of(broken([('currency = "KRW" }\n', 'currency = "krw" }\n')]))
    assert problem.hint == "use a three-letter ISO 4217 currency code, like KRW"


def test_toml_syntax_error_quotes_the_line_and_points_at_toml_io() -> None:
    (problem,) = problems_of(broken([("founded = 2013", "founded = 2013,")]))
    assert problem.excerpt == "founded = 2013,"
    assert "https://toml.io" in problem.hint


def test_every_problem_of_a_file_is_in_one_error() -> None:
    """60 dangling references: one FactFileError with all 60, not just the first or the first 50."""
    extra = "".join(
        f'\n[[organizations]]\nid = "org-{n}"\nkind = "company"\nname = {{ en = "Org {n}" }}\n'
        f'provenance = [{{ source = "missing-{n}" }}]\n'
        for n in range(60)
    )
    problems = problems_of(MINIMAL + extra)
    assert [p.message for p in problems] == [f"source 'missing-{n}' does not exist" for n in range(60)]
    assert [p.where for p in problems] == [f"organizations[org-{n}]" for n in range(60)]
    lines = [p.line for p in problems]
    assert lines == sorted(lines)
    assert len(set(lines)) == 60


def test_bad_entity_does_not_hide_problems_in_other_entities_or_dangle_references_to_it() -> None:
    """An entity with a broken field still exists: references to it are not reported as missing."""
    problems = problems_of(broken([("founded = 2013", 'founded = "2013"'), ('id = "talk"', 'id = "Talk"')]))
    assert [p.where for p in problems] == ["organizations[acme].founded", "events[Talk].id"]


# -- formatting -------------------------------------------------------------------------------------


def test_problem_format_is_path_line_col_where_message_excerpt_hint() -> None:
    problem = Problem(
        "expected int, found a string '2013'",
        where="organizations[acme].founded",
        line=17,
        col=1,
        hint="write a whole number",
        excerpt='founded = "2013"',
    )
    assert problem.format("facts.toml") == (
        "facts.toml:17:1: organizations[acme].founded: expected int, found a string '2013'\n"
        '    17 | founded = "2013"\n'
        "    hint: write a whole number"
    )
    assert Problem("the file is empty").format("x.toml") == "x.toml: the file is empty"


def test_error_text_names_the_file_on_every_problem_and_counts_them(write_facts: Callable[..., Path]) -> None:
    path = write_facts(
        broken([("founded = 2013", 'founded = "2013"'), ("amount = 288000000000", "amount = -5")])
    )
    with pytest.raises(FactFileError) as info:
        load(path)
    error = info.value
    assert error.path == str(path)
    text = error.format()
    assert str(error) == text
    heads = [line for line in text.splitlines() if not line.startswith("    ")]
    assert heads == [
        f"{path}:17:1: organizations[acme].founded: expected int, found a string '2013'",
        f"{path}:45:12: projects[plan].budget.amount: expected int >= 0, found an integer -5",
        f"2 problems in {path}",
    ]


def test_loads_names_the_path_it_was_given() -> None:
    with pytest.raises(FactFileError) as info:
        loads("[meta]\n", "inline.toml")
    assert str(info.value).startswith("inline.toml:1:1: meta.title: missing required field 'title'")
    assert str(info.value).endswith("1 problem in inline.toml")


# -- reading the file ---------------------------------------------------------------------------------


def single_problem(path: Path) -> Problem:
    with pytest.raises(FactFileError) as info:
        load(path)
    assert info.value.path == str(path)
    assert str(path) in str(info.value)
    (problem,) = info.value.problems
    return problem


@pytest.mark.parametrize("content", ["", "   \n\t\n\n", "\ufeff"], ids=["empty", "whitespace", "bom-only"])
def test_empty_file(write_facts: Callable[..., Path], content: str) -> None:
    problem = single_problem(write_facts(content))
    assert (problem.line, problem.col, problem.where, problem.message) == (
        None,
        None,
        "",
        "the file is empty",
    )
    assert "[meta]" in problem.hint


def test_not_utf8_points_at_the_bad_byte(write_facts: Callable[..., Path]) -> None:
    path = write_facts(b'[meta]\ntitle = "caf\xe9"\n')
    problem = single_problem(path)
    assert (problem.line, problem.col, problem.message) == (2, 13, "not UTF-8 (byte 0xe9)")
    assert problem.hint == "save the file as UTF-8"
    assert str(problem.format(str(path))).startswith(f"{path}:2:13: not UTF-8")


def test_not_utf8_column_counts_characters_like_other_problems(write_facts: Callable[..., Path]) -> None:
    problem = single_problem(write_facts('[meta]\ntitle = "대구'.encode() + b'\xff"\n'))
    assert (problem.line, problem.col) == (2, 12)


def test_not_utf8_on_the_first_line(write_facts: Callable[..., Path]) -> None:
    problem = single_problem(write_facts(b"\xff\xfe[\x00m\x00e\x00t\x00a\x00]\x00"))  # UTF-16
    assert (problem.line, problem.col, problem.message) == (1, 1, "not UTF-8 (byte 0xff)")


def test_directory(tmp_path: Path) -> None:
    problem = single_problem(tmp_path)
    assert (problem.line, problem.message) == (None, "is a directory, not a fact file")


def test_missing_file(tmp_path: Path) -> None:
    problem = single_problem(tmp_path / "nope.toml")
    assert (problem.line, problem.message) == (None, "file not found")
    assert "bundled" in problem.hint


def test_unreadable_file(write_facts: Callable[..., Path]) -> None:
    path = write_facts(MINIMAL)
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running with privileges that read a mode-000 file (root)")
        problem = single_problem(path)
        assert (problem.line, problem.message) == (None, "permission denied")
        assert "chmod" in problem.hint
    finally:
        path.chmod(0o644)


def test_permission_denied_is_reported_even_when_running_as_root(
    write_facts: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same report as above, with the OS refusal simulated (root reads mode-000 files)."""
    path = write_facts(MINIMAL)
    real_open, real_read_bytes = builtins.open, Path.read_bytes

    def refused(target: object) -> bool:
        return isinstance(target, (str, os.PathLike)) and Path(target) == path

    def open_(file: Any, *args: Any, **kwargs: Any) -> Any:
        if refused(file):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    def read_bytes(self: Path) -> bytes:
        if refused(self):
            raise PermissionError(13, "Permission denied", str(self))
        return real_read_bytes(self)

    monkeypatch.setattr(builtins, "open", open_)
    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    problem = single_problem(path)
    assert (problem.line, problem.message) == (None, "permission denied")
    assert "chmod" in problem.hint


def test_byte_order_mark_is_ignored(write_facts: Callable[..., Path]) -> None:
    facts = load(write_facts("\ufeff" + MINIMAL))
    assert len(facts) == 7
    assert facts.meta.title == "Test file"


def test_byte_order_mark_does_not_shift_problem_positions(write_facts: Callable[..., Path]) -> None:
    problem = single_problem(write_facts("\ufeff" + broken([("founded = 2013", "founded = 2013,")])))
    assert (problem.line, problem.col) == (17, 15)


def test_crlf_file_loads_and_locates_problems(write_facts: Callable[..., Path]) -> None:
    assert len(load(write_facts(MINIMAL.replace("\n", "\r\n")))) == 7
    text = broken([('owner = "city"', 'owner = "cty"')]).replace("\n", "\r\n")
    problem = single_problem(write_facts(text))
    assert (problem.line, problem.col, problem.excerpt) == (44, 9, 'owner = "cty"')


# -- known bugs -----------------------------------------------------------------------------------


def test_entity_with_a_field_error_still_has_its_references_checked() -> None:
    problems = problems_of(
        broken([("amount = 288000000000", "amount = -5"), ('owner = "city"', 'owner = "cty"')])
    )
    assert [(p.where, p.message) for p in problems] == [
        ("projects[plan]", "owner 'cty' does not exist"),
        ("projects[plan].budget.amount", "expected int >= 0, found an integer -5"),
    ]


def test_quoted_date_is_rejected() -> None:
    (problem,) = problems_of(broken([("published = 2023-03-07", 'published = "2023-03-07"')]))
    assert problem.where == "sources[src].published"
    assert problem.hint == "write a TOML date without quotes, like 2023-03-06"


def test_wrong_kind_message_uses_an_before_a_vowel() -> None:
    (problem,) = problems_of(broken([('owner = "city"', 'owner = "mou"')]))
    assert problem.message == "owner 'mou' is an agreement, expected organization or person"


def test_reference_problem_is_on_the_line_of_its_field() -> None:
    text = broken([('signatories = ["kim"]', 'signatories = ["acme"]')])
    (problem,) = problems_of(text)
    assert problem.message.startswith("signatory 'acme' is a")
    assert (problem.line, problem.col) == (line_of(text, 'signatories = ["acme"]'), 16)


def test_nested_problem_is_on_the_line_of_its_enclosing_field() -> None:
    text = broken(
        [
            (
                "period = { start = 2023, end = 2028 }",
                'area = { value = 5, unit = "m2" }\nfigures = [{ value = "3", unit = "x" }]',
            ),
        ]
    )
    (problem,) = problems_of(text)
    assert problem.where == "projects[plan].figures[#1].value"
    assert problem.line == line_of(text, "figures = ")


def test_line_separator_inside_a_string_does_not_shift_line_numbers() -> None:
    text = broken(
        [('name = { en = "City" }', 'name = { en = "Ci\u2028ty" }'), ('owner = "city"', 'owner = "cty"')]
    )
    (problem,) = problems_of(text)
    assert problem.line == line_of(text, 'owner = "cty"')


# -- each problem at its own place -----------------------------------------------------------------


def test_two_references_to_the_same_missing_id_point_at_their_own_lines(bundled_text: str) -> None:
    """The bundled file with `dip` renamed: its two commitments name `dip` on two different lines."""
    assert bundled_text.count('id = "dip"\n') == 1
    text = bundled_text.replace('id = "dip"\n', 'id = "lvis"\n')
    lines = text.split("\n")
    commitments = [p for p in problems_of(text) if p.message == "commitment 'dip' does not exist"]
    expected = [n for n, line in enumerate(lines, 1) if line == 'party = "dip"']
    assert len(expected) == 2
    assert [p.line for p in commitments] == expected
    places = [(p.line, p.col) for p in problems_of(text)]
    assert len(places) == len(set(places)), "two problems at one place"


def test_the_same_missing_id_twice_in_one_array_points_at_each_item() -> None:
    text = broken([('parties = ["acme", "city"]', 'parties = ["gone", "acme", "gone"]')])
    places = [(p.line, p.col) for p in problems_of(text)]
    row = line_of(text, "parties = ")
    assert places == [(row, 12), (row, 28)]


def test_a_problem_in_the_second_item_of_an_inline_array_points_at_that_item() -> None:
    old = 'roles = [{ organization = "acme", title = { en = "CEO" } }]'
    new = (
        'roles = [{ organization = "acme", title = { en = "CEO, [a, b]" }, since = 2020 }, '
        '{ organization = "city", title = { en = "Mayor" }, since = "x" }]'
    )
    text = broken([(old, new)])
    (problem,) = problems_of(text)
    assert problem.where == "people[kim].roles[#2].since"
    assert (problem.line, problem.col) == (line_of(text, new), new.index('since = "x"') + 1)


def test_a_problem_in_the_second_array_table_points_at_that_table() -> None:
    text = (
        MINIMAL
        + '\n[[agreements]]\nid = "mou2"\nname = { en = "Second" }\ndate = 2023-03-07\nparties = ["acme"]\n'
        + 'provenance = [{ source = "src" }]\n\n[[agreements.commitments]]\nparty = "acme"\n'
        + 'text = { en = "One" }\n\n[[agreements.commitments]]\nparty = "city"\ntext = "two"\n'
    )
    (problem,) = problems_of(text)
    assert problem.where == "agreements[mou2].commitments[#2].text"
    assert problem.line == line_of(text, 'text = "two"')


def test_every_dangling_reference_points_at_its_own_mention(bundled: FactBase, bundled_text: str) -> None:
    """Rename each id of the bundled file in turn: every reference to it is its own problem, at a
    place of its own, on a line that names the missing id."""
    checked = 0
    for entity in bundled:
        if not bundled.backlinks(entity.id):
            continue  # nothing names it: the file stays valid
        old = f'id = "{entity.id}"\n'
        assert bundled_text.count(old) == 1
        text = bundled_text.replace(old, f'id = "{entity.id}-gone"\n')
        lines = text.split("\n")
        missing = f"'{entity.id}' does not exist"
        dangling = [p for p in problems_of(text) if p.message.endswith(missing)]
        places = [(p.line, p.col) for p in dangling]
        assert len(places) == len(set(places)), (entity.id, places)
        for p in dangling:
            assert p.line is not None and p.col is not None
            assert lines[p.line - 1][p.col - 1 :].startswith(f'"{entity.id}"'), (entity.id, p)
        checked += len(dangling)
    assert checked > 100
