"""Whatever text it is given, `loads` returns a FactBase or raises FactFileError with located problems.

Nothing else escapes: no KeyError, TypeError, IndexError, RecursionError or msgspec error reaches
the user as a traceback, however the bundled file is mangled.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.facts import FactBase, FactFileError, loads

BUNDLED = (Path(__file__).resolve().parents[2] / "facts.toml").read_text(encoding="utf-8")
LINES = BUNDLED.splitlines(keepends=True)

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces that are likely to break a fact file in interesting ways, mixed with arbitrary text.
TOML_BITS = [
    "",
    '"',
    "'",
    "[",
    "]",
    "{",
    "}",
    "=",
    ",",
    "\\",
    "\\u001b",
    "\\u202e",
    "\u2028",
    "\x1b",
    "\x00",
    "-1",
    "0",
    "1e400",
    "nan",
    "inf",
    "true",
    "[]",
    "{}",
    '"x"',
    '"Bad Id"',
    '"lvis"',
    '"daegu-city"',
    '"mou-digital-brain"',
    "2023-02-30",
    "2023-03-06",
    '"2023-03-06"',
    "1979-05-27T07:32:00Z",
    "07:32:00",
    '"""',
    "'''",
    "[meta]",
    "[[people]]",
    "[[agreements]]",
    "[[agreements.commitments]]",
    "[[agreements.investments]]",
    "[organizations]",
    "[[organizations.valuation]]",
    'id = "lvis"',
    'kind = "company"',
    "a.b.c = 1",
    "대구",
]
bits = st.sampled_from(TOML_BITS) | st.text(max_size=12)
IDS = sorted(set(re.findall(r'^id = "([^"]+)"', BUNDLED, re.MULTILINE)))
# Well-formed TOML values of every type, so that edits also reach validation, not only the parser.
values = st.recursive(
    st.one_of(
        st.integers(-(2**63), 2**63 - 1).map(str),
        st.floats(allow_nan=False).map(lambda f: repr(f).replace("inf", "1e400")),
        st.booleans().map(lambda b: str(b).lower()),
        st.dates().map(lambda d: d.isoformat() if d.year >= 1000 else "2023-03-06"),
        st.sampled_from(IDS).map(lambda i: f'"{i}"'),
        st.text(max_size=8).map(lambda t: json.dumps(t)),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3).map(lambda items: f"[{', '.join(items)}]"),
        st.dictionaries(
            st.sampled_from(["ko", "en", "amount", "currency", "source", "paragraph", "start", "end", "x"]),
            inner,
            max_size=3,
        ).map(lambda d: "{ " + ", ".join(f"{k} = {v}" for k, v in d.items()) + " }"),
    ),
    max_leaves=6,
)


@st.composite
def mutated_bundled(draw: st.DrawFn) -> str:
    """The bundled file after one to three random edits."""
    lines = list(LINES)
    for _ in range(draw(st.integers(1, 3))):
        if not lines:
            break
        k = draw(st.integers(0, len(lines) - 1))
        op = draw(
            st.sampled_from(
                ["delete", "duplicate", "swap", "replace-char", "replace-value", "insert", "truncate"]
            )
        )
        if op == "delete":
            del lines[k]
        elif op == "duplicate":
            lines.insert(k, lines[k])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[k], lines[j] = lines[j], lines[k]
        elif op == "replace-char":
            line = lines[k]
            start = draw(st.integers(0, len(line)))
            length = draw(st.integers(0, 4))
            lines[k] = line[:start] + draw(bits) + line[start + length :]
        elif op == "replace-value":
            key, sep, _ = lines[k].partition("=")
            if sep:
                lines[k] = f"{key}= {draw(values | bits)}\n"
        elif op == "replace-id":
            found = list(re.finditer(r'"[a-z0-9][a-z0-9._-]*"', lines[k]))
            if found:
                match = found[draw(st.integers(0, len(found) - 1))]
                new = draw(st.sampled_from(IDS).map(lambda i: f'"{i}"') | values)
                lines[k] = lines[k][: match.start()] + new + lines[k][match.end() :]
        elif op == "insert":
            lines.insert(k, draw(bits) + "\n")
        else:  # truncate, possibly in the middle of a line
            text = "".join(lines)
            cut = draw(st.integers(0, len(text)))
            lines = [text[:cut]]
    return "".join(lines)


toml_ish = st.lists(
    st.one_of(
        st.sampled_from(LINES),
        st.builds(
            lambda key, value: f"{key} = {value}\n", st.sampled_from(["id", "name", "x", "meta"]), bits
        ),
        bits.map(lambda bit: bit + "\n"),
    ),
    max_size=25,
).map("".join)


def check(text: str) -> None:
    try:
        facts = loads(text)
    except FactFileError as error:
        assert error.problems, "a FactFileError without problems"
        for problem in error.problems:
            assert problem.message, problem
            assert problem.line is not None or problem.where, problem
            if problem.line is not None:
                assert problem.line >= 1, problem
        assert error.format().endswith(f"in {error.path}")
    else:
        assert isinstance(facts, FactBase)
        for entity in facts:  # a loaded base is fully linked
            facts.links(entity.id)
            facts.backlinks(entity.id)
            facts.sources_of(entity)


@SETTINGS
@given(mutated_bundled())
def test_mutated_bundled_file_loads_or_reports_problems(text: str) -> None:
    check(text)


@SETTINGS
@given(toml_ish)
def test_random_toml_ish_text_loads_or_reports_problems(text: str) -> None:
    check("[meta]\ntitle = 'x'\n" + text)
    check(text)


def test_bundled_file_itself_passes_the_check() -> None:
    check(BUNDLED)
