"""`facts-tui timeline`, `graph` and `export`: what they print, what they write, their exit status."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_runner import Run, runner

from tui.facts import Link, load
from tui.facts.export import from_json, to_csv, to_json
from tui.render.entity import link_text

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"

pytestmark = pytest.mark.usefixtures("plain_terminal")


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    return runner(capsys)


# -- timeline ------------------------------------------------------------------------------------


def test_timeline_prints_dates_in_order_and_the_undated_group(cli: Callable[..., Run]) -> None:
    run = cli("timeline", "--lang", "en")
    assert run.status == 0, run
    assert run.err == ""
    lines = run.out.splitlines()
    firsts = [line.split(" ", 1)[0] for line in lines]
    assert firsts.index("2023-03-06") < firsts.index("2023-03-07") < firsts.index("2024-09")
    assert any(line.startswith("2023–2028") and "━━━" in line for line in lines)
    undated = run.out.index("undated (the source gives no date)")
    assert run.out.index("MOU between Daegu and Core Automotive", undated) > undated


def test_timeline_in_korean_and_for_a_given_file(cli: Callable[..., Run]) -> None:
    run = cli("timeline", str(FIXTURES / "minimal.toml"), "--lang", "ko")
    assert run.status == 0, run
    assert "2023-03-06" in run.out and "2023–2028" in run.out
    assert "날짜 없음 (출처에 날짜가 없음)" in run.out and "A talk" in run.out


def test_timeline_bad_file_exits_2(cli: Callable[..., Run], tmp_path: Path) -> None:
    run = cli("timeline", str(tmp_path / "missing.toml"))
    assert run.status == 2
    assert "file not found" in run.err


# -- graph ---------------------------------------------------------------------------------------


def test_graph_text_is_a_tree(cli: Callable[..., Run]) -> None:
    run = cli("graph", "lvis", "--lang", "en")
    assert run.status == 0, run
    assert run.out.startswith("LVIS (lvis) · Organization")
    facts = load(REPO / "facts.toml")
    # Labels are render.link_text's: a backlink (the MOU names LVIS as a party), then at depth 2
    # a link (the MOU names Daegu as a party).
    mou = link_text(Link("party", facts["mou-digital-brain"]), "en", incoming=True).plain
    daegu = link_text(Link("party", facts["daegu-city"]), "en").plain
    assert f"├── {mou}" in run.out
    assert f"│   ├── {daegu}" in run.out
    assert "(also elsewhere in this tree)" in run.out


def test_graph_depth_1_stops_at_one_hop(cli: Callable[..., Run]) -> None:
    run = cli("graph", "lvis", "--depth", "1", "--lang", "en")
    assert run.status == 0
    assert "(daegu-city)" not in run.out
    assert "(mou-digital-brain)" in run.out


def test_graph_dot(cli: Callable[..., Run]) -> None:
    run = cli("graph", "mou-digital-brain", "--format", "dot", "--depth", "1")
    assert run.status == 0, run
    assert run.out.startswith("digraph facts {\n") and run.out.endswith("}\n")
    assert '"mou-digital-brain" -> "lvis" [label="party"];' in run.out


def test_graph_mermaid(cli: Callable[..., Run]) -> None:
    run = cli("graph", "mou-digital-brain", "--format", "mermaid", "--lang", "en")
    assert run.status == 0, run
    assert run.out.startswith("graph LR\n")
    assert '  n0["MOU on fostering the digital brain industry (mou-digital-brain)"]' in run.out
    assert re.search(r'^  n0 -->\|"party"\| n\d+$', run.out, re.MULTILINE)


@pytest.mark.parametrize("depth", ["0", "5", "-1"])
def test_graph_bad_depth_is_a_usage_error(cli: Callable[..., Run], depth: str) -> None:
    run = cli("graph", "lvis", "--depth", depth)
    assert run.status == 2
    assert "--depth must be from 1 to 4" in run.err
    assert run.out == ""


def test_graph_depth_must_be_a_number(cli: Callable[..., Run]) -> None:
    run = cli("graph", "lvis", "--depth", "two")
    assert run.status == 2
    assert "invalid int value" in run.err


def test_graph_unknown_id_suggests(cli: Callable[..., Run]) -> None:
    run = cli("graph", "lvs", "--lang", "en")
    assert run.status == 1
    assert "no entity with id 'lvs'" in run.err and "Did you mean: lvis?" in run.err
    assert run.out == ""


def test_graph_bad_format(cli: Callable[..., Run]) -> None:
    run = cli("graph", "lvis", "--format", "svg")
    assert run.status == 2
    assert "invalid choice" in run.err


# -- export --------------------------------------------------------------------------------------


def test_export_json_to_stdout_loads_back(cli: Callable[..., Run]) -> None:
    run = cli("export", "--format", "json")
    assert run.status == 0, run.err
    bundled = load(REPO / "facts.toml")
    assert run.out == to_json(bundled)
    assert from_json(run.out).counts() == bundled.counts()


def test_export_markdown_to_stdout(cli: Callable[..., Run]) -> None:
    run = cli("export", "--format", "markdown", "--lang", "en")
    assert run.status == 0
    assert run.out.startswith("# ")
    assert '<a id="lvis"></a>' in run.out and "[LVIS](#lvis)" in run.out


def test_export_csv_of_one_kind_to_stdout(cli: Callable[..., Run]) -> None:
    run = cli("export", "--format", "csv", "--kind", "orgs")
    assert run.status == 0
    rows = list(csv.DictReader(io.StringIO(run.out, newline="")))
    assert [r["id"] for r in rows][:2] == ["daegu-city", "lvis"]
    assert run.out == to_csv(load(REPO / "facts.toml"), "organization")


def test_export_csv_without_kind_or_output_is_a_usage_error(cli: Callable[..., Run]) -> None:
    run = cli("export", "--format", "csv")
    assert run.status == 2
    assert "--kind" in run.err and "-o DIR" in run.err
    assert run.out == ""


def test_export_kind_only_for_csv_and_must_exist(cli: Callable[..., Run]) -> None:
    run = cli("export", "--format", "json", "--kind", "org")
    assert run.status == 2 and "--kind applies only to --format csv" in run.err
    run = cli("export", "--format", "csv", "--kind", "orgz")
    assert run.status == 1 and "unknown kind 'orgz'" in run.err


def test_export_needs_a_format(cli: Callable[..., Run]) -> None:
    run = cli("export")
    assert run.status == 2
    assert "--format" in run.err


def test_export_to_file_refuses_to_overwrite_without_force(cli: Callable[..., Run], tmp_path: Path) -> None:
    target = tmp_path / "facts.json"
    run = cli("export", "--format", "json", "-o", str(target), "--lang", "en")
    assert run.status == 0, run
    assert run.out == ""
    assert f"wrote {target}" in run.err
    assert json.loads(target.read_text(encoding="utf-8"))["meta"]["language"] == "ko"

    target.write_text("precious", encoding="utf-8")
    run = cli("export", "--format", "markdown", "-o", str(target), "--lang", "en")
    assert run.status == 2
    assert "refusing to overwrite" in run.err and "--force" in run.err
    assert target.read_text(encoding="utf-8") == "precious"

    run = cli("export", "--format", "markdown", "-o", str(target), "--force", "--lang", "en")
    assert run.status == 0
    assert target.read_text(encoding="utf-8").startswith("# ")


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_export_force_keeps_the_files_mode(cli: Callable[..., Run], tmp_path: Path) -> None:
    target = tmp_path / "facts.md"
    target.write_text("precious", encoding="utf-8")
    target.chmod(0o644)
    run = cli("export", "--format", "markdown", "-o", str(target), "--force", "--lang", "en")
    assert run.status == 0, run
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert target.read_text(encoding="utf-8").startswith("# ")


def test_export_csv_directory(cli: Callable[..., Run], tmp_path: Path) -> None:
    out_dir = tmp_path / "csv"
    run = cli("export", "--format", "csv", "-o", str(out_dir), "--lang", "en")
    assert run.status == 0, run
    names = sorted(p.name for p in out_dir.iterdir())
    assert names == [
        "agreements.csv",
        "events.csv",
        "organizations.csv",
        "people.csv",
        "projects.csv",
        "sources.csv",
    ]
    assert run.err.count("wrote ") == 6

    run = cli("export", "--format", "csv", "-o", str(out_dir), "--lang", "en")
    assert run.status == 2 and "refusing to overwrite" in run.err
    run = cli("export", "--format", "csv", "-o", str(out_dir), "--force", "--lang", "en")
    assert run.status == 0


def test_export_csv_one_kind_to_file(cli: Callable[..., Run], tmp_path: Path) -> None:
    target = tmp_path / "people.csv"
    run = cli("export", "--format", "csv", "--kind", "people", "-o", str(target), "--lang", "en")
    assert run.status == 0
    assert target.read_bytes().decode("utf-8").startswith("id,name_ko,name_en,title_ko")


def test_export_to_missing_directory_is_an_error(cli: Callable[..., Run], tmp_path: Path) -> None:
    run = cli("export", "--format", "json", "-o", str(tmp_path / "nope" / "x.json"), "--lang", "en")
    assert run.status == 2
    assert "cannot write" in run.err


def test_export_bad_fact_file_exits_2(cli: Callable[..., Run], write_facts: Callable[..., Path]) -> None:
    bad = write_facts('[meta]\ntitle = "x"\n[[people]]\nid = "p"\n')
    run = cli("export", str(bad), "--format", "json", "--lang", "en")
    assert run.status == 2
    assert "missing required field 'name'" in run.err
    assert run.out == ""
