"""The fact base: validated entities indexed by id and kind, with links resolved both ways."""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from itertools import chain
from pathlib import Path
from typing import overload

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


class EntityView(Sequence[Entity]):
    """A read-only sequence of entities over a sequence of ids (`FactBase.view`)."""

    __slots__ = ("_get", "ids")

    def __init__(self, get: Callable[[str], Entity], ids: Sequence[str]) -> None:
        self._get = get
        self.ids = ids

    def __len__(self) -> int:
        return len(self.ids)

    @overload
    def __getitem__(self, index: int) -> Entity: ...
    @overload
    def __getitem__(self, index: slice) -> list[Entity]: ...
    def __getitem__(self, index: int | slice) -> Entity | list[Entity]:
        if isinstance(index, slice):
            return list(map(self._get, self.ids[index]))
        return self._get(self.ids[index])

    def __iter__(self) -> Iterator[Entity]:
        return map(self._get, self.ids)


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
        self._backlinks: tuple[tuple[Link, ...], dict[str, int]] | None = None
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

    def view(self, entity_ids: Sequence[str]) -> EntityView:
        """The entities with these ids, in that order, each looked up only when it is read:
        filtering a list of 25,000 rows then costs nothing until rows are drawn."""
        return EntityView(self._by_id.__getitem__, entity_ids)

    def of_kind(self, kind: str) -> tuple[Entity, ...]:
        """Every entity of one kind ('organization', 'person', ...), in file order."""
        return self._by_kind[kind]

    def position(self, entity_id: str) -> int:
        """Where an entity stands in `of_kind(its kind)`; lets a list jump to it."""
        if self._positions is None:
            self._positions = self._laid_out()
        return self._positions[entity_id]

    def _laid_out(self) -> dict[str, int]:
        return {e.id: i for entities in self._by_kind.values() for i, e in enumerate(entities)}

    def counts(self) -> dict[str, int]:
        """How many entities of each kind, in display order."""
        return {kind: len(self._by_kind[kind]) for kind in ENTITY_KINDS}

    def suggest(self, entity_id: str, limit: int = 3) -> list[str]:
        """Ids that look like `entity_id` (similarity ratio at least 60 of 100), best first, for
        did-you-mean messages. rapidfuzz compares with 100,000 ids in tens of milliseconds."""
        from rapidfuzz import fuzz, process  # only asked for when an id is not found

        found = process.extract(entity_id, list(self._by_id), scorer=fuzz.ratio, limit=limit, score_cutoff=60)
        return [match for match, _score, _place in found]

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
        every, spans = self._backlinks
        span = spans.get(entity_id)
        return every[span >> 32 : span & 0xFFFFFFFF] if span is not None else ()

    def _build_backlinks(self) -> tuple[tuple[Link, ...], dict[str, int]]:
        """Every backlink in one tuple, grouped by target, and each target's slice of it packed
        in an int (start << 32 | stop). Few, big objects: a tuple or list per target would be
        100,000 containers for the garbage collector to walk (~60 ms in the middle of a move)."""
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
            spans: dict[str, int] = {}
            start = 0
            for target, found in index.items():
                spans[target] = start << 32 | (start + len(found))
                start += len(found)
            every = tuple(chain.from_iterable(index.values()))
            del index
        return every, spans

    # -- after an edit ------------------------------------------------------------------------------

    def changed(self, facts: FactFile, removed: Sequence[Entity], added: Sequence[Entity]) -> FactBase:
        """The fact base of `facts`: this one's file with the entities `removed` taken out and
        `added` put in (one changed in place is in both), already checked (`tui.facts.edit.rebuild`).

        What this one has built is carried over rather than built again: the links index has only
        the lists of the ids the changed entities name, before or after, made again; the positions
        (which the explorer asks for on a reload) are laid out here, off the UI thread."""
        in_place = [(e.id, e.KIND) for e in removed] == [(e.id, e.KIND) for e in added]
        if in_place:  # the same ids in the same places: copy the indexes rather than walk 100,000
            new = FactBase.__new__(FactBase)
            new.meta, new.path = facts.meta, self.path
            new._by_kind = {t.KIND: getattr(facts, t.TABLE) for t in ENTITY_TYPES}
            new._by_id = dict(self._by_id)
            new._by_id.update((entity.id, entity) for entity in added)
            new._backlinks, new._positions = None, self._positions
        else:
            new = FactBase(facts, self.path)
        if new._positions is None and (self._positions is not None or self._backlinks is not None):
            new._positions = new._laid_out()
        if self._backlinks is not None:
            new._backlinks = self._changed_backlinks(new, removed, added)
        return new

    def _changed_backlinks(
        self, new: FactBase, removed: Sequence[Entity], added: Sequence[Entity]
    ) -> tuple[tuple[Link, ...], dict[str, int]]:
        """The links index of `new` from this one's: the lists of every id a removed or added
        entity names are made again (the others hold only entities that did not change)."""
        assert self._backlinks is not None
        every, spans = self._backlinks
        out = {entity.id for entity in removed}
        targets = {target for entity in (*removed, *added) for target, _ in _first_roles(entity)}
        targets.update(out - set(new._by_id))  # gone: nothing may name them now
        fresh: dict[str, list[Link]] = {}
        for entity in added:
            for target, role in _first_roles(entity):
                fresh.setdefault(target, []).append(Link(role, entity))
        order = {kind: n for n, kind in enumerate(ENTITY_KINDS)}

        def place(link: Link) -> tuple[int, int]:
            return order[link.entity.KIND], new.position(link.entity.id)

        spans = dict(spans)
        extra: list[Link] = []
        for target in targets:
            span = spans.pop(target, None)
            old = every[span >> 32 : span & 0xFFFFFFFF] if span is not None else ()
            kept = [link for link in old if link.entity.id not in out]
            links = sorted(kept + fresh.get(target, []), key=place)
            if links:
                spans[target] = (len(every) + len(extra)) << 32 | (len(every) + len(extra) + len(links))
                extra += links
        return every + tuple(extra), spans

    def sources_of(self, entity: Entity) -> list[tuple[Source, Provenance]]:
        """The entity's provenance, each entry with its source resolved."""
        provenance = getattr(entity, "provenance", ())
        return [(self._by_id[p.source], p) for p in provenance]  # type: ignore[misc]


def _first_roles(entity: Entity) -> list[tuple[str, str]]:
    """Each id `entity` names, once, with the first role it names it in: its entries in the links
    index (as `FactBase._build_backlinks` makes them)."""
    seen: dict[str, str] = {}
    for ref in entity.references():
        seen.setdefault(ref.target, ref.role)
    return list(seen.items())
