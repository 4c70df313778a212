"""Reading what the user sees, for tests that drive the explorer with Textual's Pilot.

What is on screen is read from `App.export_screenshot()` (the SVG Textual writes for a
screenshot): every character is put back at its cell, so a widget's text is the screen cropped
to the widget's region. Tests assert on that text, plus the few public attributes that say
which entity and section are shown (`DetailPane.entity`, `SectionBar.active`).
"""

from __future__ import annotations

import html
import re

from rich.cells import cell_len
from textual.app import App
from textual.pilot import Pilot
from textual.scroll_view import ScrollView
from textual.widget import Widget

from tui.facts import Entity, FactBase
from tui.facts.messages import msg
from tui.facts.model import Language
from tui.facts.text import kind_label
from tui.render.entity import field_cells, link_text, mentions, source_citation
from tui.ui.widgets.detail import MAX_BACKLINKS, MAX_FIELD_CHARS, DetailPane
from tui.ui.widgets.section_bar import SectionBar

_TEXT = re.compile(
    r'<text [^>]*?x="(?P<x>[\d.]+)"[^>]*?clip-path="url\(#[\w-]*?line-(?P<line>\d+)\)"[^>]*>'
    r"(?P<text>.*?)</text>",
    re.DOTALL,
)
_CELL_WIDTH = 12.2  # Rich's export_svg: 0.61 x its 20px font size


def screen_cells(app: App) -> list[list[str]]:
    """The screen as rows of cells; a wide character fills its first cell, the second is ''."""
    width, height = app.size
    rows = [[" "] * width for _ in range(height)]
    for match in _TEXT.finditer(app.export_screenshot()):
        y = int(match["line"])
        x = round(float(match["x"]) / _CELL_WIDTH)
        for char in html.unescape(match["text"]).replace("\xa0", " "):
            cells = cell_len(char)
            if 0 <= y < height and 0 <= x < width:
                rows[y][x] = char
                for extra in range(1, cells):
                    if x + extra < width:
                        rows[y][x + extra] = ""
            x += cells
    return rows


def visible_lines(app: App, widget: Widget | None = None) -> list[str]:
    """The lines of text on screen, or in the part of the screen `widget` covers."""
    rows = screen_cells(app)
    if widget is None:
        return ["".join(row).rstrip() for row in rows]
    region = widget.region
    return ["".join(row[region.x : region.right]).rstrip() for row in rows[region.y : region.bottom]]


def visible_text(app: App, widget: Widget | None = None) -> str:
    return "\n".join(visible_lines(app, widget))


def link_area_start(lines: list[str]) -> int:
    """Where the links begin among the detail pane's visible lines (its "Links" or "Mentioned
    in" heading, in either language); `len(lines)` when no heading is in view."""
    links = {msg("heading.links", lang) for lang in ("ko", "en")}
    mentioned = tuple(msg("heading.mentioned_in", lang) + " (" for lang in ("ko", "en"))
    for y, line in enumerate(lines):
        if line.strip() in links or line.strip().startswith(mentioned):
            return y
    return len(lines)


def places(app: App, text: str, within: Widget, lines: slice = slice(None)) -> list[tuple[int, int]]:
    """The screen offset of the middle of `text` on each line of `within` that shows it (only
    `lines` of the widget's lines are looked at)."""
    region = within.region
    shown = visible_lines(app, within)
    return [
        (region.x + column_of(shown[y], text) + cell_len(text) // 2, region.y + y)
        for y in range(len(shown))[lines]
        if text in shown[y]
    ]


async def click_text(
    pilot: Pilot, text: str, within: Widget, times: int = 1, lines: slice = slice(None)
) -> None:
    """Click the middle of the first place `text` is shown in a widget (`times` 2: double click)."""
    found = places(pilot.app, text, within, lines)
    assert found, f"{text!r} is not shown in {within!r}:\n" + "\n".join(visible_lines(pilot.app, within))
    assert await pilot.click(offset=found[0], times=times)
    await settle(pilot)


async def click_every(pilot: Pilot, text: str, within: Widget, lines: slice = slice(None)) -> int:
    """Click the middle of every place `text` is shown in a widget; returns how many clicks landed."""
    clicked = 0
    for offset in places(pilot.app, text, within, lines):
        clicked += await pilot.click(offset=offset)
        await settle(pilot)
    return clicked


def notices(app: App) -> list[str]:
    """The text of each notification on screen (Textual's toasts)."""
    return [squeeze(visible_text(app, toast).replace("▌", " ")) for toast in app.screen.query("Toast")]


def squeeze(text: str) -> str:
    """Whitespace (line ends, padding, wrapping, borders) collapsed to single spaces."""
    return " ".join(text.replace("│", " ").split())


def column_of(line: str, text: str) -> int:
    """The screen column where `text` starts in `line` (cells, not characters)."""
    return cell_len(line[: line.index(text)])


async def settle(pilot: Pilot) -> None:
    """Let pending messages (Highlighted, Changed, ...) be handled and the screen repaint."""
    await pilot.pause()


def shown(app: App) -> Entity | None:
    """The entity in the detail pane of the main screen."""
    return app.screen.query_one(DetailPane).entity


def active_section(app: App) -> str:
    return app.screen.query_one(SectionBar).active


async def assert_showing(pilot: Pilot, entity: Entity) -> None:
    """The detail pane shows `entity`: its name (in the app's language) as the pane's title, and its id."""
    await settle(pilot)
    app = pilot.app
    detail = app.screen.query_one(DetailPane)
    assert detail.entity is not None and detail.entity.id == entity.id
    text = squeeze(visible_text(app, detail))
    title = squeeze(entity.label(app.lang))  # type: ignore[attr-defined]
    assert text.startswith(title), f"{title!r} is not the title of the detail pane: {text[:200]!r}"
    assert entity.id in text


def rendered_lines(widget: ScrollView) -> list[str]:
    """Every line of a Line-API widget, drawn as it would be drawn now at its current width: the
    lines scrolled out of view too (each is drawn as if scrolled into view)."""
    top = widget.scroll_offset.y
    return [widget.render_line(y - top).text for y in range(widget.virtual_size.height)]


def without_spaces(text: str) -> str:
    """`text` with all whitespace removed: wrapped text compares equal to the text it wraps,
    however the lines broke (a Korean word may fold mid-word), while a lost character still shows."""
    return "".join(text.split())


async def repaint(pilot: Pilot) -> None:
    """Like `settle`, without waiting for the machine to go idle (a tenth of the time): the
    pending messages are handled, then the screen is laid out and painted as after a frame."""
    await pilot._wait_for_screen()
    pilot.app.screen._on_timer_update()


def content_lines(app: App, widget: Widget) -> list[str]:
    """The lines on screen inside `widget`'s scrollable content region: its text without padding,
    border or scrollbar (so a word folded over two lines reads whole once the lines are joined)."""
    rows, region = screen_cells(app), widget.scrollable_content_region
    return ["".join(row[region.x : region.right]).rstrip() for row in rows[region.y : region.bottom]]


def detail_values(facts: FactBase, entity: Entity, lang: Language) -> list[str]:
    """What the pane shows of `entity`, piece by piece: title, each field's label and value,
    each citation and each link."""
    values = [entity.label(lang), kind_label(entity.KIND, lang)]
    cells = field_cells(facts, entity, lang, max_chars=MAX_FIELD_CHARS)
    values += [label.plain for _key, label, _value in cells] + [value.plain for _key, _label, value in cells]
    values += [line.plain for line in source_citation(facts, entity, lang)]
    values += [link_text(link, lang, shown=entity).plain for link in facts.links(entity.id)]
    backlinks = mentions(facts, entity)[:MAX_BACKLINKS]
    values += [link_text(b, lang, incoming=True, shown=entity).plain for b in backlinks]
    return values


def missing(values: list[str], lines: list[str]) -> list[str]:
    """The values not on `lines` whole. Wrapping may break a line anywhere between words (or in
    a long Korean word), so both sides are compared with whitespace removed: a value cut at the
    end of a line then no longer matches."""
    screen = without_spaces("".join(lines))
    return [value for value in values if without_spaces(value) not in screen]
