"""Opening the fact file in the user's own editor at an entity's line (`E` in the explorer).

The editor is `$VISUAL`, else `$EDITOR`, split as a shell would split it (it may carry options:
`code --wait`), but never run through a shell: the file's path is one argument of its own.
"""

from __future__ import annotations

import os
import shlex
import subprocess
from collections.abc import Mapping
from pathlib import Path

_FILE_COLON_LINE = frozenset({"subl", "sublime_text", "zed", "gedit"})
"""Editors that take the line as `FILE:LINE` (`gedit` also takes `+LINE`, but `FILE:LINE` is fine)."""
_GOTO = frozenset({"code", "codium", "code-insiders", "vscodium", "cursor"})
"""Editors that take `--goto FILE:LINE`."""


def editor_argv(environ: Mapping[str, str], path: Path, line: int) -> list[str] | None:
    """The command that opens `path` at `line` in the user's editor, or None when none is set.

    `+LINE FILE` is what vi, vim, nvim, nano, emacs, micro, kak, hx, joe, mg and most others
    take, and what an editor we do not know gets."""
    command = environ.get("VISUAL", "").strip() or environ.get("EDITOR", "").strip()
    if not command:
        return None
    try:
        argv = shlex.split(command)
    except ValueError:  # unbalanced quotes: take it as one program name
        argv = [command]
    if not argv:
        return None
    name = Path(argv[0]).name.removesuffix(".exe")
    file = str(Path(path).absolute())  # never read as an option (`-x.toml`, `+3`)
    if name in _GOTO:
        return [*argv, "--goto", f"{file}:{line}"]
    if name in _FILE_COLON_LINE:
        return [*argv, f"{file}:{line}"]
    return [*argv, f"+{line}", file]


def run_editor(argv: list[str]) -> int:
    """Run the editor in the terminal and wait for it; its exit status."""
    return subprocess.run(argv, check=False, env=os.environ.copy()).returncode


def line_of(text: str, offset: int) -> int:
    """The 1-based line number of `offset` in `text`."""
    return text.count("\n", 0, offset) + 1
