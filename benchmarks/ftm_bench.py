"""FollowTheMoney export and import on a big file against a tomli parse of the same fact file,
measured in the same run.

    python benchmarks/ftm_bench.py [--entities 100000] [--repeat 2] [--file FILE]

Each timing is a fresh process, as a user runs the command (bytecode caches on, the cache of
validated fact bases warm, as for a file the user works on). Rows:

- tomli parse: `tomli.loads` of the fact file (the baseline; issue 14's target is at most 3x);
- export --format ftm: `facts-tui export FILE --format ftm -o OUT` (load, build and validate
  every FtM entity with the library, write the JSON lines);
- import --format ftm: `facts-tui import --format ftm OUT -o BACK.toml` (read and validate every
  line, map, check as `check` does, write the TOML).

Each row gives the wall time and the CPU time (user + system of the process) with their ratios to
the tomli parse's: on a shared machine the wall time also counts waiting for a core, so compare the
CPU ratios first. The imported file is checked with `facts-tui check` at the end (not timed).
Measured in the same run, so the ratios hold on any machine; run it on an idle one for the times.
"""

from __future__ import annotations

import argparse
import os
import resource
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


def timed(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one run of `args` in a fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(args, check=True, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--entities", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--file", type=Path, help="an existing fact file")
    options = parser.parse_args()

    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryDirectory() as tmp:
        path, stream, back = Path(tmp) / "facts.toml", Path(tmp) / "facts.ftm.json", Path(tmp) / "back.toml"
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
                stdout=subprocess.DEVNULL,
            )
        cli = [sys.executable, "-m", "tui"]
        subprocess.run(
            [*cli, "check", str(path)],
            check=True,
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        rows: dict[str, list[tuple[float, float]]] = {
            "tomli parse": [],
            "export --format ftm": [],
            "import --format ftm": [],
        }
        for _ in range(options.repeat):
            rows["tomli parse"].append(timed([sys.executable, "-c", TOMLI, str(path)], env))
            rows["export --format ftm"].append(
                timed([*cli, "export", str(path), "--format", "ftm", "-o", str(stream), "--force"], env)
            )
            rows["import --format ftm"].append(
                timed([*cli, "import", "--format", "ftm", str(stream), "-o", str(back), "--force"], env)
            )
        # Exit 0: no problems (uncited fields are warnings; the generated file cites none).
        subprocess.run(
            [*cli, "check", str(back)],
            check=True,
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        lines = sum(1 for _ in stream.open(encoding="utf-8"))
        wall_base = min(wall for wall, _ in rows["tomli parse"])
        cpu_base = min(cpu for _, cpu in rows["tomli parse"])
        size = path.stat().st_size / 1e6
        print(
            f"{options.entities:,} entities ({size:.1f} MB TOML, {lines:,} FtM entities, "
            f"{stream.stat().st_size / 1e6:.1f} MB JSON lines), fastest of {options.repeat}; "
            "the imported file passes check\n"
        )
        print("| measurement | wall | × tomli parse | CPU | × tomli parse (CPU) |")
        print("|---|---:|---:|---:|---:|")
        for label, times in rows.items():
            wall = min(wall for wall, _ in times)
            cpu = min(cpu for _, cpu in times)
            print(f"| {label} | {wall:.2f} s | {wall / wall_base:.2f} | {cpu:.2f} s | {cpu / cpu_base:.2f} |")


if __name__ == "__main__":
    main()
