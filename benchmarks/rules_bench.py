"""The loader's two meaning checks on a big valid file, against a tomli parse of the same file.

    python benchmarks/rules_bench.py [--entities 100000] [--cited 0.0] [--repeat 3] [--file FILE]

One generated file (`generate.py`, seed 0; `--file` to use one already made). Every row is timed in
a fresh process, fastest of `--repeat`, with the cyclic garbage collector paused as the loader
runs; the cache of validated fact bases is off. Rows:

- tomli parse: `tomli.loads(text)` (the baseline, ×1.00);
- load: `load(path, cache=False)`, which takes the fast meaning check;
- load, full check: the same with `FACTS_TUI_FULL_CHECK=1`: every entity and reference asked one
  by one, as for a file with problems;
- fast check: `tui.facts.rules.fine(facts)` alone, on the converted file;
- full check: `_raw_ids` and `_check_meaning` of tui.facts.load alone (what the loader does when
  the fast check says no), on the same file.

The last two show why the fast check exists: on a valid file it answers the same question
(tests/facts/test_rules.py) two to three times cheaper.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

MEASURE = """
import gc, importlib, sys, time
from pathlib import Path
import msgspec, tomli
row, path, repeat = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
load_module = importlib.import_module("tui.facts.load")
from tui.facts import load
from tui.facts.model import FactFile
from tui.facts.rules import fine
text = path.read_text(encoding="utf-8")
gc.disable()
if row in ("fast check", "full check"):
    data = tomli.loads(text)
    facts = msgspec.convert(data, FactFile, builtin_types=load_module.TOML_TYPES)
def full():
    kind_of, duplicates = load_module._raw_ids(data)
    assert not duplicates and not load_module._check_meaning(facts, kind_of)
step = {
    "tomli parse": lambda: tomli.loads(text),
    "load": lambda: load(path, cache=False),
    "load, full check": lambda: load(path, cache=False),
    "fast check": lambda: fine(facts) or sys.exit("the file is not valid"),
    "full check": full,
}[row]
best = float("inf")
for _ in range(repeat):
    start = time.perf_counter()
    step()
    best = min(best, time.perf_counter() - start)
print(best)
"""

ROWS = ("tomli parse", "load", "load, full check", "fast check", "full check")


def measure(row: str, path: Path, repeat: int) -> float:
    env = {**os.environ, "FACTS_TUI_NO_CACHE": "1"}
    env.pop("FACTS_TUI_FULL_CHECK", None)
    if row == "load, full check":
        env["FACTS_TUI_FULL_CHECK"] = "1"
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, row, str(path), str(repeat)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return float(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entities", type=int, default=100_000)
    parser.add_argument("--cited", type=float, default=0.0, help="share of entities citing every field")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--file", type=Path, help="a valid fact file to use instead of generating one")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.file
        if path is None:
            path = Path(tmp) / "facts.toml"
            generate = [sys.executable, str(ROOT / "benchmarks" / "generate.py")]
            subprocess.run(
                [*generate, "--entities", str(args.entities), "--out", str(path), "--cited", str(args.cited)],
                check=True,
                capture_output=True,
            )
        seconds = {row: measure(row, path, args.repeat) for row in ROWS}
    base = seconds["tomli parse"]
    print(f"{path.name}: {path.stat().st_size / 1e6:.1f} MB" if args.file else f"{args.entities:,} entities")
    print("| row | seconds | × tomli parse |")
    print("|---|---:|---:|")
    for row in ROWS:
        print(f"| {row} | {seconds[row]:.3f} | {seconds[row] / base:.2f} |")
    print(f"\nfull check / fast check: {seconds['full check'] / seconds['fast check']:.2f}×")


if __name__ == "__main__":
    main()
