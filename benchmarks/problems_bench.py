"""A bad file's problems in Korean and English, against a tomli parse of the same file, in one run.

    python benchmarks/problems_bench.py [--entities 20000] [--every 10] [--repeat 3]

A generated file (`generate.py`), and a copy with a problem in every `--every`-th entity of each
of three shapes: a year written as a string (a structure problem, worded from msgspec's message),
a reference to an id that does not exist (a meaning problem, with a did-you-mean lookup for the
first 50) and a currency that is no ISO 4217 code (a rule of tui/facts/rules.py). In-process,
fastest of `--repeat`, the cache of validated fact bases off. Rows:

- tomli parse of the valid file (the baseline, ×1.00);
- load, valid: what a good file costs (problems are worded only when there are some);
- load, with problems: parse, the fast check failing, the full walk, every problem worded and
  located (the FactFileError);
- format, English / Korean: the whole report as `check --lang en|ko` prints it.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def fastest(repeat: int, run: Callable[[], object]) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - start)
    return best, result


def broken(text: str, every: int) -> str:
    """A year as a string, a dangling reference and a bad currency in every `every`-th of each."""
    counters = {"founded": 0, "parties": 0, "currency": 0}

    def nth(kind: str) -> bool:
        counters[kind] += 1
        return counters[kind] % every == 0

    text = re.sub(r"(?m)^founded = (\d+)$", lambda m: f'founded = "{m[1]}"' if nth("founded") else m[0], text)
    text = re.sub(
        r'(?m)^parties = \["', lambda m: 'parties = ["nobody-here", "' if nth("parties") else m[0], text
    )
    return re.sub(r'currency = "[A-Z]{3}"', lambda m: 'currency = "XYZ"' if nth("currency") else m[0], text)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--entities", type=int, default=20_000)
    parser.add_argument("--every", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    import tomli

    from tui.facts import FactFileError, load

    with tempfile.TemporaryDirectory() as tmp:
        good = Path(tmp) / "good.toml"
        generate = [
            sys.executable,
            str(ROOT / "benchmarks" / "generate.py"),
            "--entities",
            str(args.entities),
        ]
        subprocess.run([*generate, "--out", str(good)], check=True, capture_output=True)
        text = good.read_text(encoding="utf-8")
        bad = Path(tmp) / "bad.toml"
        bad.write_text(broken(text, args.every), encoding="utf-8")

        def load_bad() -> FactFileError:
            try:
                load(bad, cache=False)
            except FactFileError as error:
                return error
            raise SystemExit("the broken file loaded")

        base, _ = fastest(args.repeat, lambda: tomli.loads(text))
        valid, _ = fastest(args.repeat, lambda: load(good, cache=False))
        failing, error = fastest(args.repeat, load_bad)
        assert isinstance(error, FactFileError)
        english, _ = fastest(args.repeat, lambda: error.format("en"))
        korean, _ = fastest(args.repeat, lambda: error.format("ko"))

    n = len(error.problems)
    print(f"{args.entities:,} entities, {len(text) / 1e6:.1f} MB; {n:,} problems (every {args.every}th)")
    print("| row | seconds | × tomli |\n|---|---:|---:|")
    for name, seconds in (
        ("tomli parse, valid file", base),
        ("load, valid", valid),
        (f"load, {n:,} problems (FactFileError)", failing),
        ("format, English", english),
        ("format, Korean", korean),
    ):
        print(f"| {name} | {seconds:.3f} | {seconds / base:.2f} |")


if __name__ == "__main__":
    main()
