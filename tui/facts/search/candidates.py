"""Candidates: which entities of a universe (all, some kinds, a given list) match a query,
with the caches that let the next keystroke start from this one's matches."""

from __future__ import annotations

import threading
from array import array
from bisect import bisect_left, bisect_right
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import chain, compress, repeat
from itertools import count as numbers
from operator import contains, not_, or_

from tui.facts.index import FactBase
from tui.facts.model import ENTITY_KINDS
from tui.facts.search.build import IndexTables
from tui.facts.search.fields import NAMES
from tui.facts.search.normalize import _CHO_TABLE, _CHOSEONG_SET, _MAX, _TOKEN, _Query, _word_pattern
from tui.facts.search.results import Rank
from tui.facts.search.typos import _close_words, _fuzzy_distance

_NARROW = 8192
"""Up to this many matches of the previous query, re-checking them beats any index."""
_SMALL_UNION = 2048
"""Up to this many word-list entries, a set union beats marking entities in a bytearray."""
_MAX_WORDS = 5000
"""Above this many words containing the query, checking each entity is cheaper than the word list."""


@dataclass(slots=True)
class _Universe:
    """The entities a query may find: all, some kinds (contiguous ranges), or a given list."""

    key: object
    mask: bytearray
    ranges: list[tuple[int, int]] | None
    idxs: list[int]


class Candidates(IndexTables):
    """Finds the entities that match a query, each under its best rule, in position order."""

    CACHE_SIZE = 32
    OWNERS_CACHE_SIZE = 8
    """Entity sets of typo matches kept: a few query words, each up to a few thousand entities."""

    def __init__(self, facts: FactBase) -> None:
        super().__init__(facts)
        self._universes: dict[object, _Universe] = {}
        # Hand-made caches, kept so on purpose: textual.cache.LRUCache is not for this layer, and
        # functools.lru_cache on a method would tie the index into a reference cycle (or to a
        # module-level cache), which the heap freeze after each build (gc.freeze) never frees: a
        # reloaded 100k index would stay in memory. `_cache` also looks up a query's longest
        # cached prefix, which no lookup cache does.
        self._cache: OrderedDict[tuple, list[int]] = OrderedDict()
        self._fuzzy_cache: OrderedDict[str, frozenset[str]] = OrderedDict()
        self._owners_cache: OrderedDict[str, frozenset[int]] = OrderedDict()
        self._absent: dict[str, bool] = {}
        self._lists: OrderedDict[tuple[int, ...], _Universe] = OrderedDict()
        self._last_list: tuple[Sequence[str], _Universe] | None = None
        """The sequence `matches` was last given, and its universe."""
        self._serial = numbers()
        self._lock = threading.Lock()  # guards the caches: queries may come from several threads

    def _universe(self, kinds: Iterable[str] | str | None) -> _Universe:
        if isinstance(kinds, str):
            kinds = (kinds,)
        key = None if kinds is None else frozenset(kinds)
        cached = self._universes.get(key)
        if cached is not None:
            return cached
        if key is not None:
            unknown = sorted(k for k in key if k not in self._kind_ranges)
            if unknown:
                raise ValueError(
                    f"unknown kind(s): {', '.join(unknown)}; kinds are {', '.join(ENTITY_KINDS)}"
                )
        ranges: list[tuple[int, int]] = []
        for kind in ENTITY_KINDS:
            lo, hi = self._kind_ranges[kind]
            if lo == hi or (key is not None and kind not in key):
                continue
            if ranges and ranges[-1][1] == lo:
                ranges[-1] = (ranges[-1][0], hi)
            else:
                ranges.append((lo, hi))
        mask = bytearray(len(self._entities))
        idxs: list[int] = []
        for lo, hi in ranges:
            mask[lo:hi] = b"\x01" * (hi - lo)
            idxs += range(lo, hi)
        universe = _Universe(("kinds", key), mask, ranges, idxs)
        self._universes[key] = universe
        return universe

    def _universe_of(self, idxs: list[int]) -> _Universe:
        """The universe of a given list of positions; the same list typed into again is reused,
        so its cache entries have a small key and its mask is built once."""
        key = tuple(idxs)
        with self._lock:
            universe = self._lists.get(key)
            if universe is not None:
                self._lists.move_to_end(key)
                return universe
        mask = bytearray(len(self._entities))
        for i in idxs:
            mask[i] = 1
        with self._lock:
            universe = _Universe(("ids", next(self._serial)), mask, None, idxs)
            self._lists[key] = universe
            if len(self._lists) > 8:
                self._lists.popitem(last=False)
        return universe

    def _cached(
        self, key: tuple, pattern: str, compute: Callable[[list[int] | None], list[int]]
    ) -> list[int]:
        """Matches of `pattern`, computed from the cached matches of its longest cached prefix."""
        cache = self._cache
        exact = (*key, pattern)
        with self._lock:
            found = cache.get(exact)
            if found is not None:
                cache.move_to_end(exact)
                return found
            pool = None
            best = -1
            for other, members in cache.items():
                if len(other[-1]) > best and other[:-1] == key and pattern.startswith(other[-1]):
                    pool, best = members, len(other[-1])
        found = compute(pool)
        with self._lock:
            cache[exact] = found
            if len(cache) > self.CACHE_SIZE:
                cache.popitem(last=False)
        return found

    def _is_absent(self, char: str) -> bool:
        """Whether a letter or digit occurs nowhere in the indexed text (looked up once per character)."""
        absent = self._absent.get(char)
        if absent is None:
            absent = self._absent[char] = char not in self._words
        return absent

    def _candidates(self, q: _Query, universe: _Universe) -> list[int]:
        """Entities of `universe` whose text contains the query (SUBSTRING or better), in universe order."""
        if any(self._is_absent(c) for c in q.text if c in _CHOSEONG_SET):
            return []  # the usual case for an initials query: skip looking for it as text
        # The hays are marked: the query's body is found in them exactly where its text is found
        # in the unmarked text (the body has the marks the text has at the same places, except
        # before its first character, where the text may or may not start a word).
        hays, body = self._hays, q.body

        def compute(pool: list[int] | None) -> list[int]:
            if pool is not None and len(pool) <= _NARROW:
                return _filter(pool, hays, body)
            found = self._via_words(q, universe)
            if found is not None:
                return found
            return _filter(pool, hays, body) if pool is not None else _filter_all(universe, hays, body)

        return self._cached(("text", universe.key), q.text, compute)

    def _via_words(self, q: _Query, universe: _Universe) -> list[int] | None:
        """Candidates from the word list: an occurrence of the query's longest word lies inside one
        indexed word, so the entities of the words that contain it are a superset (the exact set
        when the query is one word). None when the query has no word or its words are too common
        for this to beat checking every entity."""
        words = _TOKEN.findall(q.text)
        if not words:
            return None
        word = max(words, key=len)
        text, starts = self._words, self._word_starts
        postings, offsets = self._postings, self._posting_offsets
        if text.count(word) > _MAX_WORDS:
            return None
        budget = len(universe.idxs) // 2  # denser than that: a plain pass is cheaper
        lists: list[array] = []
        size = 0
        at = text.find(word)
        while at >= 0:
            k = bisect_right(starts, at) - 1
            members = postings[offsets[k] : offsets[k + 1]]
            size += len(members)
            if size > budget:
                return None
            lists.append(members)
            at = text.find(word, starts[k + 1])
        found = _union(lists, size, universe)
        if word != q.text:
            found = _filter(found, self._hays, q.body)
        return found

    def _initials(self, q: _Query, universe: _Universe) -> list[int]:
        """Entities of `universe` whose names match the query's initials, in universe order."""
        hays = self._cho_hays
        found = self._cached(
            ("initials", universe.key),
            q.cho,
            lambda pool: (
                _filter(pool, hays, q.cho) if pool is not None else _filter_all(universe, hays, q.cho)
            ),
        )
        if q.mixed and found:
            assert q.initials is not None
            hays, names_end = self._hays, self._tier_ends[NAMES]
            searches = map(
                q.initials.search, map(hays.__getitem__, found), repeat(0), map(names_end.__getitem__, found)
            )
            found = list(compress(found, searches))
        return found

    def _fuzzy_words(self, text: str) -> frozenset[str]:
        """The name and alias words within typo distance of one query word."""
        cached = self._fuzzy_cache.get(text)
        if cached is not None:
            return cached
        limit = _fuzzy_distance(text)
        lengths = range(max(4, len(text) - limit), len(text) + limit + 1)
        words = chain.from_iterable(self._words_by_length.get(length, ()) for length in lengths)
        # Typos rarely hit the first two letters at once: compare only words that keep one of them.
        likely = [word for word in words if word[0] in text[:2] or word[1] == text[1]]
        result = frozenset(_close_words(text, likely, limit))
        with self._lock:
            self._fuzzy_cache[text] = result
            if len(self._fuzzy_cache) > self.CACHE_SIZE:
                self._fuzzy_cache.popitem(last=False)
        return result

    def _typo_words(self, token: str) -> frozenset[str]:
        """The name and alias words one query word matches only with a typo: within typo distance
        and not starting with it (those it starts match as typed)."""
        return frozenset(w for w in self._fuzzy_words(token) if not w.startswith(token))

    def _typo_owners(self, token: str) -> frozenset[int]:
        """The entities with a name word that one query word matches only with a typo (cached:
        each keystroke of a query of several words asks again for the words typed before)."""
        cached = self._owners_cache.get(token)
        if cached is not None:
            return cached
        owners = frozenset(chain.from_iterable(map(self._vocabulary.__getitem__, self._typo_words(token))))
        with self._lock:
            self._owners_cache[token] = owners
            if len(self._owners_cache) > self.OWNERS_CACHE_SIZE:
                self._owners_cache.popitem(last=False)
        return owners

    def _typo_matches(self, q: _Query, universe: _Universe) -> list[int]:
        """Entities of `universe` whose names have a query word with a typo and every other query
        word, as typed at a word start or with a typo of its own (see Rank.FUZZY)."""
        mask = universe.mask
        owners = {token: self._typo_owners(token) for token in q.typos}
        idxs = sorted(frozenset().union(*owners.values()))
        idxs = list(compress(idxs, map(mask.__getitem__, idxs)))
        if len(q.tokens) == 1:
            return idxs
        for token in sorted(set(q.tokens), key=len, reverse=True):  # longer words narrow faster
            plain = token.translate(_CHO_TABLE) == token and not any(c in _CHOSEONG_SET for c in token)
            pattern = _word_pattern(token)
            mine = owners.get(token)
            if mine is None:
                idxs = list(compress(idxs, self._in_names(idxs, pattern, plain)))
                continue
            with_typo = list(map(mine.__contains__, idxs))  # a set lookup: check the rest as typed
            rest = list(compress(idxs, map(not_, with_typo)))
            as_typed = set(compress(rest, self._in_names(rest, pattern, plain)))
            idxs = list(compress(idxs, map(or_, with_typo, map(as_typed.__contains__, idxs))))
        return idxs

    def _spaces_matter(self, q: _Query) -> bool:
        """Whether to look for SPACING matches: for a query of several words, or of one word that no
        indexed word contains (``leejinhyung``). A word that is there (``daegu``) is found as it is,
        and looking for it with spaces dropped would cost a pass over every entity per keystroke."""
        return bool(q.compact) and (len(q.tokens) > 1 or q.compact not in self._words)

    def _spacing(self, q: _Query, universe: _Universe, taken: set[int]) -> list[int]:
        """Entities of `universe` not in `taken` whose names match the query once spaces and
        punctuation are dropped (see Rank.SPACING)."""
        compact = self._compact_names

        def compute(pool: list[int] | None) -> list[int]:
            if pool is not None and len(pool) <= _NARROW:
                return _filter(pool, compact, q.compact)
            found = self._spacing_via_words(q.compact, universe) if q.compact[0].isascii() else None
            if found is not None:
                return found
            return (
                _filter(pool, compact, q.compact)
                if pool is not None
                else _filter_all(universe, compact, q.compact)
            )

        pool = self._cached(("spacing", universe.key), q.compact, compute)
        if not pool:
            return []
        assert q.spaced is not None
        search, hays, ends = q.spaced.search, self._hays, self._tier_ends[NAMES]
        return [i for i in pool if i not in taken and search(hays[i], 0, ends[i])]

    def _spacing_via_words(self, compact: str, universe: _Universe) -> list[int] | None:
        """SPACING candidates from the word list, for a query starting with a Latin letter or
        digit: such a match starts where a word starts, so that word either starts with the
        whole query or is itself a start of it (``lee`` for ``leejinhyung``). None when those
        words are too common for this to beat checking every entity."""
        words, ids = self._sorted_words, self._sorted_word_ids
        postings, offsets = self._postings, self._posting_offsets
        starts = [compact[:end] for end in range(1, len(compact))]
        places = [
            k
            for k, start in zip(map(partial(bisect_left, words), starts), starts, strict=True)
            if k < len(words) and words[k] == start
        ]
        lo = bisect_left(words, compact)
        places += range(lo, bisect_left(words, compact + _MAX, lo=lo))
        budget = len(universe.idxs) // 2  # denser than that: a plain pass is cheaper
        lists: list[array] = []
        size = 0
        for place in places:
            k = ids[place]
            members = postings[offsets[k] : offsets[k + 1]]
            size += len(members)
            if size > budget:
                return None
            lists.append(members)
        return _filter(_union(lists, size, universe), self._compact_names, compact)

    def _extras(self, q: _Query, universe: _Universe, found: list[int]) -> dict[Rank, list[int]]:
        """Matches that are not substring matches, each entity once under its best rule, by position:
        a year inside a period (SUBSTRING), names spaced differently (SPACING), initials
        (INITIALS), typos (FUZZY)."""
        extra: dict[Rank, list[int]] = {}
        taken: set[int] | None = None
        mask = universe.mask

        def fresh(members: Iterable[int]) -> list[int]:
            nonlocal taken
            kept = [i for i in set(members) if mask[i]]
            if not kept:
                return []
            if taken is None:
                taken = set(found)
            kept = sorted(i for i in kept if i not in taken)
            taken.update(kept)
            return kept

        if q.year and q.year in self._period_years:
            extra[Rank.SUBSTRING] = fresh(self._period_years[q.year])
        if self._spaces_matter(q):
            if taken is None:
                taken = set(found)
            extra[Rank.SPACING] = fresh(self._spacing(q, universe, taken))
        if q.initials is not None:
            extra[Rank.INITIALS] = fresh(self._initials(q, universe))
        if q.fuzzy:
            extra[Rank.FUZZY] = fresh(self._typo_matches(q, universe))
        return extra

    def _in_names(self, idxs: list[int], pattern: str, plain: bool) -> list[int]:
        """Whether each of `idxs` has `pattern` in its names.

        With `plain` (no Hangul in the pattern) the initials string stands for the names: it
        differs from them only where they have Hangul. That is a plain ``in``, where
        ``str.count`` with bounds costs about twice as much, and names are checked most often.
        """
        if plain:
            return list(map(contains, map(self._cho_hays.__getitem__, idxs), repeat(pattern)))
        ends = map(self._tier_ends[NAMES].__getitem__, idxs)
        return list(map(str.count, map(self._hays.__getitem__, idxs), repeat(pattern), repeat(0), ends))


def _union(lists: list[array], size: int, universe: _Universe) -> list[int]:
    """The members of `universe` in any of `lists` (`size` entries in all), in universe order."""
    mask = universe.mask
    if universe.ranges is not None and size <= _SMALL_UNION:
        found = sorted(set(chain.from_iterable(lists)))
        return list(compress(found, map(mask.__getitem__, found)))
    seen = bytearray(len(mask))  # mark, then read back in universe order
    for members in lists:
        deque(map(seen.__setitem__, members, repeat(1)), maxlen=0)
    idxs = universe.idxs
    return list(compress(idxs, map(seen.__getitem__, idxs)))


def _filter(idxs: list[int], hays: Sequence[str], pattern: str) -> list[int]:
    """The members of `idxs` whose hay contains `pattern`, in order (one pass, all in C)."""
    return list(compress(idxs, map(contains, map(hays.__getitem__, idxs), repeat(pattern))))


def _filter_all(universe: _Universe, hays: Sequence[str], pattern: str) -> list[int]:
    """`_filter` over a whole universe. Its ranges of positions are read straight from the
    tuple, without looking each position up: a fifth less time for a pass over everything."""
    if universe.ranges is None:
        return _filter(universe.idxs, hays, pattern)
    found: list[int] = []
    for lo, hi in universe.ranges:
        found += compress(range(lo, hi), map(contains, hays[lo:hi], repeat(pattern)))
    return found
