"""A fact file's problems in Korean and in English (issue 11): every problem the loader finds is
worded once and said in either language; in English exactly as before (test_load_errors asserts
those words), in Korean without an English word of the interface left.

What is not the interface stays as written in both: places (`organizations[acme].founded`), the
offending line, file names, and what the file itself says or must say — quoted values ('2013'),
code in backticks, the schema's own keys and values (`founded`, `company`) and the names of
standards (TOML, ISO 4217, UTF-8).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import tomli
from one_language import QUOTED, STANDARDS, OtherLanguage, schema_words
from test_hostile_files import CASES as HOSTILE
from test_load_errors import CASES, MINIMAL, broken

from tui.facts import FactFileError, Problem, loads
from tui.facts.load import load, load_data
from tui.facts.messages import Said

MINIMAL_FACTS = loads(MINIMAL)
KOREAN = OtherLanguage(MINIMAL_FACTS, "ko", names=[*schema_words(), *STANDARDS])
ENGLISH = OtherLanguage(MINIMAL_FACTS, "en")


def said_words(problem: Problem, lang: str) -> str:
    """The problem's own words in `lang`: its message and hint without values, code or addresses."""
    assert lang in ("ko", "en")
    message, hint = (p.text(lang) if isinstance(p, Said) else p for p in (problem.message, problem.hint))
    return QUOTED.sub(" ", f"{message}\n{hint}")


def assert_said_in_both(problems: list[Problem], origin: str) -> None:
    """Every problem is worded in both languages: English as `str()` says it, Korean with no
    English word of the interface."""
    wrong = []
    for problem in problems:
        for part in (problem.message, problem.hint):
            if part and not isinstance(part, Said):
                wrong.append(f"{origin}: said in one language only: {part!r}")
            elif part:
                assert part.text("en") == str(part)
        wrong += KOREAN.check([(f"{origin} (ko)", said_words(problem, "ko"))])
        wrong += ENGLISH.check([(f"{origin} (en)", said_words(problem, "en"))])
    assert not wrong, "\n".join(wrong)


def problems_of(text: str) -> list[Problem]:
    with pytest.raises(FactFileError) as info:
        loads(text, "broken.toml")
    return info.value.problems


# -- every kind of problem, in both languages -------------------------------------------------------


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_every_case_of_test_load_errors_is_said_in_both_languages(case) -> None:
    assert_said_in_both(problems_of(broken(case.edits)), "case")


@pytest.mark.parametrize("case", [c for c in HOSTILE if not c.loads], ids=lambda c: c.name)
def test_every_hostile_file_that_fails_is_said_in_both_languages(case, tmp_path: Path) -> None:
    path = case.make(tmp_path)
    with pytest.raises(FactFileError) as info:
        load(path, cache=False)
    assert_said_in_both(info.value.problems, case.name)
    assert info.value.format("en") == str(info.value)
    for problem in info.value.problems:
        korean, english = problem.format(info.value.path, "ko"), problem.format(info.value.path, "en")
        assert korean != english
        # The place and the line as written are the same in both: only the words change.
        place = english.split("\n")[0].removesuffix(problem.message)
        assert place.endswith(": ")
        assert korean.startswith(place)
        assert [line for line in korean.splitlines() if " | " in line] == [
            line for line in english.splitlines() if " | " in line
        ]


BAD_VALUES: tuple[Any, ...] = (
    "2013",
    "Not An Id",
    "krw",
    "",
    -1,
    0,
    2**63,
    1.5,
    float("inf"),
    True,
    [],
    [1, "x"],
    {},
    {"unknown": 1},
    dt.date(2023, 3, 6),
    dt.datetime(2023, 3, 6, 10, 0),
    dt.time(3, 0),
)
"""A value of every TOML type, and values each constraint of the schema refuses."""


def places(value: Any, path: tuple = ()) -> Iterator[tuple]:
    """The path of every key of every table in `value` (the parsed minimal.toml)."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield (*path, key)
            yield from places(item, (*path, key))
    elif isinstance(value, list):
        for n, item in enumerate(value):
            yield from places(item, (*path, n))


def replaced(data: Any, path: tuple, value: Any) -> Any:
    """A copy of `data` with the key at `path` set to `value` (deleted when `value` is `...`)."""
    if not path:
        return value
    head, rest = path[0], path[1:]
    if isinstance(data, list):
        return [replaced(item, rest, value) if n == head else item for n, item in enumerate(data)]
    copy = dict(data)
    if value is ... and not rest:
        del copy[head]
    else:
        copy[head] = replaced(data[head], rest, value) if rest else value
    return copy


def test_every_bad_value_of_every_field_is_said_in_both_languages() -> None:
    """Each key of minimal.toml, at every depth, given each bad value in turn, removed, and
    joined by an unknown key: every problem the loader finds is worded in both languages."""
    data = tomli.loads(MINIMAL)
    seen: dict[str, Problem] = {}  # one problem of each wording (key and value shape) is enough
    for path in places(data):
        for value in (*BAD_VALUES, ...):
            try:
                load_data(replaced(data, path, value), Path("bad.toml"))
            except FactFileError as error:
                for problem in error.problems:
                    seen.setdefault(str(problem.message) + str(problem.hint), problem)
        try:
            load_data(replaced(data, (*path[:-1], "colour"), "red"), Path("bad.toml"))
        except FactFileError as error:
            for problem in error.problems:
                seen.setdefault(str(problem.message) + str(problem.hint), problem)
    assert len(seen) > 100  # many shapes of problem, not a few
    assert_said_in_both(list(seen.values()), "bad value")


@pytest.mark.parametrize(
    "message",
    [
        "Invalid initial character for a key part",
        "Invalid value",
        "Found invalid character '\\x01'",
        "Cannot declare ('a', 'b') twice",
        "Expected ']' at the end of a table declaration",
        "Expected ']]' at the end of an array declaration",
        "Cannot mutate immutable namespace ('a',)",
        "Cannot overwrite a value",
        "Expected '=' after a key in a key/value pair",
        "Invalid hex value",
        "Escaped character is not a Unicode scalar value",
        "Expected newline or end of document after a statement",
        "Cannot redefine namespace ('a',)",
        "Unclosed array",
        "Duplicate inline table key 'a'",
        "Unclosed inline table",
        "Unescaped '\\' in a string",
        "Illegal character '\\n'",
        "Expected ']'",
        "Unterminated string",
        "Invalid date or datetime",
        "Invalid statement",
        "A message tomli may say one day",
    ],
)
def test_each_toml_syntax_message_is_said_in_korean_or_quoted(message: str) -> None:
    """Every message of tomli/_parser.py has a Korean wording; English is tomli's, word for word."""
    from tui.facts.load import _toml_said

    said = _toml_said(message)
    assert said == message
    korean = said.text("ko")
    if said.key == "problem.quoted":
        assert message.startswith("A message")
        assert korean == f"“{message}”"  # kept whole, as a quotation
    else:
        assert not KOREAN.words(QUOTED.sub(" ", korean)), korean


def test_toml_syntax_problems_of_real_files_are_korean() -> None:
    texts = [
        '[meta]\ntitle = "x\n',  # unterminated
        "[meta]\ntitle = 'x'\ntitle = 'y'\n",  # a key twice
        "[meta\ntitle = 'x'\n",  # no closing bracket
        "[meta]\ntitle 'x'\n",  # no equals
        "[meta]\ntitle = [1, 2\n",  # an unclosed array
        "[meta]\ntitle = { a = 1\n",  # an unclosed inline table
        "[meta]\ndate = 2023-02-30\n",  # no such date
        "[meta]\ntitle = x\n",  # not a value
    ]
    for text in texts:
        problems = problems_of(text)
        assert problems[0].message.startswith("TOML syntax: ")
        assert problems[0].message.text("ko").startswith("TOML 문법: ")  # type: ignore[attr-defined]
        assert_said_in_both(problems, text)


# -- the whole report --------------------------------------------------------------------------------


def test_the_report_says_the_count_and_hints_in_its_language() -> None:
    with pytest.raises(FactFileError) as info:
        loads(broken([("founded = 2013", 'founded = "2013"')]), "broken.toml")
    korean = info.value.format("ko").splitlines()
    assert (
        korean[0]
        == "broken.toml:17:1: organizations[acme].founded: 정수 값이어야 합니다 (지금: 문자열 '2013')"
    )
    assert korean[1] == '    17 | founded = "2013"'  # the line as written
    assert korean[2].startswith("    힌트: ")
    assert korean[-1] == "broken.toml에 문제 1개"
    english = info.value.format("en").splitlines()
    assert english[-1] == "1 problem in broken.toml" and english[2].startswith("    hint: ")
    assert info.value.format() == str(info.value) == "\n".join(english)


def test_every_role_and_kind_a_problem_names_has_words_in_both_languages() -> None:
    """A reference's role ('signatory') and the kinds it may name are said in the problem's
    language: a role added to the rules needs its words (`problem.role.*`)."""
    from tui.facts.messages import MESSAGES
    from tui.facts.model import ENTITY_KINDS
    from tui.facts.rules import ROLES

    missing = [f"problem.role.{role}" for role in ROLES.values() if f"problem.role.{role}" not in MESSAGES]
    missing += [
        f"problem.{family}.{kind}"
        for kind in ENTITY_KINDS
        for family in ("kind", "a_kind")
        if f"problem.{family}.{kind}" not in MESSAGES
    ]
    assert not missing
