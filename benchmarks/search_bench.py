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

WORDS = ("대구첨단", "lvis", "ㄷㄱ", "760억", "2023-03", "neuro", "daegu", "서울", "kim")
"""Typed one character at a time: Korean, Latin, initials, an amount, a date, typo-prone Latin."""
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


def measure(facts: FactBase, repeat: int) -> dict:
    """Build the index, then type every word `repeat` times through search and the section filter."""
    gc.collect()
    started = time.perf_counter()
    index = SearchIndex.build(facts)
    build = time.perf_counter() - started
    section = [e.id for e in facts.of_kind("organization")]
    by_length: dict[int, list[float]] = defaultdict(list)
    searches: list[float] = []
    filters: list[float] = []
    for _ in range(repeat):
        for word in WORDS:
            index._cache.clear()  # a new search session: nothing typed before
            for query in typed_queries(word):
                started = time.perf_counter()
                index.search(query)
                elapsed = (time.perf_counter() - started) * 1000
                by_length[len(query)].append(elapsed)
                searches.append(elapsed)
            index._cache.clear()
            for query in typed_queries(word):
                started = time.perf_counter()
                index.matches(section, query)
                filters.append((time.perf_counter() - started) * 1000)
    return {
        "build": build,
        "by_length": by_length,
        "search": searches,
        "filter": filters,
        "section": len(section),
    }


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
    args = parser.parse_args(argv)

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
            results.append((name, len(facts), loaded, measure(facts, args.repeat)))
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
