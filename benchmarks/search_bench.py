"""Search speed: index build time and per-keystroke query latency, for growing fact files.

Usage (from the repository root):

    python benchmarks/search_bench.py                       # 1k, 10k and 100k entities
    python benchmarks/search_bench.py --sizes 1000,10000 --repeat 5
    python benchmarks/search_bench.py --file /tmp/facts-100k.toml

Each size gets a synthetic file from ``benchmarks/generate.py`` (written to a temporary
directory; if the script is missing, a simpler synthetic fact base is built in memory). The
queries are typed one character at a time, as in the explorer's search box: "대", "대구",
"대구첨", … Each typed word starts from a cold query cache (a new search session), and each
keystroke is one ``SearchIndex.search(query)`` with the default limit of 50 hits, snippets
included. ``--repeat`` types every word that many times. The section filter column times
``SearchIndex.matches(ids, query)`` over the organizations, typed the same way.

``--baseline OLD.py`` also times the ``SearchIndex`` of another version of the search module,
keystroke by keystroke in turn with this one (``git show REV:tui/facts/search.py > OLD.py`` for
the single-module engine before the package), and prints the ratios.

``--libraries`` also compares the string-distance code with what it replaced: the typo distance
(rapidfuzz's OSA against the hand-written Python one, over the index's name words) and
did-you-mean for a wrong id (rapidfuzz over every id against difflib over every id and over the
ids with the same first letter), with how often the right id comes first.

Timings are wall-clock milliseconds on whatever else the machine is doing; run it on a quiet
machine for numbers to compare.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import importlib.util
import os
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("FACTS_TUI_NO_CACHE", "1")  # time the real load, and keep the user's cache clean

from tui.facts import FactBase, load  # noqa: E402
from tui.facts.search import SearchIndex  # noqa: E402

WORDS = (
    "대구첨단",
    "lvis",
    "ㄷㄱ",
    "760억",
    "2023-03",
    "neuro",
    "daegu",
    "서울",
    "kim",
    "lee jin hyung",
    "moter valley",
    "daegu robotcs tech",
    "대구 혁신로보틱스",
)
"""Typed one character at a time: Korean, Latin, initials, an amount, a date, typo-prone Latin,
names spaced differently from the data, and a typo in one word of several."""
DEFAULT_SIZES = (1_000, 10_000, 100_000)


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (0–100), nearest rank."""
    ordered = sorted(values)
    rank = max(1, round(p / 100 * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]


def fact_file(size: int, directory: Path) -> Path | None:
    """A generated fact file of `size` entities, or None without benchmarks/generate.py."""
    script = ROOT / "benchmarks" / "generate.py"
    if not script.exists():
        return None
    spec = importlib.util.spec_from_file_location("facts_generate", script)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    path = directory / f"facts-{size}.toml"
    path.write_text(module.generate(size, 0), encoding="utf-8")
    return path


def synthetic(size: int) -> FactBase:
    """A plain synthetic fact base, for when benchmarks/generate.py is not there."""
    from tui.facts.model import Bilingual, Event, FactFile, FileMeta, Money, Organization, Project, Source
    from tui.facts.model import Provenance as P

    regions = (
        ("대구", "Daegu"),
        ("서울", "Seoul"),
        ("부산", "Busan"),
        ("광주", "Gwangju"),
        ("대전", "Daejeon"),
    )
    fields = (
        ("첨단", "Advanced"),
        ("모빌리티", "Mobility"),
        ("뇌과학", "Neuroscience"),
        ("로봇", "Robotics"),
    )
    source = Source(
        id="src",
        outlet=Bilingual(ko="신문", en="Daily"),
        title=Bilingual(en="News"),
        published=dt.date(2023, 3, 7),
    )
    provenance = (P(source="src"),)
    orgs, projects, events = [], [], []
    for i in range(size - 1):
        (rk, re_), (fk, fe) = regions[i % 5], fields[(i // 5) % 4]
        name = Bilingual(ko=f"{rk}{fk}{i}", en=f"{re_} {fe} {i}")
        summary = Bilingual(ko=f"{rk}의 {fk} 기관 {i}번.", en=f"Number {i}, a {fe} body in {re_}.")
        if i % 3 == 0:
            orgs.append(
                Organization(id=f"org-{i}", kind="company", name=name, summary=summary, provenance=provenance)
            )
        elif i % 3 == 1:
            budget = Money(amount=(i % 900 + 1) * 10**8, currency="KRW")
            projects.append(Project(id=f"proj-{i}", name=name, budget=budget, provenance=provenance))
        else:
            date = dt.date(2015 + i % 12, i % 12 + 1, i % 28 + 1)
            events.append(Event(id=f"evt-{i}", kind="meeting", name=name, date=date, provenance=provenance))
    return FactBase(
        FactFile(
            meta=FileMeta(title="synthetic"),
            sources=(source,),
            organizations=tuple(orgs),
            projects=tuple(projects),
            events=tuple(events),
        )
    )


def typed_queries(word: str) -> list[str]:
    return [word[:end] for end in range(1, len(word) + 1)]


def measure(facts: FactBase, repeat: int, engines: dict[str, type]) -> dict[str, dict]:
    """Build each engine's index, then type every word `repeat` times through search and the
    section filter. With several engines, every keystroke goes to each in turn, so that the
    machine's other work falls on all of them alike."""
    indexes, results = {}, {}
    section = [e.id for e in facts.of_kind("organization")]
    for name, engine in engines.items():
        gc.collect()
        started = time.perf_counter()
        indexes[name] = engine.build(facts)
        build = time.perf_counter() - started
        results[name] = {
            "build": build,
            "by_length": defaultdict(list),
            "by_word": defaultdict(list),
            "search": [],
            "filter": [],
            "section": len(section),
        }
    for _ in range(repeat):
        for word in WORDS:
            for index in indexes.values():
                index._cache.clear()  # a new search session: nothing typed before
            for query in typed_queries(word):
                for name, index in indexes.items():
                    started = time.perf_counter()
                    index.search(query)
                    elapsed = (time.perf_counter() - started) * 1000
                    r = results[name]
                    r["by_length"][len(query)].append(elapsed)
                    r["by_word"][word].append(elapsed)
                    r["search"].append(elapsed)
            for index in indexes.values():
                index._cache.clear()
            for query in typed_queries(word):
                for name, index in indexes.items():
                    started = time.perf_counter()
                    index.matches(section, query)
                    results[name]["filter"].append((time.perf_counter() - started) * 1000)
    return results


def baseline_engine(path: Path) -> type:
    """`SearchIndex` from another version of the search module (one file), to compare with."""
    spec = importlib.util.spec_from_file_location("facts_search_baseline", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"{path}: not a Python file")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module.SearchIndex


def python_osa_within(a: str, b: str, limit: int) -> bool:
    """The hand-written optimal-string-alignment check the search used before rapidfuzz: the baseline."""
    if abs(len(a) - len(b)) > limit:
        return False
    before: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, before[j - 2] + 1)
            current[j] = value
        if min(current) > limit:
            return False
        before, previous = previous, current
    return previous[-1] <= limit


TYPO_WORDS = ("moter", "valley", "automotve", "nueromatch", "robotcs", "daegu", "semiconducter", "inovation")


def best_of(runs: int, work) -> float:
    """The fastest of `runs` calls of `work`, in milliseconds."""
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - started)
    return best * 1000


def compare_libraries(facts: FactBase) -> list[tuple[str, float, str]]:
    """(row, milliseconds, notes) for the typo distance and did-you-mean, old code against rapidfuzz."""
    import difflib
    import random

    from tui.facts.search.typos import _close_words, _fuzzy_distance

    index = SearchIndex.build(facts)
    words = [w for ws in index._words_by_length.values() for w in ws]
    rows = []
    python = [[w for w in words if python_osa_within(q, w, _fuzzy_distance(q))] for q in TYPO_WORDS]
    fast = [_close_words(q, words, _fuzzy_distance(q)) for q in TYPO_WORDS]
    assert python == fast, "rapidfuzz and the Python distance disagree"
    note = f"{len(words):,} name words, {len(TYPO_WORDS)} query words; same words found"
    for name, check in (
        (
            "typo distance, Python (before)",
            lambda: [python_osa_within(q, w, 2) for q in TYPO_WORDS for w in words],
        ),
        ("typo distance, rapidfuzz OSA", lambda: [_close_words(q, words, 2) for q in TYPO_WORDS]),
    ):
        rows.append((name, best_of(3, check) / len(TYPO_WORDS), note))

    ids = [e.id for e in facts]
    rng = random.Random(1)
    wrong = []
    for entity_id in rng.sample(ids, min(20, len(ids))):
        k = rng.randrange(1, len(entity_id) - 1)
        wrong.append((entity_id[:k] + entity_id[k + 1 :], entity_id))  # a letter left out
        wrong.append(("x" + entity_id[1:], entity_id))  # the first letter wrong
    by_start: dict[str, list[str]] = defaultdict(list)
    for entity_id in ids:
        by_start[entity_id[:1]].append(entity_id)
    ways = [
        (
            "did-you-mean, difflib, same first letter",
            lambda w: difflib.get_close_matches(w, by_start[w[:1]], n=1),
        ),
        ("did-you-mean, rapidfuzz, every id", facts.suggest),
    ]
    if len(ids) <= 20_000:  # over 100,000 ids difflib takes seconds per lookup
        ways.insert(1, ("did-you-mean, difflib, every id", lambda w: difflib.get_close_matches(w, ids, n=1)))
    for name, suggest in ways:
        started = time.perf_counter()
        found = [suggest(w)[:1] == [right] for w, right in wrong]
        elapsed = (time.perf_counter() - started) * 1000 / len(wrong)
        inside, first = sum(found[0::2]), sum(found[1::2])
        rows.append(
            (
                name,
                elapsed,
                f"right first: {inside}/{len(found) // 2} inner typos, {first}/{len(found) // 2} first-letter typos",
            )
        )
    return rows


def label(size: int) -> str:
    return f"{size // 1000}k" if size >= 1000 and size % 1000 == 0 else str(size)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        default=",".join(map(str, DEFAULT_SIZES)),
        help="entity counts, comma-separated (default: 1000,10000,100000)",
    )
    parser.add_argument(
        "--file", type=Path, action="append", help="benchmark this fact file instead (repeatable)"
    )
    parser.add_argument("--repeat", type=int, default=3, help="type every word this many times (default 3)")
    parser.add_argument(
        "--libraries", action="store_true", help="also compare the typo distance and did-you-mean code"
    )
    parser.add_argument(
        "--baseline", type=Path, help="a search module file to time alongside (its SearchIndex), with ratios"
    )
    args = parser.parse_args(argv)
    library_rows = []

    results = []
    with tempfile.TemporaryDirectory(prefix="facts-search-bench-") as tmp:
        if args.file:
            targets = [(str(path), path) for path in args.file]
        else:
            targets = [(label(size), size) for size in (int(s) for s in args.sizes.split(","))]
        for name, target in targets:
            started = time.perf_counter()
            if isinstance(target, Path):
                facts = load(target)
            else:
                path = fact_file(target, Path(tmp))
                facts = load(path) if path is not None else synthetic(target)
            loaded = time.perf_counter() - started
            print(f"{name}: {len(facts):,} entities loaded in {loaded:.1f}s, measuring…", file=sys.stderr)
            engines = {name: SearchIndex}
            if args.baseline:
                engines = {f"{name} (baseline)": baseline_engine(args.baseline), **engines}
            for engine, r in measure(facts, args.repeat, engines).items():
                results.append((engine, len(facts), loaded, r))
            if args.libraries:
                library_rows += [(name, *row) for row in compare_libraries(facts)]
            del facts

    print(f"Typed one character at a time: {', '.join(WORDS)}; {args.repeat} rounds; milliseconds.")
    print()
    header = (
        f"{'file':>8} {'entities':>9} {'load s':>7} {'build s':>8} │ {'search p50':>10} {'p95':>6} {'max':>6} │ "
        f"{'filter p50':>10} {'p95':>6} {'(section)':>9}"
    )
    print(header)
    print("─" * len(header))
    for name, count, loaded, r in results:
        s, f = r["search"], r["filter"]
        print(
            f"{name:>8} {count:>9,} {loaded:>7.1f} {r['build']:>8.2f} │ {statistics.median(s):>10.2f} "
            f"{percentile(s, 95):>6.2f} {max(s):>6.2f} │ {statistics.median(f):>10.2f} {percentile(f, 95):>6.2f} "
            f"{r['section']:>9,}"
        )
    if args.baseline:
        print()
        print("ratios to the baseline (this engine ÷ baseline)")
        for (_, _, _, base), (name, _, _, r) in zip(results[0::2], results[1::2], strict=True):
            cells = [
                f"build {r['build'] / base['build']:.2f}",
                f"search p50 {statistics.median(r['search']) / statistics.median(base['search']):.2f}",
                f"p95 {percentile(r['search'], 95) / percentile(base['search'], 95):.2f}",
                f"filter p50 {statistics.median(r['filter']) / statistics.median(base['filter']):.2f}",
                f"p95 {percentile(r['filter'], 95) / percentile(base['filter'], 95):.2f}",
            ]
            print(f"{name}: " + ", ".join(cells))
    print()
    lengths = sorted({n for _, _, _, r in results for n in r["by_length"]})
    header = f"{'query length':>12} │ " + " │ ".join(f"{name + ' p50':>9} {'p95':>6}" for name, *_ in results)
    print("search latency by query length (ms)")
    print(header)
    print("─" * len(header))
    for n in lengths:
        cells = []
        for _, _, _, r in results:
            times = r["by_length"].get(n)
            cells.append(
                f"{statistics.median(times):>9.2f} {percentile(times, 95):>6.2f}" if times else " " * 16
            )
        print(f"{n:>12} │ " + " │ ".join(cells))
    print()
    header = f"{'typed word':>20} │ " + " │ ".join(f"{name + ' p50':>9} {'p95':>6}" for name, *_ in results)
    print("search latency by typed word (ms)")
    print(header)
    print("─" * len(header))
    for word in WORDS:
        cells = []
        for _, _, _, r in results:
            times = r["by_word"][word]
            cells.append(f"{statistics.median(times):>9.2f} {percentile(times, 95):>6.2f}")
        print(f"{word:>20} │ " + " │ ".join(cells))
    if library_rows:
        print()
        print("string distances: milliseconds per query word (typo distance) or per wrong id (did-you-mean)")
        for name, row, ms, note in library_rows:
            print(f"{name:>8}  {row:<42} {ms:>9.3f}  {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
