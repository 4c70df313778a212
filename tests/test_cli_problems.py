"""A bad fact file's problems on the command line, in one language (issue 11): `check --lang ko|en`,
and without `--lang` the settings' `lang`, else the file's own `[meta] language`, else English —
for `check` and every other command that prints problems (`show`, `set`, ...)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_runner import Run, runner
from one_language import QUOTED, STANDARDS, OtherLanguage, schema_words

from tui.facts import loads
from tui.facts.messages import msg

FIXTURES = Path(__file__).resolve().parent / "fixtures"
MINIMAL = (FIXTURES / "minimal.toml").read_text(encoding="utf-8")
BREAKS = (
    ("founded = 2013", 'founded = "2013"'),  # a wrong type
    ('kind = "company"', 'kind = "compnay"'),  # a value not in the schema
    ("amount = 288000000000", "amount = -5"),  # a constraint
    ('signatories = ["kim"]', 'signatory = ["kim"]'),  # an unknown key
    ('signatories = ["kim"]', 'signatories = ["kimm"]'),  # a dangling reference
    ("period = { start = 2023, end = 2028 }", "period = { start = 2028, end = 2023 }"),  # contradiction
)
PLACE = re.compile(r"^\S+:\d+:\d+: [\w\[\]#.-]+: |^\S+:\d+:\d+: |^\S+: ", re.MULTILINE)
"""`path:line:col: where: ` at the head of a problem: places, not words."""


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], plain_terminal: None) -> Callable[..., Run]:
    return runner(capsys)


def broken_file(directory: Path, language: str | None = None, *breaks: tuple[str, str]) -> Path:
    """minimal.toml with `breaks` (each of BREAKS that fits together by default) and the language
    its [meta] gives (none: the schema's default, Korean)."""
    text = MINIMAL
    if language is not None:
        text = text.replace('title = "Test file"', f'title = "Test file"\nlanguage = "{language}"')
    for old, new in breaks or (BREAKS[0], BREAKS[1], BREAKS[2], BREAKS[4], BREAKS[5]):
        text = text.replace(old, new)
    path = directory / "broken.toml"
    path.write_text(text, encoding="utf-8")
    return path


def words_of(report: str, path: Path) -> str:
    """The report's own words: without places, the lines as written, values and the file's name."""
    lines = [line for line in report.splitlines() if not re.match(r"\s+\d* ?\| ", line)]
    return QUOTED.sub(" ", PLACE.sub("", "\n".join(lines))).replace(str(path), " ")


def other_language_words(report: str, lang: str, path: Path) -> list[str]:
    checker = OtherLanguage(loads(MINIMAL), lang, names=[*schema_words(), *STANDARDS])
    return checker.check([("report", words_of(report, path))])


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_check_says_every_problem_in_the_language_asked(cli, tmp_path: Path, lang: str) -> None:
    path = broken_file(tmp_path, "en" if lang == "ko" else "ko")  # --lang wins over the file's
    run = cli("check", str(path), "--lang", lang)
    assert run.status == 2 and run.out == ""
    assert run.err.rstrip().endswith(msg("problem.count", lang, n=5, path=path))
    hints = [line for line in run.err.splitlines() if line.startswith("    ") and " | " not in line]
    assert len(hints) == 5 and all(h.strip().startswith(msg("problem.hint", lang, hint="")) for h in hints)
    assert not other_language_words(run.err, lang, path)


def test_every_kind_of_problem_has_korean_words(cli, tmp_path: Path) -> None:
    """Each break alone, so that none hides another: the report in Korean differs from English
    in every problem's words, never in its place or the line it quotes."""
    for old, new in BREAKS:
        path = broken_file(tmp_path, None, (old, new))
        korean, english = cli("check", str(path), "--lang", "ko"), cli("check", str(path), "--lang", "en")
        assert korean.status == english.status == 2
        assert not other_language_words(korean.err, "ko", path), new
        assert not other_language_words(english.err, "en", path), new
        assert PLACE.findall(korean.err) == PLACE.findall(english.err)
        assert re.findall(r".*\| .*", korean.err) == re.findall(r".*\| .*", english.err)


@pytest.mark.parametrize(("language", "said"), [(None, "ko"), ("ko", "ko"), ("en", "en")])
def test_without_lang_problems_are_said_in_the_file_s_language(
    cli, tmp_path: Path, language: str | None, said: str
) -> None:
    path = broken_file(tmp_path, language)
    for command in (("check", str(path)), ("show", "acme", str(path)), ("list", "org", str(path))):
        run = cli(*command)
        assert run.status == 2
        assert run.err.rstrip().endswith(msg("problem.count", said, n=5, path=path)), command


def test_the_settings_language_comes_before_the_file_s(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = tmp_path / "config.toml"
    settings.write_text('lang = "en"\n', encoding="utf-8")
    monkeypatch.setenv("FACTS_TUI_CONFIG", str(settings))
    path = broken_file(tmp_path, "ko")
    assert cli("check", str(path)).err.rstrip().endswith(f"5 problems in {path}")
    assert cli("check", str(path), "--config", str(settings)).err.rstrip().endswith(f"5 problems in {path}")
    assert cli("check", str(path), "--lang", "ko").err.rstrip().endswith(f"{path}에 문제 5개")


def test_a_file_whose_language_cannot_be_read_is_reported_in_english(cli, tmp_path: Path) -> None:
    path = tmp_path / "syntax.toml"
    path.write_text('[meta]\ntitle = "x\n', encoding="utf-8")
    run = cli("check", str(path))
    assert run.err.startswith(f"{path}:2:11: TOML syntax: ")
    korean = cli("check", str(path), "--lang", "ko")
    assert korean.err.startswith(f"{path}:2:11: TOML 문법: ")
    assert not other_language_words(korean.err, "ko", path)


def test_set_says_the_problems_of_its_change_in_the_file_s_language(cli, tmp_path: Path) -> None:
    """A change that would make the file invalid is refused in the language check would use."""
    path = tmp_path / "facts.toml"
    path.write_text(MINIMAL, encoding="utf-8")  # no [meta] language: Korean
    run = cli("set", "mou", "parties", "acme,nobody", str(path))
    assert run.status == 2
    assert path.read_text(encoding="utf-8") == MINIMAL
    assert msg("problem.change_invalid", "ko", path=path) in run.err
    assert not other_language_words(run.err, "ko", path)
