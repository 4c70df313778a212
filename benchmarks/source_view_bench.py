"""The source view on a source cited by 100,000 entities, against the bundled file's source in the same run.

    python benchmarks/source_view_bench.py [--entities 100000] [--repeat 5]

Writes a file of one source of 20 paragraphs and `--entities` organizations, each citing its name
in one paragraph with a quote long enough to wrap at 80 columns, loads it as the explorer does
(the link index built), then times, fastest of `--repeat`:

- `by_paragraph` of the source (what `facts-tui cites` prints);
- `source_rows`: the view's rows (`by_paragraph`, then one list of references);
- open: `p` on the source in a headless explorer at 80x24, until the view is painted;
- digits: `1` then `5` (paragraph 15) until painted; End; PgDn; ↓; `l` (the other language).

Each explorer step is the action, every message it causes handled, then the screen laid out and
painted as Textual's update timer would (see benchmarks/explorer.py, whose `settle` it uses).
The bundled file's source (118 citations) is measured the same way in the same run: the
baseline (×1.00) of each row.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from explorer import settle

from tui.facts import FactBase, load
from tui.facts.bundled import bundled_fact_file
from tui.facts.citations import by_paragraph
from tui.facts.source_rows import source_rows
from tui.ui.app import FactsApp
from tui.ui.screens.source_view import SourceViewScreen
from tui.ui.widgets.paragraph_list import ParagraphList

PARAGRAPHS = 20
QUOTE = "대구시는 미래 산업 육성을 위해 {n}번째 기업과 업무 협약을 맺고 행정 지원을 맡기로 했다"


def write_file(path: Path, entities: int) -> None:
    """One source, `entities` organizations citing it; only the standard library's str.format."""
    lines = [
        "[meta]",
        'title = "one source cited by every entity"',
        "schema_version = 1",
        'language = "ko"',
        "",
        "[[sources]]",
        'id = "big-source"',
        'outlet = { ko = "동아일보", en = "Dong-A Ilbo" }',
        'title = { ko = "한 기사", en = "One article" }',
        "published = 2023-03-07",
        f"paragraphs = {PARAGRAPHS}",
        "",
    ]
    for n in range(entities):
        lines += [
            "[[organizations]]",
            f'id = "org-{n:06d}"',
            'kind = "company"',
            f'name = {{ ko = "기업 {n}", en = "Company {n}" }}',
            f'provenance = [{{ source = "big-source", paragraph = {n % (PARAGRAPHS + 1)}, '
            f'fields = ["name"], quote = "{QUOTE.format(n=n)}" }}]',
            "",
        ]
    path.write_text("\n".join(lines), encoding="utf-8")


def fastest(repeat: int, work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


async def explorer_steps(facts: FactBase, source_id: str, repeat: int) -> dict[str, float]:
    """Seconds of each step in the headless explorer, fastest of `repeat`."""
    times: dict[str, list[float]] = {}
    for _ in range(repeat):
        app = FactsApp(facts, lang="ko", watch=False)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            app.main.go_to(source_id)
            await settle(pilot)

            async def step(name: str, action: Callable[[], object]) -> None:
                start = time.perf_counter()
                action()
                await settle(pilot)
                times.setdefault(name, []).append(time.perf_counter() - start)

            await step("open (p)", app.main.action_source_view)
            assert isinstance(app.screen, SourceViewScreen)
            listing = app.screen.query_one(ParagraphList)

            def paragraph_15(listing: ParagraphList = listing) -> None:
                listing.action_paragraph_digit("1")
                listing.action_paragraph_digit("5")

            await step("digits 1, 5", paragraph_15)
            await step("End", listing.action_last)
            await step("Home", listing.action_first)
            await step("PgDn", listing.action_page_down)
            await step("↓", listing.action_cursor_down)
            await step("l (language)", app.action_toggle_language)
    return {name: min(values) for name, values in times.items()}


def measure(facts: FactBase, source_id: str, repeat: int) -> dict[str, float]:
    """Seconds of each step on `facts`' source `source_id`."""
    first = next(iter(facts))
    facts.backlinks(first.id)  # the explorer builds the link index while loading
    steps = {
        "by_paragraph": fastest(repeat, lambda: by_paragraph(facts, source_id)),
        "source_rows": fastest(repeat, lambda: source_rows(facts, source_id)),
    }
    steps.update(asyncio.run(explorer_steps(facts, source_id, repeat)))
    return steps


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "cited.toml"
        write_file(path, args.entities)
        big = measure(load(path, cache=False), "big-source", args.repeat)
    bundled = measure(load(bundled_fact_file()), "donga-2023-03-07", args.repeat)
    print(f"| step | bundled (118 citations), ms | {args.entities:,} citations, ms | × bundled |")
    print("|---|---:|---:|---:|")
    for name, seconds in big.items():
        base = bundled[name]
        print(f"| {name} | {base * 1000:.1f} | {seconds * 1000:.1f} | {seconds / base:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
