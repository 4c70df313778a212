"""The timeline as Rich renderables, for the command line and the explorer.

`render_timeline` draws a whole table; `timeline_row` draws one item as one line of Text, for
a list widget. Both take the `YearSpan` of the whole timeline so that every bar uses the same
scale: a period (Motor Valley, 2023–2028) is a bar across the years it covers, a single date a
dot in its year. Data reaches Rich only as `Text` built from plain strings, never markup.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from tui.facts import FactBase
from tui.facts.messages import MESSAGES, msg
from tui.facts.model import Event, Language, Project
from tui.facts.money import format_date, format_money
from tui.facts.text import kind_label, period_text, subkind_label
from tui.facts.timeline import TimelineItem, YearSpan, year_span
from tui.render.entity import name_with_id
from tui.render.styles import DIM

BAR_WIDTH = 24
"""Default width of the bar column, in cells."""
DATE_WIDTH = 10
"""Width of the date column: '2023-03-06' and '2023–2028' both fit."""

PERIOD_CHAR, OPEN_END_CHAR, POINT_CHAR, EMPTY_CHAR = "━", "→", "●", "·"
# The command line's table: named ANSI colours follow the terminal's theme, so both read on dark and light.
PERIOD_STYLE, POINT_STYLE, EMPTY_STYLE, SELECTED_STYLE = "cyan", "bold magenta", "dim", "reverse"
# The explorer's rows (`timeline_row`) take the row's own colours: Textual turns ANSI names into fixed
# colours, and none reads at 4.5:1 on both its dark and light backgrounds, nor on a cursor row
# (tests/app/test_contrast.py). The shapes tell a period from a date.
ROW_PERIOD_STYLE, ROW_POINT_STYLE = "bold", "bold"


def what_label(what: str, lang: Language = "en") -> str:
    """'signed' or '체결'."""
    key = f"what.{what}"
    return msg(key, lang) if key in MESSAGES else what


def item_date_text(item: TimelineItem, facts: FactBase) -> str:
    """The item's date at its precision: '2023-03-06', '2024-09', '2023', '2023–2028'; '—' if undated."""
    if item.start is None:
        return "—"
    if item.is_period:
        project = facts.get(item.entity_id)
        if isinstance(project, Project) and project.period is not None:
            return period_text(project)
    return format_date(item.start, item.precision)


def item_what_text(item: TimelineItem, facts: FactBase, lang: Language = "en") -> Text:
    """What happened: 'signed', 'event · meeting', 'deadline · 760억 원', plus the note for undated items."""
    text = Text(what_label(item.what, lang))
    entity = facts.get(item.entity_id)
    if isinstance(entity, Event):
        text.append(f" · {subkind_label(entity.kind, lang)}")
    if item.money is not None:
        text.append(f" · {format_money(item.money, lang)}")
    note = item.note.pick(lang)
    if note:
        text.append(f" — {note}", style=DIM)
    return text


def bar_text(
    item: TimelineItem,
    span: YearSpan | None,
    width: int = BAR_WIDTH,
    *,
    period_style: str = PERIOD_STYLE,
    point_style: str = POINT_STYLE,
) -> Text:
    """The item on the timeline's scale: a bar for a period, a dot for a date, blank if undated.

    The span's years share `width` cells equally (at least one cell a year); an open-ended
    period runs to the end with an arrow.
    """
    if span is None or item.start is None:
        return Text(" " * width)
    per_year = max(1, width // span.years)
    cells = per_year * span.years
    first = (item.start.year - span.first) * per_year
    if item.is_period:
        last_year = item.end.year if item.end is not None else span.last
        last = (last_year - span.first + 1) * per_year - 1
    else:
        day = item.start.timetuple().tm_yday - 1
        first += min(per_year - 1, day * per_year // 366)
        last = first
    first, last = max(0, min(first, cells - 1)), max(0, min(last, cells - 1))
    text = Text()
    text.append(EMPTY_CHAR * first, style=EMPTY_STYLE)  # a span: Text(style=) would dim the bar too
    if item.is_period:
        run = PERIOD_CHAR * (last - first + 1)
        if item.end is None:
            run = run[:-1] + OPEN_END_CHAR
        text.append(run, style=period_style)
    else:
        text.append(POINT_CHAR, style=point_style)
    text.append(EMPTY_CHAR * (cells - last - 1), style=EMPTY_STYLE)
    text.append(" " * (width - cells))
    return text


def axis_text(span: YearSpan | None, width: int = BAR_WIDTH) -> Text:
    """The bar column's header: the first year at the left, the last at the right ('2023    2028')."""
    if span is None:
        return Text("")
    first, last = str(span.first), str(span.last)
    cells = max(1, width // span.years) * span.years
    if span.first == span.last or cells < len(first) + len(last) + 1:
        return Text(first)
    return Text(first + " " * (cells - len(first) - len(last)) + last)


def timeline_row(
    item: TimelineItem,
    facts: FactBase,
    lang: Language = "ko",
    span: YearSpan | None = None,
    bar_width: int = BAR_WIDTH,
    width: int | None = None,
) -> Text:
    """One item as one line, for a list: date, bar, name (id), what.

    Pass the `year_span` of the whole timeline as `span` so that every row uses one scale.
    With `width`, the line is cut to that many cells with an ellipsis.
    """
    line = Text(item_date_text(item, facts).ljust(DATE_WIDTH))
    line.append(" ")
    line.append_text(
        bar_text(item, span, bar_width, period_style=ROW_PERIOD_STYLE, point_style=ROW_POINT_STYLE)
    )
    line.append(" ")
    line.append_text(name_with_id(facts, item.entity_id, lang))
    line.append("  ")
    what = item_what_text(item, facts, lang)
    what.stylize(DIM)
    line.append_text(what)
    line.no_wrap = True
    line.overflow = "ellipsis"
    if width is not None:
        line.truncate(width, overflow="ellipsis")
    return line


def render_timeline(
    facts: FactBase,
    items: list[TimelineItem],
    lang: Language = "ko",
    width: int | None = None,
    selected: int | None = None,
) -> RenderableType:
    """The timeline: the file's title, a table of dated items (date, bar, entity, what), then the
    undated items under their own heading.

    `width` is the width available (the bar column takes about a quarter of it, 12 to 48
    cells); `selected` is the index in `items` of a row to highlight.
    """
    span = year_span(items)
    bar_width = BAR_WIDTH if width is None else max(12, min(48, width // 4))
    entity_header = msg("timeline.entity", lang)
    what_header = msg("timeline.what", lang)
    dated = Table(show_edge=False, pad_edge=False, box=None, header_style="bold")
    dated.add_column(msg("timeline.date", lang), no_wrap=True, min_width=DATE_WIDTH)
    dated.add_column(axis_text(span, bar_width), no_wrap=True, min_width=bar_width)
    dated.add_column(entity_header, overflow="fold", ratio=2)
    dated.add_column(what_header, overflow="fold", ratio=3)
    undated = Table(show_edge=False, pad_edge=False, box=None, header_style="bold")
    undated.add_column(entity_header, overflow="fold", ratio=2)
    undated.add_column(what_header, overflow="fold", ratio=3)
    for n, item in enumerate(items):
        name = name_with_id(facts, item.entity_id, lang)
        name.append(f"  {kind_label(item.kind, lang)}", style=DIM)
        style = SELECTED_STYLE if n == selected else None
        what = item_what_text(item, facts, lang)
        if item.undated:
            undated.add_row(name, what, style=style)
        else:
            dated.add_row(
                Text(item_date_text(item, facts)), bar_text(item, span, bar_width), name, what, style=style
            )
    parts: list[RenderableType] = [Text(facts.meta.title, style="bold"), Text()]
    if dated.row_count:
        parts.append(dated)
    else:
        parts.append(Text(msg("timeline.nothing_dated", lang), style=DIM))
    if undated.row_count:
        parts += [Text(), Text(msg("timeline.undated", lang), style="bold"), undated]
    return Group(*parts)
