"""What can be wrong with a fact file, as values: a `Problem` with its place, and the one exception
that carries every problem of a file (`FactFileError`).

Its own module so that the loader (`load.py`) and the locator of lines (`locate.py`) both depend on
it, and not on each other.

A problem's message and hint are worded once, when the problem is found, as `Said` values (an
English `str` that can also be said in Korean); `format(path, lang)` says them in the reader's
language. Places (`organizations[lvis].valuation`), excerpts and file names are data: never
translated.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tui.facts.messages import msg, said
from tui.facts.model import Language
from tui.facts.sanitize import printable


class LoadCancelled(BaseException):
    """Raised by a progress callback to stop a load (the user quit while it ran).

    A BaseException, like asyncio's CancelledError: no `except Exception` on the way swallows it.
    """


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a fact file, with where it is and what to do about it."""

    message: str
    """What is wrong: `Said` (either language) or a plain `str` (one language only)."""
    where: str = ""
    line: int | None = None
    col: int | None = None
    hint: str = ""
    """What to do about it, `Said` or `str` like the message."""
    excerpt: str = ""

    def format(self, path: str, lang: Language = "en") -> str:
        """`path:line:col: where: message`, the offending line, then the hint, said in `lang`."""
        place = path
        if self.line is not None:
            place += f":{self.line}"
            if self.col is not None:
                place += f":{self.col}"
        message = said(self.message, lang)
        head = f"{place}: {self.where}: {message}" if self.where else f"{place}: {message}"
        lines = [head]
        if self.excerpt:
            excerpt = self.excerpt.replace("\r", "")  # a bare CR would send the cursor back over the line
            lines.append(f"    {self.line} | {excerpt}" if self.line else f"    | {excerpt}")
        if self.hint:
            lines.append("    " + msg("problem.hint", lang, hint=said(self.hint, lang)))
        return "\n".join(lines)


class FactFileError(Exception):
    """A fact file that cannot be used, with every problem found in it."""

    def __init__(self, path: Path | str, problems: list[Problem]) -> None:
        self.path = printable(str(path))  # a file name is not ours to send to a terminal
        self.problems = problems
        super().__init__(self.format())

    def format(self, lang: Language = "en") -> str:
        """Every problem, one block each, then a count, said in `lang` (`str()` is English)."""
        blocks = [p.format(self.path, lang) for p in self.problems]
        n = len(self.problems)
        blocks.append(msg("problem.count_one" if n == 1 else "problem.count", lang, n=n, path=self.path))
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
