"""The explorer on a big file: cursor moves, resizes, section switches and filter keystrokes, headless.

    python benchmarks/explorer.py --file /tmp/facts-100k.toml [--moves 60]

Prints p50/p95 of each interaction on the given file and on the bundled file, measured in the
same run, and the ratio. One step is: the action (a key's handler), every message it causes
handled (the list's Highlighted, the detail pane's update, ...), then the screen laid out where
needed and the changed regions painted, all of it exactly as Textual does it, but without
waiting for Textual's timers: the screen-update timer adds up to 1/60 s before any Textual app
paints, and a resize is held back 1/120 s in case another follows, whatever the app. Pilot's
`pause()` would add 20 ms sleeps and round every step up to them. The first row is the harness alone (the same loop with nothing to do).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

from textual.events import Resize
from textual.geometry import Size
from textual.pilot import Pilot

from tui.facts import load
from tui.facts.bundled import bundled_fact_file
from tui.ui.app import FactsApp

FILTER_QUERIES = ("대구", "daegu", "ㄷㄱ", "모빌리티", "org-0001", "2023-0")
"""Typed one character at a time into the filter bar of the first (largest) section."""


async def settle(pilot: Pilot) -> None:
    """Handle every pending message, then lay out and paint as the screen-update timer would;
    repeat until nothing is left to do (a paint can cause more messages, e.g. Resize).

    The app counts as idle once every message queue has stayed empty for a few turns of the
    event loop (a message bubbling from a widget to its screen passes through empty queues):
    Textual's timer would not paint before that either.
    """
    app = pilot.app

    def busy() -> bool:
        return any(
            not node._message_queue.empty() for node in (app, *app.screen.walk_children(with_self=True))
        )

    for _ in range(100):
        await pilot._wait_for_screen()  # every message queued so far has been handled
        quiet = 0
        while quiet < 3:
            await asyncio.sleep(0)
            quiet = 0 if busy() else quiet + 1
        if app._resize_timer is not None:  # a resize waits 1/120 s for the next one; don't wait
            app._check_resize()
            continue
        screen = app.screen
        if not (
            screen._layout_required
            or screen._scroll_required
            or screen._repaint_required
            or screen._dirty_widgets
        ):
            return
        screen._on_timer_update()  # layout if needed, render the dirty regions, send them to the driver


def resize(app: FactsApp, width: int, height: int) -> None:
    """What the terminal does when its window is resized (Pilot's own version also sleeps)."""
    size = Size(width, height)
    app._driver._size = size  # type: ignore[union-attr]
    app.post_message(Resize(size, size))


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
        await settle(pilot)
        entity_list = app.main.entity_list

        async def step(name: str, action) -> None:
            start = time.perf_counter()
            action()
            await settle(pilot)
            out[name].append(time.perf_counter() - start)

        for _ in range(moves):
            await step("no-op (harness)", lambda: None)
        for n in range(moves):
            await step(
                "move", entity_list.action_page_down if n % 10 == 9 else entity_list.action_cursor_down
            )
        for n in range(20):
            await step("resize", lambda n=n: resize(app, 100 + 20 * (n % 2), 30 + 10 * (n % 2)))
        assert app.search_index is not None  # built now, blocking, if the file is too big to index at start
        await app.main.action_filter()  # mounts the filter bar on first use
        await settle(pilot)
        box = app.main.filter_bar.query_one("Input")
        for query in FILTER_QUERIES:
            for n in range(1, len(query) + 1):
                await step("filter key", lambda text=query[:n]: setattr(box, "value", text))  # as if typed
        app.main._cancel_filter()
        await settle(pilot)
        for kind in ("person", "agreement", "organization"):
            await step("section", lambda kind=kind: app.main.action_show_section(kind))
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
