"""How the search index is laid out (`tui.facts.search`): built in slices, compact, and the same
results however it is built.

These tests read the index's internals on purpose: the layout is what keeps a 100,000-entity
index small and out of the garbage collector's way, and nothing in the public API shows it.
"""

from __future__ import annotations

from itertools import pairwise

import pytest

from tui.facts import FactBase
from tui.facts.search import SearchIndex, build, normalize_query
from tui.facts.search.fields import NAMES, SHORT_TIERS, TIERS
from tui.facts.search.normalize import SEP


def _queries(facts: FactBase) -> list[str]:
    """Queries that exercise every rule: whole values, prefixes, pieces, initials, typos, years."""
    queries = "2 20 2023 2025 ㄷ ㄷㄱ 대ㄱ n neu nueromatch 760억 (주) -".split()
    for entity in list(facts)[::7]:
        label = entity.label("ko")
        queries += [entity.id, entity.id[:3], label, label[:2], label[1:4]]
        words = [w for w in entity.label("en").split() if len(w) >= 4]
        if words:
            queries.append(words[0][:2] + "x" + words[0][3:])  # one typo
    return list(dict.fromkeys(q for q in queries if q.strip()))


def _results(index: SearchIndex, queries: list[str], facts: FactBase) -> list:
    section = [e.id for e in facts.of_kind("organization")]
    out = []
    for query in queries:
        out.append(index.search(query, limit=None))
        out.append(index.search(query, limit=5, kinds=["project", "event"], lang="en"))
        out.append(index.matches(section, query))
        out.append([index.hit(e.id, query) for e in list(facts)[::11]])
    return out


def test_slices_and_buckets_do_not_change_results(bundled: FactBase, monkeypatch: pytest.MonkeyPatch) -> None:
    queries = _queries(bundled)
    expected = _results(SearchIndex.build(bundled), queries, bundled)
    # Tiny slices and buckets: every slice and bucket boundary falls somewhere in the data.
    monkeypatch.setattr(build, "_BUILD_SLICE", 3)
    monkeypatch.setattr(build, "_BUCKET_PREFIX", 1)
    assert _results(SearchIndex.build(bundled), queries, bundled) == expected


def test_no_container_per_entity(bundled: FactBase) -> None:
    """Per-entity tables are tuples of strings or arrays: nothing the garbage collector walks."""
    index = SearchIndex.build(bundled)
    n = len(index)
    for name, value in vars(index).items():
        if isinstance(value, (list, set)):
            assert len(value) < n, name
        if isinstance(value, dict) and name != "_words_by_length":  # that one: a list per word length
            assert all(not isinstance(v, (list, dict, set)) for v in value.values()), name
        if isinstance(value, tuple) and len(value) == n:
            assert all(not isinstance(item, (list, dict, set)) for item in value), name


def test_tiers_and_initials_line_up(bundled: FactBase) -> None:
    """Each hay is its tiers in order (each SEP-delimited or empty); the initials string is as
    long as the names and equal to them wherever there is no Hangul."""
    index = SearchIndex.build(bundled)
    for i, hay in enumerate(index._hays):
        bounds = [0, *(ends[i] for ends in index._tier_ends), len(hay)]
        assert bounds == sorted(bounds)
        tiers = [hay[a:b] for a, b in pairwise(bounds)]
        assert len(tiers) == len(TIERS)
        assert all(t == "" or (t[0] == SEP and t[-1] == SEP) for t in tiers)
        names, cho = tiers[NAMES], index._cho_hays[i]
        assert len(cho) == len(names)
        assert all(c == n for c, n in zip(cho, names, strict=True) if not "\uac00" <= n <= "\ud7a3")


def test_sorted_values_find_every_value(bundled: FactBase) -> None:
    """The sorted table of each short tier is in order and finds every value for its owner."""
    index = SearchIndex.build(bundled)
    for tier in SHORT_TIERS:
        owners, starts = index._sorted[tier]
        hays = [index._hays[owner] for owner in owners]
        values = [hay[at : hay.find(SEP, at)] for hay, at in zip(hays, starts, strict=True)]
        assert values == sorted(values)
        for owner, value in zip(owners, values, strict=True):
            assert owner in index._lookup(tier, value, exact=True)
    entity = next(iter(bundled))
    assert index.search(normalize_query(entity.id)).hits[0].entity_id == entity.id
