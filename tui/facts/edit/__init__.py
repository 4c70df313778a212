"""Editing a fact file in place: the library behind `facts-tui set|add|rename|rm` and the explorer's
edit form.

A change is planned on the file's text (`change`), checked as `facts-tui check` would check the
whole file (`check`), and only then written: atomically, beside the file, keeping its mode, and
never over a file that changed on disk since it was read. Everything outside the changed entities
stays byte for byte as it was.
"""

from __future__ import annotations

import difflib
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from tui.facts.edit.change import ChangeError
from tui.facts.edit.values import FieldError
from tui.facts.load import FactFileError, Problem, read_bytes
from tui.facts.messages import Said


class FileChangedError(Exception):
    """The file changed on disk after it was read: nothing was written.

    `diff` says what changed, as a unified diff from the text that was read to the text on disk
    now ("" when the text that was read is not known)."""

    def __init__(self, message: str, diff: str = "") -> None:
        super().__init__(message)
        self.diff = diff


@dataclass(frozen=True)
class Edit:
    """A planned change: the file's text before and after."""

    path: Path
    before: str
    after: str
    stamp: tuple[int, int]
    """The file's size and modification time when it was read."""

    def diff(self) -> str:
        """The change as a unified diff of the TOML."""
        name = str(self.path)
        return text_diff(self.before, self.after, f"{name} (now)", f"{name} (after the change)")

    def write(self) -> None:
        """Replace the file with the new text, atomically and keeping its mode; refuse if it changed."""
        from tui.facts.export.atomic import write_text

        if _stamp(self.path) != self.stamp:
            raise FileChangedError(f"{self.path} changed on disk since it was read; nothing was written")
        write_text(self.path, self.after, overwrite=True)


def text_diff(before: str, after: str, fromfile: str, tofile: str, context: int = 3) -> str:
    """A unified diff of two texts, fast when they differ in a few places of a 50 MB file.

    The lines the two share at the start and at the end are found by comparing blocks of
    characters and set aside before difflib compares the rest (difflib over 100,000 entities'
    lines takes minutes); hunk headers keep the file's own line numbers."""
    prefix = _line_start(before, _common_prefix(before, after))
    suffix = _common_suffix(before, after, limit=min(len(before), len(after)) - prefix)
    old_end = _next_line_start(before, len(before) - suffix)
    new_end = len(after) - (len(before) - old_end)
    # A few shared lines on either side, as context.
    start = prefix
    for _ in range(context):
        start = _line_start(before, start - 1) if start > 0 else 0
    old_stop, new_stop = old_end, new_end
    for _ in range(context):
        old_stop, new_stop = _next_line_start(before, old_stop + 1), _next_line_start(after, new_stop + 1)
    old = before[start:old_stop].splitlines(keepends=True)
    new = after[start:new_stop].splitlines(keepends=True)
    offset = before.count("\n", 0, start)
    lines = difflib.unified_diff(old, new, fromfile=fromfile, tofile=tofile, n=context)
    shifted = (
        _HUNK.sub(lambda m: _shift(m, offset), line) if line.startswith("@@") else line for line in lines
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in shifted)


_BLOCK = 65_536


def _common_prefix(a: str, b: str) -> int:
    """How many characters `a` and `b` share at the start (compared a block at a time)."""
    limit, at = min(len(a), len(b)), 0
    while at < limit and a[at : at + _BLOCK] == b[at : at + _BLOCK]:
        at += _BLOCK
    while at < limit and a[at] == b[at]:
        at += 1
    return min(at, limit)


def _common_suffix(a: str, b: str, limit: int) -> int:
    """How many characters (at most `limit`) `a` and `b` share at the end."""
    n = 0
    while n + _BLOCK <= limit and a[len(a) - n - _BLOCK : len(a) - n] == b[len(b) - n - _BLOCK : len(b) - n]:
        n += _BLOCK
    while n < limit and a[len(a) - n - 1] == b[len(b) - n - 1]:
        n += 1
    return n


def _line_start(text: str, at: int) -> int:
    """The start of the line holding position `at`."""
    return text.rfind("\n", 0, at) + 1


def _next_line_start(text: str, at: int) -> int:
    """The first line start at or after `at` (the text's end if there is none)."""
    if at <= 0:
        return 0
    if at >= len(text):
        return len(text)
    newline = text.find("\n", at - 1)
    return len(text) if newline < 0 else newline + 1


_HUNK = re.compile(r"^@@ -(\d+)(,\d+)? \+(\d+)(,\d+)? @@")


def _shift(match: re.Match[str], offset: int) -> str:
    """A hunk header of a slice starting `offset` lines into the file, in the file's line numbers."""
    old, old_count, new, new_count = match.groups()
    old_start = int(old) + offset if int(old) or old_count != ",0" else offset
    new_start = int(new) + offset if int(new) or new_count != ",0" else offset
    return f"@@ -{old_start}{old_count or ''} +{new_start}{new_count or ''} @@"


def read_text(path: Path) -> tuple[str, tuple[int, int]]:
    """The file's text exactly as stored (a BOM kept as U+FEFF, CRLF kept) and its stamp."""
    data, status = read_bytes(path)
    if status is None or not stat.S_ISREG(status.st_mode):
        raise FactFileError(path, [Problem(Said("problem.not_regular"), hint=Said("problem.edit_in_place"))])
    return data.decode("utf-8"), (status.st_size, status.st_mtime_ns)


def _stamp(path: Path) -> tuple[int, int]:
    status = os.stat(path)
    return status.st_size, status.st_mtime_ns


__all__ = ["ChangeError", "Edit", "FieldError", "FileChangedError", "read_text", "text_diff"]
