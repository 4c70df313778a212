"""The search index's public API: search, rank, filter a list, count, explain one hit."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from tui.facts.model import Language
from tui.facts.search.candidates import _Universe
from tui.facts.search.hits import Hits
from tui.facts.search.normalize import _Query
from tui.facts.search.results import Hit, SearchResult


class SearchIndex(Hits):
    """Everything searchable in a fact base, folded and laid out for fast queries. Immutable.

    Build it once per loaded file with `SearchIndex.build(facts)`; every method is then cheap
    enough to call on each keystroke. See the package docstring for the matching rules.

    Queries keep a small cache of recent candidate sets, so that typing one more character
    only re-checks the previous matches; that is the only state, it never changes a result, and
    it is locked, so queries may come from several threads (e.g. a Textual worker).
    """

    def search(
        self,
        query: str,
        *,
        kinds: Iterable[str] | str | None = None,
        limit: int | None = 50,
        lang: Language | None = None,
    ) -> SearchResult:
        """The best `limit` hits for `query` (all of them with limit=None) and the number of matches.

        `kinds` restricts the search to some entity kinds ('organization', ...); an unknown kind
        raises ValueError. `lang` orders equally good hits by their label in that language
        (default: the file's). An empty query finds nothing. Each `Hit` costs a few
        microseconds to build, so for long lists prefer `ranked_ids`, and `hit` for the rows
        on screen.
        """
        if limit is not None and limit < 0:
            raise ValueError("limit must be >= 0 or None")
        q = _Query.parse(query)
        if q is None:
            return SearchResult([], 0)
        positions, buckets, total = self._rank(q, self._universe(kinds), limit, lang)
        hits = []
        for b, (start, rank, tier) in enumerate(buckets):
            end = buckets[b + 1][0] if b + 1 < len(buckets) else len(positions)
            hits += [self._hit(i, rank, tier, q) for i in positions[start:end]]
        return SearchResult(hits, total)

    def ranked_ids(
        self, query: str, *, kinds: Iterable[str] | str | None = None, lang: Language | None = None
    ) -> list[str]:
        """Every matching id, best first (the order of `search`), without building snippets."""
        q = _Query.parse(query)
        if q is None:
            return []
        positions, _buckets, _total = self._rank(q, self._universe(kinds), None, lang)
        return list(map(self._ids.__getitem__, positions))

    def matches(self, entity_ids: Sequence[str], query: str) -> list[str]:
        """The ids in `entity_ids` that match `query`, in the order given: a list filter.

        Meant for the filter bar of one explorer section ("12 of 340"): stable, cheap, and a
        query that extends the previous one only re-checks the previous matches. An empty
        query keeps every id; ids not in the index are dropped. Pass the same sequence object
        for each keystroke (and do not change it): its positions are then looked up only once.
        """
        q = _Query.parse(query)
        if q is None:
            return list(entity_ids)
        universe = self._list(entity_ids)
        found = self._candidates(q, universe)
        extra = self._extras(q, universe, found)
        ids = self._ids
        if not any(extra.values()):
            return list(map(ids.__getitem__, found))
        keep = set(found)
        for members in extra.values():
            keep.update(members)
        return [ids[i] for i in universe.idxs if i in keep]

    def prepare(self, entity_ids: Sequence[str]) -> None:
        """Look up the positions of a list that `matches` is about to filter, ahead of the first
        keystroke (at 100,000 entities, a section of 25,000 takes ~30 ms)."""
        self._list(entity_ids)

    def _list(self, entity_ids: Sequence[str]) -> _Universe:
        """The universe of a list given to `matches` (its positions are `.idxs`), from the last
        call if it was the same sequence object."""
        with self._lock:
            last = self._last_list
        if last is not None and last[0] is entity_ids:
            return last[1]
        position = self._position
        universe = self._universe_of([position[e] for e in entity_ids if e in position])
        with self._lock:
            self._last_list = (entity_ids, universe)
        return universe

    def hit(self, entity_id: str, query: str) -> Hit | None:
        """How `query` matches one entity (best field, snippet, span), or None if it does not.

        The same rules as `search`: for every hit h of ``search(q)``, ``hit(h.entity_id, q) == h``.
        """
        q = _Query.parse(query)
        i = self._position.get(entity_id)
        if q is None or i is None:
            return None
        best = self._best(i, q)
        if best is None:
            return None
        return self._hit(i, best[0], best[1], q)

    def count(self, query: str, *, kinds: Iterable[str] | str | None = None) -> int:
        """How many entities match `query`: `search(...).total` without ranking anything."""
        q = _Query.parse(query)
        if q is None:
            return 0
        universe = self._universe(kinds)
        found = self._candidates(q, universe)
        return len(found) + sum(map(len, self._extras(q, universe, found).values()))
