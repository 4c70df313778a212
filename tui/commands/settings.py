"""The user's settings file: language, theme and key bindings.

Looked for at `--config FILE`, else `$FACTS_TUI_CONFIG`, else `config.toml` in the platform's user
config directory (platformdirs). A missing default file is not an error; a file that was named but
is missing, or a bad one, is: every problem is reported at once, with its line, and the command exits
with status 2. Example::

    lang = "en"
    theme = "textual-light"

    [keymap]
    "app.search" = "ctrl+f"          # binding id = keys (comma-separated)
    "list.cursor_down" = "down,j"

`facts-tui keys` lists every binding id; `facts-tui config path` says where the file is looked for.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from tui.facts.model import Language
from tui.facts.sanitize import printable

ENV_VAR = "FACTS_TUI_CONFIG"
MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})


@dataclass(frozen=True)
class ConfigProblem:
    line: int
    """1-based; 0 when the problem is about the file as a whole."""
    message: str


class ConfigError(Exception):
    """A bad settings file: every problem found, each with its line."""

    def __init__(self, path: Path, problems: list[ConfigProblem]) -> None:
        super().__init__(f"{path}: {len(problems)} problem(s)")
        self.path = path
        self.problems = problems

    def format(self) -> str:
        name = printable(str(self.path))
        lines = [f"{name}:{p.line}: {p.message}" if p.line else f"{name}: {p.message}" for p in self.problems]
        lines.append(
            "Fix the settings file (or move it away) and try again; `facts-tui keys` lists binding ids."
        )
        return "\n".join(lines)


@dataclass(frozen=True)
class Config:
    """Settings as read; None means 'not set' (the defaults apply)."""

    path: Path | None = None
    lang: Language | None = None
    theme: str | None = None
    keymap: dict[str, str] = field(default_factory=dict)
    """Binding id → keys in Textual's long form ('question_mark', 'ctrl+f')."""


def default_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_config_dir("facts-tui", appauthor=False)) / "config.toml"


def find(explicit: Path | None = None) -> tuple[Path, str]:
    """Where the settings are looked for, and why there: ('--config', '$FACTS_TUI_CONFIG', 'default')."""
    if explicit is not None:
        return explicit, "--config"
    if env := os.environ.get(ENV_VAR):
        return Path(env), f"${ENV_VAR}"
    return default_path(), "default"


def load_config(explicit: Path | None = None) -> Config:
    """Read and check the settings file; raises ConfigError. A missing default file gives defaults."""
    path, origin = find(explicit)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        if origin == "default":
            return Config()
        raise ConfigError(path, [ConfigProblem(0, f"no such file (named by {origin})")]) from None
    except OSError as exc:
        raise ConfigError(path, [ConfigProblem(0, f"cannot be read: {exc.strerror}")]) from None
    return parse_config(path, data)


def parse_config(path: Path, data: bytes) -> Config:
    import tomli

    try:
        text = data.decode("utf-8-sig")
        table = tomli.loads(text)
    except UnicodeDecodeError:
        raise ConfigError(path, [ConfigProblem(0, "is not UTF-8 text")]) from None
    except tomli.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", 0) or 0
        col = getattr(exc, "colno", 0) or 0
        message = getattr(exc, "msg", str(exc))
        raise ConfigError(path, [ConfigProblem(line, f"TOML syntax: {message} (column {col})")]) from None

    lines = text.splitlines()
    problems: list[ConfigProblem] = []
    lang = table.get("lang")
    if lang is not None and lang not in ("ko", "en"):
        problems.append(ConfigProblem(_line_of(lines, "lang"), f'lang = {lang!r}: use "ko" or "en"'))
    theme = table.get("theme")
    if theme is not None:
        from textual.theme import BUILTIN_THEMES

        if theme not in BUILTIN_THEMES:
            hint = _close(str(theme), list(BUILTIN_THEMES))
            problems.append(
                ConfigProblem(
                    _line_of(lines, "theme"),
                    f"unknown theme {theme!r}{hint}; themes: {', '.join(BUILTIN_THEMES)}",
                )
            )
    for key in table:
        if key not in ("lang", "theme", "keymap"):
            hint = _close(key, ["lang", "theme", "keymap"])
            problems.append(ConfigProblem(_line_of(lines, key), f"unknown setting {key!r}{hint}"))
    keymap, keymap_problems = _check_keymap(table.get("keymap", {}), lines)
    problems += keymap_problems
    if problems:
        raise ConfigError(path, sorted(problems, key=lambda p: p.line))
    return Config(path=path, lang=lang, theme=theme, keymap=keymap)


def _check_keymap(raw: object, lines: list[str]) -> tuple[dict[str, str], list[ConfigProblem]]:
    from tui.ui.keymap import binding_conflicts, binding_ids

    if not isinstance(raw, dict):
        return {}, [
            ConfigProblem(_line_of(lines, "keymap"), '[keymap] must be a table of binding id = "keys"')
        ]
    ids = binding_ids()
    keymap: dict[str, str] = {}
    problems: list[ConfigProblem] = []
    for binding_id, keys in raw.items():
        line = _line_of(lines, binding_id, after="[keymap]")
        if binding_id not in ids:
            hint = _close(binding_id, list(ids))
            problems.append(
                ConfigProblem(line, f"unknown binding id {binding_id!r}{hint} (see `facts-tui keys`)")
            )
            continue
        if not isinstance(keys, str) or not keys.strip():
            problems.append(
                ConfigProblem(line, f'{binding_id}: keys must be a string such as "ctrl+f" or "j,down"')
            )
            continue
        normalized = []
        for key in keys.split(","):
            name = normalize_key(key.strip())
            if name is None:
                problems.append(ConfigProblem(line, f"{binding_id}: unknown key name {key.strip()!r}"))
            else:
                normalized.append(name)
        if len(normalized) == len(keys.split(",")):
            keymap[binding_id] = ",".join(normalized)
    for first, second, key in binding_conflicts(keymap):
        problems.append(
            ConfigProblem(
                _line_of(lines, first if first in keymap else second, after="[keymap]"),
                f"{first} and {second} are both bound to {key!r} where both are active: give one another key",
            )
        )
    return keymap, problems


def normalize_key(key: str) -> str | None:
    """A key as Textual names it ('?' → 'question_mark', 'Ctrl+F' → 'ctrl+f'); None if unknown."""
    from textual.keys import Keys, _character_to_key

    if not key:
        return None
    if len(key) == 1:
        return _character_to_key(key)
    *modifiers, base = key.split("+")
    if any(m.lower() not in MODIFIERS for m in modifiers) or not base:
        return None
    if len(base) == 1:
        base = _character_to_key(base) if not modifiers else base.lower()
    else:
        base = base.lower()
        known = {k.value for k in Keys if "+" not in k.value} | {"space", "tab", "enter", "backspace"}
        known |= {name for name in _CHARACTER_NAMES}
        if base not in known:
            return None
    return "+".join([*(m.lower() for m in modifiers), base])


_CHARACTER_NAMES = frozenset(
    {
        "question_mark", "left_square_bracket", "right_square_bracket", "slash", "backslash",
        "comma", "full_stop", "semicolon", "colon", "apostrophe", "quotation_mark", "number_sign",
        "dollar_sign", "percent_sign", "ampersand", "asterisk", "plus", "minus", "hyphen_minus",
        "equals_sign", "less_than_sign", "greater_than_sign", "exclamation_mark", "circumflex_accent",
        "underscore", "grave_accent", "tilde", "vertical_line", "left_curly_bracket",
        "right_curly_bracket", "left_parenthesis", "right_parenthesis", "commercial_at",
    }
)  # fmt: skip


def _line_of(lines: list[str], key: str, after: str | None = None) -> int:
    """The 1-based line where `key = ...` is written (after the line `after`, if given); 0 if not found."""
    pattern = re.compile(rf"""^\s*(["']?){re.escape(key)}\1\s*=""")
    start = 0
    if after is not None:
        start = next((n + 1 for n, text in enumerate(lines) if text.strip() == after), 0)
    for n in range(start, len(lines)):
        if pattern.match(lines[n]):
            return n + 1
    return 0


def _close(word: str, choices: list[str]) -> str:
    import difflib

    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""
