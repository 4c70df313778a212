"""Running `facts-tui ARGS` in-process for tests: exit status, stdout and stderr."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from tui.cli import main

ESCAPES = re.compile(r"[\x1b\x07\x9b]")


class Run:
    """The outcome of `facts-tui ARGS`: exit status, stdout, stderr."""

    def __init__(self, status: int, out: str, err: str) -> None:
        self.status, self.out, self.err = status, out, err

    def __repr__(self) -> str:
        return f"Run(status={self.status}, out={self.out[:2000]!r}, err={self.err!r})"


def runner(capsys: pytest.CaptureFixture[str], *command: str) -> Callable[..., Run]:
    """A function running `facts-tui COMMAND... ARGS...`; it fails the test on a traceback, or on
    escape sequences in stdout (which is not a terminal under capsys)."""

    def run(*args: str) -> Run:
        capsys.readouterr()
        status = main([*command, *args])
        out, err = capsys.readouterr()
        assert "Traceback" not in out + err
        assert not ESCAPES.search(out), "escape sequences on stdout, which is not a terminal"
        return Run(status, out, err)

    return run
