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
import stat
from dataclasses import dataclass
from pathlib import Path

from tui.facts.edit.change import ChangeError
from tui.facts.edit.values import FieldError
from tui.facts.load import FactFileError, Problem, read_bytes


class FileChangedError(Exception):
    """The file changed on disk after it was read: nothing was written."""


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
        lines = difflib.unified_diff(
            self.before.splitlines(keepends=True),
            self.after.splitlines(keepends=True),
            fromfile=f"{name} (now)",
            tofile=f"{name} (after the change)",
        )
        return "".join(line if line.endswith("\n") else line + "\n" for line in lines)

    def write(self) -> None:
        """Replace the file with the new text, atomically and keeping its mode; refuse if it changed."""
        from tui.facts.export.atomic import write_text

        if _stamp(self.path) != self.stamp:
            raise FileChangedError(f"{self.path} changed on disk since it was read; nothing was written")
        write_text(self.path, self.after, overwrite=True)


def read_text(path: Path) -> tuple[str, tuple[int, int]]:
    """The file's text exactly as stored (a BOM kept as U+FEFF, CRLF kept) and its stamp."""
    data, status = read_bytes(path)
    if status is None or not stat.S_ISREG(status.st_mode):
        raise FactFileError(path, [Problem("is not a regular file", hint="edit a .toml file in place")])
    return data.decode("utf-8"), (status.st_size, status.st_mtime_ns)


def _stamp(path: Path) -> tuple[int, int]:
    status = os.stat(path)
    return status.st_size, status.st_mtime_ns


__all__ = ["ChangeError", "Edit", "FieldError", "FileChangedError", "read_text"]
