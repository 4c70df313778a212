"""`facts-tui set` on a big file against a tomli parse of the same file, measured in the same run.

    python benchmarks/edit_bench.py [--entities 100000] [--repeat 3] [--file FILE]

Each timing is a fresh process, as a user runs the command (bytecode caches on). The cache of
validated fact bases is warm (one `check` first), as it is for a file the user works on. The
change alternates between two values, so every run really writes. Rows:

- tomli: `tomli.loads` of the file (the baseline);
- set (fast check): the changed entity checked against the fact base the file had;
- set (whole-file check): the same change, with the new text loaded whole (`FACTS_TUI_EDIT_FULL_CHECK=1`).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

TOMLI = """
import sys, tomli
tomli.loads(open(sys.argv[1], encoding="utf-8").read())
"""


def timed(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, check=True, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--entities", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--file", type=Path, help="an existing fact file to edit a copy of")
    options = parser.parse_args()

    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "facts.toml"
        env["FACTS_TUI_CACHE_DIR"] = str(Path(tmp) / "cache")
        if options.file:
            path.write_bytes(options.file.read_bytes())
        else:
            subprocess.run(
                [
                    sys.executable,
                    "benchmarks/generate.py",
                    "--entities",
                    str(options.entities),
                    "--out",
                    str(path),
                ],
                check=True,
                cwd=ROOT,
            )
        cli = [sys.executable, "-m", "tui"]
        subprocess.run([*cli, "check", str(path)], check=True, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)
        sys.path.insert(0, str(ROOT))
        from tui.facts import load

        facts = load(path)
        target = next(e for e in facts if e.KIND == "organization")
        rows: dict[str, list[float]] = {"tomli": [], "set (fast check)": [], "set (whole-file check)": []}
        for n in range(options.repeat):
            rows["tomli"].append(timed([sys.executable, "-c", TOMLI, str(path)], env))
            for label, extra in (
                ("set (fast check)", {}),
                ("set (whole-file check)", {"FACTS_TUI_EDIT_FULL_CHECK": "1"}),
            ):
                # warm the cache for the file as it is now (the previous run changed it)
                subprocess.run(
                    [*cli, "check", str(path)], check=True, env=env, cwd=ROOT, stdout=subprocess.DEVNULL
                )
                year = str(1900 + n * 2 + (label != "set (fast check)"))
                rows[label].append(timed([*cli, "set", target.id, "founded", year, str(path)], env | extra))
        baseline = statistics.median(rows["tomli"])
        size = path.stat().st_size / 1e6
        print(f"{len(facts):,} entities, {size:.1f} MB, median of {options.repeat}")
        print(f"{'':28} {'seconds':>8} {'× tomli':>8}")
        for label, times in rows.items():
            median = statistics.median(times)
            print(f"{label:28} {median:8.2f} {median / baseline:8.2f}")


if __name__ == "__main__":
    main()
