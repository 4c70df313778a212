"""The explorer's changes to its fact file in one session, to undo and redo (`u`, `U`).

Each change is kept as the file's whole text before and after it. Undo writes the before-text
back, redo the after-text, both through the same path as a change: checked as `facts-tui check`
would check the file, written atomically, and never over a file that changed on disk since (its
text must be what this session last wrote). Undoing every change gives back the original bytes.
No Textual here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tui.facts.edit import Edit, FileChangedError, read_text
from tui.facts.edit.check import check_change
from tui.facts.index import FactBase


@dataclass(frozen=True)
class Change:
    """One change written to the file."""

    path: Path
    before: str
    after: str
    entity_ids: tuple[str, ...] = ()
    """The entities whose blocks changed with their ids kept (for the fast check); () checks the
    whole text."""
    summary: str = ""
    """What changed, in a line: 'daegu.founded = 1981'."""


def write_checked(facts: FactBase, path: Path, expected: str, new: str, entity_ids: tuple[str, ...]) -> None:
    """Replace the file's text `expected` with `new`, checked and atomically.

    Raises FileChangedError when the file's text is not `expected` (it changed on disk), and
    FactFileError, worded as `facts-tui check` words it, when `new` is not a valid fact file."""
    text, stamp = read_text(path)
    if text != expected:
        raise FileChangedError(f"{path} changed on disk since it was read; nothing was written")
    check_change(facts, new, list(entity_ids), str(path))
    Edit(path, text, new, stamp).write()


@dataclass
class EditSession:
    """The changes made in this session, newest last, and those undone, to redo."""

    done: list[Change] = field(default_factory=list)
    undone: list[Change] = field(default_factory=list)

    @property
    def can_undo(self) -> bool:
        return bool(self.done)

    @property
    def can_redo(self) -> bool:
        return bool(self.undone)

    def record(self, change: Change) -> None:
        """A change was written: it can be undone; what was undone before can no longer be redone."""
        self.done.append(change)
        self.undone.clear()

    def undo(self, facts: FactBase) -> Change:
        """Write the last change's before-text back; the change undone. IndexError if none."""
        change = self.done[-1]
        write_checked(facts, change.path, change.after, change.before, change.entity_ids)
        self.undone.append(self.done.pop())
        return change

    def redo(self, facts: FactBase) -> Change:
        """Write the last undone change's after-text again; the change redone. IndexError if none."""
        change = self.undone[-1]
        write_checked(facts, change.path, change.before, change.after, change.entity_ids)
        self.done.append(self.undone.pop())
        return change
