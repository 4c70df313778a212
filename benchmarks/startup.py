"""Time from process start to the first painted frame, the explorer against a bare Textual app.

    python benchmarks/startup.py [--file FILE] [--repeat N]

Each run is a fresh `python` process started headless; the child reports when Textual sends
`Ready` (the first frame has been displayed) and, for a big file that loads behind the loading
screen, when the explorer itself is painted. The bare app (one Static) is measured in the
same run, interleaved, so the ratio holds on a noisy machine. `benchmarks/startup_tmux.py`
measures the same in a real terminal.

Both run with bytecode caches, as an installed program does: Textual's come from pip, ours
are written by the warm-up run. (With PYTHONDONTWRITEBYTECODE set, every start would compile
our ~6,000 lines again, ~40 ms that no user pays; the variable is dropped for the children.)
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BARE = """
import sys, time
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static("hello")
    def on_ready(self):
        print(time.time(), flush=True)
        self.exit()

Bare().run(headless=True, size=(120, 40))
"""

EXPLORER = """
import sys, time
from pathlib import Path
from tui.facts.bundled import bundled_fact_file
from tui.commands.open import explorer_source
from tui.ui.app import FactsApp

class Timed(FactsApp):
    def on_ready(self):
        print(time.time(), flush=True)  # the first frame: the explorer, or the loading screen
        if self.loading is None:
            self.exit()

    def on_loading_screen_loaded(self, event):
        super().on_loading_screen_loaded(event)
        self.call_after_refresh(self._shown)

    def _shown(self):
        print(time.time(), flush=True)  # the explorer's first frame, after the load
        self.exit()

path = Path(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1] else bundled_fact_file()
Timed(explorer_source(path), watch=False).run(headless=True, size=(120, 40))
"""


def timings(code: str, *args: str, env: dict[str, str] | None = None) -> list[float]:
    """Seconds from spawning the child to each time it prints: its first painted frame, then (a
    big file's explorer) the explorer's (`env`: extra variables)."""
    env = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}, **(env or {})}
    start = time.time()
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT, check=True, env=env
    )
    return [float(line) - start for line in done.stdout.split()]


def first_paint(code: str, *args: str, env: dict[str, str] | None = None) -> float:
    """Seconds from spawning the child to its first painted frame (`env`: extra variables)."""
    return timings(code, *args, env=env)[0]


def explorer_shown(code: str, *args: str, env: dict[str, str] | None = None) -> tuple[float, float]:
    """Seconds to the first frame and to the explorer's first frame (the same for a small file)."""
    times = timings(code, *args, env=env)
    return times[0], times[-1]


def measure(file: str = "", repeat: int = 7) -> tuple[list[float], list[float]]:
    """Interleaved runs of the bare app and the explorer; returns both lists of seconds."""
    first_paint(BARE)  # warm the file cache and .pyc files
    first_paint(EXPLORER, file)
    bare, explorer = [], []
    for _ in range(repeat):
        bare.append(first_paint(BARE))
        explorer.append(first_paint(EXPLORER, file))
    return bare, explorer


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", default="", help="fact file (default: the bundled one)")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)
    bare, explorer = measure(args.file, args.repeat)
    b, e = statistics.median(bare), statistics.median(explorer)
    print(f"{'':28} {'median s':>9} {'min s':>7}")
    print(f"{'bare Textual app (Static)':28} {b:9.3f} {min(bare):7.3f}")
    print(f"{'facts-tui explorer':28} {e:9.3f} {min(explorer):7.3f}")
    print(f"{'ratio (explorer / bare)':28} {e / b:9.2f}   target <= 1.30")
    return 0


if __name__ == "__main__":
    sys.exit(main())
