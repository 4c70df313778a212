"""Time to the first painted frame in a real terminal (tmux): facts-tui against a bare Textual app.

    python benchmarks/startup_tmux.py [--big FILE] [--repeat N]

Each program starts in a fresh tmux pane (120×40); `tmux capture-pane` is polled until the
text of its first frame is on the screen. Rows:

* a bare Textual app (one Static): the baseline;
* `facts-tui` on the bundled file: first frame (the explorer);
* `facts-tui BIG` without the cache: first frame (the loading screen), and the explorer's
  (the section bar with its counts) once the file is loaded;
* the same big file loaded before the app starts, as facts-tui did before the loading screen:
  the terminal stays blank until the explorer's frame.

Runs are interleaved and the table shows medians, so the ratios hold on a noisy machine. Like
`startup.py`, the children run with bytecode caches, as an installed program does
(PYTHONDONTWRITEBYTECODE is dropped; the warm-up round writes our .pyc files). The polling
itself costs a little CPU (a tmux client every POLL_SECONDS, then every SLOW_POLL_SECONDS after
the first second), the same for every program.
Needs tmux (`apt-get install -y tmux`); runs on its own tmux server, stopped at the end.
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOCKET = f"facts-tui-bench-{os.getpid()}"
SIZE = ("120", "40")
POLL_SECONDS = 0.005
"""How often the screen is read during the first second; then every SLOW_POLL_SECONDS."""
SLOW_POLL_SECONDS = 0.05
"""A tmux client 200 times a second would take a core from the program timed: a big file's load."""
TIMEOUT_SECONDS = 120.0
EXITED = "--exited--"

BARE = """
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static("hello, first frame")

Bare().run()
"""

OLD_WAY = """
import sys
from tui.facts import load
from tui.ui.app import FactsApp

facts = load(sys.argv[1])  # the whole file, before the app starts: a blank terminal meanwhile
FactsApp(facts, watch=False).run()
"""

SECTION_BAR = re.compile(r"^\s*1 \S+ [\d,]+\s+2 ")
"""The explorer's section bar, counts and all: the explorer is on the screen."""

Seen = Callable[[list[str]], bool]


def tmux(*args: str, check: bool = False) -> str:
    return subprocess.run(["tmux", "-L", SOCKET, *args], capture_output=True, text=True, check=check).stdout


def timed(command: list[str], marks: list[Seen], env: dict[str, str]) -> list[float]:
    """Start `command` in a new pane; seconds until each of `marks` holds for the screen's lines."""
    line = " ".join(["env", *(f"{k}={shlex.quote(v)}" for k, v in env.items()), *map(shlex.quote, command)])
    line = "env -u PYTHONDONTWRITEBYTECODE " + line[len("env ") :] + f"; echo {EXITED} $?; sleep 60"
    session = f"s{time.monotonic_ns()}"
    start = time.perf_counter()
    tmux("new-session", "-d", "-s", session, "-x", SIZE[0], "-y", SIZE[1], "-c", str(ROOT), line, check=True)
    found: list[float] = []
    try:
        while len(found) < len(marks):
            screen = tmux("capture-pane", "-p", "-t", session).splitlines()
            now = time.perf_counter() - start
            while len(found) < len(marks) and marks[len(found)](screen):
                found.append(now)
            if any(row.startswith(EXITED) for row in screen) or now > TIMEOUT_SECONDS:
                raise RuntimeError(f"{command!r} did not show what was expected:\n" + "\n".join(screen))
            time.sleep(POLL_SECONDS if now < 1.0 else SLOW_POLL_SECONDS)
    finally:
        tmux("kill-session", "-t", session)
    return found


def showing(text: str) -> Seen:
    return lambda screen: any(text in row for row in screen)


def explorer_on_screen(screen: list[str]) -> bool:
    return len(screen) > 1 and SECTION_BAR.match(screen[1]) is not None


def title_of(path: Path) -> str:
    """Enough of the file's title to recognise the title bar."""
    sys.path.insert(0, str(ROOT))
    from tui.facts.load import peek_meta

    meta = peek_meta(path)
    assert meta is not None, f"{path}: no [meta] title in its first bytes"
    return meta.title[:12]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--big", type=Path, help="a big fact file (benchmarks/generate.py); default: none")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)
    if subprocess.run(["which", "tmux"], capture_output=True).returncode != 0:
        print("tmux is not installed (apt-get install -y tmux)", file=sys.stderr)
        return 2

    python = sys.executable
    bundled = ROOT / "facts.toml"
    with tempfile.TemporaryDirectory(prefix="facts-tui-bench-") as cache:
        env = {"FACTS_TUI_NO_CACHE": "1", "FACTS_TUI_CACHE_DIR": cache, "TERM": "xterm-256color"}
        programs: dict[str, tuple[list[str], list[Seen]]] = {
            "bare Textual app (Static)": ([python, "-c", BARE], [showing("hello, first frame")]),
            "facts-tui, bundled file": ([python, "-m", "tui", str(bundled)], [showing(title_of(bundled))]),
            # As a user starts it the second time: the fact base from the cache the first run wrote.
            WARM: ([python, "-m", "tui", str(bundled)], [showing(title_of(bundled))]),
        }
        if args.big:
            big = str(args.big.resolve())
            programs["facts-tui, big file, no cache"] = (
                [python, "-m", "tui", big],
                [showing(title_of(args.big)), explorer_on_screen],
            )
            programs["big file loaded before the app (old)"] = (
                [python, "-c", OLD_WAY, big],
                [showing(title_of(args.big))],
            )
        results: dict[str, list[list[float]]] = {name: [] for name in programs}
        # An idle session keeps the server up between runs (it exits with its last session).
        tmux("new-session", "-d", "-s", "keeper", "sleep 100000", check=True)
        try:
            for name, (command, marks) in programs.items():  # warm-up: .pyc files, the page cache
                timed(command, marks, env_of(name, env))
            for _ in range(args.repeat):
                for name, (command, marks) in programs.items():
                    results[name].append(timed(command, marks, env_of(name, env)))
        finally:
            tmux("kill-server")
    report(results, args.repeat)
    return 0


WARM = "facts-tui, bundled file, fact cache warm"


def env_of(name: str, env: dict[str, str]) -> dict[str, str]:
    """Every program runs with the cache off but the warm row, which reads the cache the warm-up
    run wrote (in the run's own temporary cache directory)."""
    return {k: v for k, v in env.items() if k != "FACTS_TUI_NO_CACHE"} if name == WARM else env


def report(results: dict[str, list[list[float]]], repeat: int) -> None:
    def median(name: str, mark: int = 0) -> float:
        return statistics.median(run[mark] for run in results[name])

    bare = median("bare Textual app (Static)")
    bundled = median("facts-tui, bundled file")
    print(f"tmux {SIZE[0]}×{SIZE[1]}, median of {repeat} runs, seconds from spawn to the text on screen")
    print(f"{'':44} {'median s':>9} {'min s':>7} {'× bare':>7}")
    rows: list[tuple[str, str, int]] = [
        ("bare Textual app (Static)", "bare Textual app, first frame", 0),
        ("facts-tui, bundled file", "facts-tui bundled file, first frame", 0),
        (WARM, "facts-tui bundled file, fact cache warm", 0),
        ("facts-tui, big file, no cache", "facts-tui big file, first frame (loading)", 0),
        ("facts-tui, big file, no cache", "facts-tui big file, explorer shown", 1),
        ("big file loaded before the app (old)", "big file loaded before the app, first frame", 0),
    ]
    for name, label, mark in rows:
        if name not in results:
            continue
        times = [run[mark] for run in results[name]]
        m = statistics.median(times)
        print(f"{label:44} {m:9.3f} {min(times):7.3f} {m / bare:7.2f}")
    print(f"{'ratio bundled / bare':44} {bundled / bare:9.2f}   target <= 1.30")
    print(f"{'ratio bundled, fact cache warm / bare':44} {median(WARM) / bare:9.2f}")
    if "facts-tui, big file, no cache" in results:
        first = median("facts-tui, big file, no cache")
        print(f"{'ratio big first frame / bundled':44} {first / bundled:9.2f}   target <= 1.30")


if __name__ == "__main__":
    sys.exit(main())
