"""What can be wrong with a fact file, as values: a `Problem` with its place, and the one exception
that carries every problem of a file (`FactFileError`).

Its own module so that the loader (`load.py`) and the locator of lines (`locate.py`) both depend on
it, and not on each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tui.facts.sanitize import printable


class LoadCancelled(BaseException):
    """Raised by a progress callback to stop a load (the user quit while it ran).

    A BaseException, like asyncio's CancelledError: no `except Exception` on the way swallows it.
    """


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a fact file, with where it is and what to do about it."""

    message: str
    where: str = ""
    line: int | None = None
    col: int | None = None
    hint: str = ""
    excerpt: str = ""

    def format(self, path: str) -> str:
        """`path:line:col: where: message`, the offending line, then the hint."""
        place = path
        if self.line is not None:
            place += f":{self.line}"
            if self.col is not None:
                place += f":{self.col}"
        head = f"{place}: {self.where}: {self.message}" if self.where else f"{place}: {self.message}"
        lines = [head]
        if self.excerpt:
            excerpt = self.excerpt.replace("\r", "")  # a bare CR would send the cursor back over the line
            lines.append(f"    {self.line} | {excerpt}" if self.line else f"    | {excerpt}")
        if self.hint:
            lines.append(f"    hint: {self.hint}")
        return "\n".join(lines)


class FactFileError(Exception):
    """A fact file that cannot be used, with every problem found in it."""

    def __init__(self, path: Path | str, problems: list[Problem]) -> None:
        self.path = printable(str(path))  # a file name is not ours to send to a terminal
        self.problems = problems
        super().__init__(self.format())

    def format(self) -> str:
        """Every problem, one block each, then a count."""
        blocks = [p.format(self.path) for p in self.problems]
        n = len(self.problems)
        blocks.append(f"{n} problem{'s' if n != 1 else ''} in {self.path}")
        return "\n".join(blocks)


@dataclass
class Found:
    """A problem before it has a line number: a path of keys and indexes into the data."""

    path: tuple[str | int, ...]
    message: str
    hint: str = ""
    needle: str = field(default="")
    """An id to look for on the line (for references), when the key alone is ambiguous."""
    near: str = ""
    """The key under which to look for the needle ('signatories')."""
