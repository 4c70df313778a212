"""`--lang ko` and `--lang en`: the command line's own words (headings, counts, table headers,
"no matches", errors) are in one language; only the fact file's text may be in the other."""

from __future__ import annotations

import re

import pytest
from cli_runner import runner
from one_language import OtherLanguage

from tui.commands import KIND_ALIASES

ECHOED = re.compile(r"'[^'\n]*'|(?<![\w])/[\w./-]+")
"""What the user typed, said back ('zzzzqqq'), and paths: not the command line's own words."""
KIND_WORDS = re.compile(r"\b(?:" + "|".join(sorted(KIND_ALIASES, key=len, reverse=True)) + r")\b")
"""The kinds a command takes, as they are typed (`list organizations`): its arguments' words."""


def without_echo(text: str) -> str:
    return KIND_WORDS.sub(" ", ECHOED.sub(" ", text))


COMMANDS = [
    ("check",),
    ("list", "organizations"),
    ("list", "events"),
    ("show", "daegu-city"),
    ("show", "mou-digital-brain"),
    ("show", "digital-brain-industry"),
    ("show", "lee-jong-hwa"),
    ("show", "signing-mou-digital-brain"),
    ("show", "donga-2023-03-07"),
    ("search", "대구"),
    ("search", "lvis", "--limit", "3"),
    ("search", "zzzzqqq"),  # no matches
    ("timeline",),
    ("graph", "lvis"),
    ("show", "lvsi"),  # an unknown id, with a suggestion
    ("list", "orgz"),  # an unknown kind, with a suggestion
]


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_human_output_is_in_one_language(capsys, plain_terminal, bundled, lang: str) -> None:
    run = runner(capsys)
    said = []
    for command in COMMANDS:
        result = run(*command, "--lang", lang)
        said.append((" ".join(command), result.out + without_echo(result.err)))
    problems = OtherLanguage(bundled, lang).check(said)
    assert not problems, "\n".join(problems)


def test_the_interface_follows_the_file_language_without_lang(capsys, plain_terminal) -> None:
    """The bundled file is Korean: without --lang, the command line speaks Korean, as the
    explorer does; `check` too, and so would the problems it reports."""
    run = runner(capsys)
    assert "검색 결과" in run("search", "lvis").out
    assert "\n연결\n" in run("show", "lvis").out
    assert ": 문제 없음" in run("check").out
