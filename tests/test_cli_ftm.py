"""`facts-tui export --format ftm` and `facts-tui import --format ftm`, as a user runs them."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli_runner import Run, runner

pytest.importorskip("followthemoney", reason="the ftm extra: pip install 'facts-tui[ftm]'")


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    return runner(capsys)


def test_export_then_import_gives_a_file_check_accepts(cli: Callable[..., Run], tmp_path: Path) -> None:
    stream, out = tmp_path / "facts.ftm.json", tmp_path / "back.toml"
    run = cli("export", "--format", "ftm", "-o", str(stream), "--lang", "en")
    assert run.status == 0, run
    assert run.err == f"wrote {stream}\n"
    run = cli("import", "--format", "ftm", str(stream), "-o", str(out), "--lang", "en")
    assert run.status == 0, run
    lines = len(stream.read_text(encoding="utf-8").splitlines())
    # Everything used, nothing left out: one line of report.
    assert run.err.splitlines() == [  # as export says what it wrote
        f"wrote {out}",
        f"{stream}: {lines:,} FollowTheMoney entities imported as 32 facts",
    ]
    run = cli("check", str(out), "--lang", "en")
    assert run.status == 0, run
    assert run.out.startswith(f"{out}: valid")


def test_export_to_stdout_is_json_lines(cli: Callable[..., Run]) -> None:
    run = cli("export", "--format", "ftm")
    assert run.status == 0, run
    schemata = [json.loads(line)["schema"] for line in run.out.splitlines()]
    assert schemata[0] == "Article" and "Contract" in schemata


def test_import_reports_what_it_leaves_out_in_both_languages(cli: Callable[..., Run], tmp_path: Path) -> None:
    stream = tmp_path / "os.json"
    stream.write_text(
        '{"id": "p1", "schema": "Person", "properties": {"name": ["Kim"], "birthDate": ["1970"]}}\n'
        '{"id": "v1", "schema": "Vessel", "properties": {"name": ["Sea Star"]}}\n',
        encoding="utf-8",
    )
    en = cli("import", "--format", "ftm", str(stream), "--lang", "en")
    assert en.status == 0, en
    assert "[[people]]" in en.out and 'id = "ftm-import"' in en.out
    assert "  Vessel: 1 — no counterpart in a fact file" in en.err.splitlines()
    assert "  Person.birthDate: 1" in en.err.splitlines()
    ko = cli("import", "--format", "ftm", str(stream), "--lang", "ko")
    assert "  Vessel: 1개 — 사실 파일에 대응하는 종류가 없음" in ko.err.splitlines()


def test_a_bad_stream_is_every_problem_at_its_line(cli: Callable[..., Run], tmp_path: Path) -> None:
    stream, out = tmp_path / "bad.json", tmp_path / "out.toml"
    stream.write_text(
        '{"id": "p1", "schema": "Person", "properties": {"name": ["A"]}}\nnope\n[]\n', encoding="utf-8"
    )
    run = cli("import", "--format", "ftm", str(stream), "-o", str(out))
    assert run.status == 2
    assert f"{stream}:2: not JSON" in run.err and f"{stream}:3: not a JSON object" in run.err
    assert "2 problems" in run.err
    assert not out.exists()


def test_import_never_overwrites_without_force(cli: Callable[..., Run], tmp_path: Path) -> None:
    stream, out = tmp_path / "one.json", tmp_path / "out.toml"
    stream.write_text('{"id": "p1", "schema": "Person", "properties": {"name": ["A"]}}\n', encoding="utf-8")
    out.write_text("mine", encoding="utf-8")
    run = cli("import", "--format", "ftm", str(stream), "-o", str(out), "--lang", "en")
    assert run.status == 2 and "refusing to overwrite" in run.err
    assert out.read_text(encoding="utf-8") == "mine"
    assert cli("import", "--format", "ftm", str(stream), "-o", str(out), "--force").status == 0
    assert "[[people]]" in out.read_text(encoding="utf-8")


def test_a_missing_input_is_a_message(cli: Callable[..., Run], tmp_path: Path) -> None:
    run = cli("import", "--format", "ftm", str(tmp_path / "none.json"), "--lang", "en")
    assert run.status == 2
    assert run.err.startswith(f"facts-tui: cannot read {tmp_path / 'none.json'}: ")


@pytest.mark.parametrize(
    "args", [["export", "--format", "ftm"], ["import", "--format", "ftm", "x.json"]], ids=["export", "import"]
)
def test_without_the_library_it_says_how_to_install_it(
    cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    monkeypatch.setitem(sys.modules, "followthemoney", None)  # `import followthemoney` raises ImportError
    run = cli(*args, "--lang", "en")
    assert run.status == 2
    assert run.err == (
        "facts-tui: the ftm format needs the followthemoney library; "
        "install it with: pip install 'facts-tui[ftm]'\n"
    )
    assert run.out == ""


def test_the_command_line_does_not_import_the_library_unless_asked() -> None:
    import subprocess

    code = (
        "import sys; from tui.cli import main; main(['export', '--format', 'json']);"
        "sys.stderr.write(str('followthemoney' in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stderr.endswith("False")
