"""`facts-tui search QUERY [FILE]`: the hits table, --json, --kind, --limit, exit status, hostile text."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_runner import Run, runner
from rich.text import Span

from tui.cli import COMMAND_MODULES
from tui.commands.search import SNIPPET_WIDTH
from tui.facts.search import Hit, Rank
from tui.render.hit import MATCH_STYLE, hit_snippet

pytestmark = pytest.mark.usefixtures("plain_terminal")


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    return runner(capsys, "search")


HOSTILE = """
[meta]
title = "Hostile names"

[[sources]]
id = "src"
outlet = { en = "Outlet" }
title = { en = "Article" }
published = 2024-01-02

[[organizations]]
id = "evil"
kind = "other"
name = { ko = "[/bold]해커", en = "[@click=app.quit]Hacker [red]x[/red]" }
aliases = ["[bold]Boss[/]"]
provenance = [{ source = "src" }]
"""


def squash(text: str) -> str:
    return re.sub(r"[ \t]+", " ", text)


def test_search_is_a_command() -> None:
    assert "search" in COMMAND_MODULES


def test_hits_table(cli: Callable[..., Run]) -> None:
    run = cli("lvis", "--lang", "en")
    assert run.status == 0, run
    assert run.err == ""
    lines = squash(run.out).splitlines()
    assert lines[0].strip() == "14 matches for 'lvis'"
    rows = [line for line in lines if line.startswith("│")]
    assert rows[0] == "│ Organization │ lvis │ LVIS │ id │ lvis │"
    assert rows[1].startswith("│ Project │ lvis-daegu-branch │ LVIS Daegu branch │ id │ lvis-daegu-branch")


def test_limit(cli: Callable[..., Run]) -> None:
    run = cli("lvis", "--limit", "2", "--lang", "en")
    assert run.status == 0, run
    assert squash(run.out).splitlines()[0].strip() == "2 of 14 matches for 'lvis'"
    assert len([line for line in run.out.splitlines() if line.startswith("│")]) == 2


def test_kind_and_lang(cli: Callable[..., Run]) -> None:
    run = cli("ㄷㄱ", "--kind", "orgs", "--lang", "en")
    assert run.status == 0, run
    rows = [line for line in squash(run.out).splitlines() if line.startswith("│")]
    assert rows[0].startswith("│ Organization │ dip │ Daegu Digital")
    assert any(row.startswith("│ Organization │ daegu-city │ Daegu Metropolitan") for row in rows)
    assert "mou-core-automotive" not in run.out


def test_json(cli: Callable[..., Run]) -> None:
    run = cli("760억", "--json")
    assert run.status == 0, run
    hits = json.loads(run.out)  # the whole of stdout is the JSON document
    assert [h["id"] for h in hits] == ["mou-core-automotive", "core-automotive-plant", "core-automotive"]
    assert hits[0] == {
        "id": "mou-core-automotive",
        "kind": "agreement",
        "name": "대구시-㈜코아오토모티브 업무 협약",
        "rank": "prefix",
        "field": "investments",
        "text": "760억 원",
        "span": [0, 4],
    }
    assert "760억" in run.out, "ensure_ascii=False: Korean is written as is"


def test_json_first_hit_and_limit(cli: Callable[..., Run]) -> None:
    run = cli("lvis", "--json", "--limit", "3", "--lang", "en")
    hits = json.loads(run.out)
    assert [h["id"] for h in hits] == ["lvis", "lvis-daegu-branch", "ces-2023-meeting"]
    assert hits[0]["name"] == "LVIS"
    assert hits[0]["rank"] == "exact"


def test_no_matches(cli: Callable[..., Run]) -> None:
    run = cli("zzzz", "--lang", "en")
    assert run.status == 1
    assert run.out == ""
    assert "no matches for 'zzzz'" in run.err


def test_no_matches_json(cli: Callable[..., Run]) -> None:
    run = cli("zzzz", "--json", "--lang", "en")
    assert run.status == 1
    assert json.loads(run.out) == []
    assert "no matches for 'zzzz'" in run.err


def test_unknown_kind(cli: Callable[..., Run]) -> None:
    run = cli("lvis", "--kind", "orgz")
    assert run.status == 1
    assert run.out == ""
    assert "unknown kind 'orgz'" in run.err
    assert "organization" in run.err  # the did-you-mean


@pytest.mark.parametrize("limit", ["0", "-3", "ten", "1.5"])
def test_bad_limit_is_a_usage_error(cli: Callable[..., Run], limit: str) -> None:
    run = cli("lvis", "--limit", limit)
    assert run.status == 2
    assert run.out == ""
    assert "--limit" in run.err
    assert "usage: facts-tui search" in run.err


def test_missing_query_is_a_usage_error(cli: Callable[..., Run]) -> None:
    run = cli()
    assert run.status == 2
    assert "usage: facts-tui search" in run.err


def test_bad_file(cli: Callable[..., Run], tmp_path: Path) -> None:
    run = cli("lvis", str(tmp_path / "missing.toml"))
    assert run.status == 2
    assert "file not found" in run.err


def test_hostile_text_is_printed_literally(cli: Callable[..., Run], write_facts: Callable[..., Path]) -> None:
    path = write_facts(HOSTILE)
    run = cli("hacker", str(path))
    assert run.status == 0, run
    assert "[/bold]해커" in run.out  # the name column
    assert "[@click=app.quit]Hacker [red]x[/red]" in run.out  # the matched field
    run = cli("boss", str(path))
    assert run.status == 0, run
    assert "[bold]Boss[/]" in run.out
    run = cli("[/bold]", str(path), "--lang", "en")
    assert run.status == 0, run
    assert "1 match for '[/bold]'" in run.out
    run = cli("[@click=app.quit]", str(path), "--json")
    assert json.loads(run.out)[0]["text"] == "[@click=app.quit]Hacker [red]x[/red]"


def test_hostile_query_without_matches(cli: Callable[..., Run]) -> None:
    run = cli("[/bold][@click=app.quit]", "--lang", "en")
    assert run.status == 1
    assert "no matches for '[/bold][@click=app.quit]'" in run.err


def test_the_match_is_highlighted() -> None:
    hit = Hit("evil", "organization", Rank.WORD_PREFIX, "name.en", "[@click=app.quit]Hacker [red]", (17, 23))
    text = hit_snippet(hit, SNIPPET_WIDTH)
    assert text.plain == "[@click=app.quit]Hacker [red]"
    assert text.spans == [Span(17, 23, MATCH_STYLE)]


def test_long_snippets_are_shortened_around_the_match() -> None:
    long = "가" * 100 + "LVIS" + "나" * 100
    text = hit_snippet(
        Hit("x", "organization", Rank.WORD_PREFIX, "summary.ko", long, (100, 104)), SNIPPET_WIDTH
    )
    [span] = text.spans
    assert text.plain[span.start : span.end] == "LVIS"
    assert len(text.plain) < 60
    assert text.plain.startswith("…") and text.plain.endswith("…")
