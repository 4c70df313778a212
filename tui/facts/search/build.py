"""Building the index: every entity folded once into the tables that queries read."""

from __future__ import annotations

from array import array
from collections import defaultdict, deque
from functools import partial
from itertools import accumulate, chain, repeat
from operator import add
from typing import Self

from tui.facts.index import FactBase, gc_paused
from tui.facts.model import ENTITY_KINDS, Entity, Language
from tui.facts.search.fields import NAMES, SHORT_TIERS, TIERS, _period_years, _tier_texts, _year_text
from tui.facts.search.normalize import (
    _CHO_TABLE,
    _ENTITY_SEP,
    _LATIN_WORD,
    _TIER_SEP,
    _TOKEN,
    _UNSPACED,
    SEP,
    _fold,
    _mark,
)
from tui.facts.search.typos import _distance

_BUILD_SLICE = 4096
"""Entities folded and marked at once at build time: enough for C to do the work, few enough that
the intermediate copies stay small."""
_BUCKET_PREFIX = 3
"""Short values are sorted in buckets by this many first characters (a mark and two more)."""

_KIND_INDEX = {kind: i for i, kind in enumerate(ENTITY_KINDS)}


class IndexTables:
    """The tables of a search index, built once from a fact base and never changed (see the
    package docstring, "Speed"). The layers above read them: `Candidates`, `Ranking`, `Hits`."""

    def __init__(self, facts: FactBase) -> None:
        # The build allocates millions of small, acyclic objects; with a large fact base in
        # memory, the collections they trigger would walk all of it, again and again. (The one
        # pause helper: it counts nested and concurrent pauses, as a reload may run meanwhile.)
        with gc_paused():
            self._build(facts)

    def _build(self, facts: FactBase) -> None:
        self.language: Language = facts.meta.language
        lang = self.language
        # Internal positions follow the display order (kind, label in the file's language, id),
        # so a bucket of equally good matches found in position order is already sorted.
        entities = sorted(facts, key=lambda e: (_KIND_INDEX[e.KIND], _fold(e.label(lang)), e.id))
        self._entities: tuple[Entity, ...] = tuple(entities)
        del entities
        self._ids = tuple(e.id for e in self._entities)
        self._position = {entity_id: i for i, entity_id in enumerate(self._ids)}
        n = len(self._entities)
        self._kind_ranges: dict[str, tuple[int, int]] = {}
        start = 0
        for kind in ENTITY_KINDS:
            end = start + len(facts.of_kind(kind))
            self._kind_ranges[kind] = (start, end)
            start = end
        # Ties in the other language: each position's place in (kind, label in that language, id).
        other: Language = "en" if lang == "ko" else "ko"
        by_label = sorted(
            range(n),
            key=lambda i: (
                _KIND_INDEX[self._entities[i].KIND],
                _fold(self._entities[i].label(other)),
                self._entities[i].id,
            ),
        )
        self._other_language = other
        self._other_order = array("I", bytes(4 * n))
        for place, i in enumerate(by_label):
            self._other_order[i] = place
        del by_label

        # One marked string per entity holding all its tiers, best tier first, each tier
        # SEP value SEP value SEP ('' if empty), with where each tier but the last ends. Built a
        # slice of entities at a time: folding and marking run in C over the whole slice, and no
        # more than a slice's worth of intermediate copies is ever alive.
        hays: list[str] = []
        cho_hays: list[str] = []
        compact_names: list[str] = []
        tier_ends = [array("I") for _ in SHORT_TIERS]
        period_years: dict[str, list[int]] = {}
        postings: defaultdict[str, array] = defaultdict(partial(array, "I"))
        vocabulary: defaultdict[str, array] = defaultdict(partial(array, "I"))
        for lo in range(0, n, _BUILD_SLICE):
            hi = min(n, lo + _BUILD_SLICE)
            # The slice's text in pieces, joined once: no string per entity or tier is made here,
            # so the hays below get memory of their own, side by side.
            pieces: list[str] = []
            for i in range(lo, hi):
                entity = self._entities[i]
                for values in _tier_texts(entity):
                    if values:
                        pieces += chain.from_iterable(zip(repeat(SEP), values))
                        pieces.append(SEP)
                    pieces.append(_TIER_SEP)
                pieces[-1] = _ENTITY_SEP
                for year in _period_years(entity):
                    period_years.setdefault(_year_text(year), []).append(i)
            pieces.pop()
            marked = _mark(_fold("".join(pieces)))
            del pieces
            # The tiers, five per entity: where each ends, and the names for their initials.
            tiers = marked.replace(_ENTITY_SEP, _TIER_SEP).split(_TIER_SEP)
            ends = list(map(len, tiers[NAMES :: len(TIERS)]))
            tier_ends[NAMES].extend(ends)
            for tier in SHORT_TIERS[1:]:
                ends = list(map(add, ends, map(len, tiers[tier :: len(TIERS)])))
                tier_ends[tier].extend(ends)
            names = _ENTITY_SEP.join(tiers[NAMES :: len(TIERS)])
            del tiers
            cho_hays += names.translate(_CHO_TABLE).split(_ENTITY_SEP)
            compact_names += _UNSPACED.sub("", names).split(_ENTITY_SEP)
            del names
            # Made by one split, a slice's hays lie side by side in memory, in position order:
            # a pass over all of them then runs faster than over scattered ones.
            first = len(hays)
            hays += marked.replace(_TIER_SEP, "").split(_ENTITY_SEP)
            del marked
            names_ends = tier_ends[NAMES]

            # Every distinct word (maximal run of letters and digits) with the entities using it.
            word_sets = list(map(set, map(_TOKEN.findall, hays[first:])))
            deque(
                map(
                    array.append,
                    map(postings.__getitem__, chain.from_iterable(word_sets)),
                    chain.from_iterable(map(repeat, range(lo, hi), map(len, word_sets))),
                ),
                maxlen=0,
            )
            del word_sets
            # Latin name and alias words (not ids), for typo matches.
            for i in range(lo, hi):
                hay = hays[i]
                for word in set(_LATIN_WORD.findall(hay, hay.find(SEP, 1), names_ends[i])):
                    vocabulary[word].append(i)

        # The per-entity tables never change: as tuples of strings (or arrays) the garbage
        # collector stops walking them after its first look, where lists would be walked on
        # every full collection (~40 ms at 100,000 entities, in the middle of a keystroke).
        self._hays: tuple[str, ...] = tuple(hays)
        del hays
        self._cho_hays: tuple[str, ...] = tuple(cho_hays)
        del cho_hays
        self._compact_names: tuple[str, ...] = tuple(compact_names)
        del compact_names
        self._tier_ends: tuple[array, ...] = tuple(tier_ends)
        self._period_years = {year: array("I", members) for year, members in period_years.items()}

        self._words = SEP.join(postings) + SEP
        # The words in sorted order, with their place in the list, for SPACING candidates: the
        # words a query starts with, and those that start with it, by bisection.
        listed = list(postings)
        order = sorted(range(len(listed)), key=listed.__getitem__)
        self._sorted_words: tuple[str, ...] = tuple(map(listed.__getitem__, order))
        self._sorted_word_ids = array("I", order)
        del listed, order
        self._word_starts = array("I", accumulate(map((1).__add__, map(len, postings)), initial=0))
        # All the entity lists in one array (word k's are postings[offsets[k]:offsets[k + 1]]):
        # a quarter of the memory of lists of ints, and nothing for the garbage collector to walk.
        self._posting_offsets = array("I", accumulate(map(len, postings.values()), initial=0))
        self._postings = array("I")
        for members in postings.values():  # freed as they are copied: never two full copies
            self._postings.extend(members)
            del members[:]
        del postings

        self._vocabulary = dict(vocabulary)
        self._words_by_length: dict[int, list[str]] = {}
        for word in sorted(vocabulary):
            self._words_by_length.setdefault(len(word), []).append(word)
        del vocabulary

        # Sorted values of the short tiers, for EXACT and PREFIX by bisection.
        self._sorted = tuple(self._sorted_values(tier) for tier in SHORT_TIERS)
        _distance()  # imported with the index, not on the first keystroke that may have a typo

    @classmethod
    def build(cls, facts: FactBase) -> Self:
        """Index every entity of `facts` (a few seconds for 100,000 entities; do it once per load)."""
        return cls(facts)

    def __len__(self) -> int:
        return len(self._entities)

    def _tier_start(self, tier: int) -> array | None:
        """Where `tier` starts in each hay (None for NAMES, which starts at 0)."""
        return self._tier_ends[tier - 1] if tier > NAMES else None

    def _sorted_values(self, tier: int) -> tuple[array, array]:
        """Every value of a short tier in sorted order, as (owner, where the value starts in the
        owner's hay): the values themselves stay in the hays, ending at the next SEP.

        Sorting needs the values as strings, so they are made a bucket at a time (values with
        the same first few characters, buckets in order): all of them at once would double the
        memory the hays take.
        """
        hays = self._hays
        starts = self._tier_start(tier)
        ends = self._tier_ends[tier]
        buckets: defaultdict[str, array] = defaultdict(partial(array, "Q"))
        for i, hay in enumerate(hays):
            at, end = (starts[i] if starts is not None else 0) + 1, ends[i]
            while at < end:  # at: a value's first character; the tier ends with SEP
                after = hay.find(SEP, at)
                buckets[hay[at : min(at + _BUCKET_PREFIX, after)]].append(i << 32 | at)
                at = after + 1
        owners, value_starts = array("I"), array("I")
        for key in sorted(buckets):  # a bucket's key is a prefix of its values: buckets sort apart
            packed = buckets.pop(key)
            entries = [(p >> 32, p & 0xFFFFFFFF) for p in packed]
            del packed
            values = [hays[i][at : hays[i].find(SEP, at)] for i, at in entries]
            order = sorted(range(len(values)), key=values.__getitem__)  # stable: ties by owner
            owners.extend(entries[k][0] for k in order)
            value_starts.extend(entries[k][1] for k in order)
        return owners, value_starts
