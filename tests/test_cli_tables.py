"""`list` and `search` tables on a pipe: every value whole (never wrapped or cut to the width that
COLUMNS gives), and no line ending in padding spaces, so other programs can read them."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_runner import Run, runner

from tui.facts import FactBase
from tui.facts.bundled import bundled_fact_file
from tui.facts.messages import msg
from tui.facts.model import ENTITY_KINDS

pytestmark = pytest.mark.usefixtures("plain_terminal")

WIDTHS = ["40", "80"]


@pytest.fixture(params=WIDTHS)
def cli(request: pytest.FixtureRequest, capsys, monkeypatch) -> Callable[..., Run]:
    """`facts-tui ARGS` with stdout not a terminal, whatever width COLUMNS says."""
    monkeypatch.setenv("COLUMNS", request.param)
    return runner(capsys)


def assert_no_trailing_spaces(out: str) -> None:
    padded = [line for line in out.splitlines() if line != line.rstrip()]
    assert not padded, padded[:3]


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("kind", ENTITY_KINDS)
def test_list_shows_every_name_and_id_whole(cli, bundled: FactBase, kind: str, lang: str) -> None:
    run = cli("list", kind, "--lang", lang)
    assert run.status == 0, run
    assert_no_trailing_spaces(run.out)
    rows = run.out.splitlines()
    for entity in bundled.of_kind(kind):
        row = next((r for r in rows if f"│ {entity.id} " in r), None)
        assert row is not None, entity.id
        assert f"│ {entity.label(lang)} " in row  # the whole name, on the entity's own line


QUERIES = ["대구", "daegu", "760억", "lvis", "2023", "모터", "digital"]
"""Between them, these find nearly every entity of the bundled file (and each its long names)."""


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_search_shows_every_hits_name_whole(cli, lang: str) -> None:
    seen: set[str] = set()
    for query in QUERIES:
        run = cli("search", query, "--lang", lang, "--limit", "100")
        assert run.status == 0, run
        assert_no_trailing_spaces(run.out)
        assert f"'{query}'" in run.out.splitlines()[0]  # the title, not wrapped
        hits = json.loads(cli("search", query, "--lang", lang, "--limit", "100", "--json").out)
        rows = [r for r in run.out.splitlines() if r.startswith("│")]
        assert len(rows) == len(hits)  # one line per hit
        for hit, row in zip(hits, rows, strict=True):
            assert f"│ {hit['id']} " in row and f"│ {hit['name']} " in row
            seen.add(hit["id"])
    assert len(seen) >= 30


def test_check_lines_end_without_padding(cli, tmp_path: Path) -> None:
    run = cli("check")
    assert run.status == 0, run
    assert_no_trailing_spaces(run.out)
    # A path longer than the width: the verdict stays on the path's line, whole.
    deep = tmp_path / ("a-long-directory-name-" * 3) / "facts.toml"
    deep.parent.mkdir()
    deep.write_bytes(bundled_fact_file().read_bytes())
    for lang in ("ko", "en"):
        run = cli("check", str(deep), "--lang", lang)
        assert run.status == 0, run
        assert_no_trailing_spaces(run.out)
        assert run.out.splitlines()[0] == msg("cli.valid", lang, path=deep)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_show_timeline_and_graph_lines_end_without_padding(cli, bundled: FactBase, lang: str) -> None:
    for entity in bundled:
        run = cli("show", entity.id, "--lang", lang)
        assert run.status == 0
        assert_no_trailing_spaces(run.out)
    for command in (("timeline",), ("graph", "lvis")):
        run = cli(*command, "--lang", lang)
        assert run.status == 0
        assert_no_trailing_spaces(run.out)
