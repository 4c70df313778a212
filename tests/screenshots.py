"""SVG screenshots of the explorer: `python tests/screenshots.py [--out screenshots] [FILE]` (test tooling: not in the wheel).

Each screenshot is a short flow a user would go through, driven with Textual's Pilot in a
headless terminal of a fixed size. The snapshot tests (tests/snapshots/test_snapshots.py) run
the same flows, so what the README shows is what the tests check.

Nothing in a screenshot depends on the time: the header has no clock and the command palette's
cursor does not blink.
"""

from __future__ import annotations

import argparse
import asyncio
import re
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import Input

from tui.facts import FactBase, load
from tui.facts.bundled import bundled_fact_file

Flow = Callable[[Pilot], Awaitable[None]]
"""What a user does before the screenshot is taken."""

WIDE = (120, 40)
NARROW = (80, 24)


class FlowError(RuntimeError):
    """A flow did not reach the screen it was meant to show."""


async def main_screen(pilot: Pilot) -> None:
    """The explorer as it opens: the first section, its first entity shown."""
    await pilot.pause()


async def light_theme(pilot: Pilot) -> None:
    """The explorer as it opens, in Textual's light theme."""
    await pilot.pause()
    pilot.app.theme = "textual-light"
    await pilot.pause()


def entity(entity_id: str) -> Flow:
    """Jump to an entity, as the command palette does; the breadcrumb shows where from."""

    async def flow(pilot: Pilot) -> None:
        app = pilot.app
        await pilot.pause()  # the main screen is mounted
        app.open_entity(entity_id)  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.pause()
        detail = app.screen.query_one("DetailPane")
        shown = getattr(detail, "entity", None)
        if shown is None or shown.id != entity_id:
            raise FlowError(f"expected {entity_id} in the detail pane, found {shown and shown.id}")

    return flow


async def help_screen(pilot: Pilot) -> None:
    """The help screen (`?`)."""
    await pilot.pause()
    await pilot.press("question_mark")
    await pilot.pause()


def palette(query: str, expect: str) -> Flow:
    """The command palette (Ctrl+P) with `query` typed, once `expect` is among the results."""

    async def flow(pilot: Pilot) -> None:
        app = pilot.app
        await pilot.pause()
        await pilot.press("ctrl+p")
        if not isinstance(app.screen, CommandPalette):
            raise FlowError(f"Ctrl+P opened {app.screen!r}, not the command palette")
        app.screen.query_one(Input).cursor_blink = False  # a steady cursor, the same in every shot
        await pilot.press(*query)
        await wait_until(
            pilot, lambda: expect in _plain(app.export_screenshot()), f"{expect!r} in the palette"
        )

    return flow


def search(query: str, expect: str) -> Flow:
    """The search screen (`s`) with `query` typed, once `expect` is among the results."""

    async def flow(pilot: Pilot) -> None:
        app = pilot.app
        await pilot.pause()
        await pilot.press("s")
        await wait_until(pilot, lambda: type(app.screen).__name__ == "SearchScreen", "the search screen")
        app.screen.query_one(Input).cursor_blink = False
        await pilot.press(*query)
        await wait_until(
            pilot, lambda: expect in _plain(app.export_screenshot()), f"{expect!r} in the results"
        )

    return flow


async def edit_form(pilot: Pilot) -> None:
    """The field dialog (`c`) on LVIS, its valuation typed as people write money."""
    app = pilot.app
    await pilot.pause()
    app.open_entity("lvis")  # type: ignore[attr-defined]
    await pilot.pause()
    await pilot.press("c")
    await wait_until(pilot, lambda: type(app.screen).__name__ == "EditFieldScreen", "the field dialog")
    fields = app.screen.query_one("#edit-fields")
    fields.highlighted = next(n for n, f in enumerate(app.screen.fields) if f.path == "valuation.money")
    value = app.screen.query_one(Input)
    value.cursor_blink = False
    value.value = ""
    await pilot.press(*"3400억")
    await wait_until(
        pilot, lambda: "KRW 340.0 billion" in _plain(app.export_screenshot()), "the parsed amount"
    )


async def entity_form(pilot: Pilot) -> None:
    """The edit form (`C`) on the Motor Valley project, its budget typed as people write money:
    read back in both languages, and the citation it now needs asked for."""
    app = pilot.app
    await pilot.pause()
    app.open_entity("motor-valley")  # type: ignore[attr-defined]
    await pilot.pause()
    await pilot.press("C")
    await wait_until(pilot, lambda: type(app.screen).__name__ == "EditFormScreen", "the edit form")
    budget = next(w for w, path in app.screen._paths().items() if path == "budget")  # type: ignore[attr-defined]
    budget.focus()
    budget.cursor_blink = False
    budget.value = ""
    await pilot.press(*"3400억")
    await wait_until(
        pilot, lambda: "KRW 340.0 billion" in _plain(app.export_screenshot()), "the parsed amount"
    )


async def timeline_view(pilot: Pilot) -> None:
    """The timeline (`t`) from the Motor Valley project."""
    app = pilot.app
    await pilot.pause()
    app.open_entity("motor-valley")  # type: ignore[attr-defined]
    await pilot.pause()
    await pilot.press("t")
    await wait_until(pilot, lambda: type(app.screen).__name__ == "TimelineScreen", "the timeline")


async def wait_until(pilot: Pilot, done: Callable[[], bool], what: str, timeout: float = 5.0) -> None:
    """Let the app run until `done()` holds, then once more; FlowError after `timeout` seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not done():
        if loop.time() > deadline:
            raise FlowError(f"timed out waiting for {what}")
        await pilot.pause(0.05)
    await pilot.pause()


def _plain(svg: str) -> str:
    """The characters of an SVG screenshot, near enough to search for a word."""
    return svg.replace("&#160;", " ")


def _stable_ids(path: Path, name: str) -> None:
    """Rich names the SVG's styles and clip paths with a random number; use the shot's name,
    so that taking the screenshots again changes the files only when the screen changed."""
    svg = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"\bterminal-\d+-", f"terminal-{name}-", svg), encoding="utf-8")


@dataclass(frozen=True)
class Shot:
    name: str
    size: tuple[int, int]
    flow: Flow


SHOTS: tuple[Shot, ...] = (
    Shot("main", WIDE, main_screen),
    Shot("agreement", WIDE, entity("mou-digital-brain")),
    Shot("light", WIDE, light_theme),
    Shot("help", WIDE, help_screen),
    Shot("palette", WIDE, palette("LVIS", "lvis-daegu-branch")),
    Shot("narrow", NARROW, main_screen),
    Shot("search", WIDE, search("760억", "찾음")),  # "… matches" in Korean, the file's language
    Shot("timeline", WIDE, timeline_view),
    Shot("edit", WIDE, edit_form),
    Shot("edit_form", WIDE, entity_form),
)


def make_app(facts: FactBase):
    """The explorer on `facts`, in the file's language (imported here: Textual loads on use)."""
    from tui.ui.app import FactsApp

    return FactsApp(facts, facts.meta.language)


def take(shot: Shot, facts: FactBase, out: Path) -> Path:
    """Run `shot`'s flow in a headless terminal and save the screen as `out/<name>.svg`."""
    app = make_app(facts)
    saved: list[Path] = []
    failed: list[BaseException] = []

    async def auto_pilot(pilot: Pilot) -> None:
        try:
            await pilot.pause()
            await shot.flow(pilot)
            await pilot.wait_for_scheduled_animations()
            await pilot.pause()
            path = Path(app.save_screenshot(filename=f"{shot.name}.svg", path=str(out)))
            _stable_ids(path, shot.name)
            saved.append(path)
        except Exception as error:  # reported below, once the app has shut down
            failed.append(error)
        finally:
            app.exit()

    app.run(headless=True, size=shot.size, auto_pilot=auto_pilot)
    if failed:
        raise FlowError(f"{shot.name}: {failed[0]}") from failed[0]
    if not saved:
        raise FlowError(f"no screenshot for {shot.name}")
    return saved[0]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python tests/screenshots.py", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("screenshots"), help="directory for the SVGs")
    parser.add_argument("file", nargs="?", type=Path, default=None, help="fact file (default: bundled)")
    parser.add_argument("--only", action="append", choices=[s.name for s in SHOTS], help="just these shots")
    args = parser.parse_args(argv)
    facts = load(args.file or bundled_fact_file())
    args.out.mkdir(parents=True, exist_ok=True)
    for shot in SHOTS:
        if args.only and shot.name not in args.only:
            continue
        path = take(shot, facts, args.out)
        print(f"{path}  ({shot.size[0]}x{shot.size[1]})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
