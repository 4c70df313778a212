"""The settings file: where it is found, what a bad one gets, and `facts-tui keys` / `config`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli_runner import runner
from tui.commands.settings import ConfigError, find, load_config, normalize_key, parse_config
from tui.ui.keymap import binding_conflicts, binding_ids, binding_rows


@pytest.fixture(autouse=True)
def no_user_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FACTS_TUI_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))


def problems(text: str) -> list[tuple[int, str]]:
    with pytest.raises(ConfigError) as caught:
        parse_config(Path("settings.toml"), text.encode())
    return [(p.line, p.message) for p in caught.value.problems]


def test_a_good_file_gives_language_theme_and_keymap() -> None:
    config = parse_config(
        Path("s.toml"),
        b'lang = "en"\ntheme = "textual-light"\n[keymap]\n"app.search" = "ctrl+f"\n"app.help" = "?,f2"\n',
    )
    assert (config.lang, config.theme) == ("en", "textual-light")
    assert config.keymap == {"app.search": "ctrl+f", "app.help": "question_mark,f2"}


def test_every_problem_is_reported_at_once_with_its_line() -> None:
    found = problems(
        'lang = "fr"\ntheme = "textual-lite"\ncolour = 1\n[keymap]\n"app.serch" = "ctrl+f"\n"app.help" = "ctrl+nosuchkey"\n'
    )
    lines = [line for line, _ in found]
    assert lines == [1, 2, 3, 5, 6]
    text = "\n".join(message for _, message in found)
    assert "'textual-light'" in text  # did you mean
    assert "'app.search'" in text
    assert "'ctrl+nosuchkey'" in text


def test_a_syntax_error_names_line_and_column() -> None:
    [(line, message)] = problems('lang = "en"\n[keymap\n')
    assert line == 2 and "column" in message


def test_two_bindings_on_one_key_are_a_conflict() -> None:
    [(line, message)] = problems('[keymap]\n"app.search" = "t"\n')
    assert line == 2
    assert "app.search" in message and "app.timeline" in message


def test_rebinding_both_sides_of_a_swap_is_no_conflict() -> None:
    config = parse_config(Path("s.toml"), b'[keymap]\n"app.search" = "t"\n"app.timeline" = "s"\n')
    assert config.keymap == {"app.search": "t", "app.timeline": "s"}


def test_default_keys_have_no_conflicts() -> None:
    assert binding_conflicts({}) == []


@pytest.mark.parametrize(
    ("typed", "textual_name"),
    [("?", "question_mark"), ("Ctrl+F", "ctrl+f"), ("f2", "f2"), ("pagedown", "pagedown"), ("j", "j")],
)
def test_key_names_are_read_as_textual_names_them(typed: str, textual_name: str) -> None:
    assert normalize_key(typed) == textual_name


@pytest.mark.parametrize("typed", ["ctrl+", "hyperspace", "cmd+x", ""])
def test_unknown_key_names_are_refused(typed: str) -> None:
    assert normalize_key(typed) is None


def test_a_missing_default_file_is_not_an_error() -> None:
    assert load_config().path is None


def test_a_missing_named_file_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTS_TUI_CONFIG", str(tmp_path / "nope.toml"))
    assert find() == (tmp_path / "nope.toml", "$FACTS_TUI_CONFIG")
    with pytest.raises(ConfigError):
        load_config()


def test_config_flag_comes_before_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTS_TUI_CONFIG", str(tmp_path / "env.toml"))
    assert find(tmp_path / "flag.toml") == (tmp_path / "flag.toml", "--config")


def test_every_binding_id_is_listed_by_keys(capsys: pytest.CaptureFixture[str]) -> None:
    result = runner(capsys, "keys")()
    assert result.status == 0
    for binding_id in binding_ids():
        assert binding_id in result.out


def test_keys_shows_the_users_keys(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    settings = tmp_path / "settings.toml"
    settings.write_text('[keymap]\n"app.timeline" = "ctrl+t"\n', encoding="utf-8")
    result = runner(capsys, "keys")("--config", str(settings))
    [line] = [line for line in result.out.splitlines() if line.startswith("app.timeline ")]
    assert "Ctrl+T" in line and " t " not in line


def test_a_bad_settings_file_exits_2_naming_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = tmp_path / "settings.toml"
    settings.write_text('[keymap]\n"app.nope" = "x"\n', encoding="utf-8")
    for command in (("keys",), ("config", "check"), ("open",)):
        result = runner(capsys, *command)("--config", str(settings))
        assert result.status == 2, command
        assert f"{settings}:2:" in result.err and "app.nope" in result.err


def test_config_path_prints_where_it_looks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = runner(capsys, "config", "path")()
    assert result.out.strip() == str(tmp_path / "xdg" / "facts-tui" / "config.toml")


def test_binding_rows_use_the_users_keys() -> None:
    rows = {binding_id: keys for binding_id, keys, _ in binding_rows({"list.cursor_down": "down,ctrl+n"})}
    assert rows["list.cursor_down"] == ["↓", "Ctrl+N"]
    assert rows["app.back"] == ["Backspace", "["]
