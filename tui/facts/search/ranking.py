"""Ranking: the candidates put in order, best rank and field tier first, stopping at the limit."""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections import deque
from collections.abc import Sequence
from itertools import compress, pairwise, repeat
from operator import and_, lt, ne, not_
from re import Pattern
from typing import cast

from tui.facts.model import Language
from tui.facts.search.candidates import Candidates, _Universe
from tui.facts.search.fields import NAMES, SHORT_TIERS, TEXT, TIERS, VALUES
from tui.facts.search.normalize import _LATIN_WORD, _MAX, SEP, _Query, _word_pattern
from tui.facts.search.results import Rank

_NOWHERE = 0xFFFFFFFF
"""A position past the end of any hay (what -1 becomes, masked to 32 bits)."""


class Ranking(Candidates):
    """Orders the candidates (`_rank`), and says how one entity matches (`_best`)."""

    def _order(self, lang: Language | None) -> Sequence[int] | None:
        """Sort keys for `lang` when it is not the file's language (None: positions are the order)."""
        if lang is None or lang == self.language:
            return None
        if lang != self._other_language:
            raise ValueError(f"unknown language {lang!r}; use 'ko' or 'en'")
        return self._other_order

    def _lookup(self, tier: int, key: str, exact: bool) -> array:
        """Owners of the short-tier values equal to `key` (or starting with it), by bisection."""
        owners, starts = self._sorted[tier]
        hays = self._hays
        values = range(len(owners))

        def value(k: int) -> str:
            hay, at = hays[owners[k]], starts[k]
            return hay[at : hay.find(SEP, at)]

        lo = bisect_left(values, key, key=value)
        if exact:
            hi = bisect_right(values, key, lo=lo, key=value)
        else:
            hi = bisect_left(values, key + _MAX, lo=lo, key=value)
        return owners[lo:hi]

    def _rank(
        self, q: _Query, universe: _Universe, limit: int | None, lang: Language | None
    ) -> tuple[list[int], list[tuple[int, Rank, int]], int]:
        """The best `limit` entities and the number of matches.

        Returns positions best first, and buckets (index of the bucket's first position, rank,
        tier) that say how the entities from there on matched. Buckets are filled best first;
        ranking stops once `limit` entities are known.
        """
        found = self._candidates(q, universe)
        extra = self._extras(q, universe, found)
        total = len(found) + sum(map(len, extra.values()))
        positions: list[int] = []
        buckets: list[tuple[int, Rank, int]] = []
        if limit == 0 or total == 0:
            return positions, buckets, total
        order = self._order(lang)
        state = bytearray(universe.mask)  # 1: not ranked yet
        remaining = found  # the candidates not ranked yet, in position order (once refreshed)
        stale = False

        def take(members: list[int], rank: Rank, tier: int) -> bool:
            """Append a bucket of equally good matches; True once `limit` entities are known."""
            if order is not None:
                members = sorted(members, key=order.__getitem__)  # never in place: may be a cached list
            buckets.append((len(positions), rank, tier))
            if limit is not None and len(positions) + len(members) >= limit:
                positions.extend(members[: limit - len(positions)])
                return True
            positions.extend(members)
            for i in members:
                state[i] = 0
            return False

        key = q.lead + q.body
        for rank in (Rank.EXACT, Rank.PREFIX, Rank.WORD_PREFIX, Rank.SUBSTRING):
            if rank == Rank.WORD_PREFIX and not q.lead:
                continue
            pattern, _offset = q.pattern(rank)
            where: list[int] | None = None  # per entity of `remaining`: see _first_at
            for tier in SHORT_TIERS if rank <= Rank.PREFIX else TIERS:
                members: list[int] | None = None
                if rank <= Rank.PREFIX:
                    owners = self._lookup(tier, key, rank == Rank.EXACT)
                    if not owners:
                        continue
                    if len(owners) * 4 < len(remaining):  # a few values: cheaper than a pass
                        members = sorted(set(compress(owners, map(state.__getitem__, owners))))
                        stale = stale or bool(members)
                if members is None:
                    if stale:
                        remaining = list(compress(remaining, map(state.__getitem__, remaining)))
                        stale = False
                    if rank == Rank.SUBSTRING and tier == TEXT:
                        members, remaining = remaining, []  # every candidate left matches here
                    else:
                        if rank <= Rank.PREFIX:  # many owners: mark them, read the candidates left
                            marked = bytearray(len(state))
                            deque(map(marked.__setitem__, owners, repeat(1)), maxlen=0)
                            flags = list(map(marked.__getitem__, remaining))
                        elif tier == NAMES:
                            flags = self._in_names(remaining, pattern, q.plain)
                        else:
                            if where is None:
                                where = self._first_at(remaining, pattern)
                            if tier == TEXT:
                                flags = list(map(ne, where, repeat(_NOWHERE)))
                            else:
                                flags = list(
                                    map(lt, where, map(self._tier_ends[tier].__getitem__, remaining))
                                )
                        members = list(compress(remaining, flags))
                        if members:
                            remaining = list(compress(remaining, map(not_, flags)))
                            if where is not None:
                                where = list(compress(where, map(not_, flags)))
                if rank == Rank.SUBSTRING and tier == VALUES and extra.get(Rank.SUBSTRING):
                    members = sorted(members + extra[Rank.SUBSTRING])
                if members and take(members, rank, tier):
                    return positions, buckets, total
        spacing = extra.get(Rank.SPACING)
        if spacing:  # names that equal the query, spacing aside, first
            whole = SEP + q.compact + SEP
            compact = self._compact_names
            flags = [whole in compact[i] for i in spacing]
            for members in (list(compress(spacing, flags)), list(compress(spacing, map(not_, flags)))):
                if members and take(members, Rank.SPACING, NAMES):
                    return positions, buckets, total
        for rank in (Rank.INITIALS, Rank.FUZZY):
            members = list(extra.get(rank, ()))
            if members and take(members, rank, NAMES):
                break
        return positions, buckets, total

    def _first_at(self, idxs: list[int], pattern: str) -> list[int]:
        """Where `pattern` first occurs in each hay of `idxs` (`_NOWHERE` if it does not).

        For entities whose earlier tiers do not have it, that says the tier: the first tier
        whose end lies beyond. One pass then serves every tier after the names.
        """
        found = map(str.find, map(self._hays.__getitem__, idxs), repeat(pattern))
        return list(map(and_, found, repeat(_NOWHERE)))  # -1 becomes _NOWHERE, past any tier's end

    def _best(self, i: int, q: _Query) -> tuple[Rank, int] | None:
        """One entity's best (rank, tier), by the rules `_rank` applies in bulk."""
        hay = self._hays[i]
        bounds = [0, *(ends[i] for ends in self._tier_ends), len(hay)]
        hays = [hay[start:end] for start, end in pairwise(bounds)]
        for rank in (Rank.EXACT, Rank.PREFIX, Rank.WORD_PREFIX, Rank.SUBSTRING):
            if rank == Rank.WORD_PREFIX and not q.lead:
                continue
            pattern, _offset = q.pattern(rank)
            for tier in SHORT_TIERS if rank <= Rank.PREFIX else TIERS:
                if pattern in hays[tier]:
                    return rank, tier
        if q.year and i in self._period_years.get(q.year, ()):
            return Rank.SUBSTRING, VALUES
        names = hays[NAMES]
        if (
            self._spaces_matter(q)
            and q.compact in self._compact_names[i]
            and cast(Pattern[str], q.spaced).search(names)  # spaces matter: compact is set, so is spaced
        ):
            return Rank.SPACING, NAMES
        if q.initials is not None and q.cho in self._cho_hays[i] and q.initials.search(names):
            return Rank.INITIALS, NAMES
        if q.fuzzy:
            words = set(_LATIN_WORD.findall(names, names.find(SEP, 1)))
            typos = {t for t in q.typos if not words.isdisjoint(self._typo_words(t))}
            if typos and all(t in typos or _word_pattern(t) in names for t in q.tokens):
                return Rank.FUZZY, NAMES
        return None
