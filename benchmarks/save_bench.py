"""Does the explorer stay responsive while it saves? Cursor moves on a big file, with and without a
save of one field running, headless, measured in the same run.

    python benchmarks/save_bench.py [--entities 100000 | --file FILE] [--saves 3]

A copy of the file (generate.py's, 100,000 entities by default) is opened in the explorer. Rows:

- move, idle: one cursor move (the key's action, every message it causes, the frame laid out and
  painted: benchmarks/explorer.py's `step`), nothing else running;
- move, during a save: the same, while `FactsApp.save` sets one field of an organization through
  the edit service (read, compare with the text loaded, plan, check, write) in its thread;
- move, until the change is shown: the same, from the file written until the explorer shows the
  new value (it used to load the whole file again; now the edit service hands over the fact base
  it built from the old one, `tui.facts.edit.rebuild`, and this row is usually empty).

The ratio column divides each p95 by the idle p95 of the same run. The notes give how long a save
took from the key to the file written (`save`).

A second table (`--steps`, on by default) takes the service's steps apart: `EditService.apply` runs
in a thread while the main thread does nothing but sleep 1 ms at a time; each step's time, and the
longest the main thread waited for the interpreter lock while the step ran (what a keystroke would
wait), for a first save (which scans the file's layout) and a second one.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from explorer import percentile, settle  # noqa: E402  (benchmarks/ is not a package)

from tui.facts import load  # noqa: E402
from tui.facts.edit.plan import set_fields  # noqa: E402
from tui.facts.edit.values import parse  # noqa: E402
from tui.ui.app import FactsApp  # noqa: E402


async def measure(path: Path, saves: int) -> tuple[dict[str, list[float]], list[float]]:
    facts = load(path)
    app = FactsApp(facts, lang="en", watch=False)
    rows: dict[str, list[float]] = {
        "move, idle": [],
        "move, during a save": [],
        "move, until the change is shown": [],
    }
    save_times: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()  # the text the explorer was loaded from is read
        await settle(pilot)
        entity_list = app.main.entity_list
        target = app.facts.of_kind("organization")[0]

        async def move(row: str) -> None:
            start = time.perf_counter()
            entity_list.action_cursor_down() if len(rows[row]) % 20 != 19 else entity_list.action_first()
            await settle(pilot)
            rows[row].append(time.perf_counter() - start)

        for _ in range(60):
            await move("move, idle")
        for n in range(saves):
            year = str(1990 + n)
            planned = set_fields(target.id, [parse(type(target), "founded", year)], f"founded = {year}")
            start = time.perf_counter()
            written = _watch_apply(app)
            task = asyncio.create_task(app.save(planned))
            while not written.is_set():  # the service's thread: read, compare, plan, check, write
                await move("move, during a save")
            save_times.append(time.perf_counter() - start)
            await task
            assert task.result() is not None and not hasattr(task.result(), "reason"), task.result()
            while app.facts[target.id].founded != int(year):  # the reload that shows the change
                await move("move, until the change is shown")
            for _ in range(20):
                await move("move, idle")
    return rows, save_times


def _watch_apply(app: FactsApp) -> threading.Event:
    """An event set when the edit service's `apply` returns (before the reload that follows)."""
    service = app.edits
    done = threading.Event()
    apply = type(service).apply

    def watched(planned):
        try:
            return apply(service, planned)
        finally:
            done.set()
            del service.apply  # back to the class's own

    service.apply = watched  # type: ignore[method-assign]
    return done


STEPS = (
    ("tui.ui.edit_service", "read_snapshot", "read"),
    ("tui.ui.edit_service", "scan", "scan layout"),
    ("tui.ui.edit_service", "_decode", "decode"),
    ("tui.ui.edit_service", "_encode", "encode"),
    ("tui.ui.edit_service", "rebuild", "rebuild + check"),
    ("tui.ui.edit_service", "check_change", "check (whole)"),
    ("tui.ui.edit_service", "write_bytes", "write"),
)


def steps(path: Path) -> list[tuple[str, float, float]]:
    """(step, seconds, longest wait of a ticking main thread) for two saves through the service."""
    import importlib

    from tui.ui.edit_service import EditService, read_snapshot

    facts = load(path)
    facts.backlinks(next(iter(facts)).id)
    facts.position(next(iter(facts)).id)
    service = EditService(path)
    service.loaded(facts, read_snapshot(path))
    spans: list[tuple[str, float, float]] = []

    def timed(name: str, function):
        def step(*args, **kwargs):
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spans.append((name, start, time.perf_counter()))

        return step

    for module_name, attribute, name in STEPS:
        module = importlib.import_module(module_name)
        setattr(module, attribute, timed(name, getattr(module, attribute)))
    rows: list[tuple[str, float, float]] = []
    target = facts.of_kind("organization")[5]
    for n, label in enumerate(("first save", "second save")):
        planned = set_fields(target.id, [parse(type(target), "founded", str(1970 + n))], "")
        planned = dataclasses.replace(planned, plan=timed("plan", planned.plan))
        spans.clear()
        waits: list[tuple[float, float]] = []
        done = threading.Event()

        def save(planned=planned, done=done) -> None:
            start = time.perf_counter()
            try:
                service.apply(planned)
            finally:
                spans.append(("whole save", start, time.perf_counter()))
                done.set()

        thread = threading.Thread(target=save)
        thread.start()
        while not done.is_set():
            start = time.perf_counter()
            time.sleep(0.001)
            waits.append((start, time.perf_counter()))
        thread.join()
        for name, start, stop in spans:
            during = [b - a for a, b in waits if b > start and a < stop] or [0.0]
            rows.append((f"{label}: {name}", stop - start, max(during)))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=100_000)
    parser.add_argument("--file", type=Path)
    parser.add_argument("--saves", type=int, default=3)
    parser.add_argument("--no-steps", dest="steps", action="store_false")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "facts.toml"
        if args.file:
            shutil.copyfile(args.file, path)
        else:
            generate = [
                sys.executable,
                str(ROOT / "benchmarks/generate.py"),
                "--entities",
                str(args.entities),
            ]
            subprocess.run([*generate, "--out", str(path)], check=True)
        rows, saves = asyncio.run(measure(path, args.saves))
        step_rows = steps(path) if args.steps else []
    idle95 = percentile(rows["move, idle"], 0.95)
    print(f"{'ms':28} {'n':>4} {'p50':>7} {'p95':>7} {'max':>7} {'p95 ratio':>9}")
    for name, values in rows.items():
        if not values:
            continue
        p50, p95 = statistics.median(values) * 1e3, percentile(values, 0.95) * 1e3
        print(
            f"{name:28} {len(values):4} {p50:7.1f} {p95:7.1f} {max(values) * 1e3:7.1f} {p95 / (idle95 * 1e3):9.2f}"
        )
    print(f"save (key to written), s: {', '.join(f'{s:.2f}' for s in saves)}")
    if step_rows:
        print()
        print(f"{'step':36} {'s':>7} {'longest wait, ms':>17}")
        for name, seconds, wait in step_rows:
            print(f"{name:36} {seconds:7.3f} {wait * 1e3:17.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
