"""The explorer on a big file: first paint, cursor moves and resizes, headless.

    python benchmarks/explorer.py --file /tmp/facts-100k.toml [--moves 60]

Prints p50/p95 of a cursor move (key handled, detail pane updated, frame rendered), a resize,
a section switch and a filter-bar keystroke, on the given file and on the bundled file
measured in the same run, and the ratio. The first row is the harness alone (the same waits
with nothing to do): subtract it to see the app's own share.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

from tui.app import FactsApp
from tui.facts import load
from tui.facts.bundled import bundled_fact_file

FILTER_QUERIES = ("대구", "daegu", "ㄷㄱ", "모빌리티", "org-0001", "2023-0")
"""Typed one character at a time into the filter bar of the first (largest) section."""


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def interact(path: Path, moves: int) -> dict[str, list[float]]:
    facts = load(path)
    app = FactsApp(facts, lang=facts.meta.language, watch=False)
    out: dict[str, list[float]] = {
        "no-op (harness)": [],
        "move": [],
        "resize": [],
        "section": [],
        "filter key": [],
    }
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()  # the search index builds in the background at start
        entity_list = app.main.entity_list
        for _ in range(moves):  # what the measuring itself costs: the same waits with nothing to do
            start = time.perf_counter()
            await pilot.pause()
            app.screen._compositor.render_update()
            out["no-op (harness)"].append(time.perf_counter() - start)
        for n in range(moves):
            start = time.perf_counter()
            if n % 10 == 9:
                entity_list.action_page_down()
            else:
                entity_list.action_cursor_down()
            await pilot.pause()  # messages handled: detail pane shown
            app.screen._compositor.render_update()  # and the changed regions rendered
            out["move"].append(time.perf_counter() - start)
        for n in range(6):
            start = time.perf_counter()
            await pilot.resize_terminal(100 + 20 * (n % 2), 30 + 10 * (n % 2))
            await pilot.pause()
            app.screen._compositor.render_update()
            out["resize"].append(time.perf_counter() - start)
        assert app.main.search_index is not None  # built in the background; make sure it is ready
        await app.main.action_filter()  # mounts the filter bar on first use
        await pilot.pause()
        for query in FILTER_QUERIES:
            for n in range(1, len(query) + 1):
                start = time.perf_counter()
                app.main.filter_bar.query_one("Input").value = query[:n]  # as if typed
                await pilot.pause()
                app.screen._compositor.render_update()
                out["filter key"].append(time.perf_counter() - start)
        app.main._cancel_filter()
        for kind in ("person", "agreement", "organization"):
            start = time.perf_counter()
            app.main.action_show_section(kind)
            await pilot.pause()
            app.screen._compositor.render_update()
            out["section"].append(time.perf_counter() - start)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, required=True)
    parser.add_argument("--moves", type=int, default=60)
    args = parser.parse_args(argv)
    small = asyncio.run(interact(bundled_fact_file(), args.moves))
    big = asyncio.run(interact(args.file, args.moves))
    print(f"{'ms':22} {'bundled p50':>11} {'p95':>7} {'big p50':>9} {'p95':>7} {'p95 ratio':>9}")
    for name in small:
        s, b = small[name], big[name]
        s95, b95 = percentile(s, 0.95), percentile(b, 0.95)
        print(
            f"{name:22} {statistics.median(s) * 1e3:11.1f} {s95 * 1e3:7.1f} "
            f"{statistics.median(b) * 1e3:9.1f} {b95 * 1e3:7.1f} {b95 / s95:9.2f}"
        )
    print("targets: move and resize p95 < 50 ms, filter keystroke p95 < 50 ms on the big file")
    return 0


if __name__ == "__main__":
    sys.exit(main())
