"""The one way the explorer changes its fact file: checked, atomic, never over someone else's save,
undoable — and off the UI thread.

The app owns one `EditService` for its file. Screens and widgets never read or write the file
(an import-linter contract in pyproject.toml keeps them from importing this module, the edit
library's reader and writer and the atomic writer). A screen describes a change as a
`tui.facts.edit.plan.PlannedChange` and hands it to the app:

    from tui.facts.edit.plan import set_fields, add_entity, rename_entity, remove_entity

    outcome = await app.save(set_fields("lvis", [assignment], "lvis.founded = 2014"))
    # a Change: written; the app says so, reloads and selects `planned.select`
    # a Refused: nothing written; `.reason` in the user's language, `check`'s report for an
    #            invalid change: show it and let the user fix the value
    # None: the file had changed on disk and the user chose to cancel in the conflict dialog

    diff = await app.change_diff(planned)   # the change as a unified diff; nothing is written

`FactsApp.save` runs `EditService.apply` in a thread. `apply` (blocking) reads the file; refuses
with `FileChangedError` (its `diff` says what changed) when the file is not the text the shown
fact base was loaded from; plans the new text; checks it as `facts-tui check` would
(`check_change`: the changed blocks alone when it can, else the whole text); writes it
atomically, keeping the file's mode; and records it for `undo` / `redo`, which write back through
the same checks. Undoing every change gives back the original bytes. On a conflict the app asks
(the conflict dialog) whether to load the file again and apply the same `PlannedChange` to it.

The app tells the service what it shows: `loaded(facts, snapshot)` after every load, with the
file's bytes as they were loaded (`read_snapshot`, called in the loading thread). After a write the
service has the new file's fact base too, built from the old one (`tui.facts.edit.rebuild`: only
the changed entities are parsed, and checked as `facts-tui check` would) or, when that cannot be
sure, loaded whole; the app shows `written()` instead of parsing the 51 MB file again. A 50 MB
file's text is decoded and encoded a slice at a time, and decoded only once while the service
writes it, so the explorer keeps its frames while it saves. No Textual here.
"""

from __future__ import annotations

import codecs
import os
import threading
from bisect import bisect_left
from dataclasses import dataclass, field
from pathlib import Path

from tui.facts.edit import FileChangedError, text_diff
from tui.facts.edit.change import ChangeError
from tui.facts.edit.check import check_change
from tui.facts.edit.plan import Change, PlannedChange
from tui.facts.edit.rebuild import Layout, rebuild, scan
from tui.facts.export.atomic import write_bytes
from tui.facts.index import FactBase
from tui.facts.load import FactFileError, Problem, read_bytes
from tui.facts.model import ENTITY_TYPES

__all__ = ["Change", "EditService", "NothingToChange", "Snapshot", "read_snapshot"]

_SLICE = 1 << 20
"""Characters (or bytes) decoded or encoded at a time: each slice holds the interpreter ~3 ms."""


class NothingToChange(ChangeError):
    """The planned text is the file's text: nothing to write."""


@dataclass(frozen=True)
class Snapshot:
    """A fact file's bytes as read, and its size and modification time then."""

    data: bytes
    stamp: tuple[int, int]


def read_snapshot(path: Path) -> Snapshot:
    """The file as it is now (FactFileError if it is not a readable regular file)."""
    import stat

    data, status = read_bytes(path)
    if status is None or not stat.S_ISREG(status.st_mode):
        raise FactFileError(path, [Problem("is not a regular file", hint="edit a .toml file in place")])
    return Snapshot(data, (status.st_size, status.st_mtime_ns))


@dataclass
class EditService:
    """Applies changes to one fact file and keeps the session's undo and redo."""

    path: Path
    done: list[Change] = field(default_factory=list)
    undone: list[Change] = field(default_factory=list)
    _facts: FactBase | None = None
    _base: Snapshot | None = None
    """The file as the shown fact base was loaded from it (or as this service last wrote it)."""
    _fresh: bool = False
    """Whether `_facts` is the fact base of `_base` (after a write it is when the new fact base
    could be built or loaded while checking it)."""
    _text: str | None = None
    """The text of `_base` when known: the service wrote it, or decoded it for the last change."""
    _layout: Layout | None = None
    """Where the entities of `_base` are (`tui.facts.edit.rebuild`), once a change needed it."""
    _lock: threading.Lock = field(default_factory=threading.Lock)

    # -- what the app shows -------------------------------------------------------------------

    def loaded(self, facts: FactBase, snapshot: Snapshot | None) -> None:
        """The app shows `facts`, loaded from the file as `snapshot` holds it (None when not
        known: the next change takes the file as it is then)."""
        with self._lock:
            if snapshot is None or snapshot is not self._base:  # not what this service wrote last
                self._text, self._layout = None, None
            self._facts, self._base, self._fresh = facts, snapshot, snapshot is not None

    def written(self) -> tuple[FactBase, Snapshot] | None:
        """The fact base of the file as this service last wrote it, with its bytes, when it knows
        it: what the app shows after a change instead of loading the file again."""
        with self._lock:
            if self._facts is None or self._base is None or not self._fresh:
                return None
            return self._facts, self._base

    def wrote(self, stamp: tuple[int, int] | None) -> bool:
        """Whether the file with this size and modification time is the one this service last wrote
        and knows the fact base of (`written()`): the app need not load it. Never waits."""
        base = self._base
        return self._fresh and base is not None and base.stamp == stamp

    @property
    def busy(self) -> bool:
        """Whether a change is being written now (the file may be half-way to its new version)."""
        return self._lock.locked()

    @property
    def can_undo(self) -> bool:
        return bool(self.done)

    @property
    def can_redo(self) -> bool:
        return bool(self.undone)

    # -- changing the file (blocking: call these off the UI thread) ------------------------------

    def apply(self, planned: PlannedChange) -> Change:
        """Plan, check and write `planned`; the change written, recorded for undo.

        Raises FileChangedError (with a diff) when the file changed on disk since it was loaded,
        ChangeError or FieldError when the change cannot be planned (NothingToChange when it
        changes nothing), FactFileError worded as `facts-tui check` words it when the new text
        is not a valid fact file, OSError when it cannot be written. Nothing is written then."""
        with self._lock:
            facts = self._require_facts()
            snapshot = self._read_unchanged()
            spliced = self._planned_in_place(planned, facts, snapshot.data)
            data, same = spliced if spliced is not None else (None, (0, 0))
            text: str | None = None
            if data is None:
                before = self._text_of(snapshot)
                text = planned.plan(before, facts)
                if text == before:
                    raise NothingToChange(planned.summary)
                data = _encode(text)
            if data == snapshot.data:
                raise NothingToChange(planned.summary)
            change = _Written(
                self.path, snapshot.data, data, planned.entity_ids, planned.summary, planned.select
            )
            self._write(snapshot, data, text, planned.entity_ids, same)
            self.done.append(change)
            self.undone.clear()
            return change

    def record(self, change: Change) -> None:
        """A change written by someone the user asked (their editor, `E`): undo can write its
        before-text back."""
        with self._lock:
            self.done.append(change)
            self.undone.clear()

    def undo(self) -> Change:
        """Write the last change's before-text back; the change undone. IndexError if none;
        FileChangedError when the file is not what the change wrote."""
        with self._lock:
            change = self.done[-1]
            before, after = _bytes_of(change)
            self._write_over(after, before, change.entity_ids)
            self.undone.append(self.done.pop())
            return change

    def redo(self) -> Change:
        """Write the last undone change's after-text again; the change redone. IndexError if none."""
        with self._lock:
            change = self.undone[-1]
            before, after = _bytes_of(change)
            self._write_over(before, after, change.entity_ids)
            self.done.append(self.undone.pop())
            return change

    def diff(self, planned: PlannedChange) -> str:
        """The change as a unified diff of the TOML, planned on the file as loaded; nothing is
        written ("" when it changes nothing)."""
        with self._lock:
            facts = self._require_facts()
            text = (
                _decode(self._base.data) if self._base is not None else _decode(read_snapshot(self.path).data)
            )
        name = str(self.path)
        return text_diff(text, planned.plan(text, facts), f"{name} (now)", f"{name} (after the change)")

    # -- inside ---------------------------------------------------------------------------------

    def _require_facts(self) -> FactBase:
        if self._facts is None:
            raise ChangeError("the file is still loading")
        return self._facts

    def _read_unchanged(self) -> Snapshot:
        """The file now, or FileChangedError if it is not the file last loaded (or written)."""
        snapshot = read_snapshot(self.path)
        base = self._base
        if base is None:
            return snapshot
        if snapshot.data != base.data:
            raise self._changed(_decode(base.data), _decode(snapshot.data))
        return Snapshot(base.data, snapshot.stamp)  # the same bytes: later checks compare identity

    def _text_of(self, snapshot: Snapshot) -> str:
        """The text of the file read as `snapshot` (decoded once, kept while the file is ours)."""
        base = self._base
        if self._text is None or base is None or snapshot.data != base.data:
            self._text = _decode(snapshot.data)
        return self._text

    def _planned_in_place(
        self, planned: PlannedChange, facts: FactBase, data: bytes
    ) -> tuple[bytes, tuple[int, int]] | None:
        """The new bytes of a change to one entity's block, planned on its lines alone, and how
        many bytes at the start and at the end did not change (None when the change is not of
        that kind, or its place is not known).

        A change that rewrites one block needs only that block's text: planning it on the whole
        text of a 50 MB file copies the text twice more, holding the interpreter lock (and the
        explorer's frames) for a quarter of a second. The window is the block with the block
        before it (which holds the comment lines above its header); what it gives is checked
        like any change (`rebuild`, or the whole text when that cannot answer)."""
        if len(planned.entity_ids) != 1:
            return None
        layout = self._current_layout(data)
        entity = facts.get(planned.entity_ids[0])
        if layout is None or entity is None:
            return None
        table = next(n for n, t in enumerate(ENTITY_TYPES) if t.KIND == entity.KIND)
        here = bisect_left(layout.starts, layout.by_table[table][facts.position(entity.id)])
        start = layout.starts[here - 1] if here > 0 else 0
        end = layout.starts[here + 1] if here + 1 < len(layout.starts) else len(data)
        try:
            window = data[start:end].decode("utf-8")
        except UnicodeDecodeError:
            return None
        try:
            changed = planned.plan(window, facts)
        except ChangeError:
            return None  # not within these lines after all: planned on the whole text
        return b"".join((data[:start], changed.encode("utf-8"), data[end:])), (start, len(data) - end)

    def _current_layout(self, data: bytes) -> Layout | None:
        """The layout of the shown file's bytes `data` (scanned once per file loaded; after a
        write of ours it carries over), or None when they are not the shown fact base's."""
        base = self._base
        if not self._fresh or base is None or (base.data is not data and base.data != data):
            return None
        if self._layout is None:
            self._layout = scan(base.data)
        return self._layout

    def _write_over(self, expected: bytes, new: bytes, entity_ids: tuple[str, ...]) -> None:
        """Replace the file's bytes `expected` with `new` (undo, redo)."""
        snapshot = read_snapshot(self.path)
        if snapshot.data != expected:
            raise self._changed(_decode(expected), _decode(snapshot.data))
        if self._base is not None and expected is self._base.data:
            snapshot = Snapshot(expected, snapshot.stamp)  # the same bytes: later checks compare identity
        self._write(snapshot, new, None, entity_ids)

    def _write(
        self,
        snapshot: Snapshot,
        data: bytes,
        text: str | None,
        entity_ids: tuple[str, ...],
        same: tuple[int, int] = (0, 0),
    ) -> None:
        """Check `data` (whose text is `text` when known; `same`: the bytes at its start and end
        known to be the file's) against the shown facts, then write it over the file read as
        `snapshot`."""
        facts = self._require_facts()
        # The new fact base from the old one: the changed entities parsed and checked alone.
        layout = self._current_layout(snapshot.data)
        rebuilt = rebuild(facts, layout, snapshot.data, data, same) if layout is not None else None
        checked: FactBase | None = rebuilt.facts if rebuilt is not None else None
        if rebuilt is None:
            # The fast check compares the changed blocks with the fact base of the text they were
            # changed in; when that is not known, the whole text is checked (and loaded).
            text = _decode(data) if text is None else text
            ids = list(entity_ids) if self._fresh else []
            checked = check_change(facts, text, ids, str(self.path))
        if _stamp(self.path) != snapshot.stamp:  # someone saved while this was being checked
            raise self._changed(_decode(snapshot.data), _decode(read_snapshot(self.path).data))
        write_bytes(self.path, data, overwrite=True)
        self._base = Snapshot(data, _stamp(self.path))
        self._text = text
        self._layout = rebuilt.layout if rebuilt is not None else None
        self._fresh = checked is not None
        if checked is not None:
            self._facts = checked

    def _changed(self, before: str, now: str) -> FileChangedError:
        name = str(self.path)
        return FileChangedError(
            f"{name} changed on disk since it was read; nothing was written",
            diff=text_diff(before, now, f"{name} (as loaded)", f"{name} (on disk now)"),
        )


class _Written(Change):
    """A change this service wrote, holding the file's bytes before and after it: its texts
    (`before`, `after`) are decoded only when read, since decoding a 50 MB file is a pause of the
    explorer, and undo and redo need only the bytes."""

    data: tuple[bytes, bytes]

    def __init__(
        self,
        path: Path,
        before: bytes,
        after: bytes,
        entity_ids: tuple[str, ...],
        summary: str,
        select: str | None,
    ) -> None:
        for name, value in (("path", path), ("entity_ids", entity_ids), ("summary", summary)):
            object.__setattr__(self, name, value)
        object.__setattr__(self, "select", select)
        object.__setattr__(self, "data", (before, after))

    @property  # type: ignore[override]  # Change's field, read from the bytes on demand
    def before(self) -> str:
        return _decode(self.data[0])

    @property  # type: ignore[override]  # Change's field, read from the bytes on demand
    def after(self) -> str:
        return _decode(self.data[1])


def _bytes_of(change: Change) -> tuple[bytes, bytes]:
    """A change's file bytes before and after it."""
    if isinstance(change, _Written):
        return change.data
    return _encode(change.before), _encode(change.after)


def _stamp(path: Path) -> tuple[int, int]:
    status = os.stat(path)
    return status.st_size, status.st_mtime_ns


def _decode(data: bytes) -> str:
    """UTF-8 bytes as text (a BOM kept as U+FEFF), a slice at a time: decoding 50 MB in one call
    would hold the interpreter, and the explorer's frames, for 0.2 s."""
    if len(data) <= _SLICE:
        return data.decode("utf-8")
    decoder = codecs.getincrementaldecoder("utf-8")()
    view = memoryview(data)
    parts = [decoder.decode(view[at : at + _SLICE]) for at in range(0, len(data), _SLICE)]
    parts.append(decoder.decode(b"", final=True))
    return "".join(parts)


def _encode(text: str) -> bytes:
    """Text as UTF-8, a slice at a time (see `_decode`)."""
    if len(text) <= _SLICE:
        return text.encode("utf-8")
    return b"".join(text[at : at + _SLICE].encode("utf-8") for at in range(0, len(text), _SLICE))
