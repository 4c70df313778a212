"""The `facts-tui` command line: what each command prints and its exit status.

Exit status: 0 success, 1 unknown id or kind, 2 bad usage or a bad fact file; never a traceback.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_runner import ESCAPES, Run, runner

from tui import __version__
from tui.cli import COMMAND_MODULES, main

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MINIMAL = FIXTURES / "minimal.toml"

pytestmark = pytest.mark.usefixtures("plain_terminal")


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    return runner(capsys)


def squash(text: str) -> str:
    """Table output with runs of spaces collapsed, for matching rows."""
    return re.sub(r"[ \t]+", " ", text)


# -- check --------------------------------------------------------------------------------------------


def test_check_bundled_file(cli: Callable[..., Run]) -> None:
    run = cli("check", "--lang", "en")
    assert run.status == 0
    assert run.err == ""
    out = squash(run.out)
    assert f"{REPO / 'facts.toml'}: valid" in out
    for row in (
        "Organizations 7",
        "Agreements 2",
        "Projects 10",
        "People 4",
        "Events 8",
        "Sources 1",
        "total 32",
    ):
        assert re.search(rf"^ ?{row} ?$", out, re.MULTILINE), row


def test_check_given_file(cli: Callable[..., Run]) -> None:
    run = cli("check", str(MINIMAL), "--lang", "en")
    assert run.status == 0
    assert f"{MINIMAL}: valid" in run.out
    assert re.search(r"^ ?total 7 ?$", squash(run.out), re.MULTILINE)


def test_check_bad_file_lists_every_problem(
    cli: Callable[..., Run], write_facts: Callable[..., Path]
) -> None:
    text = (
        MINIMAL.read_text(encoding="utf-8")
        .replace("founded = 2013", 'founded = "2013"')
        .replace('signatories = ["kim"]', 'signatories = ["kimm"]')
        .replace("period = { start = 2023, end = 2028 }", "period = { start = 2028, end = 2023 }")
    )
    path = write_facts(text, "bad.toml")
    run = cli("check", str(path), "--lang", "en")
    assert run.status == 2
    assert run.out == ""
    heads = [line for line in run.err.splitlines() if not line.startswith("    ")]
    assert heads == [
        f"{path}:17:1: organizations[acme].founded: expected int, found a string '2013'",
        f"{path}:38:16: agreements[mou]: signatory 'kimm' does not exist",
        f"{path}:46:1: projects[plan].period: period ends (2023) before it starts (2028)",
        f"3 problems in {path}",
    ]
    assert "    hint: did you mean 'kim'?" in run.err
    assert '    38 | signatories = ["kimm"]' in run.err


def test_check_toml_syntax_error(cli: Callable[..., Run], write_facts: Callable[..., Path]) -> None:
    path = write_facts('[meta]\ntitle = "x\n', "syntax.toml")
    run = cli("check", str(path))
    assert run.status == 2
    assert run.err.startswith(f"{path}:2:11: TOML syntax: ")
    assert run.err.rstrip().endswith(f"1 problem in {path}")


def written(path: Path, content: bytes) -> Path:
    path.write_bytes(content)
    return path


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "missing.toml", "file not found"),
        (lambda d: d, "is a directory, not a fact file"),
        (lambda d: written(d / "empty.toml", b""), "the file is empty"),
        (lambda d: written(d / "latin1.toml", b"title = '\xe9'"), "not UTF-8"),
    ],
    ids=["missing", "directory", "empty", "not-utf8"],
)
@pytest.mark.parametrize("command", [["check"], ["list", "org"], ["show", "lvis"], ["open"], []])
def test_unusable_file_exits_2_for_every_command(
    cli: Callable[..., Run], tmp_path: Path, make: Callable[[Path], Path], message: str, command: list[str]
) -> None:
    path = make(tmp_path)
    run = cli(*command, str(path))
    assert run.status == 2
    assert run.out == ""
    assert run.err.startswith(f"{path}")
    assert message in run.err


# -- list ---------------------------------------------------------------------------------------------

ORGANIZATION_IDS = [
    "daegu-city",
    "lvis",
    "dip",
    "stanford-university",
    "kbri",
    "core-automotive",
    "donga-ilbo",
]


def ids_in(out: str) -> list[str]:
    """The first column of a list table, in order."""
    return re.findall(r"^│ ([a-z0-9][a-z0-9._-]*) +│", out, re.MULTILINE)


@pytest.mark.parametrize("word", ["organizations", "organization", "org", "ORG", "Organizations"])
def test_list_organizations_by_any_name(cli: Callable[..., Run], word: str) -> None:
    run = cli("list", word)
    assert run.status == 0
    assert run.err == ""
    assert ids_in(run.out) == ORGANIZATION_IDS
    assert "기관 (7)" in run.out
    assert "대구시" in run.out
    assert "엘비스" in run.out


def test_list_orgs(cli: Callable[..., Run]) -> None:
    run = cli("list", "orgs")
    assert run.status == 0
    assert ids_in(run.out) == ORGANIZATION_IDS


def test_list_people_in_english(cli: Callable[..., Run]) -> None:
    run = cli("list", "people", "--lang", "en")
    assert run.status == 0
    assert "People (4)" in run.out
    assert ids_in(run.out) == ["lee-jong-hwa", "lee-jin-hyung", "kim-yu-hyun", "jang-young-hoon"]
    for name in ("Lee Jong-hwa", "Lee Jin-hyung", "Kim Yu-hyun", "Jang Young-hoon", "Economic deputy mayor"):
        assert name in run.out
    assert "이종화" not in run.out


def test_list_agreements_shows_date_or_note(cli: Callable[..., Run]) -> None:
    run = cli("list", "agreements", "--lang", "en")
    assert run.status == 0
    assert ids_in(run.out) == ["mou-digital-brain", "mou-core-automotive"]
    assert "MOU · 2023-03-06 " in run.out
    assert "MOU · Recently (the article gives no date)" in run.out


def test_list_projects_shows_period_and_budget(cli: Callable[..., Run]) -> None:
    run = cli("list", "projects", "--lang", "ko")
    assert run.status == 0
    assert len(ids_in(run.out)) == 10
    assert "클러스터 · 2023–2028 · 2880억 원" in run.out
    assert "계획 · 2023– · 1749억 원" in run.out


def test_list_given_file(cli: Callable[..., Run]) -> None:
    run = cli("list", "event", str(MINIMAL), "--lang", "en")
    assert run.status == 0
    assert ids_in(run.out) == ["talk"]
    assert "Events (1)" in run.out


@pytest.mark.parametrize(
    ("word", "suggestion"),
    [("bogus", None), ("organisations", "organization"), ("peple", "person"), ("projets", "project")],
)
def test_list_unknown_kind_exits_1(cli: Callable[..., Run], word: str, suggestion: str | None) -> None:
    run = cli("list", word)
    assert run.status == 1
    assert run.out == ""
    assert run.err.startswith(f"facts-tui: unknown kind '{word}'.")
    assert "Kinds: organization, agreement, project, person, event, source" in run.err
    if suggestion:
        assert f"Did you mean '{suggestion}'?" in run.err
    else:
        assert "Did you mean" not in run.err


# -- show ---------------------------------------------------------------------------------------------


def test_show_lvis(cli: Callable[..., Run]) -> None:
    run = cli("show", "lvis")
    assert run.status == 0
    assert run.err == ""
    out = run.out
    assert out.startswith("엘비스  기관\n")
    assert "3356억 원 (KRW 335.6 billion), 2021년 기준" in out
    marks = r"( ¶[\d, ]+)?"  # the paragraphs citing the field, once the file cites it
    assert re.search(rf"\n설립       2013{marks}\n설립자     이진형 \(lee-jin-hyung\){marks}\n", out)
    # provenance, links, backlinks (read from LVIS's side, counted): the detail pane's order
    assert "\n연결\n설립자: 이진형 (lee-jin-hyung)\n" in out
    assert "\n이 항목을 언급한 곳 (" in out
    assert out.index("\n근거\n") < out.index("\n연결\n") < out.index("\n이 항목을 언급한 곳 (")
    assert "당사자로 참여한 협약: '디지털 브레인 산업 육성' 업무 협약 (mou-digital-brain)" in out
    assert "주관하는 사업: 뉴로매치 (neuromatch)" in out
    assert "\n근거\n" in out
    assert "동아일보, 2023-03-07, 제목·사진 설명 (donga-2023-03-07)" in out
    assert (
        "동아일보, 2023-03-07, 3번째 문단 (donga-2023-03-07)\n“2021년 기준 회사의 가치는 3356억 원이다.”"
        in out  # the quote on a line of its own
    )
    # provenance is not repeated as links or backlinks
    assert "출처: " not in out
    assert "이 출처를 인용한 항목" not in out


def test_show_lvis_in_english(cli: Callable[..., Run]) -> None:
    run = cli("show", "lvis", "--lang", "en")
    assert run.status == 0
    out = run.out
    assert out.startswith("LVIS  Organization\n")
    assert "3356억 원 (KRW 335.6 billion)" in out
    assert "founder: Lee Jin-hyung (lee-jin-hyung)" in out
    assert "agreement it is party to: MOU on fostering the digital brain industry (mou-digital-brain)" in out
    assert "Dong-A Ilbo, 2023-03-07, headline/caption (donga-2023-03-07)" in out
    assert "Dong-A Ilbo, 2023-03-07, paragraph 3 (donga-2023-03-07)" in out
    assert "Dong-A Ilbo, 2023-03-07, paragraph 4 (donga-2023-03-07)" in out


def test_show_agreement_with_investment_due_month(cli: Callable[..., Run]) -> None:
    run = cli("show", "mou-core-automotive", "--lang", "en")
    assert run.status == 0
    out = run.out
    assert "Recently (the article gives no date)" in out
    assert "Core Automotive Co., Ltd. (core-automotive): 760억 원 (KRW 76.0 billion), by 2024-09" in squash(
        out.replace("\n", " ")
    )
    assert "party: Daegu Metropolitan City (daegu-city)" in out
    assert "project: Motor Valley project (motor-valley)" in out


def test_show_project_budget_period_area(cli: Callable[..., Run]) -> None:
    run = cli("show", "motor-valley", "--lang", "en")
    assert run.status == 0
    assert "2880억 원 (KRW 288.0 billion)" in run.out
    assert "2023–2028" in run.out
    assert "330,000 m²" in run.out


def test_show_source_lists_what_cites_it(cli: Callable[..., Run]) -> None:
    run = cli("show", "donga-2023-03-07", "--lang", "en")
    assert run.status == 0
    assert "drawn from it: LVIS (lvis)" in run.out
    assert "published 2023-03-07 03:00" in squash(run.out)


def test_show_given_file(cli: Callable[..., Run]) -> None:
    run = cli("show", "mou", str(MINIMAL), "--lang", "en")
    assert run.status == 0
    assert run.out.startswith("The MOU  Agreement\n")
    assert "signatory: Kim (kim)" in run.out
    assert "project under it: The plan (plan)" in run.out


def test_show_unknown_id_exits_1(cli: Callable[..., Run]) -> None:
    run = cli("show", "nope", "--lang", "en")
    assert run.status == 1
    assert run.out == ""
    assert run.err == f"facts-tui: no entity with id 'nope' in {REPO / 'facts.toml'}.\n"


@pytest.mark.parametrize(("typo", "suggestions"), [("lvsi", "lvis"), ("mou-digital", "mou-digital-brain")])
def test_show_unknown_id_suggests_close_ids(cli: Callable[..., Run], typo: str, suggestions: str) -> None:
    run = cli("show", typo, "--lang", "en")
    assert run.status == 1
    assert f"no entity with id '{typo}'" in run.err
    assert f"Did you mean: {suggestions}" in run.err


# -- usage --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "complaint"),
    [
        (["show"], "the following arguments are required: ID"),
        (["list"], "the following arguments are required: KIND"),
        (["show", "lvis", "--bogus"], "unrecognized arguments: --bogus"),
        (["check", "--bogus"], "unrecognized arguments: --bogus"),
        (["list", "org", "--lang", "fr"], "invalid choice: 'fr'"),
        (["show", "lvis", "a.toml", "b.toml"], "unrecognized arguments: b.toml"),
        (["--bogus"], "unrecognized arguments: --bogus"),
    ],
)
def test_usage_error_exits_2_with_usage(cli: Callable[..., Run], args: list[str], complaint: str) -> None:
    run = cli(*args)
    assert run.status == 2
    assert run.out == ""
    assert complaint in run.err
    assert "usage: facts-tui" in run.err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out == f"facts-tui {__version__}\n"


def test_every_documented_command_exists() -> None:
    assert {"open", "check", "list", "show"} <= set(COMMAND_MODULES)


@pytest.mark.parametrize(
    "command", [[], *([name] for name in COMMAND_MODULES)], ids=lambda c: c[0] if c else "top"
)
@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_help_on_every_command(capsys: pytest.CaptureFixture[str], command: list[str], flag: str) -> None:
    with pytest.raises(SystemExit) as info:
        main([*command, flag])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: facts-tui {' '.join(command)}".rstrip())
    if command in (["open"], ["list"], ["show"]):
        assert "--lang {ko,en}" in out
    if not command:
        for name in COMMAND_MODULES:
            assert re.search(rf"^ +{name} ", out, re.MULTILINE), name


# -- the real program -----------------------------------------------------------------------------------


def run_program(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "TTY_COMPATIBLE", "NO_COLOR")}
    return subprocess.run(
        [*args], cwd=cwd, capture_output=True, text=True, timeout=60, check=False, env=env, encoding="utf-8"
    )


def test_python_m_tui_check() -> None:
    result = run_program(sys.executable, "-m", "tui", "check", cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert ": 문제 없음" in result.stdout  # the bundled file's language
    assert not ESCAPES.search(result.stdout)


def test_python_m_tui_bad_file_exits_2_without_traceback(tmp_path: Path) -> None:
    result = run_program(
        sys.executable, "-m", "tui", "show", "lvis", str(tmp_path / "nope.toml"), cwd=tmp_path
    )
    assert result.returncode == 2
    assert "file not found" in result.stderr
    assert "Traceback" not in result.stderr


def test_console_script(tmp_path: Path) -> None:
    script = Path(sys.executable).parent / "facts-tui"
    if not script.exists():
        pytest.skip("facts-tui is not installed next to this python")
    result = run_program(str(script), "show", "lvis", "--lang", "en", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "3356억 원 (KRW 335.6 billion)" in result.stdout
    assert not ESCAPES.search(result.stdout)


def test_the_commands_package_calls_no_builtin_its_modules_shadow() -> None:
    """Importing `tui.commands.list` binds `list` in the package's namespace: a call of the builtin
    `list()` (or `set()`, `open()`) in `tui/commands/__init__.py` then calls a module (it broke
    `export -o` after `facts-tui --help` had imported every command)."""
    import ast
    import builtins

    import tui.commands

    source = Path(tui.commands.__file__).read_text(encoding="utf-8")
    shadowed = {name for name in COMMAND_MODULES if hasattr(builtins, name)}
    called = {
        node.func.id
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
    }
    assert {"list", "set", "open"} <= shadowed
    assert not called & shadowed
