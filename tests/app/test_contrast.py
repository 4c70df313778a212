"""Every character the explorer draws can be read: WCAG contrast of at least 4.5:1, in both themes.

The check is not a list of spots. Each scene below is a screen a user reaches (the main screen
with a filter and a highlighted match, the detail pane with a link cursor, the search screen with
its groups, the timeline with a highlighted bar, relationships, help, the palette, the problems
panel, toasts, hover…), run headless at a fixed size in Textual's dark and light themes. The
screen is composited as the terminal receives it, and every cell with a visible glyph (text and
bar glyphs alike) has its final foreground measured against its final background, with `reverse`
swapped and `dim` blended toward the background as Textual does. Borders and scrollbars are
decoration and are not measured; neither is the screen under a modal, which is faded on purpose.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.color import Color as RichColor
from rich.style import Style
from rich.terminal_theme import TerminalTheme
from screen_text import places
from textual.app import App, ComposeResult
from textual.filter import dim_color
from textual.pilot import Pilot
from textual.scrollbar import ScrollBar, ScrollBarCorner
from textual.widgets import Input, OptionList, Static

from screenshots import entity, help_screen, main_screen, palette, timeline_view, wait_until
from tui.facts import FactBase, FactFileError, load
from tui.ui.app import FactsApp
from tui.ui.widgets.detail import DetailPane
from tui.ui.widgets.section_bar import SectionBar

REPO = Path(__file__).resolve().parents[2]
MINIMUM = 4.5
"""WCAG 2 level AA for text (1.4.3); bars carry meaning, so they are held to it too."""
THEMES = ("textual-dark", "textual-light")
"""The app's themes: Textual's default and its light counterpart (tests/screenshots.py's `light_theme`)."""
SIZE = (120, 40)

Flow = Callable[[Pilot], Awaitable[None]]
RGB = tuple[int, int, int]


# -- measuring ----------------------------------------------------------------------------------


def relative_luminance(rgb: RGB) -> float:
    """WCAG 2's relative luminance of an sRGB colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = rgb
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast_ratio(first: RGB, second: RGB) -> float:
    """WCAG 2's contrast ratio, 1 (the same) to 21 (black on white)."""
    light, dark = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def final_colours(style: Style, terminal: TerminalTheme) -> tuple[RGB, RGB]:
    """The foreground and background a terminal shows for `style`: reverse swaps them, and dim
    blends the foreground toward the background by Textual's factor (textual.filter.dim_color)."""
    fg = (style.color or RichColor.default()).get_truecolor(terminal, foreground=True)
    bg = (style.bgcolor or RichColor.default()).get_truecolor(terminal, foreground=False)
    if style.reverse:
        fg, bg = bg, fg
    if style.dim:
        fg = dim_color(RichColor.from_triplet(bg), RichColor.from_triplet(fg)).get_truecolor()
    return (fg.red, fg.green, fg.blue), (bg.red, bg.green, bg.blue)


def is_decoration(char: str) -> bool:
    """Box drawing and block elements: what borders and scrollbars are drawn with."""
    return 0x2500 <= ord(char) <= 0x259F


def is_colour_emoji(char: str) -> bool:
    """Emoji are drawn in their own colours; the foreground does not apply (the palette's 🔎)."""
    return ord(char) >= 0x1F000


@dataclass(frozen=True)
class Glyphs:
    """A run of visible characters drawn in one style by one widget."""

    ratio: float
    text: str
    widget: str
    foreground: RGB
    background: RGB
    x: int
    y: int

    def __str__(self) -> str:
        fg, bg = ("#{:02X}{:02X}{:02X}".format(*c) for c in (self.foreground, self.background))
        return f"{self.ratio:5.2f}:1  {self.widget:<28} {fg} on {bg} at ({self.x},{self.y})  {self.text!r}"


def _widget_name(widget: object) -> str:
    name = type(widget).__name__
    widget_id = getattr(widget, "id", None)
    return f"{name}#{widget_id}" if widget_id else name


def drawn_glyphs(app: App) -> Iterator[Glyphs]:
    """Every run of visible glyphs on the app's screen, with its final colours and contrast."""
    screen = app.screen
    update = screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    terminal = app.ansi_theme
    for y, line in enumerate(update.strips):  # type: ignore[attr-defined]
        x = 0
        for strip in line:
            for text, style, control in strip:
                if control or style is None:
                    x += 0 if control else cell_len(text)
                    continue
                run: list[str] = []
                owner = None
                start = x
                for char in text:
                    width = cell_len(char)
                    widget, _region = screen.get_widget_at(x, y)
                    shown = (
                        char.strip()
                        and width > 0
                        and not is_colour_emoji(char)
                        and widget is not screen  # a modal's backdrop: the faded screen below
                        and not isinstance(widget, (ScrollBar, ScrollBarCorner))
                        and not (is_decoration(char) and not widget.content_region.contains(x, y))
                    )
                    if shown:
                        if not run:
                            owner, start = widget, x
                        run.append(char)
                    elif run:
                        run.append(" ")
                    x += width
                if run:
                    fg, bg = final_colours(style, terminal)
                    yield Glyphs(
                        contrast_ratio(fg, bg), "".join(run)[:40], _widget_name(owner), fg, bg, start, y
                    )


def worst(glyphs: list[Glyphs], limit: int = 12) -> list[Glyphs]:
    """The lowest-contrast runs below the minimum, one per widget and colour pair."""
    seen: set[tuple[str, RGB, RGB]] = set()
    found = []
    for run in sorted(glyphs, key=lambda g: g.ratio):
        key = (run.widget, run.foreground, run.background)
        if run.ratio >= MINIMUM or key in seen:
            continue
        seen.add(key)
        found.append(run)
    return found[:limit]


# -- scenes -------------------------------------------------------------------------------------


def then(*flows: Flow) -> Flow:
    async def flow(pilot: Pilot) -> None:
        for step in flows:
            await step(pilot)

    return flow


def press(*keys: str) -> Flow:
    async def flow(pilot: Pilot) -> None:
        await pilot.press(*keys)
        await pilot.pause()

    return flow


def filtered(query: str, submit: bool) -> Flow:
    """Projects (`3`), `/`, `query` typed: matches highlighted; with `submit`, Enter and Down put
    the list's cursor on a row whose name shows the match."""

    async def flow(pilot: Pilot) -> None:
        await pilot.pause()
        await pilot.press("3", "slash")
        pilot.app.screen.query_one("#filter-input", Input).cursor_blink = False
        await pilot.press(*query)
        count = pilot.app.screen.query_one("#filter-count", Static)
        await wait_until(pilot, lambda: any(c.isdigit() for c in str(count.render())), "the filter's count")
        if submit:  # the first hit matches in a field that is not shown: step to the next
            await pilot.press("enter", "down")
            await pilot.pause()

    return flow


async def empty_filter(pilot: Pilot) -> None:
    """The filter bar open with nothing typed: its placeholder."""
    await pilot.pause()
    await pilot.press("slash")
    pilot.app.screen.query_one("#filter-input", Input).cursor_blink = False
    await pilot.pause()


async def empty_search(pilot: Pilot) -> None:
    """The search screen as it opens: placeholder and the hint under it."""
    app = pilot.app
    await pilot.pause()
    await pilot.press("s")
    await wait_until(pilot, lambda: type(app.screen).__name__ == "SearchScreen", "the search screen")
    app.screen.query_one(Input).cursor_blink = False
    await pilot.pause()


def searched(query: str) -> Flow:
    """The search screen with `query` typed, once its results (grouped by kind) are listed."""

    async def flow(pilot: Pilot) -> None:
        await empty_search(pilot)
        await pilot.press(*query)
        results = pilot.app.screen.query_one("#search-results", OptionList)
        await wait_until(pilot, lambda: results.option_count > 5, "search results")

    return flow


async def link_cursor(pilot: Pilot) -> None:
    """A person's detail pane focused, the cursor on a link; a trail in the breadcrumb."""
    await pilot.pause()
    pilot.app.open_entity("lvis")  # type: ignore[attr-defined]
    await pilot.pause()
    await pilot.press("4", "down", "enter", "down")
    await pilot.pause()


async def section_bar_focused(pilot: Pilot) -> None:
    await pilot.pause()
    pilot.app.screen.query_one(SectionBar).focus()
    await pilot.pause()


async def hovering_a_key(pilot: Pilot) -> None:
    """The pointer over a key in the key bar."""
    await pilot.pause()
    await pilot.hover("KeyBar", offset=(2, 0))
    await pilot.pause()


def hover(selector: str, offset: tuple[int, int]) -> Flow:
    async def flow(pilot: Pilot) -> None:
        await pilot.hover(selector, offset=offset)
        await pilot.pause()

    return flow


async def hovering_a_link(pilot: Pilot) -> None:
    """The pointer over the first link of the detail pane (not focused), scrolled into view."""
    await pilot.pause()
    detail = pilot.app.screen.query_one(DetailPane)
    target = detail.link_targets[0]
    found = places(pilot.app, f"({target})", detail)
    while not found and detail.scroll_y < detail.max_scroll_y:
        detail.scroll_relative(y=detail.size.height // 2, animate=False)
        await pilot.pause()
        found = places(pilot.app, f"({target})", detail)
    assert found, f"the link to {target} is not in the detail pane"
    await pilot.hover(offset=found[0])
    await pilot.pause()


async def toasts(pilot: Pilot) -> None:
    """A copied-id toast and an error toast, as the app raises them."""
    await pilot.pause()
    await pilot.press("Y")
    pilot.app.notify("ValueError: an example", title="Reloading failed", severity="error", markup=False)
    pilot.app.notify("facts.toml is gone", title="File missing", severity="warning", markup=False)
    await pilot.pause()


async def problems(pilot: Pilot) -> None:
    """The problems panel, as a reload of a broken file shows it (three problems, with source lines)."""
    await pilot.pause()
    try:
        load(REPO / "tests" / "fixtures" / "hostile" / "huge_integer.toml", cache=False)
    except FactFileError as error:
        await pilot.app.main.show_problems(error)  # type: ignore[attr-defined]
    else:
        raise AssertionError("huge_integer.toml is meant not to load")
    await pilot.pause()


SCENES: dict[str, Flow] = {
    "main": main_screen,
    "english": then(main_screen, press("l")),
    "section bar focused": section_bar_focused,
    "filter typed": filtered("모터", submit=False),
    "filter match on the cursor row": filtered("모터", submit=True),
    "filter placeholder": empty_filter,
    "detail link cursor": link_cursor,
    "hover on a key": hovering_a_key,
    "hover on a link": hovering_a_link,
    "search placeholder": empty_search,
    "search groups": searched("대구"),
    "timeline": timeline_view,
    "relationships": then(entity("lvis"), press("R")),
    "hover in relationships": then(entity("lvis"), press("R"), hover("#relations-tree", (12, 3))),
    "help": help_screen,
    "palette": palette("LVIS", "lvis-daegu-branch"),
    "export": then(main_screen, press("e")),
    "problems": problems,
    "toasts": toasts,
}
"""Screens that between them show every component that draws text, in the states it draws them."""


async def measure(facts: FactBase, theme: str, flow: Flow) -> list[Glyphs]:
    """Run `flow` headless in `theme` and measure every glyph on the screen it ends on."""
    app = FactsApp(facts, facts.meta.language, watch=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:  # Pilot hides toasts by default
        app.theme = theme
        await pilot.pause()
        await flow(pilot)
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        return list(drawn_glyphs(app))


# -- tests --------------------------------------------------------------------------------------


@pytest.mark.parametrize("scene", list(SCENES))
@pytest.mark.parametrize("theme", THEMES)
async def test_every_glyph_is_readable(facts: FactBase, theme: str, scene: str) -> None:
    glyphs = await measure(facts, theme, SCENES[scene])
    assert len(glyphs) >= 3, f"{scene}: nothing on screen to measure"
    offenders = worst(glyphs)
    assert not offenders, f"{theme}, {scene}: below {MINIMUM}:1\n" + "\n".join(map(str, offenders))


def test_contrast_ratio_is_wcags() -> None:
    assert contrast_ratio((0, 0, 0), (255, 255, 255)) == pytest.approx(21)
    assert contrast_ratio((119, 119, 119), (119, 119, 119)) == pytest.approx(1)
    assert contrast_ratio((118, 118, 118), (255, 255, 255)) == pytest.approx(4.54, abs=0.01)


def test_dim_and_reverse_resolve_as_the_terminal_shows_them() -> None:
    terminal = App().ansi_theme
    plain = Style(color="#FFFFFF", bgcolor="#000000")
    assert final_colours(plain, terminal) == ((255, 255, 255), (0, 0, 0))
    assert final_colours(plain + Style(reverse=True), terminal) == ((0, 0, 0), (255, 255, 255))
    dim_fg, _ = final_colours(plain + Style(dim=True), terminal)
    assert 0 < dim_fg[0] < 255 and contrast_ratio(dim_fg, (0, 0, 0)) < 21


class Faint(App[None]):
    """A widget in grey on grey (about 1.3:1), to show the measurement finds it."""

    CSS = "Screen { background: #888888; } Static { color: #777777; background: #888888; }"

    def compose(self) -> ComposeResult:
        yield Static("barely there", id="text")
        yield Static("━━━━ ●", id="bar")


async def test_the_measurement_finds_faint_text_and_bars() -> None:
    app = Faint()
    async with app.run_test(size=(40, 4)) as pilot:
        await pilot.pause()
        offenders = worst(list(drawn_glyphs(app)))
    assert any("━" in g.text for g in offenders) and any("barely" in g.text for g in offenders)
    assert all(g.ratio < 1.5 for g in offenders)
