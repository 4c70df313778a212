"""The message table: every interface string in Korean and English, with the same placeholders."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

from tui.facts import messages
from tui.facts.messages import MESSAGES, both, msg
from tui.ui.keymap import ALL_GROUPS

HANGUL = re.compile(r"[가-힣ㄱ-ㅎㅏ-ㅣ]")


def placeholders(template: str) -> list[str]:
    """The names a template fills in, sorted, with their format specs: '{n:,}' → 'n:,'."""
    fields = string.Formatter().parse(template)
    return sorted(f"{name}:{spec}" for _, name, spec, _ in fields if name is not None)


def test_both_languages_fill_in_the_same_placeholders() -> None:
    differ = [
        f"{key}: {ko!r} / {en!r}"
        for key, (ko, en) in MESSAGES.items()
        if placeholders(ko) != placeholders(en)
    ]
    assert not differ, "placeholders differ:\n" + "\n".join(differ)


def test_each_message_is_in_its_language() -> None:
    """The English text has no Hangul (but for examples of what to type: `ㄷㄱ`, `760억`); the
    Korean text has Hangul, or no word of four letters (`{kind} ({subkind})`, `MOU`)."""
    wrong = []
    for key, (ko, en) in MESSAGES.items():
        if not ko.strip() or not en.strip():
            wrong.append(f"{key}: empty")
        if HANGUL.search(re.sub(r"ㄷㄱ|760억", "", en)):
            wrong.append(f"{key}: Hangul in {en!r}")
        if not HANGUL.search(ko) and re.search(r"[A-Za-z]{4,}", re.sub(r"\{[^}]*\}", "", ko)):
            wrong.append(f"{key}: no Korean in {ko!r}")
    assert not wrong, "\n".join(wrong)


def test_msg_fills_in_values_and_both_gives_korean_then_english() -> None:
    assert msg("n_of_total", "en", n=5, total=7) == "5 of 7"
    assert msg("n_of_total", "ko", n=5, total=7) == "7개 중 5개"
    assert both("cmd.timeline") == ("연표", "Timeline")


def test_every_command_and_group_has_a_message() -> None:
    for title, commands in ALL_GROUPS:
        assert title in MESSAGES
        for command in commands:
            assert command.message in MESSAGES, command


def test_no_key_is_given_twice() -> None:
    """Areas add their messages to one dict literal: a key given twice would silently lose one."""
    tree = ast.parse(Path(messages.__file__).read_text(encoding="utf-8"))
    table = next(
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", None) == "MESSAGES"
    )
    assert isinstance(table, ast.Dict)
    keys = [key.value for key in table.keys if isinstance(key, ast.Constant)]
    assert sorted(k for k in set(keys) if keys.count(k) > 1) == []
    assert len(keys) == len(MESSAGES)
