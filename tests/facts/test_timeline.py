"""The timeline: everything dated in order, undated facts in their own group, periods as bars."""

from __future__ import annotations

import datetime as dt
import io

from rich.console import Console
from rich.text import Text

from tui.facts import FactBase, loads
from tui.facts.messages import msg
from tui.facts.timeline import TimelineItem, YearSpan, items_of, timeline, undated_items, year_span
from tui.render.timeline import (
    OPEN_END_CHAR,
    PERIOD_CHAR,
    POINT_CHAR,
    bar_text,
    render_timeline,
    timeline_row,
)


def _item(items: list[TimelineItem], entity_id: str, what: str) -> TimelineItem:
    matches = [i for i in items if i.entity_id == entity_id and i.what == what]
    assert len(matches) == 1, (entity_id, what, matches)
    return matches[0]


def _render(renderable, width: int = 160) -> str:
    console = Console(width=width, record=True, color_system=None, file=io.StringIO())
    console.print(renderable)
    return console.export_text()


def test_mou_signed_the_day_before_the_article_was_published(bundled: FactBase) -> None:
    items = timeline(bundled)
    mou = _item(items, "mou-digital-brain", "signed")
    article = _item(items, "donga-2023-03-07", "published")
    assert mou.start == dt.date(2023, 3, 6) and mou.precision == "day"
    assert article.start == dt.date(2023, 3, 7)
    assert items.index(mou) < items.index(article)


def test_core_automotive_mou_is_undated_not_guessed(bundled: FactBase) -> None:
    items = timeline(bundled)
    mou = _item(items, "mou-core-automotive", "signed")
    assert mou.undated and mou.start is None and mou.end is None
    assert "no date" in mou.note.en
    assert mou in undated_items(items)
    # Undated items come after every dated one.
    first_undated = min(n for n, i in enumerate(items) if i.undated)
    assert all(i.undated for i in items[first_undated:])
    assert {i.entity_id for i in items[first_undated:]} == {
        "mou-core-automotive",
        "signing-mou-core-automotive",
        "quote-daegu-official-motor",
    }


def test_investment_deadline_is_dated_at_month_precision(bundled: FactBase) -> None:
    deadline = _item(timeline(bundled), "mou-core-automotive", "deadline")
    assert not deadline.undated
    assert deadline.start == dt.date(2024, 9, 30)
    assert deadline.precision == "month"
    assert deadline.money is not None and deadline.money.amount == 76_000_000_000


def test_motor_valley_is_a_2023_to_2028_period(bundled: FactBase) -> None:
    items = timeline(bundled)
    period = _item(items, "motor-valley", "period")
    assert period.start == dt.date(2023, 1, 1)
    assert period.end == dt.date(2028, 12, 31)
    assert period.precision == "year"
    hub = _item(items, "future-mobility-hub", "period")
    assert hub.end is None  # the article gives no end year
    assert year_span(items) == YearSpan(2023, 2028)


def test_sorted_by_date_then_kind_then_the_file_order(bundled: FactBase) -> None:
    items = timeline(bundled)
    dated = [i for i in items if not i.undated]
    assert [i.start for i in dated] == sorted(i.start for i in dated)  # type: ignore[type-var]
    same_day = [i.entity_id for i in dated if i.start == dt.date(2023, 3, 6)]
    # The agreement (kind order: agreement before event), then the day's events as the file tells
    # them, which is the article's order: the signing, then the lecture after it, the forum, remarks.
    events = [e.id for e in bundled.of_kind("event") if e.date == dt.date(2023, 3, 6)]
    assert same_day == ["mou-digital-brain", *events]
    assert same_day.index("signing-mou-digital-brain") < same_day.index(
        "lecture-silicon-valley-brain-industry"
    )
    assert items_of(items, "mou-core-automotive") == [
        n for n, i in enumerate(items) if i.entity_id == "mou-core-automotive"
    ]


def test_nothing_but_dated_kinds_appear(bundled: FactBase) -> None:
    kinds = {i.kind for i in timeline(bundled)}
    assert kinds == {"source", "agreement", "event", "project"}
    assert not any(i.entity_id == "lvis" for i in timeline(bundled))  # founded 2013 is not listed


def test_bars_share_one_scale() -> None:
    span = YearSpan(2023, 2028)
    period = TimelineItem("p", "project", "period", dt.date(2023, 1, 1), dt.date(2028, 12, 31), "year")
    bar = bar_text(period, span, 24).plain
    assert bar == PERIOD_CHAR * 24
    later = TimelineItem("q", "project", "period", dt.date(2025, 1, 1), dt.date(2026, 12, 31), "year")
    assert bar_text(later, span, 24).plain == "·" * 8 + PERIOD_CHAR * 8 + "·" * 8
    open_end = TimelineItem("r", "project", "period", dt.date(2027, 1, 1), None, "year")
    assert bar_text(open_end, span, 24).plain.endswith(PERIOD_CHAR * 7 + OPEN_END_CHAR)
    point = TimelineItem("s", "agreement", "deadline", dt.date(2024, 9, 30), precision="month")
    plain = bar_text(point, span, 24).plain
    assert plain.index(POINT_CHAR) in range(4, 8)  # inside 2024's four cells
    undated = TimelineItem("t", "event", "event", None, undated=True)
    assert bar_text(undated, span, 24).plain.strip() == ""


def test_render_timeline_shows_dates_bar_and_undated_group(bundled: FactBase) -> None:
    items = timeline(bundled)
    out = _render(render_timeline(bundled, items, "en", width=160))
    assert "2023–2028" in out
    assert PERIOD_CHAR * 10 in out
    assert "2024-09" in out and "KRW 76.0 billion" in out
    assert msg("timeline.undated", "en") in out
    starts = [line.split(" ", 1)[0] for line in out.splitlines()]
    assert starts.index("2023-03-06") < starts.index("2023-03-07") < starts.index("2024-09")
    assert out.index("\n2024-09") < out.index(msg("timeline.undated", "en"))
    after = out[out.index(msg("timeline.undated", "en")) :]
    assert "Recently (the article gives no date)" in after
    assert "MOU between Daegu and Core Automotive" in after
    korean = _render(render_timeline(bundled, items, "ko"))
    assert msg("timeline.undated", "ko") in korean and "760억 원" in korean


def test_timeline_row_is_one_line_of_text(bundled: FactBase) -> None:
    items = timeline(bundled)
    span = year_span(items)
    row = timeline_row(_item(items, "motor-valley", "period"), bundled, "en", span)
    assert isinstance(row, Text)
    assert "\n" not in row.plain
    assert row.plain.startswith("2023–2028")
    assert "Motor Valley project (motor-valley)" in row.plain
    cut = timeline_row(items[0], bundled, "en", span, width=30)
    assert cut.cell_len <= 30


def test_markup_in_data_is_shown_literally() -> None:
    facts = loads(
        """
[meta]
title = "T"
[[sources]]
id = "src"
outlet = { en = "O" }
title = { en = "[bold]x[/bold] [@click=app.quit]" }
published = 2023-03-07
"""
    )
    items = timeline(facts)
    out = _render(render_timeline(facts, items, "en"))
    assert "[bold]x[/bold] [@click=app.quit]" in out
    assert "[bold]x[/bold]" in timeline_row(items[0], facts, "en", year_span(items)).plain


def test_empty_file_has_an_empty_timeline() -> None:
    facts = loads('[meta]\ntitle = "Empty"\n')
    assert timeline(facts) == []
    assert year_span([]) is None
    assert "nothing dated" in _render(render_timeline(facts, [], "en"))


def test_selected_row_is_highlighted(bundled: FactBase) -> None:
    items = timeline(bundled)

    def styled(selected: int | None) -> str:
        console = Console(width=160, file=io.StringIO(), force_terminal=True, color_system="standard")
        console.print(render_timeline(bundled, items, "en", selected=selected))
        return console.file.getvalue()  # type: ignore[attr-defined]

    assert "\x1b[7m" not in styled(None)
    highlighted = styled(items.index(_item(items, "motor-valley", "period")))
    reverse_lines = [line for line in highlighted.splitlines() if "\x1b[7m" in line]
    assert reverse_lines and all("motor-valley" in line for line in reverse_lines)
