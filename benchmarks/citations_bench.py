"""Citations per field on big files, against a tomli parse of the same file, measured in the same run.

    python benchmarks/citations_bench.py [--entities 100000] [--repeat 3]

Three generated files of the same entities (`generate.py --cited SHARE`): none of the fields
cited, half of the entities citing every field, all of them. Every timing is a fresh process
(bytecode caches on, the cache of validated fact bases off unless said), fastest of `--repeat`.
Rows:

- tomli parse (process): `python -c "tomli.loads(...)"`, start to exit (the baseline, ×1.00);
- check: `facts-tui check FILE`, start to exit, cache off; its stderr (one warning per uncited
  field) goes to /dev/null;
- check, cache warm: the same with the fact base from the cache (the text is read again only
  when there is a field to warn about);
- uncited scan: `uncited(facts)` over a loaded fact base, in-process (what `check` does on a
  file with nothing to warn about);
- locate warnings: `uncited_problems(facts, text)`, in-process: every warning with its line;
- by_paragraph, first: `by_paragraph` of the most cited source, in-process, including the
  backlinks it reads (which the explorer builds anyway); then: a second call.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARES = (("none cited", 0.0), ("half cited", 0.5), ("all cited", 1.0))

TOMLI = """
import sys, tomli
tomli.loads(open(sys.argv[1], encoding="utf-8").read())
"""

IN_PROCESS = """
import sys, time
from collections import Counter
from pathlib import Path
from tui.facts import load
from tui.facts.citations import by_paragraph, uncited, uncited_problems
path = Path(sys.argv[1])
facts = load(path, cache=False)
text = path.read_text(encoding="utf-8")
t = time.perf_counter(); n = sum(1 for _ in uncited(facts)); scan = time.perf_counter() - t
t = time.perf_counter(); problems = uncited_problems(facts, text); locate = time.perf_counter() - t
counts = Counter(p.source for e in facts for p in getattr(e, "provenance", ()))
busiest = counts.most_common(1)[0][0]
t = time.perf_counter(); by_paragraph(facts, busiest); first = time.perf_counter() - t
t = time.perf_counter(); by_paragraph(facts, busiest); again = time.perf_counter() - t
print(n, scan, locate, first, again)
"""


def timed(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, check=True, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--entities", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    python = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        env["FACTS_TUI_CACHE_DIR"] = str(Path(tmp) / "cache")
        print(f"{options.entities:,} entities, fastest of {options.repeat}; × = ratio to the tomli parse\n")
        print("| file | row | seconds | × tomli |")
        print("|---|---|---:|---:|")
        for label, share in SHARES:
            path = Path(tmp) / f"{share}.toml"
            subprocess.run(
                [python, "benchmarks/generate.py", "--entities", str(options.entities), "--out", str(path),
                 "--cited", str(share)],
                check=True, cwd=ROOT, stderr=subprocess.DEVNULL,
            )  # fmt: skip
            off = {**env, "FACTS_TUI_NO_CACHE": "1"}
            rows: dict[str, float] = {
                "tomli parse (process)": min(
                    timed([python, "-c", TOMLI, str(path)], env) for _ in range(options.repeat)
                ),
                "check (process, cache off)": min(
                    timed([python, "-m", "tui", "check", str(path)], off) for _ in range(options.repeat)
                ),
            }
            timed([python, "-m", "tui", "check", str(path)], env)  # prime the cache
            rows["check (process, cache warm)"] = min(
                timed([python, "-m", "tui", "check", str(path)], env) for _ in range(options.repeat)
            )
            best: list[float] | None = None
            for _ in range(options.repeat):
                out = subprocess.run(
                    [python, "-c", IN_PROCESS, str(path)],
                    check=True,
                    env=env,
                    cwd=ROOT,
                    capture_output=True,
                    text=True,
                ).stdout.split()
                values = [float(v) for v in out[1:]]
                best = values if best is None else [min(a, b) for a, b in zip(best, values, strict=True)]
                warnings = int(out[0])
            assert best is not None
            rows[f"uncited scan ({warnings:,} warnings)"] = best[0]
            rows["locate warnings"] = best[1]
            rows["by_paragraph, first (backlinks built)"] = best[2]
            rows["by_paragraph, again"] = best[3]
            base = rows["tomli parse (process)"]
            for row, seconds in rows.items():
                print(
                    f"| {label}, {path.stat().st_size / 1e6:.1f} MB | {row} | {seconds:.3f} | {seconds / base:.2f} |"
                )


if __name__ == "__main__":
    main()
