"""The fact base: validated entities indexed by id and kind, with links resolved both ways."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import msgspec

from tui.facts.model import ENTITY_KINDS, ENTITY_TYPES, Entity, FactFile, FileMeta, Provenance, Source

_gc_lock = threading.Lock()
_gc_pausing = 0
_gc_was_enabled = False


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building millions of objects that form no cycles.

    Loading a large file or indexing its links allocates containers by the million, all of them
    kept; the collector would scan them again and again while they are built (at 100,000
    entities: a third of the parse, two thirds of building the backlinks). Nested and concurrent
    pauses are counted: the collector is turned back on, if it was on, when the last one ends.
    """
    global _gc_pausing, _gc_was_enabled
    with _gc_lock:
        if _gc_pausing == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_pausing += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pausing -= 1
            if _gc_pausing == 0 and _gc_was_enabled:
                gc.enable()


class Link(msgspec.Struct, frozen=True, gc=False):
    """A resolved reference: `entity` plays `role` (e.g. 'party') for the entity it was asked about.

    Not tracked by the cyclic garbage collector (it cannot be part of a cycle): a big file has
    hundreds of thousands of them, which the collector would otherwise walk on every full pass,
    a pause of ~0.1 s in the middle of a keystroke.
    """

    role: str
    entity: Entity


class FactBase:
    """An immutable, indexed view of a valid fact file.

    Built by `tui.facts.load`; every reference in it is known to resolve to an
    entity of an allowed kind.
    """

    def __init__(self, facts: FactFile, path: Path | None = None) -> None:
        self.meta: FileMeta = facts.meta
        self.path = path
        self._by_kind: dict[str, tuple[Entity, ...]] = {t.KIND: getattr(facts, t.TABLE) for t in ENTITY_TYPES}
        self._by_id: dict[str, Entity] = {}
        for entities in self._by_kind.values():
            for entity in entities:
                self._by_id[entity.id] = entity
        self._backlinks: dict[str, tuple[Link, ...]] | None = None
        self._positions: dict[str, int] | None = None

    # -- lookup ---------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._by_id)

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self._by_id

    def __iter__(self) -> Iterator[Entity]:
        for kind in ENTITY_KINDS:
            yield from self._by_kind[kind]

    def get(self, entity_id: str) -> Entity | None:
        """The entity with this id, or None."""
        return self._by_id.get(entity_id)

    def __getitem__(self, entity_id: str) -> Entity:
        return self._by_id[entity_id]

    def of_kind(self, kind: str) -> tuple[Entity, ...]:
        """Every entity of one kind ('organization', 'person', ...), in file order."""
        return self._by_kind[kind]

    def position(self, entity_id: str) -> int:
        """Where an entity stands in `of_kind(its kind)`; lets a list jump to it."""
        if self._positions is None:
            self._positions = {e.id: i for entities in self._by_kind.values() for i, e in enumerate(entities)}
        return self._positions[entity_id]

    def counts(self) -> dict[str, int]:
        """How many entities of each kind, in display order."""
        return {kind: len(self._by_kind[kind]) for kind in ENTITY_KINDS}

    def suggest(self, entity_id: str, limit: int = 3) -> list[str]:
        """Ids that look like `entity_id`, for did-you-mean messages."""
        import difflib  # only asked for when an id is not found

        return difflib.get_close_matches(entity_id, self._by_id, n=limit, cutoff=0.6)

    # -- links ----------------------------------------------------------------------------------

    def links(self, entity_id: str) -> list[Link]:
        """What this entity refers to (parties, signatories, owner, ...), in declaration order.

        Provenance links to sources are left out: `sources_of` gives those with their paragraphs.
        Each target is listed once, under the first role that names it (a party that also
        commits is shown as a party).
        """
        entity = self._by_id[entity_id]
        seen: set[str] = set()
        out = []
        for ref in entity.references():
            if ref.role == "source" or ref.target in seen:
                continue
            seen.add(ref.target)
            out.append(Link(ref.role, self._by_id[ref.target]))
        return out

    def backlinks(self, entity_id: str) -> tuple[Link, ...]:
        """Which entities refer to this one, and in what role ('party', 'owner', 'source', ...).

        Each referring entity is listed once, under the first role it names this one in.
        """
        if self._backlinks is None:
            self._backlinks = self._build_backlinks()
        return self._backlinks.get(entity_id, ())

    def _build_backlinks(self) -> dict[str, tuple[Link, ...]]:
        index: dict[str, list[Link]] = {}
        get = index.get
        with gc_paused():
            for entity in self:
                seen: set[str] = set()
                for ref in entity.references():
                    target = ref.target
                    if target in seen:
                        continue
                    seen.add(target)
                    found = get(target)
                    if found is None:
                        index[target] = [Link(ref.role, entity)]
                    else:
                        found.append(Link(ref.role, entity))
            # Tuples of untracked objects drop out of the collector's sight; lists never do.
            return {target: tuple(found) for target, found in index.items()}

    def sources_of(self, entity: Entity) -> list[tuple[Source, Provenance]]:
        """The entity's provenance, each entry with its source resolved."""
        provenance = getattr(entity, "provenance", ())
        return [(self._by_id[p.source], p) for p in provenance]  # type: ignore[misc]
